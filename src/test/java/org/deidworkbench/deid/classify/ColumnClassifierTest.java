package org.deidworkbench.deid.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnClassifierTest {

    private static ColumnClassifier.Classification classify(String header, List<String> values) {
        ValueStats stats = new ValueStats(NameDictionary.get());
        values.forEach(stats::add);
        return ColumnClassifier.classify(header, stats);
    }

    private static List<String> repeat(List<String> values, int times) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.addAll(values);
        }
        return out;
    }

    /**
     * Decision 0179: a card's number of twenty digits is no quantity, however few rows show it (a Swiss export's two
     * patients' Versichertenkarte was kept as a number); a code list of such numbers repeats.
     */
    @Test
    void numbersOfSixteenDigitsOrMoreAreIdentifiersUnlessTheyRepeatAsCodes() {
        assertEquals(ColumnClass.IDENTIFIER, classify("karte", List.of("80756000010001234567", "80756000010007654321"))
                .columnClass());
        assertEquals(ColumnClass.NATIONAL_ID, classify("Versichertenkarte", List.of("80756000010001234567",
                "80756000010007654321")).columnClass());
        assertEquals(ColumnClass.CODE, classify("concept", repeat(List.of("999000881000001106", "999000891000001108"), 20))
                .columnClass());
        assertEquals(ColumnClass.NUMBER, classify("amount", List.of("1234567", "7654321")).columnClass());
    }

    /** Decision 0180: an EHR patient list's "Patient" column, each name with its record's number, is a name column. */
    @Test
    void namesWithTheirRecordsNumbersUnderAPersonsHeaderAreNames() {
        List<String> patients = List.of("QUACKENBOSS, PERPETUA (MRN 00458812)", "VANTONGEREN, CORNELIUS (MRN 00339017)",
                "Delacroix, Marguerite (MRN 00771204)");
        assertEquals(ColumnClass.PERSON_NAME, classify("Patient", patients).columnClass());
        assertEquals(ColumnClass.PERSON_NAME, classify("Patient Name/MRN", patients).columnClass());
        assertTrue(classify("Diagnosis", List.of("Pneumonia, left lower lobe (J18.9)", "Heart failure, acute (I50.9)"))
                .columnClass() != ColumnClass.PERSON_NAME);
    }

    /** Decision 0105: a year of birth is aggregated for anyone over 89, not kept as a plain number. */
    @Test
    void aYearOfBirthIsABirthYearAndABirthWeightIsNot() {
        List<String> years = List.of("1931", "1980", "1955", "1990", "2003");
        assertEquals(ColumnClass.BIRTH_YEAR, classify("year_of_birth", years).columnClass());
        assertEquals(ColumnClass.BIRTH_YEAR, classify("YOB", years).columnClass());
        assertEquals(ColumnClass.BIRTH_YEAR, classify("Geburtsjahr", years).columnClass());
        assertEquals(ColumnClass.BIRTH_DATE_PART, classify("month_of_birth", List.of("12", "6", "1", "3")).columnClass());
        List<String> grams = List.of("3250", "1980", "2100", "3900", "2950");
        assertNotEquals(ColumnClass.BIRTH_YEAR, classify("birth_weight_g", grams).columnClass());
        assertNotEquals(ColumnClass.BIRTH_YEAR, classify("Geburtsgewicht", grams).columnClass());
        assertNotEquals(ColumnClass.BIRTH_YEAR, classify("enrollment_year", years).columnClass());
    }

    /**
     * Decision 0173: a claims extract's one rendering provider, surname first, under a name header, is a name however
     * few distinct values it has; a category under a name header stays one.
     */
    @Test
    void surnameCommaGivenNameUnderANameHeaderIsAPersonsNameEvenAsOneValue() {
        assertEquals(ColumnClass.PERSON_NAME, classify("RENDERING_NAME",
                repeat(List.of("ABERCROMBIE-NASH, PERCIVAL"), 8)).columnClass());
        assertEquals(ColumnClass.PERSON_NAME, classify("Attending Name",
                repeat(List.of("Quillfeather, Ottoline", "Vandermoor, Tressiline MD"), 6)).columnClass());
        assertNotEquals(ColumnClass.PERSON_NAME, classify("DEPARTMENT_NAME",
                repeat(List.of("CARDIOLOGY", "ONCOLOGY"), 6)).columnClass());
    }

    /**
     * Decision 0235: an operating room's staff are named by their trade, not by "name": a case log's one anesthesiologist,
     * surname first, is a person's name as a rendering provider's is.
     */
    @Test
    void aClinicianUnderTheirTradeIsAPersonsName() {
        for (String header : List.of("ANESTHESIOLOGIST", "Anaesthetist", "CRNA", "RADIOLOGIST", "Perfusionist")) {
            assertEquals(ColumnClass.PERSON_NAME, classify(header,
                    repeat(List.of("VASHCHENKO-OKORO, FENELLA"), 6)).columnClass(), header);
        }
        assertNotEquals(ColumnClass.PERSON_NAME, classify("RESIDENT_STATE", repeat(List.of("TX", "LA"), 6))
                .columnClass(), "a state under a trade's word is no name");
    }

    /** Decision 0173: an enterprise MPI number repeated over encounters is an identifier, not a code. */
    @Test
    void anEnterpriseMpiNumberIsAnIdentifier() {
        List<String> numbers = repeat(List.of("4400013", "4400026", "4400039", "4400052"), 5);
        assertEquals(ColumnClass.IDENTIFIER, classify("EMPI", numbers).columnClass());
        assertEquals(ColumnClass.IDENTIFIER, classify("PERSON_SK", numbers).columnClass());
    }

    /** Decision 0106: an age in years under any age header is banded, not kept as a number. */
    /** Decision 0155: {@code yyyyMM} under a birth or date header is a date; six-digit numbers elsewhere stay numbers. */
    @Test
    void aCompactYearAndMonthUnderADateHeaderIsADate() {
        List<String> months = List.of("193101", "194802", "195503", "196204", "197005", "198306");
        assertEquals(ColumnClass.BIRTH_DATE, classify("DOB_YYYYMM", months).columnClass());
        assertEquals(ColumnClass.BIRTH_DATE, classify("birth_month", months).columnClass());
        assertEquals(ColumnClass.DATE, classify("ADMIT_YYYYMM_DT", months).columnClass());
        assertEquals(ColumnClass.BIRTH_DATE, classify("birth_month", List.of("03/1948", "07/1951", "11/1962", "01/1970"))
                .columnClass(), "decision 0152's month-years too");
        assertNotEquals(ColumnClass.DATE, classify("claim_amount", months).columnClass());
        assertNotEquals(ColumnClass.DATE, classify("visit_dt", List.of("193113", "194800", "123456", "200201"))
                .columnClass(), "months 13 and 00 are none");
    }

    /** A yes/no flag in letters under a header with an id word (§ 21's "Kennung-Intensivbett") identifies nobody. */
    @Test
    void aFlagOfLettersIsABooleanEvenUnderAnIdHeader() {
        assertEquals(ColumnClass.BOOLEAN, classify("Kennung-Intensivbett", List.of("N", "N", "J", "N")).columnClass());
        assertEquals(ColumnClass.BOOLEAN, classify("ICU_FLAG_ID", List.of("Y", "N", "N", "Y", "N")).columnClass());
        assertNotEquals(ColumnClass.BOOLEAN, classify("patient_id", List.of("1", "0", "1", "0")).columnClass(),
                "digits under an id header may be ids");
    }

    @Test
    void agesInYearsAreAgesAndAgesInOtherUnitsAreNot() {
        List<String> ages = List.of("93", "45", "7", "61", "38");
        assertEquals(ColumnClass.AGE, classify("Alter", ages).columnClass());
        assertEquals(ColumnClass.AGE, classify("enrollment_age", ages).columnClass());
        assertEquals(ColumnClass.AGE, classify("ageAtConsent", ages).columnClass());
        assertEquals(ColumnClass.AGE, classify("leeftijd", ages).columnClass());
        assertNotEquals(ColumnClass.AGE, classify("gestational_age", List.of("38", "40", "39", "41")).columnClass());
        assertNotEquals(ColumnClass.AGE, classify("age_months", ages).columnClass());
        assertNotEquals(ColumnClass.AGE, classify("Altersgruppe", List.of("90+", "40-49", "0-9", "40-49")).columnClass());
        assertNotEquals(ColumnClass.AGE, classify("age_group", List.of("3", "4", "1", "2", "3")).columnClass());
        assertNotEquals(ColumnClass.AGE, classify("stage", List.of("3", "4", "1", "2", "3")).columnClass());
        assertNotEquals(ColumnClass.AGE, classify("Alter", List.of("1931", "1980", "1955", "1990")).columnClass());
    }

    @Test
    void uppercaseShortNameHeadersWithNameValuesArePersonNames() {
        assertEquals(ColumnClass.PERSON_NAME, classify("FIRST", List.of("Thaddeus", "Mary", "Siobhan", "Kwame")).columnClass());
        assertEquals(ColumnClass.PERSON_NAME, classify("Nachname", List.of("Müller", "Schröder", "Weiß", "Yilmaz")).columnClass());
    }

    /** The Dutch tussenvoegsel ("van den") is the part of a surname an export keeps in a column of its own. */
    @Test
    void aColumnOfNameParticlesUnderANameHeaderIsAPersonName() {
        assertEquals(ColumnClass.PERSON_NAME, classify("tussenvoegsel", List.of("", "van den", "", "de", "van der"))
                .columnClass());
        // particles under a header that names no name part are not taken for names
        assertNotEquals(ColumnClass.PERSON_NAME, classify("richting", List.of("van", "de", "van", "de")).columnClass());
    }

    /** PCORnet's encounter types and language codes: short codes that are also given names ("Ed", "Eng"). */
    @Test
    void shortUpperCaseCodesUnderAKindOrLanguageHeaderAreCategories() {
        assertEquals(ColumnClass.CATEGORICAL, classify("enc_type", List.of("IP", "AV", "IP", "ED", "AV")).columnClass());
        assertEquals(ColumnClass.CATEGORICAL,
                classify("pat_pref_language_spoken", List.of("ENG", "ENG", "SPA", "ENG")).columnClass());
        // initials are not a kind: still a person's
        assertEquals(ColumnClass.PERSON_NAME, classify("initials", List.of("ED", "JO", "AL", "LI")).columnClass());
        // names in capitals under a kind header are longer than codes
        assertNotEquals(ColumnClass.CATEGORICAL,
                classify("contact_type", List.of("EDWARD", "MARY", "JOHN", "LINDA")).columnClass());
    }

    @Test
    void namesAreFoundByTheirValuesWhenTheHeaderSaysNothing() {
        List<String> values = new ArrayList<>();
        String[] first = {"Mary", "John", "Robert", "Linda", "David", "Susan", "James", "Karen", "Daniel", "Nancy"};
        String[] last = {"Smith", "Garcia", "Nguyen", "Miller", "Davis", "Lopez", "Wilson", "Taylor", "Moore", "Martin"};
        for (int i = 0; i < 30; i++) {
            values.add(first[i % 10] + " " + last[(i * 3) % 10]);
        }
        assertEquals(ColumnClass.PERSON_NAME, classify("physician", values).columnClass());
        assertEquals(ColumnClass.PERSON_NAME, classify("col7", values).columnClass());
    }

    /** Synthea appends a number to every name to make it unique: the letters are still names of the name list. */
    @Test
    void namesWithANumberAppendedArePersonNamesNotIdentifiers() {
        List<String> first = List.of("Greta812", "Teodor44", "Oskar270", "Casimir93", "Hannelore5", "Jasper311",
                "Ingrid07", "Emil1");
        // Six of eight in the name list: enough with a header that names a name part.
        List<String> last = List.of("Vantreese331", "Schultz91", "Wagner270", "Lindqvist8", "Haverkamp55", "Nowak6",
                "Becker12", "Moreau404");
        assertEquals(ColumnClass.PERSON_NAME, classify("FIRST", first).columnClass());
        assertEquals(ColumnClass.PERSON_NAME, classify("LAST", last).columnClass());
        assertEquals(ColumnClass.PERSON_NAME, classify("MIDDLE", first.subList(0, 6)).columnClass());
        // The policy holder's name, "First Last" with their numbers, some with a title.
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            owners.add((i % 3 == 0 ? "Mrs. " : "") + first.get(i) + " " + last.get((i * 3) % 8));
        }
        assertEquals(ColumnClass.PERSON_NAME, classify("OWNER_NAME", owners).columnClass());
        // Without a header that says so, by the name list alone.
        assertEquals(ColumnClass.PERSON_NAME, classify("col3", first).columnClass());
        assertTrue(classify("FIRST", first).evidence().contains("100% name+number in name list"),
                classify("FIRST", first).evidence());
    }

    @Test
    void codesOfLettersAndDigitsAreNotNamesWithNumbers() {
        // Capitals and digits (record numbers), words that are no names, and a name list word repeated as a category.
        assertEquals(ColumnClass.IDENTIFIER, classify("record", List.of("MRN4821", "MRN9920", "MRN1187", "MRN5530",
                "MRN7702")).columnClass());
        assertEquals(ColumnClass.IDENTIFIER, classify("ITEM", List.of("Widget221", "Gasket94", "Bracket310", "Sprocket7",
                "Flange66")).columnClass());
        assertFalse(classify("ROOM", repeat(List.of("Ward12", "Ward14"), 10)).columnClass() == ColumnClass.PERSON_NAME);
    }

    /** Synthea's imaging_studies: series and instance UIDs of one examination each; SOP classes repeated. */
    @Test
    void dicomInstanceUidsAreIdentifiersAndTheStandardsSopClassesAreCodes() {
        List<String> instances = new ArrayList<>();
        List<String> series = new ArrayList<>();
        List<String> sopClasses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long t = 1480584704469L + i * 86_400_000L * 37;
            series.add("1.2.840.99999999.1." + (41710434 + (i / 2) * 7919) + "." + (t - i % 2 * 86_400_000L * 37));
            instances.add("1.2.840.99999999.1." + (i % 2 + 1) + "." + (10608467 + i * 104729) + "." + t);
            sopClasses.add(i % 3 == 0 ? "1.2.840.10008.5.1.4.1.1.77.1.5.1" : "1.2.840.10008.5.1.4.1.1.1.3");
        }
        assertEquals(ColumnClass.IDENTIFIER, classify("INSTANCE_UID", instances).columnClass());
        assertEquals(ColumnClass.IDENTIFIER, classify("SERIES_UID", series).columnClass());
        assertEquals(ColumnClass.CODE, classify("SOP_CODE", sopClasses).columnClass());
        // A table of two rows: the SOP classes are still codes, the instances still identifiers; and a study
        // repeated on every row of its instances is still one examination.
        assertEquals(ColumnClass.CODE, classify("SOP_CODE", sopClasses.subList(1, 3)).columnClass());
        assertEquals(ColumnClass.IDENTIFIER, classify("INSTANCE_UID", instances.subList(0, 2)).columnClass());
        assertEquals(ColumnClass.IDENTIFIER, classify("STUDY_UID", repeat(List.of(series.get(0), series.get(2)), 20))
                .columnClass());
        assertTrue(classify("INSTANCE_UID", instances).evidence().contains("100% uid"));
        // Too few components, leading zeros, an address: not UIDs.
        assertFalse(ValueStats.isUid("1.2.3"));
        assertFalse(ValueStats.isUid("1.02.840.10008.1"));
        assertFalse(ValueStats.isUid("10.0.0.1.5"));
        assertTrue(ValueStats.isUid("1.2.840.10008.5.1.4.1.1.2"));
        assertTrue(ValueStats.isUid("2.25.329800735698586629295641978511506172918"));
    }

    @Test
    void clinicalCategoriesAreNotNames() {
        List<String> values = repeat(List.of("General examination of patient", "Encounter for symptom",
                "Follow-up encounter", "wellness"), 10);
        ColumnClass c = classify("DESCRIPTION", values).columnClass();
        assertEquals(ColumnClass.CATEGORICAL, c);
    }

    @Test
    void snomedCodesUnderACodeHeaderAreKeptAsCodes() {
        assertEquals(ColumnClass.CODE, classify("CODE", repeat(List.of("44054006", "38341003", "195662009"), 10)).columnClass());
        assertEquals(ColumnClass.CODE, classify("ICD-10-GM", repeat(List.of("E11.9", "I10.00", "J20.9"), 10)).columnClass());
    }

    @Test
    void germanPhonePostcodeAndPlaceHeadersAreRecognised() {
        assertEquals(ColumnClass.PHONE, classify("Telefon", List.of("+49 30 1234567", "030 7654321", "0171 2345678")).columnClass());
        assertEquals(ColumnClass.ZIP, classify("PLZ", List.of("10115", "04109", "80331")).columnClass());
        assertEquals(ColumnClass.PLACE, classify("Ort", List.of("Berlin", "Leipzig", "Freiburg im Breisgau")).columnClass());
        assertEquals(ColumnClass.ADDRESS, classify("Straße", List.of("Hauptstraße 12", "Am Mühlbach 3", "Lindenallee 7a")).columnClass());
        assertEquals(ColumnClass.NATIONAL_ID, classify("Versichertennummer", List.of("A123456789", "K987654321")).columnClass());
    }

    @Test
    void aQuantityAboutTheMemberOrPolicyIsANumberNotANationalId() {
        // Synthea's payers.csv: MEMBER_MONTHS is a count of months, not a member number.
        assertEquals(ColumnClass.NUMBER, classify("MEMBER_MONTHS", List.of("3096", "2328", "117", "40")).columnClass());
        assertEquals(ColumnClass.NUMBER, classify("insurance_amount", List.of("1200", "88", "4500")).columnClass());
        assertEquals(ColumnClass.NATIONAL_ID, classify("MEMBER_ID", List.of("A123456789", "K987654321")).columnClass());
        assertEquals(ColumnClass.NATIONAL_ID, classify("policy", List.of("P-7734219", "P-1123581")).columnClass());
    }

    @Test
    void germanDatesAreDatesAndTheBirthDateIsKnownByItsHeader() {
        assertEquals(ColumnClass.BIRTH_DATE, classify("Geburtsdatum", List.of("04.03.1950", "12.11.1933")).columnClass());
        assertEquals(ColumnClass.DATE_TIME, classify("Aufnahmedatum", List.of("04.03.2019 10:15", "05.03.2019 08:00")).columnClass());
    }

    @Test
    void slashDatesWithADayAbove12AreReadDayFirst() {
        ColumnClassifier.Classification uk = classify("SERVICEDATE", List.of("04/03/2022", "25/03/2022"));
        assertEquals(ColumnClass.DATE, uk.columnClass());
        assertTrue(uk.slashDayFirst());
        ColumnClassifier.Classification us = classify("SERVICEDATE", List.of("03/04/2022", "03/25/2022"));
        assertFalse(us.slashDayFirst());
    }

    @Test
    void uuidsAreIdentifiers() {
        assertEquals(ColumnClass.IDENTIFIER, classify("PATIENT", List.of("407a4a07-922f-41d9-8da0-a08bd2c368f7",
                "5b66a26b-3c19-4e1d-8cd2-18ab7f92d46f")).columnClass());
    }

    @Test
    void measurementsWithDecimalCommasAreNumbers() {
        assertEquals(ColumnClass.NUMBER, classify("Wert", List.of("5,4", "12,0", "0,87")).columnClass());
    }

    @Test
    void inconclusiveShortTextIsUnknownAndSoScrubbedNotKept() {
        ColumnClassifier.Classification c = classify("x", List.of("alpha beta", "gamma", "delta epsilon"));
        assertEquals(ColumnClass.UNKNOWN, c.columnClass());
        assertEquals(org.deidworkbench.model.Action.SCRUB_TEXT, c.columnClass().spec().action());
    }

    @Test
    void evidenceHoldsNumbersNeverValues() {
        String evidence = classify("FIRST", List.of("Thaddeus", "Siobhan")).evidence();
        assertFalse(evidence.contains("Thaddeus") || evidence.contains("Siobhan"), evidence);
        assertTrue(evidence.contains("2 values"), evidence);
    }

    /** A Nordic personnummer is shaped like a phone number; under its header it is the patient's id (the key others join). */
    @Test
    void personnummerIsAnIdentifierNotAPhone() {
        assertEquals(ColumnClass.IDENTIFIER,
                classify("personnummer", List.of("580412-3921", "670923-1458", "790101-2286")).columnClass());
        assertEquals(ColumnClass.PHONE, classify("telefon", List.of("070-123 45 67", "070-555 12 34", "08-123 456 78"))
                .columnClass());
    }

    /**
     * A Thai ID in its groups (1-4-5-2-1, a check digit) is shaped like a phone number: under a Thai header naming it, or
     * under none when its check digits pass, it is a national id; phone numbers under a phone header stay phones.
     */
    @Test
    void nationalNumbersInGroupsAreNoPhones() {
        List<String> thai = List.of("1-1012-00345-67-1", "3-1005-01234-56-3", "1-4599-00111-22-7", "5-1020-30405-06-0",
                "1-2345-67890-12-1");
        assertEquals(ColumnClass.NATIONAL_ID, classify("เลขประจำตัวประชาชน", thai).columnClass());
        ValueStats checked = new ValueStats(NameDictionary.get(), org.deidworkbench.deid.NationalNumberValues.INSTANCE);
        thai.forEach(checked::add);
        assertEquals(ColumnClass.NATIONAL_ID, ColumnClassifier.classify("Column7", checked).columnClass(),
                "by the check digits a run's reading counts");
        assertEquals(ColumnClass.PHONE, classify("telefon", List.of("070-123 45 67", "070-555 12 34", "08-123 456 78",
                "070-222 33 44", "08-765 432 10")).columnClass());
    }

    /** French, Dutch and Scandinavian headers of a patients table, with as few rows as a small export has. */
    @Test
    void patientTableHeadersOfOtherLanguagesAreUnderstood() {
        assertEquals(ColumnClass.IDENTIFIER, classify("IPP", List.of("800123456", "800234567", "800345678")).columnClass());
        assertEquals(ColumnClass.PERSON_NAME, classify("NOM", List.of("LEFÈVRE", "DUCHÂTEAU", "N'GUESSAN")).columnClass());
        assertEquals(ColumnClass.PERSON_NAME, classify("efternamn", List.of("Lindqvist", "Sæther", "Ærøe-Kjærgaard"))
                .columnClass());
        assertEquals(ColumnClass.PERSON_NAME, classify("voornaam", List.of("Pieter", "Marijke", "Joost")).columnClass());
        assertEquals(ColumnClass.ADDRESS, classify("adress", List.of("Storgatan 12", "Kongens gate 3", "Vesterbrogade 41"))
                .columnClass());
        assertEquals(ColumnClass.NUMBER, classify("resultat", List.of("6,8", "7,9", "131")).columnClass());
        assertEquals(ColumnClass.ADDRESS, classify("straat", List.of("Keizersgracht", "Dorpsstraat", "Hoofdweg"))
                .columnClass());
        assertEquals(ColumnClass.CATEGORICAL, classify("address_line", repeat(List.of("Home", "Work"), 5)).columnClass());
    }

    /**
     * NHS England's HES extracts: diagnosis and procedure codes without a dot under numbered headers are codes (they were
     * pseudonymized or removed as ids), a record key glued to its head is an id even in a table of three rows, and
     * a header that names the id of a diagnosis record stays an id.
     */
    @Test
    void hesCodesAndRecordKeysAreTold() {
        assertEquals(ColumnClass.CODE, classify("DIAG_4_01", List.of("E119", "I214", "J189")).columnClass());
        assertEquals(ColumnClass.CODE, classify("DIAG_4_02", List.of("I10X", "E785", "N183")).columnClass());
        assertEquals(ColumnClass.CODE, classify("OPERTN_4_01", List.of("X292", "K401", "E851")).columnClass());
        assertEquals(ColumnClass.IDENTIFIER,
                classify("EPIKEY", List.of("300012345671", "300012345688", "300012345695")).columnClass());
        assertEquals(ColumnClass.IDENTIFIER,
                classify("ATTENDKEY", List.of("500012345671", "500012345688", "500012345695")).columnClass());
        assertEquals(ColumnClass.IDENTIFIER, classify("DIAG_ID", List.of("D10012", "D10013", "D10014")).columnClass());
    }

    /**
     * CMS's {@code BENE_SEX_IDENT_CD} (1, 2) is the sex code, kept: "ident" made it an id, removed. Its "cd" makes it a
     * code since decision 0110 (a number before: both are kept).
     */
    @Test
    void aSexIdentificationCodeIsKept() {
        assertEquals(ColumnClass.CODE, classify("BENE_SEX_IDENT_CD", List.of("2", "1", "2", "1")).columnClass());
    }

    /** Part D's {@code PROD_SRVC_ID}: NDCs of 11 digits with their leading zeros are codes (they were removed as ids). */
    @Test
    void aPharmacyClaimsProductServiceIdIsADrugCode() {
        assertEquals(ColumnClass.CODE, classify("PROD_SRVC_ID",
                List.of("00378018001", "00093105801", "68180051301", "00006074931", "00781507810")).columnClass());
    }

    /** Months of coverage under {@code PLAN_CVRG_MOS_NUM} are a quantity ("num" made them an id, removed). */
    @Test
    void monthsOfCoverageAreANumber() {
        assertEquals(ColumnClass.NUMBER, classify("PLAN_CVRG_MOS_NUM", List.of("12", "12", "9", "12")).columnClass());
    }

    /** A ZIP+4 written as nine digits without its dash, under a ZIP header, is a ZIP (it was kept as a number). */
    @Test
    void nineDigitZipsUnderAZipHeaderAreZips() {
        assertEquals(ColumnClass.ZIP,
                classify("RES_ZIP9_CD", List.of("021843307", "490081742", "330121955", "945361108")).columnClass());
    }

    /** Care managers' names repeat like a category; under a manager's header they are names (they were kept). */
    @Test
    void aCareManagersRepeatedNamesAreNames() {
        assertEquals(ColumnClass.PERSON_NAME, classify("CARE_MGR", List.of("Bernadette Okonkwo-Reyes",
                "Bernadette Okonkwo-Reyes", "Tobias Grunewald", "Tobias Grunewald", "Bernadette Okonkwo-Reyes",
                "Tobias Grunewald")).columnClass());
    }

    /**
     * IP addresses under a header the {@code ip-address} rule does not name ({@code gateway_ip}: the rule names network
     * words only, since CMS's {@code MEDREIMB_IP} is an inpatient amount) are identifiers by their values, IPv6 too;
     * times of day and version numbers are not addresses.
     */
    @Test
    void ipAddressesAreIdentifiersByTheirValues() {
        assertEquals(ColumnClass.IDENTIFIER,
                classify("gateway_ip", List.of("10.0.12.7", "192.168.1.20", "172.16.4.9", "10.1.1.1")).columnClass());
        assertEquals(ColumnClass.IDENTIFIER, classify("gateway_ip",
                List.of("fe80::1ff:fe23:4567:890a", "2001:db8::8a2e:370:7334", "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
                        "::1")).columnClass());
        assertNotEquals(ColumnClass.IDENTIFIER,
                classify("MEDREIMB_IP", List.of("8000.00", "6000.00", "26400.00", "12770.00")).columnClass());
        assertFalse(ValueStats.isIpAddress("12:30:45"));
        assertFalse(ValueStats.isIpAddress("3.1.0"));
        assertFalse(ValueStats.isIpAddress("10.0.12.256"));
    }

    @Test
    void zeroPaddedRegisterNumbersAreIdentifiersEvenWhenTheyRepeat() {
        // decision 0114: a repeated patient number in a cases table, under a header that says nothing
        List<String> patients = java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> String.format("%010d", 412233 + 17 * (i / 3))).toList(); // three cases each
        assertEquals(ColumnClass.IDENTIFIER, classify("FIELD_7", patients).columnClass());
        assertEquals(ColumnClass.IDENTIFIER, classify("FIELD_7", List.of("0000412233", "0000412233", "0000412234",
                "0000412299")).columnClass());
        assertEquals(ColumnClass.IDENTIFIER, classify("PATNR", List.of("0000412233", "0000412234")).columnClass());
        assertEquals(ColumnClass.IDENTIFIER, classify("FALNR", List.of("0010077001", "0010077002")).columnClass());
        // a code list of such numbers repeats like a category; quantities have no leading zeros
        List<String> codes = repeat(List.of("00378018001", "00093721056", "00378018001"), 10);
        assertNotEquals(ColumnClass.IDENTIFIER, classify("DRUG", codes).columnClass());
        List<String> counts = repeat(List.of("12345678", "23456789", "34567890", "45678901"), 5);
        assertNotEquals(ColumnClass.IDENTIFIER, classify("CELLS", counts).columnClass());
    }

    /**
     * MIMIC-IV's headers (decision 0110): {@code anchor_year_group} is a period of calendar years shaped like a phone
     * (a category, kept), a period of birth years is not let through; {@code seq_num} is a diagnosis's position
     * (1 for the principal one), a number, while a long sequence number stays an id; {@code formulary_drug_cd} is the
     * pharmacy's drug code, not a record's id.
     */
    @Test
    void mimicYearGroupsPositionsAndDrugCodesAreNotIdentifiers() {
        assertEquals(ColumnClass.CATEGORICAL, classify("anchor_year_group",
                List.of("2017 - 2019", "2008 - 2010", "2017 - 2019", "2014 - 2016")).columnClass());
        assertEquals(ColumnClass.CATEGORICAL, classify("period", List.of("2008-2010", "2011-2013", "2008-2010")).columnClass());
        assertNotEquals(ColumnClass.CATEGORICAL, classify("birth_year_group",
                List.of("1925 - 1929", "1930 - 1934", "1925 - 1929")).columnClass());
        assertEquals(ColumnClass.PHONE, classify("contact", List.of("2017-2019", "617-555-0148", "2019-2017",
                "781-555-0163", "508-555-0174")).columnClass());
        assertEquals(ColumnClass.NUMBER, classify("seq_num", List.of("1", "2", "3", "4", "5", "1", "2", "1")).columnClass());
        assertEquals(ColumnClass.IDENTIFIER, classify("seq_num", List.of("48201337", "48201348", "48201359",
                "48201370")).columnClass());
        assertEquals(ColumnClass.IDENTIFIER, classify("order_num", List.of("1", "2", "3", "4", "5")).columnClass());
        assertEquals(ColumnClass.CODE, classify("formulary_drug_cd", List.of("FURO40I", "METO25XL", "HEPA5I",
                "ASA81")).columnClass());
    }

    /**
     * Decision 0120: ids exported as Oracle NUMBERs ({@code 771000101.00}) under an id's header are identifiers, amounts
     * with a fraction of zeros under a measure's header stay numbers; i2b2's {@code instance_num} is a part's number;
     * a provider id repeated over many facts is still an id; a clinician's name with a degree after it is a name.
     */
    @Test
    void oracleNumberIdsInstanceNumbersProviderIdsAndDegreesAreRecognised() {
        List<String> ids = List.of("771000101.00", "771000102.00", "771000103.00", "771000201.00", "9001234");
        assertEquals(ColumnClass.IDENTIFIER, classify("EVENT_ID", ids).columnClass());
        assertEquals(ColumnClass.IDENTIFIER, classify("PERFORMED_PRSNL_ID",
                List.of("9001234.00", "9001234.00", "9002871.00", "9001235.00", "9001235.00", "9002871.00")).columnClass());
        assertEquals(ColumnClass.NUMBER, classify("CLM_PMT_AMT", List.of("8000.00", "1068.00", "0.00", "540.00")).columnClass());
        assertEquals(ColumnClass.NUMBER, classify("RESULT_VAL", List.of("8.0", "131.0", "11.0")).columnClass());
        assertEquals(ColumnClass.NUMBER, classify("instance_num", repeat(List.of("1", "1", "2", "1"), 5)).columnClass());
        assertEquals(ColumnClass.IDENTIFIER, classify("provider_id",
                repeat(List.of("LCS-I2B2:D000109064", "LCS-I2B2:D000109064", "LCS-I2B2:D000112280"), 7)).columnClass());
        assertEquals(ColumnClass.CODE, classify("concept_cd",
                repeat(List.of("ICD10:E11.9", "LOINC:4548-4", "NDC:00378018001"), 7)).columnClass());
        assertEquals(ColumnClass.PERSON_NAME, classify("name_char",
                List.of("Achebe-Lowry, Constance MD", "Szabo, Ferenc MD")).columnClass());
        assertEquals(ColumnClass.CATEGORICAL, classify("PERSON_ALIAS_TYPE_CD",
                repeat(List.of("MRN", "FIN NBR", "SSN"), 3)).columnClass());
    }

    /** Decision 0120: a column of short codes with a sentence among them (i2b2's tval_char) is scrubbed, not kept. */
    @Test
    void aCategoryWithASentenceAmongItsValuesIsNotKeptAsACategory() {
        List<String> operators = new java.util.ArrayList<>(repeat(List.of("E", "E", "E", "BID"), 4));
        assertEquals(ColumnClass.CATEGORICAL, classify("tval_char", operators).columnClass());
        operators.add("Seen by Dr. Szabo. Pt Lindqvist-Abara reachable at 508-555-0119.");
        assertEquals(ColumnClass.UNKNOWN, classify("tval_char", operators).columnClass());
        assertEquals(ColumnClass.CATEGORICAL, classify("careunit", repeat(List.of("Medical Intensive Care Unit (MICU)",
                "Emergency Department", "Medicine"), 3)).columnClass());
    }

    /** Oracle's DD-MON-YYYY in Italian, Spanish and German are dates, not identifiers (decision 0119). */
    @Test
    void oracleDatesInOtherLanguagesAreDates() {
        assertEquals(ColumnClass.DATE, classify("DATA_VALIDAZIONE",
                List.of("13-MAR-2023", "14-MAR-2023", "29-DIC-2022", "03-GEN-2023", "05-MAG-2023")).columnClass());
        assertEquals(ColumnClass.DATE, classify("FECHA_VALIDACION",
                List.of("12-MAR-2023", "28-DIC-2022", "03-ENE-2023", "05-MAY-2023", "12-ABR-2023")).columnClass());
        assertEquals(ColumnClass.DATE, classify("VALIDIERT_AM", List.of("14-MÄR-23", "30-DEZ-22", "02-OKT-22")).columnClass());
        assertEquals(ColumnClass.DATE, classify("fecha", List.of("12 de marzo de 2023", "3 de enero de 2023")).columnClass());
    }

    /** Polish exports: postcodes with their dash, clinicians with "lek." and "dr n. med." (decision 0119). */
    @Test
    void polishPostcodesAndClinicianColumnsAreKnown() {
        assertEquals(ColumnClass.ZIP, classify("KOD_POCZTOWY", List.of("00-360", "80-827", "31-858")).columnClass());
        assertEquals(ColumnClass.PERSON_NAME, classify("LEKARZ", List.of("lek. Przemysław Kuźniar",
                "dr n. med. Bronisława Chmielewska", "lek. Przemysław Kuźniar")).columnClass());
    }

    /** The one language that reads all of a column's month names, other than English, goes with its class. */
    @Test
    void aColumnsMonthNamesGiveItsLanguage() {
        assertEquals(MonthNames.Language.ES, classify("FECHA_VALIDACION",
                List.of("12-MAR-2023", "28-DIC-2022", "03-ENE-2023", "05-MAY-2023")).monthLanguage());
        assertEquals(MonthNames.Language.IT, classify("DATA_VALIDAZIONE",
                List.of("13-MAR-2023", "29-DIC-2022", "03-GEN-2023")).monthLanguage());
        assertEquals(MonthNames.Language.DE, classify("VALIDIERT_AM", List.of("14-MÄR-23", "30-DEZ-22")).monthLanguage());
        assertEquals(null, classify("lab_date", List.of("12-MAR-2023", "28-DEC-2022", "03-JAN-2023")).monthLanguage());
        assertEquals(null, classify("mixed", List.of("03-GEN-2023", "03-ENE-2023")).monthLanguage());
    }

    /** Decision 0125: a Brazilian, Portuguese, Turkish and Indian export's columns. */
    @Test
    void brazilianTurkishAndIndianColumnsAreClassified() {
        assertEquals(ColumnClass.NATIONAL_ID,
                classify("CPF", List.of("529.982.247-25", "31847629555", "064.128.397-04")).columnClass());
        assertEquals(ColumnClass.NATIONAL_ID,
                classify("RG", List.of("23.456.789-1", "0456789123", "3.456.712")).columnClass());
        assertEquals(ColumnClass.NATIONAL_ID,
                classify("CRM", List.of("CRM-SP 123456", "CRM-BA 54321", "CRM-SP 123456")).columnClass());
        assertEquals(ColumnClass.PERSON_NAME, classify("NOME", List.of("Maria das Graças dos Santos Wanderley",
                "João Batista da Silva Filho", "Antônio Carlos Nogueira Jr.")).columnClass());
        assertEquals(ColumnClass.PERSON_NAME, classify("SOYADI", List.of("KARABIYIK", "IŞIK", "ÇİFTÇİOĞLU")).columnClass());
        assertEquals(ColumnClass.IDENTIFIER, classify("PRONTUARIO", List.of("4471203", "4471390", "4472015")).columnClass());
        assertEquals(ColumnClass.CODE,
                classify("PROC_REA", List.of("0303060212", "0303140151", "0304100021")).columnClass());
        assertEquals(ColumnClass.ZIP, classify("PIN_CODE", List.of("560003", "600017", "141010")).columnClass());
        assertEquals(ColumnClass.ZIP, classify("CEP", List.of("01304-001", "40080-004", "66015-060")).columnClass());
        // a date column under a header naming an id document's date is no document number
        assertNotEquals(ColumnClass.NATIONAL_ID,
                classify("RG_EMISSAO", List.of("14/03/1992", "02/11/2001", "28/07/2011")).columnClass());
        // a sentence of capitalised words with particles is no name
        assertNotEquals(ColumnClass.PERSON_NAME, classify("OBS", List.of("Paciente Em Observação Na Enfermaria Da Clínica Médica De São Paulo",
                "Retorno Em Trinta Dias Para Avaliação Da Equipe De Cardiologia Do Hospital")).columnClass());
    }

    /**
     * Decision 0123: an Australian extract's IHI and a Canadian health card number are national ids by their headers;
     * ACHI procedure codes ("13882-00"), shaped like a phone number, are codes under a procedure header.
     */
    @Test
    void anzAndCanadianHealthNumbersAndProcedureCodesByTheirHeaders() {
        assertEquals(ColumnClass.NATIONAL_ID,
                classify("IHI", List.of("8003601234567894", "8003609876504323", "8003605544332212")).columnClass());
        assertEquals(ColumnClass.NATIONAL_ID, classify("DVA_FILE_NO", List.of("NX901667", "VX123467", "QX512773")).columnClass());
        assertEquals(ColumnClass.CODE,
                classify("PROCEDURE_1", List.of("13882-00", "38497-00", "13100-00")).columnClass());
        assertEquals(ColumnClass.PHONE, classify("HOME_PHONE", List.of("9698-4417", "9387-4410", "8952-6613")).columnClass());
    }

    /** Decision 0150: the German § 21 KHEntgG data set's columns. */
    @Test
    void aCompactDateAndTimeIsADateTime() {
        List<String> times = List.of("202303120814", "202304030745", "202305062255", "202305071000");
        assertEquals(ColumnClass.DATE_TIME, classify("Aufnahmedatum", times).columnClass());
        assertEquals(ColumnClass.DATE_TIME, classify("Abrechnung-von", times).columnClass());
        assertEquals(ColumnClass.DATE_TIME, classify("MSH_7", List.of("20230312081500", "20230403074500")).columnClass());
        assertNotEquals(ColumnClass.DATE_TIME, classify("EPIKEY", List.of("300012345678", "300012345679")).columnClass());
        assertNotEquals(ColumnClass.DATE_TIME, classify("Aufnahmedatum", List.of("202313120814", "202303122514"))
                .columnClass(), "month 13, hour 25");
        assertTrue(ValueStats.compactDateTime("202303120814"));
        assertFalse(ValueStats.compactDateTime("202303120860"), "minute 60");
        assertFalse(ValueStats.compactDateTime("2023031208"), "ten digits");
    }

    @Test
    void aDepartmentKeyIsACodeNotANumberedName() {
        assertEquals(ColumnClass.CODE, classify("Fachabteilung", List.of("HA0300", "HA1600", "HA3600", "HA1500"))
                .columnClass());
    }

    @Test
    void theCaseKeyOfTheSection21DataSetIsAnIdentifier() {
        assertEquals(ColumnClass.IDENTIFIER, classify("KH-internes-Kennzeichen",
                List.of("2023004711", "2023004712", "2023004713")).columnClass());
    }

    /** Decision 0230: a RIS export's physicians in DICOM's notation are names, their components in a name's order. */
    @Test
    void dicomPersonNamesAreNames() {
        ValueStats stats = new ValueStats(NameDictionary.get());
        for (String v : java.util.List.of("VANTERPOOL^CORDELIA^^DR", "OKAFOR-LINDQVIST^EZEKIEL", "HALLORAN^IGNATIUS",
                "NGUYEN-ABERNATHY^PRUDENCE")) {
            stats.add(v);
        }
        assertEquals(ColumnClass.PERSON_NAME, ColumnClassifier.classify("ReferringPhysicianName", stats).columnClass());
        assertEquals("DR CORDELIA VANTERPOOL", ValueStats.personNameWords("VANTERPOOL^CORDELIA^^DR"));
        assertEquals("JOHN Q DOE JR", ValueStats.personNameWords("DOE^JOHN^Q^^JR"));
        assertEquals(null, ValueStats.personNameWords("CT^CHEST^1"));
        assertEquals(null, ValueStats.personNameWords("^JOHN"));
        assertEquals(null, ValueStats.personNameWords("A^B^C^D^E^F"));
    }

    /**
     * Decision 0232: a PACS list's one performing physician in DICOM's notation, a name the name list does not hold, is a
     * name under a name header however few distinct values it has; HL7's components under a code's header are not.
     */
    @Test
    void oneDicomNameUnderANameHeaderIsAPersonsName() {
        assertEquals(ColumnClass.PERSON_NAME, classify("PerformingPhysicianName",
                repeat(List.of("SVANBERG^ISIDORE"), 6)).columnClass(), "kept as no name before");
        assertEquals(ColumnClass.PERSON_NAME, classify("OperatorsName",
                repeat(List.of("FENWICK-DUARTE^OTTILIE", "QUENNEVILLE^AUGUSTIN"), 3)).columnClass());
        assertNotEquals(ColumnClass.PERSON_NAME, classify("DIAGNOSIS_CODE",
                repeat(List.of("I10^Hypertension", "E119^Diabetes"), 3)).columnClass());
    }

    /**
     * Decisions 0238 and 0239: a wearable export's sources and a sports watch's titles repeat like categories, each
     * naming a person or a place; they are free text to scrub, and the evidence says why.
     */
    @Test
    void devicesNamedAfterTheirOwnersAndWorkoutsTitledWithTheirPlacesAreTextToScrub() {
        ColumnClassifier.Classification sources = classify("sourceName",
                repeat(List.of("Cosima\u2019s Apple Watch", "Cosima\u2019s Apple Watch", "Strava"), 40));
        assertEquals(ColumnClass.FREE_TEXT, sources.columnClass(), "kept as a category before");
        assertTrue(sources.evidence().contains("67% device named after its owner"), sources.evidence());
        ColumnClassifier.Classification titles = classify("Title",
                repeat(List.of("Toledo Running", "Morning Run", "Sylvania Road Cycling"), 40));
        assertEquals(ColumnClass.FREE_TEXT, titles.columnClass(), "kept as a category before");
        assertTrue(titles.evidence().contains("67% workout titled with its place"), titles.evidence());
        assertEquals(ColumnClass.CATEGORICAL, classify("Title", repeat(List.of("Morning Run", "Evening Walk"), 40))
                .columnClass(), "titles of no place stay categories");
    }
}
