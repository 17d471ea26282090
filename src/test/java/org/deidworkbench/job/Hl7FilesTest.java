package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FormatDetector;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.model.FileReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0182: files of HL7 v2 messages — an ADT feed's archive (CR), an MLLP capture (0x0B … 0x1C CR) and a lab's
 * batch (LF, FHS/BHS/BTS/FTS) of the corpus folder {@code hl7-files/} — are de-identified message by message: the
 * same patient gets the same pseudonym and the same date offset as in the lab's CSV table of the run, the frames,
 * terminators and batch lines stay, and the verifier reads each message. Failure messages name files and fields,
 * never values.
 */
class Hl7FilesTest {

    private static final char[] PASSPHRASE = "hl7-files-test-passphrase".toCharArray();
    private static final Path FOLDER = AdversarialCorpusTest.ROOT.resolve("hl7-files");

    @TempDir
    Path dir;

    @Test
    void messagesFilesAreDetectedWhateverTheirName() throws Exception {
        assertEquals(FileFormat.HL7V2, FormatDetector.detect(FOLDER.resolve("adt_feed.hl7")));
        assertEquals(FileFormat.HL7V2, FormatDetector.detect(FOLDER.resolve("mllp_capture.txt")));
        assertEquals(FileFormat.HL7V2, FormatDetector.detect(FOLDER.resolve("results_batch.hl7")));
        assertEquals(FileFormat.HL7V2, FormatDetector.detect("MSH|^~\\&|A|B\r".getBytes(StandardCharsets.US_ASCII),
                "export.csv"));
        // a table whose first column is named like a segment is a table
        assertEquals(FileFormat.CSV, FormatDetector.detect("MSH_ID,sent\n1,2023-01-01\n2,2023-01-02\n"
                .getBytes(StandardCharsets.US_ASCII), "log.csv"));
        assertEquals(FileFormat.CSV, FormatDetector.detect(AdversarialCorpusTest.ROOT.resolve("hl7")
                .resolve("interface_log.csv")));
    }

    /** The corpus folder run with the default profile into {@code out}, its key file {@code k.deidkey}. */
    private Path runFolder() throws Exception {
        SampleData.copyTree(FOLDER, dir.resolve("in"));
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(dir.resolve("in"), out, dir.resolve("k.deidkey"), PASSPHRASE);
        return out;
    }

    @Test
    void aPatientIsOnePseudonymAndOneOffsetInMessagesAndInTables() throws Exception {
        Path out = runFolder();
        List<CSVRecord> labs = SampleData.records(out.resolve("lab_results.csv"));
        String capture = Files.readString(out.resolve("mllp_capture.txt"), StandardCharsets.US_ASCII);
        String feed = Files.readString(out.resolve("adt_feed.hl7"), StandardCharsets.US_ASCII);
        // PID-3 of the first message of each file: the lab table's mrn pseudonym
        assertEquals(labs.get(0).get("mrn"), pid3(feed), "adt_feed.hl7: PID-3");
        assertEquals(labs.get(0).get("mrn"), pid3(capture), "mllp_capture.txt: PID-3");
        // OBR-7, the glucose's collection time, moved as the lab table's collected time of the same draw
        String obr = capture.lines().filter(l -> l.startsWith("OBR|")).findFirst().orElseThrow();
        LocalDateTime observed = LocalDateTime.parse(obr.split("\\|", -1)[7],
                DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        LocalDateTime collected = LocalDateTime.parse(labs.get(0).get("collected"),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        assertEquals(collected, observed, "OBR-7 against lab_results.csv row 1");
        assertFalse(obr.contains("20230312083000"), "OBR-7 is shifted");
    }

    private static String pid3(String file) {
        String pid = java.util.Arrays.stream(file.split("[\r\n]")).filter(l -> l.startsWith("PID|")).findFirst()
                .orElseThrow();
        return pid.split("\\|", -1)[3].split("\\^")[0];
    }

    @Test
    void framesTerminatorsAndBatchLinesStay() throws Exception {
        Path out = runFolder();
        Path in = dir.resolve("in");
        for (String f : List.of("adt_feed.hl7", "mllp_capture.txt", "results_batch.hl7")) {
            String before = Files.readString(in.resolve(f), StandardCharsets.US_ASCII);
            String after = Files.readString(out.resolve(f), StandardCharsets.US_ASCII);
            for (char c : new char[] {'\r', '\n', '\u000b', '\u001c'}) {
                assertEquals(before.chars().filter(x -> x == c).count(), after.chars().filter(x -> x == c).count(),
                        f + ": the number of character " + (int) c);
            }
            assertEquals(segments(before), segments(after), f + ": the segments in order");
        }
        String batch = Files.readString(out.resolve("results_batch.hl7"), StandardCharsets.US_ASCII);
        assertTrue(batch.startsWith("FHS|^~\\&|LAB|MERCYWEST|"), "the batch header");
        assertTrue(batch.endsWith("BTS|2\nFTS|1\n"), "the batch trailer");
    }

    /** Every line's first three characters (the segment names), frames aside. */
    private static List<String> segments(String file) {
        return java.util.Arrays.stream(file.split("[\r\n]+")).map(l -> l.replace("\u000b", "").replace("\u001c", ""))
                .filter(l -> l.length() >= 3).map(l -> l.substring(0, 3)).toList();
    }

    @Test
    void aFileWithAByteOfAnotherEncodingFailsWithItsLineAndTheOthersAreWritten() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(FOLDER.resolve("adt_feed.hl7"), in.resolve("adt_feed.hl7"));
        // 70 KB of ASCII messages (read as UTF-8), then a Latin-1 é in a name on line 2,801
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 1400; i++) {
            b.append("MSH|^~\\&|LAB|MERCYWEST|||20230312").append(String.format("%06d", i))
                    .append("||ORU^R01|M").append(i).append("|P|2.5.1\rOBX|1|NM|2345-7^GLUCOSE^LN||97\r");
        }
        byte[] head = b.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "MSH|^~\\&|LAB|X|||20230312||ORU^R01|M|P|2.5.1\rPID|1||1^^^X^MR||REN\u00c9E^A\r"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        Files.write(in.resolve("lab_archive.hl7"), all);
        Path out = dir.resolve("out");
        RunResult result = new RunJob(new RunRequest(List.of(in), out, dir.resolve("k.deidkey"), true, PASSPHRASE,
                ProfileLoader.read("csv-template"), 2), RunListener.NONE).run();
        FileReport failed = result.report().fileResults().stream().filter(r -> r.output().equals("lab_archive.hl7"))
                .findFirst().orElseThrow();
        assertEquals(FileReport.Status.FAILED, failed.status());
        assertEquals("HL7-ENCODING", failed.problems().get(0).code());
        assertEquals("line 2802", failed.problems().get(0).location());
        assertFalse(Files.exists(out.resolve("lab_archive.hl7")), "no half-written output");
        assertTrue(Files.exists(out.resolve("adt_feed.hl7")), "the other file is written");
    }

    @Test
    void theVerifierReadsEachMessageAndFindsANameLeftInOne() throws Exception {
        Path out = runFolder();
        var keys = KeyFileStore.open(dir.resolve("k.deidkey"), PASSPHRASE);
        assertTrue(new VerifyJob(out, keys, false, 2).run().hits().isEmpty(), "the run's output is clean");
        Files.writeString(out.resolve("extra.hl7"), "MSH|^~\\&|LAB|MERCYWEST|||20230312||ORU^R01|M9|P|2.5.1\r"
                + "OBX|1|TX|11492-6^Note^LN||Seen with Clementine Zandervelt-Orsini today.\r", StandardCharsets.US_ASCII);
        VerifyReport r = new VerifyJob(out, keys, false, 2).run();
        List<VerifyReport.Hit> hits = r.hits().stream().filter(f -> f.path().equals("extra.hl7"))
                .flatMap(f -> f.listed().stream()).toList();
        assertFalse(hits.isEmpty(), "the name in the message");
        assertEquals("message 1 (line 1)", hits.get(0).location());
        assertTrue(r.notScanned().stream().noneMatch(n -> n.path().endsWith(".hl7")), "read value by value");
    }
}
