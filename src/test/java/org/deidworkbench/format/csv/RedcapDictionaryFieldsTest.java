package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.deid.classify.ColumnClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decision 0176: what a run reads from a REDCap data dictionary, and how it finds the fields in the exports' headers. */
class RedcapDictionaryFieldsTest {

    @TempDir
    Path dir;

    private static final String HEADER = "\"Variable / Field Name\",\"Form Name\",\"Section Header\",\"Field Type\","
            + "\"Field Label\",\"Choices, Calculations, OR Slider Labels\",\"Field Note\","
            + "\"Text Validation Type OR Show Slider Number\",\"Text Validation Min\",\"Text Validation Max\","
            + "\"Identifier?\",\"Branching Logic (Show field only if...)\",\"Required Field?\",\"Custom Alignment\","
            + "\"Question Number (surveys only)\",\"Matrix Group Name\",\"Matrix Ranking?\",\"Field Annotation\"\n";

    private RedcapDictionary.Fields read(String rows) throws Exception {
        Path file = dir.resolve("dd.csv");
        Files.writeString(file, HEADER + rows);
        CsvDialect dialect = CsvSniffer.sniff(file);
        try (CsvRecordReader reader = new CsvRecordReader(file, dialect)) {
            assertTrue(RedcapDictionary.isDictionary(reader.header()));
        }
        return RedcapDictionary.read(file, dialect);
    }

    @Test
    void declaredAndValidatedFieldsAreFoundByVariableCheckboxAndLabel() throws Exception {
        RedcapDictionary.Fields f = read("""
                study_id,enrollment,,text,Study ID,,,,,,,,,,,,,
                employer,enrollment,,text,<b>Current</b>  employer,,,,,,Y,,,,,,,
                tribe,enrollment,,checkbox,Tribal affiliation,"1, A | 2, B",,,,,y,,,,,,,
                backup_email,enrollment,,text,Backup e-mail,,,email,,,,,,,,,,
                home_tel,enrollment,,text,Home telephone,,,phone_australia,,,,,,,,,,
                ss,enrollment,,text,SSN,,,ssn,,,,,,,,,,
                hba1c,visit,,text,HbA1c (%),,,number_1dp,3,20,,,,,,,,
                dob,enrollment,,text,Date of birth,,,date_mdy,,,y,,,,,,,
                """);
        assertTrue(f.describes(List.of("study_id", "redcap_event_name")));
        assertTrue(f.describes(List.of("Study ID", "Event Name")), "a labels export");
        assertFalse(f.describes(List.of("record_id", "employer")), "another project's export");
        assertEquals(ColumnClass.IDENTIFIER, f.declared("employer").columnClass());
        assertEquals(ColumnClass.IDENTIFIER, f.declared("Current employer").columnClass(), "its label without markup");
        assertEquals(ColumnClass.IDENTIFIER, f.declared("tribe___2").columnClass(), "a checkbox's column");
        assertEquals(ColumnClass.IDENTIFIER, f.declared("Tribal affiliation (choice=B)").columnClass());
        assertEquals(ColumnClass.EMAIL, f.declared("backup_email").columnClass(), "by its validation");
        assertEquals(ColumnClass.PHONE, f.declared("Home telephone").columnClass());
        assertEquals(ColumnClass.NATIONAL_ID, f.declared("ss").columnClass());
        assertEquals(ColumnClass.IDENTIFIER, f.declared("dob").columnClass(), "flagged: the run keeps shifting it");
        assertNull(f.declared("hba1c"));
        assertNull(f.declared("study_id"), "the record id is the subject, not a field to remove");
        assertNull(f.declared("employer_type"));
        assertTrue(f.declared("employer").evidence().contains("dd.csv"));
        assertFalse(f.declared("employer").evidence().contains("employer"), "the evidence names the dictionary only");
    }

    @Test
    void onlyADictionarysHeaderIsOne() {
        assertFalse(RedcapDictionary.isDictionary(List.of("Variable / Field Name", "Form Name", "Field Label")));
        assertFalse(RedcapDictionary.isDictionary(List.of("record_id", "Field Type", "Field Label", "Identifier?")));
        assertTrue(RedcapDictionary.isStructure("Text Validation Type OR Show Slider Number"));
        assertFalse(RedcapDictionary.isStructure("Field Label"));
    }
}
