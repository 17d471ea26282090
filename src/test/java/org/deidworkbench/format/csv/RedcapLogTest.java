package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.deidworkbench.deid.JsonText;
import org.junit.jupiter.api.Test;

/** Decision 0177: how a REDCap logging export's actions and data changes are read. */
class RedcapLogTest {

    @Test
    void aLoggingExportIsKnownByItsFourColumns() {
        RedcapLog log = RedcapLog.of(List.of("Time / Date", "Username", "Action",
                "List of Data Changes OR Fields Exported"));
        assertNotNull(log);
        assertEquals(1, log.user);
        assertEquals(2, log.action);
        assertEquals(3, log.changes);
        assertNull(RedcapLog.of(List.of("Time / Date", "Username", "Action")), "without its changes");
    }

    @Test
    void anActionNamesItsRecord() {
        assertEquals("12", RedcapLog.record("Update record 12 (Month 3)"));
        assertEquals("112-3", RedcapLog.record("Create record 112-3 (Baseline)"));
        assertEquals("4", RedcapLog.record("Create survey response 4 (Baseline)"));
        assertEquals("7", RedcapLog.record("Lock/Unlock Record 7"));
        assertNull(RedcapLog.record("Data export"));
        assertNull(RedcapLog.record("Manage/Design"));
        assertEquals(List.of(14, 16), java.util.Arrays.stream(RedcapLog.recordSpan("Update record 12 (Month 3)"))
                .boxed().toList());
    }

    @Test
    void theChangesQuotedValuesAreMembersNamedByTheirFields() {
        String cell = "first_name = 'Siobhan', last_name = 'O'Brien', race(1) = checked, dob = '1975-11-02', "
                + "notes = 'Lives at 5 Elm St, Dayton', [instance = 2]";
        List<JsonText.Member> m = RedcapLog.members(cell);
        assertNotNull(m);
        assertEquals(List.of("first_name", "last_name", "dob", "notes"), m.stream().map(JsonText.Member::key).toList());
        assertEquals(List.of("Siobhan", "O'Brien", "1975-11-02", "Lives at 5 Elm St, Dayton"),
                m.stream().map(JsonText.Member::value).toList(), "a quote and a comma inside a value stay in it");
        JsonText.Member last = m.get(1);
        assertEquals("'O'Brien'", cell.substring(last.start(), last.end()));
        assertEquals("first_name = '[NAME]', last_name = '[NAME]', race(1) = checked, dob = '1975-11-02', "
                + "notes = 'Lives at 5 Elm St, Dayton', [instance = 2]", JsonText.rewrite(cell, m.subList(0, 2),
                List.of(RedcapLog.literal("[NAME]"), RedcapLog.literal("[NAME]"))));
        // a data export's list of the fields, or any other text: none, cleaned as text
        assertNull(RedcapLog.members("record_id, redcap_event_name, first_name, dob"));
        assertNull(RedcapLog.members("Create data export (Diabetes core)"));
        assertNull(RedcapLog.members("first_name = 'Siobhan"), "a value without its closing quote");
    }
}
