package org.deidworkbench.deid.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Aliases (decision 0099): another pseudonym of a subject (the keyed id of its FHIR Patient, which the patient's other
 * resources reference) names the subject in a record as its own pseudonym does; an alias two subjects share names
 * neither, and an alias never takes a word from another subject's own pseudonym.
 */
class LeakScannerAliasTest {

    private static final LeakDictionary D = SubjectRecords.dictionary((b, ids) -> {
        b.alias(ids[0], "QK7RW2M4XZ9TPL8VN3CD");
        b.alias(ids[0], "SH4RED9ALIAS7X");
        b.alias(ids[1], "SH4RED9ALIAS7X");
        b.alias(ids[1], "ALC4X9Q2ZP7K"); // Alice's own pseudonym stays hers
    });

    private static List<String> sources(String... record) {
        return SubjectRecords.sources(D, record);
    }

    @Test
    void aRecordReferencingTheSubjectsAliasIsItsRecord() {
        // a shifted date of Alice's that happens to be Bob's birth date, in a note of a record naming Alice by alias
        assertEquals(List.of(), sources("Patient/QK7RW2M4XZ9TPL8VN3CD", "seen on 1970-12-24, stable"));
        // her own birth date there is a leak
        assertEquals(List.of("alice birth date"), sources("Patient/QK7RW2M4XZ9TPL8VN3CD", "seen on 1961-05-03, stable"));
        assertEquals(List.of("alice birth date"), sources("Patient/QK7RW2M4XZ9TPL8VN3CD", "1961-05-03"));
    }

    @Test
    void withoutTheAliasTheRecordNamesNoOneAndADateInTextCounts() {
        assertEquals(List.of("bob birth date"), sources("Patient/ZZ0000UNKNOWN0000ZZ", "seen on 1970-12-24, stable"));
    }

    @Test
    void anAliasTwoSubjectsShareNamesNeither() {
        assertEquals(List.of("bob birth date"), sources("Patient/SH4RED9ALIAS7X", "seen on 1970-12-24, stable"));
        assertEquals(List.of("alice birth date"), sources("Patient/SH4RED9ALIAS7X", "seen on 1961-05-03, stable"));
    }

    @Test
    void anAliasDoesNotTakeAnotherSubjectsOwnPseudonym() {
        assertEquals(List.of(), sources("ALC4X9Q2ZP7K", "seen on 1970-12-24, stable"));
        assertEquals(List.of("alice birth date"), sources("ALC4X9Q2ZP7K", "1961-05-03"));
    }
}
