package org.deidworkbench.deid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.KnownIdentifiers;
import org.deidworkbench.deid.PseudonymLedger;
import org.deidworkbench.deid.Subject;
import org.deidworkbench.deid.TestKeys;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.DateShiftSettings;
import org.deidworkbench.model.Profile;
import org.deidworkbench.model.PseudonymEntry;
import org.deidworkbench.model.PseudonymFormat;
import org.deidworkbench.model.SubjectSettings;
import org.junit.jupiter.api.Test;

/**
 * Engines on several workers, their notes merged into one: the same key file contents and the same
 * scrubbed text as one engine that saw everything (issue 13).
 */
class EngineNotesTest {

    private static final ActionSpec.Pseudonymize NAME = new ActionSpec.Pseudonymize("patient-name",
            new PseudonymFormat(PseudonymFormat.Encoding.HEX, 16, "", false));
    private static final ActionSpec.Remove CITY = new ActionSpec.Remove();

    private static Deidentifier engine() throws DeidException {
        Profile profile = new Profile("test", "notes tests", List.of(), new ActionSpec.Remove(), false,
                new SubjectSettings(List.of("patient_id"), "patient"), DateShiftSettings.DEFAULT, "test");
        return new Deidentifier(profile, TestKeys.keyRing(), new PseudonymLedger(), 2026);
    }

    /** What one file of a patient makes an engine note. */
    private static void note(Deidentifier engine, String id, String name, String city) throws DeidException {
        Subject s = engine.subject(id);
        engine.noteSubject(id, s);
        engine.noteIdentifier(NAME, "NAME", name, s);
        engine.noteIdentifier(CITY, "CITY", city, s);
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void notesOfTwoWorkersMergedGiveWhatOneEngineNotes() throws Exception {
        Deidentifier all = engine();
        note(all, "100200", "Avery Quillfeather", "Springfield");
        note(all, "100217", "Jordan Marchetti", "Riverton");

        Deidentifier a = engine();
        note(a, "100200", "Avery Quillfeather", "Springfield");
        Deidentifier b = engine();
        note(b, "100217", "Jordan Marchetti", "Riverton");
        note(b, "100200", "Avery Quillfeather", "Springfield"); // seen by both workers
        Deidentifier.Notes merged = roundTrip(a.notes()).merge(roundTrip(b.notes()));
        Deidentifier driver = engine();
        driver.absorb(merged);

        assertEquals(all.ledger().newEntries(), driver.ledger().newEntries());
        assertEquals(all.subjectOffsets(), driver.subjectOffsets());
        assertEquals(all.subjectIdentifiers(), driver.subjectIdentifiers());
        all.freezeIdentifiers();
        driver.freezeIdentifiers();
        String text = "Avery Quillfeather moved from Riverton; Jordan called Avery.";
        FieldContext field = new FieldContext(null, "note");
        assertEquals(all.method(new ActionSpec.ScrubText()).apply(text, field),
                driver.method(new ActionSpec.ScrubText()).apply(text, field));
        assertTrue(!driver.method(new ActionSpec.ScrubText()).apply(text, field).contains("Quillfeather"));
    }

    /**
     * Decision 0164: values noted by owner (a record that points at its patient) on two workers, merged on the driver
     * and resolved there, are kept as the engine that saw everything keeps them; an owner that names no subject keeps
     * nothing, and its value is still scrubbed from text.
     */
    @Test
    void ownedValuesNotedOnTwoWorkersAreResolvedOnTheDriverAsByOneEngine() throws Exception {
        java.util.Map<String, String> index = java.util.Map.of("Patient/a", "100200", "Patient/b", "100217");
        Deidentifier all = engine();
        note(all, "100200", "Avery Quillfeather", "Springfield");
        note(all, "100217", "Jordan Marchetti", "Riverton");
        all.noteOwnedIdentifier(NAME, "NAME", "Philomena Gravesend", "Patient/a");
        all.noteOwnedIdentifier(CITY, "CITY", "Oxenholme", "Patient/nowhere");
        all.noteOwnedIdentifier(NAME, "NAME", "Tamsin Kinsworth", "Patient/b");

        Deidentifier a = engine();
        note(a, "100200", "Avery Quillfeather", "Springfield");
        a.noteOwnedIdentifier(NAME, "NAME", "Tamsin Kinsworth", "Patient/b"); // the patient is the other worker's
        a.noteOwnedIdentifier(CITY, "CITY", "Oxenholme", "Patient/nowhere");
        Deidentifier b = engine();
        note(b, "100217", "Jordan Marchetti", "Riverton");
        b.noteOwnedIdentifier(NAME, "NAME", "Philomena Gravesend", "Patient/a");
        Deidentifier driver = engine();
        driver.absorb(roundTrip(a.notes()).merge(roundTrip(b.notes())));

        assertEquals(2, all.resolveOwnedIdentifiers(index::get));
        assertEquals(2, driver.resolveOwnedIdentifiers(index::get));
        assertEquals(all.subjectIdentifiers(), driver.subjectIdentifiers());
        String avery = all.subject("100200").pseudonym();
        assertTrue(all.subjectIdentifiers().get(avery).stream().anyMatch(k -> k.value().equals("Philomena Gravesend")));
        assertTrue(all.subjectIdentifiers().values().stream().flatMap(java.util.Set::stream)
                .noneMatch(k -> k.value().equals("Oxenholme")), "an owner that names no subject keeps nothing");
        driver.freezeIdentifiers();
        String scrubbed = driver.method(new ActionSpec.ScrubText()).apply("Oxenholme and Philomena Gravesend called",
                new FieldContext(null, "note"));
        assertTrue(!scrubbed.contains("Oxenholme") && !scrubbed.contains("Gravesend"), scrubbed);
    }

    /**
     * A date of birth in a note is written in the writer's notation, not the column's: it goes as [DOB] in each,
     * instead of coming out as a shifted full date of birth (which `deid verify` reports as a labelled date of birth).
     */
    @Test
    void aDateOfBirthWrittenInAnotherNotationIsReplacedInNotes() throws Exception {
        Deidentifier engine = engine();
        Subject s = engine.subject("100200");
        engine.noteSubject("100200", s);
        engine.noteIdentifier(new ActionSpec.ShiftDate(), "DOB", "1949-07-30", s);
        engine.freezeIdentifiers();
        String text = "Pt. DOB 07/30/1949; geb. 30.07.1949; seen 2020-10-01. Labeled DOB 07-30-49, req. 30/07/49.";
        String scrubbed = engine.method(new ActionSpec.ScrubText()).apply(text, new FieldContext(s, "note"));
        assertTrue(scrubbed.startsWith("Pt. DOB [DOB]; geb. [DOB]; seen "), scrubbed);
        // with the year's last two digits, as a pathology requisition or a container's label writes it (decision 0220)
        assertTrue(scrubbed.endsWith(" Labeled DOB [DOB], req. [DOB]."), scrubbed);
        assertTrue(!scrubbed.contains("2020-10-01"), "the visit date is still shifted: " + scrubbed);
        // a date whose reading is not certain (the third of February or the second of March) gives no notations
        assertEquals(List.of(), Deidentifier.birthDateNotations("03/02/1958"));
        assertTrue(Deidentifier.birthDateNotations("30-07-1949").contains("1949-07-30"));
        // every notation a note may write, with and without leading zeros
        assertEquals(List.of("1949-07-03", "07/03/1949", "7/3/1949", "03.07.1949", "3.7.1949", "19490703",
                "JUL 3 1949", "3 JUL 1949", "JULY 3 1949", "3 JULY 1949", "03 JUL 1949", "07/03/49", "03.07.49",
                "7/3/49", "3.7.49", "2490703"),
                Deidentifier.birthDateNotations("1949-07-03"));
        assertEquals(List.of("1949-11-23", "11/23/1949", "11/23/1949", "23.11.1949", "23.11.1949", "19491123",
                "NOV 23 1949", "23 NOV 1949", "NOVEMBER 23 1949", "23 NOVEMBER 1949", "11/23/49", "23.11.49", "2491123"),
                Deidentifier.birthDateNotations("23.11.1949"));
        // VistA's stored date (decision 0181)
        assertTrue(Deidentifier.birthDateNotations("2310214").contains("02/14/1931"));
    }

    /**
     * Decision 0181: a VistA note writes the birth date with the month's name and no space after the comma ("DOB: FEB
     * 14,1931 (92)"), other notes "14-FEB-1931" or "February 14, 1931": each goes as [DOB], and the age after it, over
     * 89, as 90+.
     */
    @Test
    void aDateOfBirthWrittenWithItsMonthsNameIsReplacedInNotes() throws Exception {
        Deidentifier engine = engine();
        Subject s = engine.subject("7169812");
        engine.noteSubject("7169812", s);
        engine.noteIdentifier(new ActionSpec.ShiftDate(), "DOB", "1931-02-14 00:00:00.000", s);
        engine.freezeIdentifiers();
        String text = "Patient: X   DOB: FEB 14,1931 (92)\nborn 14-FEB-1931, i.e. February 14, 1931.";
        String scrubbed = engine.method(new ActionSpec.ScrubText()).apply(text, new FieldContext(s, "note"));
        assertEquals("Patient: X   DOB: [DOB] (90+)\nborn [DOB], i.e. [DOB].", scrubbed);
    }

    /**
     * Decision 0150: a German name with an umlaut is written without it where the writer had none ("Kuebler-Schmitz"
     * in a letter beside "Kübler-Schmitz" in the patient list): the transliteration is an identifier too.
     */
    @Test
    void aNameWithAnUmlautIsReplacedWhereANoteWritesItWithoutOne() throws Exception {
        Deidentifier engine = engine();
        Subject s = engine.subject("100234567");
        engine.noteSubject("100234567", s);
        engine.noteIdentifier(new ActionSpec.Remove(), "NAME", "Kübler-Schmitz", s);
        engine.freezeIdentifiers();
        String scrubbed = engine.method(new ActionSpec.ScrubText()).apply(
                "Frau Kuebler-Schmitz, Tochter von Herrn Kuebler, KUEBLER-SCHMITZ.", new FieldContext(s, "note"));
        assertTrue(!scrubbed.toLowerCase(java.util.Locale.ROOT).contains("kuebler"), scrubbed);
        assertEquals("Kuebler-Schmitz", Deidentifier.germanTransliteration("Kübler-Schmitz"));
        assertEquals("KUEBLER-SCHMITZ", Deidentifier.germanTransliteration("KÜBLER-SCHMITZ"));
        assertEquals("Oezdemir", Deidentifier.germanTransliteration("Özdemir"));
        assertEquals("Großkreutz", Deidentifier.germanTransliteration("Großkreutz"), "ß is folded as ss already");
    }

    @Test
    void aWorkerFrozenWithTheDriversIdentifiersScrubsAsTheDriver() throws Exception {
        Deidentifier driver = engine();
        note(driver, "100200", "Avery Quillfeather", "Springfield");
        driver.freezeIdentifiers();
        KnownIdentifiers frozen = roundTrip(driver.identifiers().snapshot());
        Deidentifier worker = engine();
        worker.freezeIdentifiers(frozen);

        // The patient's dates are shifted, but a full date 90+ years before the reference year is
        // removed (an age over 89): the worker must count from the same year as the driver.
        String text = "Seen in Springfield with Avery Quillfeather, born 1931-03-04, seen 2024-01-15.";
        String scrubbed = driver.method(new ActionSpec.ScrubText()).apply(text,
                new FieldContext(driver.subject("100200"), "note"));
        assertEquals(scrubbed, worker.method(new ActionSpec.ScrubText()).apply(text,
                new FieldContext(worker.subject("100200"), "note")));
        assertTrue(scrubbed.contains("born [DOB]") && !scrubbed.contains("2024-01-15"), scrubbed);
        assertEquals(0, worker.notes().identifiers().size(), "what the worker scrubs with is not sent back");
    }

    @Test
    void aPseudonymThatStandsForAnotherValueOnTheDriverIsRefused() throws Exception {
        Deidentifier driver = engine();
        driver.subject("100200");
        String pseudonym = driver.subject("100200").pseudonym();
        Deidentifier.Notes forged = new Deidentifier.Notes(List.of(new PseudonymEntry("patient", pseudonym, "999999")),
                java.util.Map.of(), java.util.Map.of(), new KnownIdentifiers());

        DeidException e = assertThrows(DeidException.class, () -> driver.absorb(forged));
        assertEquals("DEID-PSEUDONYM-COLLISION", e.code());
    }

    @Test
    void knownIdentifiersAddedTogetherEqualOneCollection() {
        KnownIdentifiers one = new KnownIdentifiers();
        one.add("Avery Quillfeather", "P1", "[NAME]");
        one.add("Avery Quillfeather", "P0", "[NAME]");
        one.add("555-604-6018", "[PHONE]");
        KnownIdentifiers a = new KnownIdentifiers();
        a.add("Avery Quillfeather", "P1", "[NAME]");
        KnownIdentifiers b = new KnownIdentifiers();
        b.add("555-604-6018", "[PHONE]");
        b.add("Avery Quillfeather", "P0", "[NAME]");
        KnownIdentifiers merged = new KnownIdentifiers();
        merged.addAll(b);
        merged.addAll(a);

        assertEquals(one.size(), merged.size());
        String text = "Call Avery Quillfeather (Quillfeather) at 555.604.6018";
        assertEquals(new org.deidworkbench.deid.TextScrubber(one.snapshot()).scrubKnownIdentifiers(text),
                new org.deidworkbench.deid.TextScrubber(merged.snapshot()).scrubKnownIdentifiers(text));
    }
}
