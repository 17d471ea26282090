package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextScrubberTest {

    private static final Subject SUBJECT = new Subject("PAT-7", 10);

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null);
    }

    private static TextScrubber scrubberKnowing(String... valueThenReplacement) {
        KnownIdentifiers ids = new KnownIdentifiers();
        for (int i = 0; i < valueThenReplacement.length; i += 2) {
            ids.add(valueThenReplacement[i], valueThenReplacement[i + 1]);
        }
        return new TextScrubber(ids.snapshot());
    }

    @Test
    void emailAddressIsReplaced() {
        assertEquals("Contact [EMAIL] for results", scrub("Contact john.doe+lab@example.org for results"));
    }

    @Test
    void emailAddressWithAccentedLettersIsReplacedWhole() {
        assertEquals("Mail [EMAIL] today", scrub("Mail jürgen.müller@klinik-süd.de today"));
    }

    @Test
    void socialSecurityNumberWithSpacesIsReplacedWhole() {
        assertEquals("SSN: [SSN]", scrub("SSN: 123 45 6789"));
    }

    @Test
    void urlIsReplaced() {
        assertEquals("See [URL] today", scrub("See https://portal.example.org/p?id=5 today"));
    }

    @Test
    void urlAtSentenceEndKeepsTheFullStop() {
        assertEquals("Visit [URL].", scrub("Visit www.example.org."));
    }

    @Test
    void ipAddressIsReplaced() {
        assertEquals("Logged in from [IP] yesterday", scrub("Logged in from 192.168.10.20 yesterday"));
    }

    @Test
    void ipAddressAtSentenceEndIsReplaced() {
        assertEquals("Logged in from [IP].", scrub("Logged in from 10.0.0.1."));
    }

    @Test
    void socialSecurityNumberIsReplaced() {
        assertEquals("Social security number [SSN] on file", scrub("Social security number 123-45-6789 on file"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(555) 201-3344", "+1 555 201 3344", "555-201-3344", "555.201.3344", "555 201 3344",
        "+1 (555) 201-3344", "1-555-201-3344"})
    void usPhoneNumberIsReplaced(String phone) {
        assertEquals("Call [PHONE] now", scrub("Call " + phone + " now"));
    }

    @Test
    void ipv6AddressesAreReplacedInEveryNotation() {
        assertEquals("VPN session from [IP] at 10:30:00", scrub("VPN session from 2001:db8:85a3::8a2e:370:7334 at 10:30:00"));
        assertEquals("host [IP], then [IP].", scrub("host 2001:0db8:85a3:0000:0000:8a2e:0370:7334, then fe80::1ff:fe23:4567:890a%eth0."));
        assertEquals("mapped [IP] seen", scrub("mapped ::ffff:192.0.2.128 seen"));
        assertEquals("portal login [IP]", scrub("portal login 2a02:810d:4b3f::12"));
    }

    @Test
    void timesRatiosAndCodeNamesAreNotIpv6() {
        String text = "Seen 10:30:45, ratio 1:2:3, called std::max and Class::method, dead::beef, fe80:: alone";
        assertEquals(text, scrub(text));
    }

    @Test
    void macAddressesAreReplacedWithColonsOrHyphens() {
        assertEquals("pump NIC [ID] and [ID] logged", scrub("pump NIC 00:1A:2B:3C:4D:5E and 00-1a-2b-3c-4d-5e logged"));
        String notMac = "lot 12-34-56-78-90, grid A1-B2-C3, 10:30:45:12:00";
        assertEquals(notMac, scrub(notMac));
    }

    @Test
    void germanAustrianAndSwissPhonesAreReplacedWithTheirAreaCodes() {
        assertEquals("Tel. [PHONE] erreichbar, Handy [PHONE]", scrub("Tel. 030 12345678 erreichbar, Handy 0171 1234567"));
        assertEquals("Rückruf [PHONE] oder [PHONE]", scrub("Rückruf +49 30 12345678 oder +49 (0)221 9876543"));
        assertEquals("Tel [PHONE], Tel. [PHONE], Fax [PHONE]", scrub("Tel 030/1234567, Tel. 0221-9876543, Fax 0049 30 1234567"));
        assertEquals("Tel.: [PHONE]; [PHONE] Durchwahl [PHONE]", scrub("Tel.: 089 / 12 34 56 78; (030) 1234567 Durchwahl 030 1234567-89"));
        assertEquals("Wien [PHONE], Zürich [PHONE]", scrub("Wien +43 1 5134567, Zürich 044 634 11 11"));
    }

    @Test
    void internationalNumbersWithAnyCountryCodeAreReplaced() {
        assertEquals("NL [PHONE], PL [PHONE], IN [PHONE].", scrub("NL +31 20 123 4567, PL +48 12 345 67 89, IN +91 98765 43210."));
        assertEquals("Italia [PHONE], BR [PHONE]", scrub("Italia +39 06 1234 5678, BR +55 11 91234-5678"));
        String signed = "titre +2 3 4, score +1.5 mg, CRP +25 mg/l, +3 edema";
        assertEquals(signed, scrub(signed));
    }

    @Test
    void germanClinicalAndFamilyNounsThatAreAlsoSurnamesStayButNamesAfterATitleGo() {
        String note = "Sonographie: Leber und Galle unauffällig, Puls 80, Magen leer. Der Vater und der Bruder leiden an"
                + " Diabetes, Kopf und Kiefer frei, Lippe geschwollen, Harn klar, Zahn 36 fehlt. Patient liegt in Zimmer 12.";
        assertEquals(note, scrub(note));
        assertEquals("Visite: Dr. [NAME] und Frau [NAME] besuchten.", scrub("Visite: Dr. Kopf und Frau Galle besuchten."));
    }

    @Test
    void germanLabValuesDosesAndHyphenatedDrugCodesAreNotPhones() {
        String text = "Hb 12,4 g/dl, Dosis 0,5 mg, Kreatinin 0,87 mg/dl, LOINC 2345-7, NDC 0378-0180-01, 3x 20 mg";
        assertEquals(text, scrub(text));
    }

    @Test
    void agesOver89AreBandedInGermanFrenchDutchAndSwedishNotes() {
        assertEquals("Herr B. (90+ Jahre), eine 90+-jährige Patientin, 90+jährig, Pat. 90+ J. alt",
                scrub("Herr B. (91 Jahre), eine 93-jährige Patientin, 95jährig, Pat. 92 J. alt"));
        assertEquals("im Alter von 90+ Jahren; Alter: 90+", scrub("im Alter von 94 Jahren; Alter: 97"));
        assertEquals("patiente de 90+ ans, âge 90+; patiënt van 90+ jaar, leeftijd 90+; 90+ år gammal, ålder 90+",
                scrub("patiente de 92 ans, âge 93; patiënt van 91 jaar, leeftijd 96; 94 år gammal, ålder 95"));
        assertEquals("a 90+ years of age man", scrub("a 92 years of age man"));
        String young = "Herr B. (41 Jahre), seit 20 Jahren, 2,5 J., Stage 92, page 93, average 94, image 95";
        assertEquals(young, scrub(young));
    }

    @Test
    void zipPlusFourIsReplaced() {
        assertEquals("[LOCATION], IL [ZIP]", scrub("Springfield, IL 62704-1234")); // the town too (decision 0121)
    }

    @Test
    void fiveDigitZipAfterAStateCodeIsReplaced() {
        assertEquals("[LOCATION], IL [ZIP]", scrub("Springfield, IL 62704"));
        assertEquals("Moved to [LOCATION] OH [ZIP] in May", scrub("Moved to Dayton OH 45402 in May"));
        assertEquals("Lives in [LOCATION], OR.  [ZIP]; no pets", scrub("Lives in Portland, OR.  97201; no pets"));
        // a five-digit number that follows no state code, or is a decimal, stays a value
        assertEquals("Platelets 25000 per uL; IN 12345.5 units", scrub("Platelets 25000 per uL; IN 12345.5 units"));
    }

    @Test
    void streetAddressIsReplaced() {
        assertEquals("Lives at [ADDRESS] with family", scrub("Lives at 42 Oak Street with family"));
        // the sentence's full stop after a whole street word stays; after an abbreviation it is the street's
        assertEquals("She lives at [ADDRESS]. Stable.", scrub("She lives at 41 Foxglove Terrace. Stable."));
        assertEquals("Moved to [ADDRESS] last year.", scrub("Moved to 12 Birch Ave. last year."));
    }

    @Test
    void nameAfterTitleIsReplaced() {
        assertEquals("Seen by Dr. [NAME] today", scrub("Seen by Dr. Gregory House today"));
    }

    @Test
    void nameWithAccentedLettersAfterTitleIsReplacedWhole() {
        assertEquals("Referred by Dr. [NAME].", scrub("Referred by Dr. Jürgen Müller."));
        assertEquals("Mrs. [NAME] called", scrub("Mrs. Élodie Lefèvre called"));
    }

    /**
     * A name after a title goes on across one line break (a wrapped note) but not into the next line's heading
     * (decision 0139): "FINDINGS" and "Findings:" used to be taken for the name's last word and replaced with it.
     */
    @Test
    void aNameAfterTitleStopsBeforeTheNextLinesHeading() {
        assertEquals("Referring: Dr [NAME]\nFINDINGS: Lungs clear.",
                scrub("Referring: Dr Isolde Thornwick\nFINDINGS: Lungs clear."));
        assertEquals("Dr [NAME]\r\nFindings: clear", scrub("Dr Isolde Thornwick\r\nFindings: clear"));
        assertEquals("Dr [NAME]\n\nIMPRESSION none", scrub("Dr Thornwick\n\nIMPRESSION none"));
        assertEquals("Seen by Dr [NAME] today", scrub("Seen by Dr Isolde\nThornwick today"));
    }

    /** A name before a degree or licence after a comma is a person's (decision 0139); a state before its ZIP is not. */
    @Test
    void aNameBeforeItsCredentialIsReplaced() {
        assertEquals("[NAME] [NAME], MD", scrub("Quorwick Halvesham, MD"));
        assertEquals("Signed: [NAME]. [NAME], MD", scrub("Signed: Q. Halvesham, MD"));
        assertEquals("with [NAME] [NAME], RN at bedside", scrub("with Tressiline Vandermoor, RN at bedside"));
        assertEquals("Internal Medicine, MD", scrub("Internal Medicine, MD"));
        assertEquals("BP 120/80, PR 72, RR 16", scrub("BP 120/80, PR 72, RR 16"));
        assertFalse(scrub("Lives in Rockville, MD 20850").contains("[NAME]"));
    }

    /** The footer's verbs name who did it after "by", as "signed by" does (decision 0139). */
    @Test
    void aNameAfterAFootersVerbIsReplaced() {
        assertEquals("Dictated by: [NAME] [NAME]", scrub("Dictated by: Quorwick Halvesham"));
        assertEquals("Transcribed by [NAME] [NAME] on", scrub("Transcribed by Quorwick Halvesham on"));
        assertEquals("Note cosigned by [NAME] [NAME]", scrub("Note cosigned by Quorwick Halvesham"));
        assertEquals("verified with RN [NAME] [NAME]", scrub("verified with RN Brannoch Teal"));
    }

    /**
     * A report's title line names who ran it, surname first (decision 0173); a verb of a report names no one inside a
     * sentence, and a signature's surname is followed by its given name past the comma.
     */
    @Test
    void aNameAfterAReportsVerbAtALinesStartIsReplaced() {
        assertEquals("Run by: [NAME], [NAME] RN on [DATE] 06:45",
                scrub("Run by: WEATHERWAX, GRIZELDA RN on 04/23/2017 06:45"));
        assertEquals("Printed by [NAME] [NAME]", scrub("Printed by Quorwick Halvesham"));
        assertEquals("x\nRequested by: [NAME], [NAME]", scrub("x\nRequested by: Halvesham, Quorwick"));
        assertEquals("The sample was run by HPLC.", scrub("The sample was run by HPLC."));
        assertEquals("Electronically signed by: [NAME], [NAME] on [DATE]",
                scrub("Electronically signed by: Vandermoor, Tressiline on 03/04/2023"));
        assertEquals("Electronically signed by: [NAME] [NAME] [NAME], MD on [DATE]",
                scrub("Electronically signed by: PERPETUA Q ABERNATHY, MD on 03/04/2023"));
        assertEquals("Electronically signed by: [NAME] [NAME]-[NAME], DO on [DATE]",
                scrub("Electronically signed by: OTTOLINE QUILL-FEATHER, DO on 03/04/2023"));
    }

    /** Staff labels at a line's start take names, not services (decision 0139). */
    @Test
    void aStaffLabelsNameIsReplacedAndAServiceKept() {
        assertEquals("Resident: [NAME] [NAME], MD PGY-2", scrub("Resident: Tressiline Vandermoor, MD PGY-2"));
        assertEquals("x\nSurgeon: [NAME], [NAME]", scrub("x\nSurgeon: VANDERMOOR, TRESSILINE"));
        assertEquals("Provider: Cardiology Associates", scrub("Provider: Cardiology Associates"));
    }

    @Test
    void initialsAfterTitleAreReplacedWithTheName() {
        assertEquals("Seen by Dr. [NAME] today", scrub("Seen by Dr. J. Smith today"));
    }

    @Test
    void nameAfterSeveralTitlesIsReplaced() {
        assertEquals("Letter from Prof. Dr. [NAME].", scrub("Letter from Prof. Dr. Hans Müller."));
    }

    /** German degrees between the titles and the name are the title's (decision 0151): "Dr" is no name. */
    @Test
    void germanDegreesAfterTheTitlesAreKeptAndTheNameAfterThemReplaced() {
        assertEquals("Prof. Dr. med. habil. [NAME], Chefarzt",
                scrub("Prof. Dr. med. habil. Ottfried Brenneisen, Chefarzt"));
        assertEquals("Befund von Dr. rer. nat. [NAME].", scrub("Befund von Dr. rer. nat. Gesine Wolfsteller."));
        assertEquals("Take med. Aspirin daily", scrub("Take med. Aspirin daily"));
    }

    /**
     * A month the name lists know as a given name, before its day, is the date's (decision 0151): the word before it was
     * taken for the rest of a name ("[NAME] October 10, 1995"), for some 30 of a key's date offsets in
     * {@code AttestedCoincidenceRunTest}.
     */
    @Test
    void aMonthThatIsAlsoAGivenNameBeforeItsDayLeavesTheWordBeforeIt() {
        for (java.time.LocalDate d = java.time.LocalDate.of(1995, 1, 1); d.getYear() == 1995; d = d.plusDays(1)) {
            String month = java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.ENGLISH).format(d);
            String out = new TextScrubber(new KnownIdentifiers()).scrub("Seen " + month + ", plan discussed.",
                    new Subject("P", 7));
            assertEquals("Seen " + java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.ENGLISH)
                    .format(d.plusDays(7)) + ", plan discussed.", out);
        }
    }

    @Test
    void numberAfterRecordKeywordIsReplaced() {
        assertEquals("MRN: [ID], admitted", scrub("MRN: 123456, admitted"));
    }

    @Test
    void numberAfterKeywordWithSeveralSeparatorsIsReplaced() {
        assertEquals("Acct #: [ID]", scrub("Acct #: 12345"));
        assertEquals("Medical record no. [ID] closed", scrub("Medical record no. A-2291 closed"));
    }

    @Test
    void keywordGluedToItsNumberIsReplaced() {
        assertEquals("MRN[ID] seen", scrub("MRN123456 seen"));
    }

    @Test
    void longDigitRunIsReplaced() {
        assertEquals("Ref [NUMBER] noted", scrub("Ref 12345678 noted"));
    }

    @Test
    void compactDateWithoutSubjectIsLabelledADateNotANumber() {
        assertEquals("CT of [DATE] reviewed", scrub("CT of 20220117 reviewed"));
        assertEquals("ct_[DATE]", scrub("ct_20220117"));
    }

    @Test
    void compactDateIsShiftedWithTheSubjectKeepingItsNotation() {
        TextScrubber s = new TextScrubber(new KnownIdentifiers().snapshot());
        assertEquals("CT of 20220127 reviewed", s.scrub("CT of 20220117 reviewed", SUBJECT));
        assertEquals("series 20211231_ct", s.scrub("series 20211221_ct", SUBJECT));
    }

    @Test
    void compactDateMakesTheScrubDependOnTheSubject() {
        // Otherwise a result cached by value would carry one patient's shift into another's row.
        TextScrubber s = new TextScrubber(new KnownIdentifiers().snapshot());
        assertEquals(true, s.mayShiftDates("CT of 20220117"));
        assertEquals(true, s.scrubAndTell("CT of 20220117", SUBJECT).datesFound());
        assertEquals(false, s.mayShiftDates("Ref 12345678"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "20221317", "20220230", "18991231", "21000101", "202201170", "2022011"})
    void eightDigitsThatAreNoDayOfTheTwentiethOrTwentyFirstCenturyAreStillANumber(String digits) {
        assertEquals("Ref [NUMBER] noted", scrub("Ref " + digits + " noted"));
    }

    @Test
    void compactDateAfterACodeSystemIsKeptAsACode() {
        assertEquals("SNOMED 20220117 noted", scrub("SNOMED 20220117 noted"));
    }

    @Test
    void longDigitRunAtSentenceEndIsReplaced() {
        assertEquals("Reference was [NUMBER].", scrub("Reference was 12345678."));
    }

    @Test
    void decimalNumberIsNotALongDigitRun() {
        assertEquals("pi is 3.14159265", scrub("pi is 3.14159265"));
    }

    @Test
    void monthNameDatesAreReplaced() {
        assertEquals("Admitted [DATE] for chest pain", scrub("Admitted March 3, 2024 for chest pain"));
        assertEquals("Seen on [DATE].", scrub("Seen on 3rd Sept. 2024."));
    }

    @Test
    void monthNameDatesShiftBySubjectOffsetKeepingTheirStyle() {
        assertEquals("Admitted March 13, 2024; seen 9th Mar 2024 and OCT. 10, 2023; Jan 10th, 2024; April 4, 2024.",
                new TextScrubber(new KnownIdentifiers()).scrub(
                        "Admitted March 3, 2024; seen 28th Feb 2024 and SEPT. 30, 2023; Dec 31st, 2023; March 25, 2024.",
                        SUBJECT));
    }

    @Test
    void mayWrittenInFullShiftsToAMonthWrittenInFull() {
        // CI caught "seen May 25" becoming "seen Jun 4" (a test whose random offset landed in May): May is a full name too
        assertEquals("seen June 4, 2024 and Jun. 4, 2024; SEEN JUNE 4, 2024", new TextScrubber(new KnownIdentifiers())
                .scrub("seen May 25, 2024 and May. 25, 2024; SEEN MAY 25, 2024", SUBJECT));
    }

    /** A day of May without a year is a date where nothing else can be meant; "May" the verb and a count stay. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Appointment on May 5.|Appointment on [DATE].",
        "Pain since May 12, worse at night.|Pain since [DATE], worse at night.",
        "Seen May 5th in clinic.|Seen [DATE] in clinic.",
        "Follow-up On May 30 with labs.|Follow-up On [DATE] with labs.",
        "May 5 patients attend the group.|May 5 patients attend the group.",
        "You may 5 times a day take it.|You may 5 times a day take it.",
        "Seen on May 5, 2024.|Seen on May 15, 2024."})
    void aDayOfMayWithoutAYearIsADateWhereNothingElseCanBeMeant(String note, String expected) {
        assertEquals(expected, new TextScrubber(new KnownIdentifiers()).scrub(note, SUBJECT));
    }

    @Test
    void monthNameDateKeepsDayPadding() {
        assertEquals("seen March 13, 2024", new TextScrubber(new KnownIdentifiers()).scrub("seen March 03, 2024", SUBJECT));
    }

    @Test
    void impossibleMonthNameDateBecomesDateLabelEvenWithSubject() {
        assertEquals("due [DATE]", new TextScrubber(new KnownIdentifiers()).scrub("due Feb 30, 2024", SUBJECT));
    }

    @Test
    void dayAndMonthWithoutYearAreReplaced() {
        assertEquals("Admitted [DATE], discharged [DATE].", scrub("Admitted March 3rd, discharged 7 Apr."));
        assertEquals("Seen on the [DATE].", scrub("Seen on the 12th of December."));
        assertEquals("Seen [DATE] and again [DATE]", scrub("Seen Mar. 3 and again Sept 14"));
    }

    @Test
    void ageOver89IsAggregated() {
        assertEquals("A 90+-year-old woman, husband 90+ yo, son 64 years old, mother aged 90+.",
                scrub("A 92-year-old woman, husband 101 yo, son 64 years old, mother aged 97."));
    }

    @Test
    void numericDatesShiftBySubjectOffsetKeepingTheirNotation() {
        assertEquals("Seen 2024-01-25, 03/14/2021 and 14.03.2021 at 10:00",
                new TextScrubber(new KnownIdentifiers()).scrub("Seen 2024-01-15, 03/04/2021 and 04.03.2021 at 10:00",
                        SUBJECT));
    }

    @Test
    void aDateNinetyYearsBeforeTheReferenceYearIsRemovedNotShifted() {
        // A shifted birth date keeps its year, which tells an age over 89 (HIPAA: aggregate it).
        assertEquals("DOB [DOB], seen [DATE] and 2024-01-25", // after its label, [DOB] (decision 0249)
                new TextScrubber(new KnownIdentifiers(), 2026).scrub("DOB 07/14/1931, seen March 3, 1936 and 2024-01-15",
                        SUBJECT));
    }

    @Test
    void aDateEightyNineYearsBackIsStillShifted() {
        // not after a birth date's label, which makes any date [DOB] (decision 0249)
        assertEquals("seen 1937-01-11", new TextScrubber(new KnownIdentifiers(), 2026).scrub("seen 1937-01-01", SUBJECT));
    }

    @Test
    void usDatesWithTwoDigitYearsInTextAreShifted() {
        assertEquals("Seen 3/14/21 and 01/10/00.",
                new TextScrubber(new KnownIdentifiers()).scrub("Seen 3/4/21 and 12/31/99.", SUBJECT));
    }

    @Test
    void slashTriplesThatAreNotDatesAreKept() {
        assertEquals("ratio 1/2/3 and 10/20/300", scrub("ratio 1/2/3 and 10/20/300"));
    }

    @Test
    void numericDatesBecomeDateLabelWithoutSubject() {
        assertEquals("Seen [DATE] and [DATE]", scrub("Seen 2024-01-15 and 03/04/2021"));
    }

    @ParameterizedTest(name = "{0} (column day first: {1})")
    @CsvSource(delimiter = '|', value = {
            // The text shows its order: a day above 12 first reads every slash date of it day first, and the reverse
            "Review 25/04/2021, seen 03/04/2021|false|Review 05/05/2021, seen 13/04/2021",
            "Review 25/04/2021, seen 03/04/2021|true|Review 05/05/2021, seen 13/04/2021",
            "Review 04/25/2021, seen 03/04/2021|true|Review 05/05/2021, seen 03/14/2021",
            // It does not: the column's order decides
            "Seen 03/04/2021|false|Seen 03/14/2021",
            "Seen 03/04/2021|true|Seen 13/04/2021",
            // Both orders in one text: the column's
            "Seen 25/04/2021 and 04/25/2021|false|Seen [DATE] and 05/05/2021",
            "Seen 25/04/2021 and 04/25/2021|true|Seen 05/05/2021 and [DATE]",
            // Other notations keep their own order
            "Seen 25/04/2021 and 2021-04-03 and 03.04.2021|false|Seen 05/05/2021 and 2021-04-13 and 13.04.2021"})
    void slashDatesAreReadInTheOrderTheTextShowsElseAsTheColumnSays(String text, boolean columnDayFirst,
            String expected) {
        assertEquals(expected, new TextScrubber(new KnownIdentifiers().snapshot()).scrubAndTell(text, SUBJECT,
                columnDayFirst).text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // A given name no list knows, before a surname known to the run (a table, or a cue in another note)
            "Jarrah Wainwright, PO Box 4127.|[NAME] [NAME], [ADDRESS].",
            "Mary Ellen Wainwright seen.|[NAME] [NAME] [NAME] seen.",
            "Seen with Tjapaltjarri Wainwright today.|Seen with [NAME] [NAME] today.",
            // Ordinary words, titles, forms of address and "patient" in the exports' languages stay
            "Called Wainwright today.|Called [NAME] today.",
            "Paciente Wainwright, neta Ana.|Paciente [NAME], neta [NAME].",
            "Herr Wainwright kam.|Herr [NAME] kam.",
            // Not separated by one space, or part of another word
            "Haemodialysis, Wainwright.|Haemodialysis, [NAME].",
            "Ngaire-Jarrah Wainwright.|[NAME] [NAME].",
            "Follow-Up Wainwright.|Follow-Up [NAME]."})
    void aCapitalisedWordThatIsNoOrdinaryWordRightBeforeAKnownNameIsPartOfIt(String text, String expected) {
        assertEquals(expected, scrubberKnowing("Wainwright", "[NAME]").scrub(text, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Pincode: 560 001, Bengaluru", "Pincode 560001", "Zipcode: 90210-1234"})
    void aWordEndingInCodeIsNoCodeSystem(String text) {
        // "Pincode" ends as "code" does: the number after it was kept as a code's
        String digits = text.replaceAll("\\D", "");
        String out = scrub(text).replaceAll("\\D", "");
        org.junit.jupiter.api.Assertions.assertFalse(out.contains(digits.substring(0, 3)), "the number after the label");
    }

    @Test
    void anEastAsianDateMakesTheScrubDependOnTheSubject() {
        // Remembered as the same for every subject, the second patient's note would take the first's shift.
        TextScrubber s = new TextScrubber(new KnownIdentifiers().snapshot());
        String text = "2023年3月12日に入院";
        org.junit.jupiter.api.Assertions.assertTrue(s.mayShiftDates(text));
        assertEquals("2023年3月22日に入院", s.scrub(text, new Subject("PAT-A", 10)));
        assertEquals("2023年3月17日に入院", s.scrub(text, new Subject("PAT-B", 5)));
        assertEquals("2023년 3월 17일 입원", s.scrub("2023년 3월 12일 입원", new Subject("PAT-B", 5)));
    }

    @Test
    void impossibleDateInTextBecomesDateLabelEvenWithSubject() {
        assertEquals("Seen [DATE]", new TextScrubber(new KnownIdentifiers()).scrub("Seen 13/40/2020", SUBJECT));
    }

    @Test
    void knownMultiTokenNameIsFoundInAnyCaseAndPunctuation() {
        TextScrubber s = scrubberKnowing("Smith, John", "PAT-1");
        assertEquals("PAT-1 was seen", s.scrub("SMITH JOHN was seen", null));
        assertEquals("PAT-1 was seen", s.scrub("smith,john was seen", null));
    }

    @Test
    void knownNameInReversedOrderIsFoundAsAWhole() {
        TextScrubber s = scrubberKnowing("Smith, John", "PAT-1");
        assertEquals("PAT-1 was seen", s.scrub("John Smith was seen", null));
    }

    @Test
    void wordsOfAKnownNameAreFoundAlone() {
        TextScrubber s = scrubberKnowing("Smith, John", "PAT-1");
        // "Mary" is no word of the known name: not linked to its pseudonym (the name detector labels her).
        assertEquals("PAT-1 called PAT-1 and [NAME]", s.scrub("Smith called John and Mary", null));
    }

    @Test
    void knownPhoneNumberIsFoundWithOtherSeparators() {
        TextScrubber s = scrubberKnowing("555-201-3344", "TEL-1");
        assertEquals("call TEL-1", s.scrub("call 555.201.3344", null));
        assertEquals("call TEL-1", s.scrub("call 555 201 3344", null));
        assertEquals("call TEL-1 now", s.scrub("call 555-201 3344 now", null));
    }

    @Test
    void knownIdentifierIsReplacedByItsLabelWhenItHasNoPseudonym() {
        TextScrubber s = scrubberKnowing("Springfield", "[CITY]");
        assertEquals("moved to [CITY] in May", s.scrub("moved to Springfield in May", null));
    }

    @Test
    void knownIdentifierGluedToLettersIsFound() {
        TextScrubber s = scrubberKnowing("123456", "[MRN]");
        assertEquals("scan Z[MRN] done", s.scrub("scan Z123456 done", null));
    }

    @Test
    void knownIdentifierInFullWidthDigitsIsFound() {
        TextScrubber s = scrubberKnowing("123456", "[MRN]");
        assertEquals("id [MRN]", s.scrub("id \uFF11\uFF12\uFF13\uFF14\uFF15\uFF16", null));
    }

    @Test
    void knownNameWrittenWithCombiningAccentIsFound() {
        TextScrubber s = scrubberKnowing("José", "[NAME]");
        assertEquals("[NAME] called", s.scrub("Jose\u0301 called", null));
    }

    @Test
    void knownIdentifierIsNotFoundInsideALongerWord() {
        TextScrubber s = scrubberKnowing("Smith", "[NAME]");
        assertEquals("Smithson disease", s.scrub("Smithson disease", null));
    }

    @Test
    void longerMatchWinsAtTheSameStart() {
        TextScrubber s = scrubberKnowing("2024", "[MRN]");
        assertEquals("on 2024-01-25", s.scrub("on 2024-01-15", SUBJECT));
    }

    @Test
    void earliestMatchWinsAndAPartlyOverlappingMatchLeavesNoTail() {
        TextScrubber s = scrubberKnowing("Lee Parker", "[NAME]");
        assertEquals("Dr. [NAME] called", s.scrub("Dr. Anna Lee Parker called", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "BP 128/82, HR 71, glucose 5.4 mmol/L, dose 2.5 mg",
        "Temp 37.2 C, SpO2 98% on 2 L O2, Hb 13.5 g/dL, INR 1.1, eGFR 60 mL/min/1.73m2.",
        "Given 2 tablets q6h; ID consult for cellulitis; follow up in 3-4 weeks.",
        "Received mRNA-1273 booster; taking into account 2 prior doses.",
        "Na 138, K 4.1, Cl 101, HCO3 24, BUN 18, Cr 0.9 (ref 0.6-1.2), WBC 10.2 x10^9/L, Plt 250.",
        "Patient may 2 times daily; Dr. to review; MS flare; stage T2N0M0; ECOG 1; 1,250 mL out.",
        "Weight 82.5 kg, BMI 27.4, pain 3/10, GCS 15, FEV1 2.85 L (78%), 12-lead ECG normal.",
        "Age 64, stage 2; 3 Marked lesions, Decreased 2 units; see page 95 of the protocol; 1 Junior doctor."})
    void clinicalTextWithoutPhiIsReturnedIdentical(String text) {
        assertEquals(text, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.4", "<0.5", "120", "-3", "1,2", "> 100"})
    void shortNumericValueIsReturnedAsIs(String value) {
        assertSame(value, scrub(value));
    }

    @Test
    void shortIpAddressValueIsReplaced() {
        assertEquals("[IP]", scrub("10.0.0.1"));
    }

    @Test
    void shortKnownNumericIdentifierValueIsReplaced() {
        assertEquals("MRN-1", scrubberKnowing("12-34-56", "MRN-1").scrub("12-34-56", null));
        assertEquals("MRN-2", scrubberKnowing("4711", "MRN-2").scrub("4711", null));
    }

    @Test
    void emptyTextStaysEmpty() {
        assertEquals("", scrub(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "\uDC00abc", "\uD835\uDFD9\uD835\uDFDA 2024-01-15", "\u200F\u05E9\u05DC\u05D5\u05DD 555-201-3344",
        "\u0000\u0001\u007F", "\uFEFFDr. \u00C5\u0301se", "\u0130stanbul \u0131 \u00DF", "MRN:\u0660\u0661\u0662\u0663\u0664",
        "😀 Mr. 😀 1/1/1 ..........", "Ŋ@Ŋ.ŋŋ www. http:// 0.0.0.0.0 9999-12-31"})
    void scrubNeverThrowsOnUnicodeInput(String text) {
        TextScrubber s = scrubberKnowing("Smith, John", "PAT-1", "ß", "X");
        assertDoesNotThrow(() -> s.scrub(text, SUBJECT));
        assertDoesNotThrow(() -> s.scrub(text, null));
    }

    @Test
    void longRunsOfKeywordsAndTitlesDoNotOverflowTheStack() {
        TextScrubber s = scrubberKnowing("Smith, John", "PAT-1");
        assertDoesNotThrow(() -> s.scrub("ID" + " :".repeat(20_000) + " 12345", null));
        assertDoesNotThrow(() -> s.scrub("Mr. ".repeat(20_000) + "Smith", null));
        assertDoesNotThrow(() -> s.scrub("account number".repeat(10_000), null));
    }

    // Pathological inputs for backtracking patterns: a quadratic detector would not finish on these
    // (the build would hang, not just run slowly). How fast they finish is a benchmark's business.

    @Test
    void longRunOfLettersBeforeAnAtSignIsNoEmailAndStaysAsItIs() {
        String text = "a".repeat(200_000) + "@";
        assertEquals(text, scrubberKnowing("Smith, John", "PAT-1").scrub(text, null));
    }

    @Test
    void longRunOfDigitsBecomesOneNumberLabel() {
        assertEquals("[NUMBER]", scrubberKnowing("Smith, John", "PAT-1").scrub("1".repeat(200_000), null));
    }

    @Test
    void longRunOfCapitalsStaysAsItIs() {
        String text = "A".repeat(200_000);
        assertEquals(text, scrubberKnowing("Smith, John", "PAT-1").scrub(text, null));
    }

    @Test
    void dateAtTheEndOfTheCalendarDoesNotBreakScrubbing() {
        assertFalse(new TextScrubber(new KnownIdentifiers()).scrub("until 9999-12-31", new Subject("P", 5))
                .contains("9999-12-31"));
    }

    @Test
    void knownNameThatIsAlsoAWordIsScrubbedOnlyWhereCapitalised() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("Hill", "[NAME]");
        TextScrubber scrubber = new TextScrubber(ids.snapshot());
        assertEquals("Patient [NAME] walked up the hill.", scrubber.scrub("Patient Hill walked up the hill.", null));
    }

    @Test
    void nameNoTableAnnouncedIsScrubbedByTheNameList() {
        TextScrubber s = new TextScrubber(new KnownIdentifiers().snapshot());
        assertEquals("Daughter [NAME] called; husband [NAME] agreed.", s.scrub("Daughter Margaret called; husband Frederick agreed.", null));
    }

    /**
     * A US discharge summary's people besides the family (decision 0110): the health care proxy, the neighbour who
     * found the patient, the interpreter; a given name that is also a word is a name when a cue announces it with a
     * surname ("niece Prudence Waverley") and alone before a word in lower case or a sign ("mother Grace.", decision
     * 0158), not when it is no given name ("daughter. Present").
     */
    @Test
    void aDischargeSummarysProxyNeighbourAndInterpreterAreNamesAndAWordAloneIsNot() {
        TextScrubber s = new TextScrubber(new KnownIdentifiers().snapshot());
        assertEquals("HCP: niece [NAME] [NAME], called. Found by her neighbor [NAME] [NAME]. Interpreter [NAME] [NAME] used.",
                s.scrub("HCP: niece Prudence Waverley, called. Found by her neighbor Jolyon Pettigrew. Interpreter "
                        + "Wojciech Ostrowski used.", null));
        assertEquals("HCP: [NAME] [NAME].", s.scrub("HCP: Ysolde Quarterfield.", null));
        assertEquals("Lives with daughter. Present at bedside: mother [NAME].",
                s.scrub("Lives with daughter. Present at bedside: mother Grace.", null));
        assertEquals("Seen by her friend today.", s.scrub("Seen by her friend today.", null));
    }

    /**
     * A short note of sentences with many capitals is prose, not a Title Case label (decision 0158): its names were kept
     * because 70 % of its words were capitalised ("Discussed with Grace Liu and Hope Adams."), as a drug's or a code's
     * display ("Extended Release Oral Tablet") rightly is. A full stop between two names ends a sentence ("Alvarez.
     * Will Visit"), "With" and "The" beside a name stay, and after a cue a given name and a surname that are both
     * words ("Daughter Faith Miller", "Nurse: Rose Winter") are the name it announces.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Discussed with Grace Liu and Hope Adams. Daughter Faith Miller present.     | Discussed with [NAME] [NAME] and [NAME] [NAME]. Daughter [NAME] [NAME] present.
            Referred by Dr. August Wilson; seen by May Thompson RN on June 3.           | Referred by Dr. [NAME]; seen by [NAME] [NAME] RN on [DATE].
            Signed: Will Carter MD. Nurse: Rose Winter.                                 | Signed: [NAME] [NAME] MD. Nurse: [NAME] [NAME].
            Spoke To Daughter Linda Alvarez. Will Visit Tomorrow.                       | Spoke To Daughter [NAME] [NAME]. Will Visit Tomorrow.
            Called Pharmacy. Spoke With Marcus Feldman.                                 | Called Pharmacy. Spoke With [NAME] [NAME].
            Patient Grace Miller seen today.                                            | Patient [NAME] [NAME] seen today.
            Extended Release Oral Tablet                                                | Extended Release Oral Tablet
            Plan: Continue Lisinopril. Follow Up In Clinic.                             | Plan: Continue Lisinopril. Follow Up In Clinic.
            Rose Bengal Stain Negative. Summer Camp Clearance Given.                    | Rose Bengal Stain Negative. Summer Camp Clearance Given.
            Baker Cyst Noted On Ultrasound. Graves Disease Suspected.                   | Baker Cyst Noted On Ultrasound. Graves Disease Suspected.
            Pt's wife Carol at bedside, updated on plan.                                | Pt's wife [NAME] at bedside, updated on plan.
            Family meeting held with son Tom and daughter Amy.                          | Family meeting held with son [NAME] and daughter [NAME].
            Inhaler left at Grandma Ottoline's house; Grandpa Osric picks him up.       | Inhaler left at Grandma [NAME]'s house; Grandpa [NAME] picks him up.
            Twin sister born 2019. Grandma reports cough. The twin study arm closed.    | Twin sister born 2019. Grandma reports cough. The twin study arm closed.
            Spoke with patient's husband (Robert) by phone. PT (Sarah) x2 in hall.      | Spoke with patient's husband ([NAME]) by phone. PT ([NAME]) x2 in hall.
            Nursing note by J. Whitfield RN.                                            | Nursing note by [NAME]. [NAME] RN.
            Resident: K. Oyelaran                                                       | Resident: [NAME]. [NAME]
            Daughter Will Visit Tomorrow. Mother Present At Bedside.                    | Daughter Will Visit Tomorrow. Mother Present At Bedside.
            Vitamin D. Follow up. Spoke to Charge RN about bed. Smoker (Former).        | Vitamin D. Follow up. Spoke to Charge RN about bed. Smoker (Former).
            Ordering provider: Ramon Ortiz                                              | Ordering provider: [NAME] [NAME]
            Patient goes by Bobby. Nickname: Tommy. Preferred name: Kit                 | Patient goes by [NAME]. Nickname: [NAME]. Preferred name: [NAME]
            Also known as Graves disease. Goes by wheelchair. Preferred pharmacy: CVS   | Also known as Graves disease. Goes by wheelchair. Preferred pharmacy: CVS
            """)
    void namesInAShortNoteOfCapitalisedSentencesAreNames(String text, String expected) {
        assertEquals(expected, new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null));
    }

    /**
     * The age of a relative or of the patient over 89 in a family history's and a note's short forms (decision 0203):
     * after "alive", a colon, "d. at", and the patient's own in commas. Vital signs and counts after a colon stay.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `FHx: mother alive, 97; father d. at 93 of MI.`          | `FHx: mother alive, 90+; father d. at 90+ of MI.`
            `Mother: 95, healthy. Grandpa living, 101.`              | `Mother: 90+, healthy. Grandpa living, 90+.`
            `Pt, 97, presents with SOB`                              | `Pt, 90+, presents with SOB`
            `Pt: 92% on RA, mother: 95 lbs, patient (94 kg), HR 91.` | `Pt: 92% on RA, mother: 95 lbs, patient (94 kg), HR 91.`
            """)
    void anAgeOver89InAFamilyHistorysShortForms(String text, String expected) {
        assertEquals(expected, new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null));
    }

    /**
     * Where a patient lives, as a US note writes it without a street's kind (decision 0207): a house number and a street
     * after "lives at", "shelter at", "address:", a rural route's or a highway contract's box, and the town after a post
     * office box. A count after "lives at" and a respiratory rate stay.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `lives at 4417 N Kedzie with daughter`                 | `lives at [ADDRESS] with daughter`
            `shelter at 800 W Madison. address: 12 Elm, Skokie`    | `shelter at [ADDRESS]. address: [ADDRESS], [LOCATION]`
            `Rural Route 2 Box 44; HC 65 Box 12A`                  | `[ADDRESS]; [ADDRESS]`
            `PO Box 1123, Evanston IL`                             | `[ADDRESS], [LOCATION] IL`
            `lives at 2 levels, RR 18, Box 3 of the form`          | `lives at 2 levels, RR 18, Box 3 of the form`
            `a walk-up on Clybourn Ave; lives off Old Mill Road.`  | `a walk-up on [ADDRESS]; lives off [ADDRESS].`
            `on Supreme Court order, at St. Mary's, on Inner Circle, Main St` | `on Supreme Court order, at St. Mary's, on Inner Circle, Main St`
            """)
    void whereAPatientLivesWithoutAStreetsKind(String text, String expected) {
        assertEquals(expected, new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null));
    }

    /**
     * A relative by marriage, a power of attorney and the next of kin announce a name as a relative does (decision 0206);
     * the same words before a word in lower case or an ordinary word stay.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `pt's sister-in-law Perpetua called`                     | `pt's sister-in-law [NAME] called`
            `POA: Lysander Quenby. next of kin: Cordelia Vantrease`  | `POA: [NAME] [NAME]. next of kin: [NAME] [NAME]`
            `NOK Augustin notified; brother-in-law Osric Dimmock`    | `NOK [NAME] notified; brother-in-law [NAME] [NAME]`
            `POA paperwork signed, no kin known, per law Enforcement` | `POA paperwork signed, no kin known, per law Enforcement`
            """)
    void aRelativeByMarriageAPowerOfAttorneyAndTheNextOfKin(String text, String expected) {
        assertEquals(expected, new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null));
    }

    /**
     * A message's header naming its people given name first (decision 0205), as a portal or an e-mail client writes
     * them; a department, a role and a plan after the same labels stay. ¶ is a line's end.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `From: Wilhelmina Ravensworth¶To: Refill Team¶Subject: rash`       | `From: [NAME] [NAME]¶To: Refill Team¶Subject: rash`
            `To: Tobiah Pennywhistle <tp@example.com>¶Cc: Ignatius T. Quenby`  | `To: [NAME] [NAME] <[EMAIL]>¶Cc: [NAME] [NAME]. [NAME]`
            `From: Pharmacy¶To: Follow Up Clinic¶From: Central Scheduling`      | `From: Pharmacy¶To: Follow Up Clinic¶From: Central Scheduling`
            """)
    void aMessageHeadersPeopleGivenNameFirst(String text, String expected) {
        assertEquals(expected.replace('¶', '\n'), new TextScrubber(new KnownIdentifiers().snapshot())
                .scrub(text.replace('¶', '\n'), null));
    }

    /**
     * A given name and an unlisted surname after "by", "from", "with" or "per" (decision 0205), in the short notes whose
     * capitals otherwise say nothing; a service after the same words stays.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `Sent by John Quenby`                                   | `Sent by [NAME] [NAME]`
            `Seen by John Quenby today`                             | `Seen by [NAME] [NAME] today`
            `Discussed with John Quenby.`                           | `Discussed with [NAME] [NAME].`
            `Sent by Augustin Dimmock for his mother`               | `Sent by [NAME] [NAME] for his mother`
            `Seen by Physical Therapy. Message from Central Scheduling` | `Seen by Physical Therapy. Message from Central Scheduling`
            """)
    void aGivenNameAndSurnameAfterByOrFromInAShortNote(String text, String expected) {
        assertEquals(expected, new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null));
    }

    /**
     * Telephone numbers as US notes also write them, and an encounter's number after its label (decision 0204): seven
     * digits without the area code, the area code before a slash or in brackets before seven digits; "Encounter #", "FIN",
     * "CSN". A range, a time, a pager's extension and an encounter's date after a colon stay.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `Reach daughter at 555-0143, or cell 312/555-0144.`        | `Reach daughter at [PHONE], or cell [PHONE].`
            `phone (312)5550143`                                       | `phone [PHONE]`
            `Encounter #: 20230503-004417; FIN 88120457, CSN: 4471902331` | `Encounter #: [ID]; FIN [ID], CSN: [ID]`
            `Plt 150-4500? no: 150-450. Lot 12-3456, pager 4412, ext 5512` | `Plt 150-4500? no: 150-450. Lot 12-3456, pager 4412, ext 5512`
            `Encounter: 2023-05-03. Visit note: stable. Final dx`      | `Encounter: [DATE]. Visit note: stable. Final dx`
            """)
    void telephoneNumbersAndEncounterNumbersAsUsNotesWriteThem(String text, String expected) {
        assertEquals(expected, new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null));
    }

    /**
     * A day and month without a year are a date element (decision 0202): "May" after a day of the week or a clinic's word
     * and before or after a day that cannot be anything else, a day alone in brackets that no fraction has, a range of
     * two. A prescription's "may" after a count, "(3/4)" and "May 5 patients" stay.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Next appt: Mon, May 15 @ 2pm                             | Next appt: Mon, [DATE] @ 2pm
            Admitted on the 3rd of May, home on 15th May.            | Admitted on the [DATE], home on [DATE].
            Appt on 3 May                                            | Appt on [DATE]
            seen 3 May. Return 24 May at 10                          | seen [DATE]. Return [DATE] at 10
            Onset 2 days prior to admission (4/30).                  | Onset 2 days prior to admission ([DATE]).
            DOS 7/4; DOB: 3/15                                       | DOS [DATE]; DOB: [DOB]
            Week of 5/8-5/12 out of town, back 6/28 - 7/3            | Week of [DATE] out of town, back [DATE]
            Take 1 tab x 3 May repeat in 4 hrs. May 5 patients       | Take 1 tab x 3 May repeat in 4 hrs. May 5 patients
            Use 3/4 strength (3/4) dose; 2 May help                  | Use 3/4 strength (3/4) dose; 2 May help
            """)
    void aDayAndMonthWithoutTheirYearInTheFormsANoteWrites(String text, String expected) {
        assertEquals(expected, new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null));
    }

    /**
     * Decisions 0213 and 0218: a claim's, an authorization's and a referral's number after its label (four characters
     * after "#", "number" or "no.", five after a colon), and a DEA number, are ids; a count or a word after the label
     * stays.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Claim # 2023-0045-778812 denied; claim number CLM88213344    | Claim # [ID] denied; claim number [ID]
            Auth # 88A77213 approved; prior auth no. PA-2023-11872       | Auth # [ID] approved; prior auth no. [ID]
            Referral #: R-4471902 sent. Claim: 88-77122 paid             | Referral #: [ID] sent. Claim: [ID] paid
            Rx by Dr. Ofori, DEA AB1234563.                              | Rx by Dr. [NAME], DEA [ID].
            referral: 12 weeks; claim: pending; Auth: 2 visits           | referral: 12 weeks; claim: pending; Auth: 2 visits
            authorization number 4471 approved; claim # 8812 paid       | authorization number [ID] approved; claim # [ID] paid
            Auth # 12 visits; referral no. 3 of 6; claim: 4471 pending   | Auth # 12 visits; referral no. 3 of 6; claim: 4471 pending
            """)
    void claimAuthorizationReferralAndDeaNumbersAfterTheirLabels(String text, String expected) {
        assertEquals(expected, new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null));
    }

    /**
     * Decision 0212: a street named alone after "lives on" goes; a language after "interpreter", a desk after "nurse",
     * a shift's hours after their word and what someone lives on stay.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            lives on Kedzie near the park; staying off N Halsted now   | lives on [ADDRESS] near the park; staying off [ADDRESS] now
            lives on Social Security; lives on Medicaid, lives on oxygen | lives on Social Security; lives on Medicaid, lives on oxygen
            Needs interpreter Igbo for visits; translator: Somali      | Needs interpreter Igbo for visits; translator: Somali
            interpreter Wilhelmina Gorringe present                    | interpreter [NAME] [NAME] present
            To: Nurse Triage. Re: refill                               | To: Nurse Triage. Re: refill
            Shift 0700-1900, RN on duty. Sprechzeiten 0800-1200        | Shift 0700-1900, RN on duty. Sprechzeiten 0800-1200
            Rückruf unter 0711-234567, Tel. 0800-1200345               | Rückruf unter [PHONE], Tel. [PHONE]
            """)
    void aStreetNamedAloneGoesAndWordsThatNameNoOneStay(String text, String expected) {
        assertEquals(expected, new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null));
    }

    /**
     * A day of the month alone is a date element (decision 0211): an ordinal after a day of the week, or after a word of
     * time and "the" where the clause ends or a time follows. Ordinals of anatomy, floors, times and centuries stay.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Pt seen Tuesday the 14th, f/u on the 28th.                  | Pt seen Tuesday the [DATE], f/u on the [DATE].
            Returned on Friday 17th for labs. Sat, 3rd: called          | Returned on Friday [DATE] for labs. Sat, [DATE]: called
            Surgery scheduled for the 21st at 9, since the 2nd, worse   | Surgery scheduled for the [DATE] at 9, since the [DATE], worse
            Discharge planned by the 30th @ noon; until the 5th or 6th  | Discharge planned by the [DATE] @ noon; until the [DATE] or 6th
            fracture of the 5th metatarsal; moved on the 5th floor      | fracture of the 5th metatarsal; moved on the 5th floor
            for the 1st time, in the 21st century, the 95th percentile  | for the 1st time, in the 21st century, the 95th percentile
            after the 2nd dose, before the 4th cycle; on the 3rd of the month | after the 2nd dose, before the 4th cycle; on the 3rd of the month
            Sunday 4 units, Monday 2 tabs; Thu: 3rd line therapy       | Sunday 4 units, Monday 2 tabs; Thu: 3rd line therapy
            """)
    void aDayOfTheMonthAloneInTheFormsANoteWritesIt(String text, String expected) {
        assertEquals(expected, new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null));
    }

    /**
     * The name a patient goes by, in the forms a ward writes it (decision 0201): in quotes, after "likes to be called",
     * "answers to", "preferred name is", after "prefers" or "known (to staff) as" when quoted, and with its second word.
     * What a patient prefers that is no name, and "known as" a disease, stay.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            pt prefers 'Zizi'; interpreter present                  | pt prefers '[NAME]'; interpreter present
            Goes by "Bunny" per family.                             | Goes by "[NAME]" per family.
            AKA Scooter Pennywhistle                                | AKA [NAME]
            Likes to be called Tink.                                | Likes to be called [NAME].
            known to staff as 'Mo'                                  | known to staff as '[NAME]'
            Answers to Pip. Pt's preferred name is Lulu             | Answers to [NAME]. Pt's preferred name is [NAME]
            nickname “Dodo” per daughter                            | nickname “[NAME]” per daughter
            prefers she/her pronouns; prefers Spanish; prefers oral meds | prefers she/her pronouns; prefers Spanish; prefers oral meds
            Also known as Graves disease. Prefers "quiet room"      | Also known as Graves disease. Prefers "quiet room"
            """)
    void theNameAPatientGoesByInQuotesAndItsCues(String text, String expected) {
        assertEquals(expected, new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null));
    }

    /**
     * A note in capitals, as older systems and nurses write them (decision 0158): the name a relative or a form of
     * address announces is a name of the lists (ordinary words too) or, after DR, MRS or MISS, a word no list holds;
     * abbreviations after a relative or after MS and MR (multiple sclerosis, magnetic resonance) are not.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            PT SEEN WITH DAUGHTER ROSE. DAUGHTER ROSE WINTER AT BEDSIDE.     | PT SEEN WITH DAUGHTER [NAME]. DAUGHTER [NAME] [NAME] AT BEDSIDE.
            D/C HOME WITH WIFE GRACE. F/U WITH DR PATEL 2 WKS.              | D/C HOME WITH WIFE [NAME]. F/U WITH DR [NAME] 2 WKS.
            MRS WHITAKER CALLED. MR JOHNSON TOLERATED DIET.                  | MRS [NAME] CALLED. MR [NAME] TOLERATED DIET.
            MOTHER HTN, FATHER CAD. BROTHER WITH DM2. MOTHER DM2.            | MOTHER HTN, FATHER CAD. BROTHER WITH DM2. MOTHER DM2.
            DR OFFICE NOTIFIED. DR AWARE. MR SCAN NORMAL. MR ANGIO NEG.      | DR OFFICE NOTIFIED. DR AWARE. MR SCAN NORMAL. MR ANGIO NEG.
            MS FLARE, ON STEROIDS. SON IN LAW AT BEDSIDE.                    | MS FLARE, ON STEROIDS. SON IN LAW AT BEDSIDE.
            SON WILL VISIT. DAUGHTER MAY CALL. PT WILL FOLLOW UP.            | SON WILL VISIT. DAUGHTER MAY CALL. PT WILL FOLLOW UP.
            """)
    void namesInANoteInCapitalsAreNames(String text, String expected) {
        assertEquals(expected, new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null));
    }

    /** An in-basket message's header lines name people surname first; other header lines are left alone (decision 0158). */
    @Test
    void theNamesOfAMessagesHeaderLinesAreNames() {
        TextScrubber s = new TextScrubber(new KnownIdentifiers().snapshot());
        assertEquals("From: [NAME], [NAME]\nTo: [NAME], [NAME] [NAME]; [NAME], [NAME]\nRe: refill request",
                s.scrub("From: Whitaker, Joanne\nTo: Nguyen, Thanh A; Oduya, Femi\nRe: refill request", null));
        assertEquals("FROM: [NAME], [NAME]", s.scrub("FROM: WHITAKER, JOANNE", null));
        for (String kept : java.util.List.of("To: follow up in clinic", "From: Pharmacy", "To: Cardiology, Team A",
                "Transfer To: Medicine, Floor 4")) {
            assertEquals(kept, s.scrub(kept, null));
        }
    }

    /**
     * A lab's read-back comment names who took the result, in capitals as lab systems write it (decision 0110): the
     * name after "READ BACK BY", "NOTIFIED", "CALLED TO (RN)" goes; a unit, a team or an ordinary word does not.
     */
    @Test
    void theNameInALabsReadBackCommentIsANameAndAUnitIsNot() {
        TextScrubber s = new TextScrubber(new KnownIdentifiers().snapshot());
        // one name since decision 0248 (a Vietnamese given name and surname, taken whole)
        assertEquals("REPORTED TO AND READ BACK BY [NAME] (PAGER 52411) AT 14:20.",
                s.scrub("REPORTED TO AND READ BACK BY LINH NGUYEN (PAGER 52411) AT 14:20.", null));
        assertEquals("NOTIFIED [NAME] [NAME]-[NAME] AT 10:05.", s.scrub("NOTIFIED ODALYS FITZGERALD-BAUER AT 10:05.", null));
        assertEquals("NOTIFIED [NAME]-[NAME] AT 10:05.", s.scrub("NOTIFIED FITZGERALD-BAUER AT 10:05.", null));
        assertEquals("CRITICAL RESULT CALLED TO RN [NAME] [NAME] 09:12.",
                s.scrub("CRITICAL RESULT CALLED TO RN BRONWEN TREMAYNE 09:12.", null));
        assertEquals("Reported to and read back by [NAME] [NAME] at 14:20.",
                s.scrub("Reported to and read back by Thandiwe Marchetti at 14:20.", null));
        for (String kept : java.util.List.of("CALLED TO MICU TEAM AT 10:05.", "NOTIFIED HOUSE OFFICER.", "VERIFIED BY REPEAT ANALYSIS.",
                "Discussed with patient and family.", "Results called to the floor.")) {
            assertEquals(kept, s.scrub(kept, null));
        }
    }

    /**
     * A notes table run without its patients (decision 0110): the name on a discharge summary's {@code Name:} and
     * {@code Attending:} lines at a line's start and after {@code PCP}, capitalised or in capitals, ordinary words too;
     * a name before its relative in brackets. Not a drug's or an exam's name in a line, not MIMIC's {@code ___}, not a
     * word before "(wife)".
     */
    @Test
    void aNameLineAndANameBeforeItsRelativeInBracketsAreNames() {
        TextScrubber s = new TextScrubber(new KnownIdentifiers().snapshot());
        assertEquals("Name: [NAME] [NAME]-[NAME]    Unit No: [NUMBER]",
                s.scrub("Name: Euphemia Blackwood-Tran    Unit No: 4471093", null));
        assertEquals("x\n Patient Name: [NAME]-[NAME],[NAME]\nSex: F",
                s.scrub("x\n Patient Name: BLACKWOOD-TRAN,EUPHEMIA\nSex: F", null));
        assertEquals("Name: [NAME] [NAME]", s.scrub("Name: Hope Wood", null));
        assertEquals("Service: MEDICINE\n\nAttending: [NAME] [NAME]-[NAME], MD\nPCP [NAME] [NAME].",
                s.scrub("Service: MEDICINE\n\nAttending: Cornelius Abernathy-Vance, MD\nPCP Festus Oyelaran.", null));
        assertEquals("Name: ___    Unit No: ___", s.scrub("Name: ___    Unit No: ___", null));
        assertEquals("EXAM: CT HEAD. Exam Name: CT HEAD W/O CONTRAST", s.scrub("EXAM: CT HEAD. Exam Name: CT HEAD W/O CONTRAST", null));
        assertEquals("Code status discussed with [NAME] (wife); full code.",
                s.scrub("Code status discussed with Ngozi (wife); full code.", null));
        assertEquals("Emergency contact: [NAME] [NAME] (husband)", s.scrub("Emergency contact: Quennell Brathwaite (husband)", null));
        assertEquals("Discussed with Family (wife) at bedside.", s.scrub("Discussed with Family (wife) at bedside.", null));
        assertEquals("Lives alone at [ADDRESS], near [ADDRESS] today.", s.scrub("Lives alone at 14 Pemberton Sq, near 2 Old Mill Hwy today.", null));
    }

    /**
     * The age and sex at the start of a US note ("91F, admitted", "is a 93M with") is an age over 89 (decision 0110);
     * a temperature in Fahrenheit is not ("Tmax 99F", "had a 101F fever"), nor an age under 90.
     */
    @Test
    void anAgeOver89WrittenWithTheSexIsAggregatedAndATemperatureIsNot() {
        TextScrubber s = new TextScrubber(new KnownIdentifiers().snapshot());
        assertEquals("90+F, admitted after a fall.", s.scrub("91F, admitted after a fall.", null));
        assertEquals("HPI:\n90+M with CHF", s.scrub("HPI:\n93M with CHF", null));
        assertEquals("Pt is a 90+ F with dementia (90+M in 2018)", s.scrub("Pt is a 97 F with dementia (96M in 2018)", null));
        assertEquals("Mr. X is a 64M with CHF.", s.scrub("Mr. X is a 64M with CHF.", null).replace("[NAME]", "X"));
        assertEquals("Tmax 99F, had a 101F fever, T 98 F", s.scrub("Tmax 99F, had a 101F fever, T 98 F", null));
    }

    @Test
    void nameThatIsAlsoAWordNeedsATitleOrAnotherName() {
        TextScrubber s = new TextScrubber(new KnownIdentifiers().snapshot());
        assertEquals("There is hope. Seen by Dr. [NAME].", s.scrub("There is hope. Seen by Dr. Hope.", null));
    }

    @Test
    void titleCaseDrugNamesAreNotTakenForNames() {
        TextScrubber s = new TextScrubber(new KnownIdentifiers().snapshot());
        String drug = "24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet";
        assertEquals(drug, s.scrub(drug, null));
    }

    @Test
    void codeAfterItsCodeSystemIsKept() {
        TextScrubber s = new TextScrubber(new KnownIdentifiers().snapshot());
        assertEquals("SNOMED 44054006 reviewed; ref 12345678 filed", s.scrub("SNOMED 44054006 reviewed; ref 12345678 filed", null)
                .replace("[NUMBER]", "12345678"));
        assertEquals("ref [NUMBER] filed", s.scrub("ref 12345678 filed", null));
    }

    @Test
    void theSameTextIsShiftedByEachSubjectsOwnOffset() {
        TextScrubber s = new TextScrubber(new KnownIdentifiers().snapshot());
        String text = "Scanned 2022-01-17, seen by the team";
        // One scrubber remembers the texts it scrubbed: a date must still follow the subject of each call.
        assertEquals("Scanned 2022-01-27, seen by the team", s.scrub(text, SUBJECT));
        assertEquals("Scanned 2022-01-17, seen by the team", s.scrub(text, new Subject("PAT-8", 0)));
        assertEquals("Scanned [DATE], seen by the team", s.scrub(text, null));
        assertEquals("Scanned 2022-01-12, seen by the team", s.scrub(text, new Subject("PAT-9", -5)));
        assertEquals("Scanned 2022-01-27, seen by the team", s.scrub(text, new Subject("PAT-10", 10)));
    }

    @Test
    void aTextWithoutADateScrubsTheSameForEverySubjectAndOneWithADateStillFollowsEach() {
        // Remembered by the text alone once no date was found in it (decision 0075): whichever subject came first,
        // every later subject (or none) gets what a scrubber that never saw the text gives it.
        String undated = "Seen by Dr Quillfeather, ref 12345678";
        String dated = "Seen by Dr Quillfeather on 2022-01-17";
        for (Subject first : new Subject[] {null, SUBJECT, new Subject("PAT-9", -5)}) {
            TextScrubber s = new TextScrubber(new KnownIdentifiers().snapshot());
            s.scrub(undated, first);
            s.scrub(dated, first);
            for (Subject then : new Subject[] {null, SUBJECT, new Subject("PAT-8", 0), new Subject("PAT-9", -5)}) {
                TextScrubber fresh = new TextScrubber(new KnownIdentifiers().snapshot());
                assertEquals(fresh.scrub(undated, then), s.scrub(undated, then));
                assertEquals(fresh.scrubAndTell(dated, then), s.scrubAndTell(dated, then));
            }
        }
        TextScrubber s = new TextScrubber(new KnownIdentifiers().snapshot());
        assertEquals("Seen by Dr [NAME] on 2022-01-27", s.scrub(dated, SUBJECT));
        assertEquals("Seen by Dr [NAME] on 2022-01-12", s.scrub(dated, new Subject("PAT-9", -5)));
        assertEquals("Seen by Dr [NAME] on [DATE]", s.scrub(dated, null));
        assertFalse(s.scrubAndTell(undated, SUBJECT).datesFound());
        assertEquals(s.scrubAndTell(undated, SUBJECT).text(), s.scrubAndTell(undated, null).text());
    }

    /** Relatives and clinicians no table names and no dictionary holds, after the word that says who they are. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Allergie. Tochter Ottilie anwesend.                  | Allergie. Tochter [NAME] anwesend.
            Sæthers dotter Ingvild Brekkesæter följer med.        | Sæthers dotter [NAME] [NAME] följer med.
            Épouse : Mme Solène Quillivic, joignable.            | Épouse : Mme [NAME] [NAME], joignable.
            Leg. läk. Torbjörn Fjällström                        | Leg. läk. [NAME] [NAME]
            Overlæge Margrethe Skovgaard henviser                | Overlæge [NAME] [NAME] henviser
            Nurse Pollyanna Gristwood                            | Nurse [NAME] [NAME]
            daughter Marijke brought him in                      | daughter [NAME] brought him in
            Acompañado por su hija Ximena.                       | Acompañado por su hija [NAME].
            esposa: Sra. Remedios Quiroga Allende                | esposa: Sra. [NAME] [NAME] [NAME]
            La figlia Ornella riferisce dolore.                  | La figlia [NAME] riferisce dolore.
            Moglie Dott Gianfranca Scarpellini                   | Moglie Dott [NAME] [NAME]
            Acompanhado pela filha Iracema e pela enfermeira Jussara. | Acompanhado pela filha [NAME] e pela enfermeira [NAME].
            """)
    void namesAfterAWordForARelativeOrAClinicalTitleAreReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /** Family history keeps its abbreviations and words: only a capitalised name-like word after the cue goes. */
    @ParameterizedTest
    @ValueSource(strings = {"Mother DM2, father MI at 60", "mother with breast cancer", "Sister Present at visit",
        "son of a farmer", "Nurse Practitioner visit", "madre con diabetes, padre HTA", "Padre Control en 3 meses"})
    void wordsAfterARelativeThatAreNoNamesAreKept(String text) {
        assertEquals(text, scrub(text));
    }

    @Test
    void knownNameWithAGluedGenitiveSIsReplaced() {
        assertEquals("[NAME] dotter", scrubberKnowing("Sæther", "[NAME]").scrub("Sæthers dotter", null));
        assertEquals("[NAME] Befund", scrubberKnowing("Müller", "[NAME]").scrub("Müllers Befund", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"06 12 34 56 78", "+33 6 12 34 56 78", "01.42.68.53.00", "0612345678"})
    void frenchPhoneNumbersAreReplaced(String phone) {
        assertEquals("Tél. [PHONE].", scrub("Tél. " + phone + "."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"580412-3921", "19580412-3921", "580412+3921"})
    void nordicPersonalNumbersAreReplaced(String number) {
        assertEquals("pnr [ID] inkommer", scrub("pnr " + number + " inkommer"));
    }
    /** Surnames after a form of address in German, French, Dutch, Italian and Spanish, no table naming them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Herr Kranichfeld (Ehemann) bittet um Rückruf.        | Herr [NAME] (Ehemann) bittet um Rückruf.
            Frau Nussbaumer wurde aufgeklärt.                    | Frau [NAME] wurde aufgeklärt.
            Sig.ra Nussbaumer, presente.                         | Sig.ra [NAME], presente.
            Sra. Nussbaumer habla alemán.                        | Sra. [NAME] habla alemán.
            Dra. Arantxa Zubizarreta revisa.                     | Dra. [NAME] revisa.
            Mme Quillivic rentre à domicile.                     | Mme [NAME] rentre à domicile.
            Dhr. Brouwersgracht gezien.                          | Dhr. [NAME] gezien.
            """)
    void surnamesAfterAFormOfAddressAreReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /** A form of address before an ordinary word, or a noun in lower case, is no name. */
    @ParameterizedTest
    @ValueSource(strings = {"eine frau mit Diabetes", "Herr und Frau kamen", "Fr 12.03. Kontrolle"})
    void formsOfAddressBeforeNoNameKeepTheText(String text) {
        assertEquals(text, scrub(text));
    }

    /** Japanese, Korean and Chinese write a name without spaces around it: a known name inside a run goes too. */
    @Test
    void knownCjkNamesInsideARunOfCharactersAreReplaced() {
        TextScrubber s = scrubberKnowing("花江 月影", "PAT-7", "서문", "[NAME]", "诸葛", "[NAME]");
        assertEquals("PAT-7PAT-7の検査", s.scrub("月影花江の検査", null));
        assertEquals("[NAME]지윤의 검사", s.scrub("서문지윤의 검사", null));
        assertEquals("患者[NAME]明月", s.scrub("患者诸葛明月", null));
    }

    /** Names in Japanese, Korean and Chinese text, after a word for a relative and before an honorific. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            夫 月影宗一郎 連絡先                 | 夫 [NAME] 連絡先
            霧島様 妻 霧島千鶴 同伴              | [NAME]様 妻 [NAME] 同伴
            黒沢先生より紹介。月影花江さん、頭痛 | [NAME]先生より紹介。[NAME]さん、頭痛
            보호자 남편 서문태식 방문            | 보호자 남편 [NAME] 방문
            황보도현 선생님 의뢰                 | [NAME] 선생님 의뢰
            患者诸葛明月女士，丈夫诸葛建国，     | 患者[NAME]女士，丈夫[NAME]，
            司徒医生申请                         | [NAME]医生申请
            """)
    void cjkNamesBeforeAnHonorificOrAfterARelativeAreReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /** Words before an honorific that name no one, and text with no name in it, are kept. */
    @ParameterizedTest
    @ValueSource(strings = {"患者様の容態は安定", "妻と来院", "急性梗塞なし", "胸部CT平扫", "흉부 CT"})
    void cjkTextWithoutANameIsKept(String text) {
        assertEquals(text, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"090-4417-2286", "010-2345-6789", "138-1234-5678", "03-1234-5678", "02-123-4567",
        "943 21 87 65", "+34 943 21 87 65"})
    void eastAsianAndSpanishPhoneNumbersAreReplaced(String phone) {
        assertEquals("tel. [PHONE].", scrub("tel. " + phone + "."));
    }

    /** UK numbers in the groupings the UK writes them in: the US, French and Spanish patterns miss them all. */
    @ParameterizedTest
    @ValueSource(strings = {"07700 900456", "01865 741166", "029 2087 4411", "0121 496 0000", "(01865) 741166",
        "+44 (0)29 2087 4000", "+44 7700 900123", "020 7946 0018"})
    void ukPhoneNumbersAreReplaced(String phone) {
        assertEquals("tel. [PHONE].", scrub("tel. " + phone + "."));
    }

    /** An NHS number no table gave (a relative's) is written 3-3-4 like a US phone number, and goes as one. */
    @Test
    void anUnknownNhsNumberInTextIsReplaced() {
        assertEquals("NHS No [PHONE] checked", scrub("NHS No 999 001 2342 checked"));
    }

    /**
     * A UK postcode in a letter names a street, and the town before it goes too (decision 0121); a code, a dose or a
     * value shaped a little like one is kept.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            lives at 27 Cowley Road, Oxford OX4 1HP today. | lives at [ADDRESS], [LOCATION] [ZIP] today.
            Cardiff CF10 3NQ.                              | [LOCATION] [ZIP].
            London SW1A 1AA                                | [LOCATION] [ZIP]
            moved to M1 1AE in May                         | moved to [ZIP] in May
            B12 1MG daily, T2 DM, OPCS K40.1, ICD-10 I21.4 | B12 1MG daily, T2 DM, OPCS K40.1, ICD-10 I21.4
            eGFR 58 mL/min, HbA1c 58 mmol/mol              | eGFR 58 mL/min, HbA1c 58 mmol/mol
            """)
    void ukPostcodesAreReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /**
     * A Medicare Beneficiary Identifier no table gave (a spouse's, a card's) is a health plan number, with or without
     * its dashes and without a label; claims codes and an MBI-like value with a letter the MBI never uses are kept.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            new card 7HK3-E84-YW20 mailed         | new card [ID] mailed
            spouse's card 2QR7WX3HJ58.            | spouse's card [ID].
            (1EG4-TE5-MK73)                       | ([ID])
            NDC 00378018001, HCPCS G0431, DRG 291 | NDC 00378018001, HCPCS G0431, DRG 291
            lot 1SG4-TE5-MK73 and 1EG4-TE5-MK7    | lot 1SG4-TE5-MK73 and 1EG4-TE5-MK7
            """)
    void medicareBeneficiaryIdentifiersAreReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"LOINC 2345-7", "ICD-10 E11.9", "〒100-0001", "BP 120 80", "Hb 13.5 g/dL", "Lot 1234-5678",
        "ratio 0 1234 567890"})
    void codesAndValuesAreNoPhoneNumbers(String text) {
        assertEquals(text, scrub(text));
    }

    /**
     * Decision 0120: a report's footer names its staff in capitals, after "signed by" and in a copy list at a line's
     * start, with middle initials and ordinary words as names ("MARK LEE"); "10 cc" and a line without a name stay.
     */
    @Test
    void theStaffASignatureAndACopyListNameAreNames() {
        TextScrubber s = new TextScrubber(new KnownIdentifiers().snapshot());
        assertEquals("Electronically signed by: [NAME] [NAME] [NAME]-[NAME], MD on [DATE] 10:15",
                s.scrub("Electronically signed by: PERPETUA Q ABERNATHY-VOSS, MD on 03/04/2023 10:15", null));
        assertEquals("Signed by [NAME] [NAME] at 10:15.", s.scrub("Signed by Jane Smith at 10:15.", null));
        assertEquals("Report\ncc: DR [NAME] [NAME]; DR [NAME] [NAME]-[NAME]",
                s.scrub("Report\ncc: DR MARK LEE; DR ROSALIND MBEKI-STROUD", null));
        assertEquals("cc: [NAME] [NAME], MD; Dr. [NAME]", s.scrub("cc: Jane Smith, MD; Dr. Mark Lee", null));
        for (String kept : java.util.List.of("Flushed with 10 cc: no resistance.", "Consent signed by patient.",
                "Gave 5 cc of saline, cc: none", "MRN: [ID]  FIN: [ID]")) {
            assertEquals(kept, s.scrub(kept, null));
        }
    }

    /** Decision 0120: "Pt" announces the patient's name in a short note, as "Daughter" a relative's; words stay. */
    @Test
    void theNameAfterPtIsAName() {
        TextScrubber s = new TextScrubber(new KnownIdentifiers().snapshot());
        assertEquals("Seen by Dr. [NAME]. Pt [NAME]-[NAME] reachable at [PHONE].",
                s.scrub("Seen by Dr. Szabo. Pt Lindqvist-Abara reachable at 508-555-0119.", null));
        for (String kept : java.util.List.of("Pt tolerated the procedure well.", "Pt Education given.", "Pt. Stable overnight.")) {
            assertEquals(kept, s.scrub(kept, null));
        }
    }

    /** Dates in notes with the month in Italian, Spanish, German or French, and Oracle's DD-MON-YYYY (decision 0119). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ricoverata il 28 dicembre 2022 per scompenso|ricoverata il 7 gennaio 2023 per scompenso",
        "ingresa el 27 de diciembre de 2022 por disnea|ingresa el 6 de enero de 2023 por disnea",
        "INGRESO 30 DE MARZO DE 2023|INGRESO 9 DE ABRIL DE 2023",
        "Befund vom 25. März 2023 liegt vor|Befund vom 4. April 2023 liegt vor",
        "avis du 25 juillet 2023 joint|avis du 4 août 2023 joint",
        "Valoración previa el 25-ENE-2023.|Valoración previa el 04-FEB-2023.",
        "Control 12-MAG-2023, ok|Control 22-MAG-2023, ok"})
    void datesWithAMonthsNameInOtherLanguagesAreShiftedInTheirLanguage(String text, String expected) {
        assertEquals(expected, new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, SUBJECT));
        assertEquals(expected.replaceAll("(?i)\\d{1,2}\\.? (de )?\\p{L}+ (de )?\\d{4}|\\d{2}-\\p{L}{3}-\\d{4}", "[DATE]"),
                scrub(text), "without a subject");
    }

    @Test
    void aWordStartingAsAnotherLanguagesMonthIsNoDate() {
        assertEquals("panel 12 lipids 2023 fine", scrub("panel 12 lipids 2023 fine"));
        assertEquals("after 3 settings 2021 reset", scrub("after 3 settings 2021 reset"));
    }

    @Test
    void theTitleOfAKnownClinicianIsNoNameWord() {
        String out = scrubberKnowing("Dott.ssa Benedetta Quagliarella", "[NAME]", "Dra. Covadonga Llorente", "[NAME]")
                .scrub("Il Dott. Quagliarella e la Dra. Llorente", null);
        assertEquals("Il Dott. [NAME] e la Dra. [NAME]", out);
    }

    @Test
    void polishRelativesAndFormsOfAddressAreCues() {
        assertEquals("Żona [NAME] [NAME] odbiera wypis.", scrub("Żona Halina Żółkowska odbiera wypis."));
        assertEquals("Syn [NAME] pyta o termin.", scrub("Syn Wojciech pyta o termin."));
        assertEquals("wypis: lek. [NAME] [NAME]", scrub("wypis: lek. Przemysław Kuźniar"));
        assertEquals("Pani [NAME], chemioterapia.", scrub("Pani Ślusarczyk, chemioterapia."));
        assertEquals("Kontrola u dr. [NAME].", scrub("Kontrola u dr. Kuźniara."));
    }

    @Test
    void spanishAndItalianFormsOfAddressStandBeforeTheName() {
        assertEquals("Su esposa, Dña. [NAME] [NAME], avisa.", scrub("Su esposa, Dña. Arantza Zubeldia, avisa."));
        assertEquals("Visita della Dott.ssa [NAME] [NAME] oggi.", scrub("Visita della Dott.ssa Benedetta Quagliarella oggi."));
    }

    /**
     * Decision 0125: national numbers by their check digits, council registrations and the RG after their labels,
     * Indian mobiles in two groups of five, Portuguese and Turkish streets; a SIGTAP or CID-10 code stays.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CPF 529.982.247-25, Cartão SUS 898 0011 2345 6781.  | CPF [ID], Cartão SUS [ID].
            RG 3.456.712 PA; RG nº MG-12.345.678                | RG [ID] PA; RG nº [ID]
            Dra. Queiroz, CRM-SP 123456; COREN/BA 54321         | Dra. [NAME], CRM-SP [ID]; COREN/BA [ID]
            Procedimento SIGTAP 0303060212 (CID I50.0)          | Procedimento SIGTAP 0303060212 (CID I50.0)
            T.C. Kimlik No: 12345678028.                        | T.C. Kimlik No: [ID].
            Husband can be reached on 94440 56789.              | Husband can be reached on [PHONE].
            Reside na Rua dos Fanqueiros 128, 1100-232 Lisboa.  | Reside na [ADDRESS], [ZIP] Lisboa.
            Mora na Av. Sete de Setembro, 2300, Salvador.       | Mora na [ADDRESS], [NAME].
            Adres: Caferağa Mah. Moda Cad. No: 14 D: 3, Kadıköy | Adres: [ADDRESS], Kadıköy
            Alsancak Mah. 1453 Sok. No: 7A; Konak               | [ADDRESS]; Konak
            """)
    void brazilianTurkishAndIndianNumbersAndAddressesAreReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /** Decision 0125: Portuguese, Turkish and Indian cues of a name, before it and after it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Consulta com a Dr.ª Malheiro.                       | Consulta com a Dr.ª [NAME].
            Enf. Rosângela Teixeira acompanhou.                 | Enf. [NAME] acompanhou.
            A esposa, D. Aldina, telefonou.                     | A esposa, D. [NAME], telefonou.
            Eşi Nurten Hanım refakat etti.                      | Eşi [NAME] Hanım refakat etti.
            Ayşegül Hanım'ın kızı Gülşen aradı.                 | [NAME] Hanım'ın kızı [NAME] aradı.
            S/o late Shri K. Ramaswamy, admitted                | S/o late Shri [NAME], admitted
            Smt. Sowmya, D/o Harjinder Singh Dhillon.           | Smt. [NAME], D/o [NAME].
            Dr. (Mrs.) Lalitha Venkatesan                       | Dr. (Mrs.) [NAME]
            """)
    void portugueseTurkishAndIndianCuesNameTheirPerson(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /** "W/O CONTRAST", "w/o", "C/o fever", "H/o DM" are clinical shorthand, no relation; "D. vitamin" no Dona. */
    @ParameterizedTest
    @ValueSource(strings = {"CT HEAD W/O CONTRAST", "CT abdomen w/o contrast", "C/o Fever and Cough since 3 days",
        "H/o Diabetes, on Metformin", "Vitamin D. Levels normal.", "Bey. 12 done", "ICD-10 I21.4 and N18.4",
        "CRP 112 mg/L, CRF 310 mL and CRO 145 at baseline."})
    void clinicalShorthandIsNoCue(String text) {
        assertEquals(text, scrub(text));
    }

    /** Decision 0125: a surname a table gave in Turkish capitals is found in its lower-case spelling, and back. */
    @Test
    void turkishCapitalsAndTheirLowerCaseAreOneName() {
        TextScrubber s = scrubberKnowing("ÇİFTÇİOĞLU", "[NAME]", "KARABIYIK", "[NAME]", "Işık", "[NAME]");
        assertEquals("[NAME] Bey, [NAME] Bey, [NAME].", s.scrub("Çiftçioğlu Bey, Karabıyık Bey, IŞIK.", null));
        assertEquals("Hasta [NAME], [NAME].", scrubberKnowing("İsmail", "[NAME]", "Çiftçioğlu", "[NAME]")
                .scrub("Hasta ISMAIL, ÇİFTÇİOĞLU.", null));
    }

    /**
     * Decision 0123: Australian, New Zealand and Canadian addresses with their town, state and postcode, PO boxes,
     * units; a postcode after a known town; the names before a health number's label; Māori and French-Canadian kin
     * words; the Quebec "Dre".
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Lives at Unit 4/12 Smith St, Surry Hills NSW 2010. Well.|Lives at Unit [ADDRESS]. Well.",
        "home to 8 Rātā Place, Whakatāne 3120, ph none|home to [ADDRESS], ph none",
        "at 14 Karaka Street, Ōtāhuhu, Auckland 1062.|at [ADDRESS].",
        "to 88 Rideau Terrace, Ottawa ON K1M 2C4. Son drives.|to [ADDRESS]. Son drives.",
        "Mail to PO Box 4127, Alice Springs NT 0870.|Mail to [ADDRESS].",
        "Locked Bag 2 returned|[ADDRESS] returned",
        "Aroha Te Whārau (NHI ZZZ0016) discharged|[NAME] [NAME] [NAME] (NHI [ID]) discharged",
        "Harjit Sandhu-MacLean, PHN 9698 658 215, lap chole|[NAME] [NAME]-[NAME], PHN [ID], lap chole",
        "Wiremu Pōmare-Ngata (zsc21tn), COPD|[NAME] [NAME]-[NAME] ([ID]), COPD",
        "her daughter Mereana Te Whārau came|her daughter [NAME] [NAME] [NAME] came",
        "Whānau: mokopuna Anahera and kuia Huia.|Whānau: mokopuna [NAME] and kuia [NAME].",
        "Son conjoint Réjean Gagnon appelle.|Son conjoint [NAME] [NAME] appelle.",
        "Vue par la Dre Lapointe-Ouellet hier.|Vue par la Dre [NAME] hier.",
        "Moved to Auckland 2019 for work.|Moved to [LOCATION] 2019 for work."})
    void anzAndCanadianAddressesNamesAndKinAreReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Seen in 2019, 2020 and 2021.", "seen re COPD (NHI pending)", "Spirometry FEV1/FVC 0.62.",
        "GP management plan (item 721).", "Te reo interpreter requested.", "Dose 4/12 weeks, Street 5 clinic.",
        "Medicare, Medicaid and private cover.", "Box 3 of 12 ticked.",
        "Insured by Medicaid, Medicare pending.", "Referred to Cardiology, NHI to be confirmed."})
    void anzProseAroundTheNewCuesKeepsItsWords(String text) {
        assertEquals(text, scrub(text));
    }

    @Test
    void aPostcodeAfterAKnownTownGoesWithIt() {
        TextScrubber s = scrubberKnowing("Whakatāne", "[LOCATION]");
        assertEquals("Lives at home, [LOCATION] [ZIP].", s.scrub("Lives at home, Whakatāne 3120.", null));
        assertEquals("Moved to [LOCATION] 2019 then.", s.scrub("Moved to Whakatāne 2019 then.", null));
        assertEquals("Clinic, [LOCATION], 2019.", s.scrub("Clinic, Whakatāne, 2019.", null));
    }
}
