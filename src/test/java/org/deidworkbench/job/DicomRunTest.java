package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomReader;
import org.deidworkbench.dicom.Element;
import org.deidworkbench.dicom.DicomTestFiles;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.model.FileReport;
import org.deidworkbench.model.Profile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deid run} over pydicom's real files with planted identifiers (see {@link PlantedDicomCorpus}):
 * no planted value survives in any output byte, pixels and geometry are untouched, UIDs and the
 * references between objects stay consistent, output is byte-identical at any thread count, and
 * dcmdump and dciodvfy accept every output as they accepted its input. Skips, saying why, when
 * python3-pydicom is not installed (CI installs it).
 */
class DicomRunTest {

    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();
    /** Geometry and acquisition parameters that must come out exactly as they went in. */
    private static final int[] GEOMETRY = {0x00280010, 0x00280011, 0x00280030, 0x00280100, 0x00280101, 0x00280102,
        0x00280103, 0x00280002, 0x00280004, 0x00280008, 0x00200032, 0x00200037, 0x00180050, 0x00180060, 0x00281050,
        0x00281051, 0x00281052, 0x00281053, 0x00180088, 0x3004000C, 0x30040014, 0x00080060, 0x00080016};

    @TempDir
    static Path shared;

    private static Path input;
    private static List<String> names;
    private static RunResult result;
    private static Path out;
    private static Path outOneThread;

    @BeforeAll
    static void runOnce() throws Exception {
        Assumptions.assumeTrue(PlantedDicomCorpus.available(), "python3-pydicom's test files are not installed"
                + " (apt-get install python3-pydicom); CI installs them");
        input = Files.createDirectories(shared.resolve("in"));
        names = new ArrayList<>(PlantedDicomCorpus.build(input));
        names.sort(null); // the order a run lists its files in
        Path keyFile = shared.resolve("study.deidkey");
        byte[] secret = new byte[32];
        for (int i = 0; i < 32; i++) {
            secret[i] = (byte) (i * 11 + 5);
        }
        KeyFileStore.save(keyFile, KeyFileContents.create(ProjectSecret.of(secret), Instant.EPOCH), PASSPHRASE, List.of());
        Profile profile = corpusProfile();
        out = shared.resolve("out");
        result = new RunJob(new RunRequest(List.of(input), out, keyFile, false, PASSPHRASE,
                new LoadedProfile(profile, "test"), 2),
                RunListener.NONE).run();
        outOneThread = shared.resolve("out-1");
        new RunJob(new RunRequest(List.of(input), outOneThread, keyFile, false, PASSPHRASE,
                new LoadedProfile(profile, "test"), 1),
                RunListener.NONE).run();
    }

    /**
     * The built-in dicom-basic with redactions for the corpus's images that carry, or may carry,
     * burned-in text: real rectangles for the native ones, and the steward's statement (no
     * rectangles) for the others, so every image is exercised.
     */
    static Profile corpusProfile() throws Exception {
        String basic;
        try (InputStream in = ProfileLoader.class.getResourceAsStream("profiles/dicom-basic.yaml")) {
            basic = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String redactions = """
                  redactions:
                    - id: us-rgb-big-endian
                      when: {modality: US, rows: 60, columns: 80}
                      rectangles: [{x: 0, y: 0, width: 80, height: 8}]
                    - id: secondary-captures-checked
                      when: {sop-class: 1.2.840.10008.5.1.4.1.1.7}
                      rectangles: []
                """;
        String text = basic.replace("name: dicom-basic", "name: corpus-test").replace("  redactions: []\n", redactions);
        assertNotEquals(basic, text);
        return ProfileLoader.parse(text, "corpus-test.yaml");
    }

    private static boolean redactedWithRectangles(FileReport o) {
        return o.actions().keySet().stream().anyMatch(k -> k.endsWith("(redact)") && !k.startsWith("secondary"));
    }

    @Test
    void everyCorpusFileIsWritten() {
        List<String> notWritten = new ArrayList<>();
        for (FileReport o : result.files()) {
            if (o.status() != FileReport.Status.WRITTEN) {
                notWritten.add(o.output() + " " + o.problems());
            }
        }
        assertEquals(List.of(), notWritten);
        assertEquals(names.size(), result.files().size());
    }

    @Test
    void everyFileSaysItWasDecidedByTheProfilesOwnDicomSection() {
        assertEquals(Set.of("profile:corpus-test"), result.files().stream().map(FileReport::rules)
                .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void corpusCoversEveryModalityAndTransferSyntaxItPromises() throws Exception {
        Set<String> modalities = new TreeSet<>();
        Set<String> syntaxes = new TreeSet<>();
        for (String name : names) {
            DicomFile f = new DicomReader().read(input.resolve(name));
            modalities.add(String.valueOf(f.dataset().getString(0x00080060)));
            syntaxes.add(f.transferSyntax().uid());
        }
        assertTrue(modalities.containsAll(List.of("CT", "MR", "RTPLAN", "RTSTRUCT", "RTDOSE", "SR", "US", "OT")),
                () -> "modalities " + modalities);
        assertTrue(syntaxes.containsAll(List.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.1.99",
                "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.90")),
                () -> "transfer syntaxes " + syntaxes);
    }

    @Test
    void noPlantedIdentifierIsInAnyOutputByte() throws IOException {
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(inflated(Files.readAllBytes(f)), StandardCharsets.ISO_8859_1)
                        .toUpperCase(Locale.ROOT);
                String name = out.relativize(f).toString().toUpperCase(Locale.ROOT);
                for (String token : PlantedDicomCorpus.TOKENS) {
                    if (text.contains(token) || name.contains(token)) {
                        leaks.add(token + " in " + out.relativize(f));
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    /** The file's bytes with a deflated data set inflated, so a scan sees what a reader sees. */
    static byte[] inflated(byte[] bytes) throws IOException {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        if (bytes.length < 132 || !head.startsWith("DICM", 128) || !head.contains("1.2.840.10008.1.2.1.99")) {
            return bytes;
        }
        int metaLength = (bytes[140] & 0xFF) | (bytes[141] & 0xFF) << 8 | (bytes[142] & 0xFF) << 16 | (bytes[143] & 0xFF) << 24;
        int start = 144 + metaLength;
        byte[] inflatedData;
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(bytes, start, bytes.length - start),
                new Inflater(true))) {
            inflatedData = in.readAllBytes();
        }
        byte[] all = new byte[start + inflatedData.length];
        System.arraycopy(bytes, 0, all, 0, start);
        System.arraycopy(inflatedData, 0, all, start, inflatedData.length);
        return all;
    }

    @Test
    void outputIsByteIdenticalWithOneOrTwoThreads() throws IOException {
        assertEquals(Files.readString(out.resolve(RunJob.MANIFEST)), Files.readString(outOneThread.resolve(RunJob.MANIFEST)));
    }

    @Test
    void pixelDataAndGeometryAreUnchangedWhereNoRectangleWasFilled() throws Exception {
        int compared = 0;
        int blanked = 0;
        for (int i = 0; i < names.size(); i++) {
            FileReport o = result.files().get(i);
            if (redactedWithRectangles(o)) {
                continue;
            }
            Dataset before = read(input.resolve(names.get(i)));
            Dataset after = read(out.resolve(o.output()));
            for (int tag : GEOMETRY) {
                assertEquals(Values.of(before.get(tag)), Values.of(after.get(tag)), names.get(i) + " " + Tag.toString(tag));
            }
            if (o.actions().containsKey("pixel-data-metadata (blank)")) {
                assertOnlyBlanked(before.get(Tag.PIXEL_DATA), after.get(Tag.PIXEL_DATA), names.get(i));
                blanked++;
            } else {
                assertEquals(Values.of(before.get(Tag.PIXEL_DATA)), Values.of(after.get(Tag.PIXEL_DATA)), names.get(i));
            }
            compared++;
        }
        assertTrue(compared > 40, "compared " + compared);
        assertTrue(blanked > 0, "a JPEG 2000 comment of pydicom's files was blanked (decision 0156)");
    }

    /**
     * Compressed pixel data whose text segments were blanked (decision 0156): the same fragments of the same lengths,
     * every byte as it was or zero.
     */
    private static void assertOnlyBlanked(Element before, Element after, String name) throws IOException {
        assertTrue(before.isFragments() && after.isFragments(), name);
        assertEquals(before.fragments().size(), after.fragments().size(), name);
        int zeroed = 0;
        for (int f = 0; f < before.fragments().size(); f++) {
            byte[] was = bytes(before.fragments().get(f));
            byte[] is = bytes(after.fragments().get(f));
            assertEquals(was.length, is.length, name + " fragment " + f);
            for (int k = 0; k < was.length; k++) {
                if (was[k] != is[k]) {
                    assertEquals(0, is[k], name + " fragment " + f + " byte " + k);
                    zeroed++;
                }
            }
        }
        assertTrue(zeroed > 0, name);
    }

    private static byte[] bytes(org.deidworkbench.dicom.Fragment f) throws IOException {
        return f.bytes() != null ? f.bytes() : f.bulk().readAll();
    }

    @Test
    void redactionFillsTheRectangleOfABigEndianRgbImageAndNothingElse() throws Exception {
        int i = names.indexOf("test_files_ExplVR_BigEnd.dcm");
        Dataset before = read(input.resolve(names.get(i)));
        Dataset after = read(out.resolve(result.files().get(i).output()));
        byte[] b = before.get(Tag.PIXEL_DATA).bytes();
        byte[] a = after.get(Tag.PIXEL_DATA).bytes();
        assertEquals(b.length, a.length);
        // Planar configuration 1: three planes of 60 x 80 bytes; the rectangle is the first 8 rows of each.
        assertEquals(1, before.getInt(0x00280006, 0));
        int plane = 60 * 80;
        for (int k = 0; k < a.length; k++) {
            assertEquals(k % plane < 8 * 80 ? 0 : b[k], a[k], "byte " + k);
        }
        assertTrue(java.util.stream.IntStream.range(0, 8 * 80).anyMatch(k -> b[k] != 0), "nothing to redact");
        assertEquals("NO", after.getString(0x00280301));
    }

    @Test
    void equalUidsStayEqualAndDifferentOnesStayDifferentAcrossAllFiles() throws Exception {
        Map<String, String> forward = new HashMap<>();
        Map<String, String> backward = new HashMap<>();
        int pairs = 0;
        for (int i = 0; i < names.size(); i++) {
            Map<String, String> before = uids(read(input.resolve(names.get(i))));
            Map<String, String> after = uids(read(out.resolve(result.files().get(i).output())));
            for (Map.Entry<String, String> e : before.entrySet()) {
                String now = after.get(e.getKey());
                if (now == null || now.equals(e.getValue())) {
                    continue; // removed, or a UID that names no instance (class, coding scheme) and stays
                }
                String known = forward.putIfAbsent(e.getValue(), now);
                assertTrue(known == null || known.equals(now), "a UID got two replacements at " + e.getKey());
                String back = backward.putIfAbsent(now, e.getValue());
                assertTrue(back == null || back.equals(e.getValue()), "two UIDs got one replacement at " + e.getKey());
                assertTrue(now.startsWith("2.25."), e.getKey());
                pairs++;
            }
        }
        assertTrue(pairs > 300, "UIDs compared: " + pairs);
    }

    @Test
    void rtDoseStillReferencesTheRtPlanItCameFrom() throws Exception {
        Dataset plan = read(out.resolve(outputOf("test_files_rtplan.dcm")));
        Dataset dose = read(out.resolve(outputOf("test_files_rtdose.dcm")));
        Dataset planBefore = read(input.resolve("test_files_rtplan.dcm"));
        Dataset doseBefore = read(input.resolve("test_files_rtdose.dcm"));
        String referencedBefore = doseBefore.getItems(0x300C0002).get(0).getString(0x00081155);
        String referencedAfter = dose.getItems(0x300C0002).get(0).getString(0x00081155);
        assertEquals(referencedBefore.equals(planBefore.getString(Tag.SOP_INSTANCE_UID)),
                referencedAfter.equals(plan.getString(Tag.SOP_INSTANCE_UID)));
        assertNotEquals(referencedBefore, referencedAfter);
    }

    @Test
    void mediaStorageSopInstanceUidIsTheNewSopInstanceUid() throws Exception {
        for (FileReport o : result.files()) {
            DicomFile f = new DicomReader().read(out.resolve(o.output()));
            assertEquals(f.dataset().getString(Tag.SOP_INSTANCE_UID), f.fileMeta().getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID),
                    o.output());
        }
    }

    @Test
    void everyOutputIsMarkedWithTheMethodAndItsOptions() throws Exception {
        for (FileReport o : result.files()) {
            Dataset ds = read(out.resolve(o.output()));
            assertEquals("YES", ds.getString(0x00120062), o.output());
            Set<String> codes = new TreeSet<>();
            for (Dataset item : ds.getItems(0x00120064)) {
                codes.add(item.getString(0x00080100));
            }
            assertTrue(codes.containsAll(List.of("113100", "113107", "113105", "113111")), o.output() + " " + codes);
            assertEquals("MODIFIED", ds.getString(0x00280303), o.output());
            List<Dataset> equipment = ds.getItems(0x0018A001);
            Dataset ours = equipment.get(equipment.size() - 1);
            assertEquals("109104", ours.getItems(0x0040A170).get(0).getString(0x00080100));
        }
    }

    @Test
    void thePatientGetsTheSamePseudonymInEveryFile() throws Exception {
        Set<String> ids = new TreeSet<>();
        for (FileReport o : result.files()) {
            ids.add(read(out.resolve(o.output())).getString(Tag.PATIENT_ID));
        }
        assertEquals(1, ids.size(), ids.toString());
        assertTrue(ids.iterator().next().matches("[0-9A-Z]{12}"));
    }

    @Test
    void dcmdumpReadsEveryOutput() throws Exception {
        Assumptions.assumeTrue(DicomTestFiles.onPath("dcmdump"), "dcmdump not installed (apt-get install dcmtk); CI installs it");
        for (FileReport o : result.files()) {
            Process p = new ProcessBuilder("dcmdump", "-q", out.resolve(o.output()).toString())
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), o.output() + ": " + text.lines().filter(l -> l.startsWith("E:")).toList());
        }
    }

    @Test
    void dciodvfyFindsNoErrorInAnOutputThatItsInputDidNotHave() throws Exception {
        Assumptions.assumeTrue(DicomTestFiles.onPath("dciodvfy"), "dciodvfy not installed (apt-get install dicom3tools); CI installs it");
        Map<String, Set<String>> added = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            Set<String> before = dciodvfyErrors(input.resolve(names.get(i)));
            Set<String> after = dciodvfyErrors(out.resolve(result.files().get(i).output()));
            after.removeAll(before);
            if (!after.isEmpty()) {
                added.put(names.get(i), after);
            }
        }
        assertEquals(Map.of(), added);
    }

    /** dciodvfy's error lines with values and item numbers taken out (UIDs change by design). */
    private static Set<String> dciodvfyErrors(Path file) throws Exception {
        Process p = new ProcessBuilder("dciodvfy", "-new", file.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        Set<String> errors = new TreeSet<>();
        text.lines().filter(l -> l.startsWith("Error")).forEach(l -> errors.add(l.replaceAll("<[^>]*>", "")
                .replaceAll("\\[[0-9]+\\]", "")));
        return errors;
    }

    private String outputOf(String name) {
        return result.files().get(names.indexOf(name)).output();
    }

    private static Dataset read(Path file) throws Exception {
        return new DicomReader().withBulkThreshold(Long.MAX_VALUE).read(file).dataset();
    }

    /** Every UI value of a data set by its tag path (items numbered), for the files' own UIDs and references. */
    private static Map<String, String> uids(Dataset ds) {
        Map<String, String> out = new TreeMap<>();
        collect(ds, "", out);
        return out;
    }

    private static void collect(Dataset ds, String prefix, Map<String, String> out) {
        for (Element e : ds.elements()) {
            String p = prefix + Tag.toString(e.tag());
            if (e.isSequence()) {
                for (int i = 0; i < e.items().size(); i++) {
                    collect(e.items().get(i), p + "[" + i + "]/", out);
                }
            } else if (e.vr() == VR.UI && !Tag.isPrivate(e.tag())) {
                String v = ds.getString(e.tag());
                if (v != null && !v.isBlank()) {
                    out.put(p, v);
                }
            }
        }
    }

    /** An element's value for comparison: its bytes, or its source bytes for a bulk value. */
    private static final class Values {
        static List<Object> of(Element e) throws IOException {
            if (e == null) {
                return List.of();
            }
            if (e.bytes() != null) {
                return List.of(e.vr(), new String(e.bytes(), StandardCharsets.ISO_8859_1));
            }
            if (e.isFragments()) {
                List<Object> parts = new ArrayList<>();
                for (var f : e.fragments()) {
                    parts.add(new String(f.bytes() != null ? f.bytes() : f.bulk().readAll(), StandardCharsets.ISO_8859_1));
                }
                return parts;
            }
            return List.of(e.vr(), new String(e.bulk().readAll(), StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void theKeyFileMapsThePseudonymWrittenBackToThePatientId() throws Exception {
        KeyFileContents keys = KeyFileStore.open(shared.resolve("study.deidkey"), PASSPHRASE);
        String pseudonym = read(out.resolve(result.files().get(0).output())).getString(Tag.PATIENT_ID);
        assertEquals("MRN84736251", keys.entries("patient").get(pseudonym));
        assertTrue(keys.dateOffset(pseudonym).isPresent());
    }
}
