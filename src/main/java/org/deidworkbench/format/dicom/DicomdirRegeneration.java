package org.deidworkbench.format.dicom;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    private final DicomReader reader;
    private final DicomDictionary dictionary = DicomDictionary.standard();

    DicomdirRegeneration(DicomReader reader) {
        this.reader = reader;
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
                write(run, e.getKey(), directory(folderOf(e.getKey().output()), e.getValue()));
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

    private Directory directory(String folder, List<RunOutputs.Output> files) throws IOException, Unlistable {
        if (files.isEmpty()) {
            throw new Unlistable("no DICOM file was written into its folder, so there is nothing to list");
        }
        List<String[]> ids = new ArrayList<>();
        for (RunOutputs.Output f : files) {
            ids.add(fileId(f.output().substring(folder.length()), f.output()));
        }
        Map<String, DicomDirectory.Record> patients = new LinkedHashMap<>();
        Map<String, DicomDirectory.Record> studies = new LinkedHashMap<>();
        Map<String, DicomDirectory.Record> series = new LinkedHashMap<>();
        MessageDigest listed = sha256();
        for (int i = 0; i < files.size(); i++) {
            RunOutputs.Output f = files.get(i);
            try (DicomFile file = reader.read(f.written())) {
                Dataset ds = file.dataset();
                String sopClass = firstOf(ds.getString(Tag.SOP_CLASS_UID),
                        file.fileMeta().getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID));
                String instance = firstOf(ds.getString(Tag.SOP_INSTANCE_UID),
                        file.fileMeta().getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID));
                String study = ds.getString(STUDY_INSTANCE_UID);
                String seriesUid = ds.getString(SERIES_INSTANCE_UID);
                if (instance == null || blank(study) || blank(seriesUid)) {
                    throw new Unlistable("the output '" + f.output() + "' has no SOP Instance, Study Instance or Series"
                            + " Instance UID, which its directory records need");
                }
                boolean pixels = ds.contains(Tag.PIXEL_DATA) || ds.contains(FLOAT_PIXEL_DATA)
                        || ds.contains(DOUBLE_FLOAT_PIXEL_DATA);
                String type = DicomDirectory.recordType(sopClass, pixels).orElseThrow(() -> new Unlistable("the output '"
                        + f.output() + "' is of a kind (" + (sopClass == null ? "no SOP Class" : "SOP Class " + sopClass)
                        + ") this version has no directory record for"));
                String patientId = ds.getString(Tag.PATIENT_ID);
                String patientKey = blank(patientId) ? "" : patientId.strip();
                DicomDirectory.Record patient = patients.get(patientKey);
                if (patient == null) {
                    patient = new DicomDirectory.Record("PATIENT", keys(ds, DicomDirectory.PATIENT_KEYS, f));
                    patients.put(patientKey, patient);
                }
                String studyKey = patientKey + '\n' + study.strip();
                DicomDirectory.Record studyRecord = studies.get(studyKey);
                if (studyRecord == null) {
                    studyRecord = patient.add(new DicomDirectory.Record("STUDY", keys(ds, DicomDirectory.STUDY_KEYS, f)));
                    studies.put(studyKey, studyRecord);
                }
                String seriesKey = studyKey + '\n' + seriesUid.strip();
                DicomDirectory.Record seriesRecord = series.get(seriesKey);
                if (seriesRecord == null) {
                    seriesRecord = studyRecord.add(new DicomDirectory.Record("SERIES",
                            keys(ds, DicomDirectory.SERIES_KEYS, f)));
                    series.put(seriesKey, seriesRecord);
                }
                Dataset keys = keys(ds, DicomDirectory.instanceKeys(type), f);
                keys.putStrings(DicomDirectory.REFERENCED_FILE_ID, VR.CS, ids.get(i));
                keys.putStrings(DicomDirectory.REFERENCED_SOP_CLASS, VR.UI, sopClass.strip());
                keys.putStrings(DicomDirectory.REFERENCED_SOP_INSTANCE, VR.UI, instance.strip());
                keys.putStrings(DicomDirectory.REFERENCED_TRANSFER_SYNTAX, VR.UI, file.transferSyntax().uid());
                seriesRecord.add(new DicomDirectory.Record(type, keys));
                listed.update((String.join("\\", ids.get(i)) + '\0' + instance.strip() + '\n')
                        .getBytes(StandardCharsets.US_ASCII));
            } catch (DicomFormatException e) {
                throw new Unlistable("the output '" + f.output() + "' cannot be read back (" + e.code() + ")");
            }
        }
        // Derived from what is listed, so the same outputs give the same DICOMDIR, and nothing original is in it.
        String uid = "2.25." + new BigInteger(1, Arrays.copyOf(listed.digest(), 16));
        int records = patients.size() + studies.size() + series.size() + files.size();
        return new Directory(DicomDirectory.of(uid, List.copyOf(patients.values())), records, files.size());
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
    private Dataset keys(Dataset ds, List<DicomDirectory.Key> wanted, RunOutputs.Output file) throws Unlistable {
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
            VR vr = e != null ? e.vr() : dictionary.vr(k.tag());
            switch (k.type()) {
                case TYPE_1 -> {
                    String dummy = Dummies.text(vr);
                    if (dummy == null) {
                        throw new Unlistable("the output '" + file.output() + "' has no " + Tag.toString(k.tag())
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
