package org.deidworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Decision 0228: a rule written for a field's name matches a UB-04 extract's header that names the form's box first. */
class FormLocatorHeadersTest {

    @Test
    void theFormLocatorIsTheBoxsNumberItsLineAndASeparator() {
        assertEquals("MED_REC_NO", FieldSelector.withoutFormLocator("FL03B_MED_REC_NO"));
        assertEquals("PRIN_DX", FieldSelector.withoutFormLocator("FL67_PRIN_DX"));
        assertEquals("Admission Date", FieldSelector.withoutFormLocator("FL12 Admission Date"));
        assertEquals("STMT_FROM", FieldSelector.withoutFormLocator("fl6-STMT_FROM"));
        assertNull(FieldSelector.withoutFormLocator("FL82_X"), "the form has 81 boxes");
        assertNull(FieldSelector.withoutFormLocator("FLOW_RATE"));
        assertNull(FieldSelector.withoutFormLocator("FL03B"));
        assertNull(FieldSelector.withoutFormLocator("FL_OZ"));
    }

    @Test
    void columnNamesAndPatternsMatchTheHeaderWithoutItAndWholeHeadersStillMatch() {
        assertTrue(new FieldSelector.ColumnName("med_rec_no").matches("FL03B_MED_REC_NO"));
        assertTrue(FieldSelector.ColumnPattern.of("(?:pat[ _.-]?)?birth[ _.-]?date").matches("FL10_PAT_BIRTHDATE"));
        assertTrue(FieldSelector.ColumnPattern.of("fl58[a-c]?(?:[ _.-].*)?").matches("FL58A_INSURED_NAME"));
        assertTrue(new FieldSelector.ColumnName("FL03B_MED_REC_NO").matches("fl03b med rec no"));
        assertFalse(new FieldSelector.ColumnName("rec_no").matches("FL03B_MED_REC_NO"));
        assertFalse(FieldSelector.ColumnPattern.of("low_rate").matches("FLOW_RATE"));
    }
}
