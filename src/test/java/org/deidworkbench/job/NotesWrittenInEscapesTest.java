package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.keyfile.KeyFileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0167: a clinical note written in RTF (Epic's and Cerner's notes, Word) or in HTML or XML with character
 * references keeps a German, French or Czech patient's name as escapes ({@code M\'fcller}, {@code M&uuml;ller},
 * a Unicode escape for the Č of Čapek); the scrubber read the escapes as they are written and passed the names over, and so did
 * {@code deid verify}. Now a run removes them and writes the rest of the note as it was; the verifier finds them in an
 * output that still has them.
 */
class NotesWrittenInEscapesTest {

    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();
    private static final Charset CP1252 = Charset.forName("windows-1252");
    /** What no output byte may hold, as the note's reader sees it. */
    private static final List<String> PLANTED = List.of("Müller", "Jürgen", "Hauptstraße", "Göttingen", "François",
            "Lefèvre", "Jiřina", "Čapková", "Antonín", "Dvořák");

    @TempDir
    Path dir;

    private static String rtf(String body) {
        return "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fnil Arial;}{\\f1\\fnil\\fcharset238 Arial CE;}}\r\n"
                + "\\viewkind4\\uc1\\pard\\f0\\fs20 " + body + "\\par\r\n}";
    }

    private static final String RTF_NOTE = rtf("Patient: \\b M\\'fcller, J\\'fcrgen\\b0\\par\r\n"
            + "Herr M\\'fcller wurde am 12.03.2023 aufgenommen.\\par\r\nAdresse: Hauptstra\\'dfe 5, 37073 G\\'f6ttingen"
            + "\\par\r\nKonsil: Dr. Fran\\'e7ois Lef\\'e8vre\\par\r\n{\\f1 Ehefrau: Ji\\'f8ina \\u268?apkov\\'e1, Sohn:"
            + " Anton\\'edn Dvo\\'f8\\'e1k}\\par\r\nBefund: unauff\\'e4llig, Hb 13,2 g/dl");
    private static final String HTML_NOTE = "<html><body><p>Patient: J&uuml;rgen M&uuml;ller (MRN4471902)</p><p>Herr "
            + "M&#252;ller, wohnhaft in G&#xF6;ttingen, Hauptstra&szlig;e 5.</p><p>Befund: unauff&auml;llig &ndash; "
            + "Hb 13,2 g/dl</p></body></html>";
    private static final String CDA_NOTE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns="
            + "\"urn:hl7-org:v3\"><recordTarget><patientRole><patient><name><given>J&#252;rgen</given><family>"
            + "M&#xFC;ller</family></name></patient></patientRole></recordTarget><component><section><code code="
            + "\"11506-3\"/><text>Herr M&#252;ller: Befund unauff&#228;llig.</text></section></component>"
            + "</ClinicalDocument>";

    private Path export(String name) throws Exception {
        Path in = Files.createDirectories(dir.resolve(name));
        Files.writeString(in.resolve("Patient.ndjson"), "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"identifier\":"
                + "[{\"system\":\"urn:mrn\",\"value\":\"MRN4471902\"}],\"name\":[{\"family\":\"Müller\",\"given\":"
                + "[\"Jürgen\"]}],\"birthDate\":\"1961-03-12\",\"address\":[{\"line\":[\"Hauptstraße 5\"],\"city\":"
                + "\"Göttingen\",\"postalCode\":\"37073\"}]}\n", StandardCharsets.UTF_8);
        StringBuilder docs = new StringBuilder();
        String[][] notes = {{"text/rtf", RTF_NOTE, "windows-1252"}, {"text/html; charset=utf-8", HTML_NOTE, "UTF-8"},
            {"application/xml", CDA_NOTE, "UTF-8"}};
        for (int i = 0; i < notes.length; i++) {
            String data = Base64.getEncoder().encodeToString(notes[i][1].getBytes(Charset.forName(notes[i][2])));
            docs.append("{\"resourceType\":\"DocumentReference\",\"id\":\"d").append(i).append("\",\"status\":"
                    + "\"current\",\"subject\":{\"reference\":\"Patient/p1\"},\"content\":[{\"attachment\":"
                    + "{\"contentType\":\"").append(notes[i][0]).append("\",\"data\":\"").append(data)
                    .append("\"}}]}\n");
        }
        Files.writeString(in.resolve("DocumentReference.ndjson"), docs, StandardCharsets.UTF_8);
        return in;
    }

    private static RunResult run(Path in, Path out, Path key) throws Exception {
        RunResult r = new RunJob(new RunRequest(List.of(in), out, key, true, PASSPHRASE.clone(),
                ProfileLoader.read("fhir-safe-harbor"), 2), RunListener.NONE).run();
        assertTrue(r.allWritten(), () -> r.files().toString());
        return r;
    }

    /** The notes of a DocumentReference NDJSON file, each decoded in its charset (RTF: Windows-1252). */
    private static List<String> notes(Path ndjson) throws Exception {
        List<String> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(ndjson, StandardCharsets.UTF_8)) {
            JsonNode a = json.readTree(line).path("content").get(0).path("attachment");
            byte[] data = Base64.getDecoder().decode(a.path("data").asText());
            out.add(new String(data, a.path("contentType").asText().contains("rtf") ? CP1252 : StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * The note as its reader sees it, by the corpus test's own reading of escapes (not the tool's): RTF's bytes in the
     * document's code page and again in the Central European font's, so that a name left in either group is seen.
     */
    private static String asRead(String note) {
        return AdversarialCorpusTest.unescaped(note, CP1252) + "\n"
                + AdversarialCorpusTest.unescaped(note, Charset.forName("windows-1250"));
    }

    @Test
    void namesWrittenInEscapesLeaveNoNoteAndTheRestOfEachNoteStaysAsWritten() throws Exception {
        Path out = dir.resolve("out");
        run(export("in"), out, dir.resolve("k.deidkey"));
        List<String> notes = notes(out.resolve("DocumentReference.ndjson"));
        assertEquals(3, notes.size());
        for (String note : notes) {
            String read = asRead(note);
            for (String p : PLANTED) {
                assertFalse(read.contains(p), () -> "a planted name is left in a note: " + read);
            }
            assertFalse(note.contains("MRN4471902"), "the MRN");
        }
        String rtf = notes.get(0);
        assertTrue(rtf.startsWith("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fnil Arial;}{\\f1\\fnil"
                + "\\fcharset238 Arial CE;}}"), "the RTF header stays");
        assertTrue(rtf.contains("Befund: unauff\\'e4llig, Hb 13,2 g/dl\\par"), "what the scrubber leaves, as written");
        assertTrue(rtf.endsWith("\\par\r\n}"), rtf);
        assertEquals(count(RTF_NOTE, '{'), count(rtf, '{'), "every group stays");
        assertEquals(count(RTF_NOTE, '}'), count(rtf, '}'));
        assertTrue(notes.get(1).contains("<p>Befund: unauff&auml;llig &ndash; Hb 13,2 g/dl</p>"), notes.get(1));
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        xml.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(notes.get(2).getBytes(StandardCharsets.UTF_8)));
        assertTrue(notes.get(2).contains("<code code=\"11506-3\"/>"), "the CDA's codes stay");
    }

    @Test
    void theVerifierReadsTheEscapesOfAnOutputThatStillHasTheNames() throws Exception {
        Path key = dir.resolve("k.deidkey");
        Path in = export("in");
        run(in, dir.resolve("out"), key);
        assertTrue(new VerifyJob(dir.resolve("out"), KeyFileStore.open(key, PASSPHRASE.clone()), false, 1).run().clean(),
                "the run's output is clean");
        Path planted = Files.createDirectories(dir.resolve("planted"));
        Files.copy(in.resolve("DocumentReference.ndjson"), planted.resolve("DocumentReference.ndjson"));
        Files.writeString(planted.resolve("notes.csv"), "note_id,note_text\n1,\"" + rtf("Patient M\\'fcller") + "\"\n"
                + "2,<p>Sohn: J&#252;rgen</p>\n"
                + "3,\"{\"\"contact\"\": \"\"J\\u00fcrgen M\\u00fcller\"\"}\"\n", StandardCharsets.UTF_8);
        VerifyReport r = new VerifyJob(planted, KeyFileStore.open(key, PASSPHRASE.clone()), false, 1).run();
        List<String> located = r.hits().stream().flatMap(f -> f.listed().stream().map(h -> f.path() + " "
                + h.location())).toList();
        for (String where : List.of("DocumentReference.ndjson line 1,", "DocumentReference.ndjson line 2,",
                "DocumentReference.ndjson line 3,", "notes.csv record 1,", "notes.csv record 2,",
                "notes.csv record 3,")) {
            assertTrue(located.stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).startsWith(where.toLowerCase(
                    Locale.ROOT))), () -> "no hit at " + where + ": " + located);
        }
    }

    /** A CSV export's note column of RTF and HTML notes, the names known from the patients' table. */
    @Test
    void aCsvNoteColumnOfRtfAndHtmlNotesLosesThePatientsNamesAndTowns() throws Exception {
        Path in = Files.createDirectories(dir.resolve("csv"));
        Files.writeString(in.resolve("patients.csv"), "patient_id,first_name,last_name,birth_date,city\n"
                + "P001,Jürgen,Müller,1961-03-12,Göttingen\nP002,Françoise,Lefèvre,1970-07-01,Besançon\n",
                StandardCharsets.UTF_8);
        Files.writeString(in.resolve("notes.csv"), "note_id,patient_id,note_date,note_text\n"
                + "1,P001,2023-03-12,\"{\\rtf1\\ansi\\ansicpg1252 Herr M\\'fcller (J\\'fcrgen) aus G\\'f6ttingen\\par}\"\n"
                + "2,P002,2023-04-01,<p>Mme Lef&egrave;vre (Fran&ccedil;oise) de Besan&#231;on</p>\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("csv-out");
        RunResult r = new RunJob(new RunRequest(List.of(in), out, dir.resolve("csv.deidkey"), true, PASSPHRASE.clone(),
                ProfileLoader.read("csv-template"), 1), RunListener.NONE).run();
        assertTrue(r.allWritten(), () -> r.files().toString());
        String notes = asRead(Files.readString(out.resolve("notes.csv"), StandardCharsets.UTF_8));
        for (String p : List.of("Müller", "Jürgen", "Göttingen", "Lefèvre", "Françoise", "Besançon", "Lef")) {
            assertFalse(notes.contains(p), () -> "left in the notes: " + notes);
        }
        assertTrue(notes.contains("{\\rtf1\\ansi\\ansicpg1252 Herr "), notes);
        assertTrue(notes.contains("<p>Mme "), notes);
    }

    /**
     * A patients' table whose names a web system wrote with character references: they are learnt as the names they
     * stand for, so a plain note without a cue loses them, and the verifier looks for them in either form.
     */
    @Test
    void namesLearntFromATableWrittenWithReferencesAreFoundInPlainNotes() throws Exception {
        Path in = Files.createDirectories(dir.resolve("web"));
        Files.writeString(in.resolve("patients.csv"), "patient_id,first_name,last_name,birth_date\n"
                + "P001,J&uuml;rgen,M&uuml;ller,1961-03-12\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("notes.csv"), "note_id,patient_id,note_text\n"
                + "1,P001,Müller reported chest pain; Jürgen was given aspirin.\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("web-out");
        Path key = dir.resolve("web.deidkey");
        RunResult r = new RunJob(new RunRequest(List.of(in), out, key, true, PASSPHRASE.clone(),
                ProfileLoader.read("csv-template"), 1), RunListener.NONE).run();
        assertTrue(r.allWritten(), () -> r.files().toString());
        String notes = Files.readString(out.resolve("notes.csv"), StandardCharsets.UTF_8);
        assertFalse(notes.contains("Müller") || notes.contains("Jürgen"), notes);
        assertTrue(notes.contains("reported chest pain") && notes.contains("was given aspirin"), notes);
        Path planted = Files.createDirectories(dir.resolve("web-planted"));
        Files.writeString(planted.resolve("letter.csv"), "id,text\n1,Dear Mr Müller\n2,Dear Mr M&uuml;ller\n",
                StandardCharsets.UTF_8);
        VerifyReport v = new VerifyJob(planted, KeyFileStore.open(key, PASSPHRASE.clone()), false, 1).run();
        List<String> located = v.hits().stream().flatMap(f -> f.listed().stream().map(VerifyReport.Hit::location))
                .toList();
        assertTrue(located.stream().anyMatch(l -> l.startsWith("record 1,"))
                && located.stream().anyMatch(l -> l.startsWith("record 2,")), () -> "found at " + located);
    }

    /**
     * Decision 0168: Word's RTF and HTML split a word into runs where its revision, language or colour changes, and an
     * editor may put an optional hyphen or a source line break inside it. The session-start build left these names in
     * the notes (and its verifier called the output clean); now they go, every group and tag stays, and the verifier
     * finds the names in an output that still has them.
     */
    @Test
    void namesSplitByFormattingRunsLeaveTheNotesAndTheVerifierFindsThem() throws Exception {
        Path in = Files.createDirectories(dir.resolve("runs"));
        Files.writeString(in.resolve("patients.csv"), "patient_id,first_name,last_name,birth_date\n"
                + "P001,Jürgen,Müller,1961-03-12\nP002,Peter,Schneider,1949-11-12\nP003,Anna,Kowalski,1960-01-01\n",
                StandardCharsets.UTF_8);
        String[] notes = {
            "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}{\\*\\rsidtbl \\rsid1\\rsid2}\\f0 "
                + "{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\insrsid1 Patient J\\'fcr}{\\rtlch\\fcs1 \\af0 \\ltrch"
                + "\\fcs0 \\insrsid2 gen M}{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\insrsid1 \\'fcller, stabil.\\par}}",
            "<p class=MsoNormal><span lang=DE>Pat. <b>Pe</b>ter Schn</span><span lang=DE style='color:red'>eider"
                + "</span> klagt <span class=SpellE>&uuml;ber</span> Husten.<o:p></o:p></p>",
            "{\\rtf1\\ansi Anna Kowal\r\nski, seen today; Frau Ko\\-wal\\-ski again.\\par}"};
        StringBuilder csv = new StringBuilder("note_id,patient_id,note_text\n");
        for (int i = 0; i < notes.length; i++) {
            csv.append(i + 1).append(",P00").append(i + 1).append(",\"").append(notes[i].replace("\"", "\"\""))
                    .append("\"\n");
        }
        Files.writeString(in.resolve("notes.csv"), csv, StandardCharsets.UTF_8);
        Path out = dir.resolve("runs-out");
        Path key = dir.resolve("runs.deidkey");
        NoteRuns.run(in, out, key, ProfileLoader.read("csv-template"));
        String written = Files.readString(out.resolve("notes.csv"), StandardCharsets.UTF_8);
        String read = asRead(written);
        for (String p : List.of("Jürgen", "Müller", "Peter", "Schneider", "Kowalski")) {
            assertFalse(read.contains(p), () -> p + " is left in the notes: " + read);
        }
        assertTrue(written.contains("{\\*\\rsidtbl \\rsid1\\rsid2}") && written.contains("stabil.\\par}}"), written);
        assertEquals(count(csv.toString(), '{'), count(written, '{'), "every group stays");
        assertEquals(count(csv.toString(), '}'), count(written, '}'));
        assertEquals(5, written.split("</span>", -1).length - 1 + written.split("</b>", -1).length - 1
                + written.split("<o:p></o:p>", -1).length - 1, () -> "every tag stays: " + written);
        assertTrue(written.contains("klagt <span class=SpellE>&uuml;ber</span> Husten."), written);
        assertTrue(NoteRuns.clean(out, key), "the run's output is clean");
        Path planted = Files.createDirectories(dir.resolve("runs-planted"));
        Files.copy(in.resolve("notes.csv"), planted.resolve("notes.csv"));
        List<String> located = NoteRuns.hits(planted, key);
        for (String where : List.of("notes.csv record 1,", "notes.csv record 2,", "notes.csv record 3,")) {
            assertTrue(located.stream().anyMatch(l -> l.startsWith(where)), () -> "no hit at " + where + located);
        }
    }

    /**
     * A FHIR narrative whose names a writer split with inline elements, in JSON and in XML: scrubbed as a reader sees
     * it, its elements kept, the resource still read by HAPI (decision 0168).
     */
    @Test
    void aNarrativesNamesSplitByInlineElementsAreScrubbedAndItsElementsStay() throws Exception {
        Path in = Files.createDirectories(dir.resolve("narrative"));
        String div = "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Patient <b>J\u00fcr</b>gen M<span lang=\"de\">\u00fcller"
                + "</span>, Hauptstra<i class=\"M\u00fcller\">\u00df</i>e 5 &amp; Co.</p><table><tr><td>Befund</td><td>unauff\u00e4llig</td></tr>"
                + "</table></div>";
        String json = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"text\":{\"status\":\"generated\",\"div\":\""
                + div.replace("\"", "\\\"") + "\"},\"identifier\":[{\"system\":\"urn:mrn\",\"value\":\"MRN4471902\"}],"
                + "\"name\":[{\"family\":\"M\u00fcller\",\"given\":[\"J\u00fcrgen\"]}],\"birthDate\":\"1961-03-12\","
                + "\"address\":[{\"line\":[\"Hauptstra\u00dfe 5\"],\"city\":\"G\u00f6ttingen\"}]}";
        Files.writeString(in.resolve("Patient.json"), json, StandardCharsets.UTF_8);
        String xml = "<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"p2\"/><text><status value=\"generated\"/>"
                + div + "</text><identifier><system value=\"urn:mrn\"/><value value=\"MRN4471903\"/></identifier><name>"
                + "<family value=\"M\u00fcller\"/><given value=\"J\u00fcrgen\"/></name><birthDate value=\"1961-03-12\"/>"
                + "<address><line value=\"Hauptstra\u00dfe 5\"/><city value=\"G\u00f6ttingen\"/></address></Patient>";
        Files.writeString(in.resolve("Patient.xml"), xml, StandardCharsets.UTF_8);
        Path out = dir.resolve("narrative-out");
        run(in, out, dir.resolve("n.deidkey"));
        ca.uhn.fhir.context.FhirContext fhir = ca.uhn.fhir.context.FhirContext.forR4Cached();
        for (String name : List.of("Patient.json", "Patient.xml")) {
            String written = Files.readString(out.resolve(name), StandardCharsets.UTF_8);
            org.hl7.fhir.r4.model.Patient p = (org.hl7.fhir.r4.model.Patient) (name.endsWith(".json")
                    ? fhir.newJsonParser() : fhir.newXmlParser()).parseResource(written);
            String narrative = p.getText().getDivAsString();
            for (String planted : List.of("Jür", "gen M", "üller", "Müller", "Jürgen", "Hauptstraße")) {
                assertFalse(AdversarialCorpusTest.visible(narrative, false).contains(planted),
                        () -> name + ": " + planted + " is left in " + narrative);
            }
            assertTrue(narrative.contains("<span lang=\"de\"") && narrative.contains("<b>")
                    && narrative.contains("<i"), () -> name + ": the inline elements stay: " + narrative);
            assertTrue(narrative.contains("<td>unauffällig</td>") && narrative.contains("&amp; Co."), narrative);
            assertFalse(narrative.contains("Müller"), () -> "an attribute of an element in the run: " + narrative);
        }
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
