package org.deidworkbench.format.dicom;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomDictionary;
import org.deidworkbench.dicom.DicomDirectory;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomFormatException;
import org.deidworkbench.dicom.DicomReader;
import org.deidworkbench.dicom.DicomWriter;
import org.deidworkbench.dicom.Element;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.format.FileStats;
import org.deidworkbench.format.FileTasks;
import org.deidworkbench.format.RunOutputs;

/**
 * Makes anew, at the end of a run, each DICOMDIR the input had (they are deferred, never copied):
 * a Basic Directory over the de-identified DICOM files the run wrote into the DICOMDIR's folder and
 * below (a file in a folder with a DICOMDIR of its own belongs to that one), with PATIENT, STUDY,
 * SERIES and instance records whose keys are read back from the written files, so the directory
 * holds exactly their de-identified values. Type 1 keys a file has no value for (a date the profile
 * removed) get the PS3.15 dummy of their VR. The Media Storage SOP Instance UID is derived from the
 * listed files, so the same outputs give the same bytes.
 *
 * <p>A DICOMDIR is made only where it can be valid; otherwise it stays withheld with
 * {@value #NOT_REGENERATED} and the reason: every listed file's output name, relative to the
 * DICOMDIR's folder, must be a File ID (PS3.10 §8.2: at most 8 components of 1–8 characters A–Z,
 * 0–9, _, as ISO 9660 media require), every file must be of a kind a directory record exists for
 * here (images, structured reports, key object selections, RT dose, structure sets and plans), and
 * at least one file must have been written. Names are never shortened or renamed to fit: the output
 * mirrors the input, and a DICOMDIR that points at renamed files would not be the input's. Holds
 * the directory (about 250 bytes per file) in memory while it is written. Not thread-safe.
 */
final class DicomdirRegeneration {

    /** Code of a DICOMDIR that was not made anew (and so is not in the output at all). */
    static final String NOT_REGENERATED = "DICOM-DICOMDIR-NOT-REGENERATED";

    private static final int STUDY_INSTANCE_UID = 0x0020000D;
    private static final int SERIES_INSTANCE_UID = 0x0020000E;
    private static final int FLOAT_PIXEL_DATA = 0x7FE00008;
    private static final int DOUBLE_FLOAT_PIXEL_DATA = 0x7FE00009;

    DicomdirRegeneration() {
    }

    /** A file that cannot be listed, and why (free of values; names files by output name only). */
    private static final class Unlistable extends Exception {
        private static final long serialVersionUID = 1L;

        Unlistable(String why) {
            super(why, null, false, false);
        }
    }

    /** Makes or withholds every deferred DICOMDIR of the run. */
    void finish(RunOutputs run) throws IOException {
        List<RunOutputs.Output> all = run.outputs();
        Map<RunOutputs.Output, List<RunOutputs.Output>> members = new LinkedHashMap<>();
        all.stream().filter(RunOutputs.Output::deferred).forEach(d -> members.put(d, new ArrayList<>()));
        if (members.isEmpty()) {
            return;
        }
        List<RunOutputs.Output> written = all.stream().filter(o -> o.written() != null)
                .sorted(Comparator.comparing(RunOutputs.Output::output)).toList();
        for (RunOutputs.Output o : written) {
            RunOutputs.Output owner = null;
            for (RunOutputs.Output d : members.keySet()) {
                String folder = folderOf(d.output());
                if (o.output().startsWith(folder) && (owner == null || folder.length() > folderOf(owner.output()).length())) {
                    owner = d;
                }
            }
            if (owner != null) {
                members.get(owner).add(o);
            }
        }
        for (Map.Entry<RunOutputs.Output, List<RunOutputs.Output>> e : members.entrySet()) {
            try {
                write(run, e.getKey(), directory(run, folderOf(e.getKey().output()), e.getValue()));
            } catch (Unlistable u) {
                run.withhold(e.getKey(), NOT_REGENERATED, u.getMessage());
            }
        }
    }

    /** The folder part of an output name, with its trailing slash; empty at the top. */
    private static String folderOf(String output) {
        return output.substring(0, output.lastIndexOf('/') + 1);
    }

    /** The records of one directory, ready to write, and how many there are. */
    private record Directory(DicomFile file, int records, int files) {
    }

    private static void write(RunOutputs run, RunOutputs.Output dicomdir, Directory d) throws IOException {
        TreeMap<String, Long> counts = new TreeMap<>();
        counts.put("dicomdir (regenerated)", (long) d.files());
        run.write(dicomdir, out -> {
            try {
                new DicomWriter().write(d.file(), out);
            } catch (DicomFormatException e) {
                throw new IOException("the regenerated DICOMDIR cannot be encoded (" + e.code() + ")", e);
            }
        }, new FileStats(d.records(), counts, List.of(), 0, List.of()));
    }

    private Directory directory(RunOutputs run, String folder, List<RunOutputs.Output> files)
            throws IOException, Unlistable {
        if (files.isEmpty()) {
            throw new Unlistable("no DICOM file was written into its folder, so there is nothing to list");
        }
        List<String[]> ids = new ArrayList<>();
        for (RunOutputs.Output f : files) {
            ids.add(fileId(f.output().substring(folder.length()), f.output()));
        }
        // Each file's record keys are read back where the run's per-file pieces run (its threads, or a
        // cluster's executors: decision 0041), one small entry per file; the directory is made here.
        List<FileTasks.Task<Entry>> reads = new ArrayList<>();
        for (RunOutputs.Output f : files) {
            reads.add(FileTasks.Task.reading(f.written().toString(), readBack(
                    f.written().toString(), f.output())));
        }
        List<Entry> entries;
        try {
            entries = run.tasks().run(reads, () -> false);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        Map<String, DicomDirectory.Record> patients = new LinkedHashMap<>();
        Map<String, DicomDirectory.Record> studies = new LinkedHashMap<>();
        Map<String, DicomDirectory.Record> series = new LinkedHashMap<>();
        MessageDigest listed = sha256();
        for (int i = 0; i < files.size(); i++) {
            Entry e = entries.get(i);
            if (e.unlistable != null) {
                throw new Unlistable(e.unlistable);
            }
            DicomDirectory.Record patient = patients.get(e.patientKey);
            if (patient == null) {
                e.failIf(0);
                patient = new DicomDirectory.Record("PATIENT", e.patientKeys);
                patients.put(e.patientKey, patient);
            }
            String studyKey = e.patientKey + '\n' + e.study;
            DicomDirectory.Record studyRecord = studies.get(studyKey);
            if (studyRecord == null) {
                e.failIf(1);
                studyRecord = patient.add(new DicomDirectory.Record("STUDY", e.studyKeys));
                studies.put(studyKey, studyRecord);
            }
            String seriesKey = studyKey + '\n' + e.series;
            DicomDirectory.Record seriesRecord = series.get(seriesKey);
            if (seriesRecord == null) {
                e.failIf(2);
                seriesRecord = studyRecord.add(new DicomDirectory.Record("SERIES", e.seriesKeys));
                series.put(seriesKey, seriesRecord);
            }
            e.failIf(3);
            Dataset keys = e.instanceKeys;
            keys.putStrings(DicomDirectory.REFERENCED_FILE_ID, VR.CS, ids.get(i));
            keys.putStrings(DicomDirectory.REFERENCED_SOP_CLASS, VR.UI, e.sopClass);
            keys.putStrings(DicomDirectory.REFERENCED_SOP_INSTANCE, VR.UI, e.instance);
            keys.putStrings(DicomDirectory.REFERENCED_TRANSFER_SYNTAX, VR.UI, e.transferSyntax);
            seriesRecord.add(new DicomDirectory.Record(e.type, keys));
            listed.update((String.join("\\", ids.get(i)) + '\0' + e.instance + '\n')
                    .getBytes(StandardCharsets.US_ASCII));
        }
        // Derived from what is listed, so the same outputs give the same DICOMDIR, and nothing original is in it.
        String uid = "2.25." + new BigInteger(1, Arrays.copyOf(listed.digest(), 16));
        int records = patients.size() + studies.size() + series.size() + files.size();
        return new Directory(DicomDirectory.of(uid, List.copyOf(patients.values())), records, files.size());
    }

    /**
     * What a written file gives its directory records: the keys of each level (read back from the file,
     * with dummies where the profile removed a Type 1 value) and the values the records are grouped by;
     * or why it cannot be listed. Serializable (the data sets as their elements), so that it can be read
     * where the file is, about 250 bytes.
     */
    static final class Entry implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        String unlistable;
        String sopClass;
        String instance;
        String study;
        String series;
        String patientKey;
        String type;
        String transferSyntax;
        /** Why each level's keys (patient, study, series, instance) cannot be made, or null. */
        String[] fails;
        transient Dataset patientKeys;
        transient Dataset studyKeys;
        transient Dataset seriesKeys;
        transient Dataset instanceKeys;

        /** Throws why the keys of {@code level} cannot be made, if they cannot. */
        void failIf(int level) throws Unlistable {
            if (fails[level] != null) {
                throw new Unlistable(fails[level]);
            }
        }

        private void writeObject(java.io.ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            for (Dataset ds : Arrays.asList(patientKeys, studyKeys, seriesKeys, instanceKeys)) {
                KeysCodec.write(out, ds);
            }
        }

        private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            patientKeys = KeysCodec.read(in);
            studyKeys = KeysCodec.read(in);
            seriesKeys = KeysCodec.read(in);
            instanceKeys = KeysCodec.read(in);
        }
    }

    /** Reads one written file's entry back; runs where {@link RunOutputs#tasks()} puts it. */
    private static FileTasks.Task<Entry> readBack(String written, String output) {
        return cancelled -> {
            Entry e = new Entry();
            Path spool = null;
            try {
                spool = Files.createTempDirectory("deid-dicomdir-");
                try (DicomFile file = new DicomReader().withSpool(spool, DicomReader.DEFAULT_SPOOL_LIMIT)
                        .read(Path.of(written))) {
                    read(file, output, e);
                }
            } catch (DicomFormatException ex) {
                e.unlistable = "the output '" + output + "' cannot be read back (" + ex.code() + ")";
            } catch (Unlistable u) {
                e.unlistable = u.getMessage();
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            } finally {
                if (spool != null) {
                    deleteQuietly(spool);
                }
            }
            return e;
        };
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException ex) {
            // a spool folder of de-identified output under java.io.tmpdir; nothing original in it
        }
    }

    private static void read(DicomFile file, String output, Entry e) throws Unlistable {
        Dataset ds = file.dataset();
        String sopClass = firstOf(ds.getString(Tag.SOP_CLASS_UID),
                file.fileMeta().getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID));
        String instance = firstOf(ds.getString(Tag.SOP_INSTANCE_UID),
                file.fileMeta().getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID));
        String study = ds.getString(STUDY_INSTANCE_UID);
        String seriesUid = ds.getString(SERIES_INSTANCE_UID);
        if (instance == null || blank(study) || blank(seriesUid)) {
            throw new Unlistable("the output '" + output + "' has no SOP Instance, Study Instance or Series"
                    + " Instance UID, which its directory records need");
        }
        boolean pixels = ds.contains(Tag.PIXEL_DATA) || ds.contains(FLOAT_PIXEL_DATA)
                || ds.contains(DOUBLE_FLOAT_PIXEL_DATA);
        String type = DicomDirectory.recordType(sopClass, pixels).orElseThrow(() -> new Unlistable("the output '"
                + output + "' is of a kind (" + (sopClass == null ? "no SOP Class" : "SOP Class " + sopClass)
                + ") this version has no directory record for"));
        String patientId = ds.getString(Tag.PATIENT_ID);
        e.patientKey = blank(patientId) ? "" : patientId.strip();
        e.study = study.strip();
        e.series = seriesUid.strip();
        e.sopClass = sopClass.strip();
        e.instance = instance.strip();
        e.type = type;
        e.transferSyntax = file.transferSyntax().uid();
        // A level's keys count only where this file makes that level's record (the first file of a patient,
        // study, series): why they cannot be made is kept, and said only then.
        e.fails = new String[4];
        Dataset[] keys = new Dataset[4];
        List<List<DicomDirectory.Key>> wanted = List.of(DicomDirectory.PATIENT_KEYS, DicomDirectory.STUDY_KEYS,
                DicomDirectory.SERIES_KEYS, DicomDirectory.instanceKeys(type));
        for (int level = 0; level < 4; level++) {
            try {
                keys[level] = keys(ds, wanted.get(level), output);
            } catch (Unlistable u) {
                e.fails[level] = u.getMessage();
            }
        }
        e.patientKeys = keys[0];
        e.studyKeys = keys[1];
        e.seriesKeys = keys[2];
        e.instanceKeys = keys[3];
    }

    /** The components of an output name relative to the DICOMDIR's folder, when they form a File ID. */
    private static String[] fileId(String relative, String output) throws Unlistable {
        String[] components = relative.split("/");
        boolean fits = components.length <= DicomDirectory.MAX_FILE_ID_COMPONENTS
                && Arrays.stream(components).allMatch(DicomDirectory::isFileIdComponent);
        if (!fits) {
            throw new Unlistable("the output '" + output + "' has no DICOM File ID (PS3.10 8.2: at most 8 folder and"
                    + " file names of 1 to 8 characters A-Z, 0-9 or _, relative to the DICOMDIR), so no DICOMDIR can"
                    + " list it; inputs named as on DICOM media (e.g. DICOM/ST000001/SE000001/IM000001) keep theirs");
        }
        return components;
    }

    /**
     * A record's keys from a written file: Type 1 keys with their value, or the PS3.15 dummy of
     * their VR when the file has none; Type 1C keys when the file has a value; Type 2 keys as the
     * file has them, or empty.
     */
    private static Dataset keys(Dataset ds, List<DicomDirectory.Key> wanted, String output) throws Unlistable {
        Dataset keys = new Dataset();
        for (DicomDirectory.Key k : wanted) {
            Element e = ds.get(k.tag());
            boolean valued = e != null && (e.isSequence() ? !e.items().isEmpty()
                    : e.bytes() != null && (e.vr().isText() ? !blank(ds.getString(k.tag())) : e.bytes().length > 0));
            if (valued) {
                keys.put(e.isSequence() ? Element.ofSequence(e.tag(), e.vr(),
                        new ArrayList<>(e.items().stream().map(Dataset::copy).toList()), e.undefinedLength()) : e);
                continue;
            }
            VR vr = e != null ? e.vr() : DicomDictionary.standard().vr(k.tag());
            switch (k.type()) {
                case TYPE_1 -> {
                    String dummy = Dummies.text(vr);
                    if (dummy == null) {
                        throw new Unlistable("the output '" + output + "' has no " + Tag.toString(k.tag())
                                + ", which its directory record requires");
                    }
                    keys.putStrings(k.tag(), vr, dummy);
                }
                case TYPE_2 -> keys.put(Element.ofBytes(k.tag(), vr, new byte[0]));
                case TYPE_1C -> {
                    // only written when the file has a value
                }
                default -> throw new IllegalStateException("unhandled key type " + k.type());
            }
        }
        return keys;
    }

    private static String firstOf(String a, String b) {
        return !blank(a) ? a : blank(b) ? null : b;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
