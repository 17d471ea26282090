package org.deidworkbench.deid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deidworkbench.crypto.Ff1Cipher;
import org.deidworkbench.deid.DateValues;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.KnownIdentifiers;
import org.deidworkbench.deid.PseudonymLedger;
import org.deidworkbench.deid.Subject;
import org.deidworkbench.deid.TestKeys;
import org.deidworkbench.deid.UnprocessableValueException;
import org.deidworkbench.deid.method.DeidMethod;
import org.deidworkbench.deid.method.PseudonymizeMethod;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.DateShiftSettings;
import org.deidworkbench.model.FieldSelector;
import org.deidworkbench.model.Generalization;
import org.deidworkbench.model.Profile;
import org.deidworkbench.model.PseudonymEntry;
import org.deidworkbench.model.PseudonymFormat;
import org.deidworkbench.model.Rule;
import org.deidworkbench.model.SourceLocation;
import org.deidworkbench.model.SubjectSettings;
import org.junit.jupiter.api.Test;

class DeidentifierTest {

    private static final PseudonymFormat HEX16 = new PseudonymFormat(PseudonymFormat.Encoding.HEX, 16, "", false);
    private static final ActionSpec.Pseudonymize MRN = new ActionSpec.Pseudonymize("mrn",
            new PseudonymFormat(PseudonymFormat.Encoding.BASE32, 10, "MRN-", false));

    private static Rule rule(String id, String column, ActionSpec spec, boolean identifier, String label) {
        return new Rule(id, new FieldSelector.ColumnName(column), spec, identifier, label,
                new SourceLocation("profile.yaml", 3, 1));
    }

    private static Profile profile(List<Rule> rules, ActionSpec defaultSpec) {
        return new Profile("test", "engine tests", rules, defaultSpec, false,
                new SubjectSettings(List.of("patient_id"), "patient"), DateShiftSettings.DEFAULT, "test");
    }

    private static Deidentifier engine(List<Rule> rules) throws DeidException {
        return new Deidentifier(profile(rules, new ActionSpec.Remove()), TestKeys.keyRing(), new PseudonymLedger(), 2026);
    }

    private static Deidentifier engine() throws DeidException {
        return engine(List.of());
    }

    /** A valid spec for every action; the switch has no default so a new action fails compilation here too. */
    private static ActionSpec specFor(Action action) {
        return switch (action) {
            case KEEP -> new ActionSpec.Keep();
            case REMOVE -> new ActionSpec.Remove();
            case EMPTY -> new ActionSpec.Empty();
            case REPLACE -> new ActionSpec.Replace("X");
            case PSEUDONYMIZE -> MRN;
            case ENCRYPT -> new ActionSpec.Encrypt("ssn", Ff1Cipher.DIGITS);
            case SHIFT_DATE -> new ActionSpec.ShiftDate();
            case GENERALIZE -> new ActionSpec.Generalize(Generalization.YEAR);
            case SCRUB_TEXT -> new ActionSpec.ScrubText();
            case REMAP_UID -> new ActionSpec.RemapUid();
        };
    }

    @Test
    void aNameWrittenAnotherWayInTextGetsThePseudonymOfTheNameItself() throws Exception {
        Deidentifier engine = engine();
        ActionSpec.Pseudonymize names = new ActionSpec.Pseudonymize("patient-name", HEX16);
        engine.noteIdentifier(names, "NAME", "Delacroix^Desmond");
        engine.noteAlias(names, "NAME", "Desmond Delacroix", "Delacroix^Desmond");
        engine.freezeIdentifiers();
        String pseudonym = engine.method(names).apply("Delacroix^Desmond", new FieldContext(null, "PatientName"));
        String text = engine.method(new ActionSpec.ScrubText()).apply("CT chest for Desmond Delacroix",
                new FieldContext(null, "StudyDescription"));
        assertEquals("CT chest for " + pseudonym, text);
        assertEquals(1, engine.ledger().newEntries().size(), "one person, one pseudonym");
    }

    @Test
    void oneDomainWithTwoFormatsIsRejected() {
        List<Rule> rules = List.of(rule("mrn-a", "mrn", MRN, true, "MRN"),
                rule("mrn-b", "old_mrn", new ActionSpec.Pseudonymize("mrn", HEX16), true, "MRN"));
        DeidException e = assertThrows(DeidException.class, () -> engine(rules));
        assertEquals("DEID-DOMAIN-FORMAT-CONFLICT", e.code());
        assertTrue(e.getMessage().contains("mrn-a") && e.getMessage().contains("mrn-b"), e.getMessage());
    }

    @Test
    void defaultActionWithAnotherFormatForARuleDomainIsRejected() {
        List<Rule> rules = List.of(rule("mrn-a", "mrn", MRN, true, "MRN"));
        DeidException e = assertThrows(DeidException.class, () -> new Deidentifier(
                profile(rules, new ActionSpec.Pseudonymize("mrn", HEX16)), TestKeys.keyRing(), new PseudonymLedger(),
                2026));
        assertEquals("DEID-DOMAIN-FORMAT-CONFLICT", e.code());
    }

    @Test
    void oneDomainWithOneFormatInSeveralRulesIsAccepted() throws Exception {
        assertNotNull(engine(List.of(rule("a", "mrn", MRN, true, "MRN"), rule("b", "old_mrn", MRN, true, "MRN"))));
    }

    @Test
    void subjectIdsDifferingInCaseAndWhitespaceAreOneSubject() throws Exception {
        Deidentifier engine = engine();
        Subject a = engine.subject("ab-123 x");
        Subject b = engine.subject("  AB-123\tX ");
        assertEquals(a, b);
        assertNotEquals(0, a.dateOffsetDays());
        assertEquals(1, engine.subjectOffsets().size());
    }

    @Test
    void theSubjectCacheStaysBoundedAndASubjectDroppedFromItComesBackTheSame() throws Exception {
        Deidentifier engine = engine();
        int n = Deidentifier.SUBJECT_CACHE * 3 + 17;
        Subject first = engine.subject("subject-0");
        int largest = 0;
        for (int i = 1; i < n; i++) {
            engine.subject("subject-" + i);
            largest = Math.max(largest, engine.cachedSubjects());
        }
        assertTrue(largest <= Deidentifier.SUBJECT_CACHE, "cache held " + largest);
        assertEquals(n, engine.subjectOffsets().size(), "every subject's offset is kept for the key file");
        assertEquals(first, engine.subject("subject-0"), "recomputed exactly after it was dropped");
        assertEquals(n, engine.subjectOffsets().size());
        assertEquals(n, engine.ledger().newEntries().size(), "one ledger entry per subject, not one per miss");
    }

    @Test
    void aSpillingEngineKeepsNoDateOffsetPerSubjectInMemory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Deidentifier engine = engine();
        try (org.deidworkbench.deid.spill.SpillArea area = org.deidworkbench.deid.spill.SpillArea.create(
                dir.resolve("spill"))) {
            engine.spillTo(area, 64);
            java.util.Map<String, Integer> expected = new java.util.TreeMap<>();
            for (int i = 0; i < 5000; i++) {
                Subject s = engine.subject("subject-" + (i % 4000)); // 1000 subjects seen twice
                expected.put(s.pseudonym(), s.dateOffsetDays());
            }
            assertTrue(engine.subjectOffsets().isEmpty(), "offsets went to the spill, not to a map");
            assertTrue(engine.cachedSubjects() <= Deidentifier.SUBJECT_CACHE);
            java.util.Map<String, Integer> spilled = new java.util.TreeMap<>();
            try (org.deidworkbench.model.SortedTuples.Cursor c = engine.spilledSubjectOffsets().open()) {
                for (String[] t = c.next(); t != null; t = c.next()) {
                    assertTrue(spilled.put(t[0], Integer.parseInt(t[1])) == null, "each subject once");
                }
            }
            assertEquals(expected, spilled);
            assertEquals(4000, engine.subjectCount());
        }
    }

    @Test
    void differentSubjectsGetDifferentPseudonyms() throws Exception {
        Deidentifier engine = engine();
        assertNotEquals(engine.subject("AB-123").pseudonym(), engine.subject("AB-124").pseudonym());
    }

    @Test
    void blankSubjectIdIsNoSubject() throws Exception {
        Deidentifier engine = engine();
        assertNull(engine.subject(""));
        assertNull(engine.subject(" \t "));
        assertTrue(engine.ledger().newEntries().isEmpty());
    }

    @Test
    void subjectIsRecordedInTheLedgerUnderItsNormalizedId() throws Exception {
        Deidentifier engine = engine();
        Subject s = engine.subject(" ab-123 ");
        assertEquals(List.of(new PseudonymEntry("patient", s.pseudonym(), "AB-123")), engine.ledger().newEntries());
    }

    @Test
    void subjectUsesTheFormatOfRulesInTheSubjectDomain() throws Exception {
        Deidentifier engine = engine(List.of(rule("pid", "patient_id",
                new ActionSpec.Pseudonymize("patient", HEX16), true, "ID")));
        Subject s = engine.subject("AB-123");
        assertTrue(s.pseudonym().matches("[0-9a-f]{16}"), s.pseudonym());
        assertEquals(s.pseudonym(), engine.method(new ActionSpec.Pseudonymize("patient", HEX16))
                .apply("ab-123", new FieldContext(s, "patient_id")));
    }

    @Test
    void everyActionHasAMethod() throws Exception {
        Deidentifier engine = engine();
        engine.freezeIdentifiers();
        for (Action action : Action.values()) {
            ActionSpec spec = specFor(action);
            assertEquals(action, spec.action());
            assertNotNull(engine.method(spec), action.yamlName());
        }
    }

    @Test
    void scrubTextBeforeFreezingIdentifiersIsAnError() throws Exception {
        Deidentifier engine = engine();
        assertThrows(IllegalStateException.class, () -> engine.method(new ActionSpec.ScrubText()));
    }

    @Test
    void notedIdentifierOfAPseudonymizedFieldIsReplacedInTextByItsPseudonym() throws Exception {
        Deidentifier engine = engine(List.of(rule("mrn", "mrn", MRN, true, "MRN")));
        engine.noteIdentifier(MRN, "MRN", "00123456");
        engine.freezeIdentifiers();
        String pseudonym = engine.method(MRN).apply("00123456", new FieldContext(null, "mrn"));
        String text = engine.method(new ActionSpec.ScrubText()).apply("chart 00123456 reviewed",
                new FieldContext(null, "note"));
        assertEquals("chart " + pseudonym + " reviewed", text);
        assertTrue(pseudonym.startsWith("MRN-"), pseudonym);
    }

    @Test
    void aWordOfAPseudonymizedNameFoundAloneGetsTheLabelNotSomeonesPseudonym() throws Exception {
        ActionSpec.Pseudonymize names = new ActionSpec.Pseudonymize("name", PseudonymFormat.DEFAULT);
        Deidentifier engine = engine(List.of(rule("name", "name", names, true, "NAME")));
        engine.noteIdentifier(names, "NAME", "Smith, John");
        engine.noteIdentifier(names, "NAME", "Doe, John");
        engine.freezeIdentifiers();
        FieldContext c = new FieldContext(null, "name");
        String smith = engine.method(names).apply("Smith, John", c);
        String doe = engine.method(names).apply("Doe, John", c);
        assertEquals("[NAME] was seen; " + doe + " called; " + smith + " left",
                engine.method(new ActionSpec.ScrubText()).apply("John was seen; Doe, John called; John Smith left",
                        new FieldContext(null, "note")));
    }

    @Test
    void notedIdentifierOfOtherFieldsIsReplacedInTextByItsLabel() throws Exception {
        Deidentifier engine = engine();
        engine.noteIdentifier(new ActionSpec.Remove(), "CITY", "Springfield");
        engine.freezeIdentifiers();
        assertEquals("lives in [CITY]", engine.method(new ActionSpec.ScrubText())
                .apply("lives in Springfield", new FieldContext(null, "note")));
    }

    @Test
    void blankNotedIdentifierIsIgnored() throws Exception {
        Deidentifier engine = engine();
        engine.noteIdentifier(MRN, "MRN", "   ");
        assertEquals(0, engine.identifiers().size());
        assertTrue(engine.ledger().newEntries().isEmpty());
    }

    @Test
    void notedSubjectIdIsReplacedInTextByTheSubjectPseudonym() throws Exception {
        Deidentifier engine = engine();
        Subject s = engine.subject("AB-123456");
        engine.noteSubject("AB-123456", s);
        engine.freezeIdentifiers();
        assertEquals("subject " + s.pseudonym(), engine.method(new ActionSpec.ScrubText())
                .apply("subject ab-123456", new FieldContext(s, "note")));
    }

    @Test
    void identifiersNotedAfterFreezingDoNotChangeScrubbing() throws Exception {
        Deidentifier engine = engine();
        engine.freezeIdentifiers();
        engine.noteIdentifier(new ActionSpec.Remove(), "CITY", "Springfield");
        // no cue before the town ("lives in Springfield" is a place by its cue alone, decision 0121)
        assertEquals("Springfield office", engine.method(new ActionSpec.ScrubText())
                .apply("Springfield office", new FieldContext(null, "note")));
        assertEquals(1, engine.identifiers().size());
    }

    @Test
    void dateWithoutSubjectIsStillShifted() throws Exception {
        Deidentifier engine = engine();
        String shifted = engine.method(new ActionSpec.ShiftDate()).apply("2024-06-15", new FieldContext(null, "date"));
        assertNotEquals("2024-06-15", shifted);
        assertTrue(DateValues.isDate(shifted));
    }

    @Test
    void pseudonymizeMethodIsBoundToItsDomain() throws Exception {
        DeidMethod m = engine().method(MRN);
        assertEquals("mrn", ((PseudonymizeMethod) m).domain());
    }

    /** One synthetic CSV-like row: subject id, name, MRN, phone, visit date and a note. */
    private record Row(String subjectId, String name, String mrn, String phone, String date, String note) {
    }

    private static List<Row> dataset() {
        String[] first = {"John", "Maria", "Wei", "Olu", "Anna", "José", "Fatima", "Lars"};
        String[] last = {"Smith", "Garcia", "Zhang", "Adeyemi", "Kowalski", "Müller", "Haddad", "Nilsson"};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int p = i % 40;
            String name = last[p % 8] + ", " + first[(p / 8) % 8] + (p >= 16 ? " " + (char) ('A' + p % 26) + "x" : "");
            String mrn = String.format("%08d", 1_000_000 + p * 7919);
            String phone = String.format("555-%03d-%04d", 100 + p, 1000 + p * 37);
            String date = String.format("2023-%02d-%02d", 1 + i % 12, 1 + i % 28);
            String note = "Pt " + first[(p / 8) % 8] + " " + last[p % 8] + " (MRN " + mrn + ") seen " + date
                    + ", call " + phone + "; BP 128/82, HR 71.";
            rows.add(new Row((i % 2 == 0 ? "p-" : " P-") + p, name, mrn, phone, date, note));
        }
        return rows;
    }

    /** Scan then transform the dataset with {@code threads} threads, rows submitted in the given order. */
    private static List<Object> run(int threads, boolean reversed) throws Exception {
        List<Rule> rules = List.of(rule("mrn", "mrn", MRN, true, "MRN"),
                rule("name", "name", new ActionSpec.Remove(), true, "NAME"),
                rule("phone", "phone", new ActionSpec.Encrypt("phone", Ff1Cipher.DIGITS), true, "PHONE"));
        Deidentifier engine = engine(rules);
        List<Row> rows = dataset();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            order.add(reversed ? rows.size() - 1 - i : i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        String[] out = new String[rows.size()];
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i : order) {
                futures.add(pool.submit(() -> {
                    Row r = rows.get(i);
                    Subject s = engine.subject(r.subjectId());
                    engine.noteSubject(r.subjectId(), s);
                    engine.noteIdentifier(MRN, "MRN", r.mrn());
                    engine.noteIdentifier(new ActionSpec.Remove(), "NAME", r.name());
                    engine.noteIdentifier(new ActionSpec.Encrypt("phone", Ff1Cipher.DIGITS), "PHONE", r.phone());
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            engine.freezeIdentifiers();
            futures.clear();
            for (int i : order) {
                futures.add(pool.submit(() -> {
                    Row r = rows.get(i);
                    Subject s = engine.subject(r.subjectId());
                    FieldContext c = new FieldContext(s, "x");
                    out[i] = String.join("|", s.pseudonym(),
                            engine.method(MRN).apply(r.mrn(), c),
                            engine.method(new ActionSpec.Encrypt("phone", Ff1Cipher.DIGITS)).apply(r.phone(), c),
                            engine.method(new ActionSpec.ShiftDate()).apply(r.date(), c),
                            engine.method(new ActionSpec.ScrubText()).apply(r.note(), c));
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return List.of(List.of(out), engine.ledger().newEntries(), engine.subjectOffsets());
    }

    @Test
    void sameInputGivesIdenticalOutputAndLedgerWithOneOrEightThreads() throws Exception {
        List<Object> single = run(1, false);
        List<Object> parallel = run(8, true);
        assertEquals(single, parallel);
    }

    @Test
    void scrubbedNotesOfTheDeterminismDatasetHoldNoNameMrnOrPhone() throws Exception {
        @SuppressWarnings("unchecked")
        List<String> out = (List<String>) run(1, false).get(0);
        for (String line : out) {
            String note = line.substring(line.lastIndexOf('|') + 1);
            for (String word : List.of("Smith", "Garcia", "Zhang", "Adeyemi", "Kowalski", "Müller", "Haddad", "Nilsson",
                    "555-", "MRN 0")) {
                assertFalse(note.contains(word), note);
            }
            assertTrue(note.endsWith("; BP 128/82, HR 71."), note);
        }
    }
}
