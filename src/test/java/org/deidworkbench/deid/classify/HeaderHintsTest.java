package org.deidworkbench.deid.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderHintsTest {

    @Test
    void splitsSnakeCamelAndGluedUppercaseHeaders() {
        assertEquals(List.of("patient", "id"), HeaderHints.words("PATIENTID"));
        assertEquals(List.of("home", "city"), HeaderHints.words("homeCity"));
        assertEquals(List.of("visit", "occurrence", "id"), HeaderHints.words("visit_occurrence_id"));
        assertEquals(List.of("reason", "code"), HeaderHints.words("REASONCODE"));
    }

    @Test
    void germanCompoundsGiveTheirMeaning() {
        assertTrue(HeaderHints.of("Versichertennummer").has(HeaderHints.Hint.NATIONAL_ID));
        assertTrue(HeaderHints.of("Fallnummer").has(HeaderHints.Hint.ID));
        assertTrue(HeaderHints.of("Aufnahmedatum").has(HeaderHints.Hint.DATE));
        assertTrue(HeaderHints.of("Telefonnummer").has(HeaderHints.Hint.PHONE));
    }

    /** Decision 0150: the § 21 KHEntgG data set's and a discharge letter's headers. */
    @Test
    void germanHospitalHeadersGiveTheirMeaning() {
        assertTrue(HeaderHints.of("KH-internes-Kennzeichen").has(HeaderHints.Hint.ID));
        assertTrue(HeaderHints.of("Fachabteilung").has(HeaderHints.Hint.CODE));
        assertTrue(HeaderHints.of("Verfasser").has(HeaderHints.Hint.PERSON_ROLE));
        assertTrue(HeaderHints.of("Operateur").has(HeaderHints.Hint.PERSON_ROLE));
        assertFalse(HeaderHints.of("Fachabteilung").has(HeaderHints.Hint.PERSON_ROLE));
    }

    @Test
    void abbreviationsAreKnown() {
        assertTrue(HeaderHints.of("DOB").has(HeaderHints.Hint.BIRTH));
        assertTrue(HeaderHints.of("SSN").has(HeaderHints.Hint.NATIONAL_ID));
        assertTrue(HeaderHints.of("LAST").has(HeaderHints.Hint.NAME_PART));
    }

    @Test
    void hesHeadersAreSplitAndKnown() {
        assertEquals(List.of("epi", "key"), HeaderHints.words("EPIKEY"));
        assertEquals(List.of("attend", "key"), HeaderHints.words("ATTENDKEY"));
        assertEquals(List.of("monkey"), HeaderHints.words("MONKEY"));
        assertTrue(HeaderHints.of("EPIKEY").has(HeaderHints.Hint.ID));
        assertTrue(HeaderHints.of("DIAG_4_01").has(HeaderHints.Hint.CODE));
        assertTrue(HeaderHints.of("OPERTN_4_01").has(HeaderHints.Hint.CODE));
        assertTrue(HeaderHints.of("dx").has(HeaderHints.Hint.CODE));
        assertTrue(!HeaderHints.of("DIAG_ID").has(HeaderHints.Hint.CODE));
    }

    /**
     * CMS's claims headers (DE-SynPUF, CCW): the sex identification code names a category, not an id; Part D's
     * product/service id is the drug's NDC; the months of coverage are a quantity; a care manager is a person.
     */
    @Test
    void cmsClaimsHeadersAreKnown() {
        assertTrue(!HeaderHints.of("BENE_SEX_IDENT_CD").has(HeaderHints.Hint.ID));
        assertTrue(!HeaderHints.of("gender_concept_id").has(HeaderHints.Hint.ID));
        assertTrue(HeaderHints.of("PROD_SRVC_ID").has(HeaderHints.Hint.CODE));
        assertTrue(!HeaderHints.of("PROD_SRVC_ID").has(HeaderHints.Hint.ID));
        assertTrue(HeaderHints.of("product_id").has(HeaderHints.Hint.ID));
        assertTrue(HeaderHints.of("PLAN_CVRG_MOS_NUM").has(HeaderHints.Hint.MEASURE));
        assertTrue(HeaderHints.of("BENE_HI_CVRAGE_TOT_MONS").has(HeaderHints.Hint.MEASURE));
        assertTrue(HeaderHints.of("CARE_MGR").has(HeaderHints.Hint.PERSON_ROLE));
        assertTrue(HeaderHints.of("case_manager").has(HeaderHints.Hint.PERSON_ROLE));
    }

    /** "cd" abbreviates a code (MIMIC-IV's formulary_drug_cd), unless the header names an id or a person (0110). */
    @Test
    void cdIsACodeUnlessTheHeaderNamesAnIdOrAPerson() {
        assertTrue(HeaderHints.of("formulary_drug_cd").has(HeaderHints.Hint.CODE));
        assertTrue(HeaderHints.of("DrugCd").has(HeaderHints.Hint.CODE));
        assertTrue(!HeaderHints.of("provider_cd").has(HeaderHints.Hint.CODE));
        assertTrue(!HeaderHints.of("cd_id").has(HeaderHints.Hint.CODE));
    }

    /**
     * Cerner Millennium's headers (decision 0120): {@code ALIAS} holds a person's MRN, FIN and SSN; {@code PRSNL} is the
     * staff; the type of an alias or an encounter as a code is a category, not a person or an id.
     */
    @Test
    void cernerAliasesPersonnelAndTypeCodesAreKnown() {
        assertTrue(HeaderHints.of("ALIAS").has(HeaderHints.Hint.ID));
        assertTrue(HeaderHints.of("PERFORMED_PRSNL_ID").has(HeaderHints.Hint.PERSON_ROLE));
        assertTrue(HeaderHints.of("VERIFIED_PRSNL_ID").has(HeaderHints.Hint.ID));
        HeaderHints type = HeaderHints.of("PERSON_ALIAS_TYPE_CD");
        assertTrue(type.has(HeaderHints.Hint.CODE) && type.has(HeaderHints.Hint.KIND));
        assertTrue(!type.has(HeaderHints.Hint.PERSON_ROLE) && !type.has(HeaderHints.Hint.ID));
        assertTrue(HeaderHints.of("encounter_type_code").has(HeaderHints.Hint.CODE));
        assertTrue(HeaderHints.of("PERSON_ID").has(HeaderHints.Hint.PERSON_ROLE), "a person's id is still a person's");
        assertTrue(HeaderHints.of("provider_type").has(HeaderHints.Hint.PERSON_ROLE), "a kind without a code word");
    }

    /** Italian, Spanish, Portuguese and Polish exports' headers (decision 0119). */
    @Test
    void southernAndEasternEuropeanHeadersAreKnown() {
        assertTrue(HeaderHints.of("COGNOME").has(HeaderHints.Hint.NAME_PART));
        assertTrue(HeaderHints.of("APELLIDO1").has(HeaderHints.Hint.NAME_PART));
        assertTrue(HeaderHints.of("NAZWISKO").has(HeaderHints.Hint.NAME_PART));
        assertTrue(HeaderHints.of("CODICE_FISCALE").has(HeaderHints.Hint.NATIONAL_ID));
        assertTrue(HeaderHints.of("TESSERA_SANITARIA").has(HeaderHints.Hint.NATIONAL_ID));
        assertTrue(HeaderHints.of("DNI_NIE").has(HeaderHints.Hint.NATIONAL_ID));
        assertTrue(HeaderHints.of("NUSS").has(HeaderHints.Hint.NATIONAL_ID));
        assertTrue(HeaderHints.of("PESEL").has(HeaderHints.Hint.NATIONAL_ID));
        assertTrue(HeaderHints.of("DATA_NASCITA").has(HeaderHints.Hint.BIRTH));
        assertTrue(HeaderHints.of("FECHA_NACIMIENTO").has(HeaderHints.Hint.BIRTH));
        assertTrue(HeaderHints.of("INDIRIZZO").has(HeaderHints.Hint.ADDRESS));
        assertTrue(HeaderHints.of("DIRECCION").has(HeaderHints.Hint.ADDRESS));
        assertTrue(HeaderHints.of("COMUNE_NASCITA").has(HeaderHints.Hint.PLACE));
        assertTrue(HeaderHints.of("CAP").has(HeaderHints.Hint.ZIP));
        assertTrue(HeaderHints.of("TELEFONO").has(HeaderHints.Hint.PHONE));
        assertTrue(HeaderHints.of("NOSOLOGICO").has(HeaderHints.Hint.ID));
        assertTrue(HeaderHints.of("NHC").has(HeaderHints.Hint.ID));
        assertTrue(HeaderHints.of("MEDICO").has(HeaderHints.Hint.PERSON_ROLE));
        assertTrue(HeaderHints.of("TESTO").has(HeaderHints.Hint.TEXT));
        assertTrue(HeaderHints.of("RISULTATO").has(HeaderHints.Hint.MEASURE));
        assertTrue(HeaderHints.of("FECHA_VALIDACION").has(HeaderHints.Hint.DATE));
    }

    /** Decision 0125: Brazilian, Portuguese, Turkish and Indian headers. */
    @Test
    void brazilianPortugueseTurkishAndIndianHeadersAreKnown() {
        for (String h : List.of("CPF", "CNS", "RG", "TC_KIMLIK_NO", "AADHAAR_NO", "ABHA_NUMBER", "PAN", "CRM")) {
            assertTrue(HeaderHints.of(h).has(HeaderHints.Hint.NATIONAL_ID), h);
        }
        for (String h : List.of("PRONTUARIO", "N_EPISODIO", "N_PROCESSO", "UHID")) {
            assertTrue(HeaderHints.of(h).has(HeaderHints.Hint.ID), h);
        }
        assertTrue(HeaderHints.of("SOYADI").has(HeaderHints.Hint.NAME_PART));
        assertTrue(HeaderHints.of("HASTA_NO").has(HeaderHints.Hint.PERSON_ROLE));
        assertTrue(HeaderHints.of("PIN_CODE").has(HeaderHints.Hint.ZIP));
        assertTrue(HeaderHints.of("POSTA_KODU").has(HeaderHints.Hint.ZIP));
        assertTrue(HeaderHints.of("DT_NASC").has(HeaderHints.Hint.BIRTH));
        assertTrue(HeaderHints.of("DOGUM_TARIHI").has(HeaderHints.Hint.BIRTH));
        assertTrue(HeaderHints.of("LOGRADOURO").has(HeaderHints.Hint.ADDRESS));
        assertTrue(HeaderHints.of("BAIRRO").has(HeaderHints.Hint.PLACE));
        assertTrue(HeaderHints.of("PROC_REA").has(HeaderHints.Hint.CODE));
        assertTrue(HeaderHints.of("COD_SIGTAP").has(HeaderHints.Hint.CODE));
        assertTrue(HeaderHints.of("TANI_KODU").has(HeaderHints.Hint.CODE));
        // a procedure's record number is an id, not a code; a customer's "CID" is not CID-10
        assertFalse(HeaderHints.of("PROC_ID").has(HeaderHints.Hint.CODE));
        assertFalse(HeaderHints.of("CID").has(HeaderHints.Hint.CODE));
    }

    @Test
    void anzAndCanadianNumbersAndProcedureCodes() {
        for (String h : List.of("IHI", "MEDICARE_NO", "DVA_FILE_NO", "HCN", "OHIP_NUMBER", "PHN", "RAMQ", "SIN")) {
            assertTrue(HeaderHints.of(h).has(HeaderHints.Hint.NATIONAL_ID), h);
        }
        assertTrue(HeaderHints.of("PROCEDURE_1").has(HeaderHints.Hint.CODE));
        assertTrue(HeaderHints.of("ACHI_CODE").has(HeaderHints.Hint.CODE));
        assertFalse(HeaderHints.of("PROCEDURE_ID").has(HeaderHints.Hint.CODE));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"患者ID,ID", "患者ID,PERSON_ROLE", "氏名,NAME_PART", "ｶﾅ氏名,NAME_PART",
        "フリガナ,NAME_PART", "성명,NAME_PART", "姓名,NAME_PART", "生年月日,BIRTH", "생년월일,BIRTH", "出生日期,BIRTH",
        "郵便番号,ZIP", "住所,ADDRESS", "주소,ADDRESS", "电话,PHONE", "휴대전화,PHONE", "保険者番号,NATIONAL_ID",
        "주민등록번호,NATIONAL_ID", "居民身份证号,NATIONAL_ID", "入院日,DATE", "기록일,DATE", "病名,CODE", "KCD,CODE",
        "JLAC10,CODE", "記録,TEXT", "病程记录,TEXT", "住院号,ID", "ｶﾙﾃNO,ID"})
    void japaneseChineseAndKoreanHeadersGiveTheirMeaning(String header, String hint) {
        assertTrue(HeaderHints.of(header).has(HeaderHints.Hint.valueOf(hint)), header + " " + HeaderHints.of(header));
    }

    @Test
    void aPostcodeIsNoNumberOfItsOwnAndAccentedLettersStayInTheirWord() {
        assertFalse(HeaderHints.of("郵便番号").has(HeaderHints.Hint.ID));
        assertEquals(java.util.List.of("straße"), HeaderHints.words("Straße"));
        assertEquals(java.util.List.of("患者", "id", "patient"), HeaderHints.words("患者ID"));
    }
}
