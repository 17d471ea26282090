package org.deidworkbench.deid.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.Hl7Message;
import org.deidworkbench.deid.Subject;
import org.deidworkbench.deid.UnprocessableValueException;
import org.junit.jupiter.api.Test;

/** The structural de-identification of HL7 v2 messages in a text value (decision 0126). */
class Hl7MessageMethodTest {

    private static final String MSH = "MSH|^~\\&|EPIC|MERCY|LAB|MERCY|20230312081500||ADT^A01|MSG00001|P|2.5.1";
    private static final String PID = "PID|1||4471205^^^MERCY^MR~123456789^^^SSA^SS||DOE-ROE^JANE^Q^^MRS||19580312|F|||"
            + "12 ELM ST^APT 4^SPRINGFIELD^IL^62704^USA||(217)555-0143^PRN^PH";

    /** Plain text is marked, a column named by the profile gives its header back, the patient's offset is 10 days. */
    private final List<String> subjectIds = new ArrayList<>();
    private final Hl7MessageMethod method = new Hl7MessageMethod(new DeidMethod() {
        @Override
        public String apply(String value, FieldContext context) {
            return "T(" + value + ")";
        }
    }, header -> header.equals("zip") ? (v, c) -> v.substring(0, 3)
            : header.equals("state") ? null : (v, c) -> header.toUpperCase(java.util.Locale.ROOT), id -> {
                subjectIds.add(id);
                return new Subject("P", 10);
            }, 100);

    private String apply(String value) throws DeidException {
        return method.apply(value, new FieldContext(null, "RAW_MESSAGE"));
    }

    @Test
    void aMessageWithEverySeparatorComesBackUnchangedFromTheParser() throws Exception {
        for (String sep : List.of("\r", "\n", "\r\n", "\\r", "\\r\\n")) {
            String m = MSH + sep + PID + sep + "OBX|1|NM|2345-7^GLUCOSE^LN||132|mg/dL" + sep;
            Hl7Message parsed = Hl7Message.parse(m);
            assertEquals(3, parsed.segments().size(), sep);
            assertEquals("OBX", parsed.segments().get(2).name());
            assertEquals(m, parsed.toString());
        }
    }

    @Test
    void theMrnIsPseudonymizedAsAPatientIdAndTheSsnRemoved() throws Exception {
        String out = apply(MSH + "\r" + PID);
        assertTrue(out.contains("|PATIENT_ID^^^MERCY^MR~SSN^^^SSA^SS|"), out);
        assertEquals(List.of("4471205"), subjectIds);
    }

    @Test
    void theControlIdIsTreatedAsTheMessageControlIdColumnAndNotKept() throws Exception {
        String msh = apply(MSH + "\r" + PID).split("\r")[0];
        assertEquals("MSH|^~\\&|EPIC|MERCY|LAB|MERCY|20230322081500||ADT^A01|MESSAGE_CONTROL_ID|P|2.5.1", msh);
        assertFalse(msh.contains("MSG00001"), msh);
    }

    @Test
    void namesAndPhonesAreRemovedTheStreetAndCityGoAndStateAndZip3Stay() throws Exception {
        String pid = apply(MSH + "\r" + PID).split("\r")[1];
        assertEquals("PID|1||PATIENT_ID^^^MERCY^MR~SSN^^^SSA^SS||||BIRTH_DATE|F|||STREET^ADDRESS_LINE_2^CITY^IL^627^"
                + "COUNTRY||", pid);
    }

    @Test
    void dateTimesMoveByThePatientsOffsetInTheirOwnPrecision() throws Exception {
        String out = apply(MSH + "\rPID|1||4471205^^^MERCY^MR\rEVN|A01|20230312081500.1234-0500\r"
                + "OBX|1|TS|X||202303||||||F|||20231231");
        assertTrue(out.startsWith("MSH|^~\\&|EPIC|MERCY|LAB|MERCY|20230322081500||"), out);
        assertTrue(out.contains("EVN|A01|20230322081500.1234-0500"), out);
        assertTrue(out.contains("OBX|1|TS|X||202303||||||F|||20240110"), out); // mid-month and 10 days: still March
    }

    @Test
    void codesResultsAndUnitsAreKeptAndTextIsScrubbedWithoutTheMessagesOwnNames() throws Exception {
        String out = apply(MSH + "\r" + PID + "\rOBX|1|NM|2345-7^GLUCOSE^LN||132|mg/dL|70-99|H\r"
                + "NTE|1||Jane Doe-Roe lives at 12 Elm St");
        assertTrue(out.contains("OBX|1|NM|2345-7^GLUCOSE^LN||132|mg/dL|70-99|H"), out);
        assertTrue(out.contains("NTE|1||T([NAME] [NAME] lives at [ADDRESS])"), out);
    }

    @Test
    void aPhonesUseCodeIsNoNameInTheText() throws Exception {
        String out = apply(MSH + "\r" + PID + "~^NET^Internet^jane@example.org\rNTE|1||Oxycodone PRN via Internet refill");
        assertTrue(out.endsWith("NTE|1||T(Oxycodone PRN via Internet refill)"), out);
    }

    @Test
    void aZSegmentLosesItsStructuredFieldsAndItsTextIsScrubbed() throws Exception {
        String out = apply(MSH + "\rZPD|1|ROE^MARISOL|Prefers her daughter");
        assertTrue(out.endsWith("ZPD|T(1)||T(Prefers her daughter)"), out);
    }

    @Test
    void anEmbeddedDocumentIsRemoved() throws Exception {
        String out = apply(MSH + "\rOBX|1|ED|PDF^Report||^application^pdf^Base64^JVBERi0xLjQK||||||F");
        assertTrue(out.contains("OBX|1|ED|PDF^Report||||||||F"), out);
    }

    @Test
    void aValueThatIsNoMessageGoesToTheTextScrub() throws Exception {
        assertEquals("T(Seen by Dr. Roe)", apply("Seen by Dr. Roe"));
        assertFalse(Hl7Message.looksLikeOne("Seen by Dr. Roe"));
    }

    @Test
    void aCellThatOnlyStartsLikeAnUnknownSegmentIsText() throws Exception {
        assertEquals("T(YES|NO)", apply("YES|NO"));
    }

    @Test
    void aSegmentWithoutMshIsRefusedWithoutItsValue() {
        UnprocessableValueException e = assertThrows(UnprocessableValueException.class, () -> apply(PID));
        assertEquals("HL7-NO-MSH", e.code());
        assertFalse(e.getMessage().contains("4471205") || e.getMessage().contains("DOE"), e.getMessage());
    }

    @Test
    void wrongEncodingCharactersAreRefusedWithoutTheValue() {
        for (String bad : List.of("MSH|^|EPIC", "MSH|^^~\\|EPIC", "MSH|ABCD|EPIC|DOE", "MSH|^~\\&")) {
            UnprocessableValueException e = assertThrows(UnprocessableValueException.class, () -> apply(bad), bad);
            assertEquals("HL7-BAD-ENCODING", e.code());
            assertFalse(e.getMessage().contains("DOE") || e.getMessage().contains("EPIC"), e.getMessage());
        }
    }

    @Test
    void aTruncatedSegmentIsStillCleaned() throws Exception {
        String out = apply(MSH + "\rPID|1||4471205^^^MERCY^MR||DOE-RO");
        assertTrue(out.endsWith("PID|1||PATIENT_ID^^^MERCY^MR||"), out);
    }

    @Test
    void theSameMessageGivesTheSameOutput() throws Exception {
        String m = MSH + "\r" + PID + "\rNTE|1||Jane called";
        assertEquals(apply(m), apply(m));
    }

    /**
     * A free-text field is scrubbed as the text its escape sequences stand for (decision 0139): {@code M\XFC\LLER} in
     * PID-5 is the name the note writes {@code M\XFC\ller}, and the note's line breaks and separators come back as
     * escapes. Read as written, the name was three words (M, XFC, LLER) and its escapes were cut apart.
     */
    @Test
    void aTextFieldIsScrubbedAsTheTextItsEscapesStandFor() throws Exception {
        String out = apply(MSH + "||||||8859/1\rPID|1||4471205^^^MERCY^MR||M\\XFC\\LLER-STRAU\\XDF\\^J\\XFC\\RGEN\r"
                + "NTE|1||Herr M\\XFC\\ller-Strau\\XDF\\ kam\\.br\\Befund \\T\\ Verlauf");
        assertTrue(out.endsWith("NTE|1||T(Herr [NAME] kam\\.br\\Befund \\T\\ Verlauf)"), out);
        assertFalse(out.contains("XFC"), out);
    }

    @Test
    void aTextFieldWithEscapesThatTheScrubLeavesAloneKeepsItsBytes() throws Exception {
        Hl7MessageMethod keeping = new Hl7MessageMethod((v, c) -> v, header -> null, id -> null, 0);
        String note = "NTE|1||Befund \\T\\ Verlauf\\X0D0A\\\\H\\unauff\\XE4\\llig\\N\\";
        String out = keeping.apply(MSH + "\r" + note, new FieldContext(null, "RAW_MESSAGE"));
        assertTrue(out.endsWith(note), out);
    }

    @Test
    void escapeSequencesAreReadAndWrittenBack() throws Exception {
        Hl7Message m = Hl7Message.parse(MSH + "||||||8859/1");
        assertEquals("a|b^c&d~e\\f\ng\u00fch", m.unescape("a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f\\.br\\g\\XFC\\\\H\\h\\N\\"));
        assertEquals("a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f\\.br\\g\\XFC\\h", m.escape("a|b^c&d~e\\f\ng\u00fch", true));
        assertEquals("g\u00fch", m.escape("g\u00fch", false));
        assertEquals("C:\\temp", m.unescape("C:\\temp"), "an escape character that closes no sequence stays");
        String plain = "no escapes";
        assertTrue(plain == m.unescape(plain), "nothing decoded: the same instance");
        assertEquals("\u00fc", Hl7Message.parse(MSH + "||||||UNICODE UTF-8").unescape("\\XC3BC\\"));
    }

    /**
     * The birth date of PID-7 is one of the message's identifiers (decision 0139): a note of the message that writes it
     * ("DOB 03/12/1958") loses it as {@code [DOB]}, as a CSV note loses its table's birth date, where it was shifted as
     * any date and then reported by {@code deid verify} as a date of birth.
     */
    @Test
    void theBirthDateIsAnIdentifierOfTheMessage() {
        List<String> ids = Hl7MessageMethod.identifiers(MSH + "\r" + PID);
        int dob = ids.indexOf("DOB");
        assertTrue(dob > 0 && dob % 2 == 1 && ids.get(dob + 1).equals("19580312"), ids.toString());
        assertFalse(Hl7MessageMethod.identifiers(MSH + "\rPID|1||4471205^^^MERCY^MR||DOE^JANE").contains("DOB"));
    }
}
