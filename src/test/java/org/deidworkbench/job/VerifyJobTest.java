package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.model.PseudonymEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leak verifier on a real run's output: silent on the clean output (even against every identifier of
 * the sample patients), and finding a planted leak of each kind in each place — CSV cell, text line, file
 * name, folder name, PHI shapes, other date notations, other encodings — and saying what it could not scan.
 */
class VerifyJobTest {

    private static final char[] PASSPHRASE = "verify-test-passphrase".toCharArray();

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path cleanOut;
    /** The run's key file plus every identifier of the sample patients (as the CSV branch's known identifiers will add). */
    private static KeyFileContents keys;

    @BeforeAll
    static void runSampleOnce() throws Exception {
        Path input = SampleData.copyTo(shared);
        Path key = shared.resolve("study.deidkey");
        byte[] secret = new byte[32];
        KeyFileStore.save(key, KeyFileContents.create(ProjectSecret.of(secret), Instant.EPOCH), PASSPHRASE, List.of());
        cleanOut = shared.resolve("out");
        new RunJob(new RunRequest(List.of(input), cleanOut, key, false, PASSPHRASE, ProfileLoader.read("csv-template"), 2),
                RunListener.NONE).run();
        keys = KeyFileStore.open(key, PASSPHRASE);
        SampleData.addIdentifiersTo(keys);
    }

    private Path copyOfOutput() throws IOException {
        Path out = dir.resolve("out");
        try (Stream<Path> walk = Files.walk(cleanOut)) {
            for (Path p : walk.toList()) {
                Path t = out.resolve(cleanOut.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return out;
    }

    private static VerifyReport verify(Path out) throws JobException {
        return new VerifyJob(out, keys, false, 2).run();
    }

    private static List<VerifyReport.Hit> hitsIn(VerifyReport r, String path) {
        return r.hits().stream().filter(f -> f.path().equals(path)).flatMap(f -> f.listed().stream()).toList();
    }

    @Test
    void cleanOutputHasNoHitsAndWasScannedCompletely() throws Exception {
        VerifyReport r = verify(cleanOut);
        assertTrue(r.clean(), () -> r.hits().toString());
        assertTrue(r.complete(), () -> r.notScanned().toString());
        assertTrue(r.values() > 40, "the sample's identifiers were looked for");
        assertEquals(6, r.files(), "four data files, manifest and report");
    }

    @Test
    void anOriginalInACsvCellIsFoundWithRecordAndColumn() throws Exception {
        Path out = copyOfOutput();
        Files.writeString(out.resolve("extra.csv"), "id,note\nA1,seen with avery QUILLFEATHER today\n");
        List<VerifyReport.Hit> hits = hitsIn(verify(out), "extra.csv");
        assertEquals(2, hits.size(), "the first and the last name are each an original: " + hits);
        for (VerifyReport.Hit h : hits) {
            assertEquals("ORIGINAL", h.kind());
            assertEquals("record 1, column note", h.location());
            assertNull(h.value(), "never the value unless revealed");
        }
    }

    /**
     * An HL7 v2 message in a cell of an interface engine's log is read as the text its escape sequences stand for, as
     * the run scrubs it (decision 0139): a name written with a letter in hexadecimal ({@code QUILLF\X45\ATHER}) or
     * cut by a line break escape is found; read as written it was three words, none of them the name.
     */
    @Test
    void anHl7MessageInACsvCellIsReadWithItsEscapesDecoded() throws Exception {
        Path out = copyOfOutput();
        String message = "MSH|^~\\&|EPIC|MERCY|||20230312081500||ADT^A01|MSG1|P|2.5.1\r"
                + "NTE|1||Call from Av\\X65\\ry Quillf\\X65\\ather\\.br\\re: results";
        Files.writeString(out.resolve("interface_log.csv"), "MESSAGE_ID,RAW_MESSAGE\nMSG1,\"" + message + "\"\n");
        List<VerifyReport.Hit> hits = hitsIn(verify(out), "interface_log.csv");
        assertEquals(2, hits.size(), "the first and the last name, each behind a hexadecimal escape: " + hits);
        for (VerifyReport.Hit h : hits) {
            assertEquals("ORIGINAL", h.kind());
            assertEquals("record 1, column RAW_MESSAGE", h.location());
        }
    }

    @Test
    void aNameInTheOtherOrderInATextFileIsFoundByLine() throws Exception {
        Path out = copyOfOutput();
        Files.writeString(out.resolve("notes.txt"), "nothing here\nQuillfeather, Avery called\n");
        List<VerifyReport.Hit> hits = hitsIn(verify(out), "notes.txt");
        assertTrue(hits.stream().anyMatch(h -> h.kind().equals("ORIGINAL") && h.location().equals("line 2")), hits::toString);
    }

    @Test
    void anOriginalInAFileNameIsFoundAndTheNameWithheld() throws Exception {
        Path out = copyOfOutput();
        Files.writeString(out.resolve("quillfeather_scan.txt"), "clean\n");
        VerifyReport r = verify(out);
        List<VerifyReport.Hit> hits = hitsIn(r, VerifyJob.WITHHELD_NAME);
        assertEquals(List.of("file name"), hits.stream().map(VerifyReport.Hit::location).toList());
        assertFalse(VerifyReportJson.render(r, true).toLowerCase().contains("quillfeather"));
    }

    @Test
    void anOriginalInAFolderNameIsFoundAndWithheldInEveryPathBelowIt() throws Exception {
        Path out = copyOfOutput();
        Path folder = Files.createDirectories(out.resolve("100200"));
        Files.writeString(folder.resolve("a.txt"), "SSN 996-47-3574\n");
        VerifyReport r = verify(out);
        assertFalse(hitsIn(r, VerifyJob.WITHHELD_NAME).isEmpty(), r.hits()::toString);
        assertFalse(hitsIn(r, VerifyJob.WITHHELD_NAME + "/a.txt").isEmpty(), r.hits()::toString);
        assertFalse(VerifyReportJson.render(r, false).contains("100200"));
    }

    @Test
    void phiShapesInCsvCellsAreFoundEvenWithoutAKeyFileEntry() throws Exception {
        Path out = copyOfOutput();
        Files.writeString(out.resolve("contacts.csv"), "a;b;c\n321-54-9876;(555) 777-1234;someone@example.net\n");
        List<String> kinds = hitsIn(verify(out), "contacts.csv").stream().map(VerifyReport.Hit::kind).sorted().toList();
        assertEquals(List.of("EMAIL", "PHONE", "SSN"), kinds);
    }

    @Test
    void aBirthDateInAnotherNotationIsFound() throws Exception {
        Path out = copyOfOutput();
        Files.writeString(out.resolve("letter.txt"), "The patient was born on Feb 5, 1933 in town.\n");
        List<String> kinds = hitsIn(verify(out), "letter.txt").stream().map(VerifyReport.Hit::kind).toList();
        assertTrue(kinds.contains("ORIGINAL") && kinds.contains("DATE_OF_BIRTH"), kinds::toString);
    }

    @Test
    void aLatin1EncodedCsvIsReadInItsEncoding() throws Exception {
        KeyFileContents withUmlaut = KeyFileContents.create(ProjectSecret.of(new byte[32]), Instant.EPOCH);
        withUmlaut.addEntries(List.of(new PseudonymEntry("patient", "P1", "Jürgen Müller")));
        Path out = Files.createDirectories(dir.resolve("latin1"));
        Files.write(out.resolve("names.csv"), "id;name\n1;M\u00dcLLER J\u00dcRGEN\n".getBytes(Charset.forName("ISO-8859-1")));
        VerifyReport r = new VerifyJob(out, withUmlaut, false, 1).run();
        assertEquals(1, r.hitCount(), r.hits()::toString);
    }

    /**
     * The SHA-256 digests of a run's own manifest and report are hexadecimal text deid computed from its output: a
     * house number {@code 12a} is found in one of about 300 ({@code …96e12a8dc…}: the tokens {@code 12} and {@code a}),
     * and the adversarial corpus' {@code nl} folder failed {@code run --verify} in the whole suite once, the manifest's
     * line 1 and the report's {@code sha256}. Such a digest is not scanned; the manifest's paths and every
     * other file's hexadecimal text still are.
     */
    @Test
    void theDigestsOfTheRunsManifestAndReportAreNoValuesButTheirPathsAndOtherFilesHexAre() throws Exception {
        KeyFileContents withHouse = KeyFileContents.create(ProjectSecret.of(new byte[32]), Instant.EPOCH);
        // a house number, and an id of twelve characters that the digest below holds (decision 0165: a short one of
        // letters and digits inside a longer word of them, "12a" in the digest, is a coincidence; a long one is not)
        withHouse.addEntries(List.of(new PseudonymEntry("address", "A1", "12a"),
                new PseudonymEntry("device", "D1", "52c6394e12a8")));
        String digest = "0366438be423194ae12523cb0bf812d15f10bfc5f826cb52c6394e12a8dc4371";
        Path out = Files.createDirectories(dir.resolve("digests"));
        Files.writeString(out.resolve("data.csv"), "id,value\nA1,7\n");
        Files.writeString(out.resolve(RunJob.MANIFEST), digest + "  data.csv\n");
        Files.writeString(out.resolve(RunJob.REPORT),
                "{\"fileResults\": [{\"output\": \"data.csv\", \"records\": 1, \"sha256\": \"" + digest + "\"}]}\n");
        VerifyReport clean = new VerifyJob(out, withHouse, false, 1).run();
        assertTrue(clean.clean(), clean.hits()::toString);

        // the same text elsewhere is looked into: in a data file, and a manifest line's path
        Files.writeString(out.resolve("hashes.csv"), "id,hash\nA1," + digest + "\n");
        Files.writeString(out.resolve(RunJob.MANIFEST), digest + "  data.csv\n" + digest + "  scan_12a.csv\n");
        VerifyReport r = new VerifyJob(out, withHouse, false, 1).run();
        assertEquals(List.of("ORIGINAL"), hitsIn(r, "hashes.csv").stream().map(VerifyReport.Hit::kind).toList());
        assertEquals(List.of("line 2"), hitsIn(r, RunJob.MANIFEST).stream().map(VerifyReport.Hit::location).toList());
        assertTrue(hitsIn(r, RunJob.REPORT).isEmpty(), r.hits()::toString);
    }

    @Test
    void aDicomFileItsReaderRejectsIsListedAsNotScannedButItsPlainTextIsScanned() throws Exception {
        Path out = copyOfOutput();
        byte[] dicom = new byte[256];
        dicom[128] = 'D';
        dicom[129] = 'I';
        dicom[130] = 'C';
        dicom[131] = 'M';
        byte[] name = "QUILLFEATHER^AVERY".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, dicom, 140, name.length);
        Files.write(out.resolve("image.dcm"), dicom);
        VerifyReport r = verify(out);
        assertEquals(1, r.notScanned().size());
        assertTrue(r.notScanned().get(0).reason().startsWith("not readable as DICOM"), r.notScanned()::toString);
        assertEquals(2, hitsIn(r, "image.dcm").size(), "first and last name, found in the raw bytes");
    }

    @Test
    void aGzipFileIsListedAsNotScanned() throws Exception {
        Path out = copyOfOutput();
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(out.resolve("dump.csv.gz")))) {
            o.write("mrn\n100200\n".getBytes(StandardCharsets.US_ASCII));
        }
        VerifyReport r = verify(out);
        assertTrue(r.clean(), "the compressed original is invisible to raw scanning");
        assertFalse(r.complete());
        assertTrue(r.notScanned().get(0).reason().startsWith("a gzip file"), r.notScanned()::toString);
    }

    @Test
    void revealedHitsCarryTheValue() throws Exception {
        Path out = copyOfOutput();
        Files.writeString(out.resolve("extra.csv"), "id,note\nA1,Avery Quillfeather\n");
        VerifyReport r = new VerifyJob(out, keys, true, 1).run();
        assertEquals("Avery", hitsIn(r, "extra.csv").get(0).value());
    }

    @Test
    void theReportIsTheSameAtAnyThreadCount() throws Exception {
        Path out = copyOfOutput();
        Files.writeString(out.resolve("a.csv"), "x,y\n100200,996-47-3574\n");
        Files.writeString(out.resolve("b.txt"), "Avery Quillfeather\n");
        VerifyReport one = new VerifyJob(out, keys, false, 1).run();
        VerifyReport four = new VerifyJob(out, keys, false, 4).run();
        assertEquals(one.hits(), four.hits());
    }

    /** An NDJSON file of {@code lines} Observations, {@code leak} holding the originals (two hits each) on the lines it picks. */
    private static String observations(int lines, java.util.function.IntPredicate leak, String lineBreak) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            b.append("{\"resourceType\":\"Observation\",\"id\":\"o").append(i)
                    .append("\",\"status\":\"final\",\"note\":[{\"text\":\"")
                    .append(leak.test(i) ? "seen with avery QUILLFEATHER today" : "seen today, all well")
                    .append("\"}]}").append(lineBreak);
        }
        return b.toString();
    }

    /** The report of {@code out} read whole and in parts of {@code partBytes} at 2 threads, and at 1 thread (whole). */
    private static List<VerifyReport> wholeAndInParts(Path out, long partBytes) throws JobException {
        VerifyJob parts = new VerifyJob(out, keys, false, 2);
        parts.partBytes = partBytes;
        VerifyJob whole = new VerifyJob(out, keys, false, 2);
        whole.partBytes = Long.MAX_VALUE / 4;
        return List.of(whole.run(), parts.run(), new VerifyJob(out, keys, false, 1).run());
    }

    @Test
    void aLargeNdjsonFileReadInPartsGivesTheWholeFilesReportWithItsLineNumbers() throws Exception {
        Path out = copyOfOutput();
        // 302 leaking lines of 3,000 (604 hits: more than are listed), the listed ones across several parts
        Files.writeString(out.resolve("Observation.ndjson"), observations(3000, i -> i % 10 == 7 || i == 1 || i == 3000, "\n"));
        List<VerifyReport> r = wholeAndInParts(out, 8 * 1024);
        assertEquals(r.get(0).hits(), r.get(1).hits());
        assertEquals(r.get(0).hits(), r.get(2).hits());
        assertEquals(r.get(0).notScanned(), r.get(1).notScanned());
        VerifyReport.FileHits file = r.get(1).hits().stream().filter(f -> f.path().equals("Observation.ndjson"))
                .findFirst().orElseThrow();
        assertEquals(2 * 302, file.count());
        assertEquals(VerifyJob.LISTED_PER_FILE, file.listed().size());
        assertEquals("line 487, Observation.note[0].text", file.listed().get(99).location());
    }

    @Test
    void anOriginalAfterCrLfLinesInALaterPartIsFoundOnItsLine() throws Exception {
        Path out = copyOfOutput();
        Files.writeString(out.resolve("Observation.ndjson"), observations(3000, i -> i == 2999, "\r\n"));
        List<VerifyReport> r = wholeAndInParts(out, 8 * 1024);
        assertEquals(r.get(0).hits(), r.get(1).hits());
        assertEquals(List.of("line 2999, Observation.note[0].text", "line 2999, Observation.note[0].text"),
                hitsIn(r.get(1), "Observation.ndjson").stream().map(VerifyReport.Hit::location).toList());
    }

    @Test
    void anNdjsonFileWithRecordsOverSeveralLinesIsReadWholeAndGivesTheSameReport() throws Exception {
        Path out = copyOfOutput();
        // lines that begin with "{" inside a record: a part starting there is no record, so the file is read whole
        String records = observations(3000, i -> i % 500 == 0, "\n").replace("\"note\":[{", "\"note\":[\n{");
        Files.writeString(out.resolve("Observation.ndjson"), records);
        List<VerifyReport> r = wholeAndInParts(out, 8 * 1024);
        assertEquals(r.get(0).hits(), r.get(1).hits());
        assertEquals(r.get(0).notScanned(), r.get(1).notScanned());
        assertEquals(12, hitsIn(r.get(1), "Observation.ndjson").size(), r.get(1).hits()::toString);
        assertEquals("line 999, Observation.note[0].text", hitsIn(r.get(1), "Observation.ndjson").get(0).location());
    }

    @Test
    void originalsOnBothSidesOfEveryPartBoundaryEscapedOrNotAreFoundOnTheirLines() throws Exception {
        // NDJSON read from its bytes (decision 0085): leaks on the last line of each part and the first of the next, as
        // plain ASCII, beside a non-ASCII word, and written with a JSON escape (read by Jackson's path); a lone CR ends
        // one line in the middle (the rest of that part read by Jackson, its lines numbered on)
        String[] notes = {"seen with avery QUILLFEATHER today", "Gr\u00fc\u00dfe avery quillfeather", "avery \\u0051uillfeather"};
        StringBuilder b = new StringBuilder();
        List<Integer> starts = new java.util.ArrayList<>();
        int bytes = 0;
        for (int i = 1; i <= 3000; i++) {
            starts.add(bytes);
            String line = "{\"resourceType\":\"Observation\",\"id\":\"o" + i + "\",\"note\":[{\"text\":\""
                    + padded("NOTE" + i) + "\"}]}" + (i == 1500 ? "\r" : "\n"); // every note 40 bytes: the leaks move no boundary
            b.append(line);
            bytes += line.getBytes(StandardCharsets.UTF_8).length;
        }
        // the lines that begin a part: the first to start at or after each part's start plus 8 KiB (VerifyJob.parts)
        java.util.TreeSet<Integer> leaking = new java.util.TreeSet<>();
        long size = bytes;
        for (long at = 8192, line; at < size - 4096; at = starts.get((int) line - 1) + 8192) {
            line = 1;
            while (line <= 3000 && starts.get((int) line - 1) < at) {
                line++;
            }
            if (line > 3000) {
                break;
            }
            leaking.add((int) line - 1);
            leaking.add((int) line);
        }
        String ndjson = b.toString();
        int k = 0;
        for (int line : leaking) {
            ndjson = ndjson.replace("\"" + padded("NOTE" + line) + "\"", "\"" + padded(notes[k++ % notes.length]) + "\"");
        }
        Path out = copyOfOutput();
        Files.writeString(out.resolve("Observation.ndjson"), ndjson);
        List<VerifyReport> r = wholeAndInParts(out, 8 * 1024);
        assertEquals(r.get(0).hits(), r.get(1).hits());
        assertEquals(r.get(0).hits(), r.get(2).hits());
        assertTrue(leaking.size() >= 10, leaking::toString);
        VerifyReport.FileHits file = r.get(1).hits().stream().filter(f -> f.path().equals("Observation.ndjson"))
                .findFirst().orElseThrow();
        assertEquals(2 * leaking.size(), file.count());
        List<String> expected = leaking.stream().limit(VerifyJob.LISTED_PER_FILE / 2)
                .flatMap(line -> Stream.of(line, line)).map(line -> "line " + line + ", Observation.note[0].text").toList();
        assertEquals(expected, file.listed().stream().map(VerifyReport.Hit::location).limit(expected.size()).toList());
    }

    /** {@code text} with spaces after it to 40 bytes of UTF-8. */
    private static String padded(String text) {
        return text + " ".repeat(40 - text.getBytes(StandardCharsets.UTF_8).length);
    }
}
