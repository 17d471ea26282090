package org.deidworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code deid} command line as a steward uses it: exit codes, messages, and what is never printed. */
class DeidCommandTest {

    static final String PASSPHRASE = "Tr0ub4dor&3-horse";

    @TempDir
    static Path shared;

    private static Path sharedKey;
    private static Path sharedOut;
    private static Result sharedRun;

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Result deid(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = DeidCommand.commandLine(env, null);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    static Result deid(String... args) {
        return deid(Map.of(Passphrases.ENV, PASSPHRASE), args);
    }

    @BeforeAll
    static void runSampleOnce() {
        sharedOut = shared.resolve("out");
        sharedKey = shared.resolve("out.deidkey");
        sharedRun = deid("run", "sample-data/csv", "--out", sharedOut.toString(), "--threads", "2");
    }

    @Test
    void runOnSampleDataSucceedsAndCreatesTheKeyFileBesideTheOutput() {
        assertEquals(ExitCode.OK, sharedRun.code(), sharedRun::all);
        assertTrue(Files.isRegularFile(sharedKey));
        assertTrue(sharedRun.out().contains("De-identified 4 of 4 files"), sharedRun::out);
        assertTrue(sharedRun.out().contains("key file: " + sharedKey), sharedRun::out);
    }

    @Test
    void nothingIdentifyingOrSecretIsPrinted() throws IOException {
        String printed = sharedRun.all();
        assertFalse(printed.contains(PASSPHRASE));
        for (String id : org.deidworkbench.job.SampleDataAccess.identifiers()) {
            assertFalse(printed.toLowerCase().contains(id.toLowerCase()), "an original value was printed");
        }
    }

    @Test
    void jsonSummaryIsMachineReadable() throws IOException {
        Result r = deid("run", "sample-data/csv", "--out", shared.resolve("out-json").toString(), "--keyfile",
                sharedKey.toString(), "--json");
        assertEquals(ExitCode.OK, r.code(), r::all);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("ok", json.get("report").get("status").asText());
        assertEquals(4, json.get("report").get("files").get("written").asInt());
        assertFalse(json.get("keyFileCreated").asBoolean());
    }

    @Test
    void wrongPassphraseHasItsOwnExitCode() {
        Result r = deid(Map.of(Passphrases.ENV, "not-the-passphrase"), "run", "sample-data/csv", "--out",
                shared.resolve("out-wrong").toString(), "--keyfile", sharedKey.toString());
        assertEquals(ExitCode.WRONG_PASSPHRASE, r.code(), r::all);
        assertFalse(r.all().contains("not-the-passphrase"));
        assertFalse(Files.exists(shared.resolve("out-wrong").resolve("patients.csv")));
    }

    @Test
    void tamperedKeyFileHasItsOwnExitCode() throws IOException {
        Path tampered = shared.resolve("tampered.deidkey");
        byte[] bytes = Files.readAllBytes(sharedKey);
        bytes[bytes.length - 40] ^= 0x01;
        Files.write(tampered, bytes);
        Result r = deid("run", "sample-data/csv", "--out", shared.resolve("out-tampered").toString(), "--keyfile",
                tampered.toString());
        assertEquals(ExitCode.KEY_FILE_TAMPERED, r.code(), r::all);
    }

    @Test
    void truncatedKeyFileHasItsOwnExitCode() throws IOException {
        Path truncated = shared.resolve("truncated.deidkey");
        byte[] bytes = Files.readAllBytes(sharedKey);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        Result r = deid("run", "sample-data/csv", "--out", shared.resolve("out-truncated").toString(), "--keyfile",
                truncated.toString());
        assertEquals(ExitCode.KEY_FILE_TRUNCATED, r.code(), r::all);
    }

    @Test
    void keyFileOpensWithOpenssl() throws Exception {
        Assumptions.assumeTrue(onPath("openssl"), "openssl is not installed (apt-get install openssl)");
        Path payload = shared.resolve("payload.json");
        Process p = new ProcessBuilder("openssl", "cms", "-decrypt", "-inform", "DER", "-in", sharedKey.toString(),
                "-pwri_password", PASSPHRASE, "-out", payload.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        JsonNode json = new ObjectMapper().readTree(payload.toFile());
        assertEquals("deid-workbench-keyfile", json.get("format").asText());
        assertEquals(20, json.get("domains").get("patient").size());
    }

    @Test
    void initCreatesAKeyFileAndRefusesToOverwriteIt() throws IOException {
        Path key = shared.resolve("init.deidkey");
        Result first = deid("init", key.toString());
        assertEquals(ExitCode.OK, first.code(), first::all);
        byte[] before = Files.readAllBytes(key);
        Result second = deid("init", key.toString());
        assertEquals(ExitCode.KEY_FILE, second.code(), second::all);
        assertTrue(second.err().contains("already exists"), second::err);
        assertTrue(Arrays.equals(before, Files.readAllBytes(key)));
    }

    @Test
    void passphraseFileWithTrailingNewlineOpensTheKeyFile() throws IOException {
        Path pass = shared.resolve("passphrase.txt");
        Files.writeString(pass, PASSPHRASE + "\n");
        Result r = deid(Map.of(), "run", "sample-data/csv", "--out", shared.resolve("out-pf").toString(), "--keyfile",
                sharedKey.toString(), "--passphrase-file", pass.toString());
        assertEquals(ExitCode.OK, r.code(), r::all);
    }

    @Test
    void missingPassphraseWithoutTerminalIsAUsageError() {
        Result r = deid(Map.of(), "init", shared.resolve("nopass.deidkey").toString());
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().contains("DEID_PASSPHRASE"), r::err);
    }

    @Test
    void shortPassphraseIsRefusedForNewKeyFiles() {
        Result r = deid(Map.of(Passphrases.ENV, "short"), "init", shared.resolve("short.deidkey").toString());
        assertEquals(ExitCode.USAGE, r.code());
        assertFalse(Files.exists(shared.resolve("short.deidkey")));
    }

    @Test
    void missingInputIsAnIoError() {
        Result r = deid("run", shared.resolve("nope").toString(), "--out", shared.resolve("out-nope").toString());
        assertEquals(ExitCode.IO, r.code(), r::all);
    }

    @Test
    void someFilesQuarantinedGivesPartialExitCode() throws IOException {
        Path in = shared.resolve("mixed");
        Files.createDirectories(in);
        Files.writeString(in.resolve("a.csv"), "mrn,notes\n123456,ok\n");
        Files.write(in.resolve("scan.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0});
        Result r = deid("run", in.toString(), "--out", shared.resolve("out-mixed").toString());
        assertEquals(ExitCode.PARTIAL, r.code(), r::all);
        assertTrue(r.out().contains("FORMAT-UNKNOWN"), r::out);
    }

    @Test
    void aLinkAmongTheInputsIsWithheldAsALinkAndItsReasonIsPrintedBeforeTheWrittenFilesWarnings() throws IOException {
        Path in = shared.resolve("linked");
        Files.createDirectories(in);
        Path elsewhere = shared.resolve("elsewhere-patients.csv");
        Files.writeString(elsewhere, "mrn,name\n123456,Ann Example\n");
        Files.createSymbolicLink(in.resolve("patients.csv"), elsewhere);
        // 30 Conditions of a Patient not in the input, a file that sorts before the link: one console line each
        // before, the link's reason the 31st
        StringBuilder conditions = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            conditions.append("{\"resourceType\":\"Condition\",\"id\":\"c").append(i).append("\",\"subject\":")
                    .append("{\"reference\":\"Patient/p1\"},\"recordedDate\":\"2023-04-0").append(1 + i % 9)
                    .append("\"}\n");
        }
        Files.writeString(in.resolve("Condition.ndjson"), conditions);
        Path out = shared.resolve("out-linked");
        Result r = deid("run", in.toString(), "--out", out.toString(), "--keyfile", sharedKey.toString());
        assertEquals(ExitCode.PARTIAL, r.code(), r::all);
        int problems = r.out().indexOf("Problems:");
        assertTrue(problems >= 0, r::out);
        String firstProblem = r.out().substring(problems).lines().skip(1).findFirst().orElseThrow();
        assertTrue(firstProblem.contains("patients.csv: INPUT-LINK-NOT-FOLLOWED: a symbolic link"), r::out);
        assertFalse(r.out().contains("FORMAT-UNKNOWN"), r::out);
        assertTrue(r.out().contains("Condition.ndjson (Condition, 30 lines from 1 to 30): FHIR-PATIENT-NOT-FOUND"), r::out);
        assertFalse(Files.exists(out.resolve("patients.csv")), "the link's target is never read or copied");
        assertFalse(r.all().contains("Ann Example"), r::all);
    }

    @Test
    void runAcceptsTheBuiltInPrefixForProfiles() {
        Result r = deid("run", "sample-data/csv", "--out", shared.resolve("out-prefix").toString(), "--keyfile",
                sharedKey.toString(), "--profile", "built-in:csv-template");
        assertEquals(ExitCode.OK, r.code(), r::all);
    }

    @Test
    void builtInProfileValidates() {
        Result r = deid("profile", "validate", "csv-template");
        assertEquals(ExitCode.OK, r.code(), r::all);
        assertTrue(r.out().contains("is valid"), r::out);
    }

    @Test
    void invalidProfileIsReportedWithLineAndExitCode() throws IOException {
        Path bad = shared.resolve("bad.yaml");
        Files.writeString(bad, "deid-profile: 1\nname: bad\nrules:\n  - column: mrn\n    action: pseudonymise\n"
                + "default:\n  action: keep\n");
        Result r = deid("profile", "validate", bad.toString());
        assertEquals(ExitCode.PROFILE, r.code(), r::all);
        assertTrue(r.err().contains("bad.yaml:5"), r::err);
        assertTrue(r.err().contains("pseudonymize"), "suggests the right spelling: " + r.err());
    }

    @Test
    void explainShowsTheActionOfEachColumnOfACsvFile() {
        Result r = deid("profile", "explain", "csv-template", "--csv", "sample-data/csv/patients.csv");
        assertEquals(ExitCode.OK, r.code(), r::all);
        assertTrue(r.out().matches("(?s).*\\bmrn\\s+pseudonymize.*\\[subject\\].*"), r::out);
        assertTrue(r.out().matches("(?s).*\\blast_name\\s+remove.*"), r::out);
        assertTrue(r.out().matches("(?s).*\\bdate_of_birth\\s+generalize.*"), r::out);
    }

    @Test
    void aKeyFileNamedWithKeyfileMustExist() {
        Path typo = shared.resolve("stduy.deidkey");
        Path out = shared.resolve("out-typo");
        Result r = deid("run", "sample-data/csv", "--out", out.toString(), "--keyfile", typo.toString());
        assertEquals(ExitCode.KEY_FILE, r.code(), r::all);
        assertTrue(r.err().contains("no such key file") && r.err().contains("deid init"), r::err);
        assertFalse(Files.exists(typo));
        assertFalse(Files.exists(out));
    }

    @Test
    void previewShowsEachChangedFieldWithItsRuleAndHidesOriginals() throws IOException {
        Result r = deid("preview", "sample-data/csv/encounters.csv", "--context", "sample-data/csv");
        assertEquals(ExitCode.OK, r.code(), r::all);
        assertTrue(r.out().contains("Throwaway key"), r::out);
        assertTrue(r.out().contains("line 2"), r::out);
        assertTrue(r.out().contains("encounter-number (pseudonymize)"), r::out);
        assertTrue(r.out().contains(PreviewCommand.HIDDEN), r::out);
        for (String id : org.deidworkbench.job.SampleDataAccess.identifiers()) {
            assertFalse(r.out().toLowerCase().contains(id.toLowerCase()), "an original value was printed");
        }
    }

    @Test
    void previewOfOneFileSaysThatOtherFilesOfTheExportAreNotKnown() {
        Result r = deid("preview", "sample-data/csv/encounters.csv");
        assertEquals(ExitCode.OK, r.code(), r::all);
        assertTrue(r.out().contains("add --context DIR"), r::out);
    }

    @Test
    void previewRevealShowsOriginalsOnlyWhenAsked() throws IOException {
        Result r = deid("preview", "sample-data/csv/encounters.csv", "--reveal", "--records", "1");
        assertEquals(ExitCode.OK, r.code(), r::all);
        String firstEncounter = Files.readAllLines(Path.of("sample-data/csv/encounters.csv")).get(1).split(",")[0];
        assertTrue(r.out().contains(firstEncounter), r::out);
        assertFalse(r.out().contains(PreviewCommand.HIDDEN), r::out);
    }

    @Test
    void previewWithTheStudyKeyFileGivesTheRunsPseudonymsAndAddsNothing() throws IOException {
        byte[] before = Files.readAllBytes(sharedKey);
        Result r = deid("preview", "sample-data/csv/patients.csv", "--keyfile", sharedKey.toString(), "--json",
                "--records", "1");
        assertEquals(ExitCode.OK, r.code(), r::all);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertFalse(json.get("throwawayKey").asBoolean());
        JsonNode mrn = json.get("records").get(0).get("fields").get(0);
        assertTrue(mrn.get("original").isNull(), "originals are hidden in JSON too");
        String runPseudonym = Files.readAllLines(sharedOut.resolve("patients.csv")).get(1).split(",")[0];
        assertEquals(runPseudonym, mrn.get("cleaned").asText());
        assertTrue(Arrays.equals(before, Files.readAllBytes(sharedKey)), "the key file is unchanged");
    }

    @Test
    void previewOfAWithheldFormatSaysWhy(@TempDir Path dir) throws IOException {
        Path bin = dir.resolve("x.bin");
        Files.write(bin, new byte[] {0, 1, 2, 3});
        Result r = deid("preview", bin.toString());
        assertEquals(ExitCode.PARTIAL, r.code(), r::all);
        assertTrue(r.err().contains("FORMAT-UNKNOWN"), r::err);
    }

    @Test
    void explainTakesAnyFileAsPositionalArgument() {
        Result r = deid("profile", "explain", "csv-template", "sample-data/csv/encounters.csv");
        assertEquals(ExitCode.OK, r.code(), r::all);
        assertTrue(r.out().contains("encounter-number"), r::out);
    }

    @Test
    void keyfileInspectRunsShowsWhereEachInputWent() {
        Result r = deid("keyfile", "inspect", sharedKey.toString(), "--runs");
        assertEquals(ExitCode.OK, r.code(), r::all);
        assertTrue(r.out().contains("[input 1]") && r.out().contains("referral.csv"), r::out);
    }

    @Test
    void helpClaimsOnlyFormatsThisVersionCleans() {
        Result h = deid("--help");
        String firstLines = h.out().lines().limit(6).collect(java.util.stream.Collectors.joining(" "))
                .replaceAll("\\s+", " ");
        for (org.deidworkbench.format.FileFormat f : org.deidworkbench.format.FileFormat.values()) {
            if (f == org.deidworkbench.format.FileFormat.UNKNOWN) {
                continue;
            }
            boolean cleaned = org.deidworkbench.job.FormatRegistry.supported(f);
            assertTrue(firstLines.contains(f.description()), f + " is named: " + firstLines);
            int said = firstLines.indexOf(f.description());
            int withheld = firstLines.indexOf("not yet cleaned");
            assertEquals(!cleaned, withheld >= 0 && said > withheld, f + " is in the right list: " + firstLines);
        }
    }

    @Test
    void explainShowsTheActionOfEachElementOfAFhirFile() {
        Result r = deid("profile", "explain", "csv-template", "--file", "sample-data/fhir/patient-100268.xml");
        assertEquals(ExitCode.OK, r.code(), r::all);
        assertTrue(r.out().matches("(?s).*\\bPatient\\.name\\.family\\s+remove\\s+rule 'names' \\(type HumanName.*"), r::out);
        assertTrue(r.out().matches("(?s).*\\bPatient\\.identifier\\.value\\s+pseudonymize.*\\[subject\\].*"), r::out);
        assertTrue(r.out().matches("(?s).*\\bPatient\\.birthDate\\s+generalize.*"), r::out);
    }

    @Test
    void explainShowsTheActionOfEveryElementOfADicomFileAndWhy() {
        Result r = deid("profile", "explain", "csv-template", "--dicom",
                "src/test/resources/org/deidworkbench/dicom/fixtures/ct_explicit_le.dcm");
        assertEquals(ExitCode.OK, r.code(), r::all);
        assertTrue(r.out().matches("(?s).*\\(0010,0020\\)\\s+PatientID\\s+pseudonymize\\s+the patient id.*"), r::out);
        assertTrue(r.out().matches("(?s).*\\(0008,0020\\)\\s+StudyDate\\s+C\\s+PS3.15 Table E.1-1.*"), r::out);
    }

    @Test
    void explainSaysWhatElseHappensToAnInstitutionsNameAndNoTextOfANumber() {
        Result r = deid("profile", "explain", "csv-template", "--dicom",
                "src/test/resources/org/deidworkbench/dicom/fixtures/ct_explicit_le.dcm");
        assertEquals(ExitCode.OK, r.code(), r::all);
        assertTrue(r.out().matches("(?s).*\\(0008,0080\\)\\s+InstitutionName\\s+D\\s+[^\n]*also leaves the texts the run"
                + " cleans, as \\[INSTITUTION\\].*"), r::out);
        assertTrue(r.out().matches("(?s).*\\(0028,0010\\)\\s+Rows\\s+K\\s+not in PS3.15 Table E.1-1 \\([^)]*\\), so kept\n.*"),
                r::out);
    }

    @Test
    void aDataFileWhereTheProfileGoesIsSaidToBeOne() {
        String dcm = "src/test/resources/org/deidworkbench/dicom/fixtures/ct_explicit_le.dcm";
        Result r = deid("profile", "explain", dcm);
        assertEquals(ExitCode.USAGE, r.code(), r::all);
        assertTrue(r.err().contains(dcm + " is one of the DICOM files, not a profile: name the profile first, e.g. deid"
                + " profile explain csv-template " + dcm), r::err);
        Result v = deid("profile", "validate", "sample-data/csv/patients.csv");
        assertEquals(ExitCode.USAGE, v.code(), v::all);
        assertTrue(v.err().contains("is one of the CSV exports, not a profile"), v::err);
    }

    @Test
    void conformanceWritesTheAnnexNSectionOfTheActiveProfile() {
        Result r = deid("dicom", "conformance", "--profile", "dicom-basic");
        assertEquals(ExitCode.OK, r.code(), r::all);
        assertTrue(r.out().contains("| Retain Longitudinal Temporal Information Modified Dates Option | 113107 | Yes |"),
                r::out);
        assertTrue(r.out().contains("PBKDF2-HMAC-SHA-256 with 600,000 iterations"), r::out);
        assertTrue(r.out().contains("## Replacement UIDs: scope of referential integrity"), r::out);
    }

    @Test
    void benchDicomTimesDeidAgainstACopyOfTheSameFiles() {
        Result r = deid("bench", "dicom", "--input", "sample-data/dicom", "--rounds", "1");
        assertEquals(ExitCode.OK, r.code(), r::all);
        assertTrue(r.out().contains("input:     10 files"), r::out);
        assertTrue(r.out().matches("(?s).*\\ncopy\\+sync: .*\\ndeid: .*heap: .*"), r::out);
        // where the fastest round's time went, phase by phase, in the order the run went through them
        assertTrue(r.out().matches("(?s).*\\nphases:    open [0-9.]+ s   analyze [0-9.]+ s   scan [0-9.]+ s   transform"
                + " [0-9.]+ s   seal [0-9.]+ s   finish [0-9.]+ s \\(fastest deid round\\)\\n.*"), r::out);
        // every round's wall time and the JVM's CPU time over it, so builds compare by CPU on a loaded machine
        assertTrue(r.out().matches("(?s).*\\ndeid rounds: [0-9.]+ s \\(CPU [0-9.]+ s\\) \\(wall, and CPU of the whole JVM.*"),
                r::out);
        // and what a user waits for: one deid run in a fresh JVM, against the copy and gdcmanon
        assertTrue(r.out().matches("(?s).*\\ncold run:  [0-9.]+ s \\(CPU [0-9.]+ s\\)   cold / copy [0-9.]+   cold / gdcmanon"
                + " \\S+ \\(gdcmanon CPU \\S+ s\\)   \\(fresh JVM: java .*"), r::out);
        // the collector changes the CPU figures (decision 0045): the bench names the one it ran with
        String collectors = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).collect(java.util.stream.Collectors.joining(", "));
        assertTrue(r.out().matches("(?s).*\\ngc:        \\Q" + collectors + "\\E: [0-9,]+ collections, [0-9.]+ s in them"
                + " \\(whole benchmark\\)\\n.*"), r::out);
    }

    @Test
    void benchCsvRunsTheThreadsDeidRunWouldAndSaysHowMany() {
        // a user compares the bench's figures with deid run's: by default both use one worker per processor
        int processors = Runtime.getRuntime().availableProcessors();
        Result r = deid("bench", "csv", "--input", "sample-data/csv", "--rounds", "1");
        assertEquals(ExitCode.OK, r.code(), r::all);
        assertTrue(r.out().contains("(the CSV files of sample-data/csv, " + processors
                + (processors == 1 ? " thread)" : " threads)")), r::out);
        Result one = deid("bench", "csv", "--input", "sample-data/csv", "--rounds", "1", "--threads", "1");
        assertEquals(ExitCode.OK, one.code(), one::all);
        assertTrue(one.out().contains("(the CSV files of sample-data/csv, 1 thread)"), one::out);
    }

    @Test
    void versionAndHelpWork() {
        Result v = deid("--version");
        assertEquals(ExitCode.OK, v.code());
        assertTrue(v.out().startsWith("deid-workbench "), v::out);
        Result h = deid("--help");
        assertTrue(h.out().contains("130  cancelled"), h::out);
        Result runHelp = deid("run", "--help");
        assertTrue(runHelp.out().contains("--passphrase-file"), runHelp::out);
        assertFalse(runHelp.out().contains("--passphrase "), "a passphrase is never a command-line value");
    }

    @Test
    void dicomDumpListsElementsWithKeywordsAndValues(@TempDir Path dir) throws IOException {
        Path file = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");
        Assumptions.assumeTrue(Files.isRegularFile(file), "pydicom's test files are not installed (apt-get install python3-pydicom)");
        Result r = deid("dicom", "dump", file.toString());
        assertEquals(ExitCode.OK, r.code(), r::all);
        assertTrue(r.out().contains("(0008,0016) UI [1.2.840.10008.5.1.4.1.1.2]"), r::out);
        assertTrue(r.out().contains("SOPClassUID"), r::out);
        assertTrue(r.out().contains("# Dicom-Data-Set"), r::out);
    }

    @Test
    void dicomDumpOfANonDicomFileNamesTheFileAndOffset(@TempDir Path dir) throws IOException {
        Path notDicom = dir.resolve("notes.txt");
        Files.writeString(notDicom, "just some text, not a data set");
        Result r = deid("dicom", "dump", notDicom.toString());
        assertEquals(ExitCode.IO, r.code(), r::all);
        assertTrue(r.err().contains("notes.txt") && r.err().contains("offset 0x"), r::err);
    }

    @Test
    void keyfileInspectShowsTheSealingParametersWithoutAPassphrase() throws IOException {
        Result r = deid(Map.of(), "keyfile", "inspect", sharedKey.toString(), "--json");
        assertEquals(ExitCode.OK, r.code(), r::all);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("AES-256-GCM", json.get("contentCipher").asText());
        JsonNode password = json.get("recipients").get(0);
        assertEquals("password", password.get("type").asText());
        assertEquals("HMAC-SHA256", password.get("prf").asText());
        assertTrue(password.get("iterations").asLong() >= 600_000);
        assertEquals(16, password.get("saltBytes").asInt());
    }

    @Test
    void keyfileInspectOfAnotherFileIsAKeyFileError() {
        Result r = deid(Map.of(), "keyfile", "inspect", "README.md");
        assertEquals(ExitCode.KEY_FILE, r.code(), r::all);
        assertTrue(r.err().contains("not a DeID Workbench key file"), r::err);
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(ExitCode.USAGE, deid("run", "--bogus").code());
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void profileSuggestPrintsADraftThatValidates(@TempDir Path dir) throws Exception {
        Result r = deid("profile", "suggest", "sample-data/corpus/de");
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.out().startsWith("# Draft profile"), r.out());
        Path draft = dir.resolve("draft.yaml");
        java.nio.file.Files.writeString(draft, r.out());
        assertEquals(ExitCode.OK, deid("profile", "validate", draft.toString()).code());
    }

    @Test
    void profileExplainOfAFileSaysWhatDecidedEachColumn() {
        Result r = deid("profile", "explain", "csv-template", "sample-data/corpus/ehr/patients.csv");
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.out().contains("classifier") && r.out().contains("person-name"), r.out());
    }
}
