package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.model.FileReport;
import org.deidworkbench.model.RunReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end runs over the synthetic sample exports: what a data steward relies on. */
class RunJobTest {

    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();

    @TempDir
    static Path shared;

    private static LoadedProfile profile;
    private static Path input;
    private static Path keyFile;
    private static Map<String, String> inputSumsBefore;
    private static RunResult firstResult;
    private static Path firstOut;

    @BeforeAll
    static void runOnce() throws Exception {
        profile = ProfileLoader.read("csv-template");
        input = SampleData.copyTo(shared);
        inputSumsBefore = SampleData.checksums(input);
        keyFile = shared.resolve("study.deidkey");
        byte[] secret = new byte[32];
        for (int i = 0; i < 32; i++) {
            secret[i] = (byte) (i * 7 + 3);
        }
        KeyFileStore.save(keyFile, KeyFileContents.create(ProjectSecret.of(secret), Instant.EPOCH), PASSPHRASE, List.of());
        firstOut = shared.resolve("out-1");
        firstResult = run(input, firstOut, keyFile, 1);
    }

    static RunResult run(Path in, Path out, Path key, int threads) throws JobException {
        return new RunJob(new RunRequest(List.of(in), out, key, true, PASSPHRASE, profile, threads), RunListener.NONE).run();
    }

    @Test
    void everySampleFileIsWritten() {
        assertTrue(firstResult.allWritten(), () -> "problems: " + firstResult.files());
        assertEquals(4, firstResult.files().size());
    }

    @Test
    void noOriginalIdentifierAppearsAnywhereInTheOutput() throws IOException {
        Map<String, String> texts = SampleData.texts(firstOut);
        List<String> leaks = new ArrayList<>();
        for (String id : SampleData.identifiers()) {
            String needle = id.toLowerCase(Locale.ROOT);
            texts.forEach((file, text) -> {
                if (text.toLowerCase(Locale.ROOT).contains(needle)) {
                    leaks.add("value #" + id.hashCode() + " in " + file);
                }
                if (file.toLowerCase(Locale.ROOT).contains(needle)) {
                    leaks.add("value #" + id.hashCode() + " in the name " + file);
                }
            });
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void fileNamesBuiltFromPatientIdentifiersAreDeidentified() {
        List<String> outputs = firstResult.files().stream().map(FileReport::output).toList();
        assertTrue(outputs.stream().anyMatch(o -> o.startsWith("referrals/") && o.endsWith("_referral.csv")), outputs::toString);
        assertFalse(outputs.stream().anyMatch(o -> o.contains("brannigan") || o.contains("100251")), outputs::toString);
        assertEquals(1, firstResult.renamedPaths());
    }

    @Test
    void inputsAreNeverModified() throws IOException {
        assertEquals(inputSumsBefore, SampleData.checksums(input));
    }

    @Test
    void samePatientHasSamePseudonymInEveryTable() throws IOException {
        Map<String, String> mrnToPseudonym = new java.util.HashMap<>();
        List<String[]> patientsOut = rows(firstOut.resolve("patients.csv"), ",", StandardCharsets.UTF_8);
        List<Map<String, String>> patientsIn = SampleData.patients();
        for (int i = 0; i < patientsIn.size(); i++) {
            mrnToPseudonym.put(patientsIn.get(i).get("mrn"), patientsOut.get(i + 1)[0]);
        }
        List<String[]> labsIn = rows(input.resolve("lab_results.csv"), ";", java.nio.charset.Charset.forName("windows-1252"));
        List<String[]> labsOut = rows(firstOut.resolve("lab_results.csv"), ";", java.nio.charset.Charset.forName("windows-1252"));
        for (int i = 1; i < labsIn.size(); i++) {
            assertEquals(mrnToPseudonym.get(labsIn.get(i)[0]), labsOut.get(i)[0], "lab row " + i);
        }
        assertEquals(20, mrnToPseudonym.values().stream().distinct().count());
    }

    @Test
    void samePatientHasSameDateOffsetInEveryTable() throws IOException {
        List<String[]> patientsIn = rows(input.resolve("patients.csv"), ",", StandardCharsets.UTF_8);
        List<String[]> patientsOut = rows(firstOut.resolve("patients.csv"), ",", StandardCharsets.UTF_8);
        int dob = indexOf(patientsIn.get(0), "date_of_birth");
        int dobOut = indexOf(patientsOut.get(0), "date_of_birth");
        Map<String, Long> offsetByMrn = new java.util.HashMap<>();
        int limit = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() - 90;
        for (int i = 1; i < patientsIn.size(); i++) {
            java.time.LocalDate born = java.time.LocalDate.parse(patientsIn.get(i)[dob]);
            if (born.getYear() <= limit) {
                // who may be 90 or older has no birth date to tell the offset by (decision 0105)
                assertEquals("<=" + limit, patientsOut.get(i)[dobOut], "patients row " + i);
                continue;
            }
            long days = java.time.temporal.ChronoUnit.DAYS.between(born,
                    java.time.LocalDate.parse(patientsOut.get(i)[dobOut]));
            assertNotEquals(0, days);
            offsetByMrn.put(patientsIn.get(i)[0], days);
        }
        java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
        List<String[]> labsIn = rows(input.resolve("lab_results.csv"), ";", cp1252);
        List<String[]> labsOut = rows(firstOut.resolve("lab_results.csv"), ";", cp1252);
        for (int i = 1; i < labsIn.size(); i++) {
            if (!offsetByMrn.containsKey(labsIn.get(i)[0])) {
                continue;
            }
            long days = java.time.temporal.ChronoUnit.DAYS.between(
                    java.time.LocalDate.parse(labsIn.get(i)[1].substring(0, 10)),
                    java.time.LocalDate.parse(labsOut.get(i)[1].substring(0, 10)));
            assertEquals(offsetByMrn.get(labsIn.get(i)[0]), days, "lab row " + i);
            assertEquals(labsIn.get(i)[1].substring(10), labsOut.get(i)[1].substring(10), "time of day is kept");
        }
        assertTrue(offsetByMrn.values().stream().distinct().count() > 10, "offsets differ between patients");
    }

    @Test
    void secondRunWithSameKeyFileGivesIdenticalOutput() throws Exception {
        Path out = shared.resolve("out-again");
        run(input, out, keyFile, 2);
        assertEquals(SampleData.checksums(firstOut), withoutRunSection(SampleData.checksums(out), firstOut, out));
    }

    @Test
    void aRunThatDerivesItsSealingKeyFirstGivesTheSameOutputAndAKeyFileThatOpens() throws Exception {
        Path out = shared.resolve("out-key-first");
        Path key = shared.resolve("key-first.deidkey");
        Files.copy(keyFile, key);
        new RunJob(new RunRequest(List.of(input), out, key, true, PASSPHRASE, profile, 1), RunListener.NONE)
                .sealingKeyFirst().run();
        assertEquals(SampleData.checksums(firstOut), withoutRunSection(SampleData.checksums(out), firstOut, out));
        assertEquals(KeyFileStore.open(keyFile, PASSPHRASE).entryCount("patient"),
                KeyFileStore.open(key, PASSPHRASE).entryCount("patient"));
    }

    @Test
    void outputIsByteIdenticalAtOneAndFourThreads() throws Exception {
        Path out4 = shared.resolve("out-4-threads");
        run(input, out4, keyFile, 4);
        Map<String, String> one = SampleData.checksums(firstOut);
        Map<String, String> four = SampleData.checksums(out4);
        one.remove(RunJob.REPORT);
        four.remove(RunJob.REPORT);
        assertEquals(one, four);
        assertEquals(stripRun(Files.readString(firstOut.resolve(RunJob.REPORT))),
                stripRun(Files.readString(out4.resolve(RunJob.REPORT))));
    }

    @Test
    void differentKeyGivesDifferentPseudonyms(@TempDir Path dir) throws Exception {
        Path otherKey = dir.resolve("other.deidkey");
        Path out = dir.resolve("out");
        run(input, out, otherKey, 2);
        List<String[]> a = rows(firstOut.resolve("patients.csv"), ",", StandardCharsets.UTF_8);
        List<String[]> b = rows(out.resolve("patients.csv"), ",", StandardCharsets.UTF_8);
        for (int i = 1; i < a.size(); i++) {
            assertNotEquals(a.get(i)[0], b.get(i)[0]);
        }
    }

    @Test
    void manifestListsEveryOutputWithItsSha256() throws IOException {
        List<String> lines = Files.readAllLines(firstOut.resolve(RunJob.MANIFEST));
        assertEquals(4, lines.size());
        for (String line : lines) {
            String[] parts = line.split("  ", 2);
            assertEquals(SampleData.sha256(Files.readAllBytes(firstOut.resolve(parts[1]))), parts[0], parts[1]);
        }
    }

    @Test
    void keyFileRemembersEveryPseudonymAndSubjectOffset() throws Exception {
        KeyFileContents contents = KeyFileStore.open(keyFile, PASSPHRASE);
        assertEquals(20, contents.entries("patient").size());
        assertEquals(20, contents.dateOffsets().size());
        assertTrue(contents.runs().size() >= 1);
        String mrn = SampleData.patients().get(0).get("mrn");
        String pseudonym = rows(firstOut.resolve("patients.csv"), ",", StandardCharsets.UTF_8).get(1)[0];
        assertEquals(mrn, contents.original("patient", pseudonym).orElseThrow());
    }

    @Test
    void rerunAfterAKilledRunGivesTheSameResultAndLeavesNoWorkFiles() throws Exception {
        Path out = shared.resolve("out-killed");
        Files.createDirectories(out.resolve(RunJob.WORK_DIR));
        Files.writeString(out.resolve(RunJob.WORK_DIR).resolve("0.part"), "half-written");
        run(input, out, keyFile, 2);
        assertFalse(Files.exists(out.resolve(RunJob.WORK_DIR)));
        Map<String, String> expected = SampleData.checksums(firstOut);
        Map<String, String> actual = SampleData.checksums(out);
        expected.remove(RunJob.REPORT);
        actual.remove(RunJob.REPORT);
        assertEquals(expected, actual);
    }

    @Test
    void badFileFailsWithItsLineWhileOtherFilesAreWritten(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("good.csv"), "mrn,notes\n123456,fine\n");
        Files.writeString(in.resolve("ragged.csv"), "mrn,notes\n123456,ok\n234567,too,many\n");
        Files.write(in.resolve("image.bin"), new byte[] {0, 1, 2, 3, 0, 5});
        RunResult result = run(in, dir.resolve("out"), dir.resolve("k.deidkey"), 2);
        assertEquals(new RunReport.FileCounts(3, 1, 1, 1, 0), result.report().files());
        FileReport ragged = result.files().stream().filter(f -> f.status() == FileReport.Status.FAILED).findFirst()
                .orElseThrow();
        assertEquals("CSV-RAGGED-ROW", ragged.problems().get(0).code());
        assertEquals("line 3", ragged.problems().get(0).location());
        assertFalse(Files.exists(dir.resolve("out").resolve("ragged.csv")), "nothing is written for a failed file");
        assertFalse(Files.exists(dir.resolve("out").resolve("image.bin")), "quarantined files are never copied");
        String report = Files.readString(result.reportFile());
        assertTrue(report.contains("\"status\" : \"partial\""), report);
    }

    @Test
    void outputInsideInputIsRefused() {
        JobException e = assertThrows(JobException.class,
                () -> run(input, input.resolve("out"), shared.resolve("x.deidkey"), 1));
        assertEquals(JobException.Reason.OUTPUT_OVERLAPS_INPUT, e.reason());
    }

    @Test
    void nonEmptyForeignOutputFolderIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("thesis.docx"), "precious");
        JobException e = assertThrows(JobException.class, () -> run(input, dir, shared.resolve("y.deidkey"), 1));
        assertEquals(JobException.Reason.OUTPUT_NOT_EMPTY, e.reason());
        assertEquals("precious", Files.readString(dir.resolve("thesis.docx")));
    }

    @Test
    void keyFileInsideOutputIsRefused() {
        Path out = shared.resolve("out-key-inside");
        JobException e = assertThrows(JobException.class, () -> run(input, out, out.resolve("k.deidkey"), 1));
        assertEquals(JobException.Reason.KEY_FILE_INSIDE_OUTPUT, e.reason());
    }

    @Test
    void aNamedKeyFileThatDoesNotExistIsAnErrorAndNothingIsCreated(@TempDir Path dir) {
        Path typo = dir.resolve("stduy.deidkey");
        Path out = dir.resolve("out");
        JobException e = assertThrows(JobException.class, () -> new RunJob(new RunRequest(List.of(input), out, typo,
                false, PASSPHRASE, profile, 1), RunListener.NONE).run());
        assertEquals(JobException.Reason.KEY_FILE_MISSING, e.reason());
        assertTrue(e.getMessage().contains("deid init"), e.getMessage());
        assertFalse(Files.exists(typo), "no key file was created");
        assertFalse(Files.exists(out), "no output folder was created");
    }

    @Test
    void aWrongPassphraseLeavesNoOutputFolderBehind(@TempDir Path dir) {
        Path out = dir.resolve("out");
        JobException e = assertThrows(JobException.class, () -> new RunJob(new RunRequest(List.of(input), out, keyFile,
                false, "not the passphrase".toCharArray(), profile, 1), RunListener.NONE).run());
        assertEquals(JobException.Reason.KEY_FILE, e.reason());
        assertFalse(Files.exists(out));
    }

    @Test
    void aCancelledRunLeavesTheOutputFolderAsItWasAndTheKeyFileUnchanged(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        byte[] keyBefore = Files.readAllBytes(keyFile);
        RunJob[] job = new RunJob[1];
        RunListener cancelOnFirstFile = new RunListener() {
            @Override
            public void fileDone(long bytes) {
                job[0].cancel();
            }
        };
        job[0] = new RunJob(new RunRequest(List.of(input), out, keyFile, false, PASSPHRASE, profile, 1), cancelOnFirstFile);
        JobException e = assertThrows(JobException.class, job[0]::run);
        assertEquals(JobException.Reason.CANCELLED, e.reason());
        assertTrue(e.getMessage().contains("as it was before the run"), e.getMessage());
        assertFalse(Files.exists(out), "the folder the run created is gone");
        assertTrue(java.util.Arrays.equals(keyBefore, Files.readAllBytes(keyFile)), "the key file is unchanged");
    }

    @Test
    void aCancelledRunIntoAnEarlierOutputKeepsThatOutput(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        run(input, out, keyFile, 1);
        Map<String, String> before = SampleData.checksums(out);
        RunJob[] job = new RunJob[1];
        job[0] = new RunJob(new RunRequest(List.of(input), out, keyFile, false, PASSPHRASE, profile, 1), new RunListener() {
            @Override
            public void fileDone(long bytes) {
                job[0].cancel();
            }
        });
        assertThrows(JobException.class, job[0]::run);
        assertEquals(before, SampleData.checksums(out));
    }

    @Test
    void twoInputsWithTheSameFileNameAreToldApartByInputNumberAndMappedInTheKeyFile(@TempDir Path dir)
            throws Exception {
        Path a = dir.resolve("site-a");
        Path b = dir.resolve("site-b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        Files.writeString(a.resolve("labs.csv"), "mrn,value\n100001,5\n");
        Files.writeString(b.resolve("labs.csv"), "mrn,value\n100002,7\n");
        Path key = dir.resolve("k.deidkey");
        RunResult r = new RunJob(new RunRequest(List.of(a.resolve("labs.csv"), b.resolve("labs.csv")), dir.resolve("out"),
                key, true, PASSPHRASE, profile, 1), RunListener.NONE).run();
        assertEquals(List.of("labs.csv", "labs~2.csv"), r.files().stream().map(FileReport::output).toList());
        assertEquals(List.of(1, 2), r.files().stream().map(FileReport::input).toList());
        String report = Files.readString(r.reportFile());
        assertFalse(report.contains("site-a") || report.contains("site-b"), "the report names no input path");
        var run = KeyFileStore.open(key, PASSPHRASE).runs().get(0);
        assertEquals(List.of(a.resolve("labs.csv").toAbsolutePath().toString(), b.resolve("labs.csv").toAbsolutePath()
                .toString()), run.files().stream().map(m -> m.source()).toList());
        assertEquals(List.of("labs.csv", "labs~2.csv"), run.files().stream().map(m -> m.output()).toList());
    }

    @Test
    void inputNamesGivenWithTheRequestNameTheFilesInTheKeyFilesRunRecord(@TempDir Path dir) throws Exception {
        // How deid-spark records files it read through a local copy of hdfs:// or s3a:// inputs (decision 0028).
        Path copy = dir.resolve("stage/site-a");
        Files.createDirectories(copy.resolve("labs"));
        Files.writeString(copy.resolve("labs/labs.csv"), "mrn,value\n100001,5\n");
        Files.writeString(dir.resolve("stage/visits.csv"), "mrn,value\n100002,7\n");
        Path key = dir.resolve("k.deidkey");
        new RunJob(new RunRequest(List.of(copy, dir.resolve("stage/visits.csv")), dir.resolve("out"), key, true,
                PASSPHRASE, profile, 1, List.of("hdfs://nn:8020/exports/site-a", "s3a://bucket/visits.csv")),
                RunListener.NONE).run();
        var run = KeyFileStore.open(key, PASSPHRASE).runs().get(0);
        assertEquals(List.of("hdfs://nn:8020/exports/site-a/labs/labs.csv", "s3a://bucket/visits.csv"),
                run.files().stream().map(m -> m.source()).toList());
    }

    @Test
    void reportCountsAndListsEveryFileInInputOrder() throws IOException {
        RunReport report = firstResult.report();
        assertEquals(new RunReport.FileCounts(4, 4, 0, 0, 1), report.files());
        assertEquals("ok", report.status());
        assertEquals(report.fileResults().stream().mapToLong(FileReport::records).sum(), report.records());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(firstResult.reportFile().toFile());
        assertEquals(List.of("tool", "profile", "status", "files", "records", "actions", "valuesEmptied", "subjects",
                "fileResults", "run"), fieldNames(json));
        assertEquals("written", json.get("fileResults").get(0).get("status").asText());
        assertEquals(1, json.get("fileResults").get(0).get("input").asInt());
    }

    private static List<String> fieldNames(com.fasterxml.jackson.databind.JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void defaultKeyFileSitsBesideTheOutputFolder() {
        Path out = Path.of("/data/exports/study-7");
        assertEquals(Path.of("/data/exports/study-7.deidkey"), RunRequest.defaultKeyFile(out));
    }

    private static Map<String, String> withoutRunSection(Map<String, String> sums, Path a, Path b) throws IOException {
        assertEquals(stripRun(Files.readString(a.resolve(RunJob.REPORT))), stripRun(Files.readString(b.resolve(RunJob.REPORT))));
        sums.put(RunJob.REPORT, SampleData.checksums(a).get(RunJob.REPORT));
        return sums;
    }

    private static String stripRun(String report) {
        Matcher m = Pattern.compile("\"run\" : \\{[^}]*\\}", Pattern.DOTALL).matcher(report);
        return m.replaceAll("\"run\" : {}");
    }

    private static int indexOf(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].replace("\uFEFF", "").equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** Rows of a simple CSV (no quoted delimiters in the columns these tests read). */
    private static List<String[]> rows(Path file, String delimiter, java.nio.charset.Charset cs) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, cs)) {
            rows.add(line.replace("\uFEFF", "").split(Pattern.quote(delimiter), -1));
        }
        return rows;
    }
}
