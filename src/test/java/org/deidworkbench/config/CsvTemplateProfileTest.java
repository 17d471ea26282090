package org.deidworkbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.Generalization;
import org.deidworkbench.model.Profile;
import org.deidworkbench.model.PseudonymFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in csv-template profile: it loads, and realistic header spellings get the intended action. */
class CsvTemplateProfileTest {

    private static Profile profile;

    @BeforeAll
    static void load() throws ProfileException {
        profile = ProfileLoader.builtIn("csv-template");
    }

    private static ColumnDecision decide(String header) {
        return ProfileExplainer.explain(profile, List.of(header)).get(0);
    }

    @Test
    void builtInProfileLoadsWithItsSource() {
        assertEquals("csv-template", profile.name());
        assertEquals("built-in:csv-template", profile.source());
    }

    @Test
    void defaultScrubsUnknownColumnsWithoutCountingThemAsIdentifiers() {
        assertEquals(new ActionSpec.ScrubText(), profile.defaultSpec());
        assertFalse(profile.defaultIdentifier());
    }

    @Test
    void subjectDomainIsPatient() {
        assertEquals("patient", profile.subject().domain());
    }

    @Test
    void everySubjectColumnIsPseudonymizedInThePatientDomain() {
        for (String column : profile.subject().csvColumns()) {
            assertEquals(new ActionSpec.Pseudonymize("patient", PseudonymFormat.DEFAULT),
                    decide(column).spec(), column);
        }
    }

    @Test
    void patientIdIsPreferredOverMrnAsSubjectColumn() {
        List<ColumnDecision> ds = ProfileExplainer.explain(profile, List.of("MRN", "PatientID"));
        assertFalse(ds.get(0).subjectColumn());
        assertTrue(ds.get(1).subjectColumn());
    }

    @Test
    void namesAreIdentifiersScrubbedAsName() {
        ColumnDecision d = decide("first_name");
        assertTrue(d.identifier());
        assertEquals("NAME", d.rule().label());
    }

    @Test
    void dateOfBirthIsAnIdentifier() {
        assertTrue(decide("DOB").identifier());
    }

    @Test
    void ordinaryDatesAreNotIdentifiers() {
        assertFalse(decide("admission_date").identifier());
    }

    @Test
    void eachRecordNumberKindHasItsOwnDomain() {
        List<String> domains = List.of("account_number", "encounter_id", "visit_id", "accession_number").stream()
                .map(h -> ((ActionSpec.Pseudonymize) decide(h).spec()).domain()).toList();
        assertEquals(List.of("account", "encounter", "visit", "accession"), domains);
    }

    @Test
    void stateIsKeptButNotCountedAsIdentifier() {
        ColumnDecision d = decide("state");
        assertEquals(Action.KEEP, d.spec().action());
        assertFalse(d.identifier());
    }

    /** Decision 0105: a birth date beside an age band of 90+ must not tell the age the band hides. */
    @Test
    void birthDatesAreShiftedAndAggregatedOver89AsAgesAreBanded() {
        assertEquals(new ActionSpec.Generalize(Generalization.BIRTH_DATE), decide("birth_date").spec());
        assertEquals(new ActionSpec.Generalize(Generalization.BIRTH_YEAR), decide("year_of_birth").spec());
        assertFalse(decide("year_of_birth").identifier(), "a year is too common to scrub from text");
    }

    /**
     * Decision 0143: a birth date whose header names its date first ({@code DATE_NAISSANCE}, {@code DT_NASCITA},
     * {@code GEB_DT}) was caught by the generic {@code dates} rule and only shifted, so a patient over 89 kept a full
     * birth date, and notes kept it shifted under "née le". It is the birth-date rule's now.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"DATE_NAISSANCE", "Date de naissance", "date_naiss",
        "DT_NAISS", "dt naissance", "Date naiss.", "DATE_NAIS", "naissance_date", "DT_NASCITA",
        "DT_NACIMIENTO", "date_nac", "GEB_DT", "GEBURTS_DT", "DT_URODZENIA", "DOGUM_DT", "date_of_birth", "DT_NASC"})
    void aBirthDateNamedDateFirstIsAggregatedNotOnlyShifted(String header) {
        ColumnDecision d = decide(header);
        assertEquals("birth-date", d.rule() == null ? "none" : d.rule().id(), d::reason);
        assertEquals(new ActionSpec.Generalize(Generalization.BIRTH_DATE), d.spec());
        assertTrue(d.identifier(), "noted, so that free text loses it as [DOB]");
    }

    /** The birth-date rule's other languages do not take ordinary dates of those languages. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"DATE_ENTREE", "date_sortie", "DT_RICOVERO",
        "DT_INTERNACAO", "DT_NACHUNTERSUCHUNG", "date_deces", "DATE_GEBUCHT"})
    void ordinaryDatesOfOtherLanguagesStayShifted(String header) {
        assertEquals(new ActionSpec.ShiftDate(), decide(header).spec(), header);
    }

    @Test
    void ageIsBandedWithTheOver89Rule() {
        assertEquals(new ActionSpec.Generalize(Generalization.AGE_BAND), decide("age").spec());
    }

    @Test
    void zipKeepsThreeDigits() {
        assertEquals(new ActionSpec.Generalize(Generalization.ZIP3), decide("zip").spec());
    }

    @ParameterizedTest(name = "{0} -> {1} by {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            patient_id              | pseudonymize | subject-id
            PatientID               | pseudonymize | subject-id
            Patient ID              | pseudonymize | subject-id
            pt_id                   | pseudonymize | subject-id
            MRN                     | pseudonymize | subject-id
            PAT_MRN_ID              | pseudonymize | subject-id
            patient_ide             | pseudonymize | subject-id
            encounter_ide           | pseudonymize | encounter-number
            statecityzip_path       | remove       | city
            mrn_id                  | pseudonymize | subject-id
            IIS_ID                  | pseudonymize | subject-id
            state_iis_id            | pseudonymize | subject-id
            LOT_NUMBER              | keep         | lot-numbers
            vaccine_lot             | keep         | lot-numbers
            BIRTH_ORDER             | keep         | birth-order
            BIRTH_FACILITY          | remove       | city
            censusTract2010         | remove       | geo-coordinates
            censusBlockGroup2010    | remove       | geo-coordinates
            censusTr2000            | remove       | geo-coordinates
            I7_Index_ID             | keep         | sequencing-indexes
            index2                  | keep         | sequencing-indexes
            Sample_Plate            | keep         | sequencing-indexes
            primarySite             | keep         | primary-site
            PRIMARY_SITE_CD         | keep         | primary-site
            ePatient.02             | remove       | nemsis-names
            ePatient.03 First Name  | remove       | nemsis-names
            ePatient.05             | remove       | nemsis-addresses
            eScene.15               | remove       | nemsis-addresses
            eScene.11               | remove       | nemsis-places
            ePatient.07             | remove       | nemsis-places
            ePatient.09             | generalize   | nemsis-zip
            eScene.19               | generalize   | nemsis-zip
            ePatient.12             | remove       | nemsis-numbers
            ePatient.15             | remove       | nemsis-age
            ePatient.16             | keep         | nemsis-codes
            ePatient.17             | generalize   | nemsis-birth-date
            ePatient.18             | remove       | nemsis-phone
            eRecord.01              | pseudonymize | subject-id
            ePatient.01             | pseudonymize | subject-id
            eResponse.03            | pseudonymize | nemsis-report-numbers
            eNarrative.01           | scrub-text   | nemsis-narrative
            ARMCD                   | keep         | sdtm-arms
            ACTARMCD                | keep         | sdtm-arms
            ARM                     | keep         | sdtm-arms
            DOMAIN                  | scrub-text   | sdtm-domain
            RDOMAIN                 | scrub-text   | sdtm-domain
            INVNAM                  | remove       | sdtm-investigator
            USUBJID                 | pseudonymize | subject-id
            BRTHDTC                 | generalize   | birth-date
            patient_mrn             | pseudonymize | subject-id
            Medical Record Number   | pseudonymize | subject-id
            subject_id              | pseudonymize | subject-id
            participantId           | pseudonymize | subject-id
            first_name              | remove       | names
            firstName               | remove       | names
            First Name              | remove       | names
            last_name               | remove       | names
            LastName                | remove       | names
            surname                 | remove       | names
            middle_name             | remove       | names
            full_name               | remove       | names
            patient_name            | remove       | names
            PatientName             | remove       | names
            pt_first_name           | remove       | names
            name                    | remove       | names
            maiden_name             | remove       | maiden-name
            mothers_maiden_name     | remove       | maiden-name
            "mother's name"         | remove       | relative-names
            next_of_kin             | remove       | relative-names
            dob                     | generalize   | birth-date
            date_of_birth           | generalize   | birth-date
            DateOfBirth             | generalize   | birth-date
            birthdate               | generalize   | birth-date
            pt_dob                  | generalize   | birth-date
            BENE_BIRTH_DT           | generalize   | birth-date
            member_dob              | generalize   | birth-date
            year_of_birth           | generalize   | birth-year
            BirthYear               | generalize   | birth-year
            YOB                     | generalize   | birth-year
            age                     | generalize   | age
            age_consent             | generalize   | age
            age_at_enrollment       | generalize   | age
            age_dx                  | generalize   | age
            Age (years)             | generalize   | age
            age_at_admission        | generalize   | age
            patient_age             | generalize   | age
            STARTAGE                | generalize   | age
            enrollment_age          | generalize   | age
            baselineAge             | generalize   | age
            "Age at Consent"        | generalize   | age
            mother_age              | generalize   | age
            ADMIAGE                 | generalize   | age
            admission_date          | shift-date   | event-dates
            AdmitDate               | shift-date   | event-dates
            discharge_dt            | shift-date   | event-dates
            visit_date              | shift-date   | event-dates
            encounter_datetime      | shift-date   | event-dates
            collection_time         | shift-date   | event-dates
            result_date             | shift-date   | event-dates
            service_date            | shift-date   | event-dates
            date_of_death           | shift-date   | dates
            lab_dt                  | shift-date   | event-dates
            result_at               | shift-date   | event-dates
            resultAt                | shift-date   | event-dates
            collected_on            | shift-date   | event-dates
            signedOn                | shift-date   | event-dates
            timestamp               | shift-date   | dates
            created_at              | shift-date   | at-dates
            updatedAt               | shift-date   | at-dates
            ssn                     | remove       | national-id
            patientSSN              | remove       | national-id
            social_security_number  | remove       | national-id
            national_id             | remove       | national-id
            NHS No                  | pseudonymize | subject-id
            nhs_number              | pseudonymize | subject-id
            DESYNPUF_ID             | pseudonymize | subject-id
            BENE_ID                 | pseudonymize | subject-id
            insurance_number        | remove       | insurance-number
            member_id               | pseudonymize | subject-id
            MBR_ID                  | pseudonymize | subject-id
            ENROLID                 | pseudonymize | subject-id
            PERSON_UUID             | pseudonymize | subject-id
            DMINIT                  | remove       | names
            SUBJINIT                | remove       | names
            pt_init                 | remove       | names
            patient_guid            | pseudonymize | subject-id
            memberid                | remove       | insurance-number
            insurance_member_id     | remove       | insurance-number
            PolicyNo                | remove       | insurance-number
            medicare_id             | remove       | insurance-number
            passport_number         | remove       | passport-licence
            drivers_license         | remove       | passport-licence
            DriverLicenceNumber     | remove       | passport-licence
            license_plate           | remove       | vehicle
            vehicle_id              | remove       | vehicle
            address                 | remove       | address
            address_line_1          | remove       | address
            AddressLine2            | remove       | address
            street                  | remove       | address
            city                    | remove       | city
            homeCity                | remove       | city
            hometown                | remove       | city
            Survey Access Code      | remove       | credentials
            return_code             | remove       | credentials
            Password                | remove       | credentials
            api_token               | remove       | credentials
            home_town               | remove       | city
            town_of_residence       | remove       | city
            city_of_birth           | remove       | city
            county                  | remove       | county
            state                   | keep         | state
            patient_state           | keep         | state
            address_state           | keep         | state
            zip                     | generalize   | zip
            ZipCode                 | generalize   | zip
            postal_code             | generalize   | zip
            address_zip             | generalize   | zip
            BENE_ZIP_CD             | generalize   | zip
            phone                   | remove       | phone
            home_phone              | remove       | phone
            mobile                  | remove       | phone
            fax                     | remove       | phone
            email                   | remove       | email
            EmailAddress            | remove       | email
            website                 | remove       | web
            profile_url             | remove       | web
            ip_address              | remove       | ip-address
            client_ip               | remove       | ip-address
            IP                      | remove       | ip-address
            ipv6                    | remove       | ip-address
            remoteIp                | remove       | ip-address
            last_login_ip           | remove       | ip-address
            ip_addr_v4              | remove       | ip-address
            device_serial           | remove       | device-id
            serial_number           | remove       | device-id
            account_number          | pseudonymize | account-number
            encounter_id            | pseudonymize | encounter-number
            PAT_ENC_CSN_ID          | pseudonymize | encounter-number
            DX_ID                   | keep         | epic-code-ids
            COMPONENT_ID            | keep         | epic-code-ids
            VisitNumber             | pseudonymize | visit-number
            AccessionNo             | pseudonymize | accession-number
            photo_path              | remove       | photo
            image_file              | remove       | photo
            notes                   | scrub-text   | free-text
            clinical_notes          | scrub-text   | free-text
            comments                | scrub-text   | free-text
            narrative               | scrub-text   | free-text
            description             | scrub-text   | free-text
            history                 | scrub-text   | free-text
            remarks                 | scrub-text   | free-text
            text                    | scrub-text   | free-text
            NOTE_TEXT               | scrub-text   | free-text
            note_title              | scrub-text   | free-text
            reason_for_visit        | scrub-text   | free-text
            """)
    void identifierHeaderGetsItsAction(String header, String action, String ruleId) {
        ColumnDecision d = decide(header);
        assertEquals(action, d.spec().action().yamlName(), d::reason);
        assertEquals(ruleId, d.rule() == null ? "default" : d.rule().id(), d::reason);
    }

    /** Clinical columns that only look like identifiers must reach the default, never be removed. */
    @ParameterizedTest(name = "{0} -> default")
    @CsvSource(delimiter = '|', textBlock = """
            lab_value
            unit
            result_code
            result_value
            ethnicity
            toxicity_grade
            stage
            storage_location
            average_dose
            dosage
            gestational_age
            gest_age
            age_months
            age_group
            tumor_stage
            percentage
            lineage
            totalUsage
            imageStorage
            sex
            race
            test_name
            drug_name
            candidate
            format
            cell_count
            purulent_discharge
            NOTE_ID
            NOTE_CSN_ID
            note_type_concept_id
            NOTE_TYPE_C
            comment_code
            observation_concept_id
            messageId
            adaptive_score
            diagnosis_code
            weight_kg
            zipper
            dose
            resultat
            Resultat
            testat
            MEDREIMB_IP
            BENRES_IP
            PPPYMT_OP
            CLM_UTLZTN_DAY_CNT
            BENE_SEX_IDENT_CD
            SP_STATE_CODE
            """)
    void clinicalHeaderGetsTheDefault(String header) {
        ColumnDecision d = decide(header);
        assertNull(d.rule(), d::reason);
        assertNotEquals(Action.REMOVE, d.spec().action());
    }
}
