package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.keyfile.KeyFileException;
import org.deidworkbench.keyfile.KeyFileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code job} offers front ends that may not see formats or secrets: file kinds, new key files, run sources. */
class JobSeamsForTheWorkbenchTest {

    @TempDir
    Path dir;

    @Test
    void csvFileIsOfACleanableKind() throws Exception {
        FileKind kind = PreviewJob.kind(SampleData.CSV.resolve("patients.csv"));
        assertEquals(new FileKind("CSV", "CSV exports", true, "", ""), kind);
    }

    @Test
    void unrecognisedFileIsWithheldWithTheRunsReason() throws Exception {
        Path blob = dir.resolve("blob.bin");
        Files.write(blob, new byte[] {0, 1, 2, 3, (byte) 0xff});
        FileKind kind = PreviewJob.kind(blob);
        assertEquals("FORMAT-UNKNOWN", kind.withheldCode());
        assertFalse(kind.cleanable());
    }

    /** A workbook, a SAS data set or an archive is withheld with what to do about it; an unknown blob without. */
    @Test
    void aWithheldFileWhoseNameShowsWhatItIsSaysWhatToDo() throws Exception {
        Path workbook = Files.write(dir.resolve("Export Q3.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0});
        Path sas = Files.write(dir.resolve("adsl.sas7bdat"), new byte[] {0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xc2, (byte) 0xea});
        Path archive = Files.write(dir.resolve("export.zip"), new byte[] {'P', 'K', 3, 4, 0, 0});
        Path blob = Files.write(dir.resolve("blob.bin"), new byte[] {0, 1, 2, 3, (byte) 0xff});
        assertTrue(PreviewJob.kind(workbook).withheldReason().endsWith("save each sheet as \"CSV UTF-8\" and run again"),
                PreviewJob.kind(workbook).withheldReason());
        assertTrue(PreviewJob.kind(sas).withheldReason().contains("export it as CSV"));
        assertTrue(PreviewJob.kind(archive).withheldReason().contains("unpack it"));
        assertTrue(PreviewJob.kind(blob).withheldReason().endsWith("withheld, never copied"));
        assertEquals("FORMAT-UNKNOWN", PreviewJob.kind(workbook).withheldCode());
    }

    @Test
    void newKeyFileOpensWithItsPassphrase() throws Exception {
        Path key = dir.resolve("study.deidkey");
        KeyFiles.create(key, "long enough passphrase".toCharArray());
        assertEquals(0, KeyFileStore.open(key, "long enough passphrase".toCharArray()).entryCount());
    }

    @Test
    void existingKeyFileIsNeverReplaced() throws Exception {
        Path key = dir.resolve("study.deidkey");
        Files.writeString(key, "not a key file", StandardCharsets.UTF_8);
        JobException e = assertThrows(JobException.class, () -> KeyFiles.create(key, "long enough passphrase".toCharArray()));
        assertEquals(KeyFileException.Reason.ALREADY_EXISTS, assertInstanceOf(KeyFileException.class, e.getCause()).reason());
    }

    @Test
    void shortPassphraseIsRefusedForANewKeyFile() {
        assertThrows(IllegalArgumentException.class, () -> KeyFiles.create(dir.resolve("k.deidkey"), "short".toCharArray()));
    }

    @Test
    void runResultNamesTheInputFileOfEveryReportEntry() throws Exception {
        Path export = SampleData.copyTo(dir);
        RunResult result = new RunJob(new RunRequest(List.of(export), dir.resolve("out"), dir.resolve("out.deidkey"), true,
                "long enough passphrase".toCharArray(), ProfileLoader.read("csv-template"), 1), RunListener.NONE).run();
        List<String> names = result.sources().stream().map(p -> export.relativize(p).toString().replace('\\', '/')).toList();
        assertEquals(List.of("encounters.csv", "lab_results.csv", "patients.csv", "referrals/brannigan_100251_referral.csv"),
                names);
        assertTrue(result.files().get(3).output().startsWith("referrals/NAME_"));
    }

    @Test
    void partialPreviewCollectsNoIdentifiersAndDiffersFromTheFullOneOnlyInFreeText() throws Exception {
        org.deidworkbench.config.LoadedProfile profile = ProfileLoader.read("csv-template");
        Path file = SampleData.CSV.resolve("encounters.csv");
        PreviewJob.Session quick = PreviewJob.Session.open(profile, null, null, List.of(), () -> false);
        PreviewJob.Result partial = quick.previewPartial(file, 50, () -> false);
        PreviewJob.Result full = PreviewJob.Session.open(profile, null, null, List.of(SampleData.CSV), () -> false)
                .preview(file, 50, () -> false);
        assertEquals(0, partial.filesScanned());
        List<String> differing = new java.util.ArrayList<>();
        for (int r = 0; r < full.preview().records().size(); r++) {
            var a = partial.preview().records().get(r).fields();
            var b = full.preview().records().get(r).fields();
            for (int i = 0; i < a.size(); i++) {
                boolean sameChange = a.get(i).change() == b.get(i).change();
                boolean structural = !"scrub-text".equals(b.get(i).action());
                // Pseudonyms and date offsets differ between two throwaway keys; compare what was done.
                if (structural && (!sameChange || !a.get(i).ruleId().equals(b.get(i).ruleId()))) {
                    differing.add(b.get(i).name());
                }
            }
        }
        assertEquals(List.of(), differing);
    }
}
