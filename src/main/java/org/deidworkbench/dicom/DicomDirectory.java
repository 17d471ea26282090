package org.deidworkbench.dicom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes a DICOMDIR (PS3.10 §7–8, PS3.3 Annex F): the Basic Directory IOD as a tree of directory
 * records (PATIENT → STUDY → SERIES → IMAGE, SR DOCUMENT, …), each record linked to its next sibling
 * and its first child by byte offsets that {@link DicomWriter} computes as it writes. Also the rules
 * a File-set puts on names (File IDs) and which record type and keys each kind of instance gets.
 * Knows nothing of where the keys' values come from. Stateless and thread-safe.
 */
public final class DicomDirectory {

    /** Media Storage Directory Storage, the SOP Class of a DICOMDIR. */
    public static final String SOP_CLASS = "1.2.840.10008.1.3.10";
    /** The most components a File ID may have (PS3.10 §8.2). */
    public static final int MAX_FILE_ID_COMPONENTS = 8;

    static final int FILE_SET_ID = 0x00041130;
    static final int FIRST_ROOT_RECORD = 0x00041200;
    static final int LAST_ROOT_RECORD = 0x00041202;
    static final int CONSISTENCY_FLAG = 0x00041212;
    static final int RECORD_SEQUENCE = 0x00041220;
    static final int NEXT_RECORD = 0x00041400;
    static final int IN_USE = 0x00041410;
    static final int LOWER_RECORD = 0x00041420;
    static final int RECORD_TYPE = 0x00041430;
    /** Referenced File ID (0004,1500). */
    public static final int REFERENCED_FILE_ID = 0x00041500;
    /** Referenced SOP Class UID in File (0004,1510). */
    public static final int REFERENCED_SOP_CLASS = 0x00041510;
    /** Referenced SOP Instance UID in File (0004,1511). */
    public static final int REFERENCED_SOP_INSTANCE = 0x00041511;
    /** Referenced Transfer Syntax UID in File (0004,1512). */
    public static final int REFERENCED_TRANSFER_SYNTAX = 0x00041512;

    /** A File ID component: 1 to 8 of A–Z, 0–9 and underscore (PS3.10 §8.2, from ISO 9660). */
    private static final Pattern FILE_ID_COMPONENT = Pattern.compile("[A-Z0-9_]{1,8}");

    /** Type 1 (must have a value), 1C (when present, a value) or 2 (present, may be empty) of a record key. */
    public enum KeyType {
        /** Required with a value. */
        TYPE_1,
        /** Required with a value under a condition; written when the file has it. */
        TYPE_1C,
        /** Required, may be empty. */
        TYPE_2
    }

    /**
     * One key of a directory record (PS3.3 F.5).
     *
     * @param tag the attribute
     * @param type what the record requires of it
     */
    public record Key(int tag, KeyType type) {
    }

    private static final int SPECIFIC_CHARACTER_SET = Tag.SPECIFIC_CHARACTER_SET;
    private static final int INSTANCE_NUMBER = 0x00200013;
    private static final int CONTENT_DATE = 0x00080023;
    private static final int CONTENT_TIME = 0x00080033;
    private static final int CONCEPT_NAME_CODES = 0x0040A043;

    /** Keys of the PATIENT record (PS3.3 Table F.5-1). */
    public static final List<Key> PATIENT_KEYS = List.of(new Key(SPECIFIC_CHARACTER_SET, KeyType.TYPE_1C),
            new Key(Tag.PATIENT_NAME, KeyType.TYPE_2), new Key(Tag.PATIENT_ID, KeyType.TYPE_1));
    /** Keys of the STUDY record (PS3.3 Table F.5-2); Study Instance UID is written always. */
    public static final List<Key> STUDY_KEYS = List.of(new Key(SPECIFIC_CHARACTER_SET, KeyType.TYPE_1C),
            new Key(0x00080020, KeyType.TYPE_1), new Key(0x00080030, KeyType.TYPE_1),
            new Key(0x00080050, KeyType.TYPE_2), new Key(0x00081030, KeyType.TYPE_2),
            new Key(0x0020000D, KeyType.TYPE_1), new Key(0x00200010, KeyType.TYPE_1));
    /** Keys of the SERIES record (PS3.3 Table F.5-3). */
    public static final List<Key> SERIES_KEYS = List.of(new Key(SPECIFIC_CHARACTER_SET, KeyType.TYPE_1C),
            new Key(0x00080060, KeyType.TYPE_1), new Key(0x0020000E, KeyType.TYPE_1),
            new Key(0x00200011, KeyType.TYPE_1));

    /** Record types of instances this class can index, with their keys (PS3.3 F.5), by type name. */
    private static final java.util.Map<String, List<Key>> INSTANCE_KEYS = java.util.Map.of(
            "IMAGE", List.of(new Key(SPECIFIC_CHARACTER_SET, KeyType.TYPE_1C), new Key(INSTANCE_NUMBER, KeyType.TYPE_1)),
            "RT DOSE", List.of(new Key(SPECIFIC_CHARACTER_SET, KeyType.TYPE_1C),
                    new Key(INSTANCE_NUMBER, KeyType.TYPE_1), new Key(0x3004000A, KeyType.TYPE_1)),
            "RT STRUCTURE SET", List.of(new Key(SPECIFIC_CHARACTER_SET, KeyType.TYPE_1C),
                    new Key(INSTANCE_NUMBER, KeyType.TYPE_1), new Key(0x30060002, KeyType.TYPE_1),
                    new Key(0x30060008, KeyType.TYPE_2), new Key(0x30060009, KeyType.TYPE_2)),
            "RT PLAN", List.of(new Key(SPECIFIC_CHARACTER_SET, KeyType.TYPE_1C),
                    new Key(INSTANCE_NUMBER, KeyType.TYPE_1), new Key(0x300A0002, KeyType.TYPE_1),
                    new Key(0x300A0006, KeyType.TYPE_2), new Key(0x300A0007, KeyType.TYPE_2)),
            "SR DOCUMENT", List.of(new Key(SPECIFIC_CHARACTER_SET, KeyType.TYPE_1C),
                    new Key(CONTENT_DATE, KeyType.TYPE_1), new Key(CONTENT_TIME, KeyType.TYPE_1),
                    new Key(INSTANCE_NUMBER, KeyType.TYPE_1), new Key(0x0040A030, KeyType.TYPE_1C),
                    new Key(CONCEPT_NAME_CODES, KeyType.TYPE_1), new Key(0x0040A491, KeyType.TYPE_1),
                    new Key(0x0040A493, KeyType.TYPE_1)),
            "KEY OBJECT DOC", List.of(new Key(SPECIFIC_CHARACTER_SET, KeyType.TYPE_1C),
                    new Key(CONTENT_DATE, KeyType.TYPE_1), new Key(CONTENT_TIME, KeyType.TYPE_1),
                    new Key(INSTANCE_NUMBER, KeyType.TYPE_1), new Key(CONCEPT_NAME_CODES, KeyType.TYPE_1)),
            "WAVEFORM", List.of(new Key(SPECIFIC_CHARACTER_SET, KeyType.TYPE_1C),
                    new Key(INSTANCE_NUMBER, KeyType.TYPE_1), new Key(CONTENT_DATE, KeyType.TYPE_1),
                    new Key(CONTENT_TIME, KeyType.TYPE_1)),
            // Presentation Creation Date and Time, Content Label, Description and Creator's Name, Referenced
            // Series and Blending Sequences
            "PRESENTATION", List.of(new Key(SPECIFIC_CHARACTER_SET, KeyType.TYPE_1C),
                    new Key(0x00700082, KeyType.TYPE_1), new Key(0x00700083, KeyType.TYPE_1),
                    new Key(INSTANCE_NUMBER, KeyType.TYPE_1), new Key(0x00700080, KeyType.TYPE_1),
                    new Key(0x00700081, KeyType.TYPE_2), new Key(0x00700084, KeyType.TYPE_2),
                    new Key(0x00081115, KeyType.TYPE_1C), new Key(0x00700402, KeyType.TYPE_1C)),
            // Treatment Date and Time
            "RT TREAT RECORD", List.of(new Key(SPECIFIC_CHARACTER_SET, KeyType.TYPE_1C),
                    new Key(INSTANCE_NUMBER, KeyType.TYPE_1), new Key(0x30080250, KeyType.TYPE_2),
                    new Key(0x30080251, KeyType.TYPE_2)));

    private static final String STORAGE = "1.2.840.10008.5.1.4.1.1.";

    private DicomDirectory() {
    }

    /**
     * One directory record: its type, its keys (copied into the record as they are) and the records
     * of the level below, in the order they are listed. Mutable; not thread-safe.
     */
    public static final class Record {
        private final String type;
        private final Dataset keys;
        private final List<Record> children = new ArrayList<>();

        /**
         * @param type the Directory Record Type, e.g. {@code PATIENT}
         * @param keys the record's keys and, for an instance, its Referenced File ID, SOP Class, SOP
         *     Instance and Transfer Syntax UIDs in File
         */
        public Record(String type, Dataset keys) {
            this.type = Objects.requireNonNull(type, "type");
            this.keys = Objects.requireNonNull(keys, "keys");
        }

        /** Adds a record one level below and returns it. */
        public Record add(Record child) {
            children.add(Objects.requireNonNull(child, "child"));
            return child;
        }

        /** The Directory Record Type. */
        public String type() {
            return type;
        }

        /** The records one level below (unmodifiable view). */
        public List<Record> children() {
            return Collections.unmodifiableList(children);
        }
    }

    /** Whether {@code component} may be one component of a File ID (1–8 of A–Z, 0–9, _). */
    public static boolean isFileIdComponent(String component) {
        return FILE_ID_COMPONENT.matcher(component).matches();
    }

    /**
     * The record type an instance gets (PS3.3 Table F.4-1) and so which keys it needs, for the kinds
     * this class indexes: RT Dose, Structure Set, (Ion) Plan and treatment records, Key Object Selection,
     * structured reports, waveforms, presentation states, and every other storage class whose instances
     * carry pixel data (IMAGE). Empty for other kinds (raw data, spectroscopy, encapsulated documents, …).
     */
    public static Optional<String> recordType(String sopClass, boolean hasPixelData) {
        if (sopClass == null) {
            return Optional.empty();
        }
        String c = sopClass.strip();
        if (c.equals(STORAGE + "481.2")) {
            return Optional.of("RT DOSE");
        }
        if (c.equals(STORAGE + "481.3")) {
            return Optional.of("RT STRUCTURE SET");
        }
        if (c.equals(STORAGE + "481.5") || c.equals(STORAGE + "481.8")) {
            return Optional.of("RT PLAN");
        }
        if (c.equals(STORAGE + "481.4") || c.equals(STORAGE + "481.6") || c.equals(STORAGE + "481.7")
                || c.equals(STORAGE + "481.9")) {
            return Optional.of("RT TREAT RECORD");
        }
        if (c.startsWith(STORAGE + "9.")) {
            return Optional.of("WAVEFORM"); // ECG, hemodynamic, EEG, audio, … (PS3.4 Annex B's 1.1.9.x)
        }
        if (c.startsWith(STORAGE + "11.")) {
            return Optional.of("PRESENTATION"); // grayscale, colour, blending, volumetric presentation states
        }
        if (c.equals(STORAGE + "88.59")) {
            return Optional.of("KEY OBJECT DOC");
        }
        if (c.startsWith(STORAGE + "88.")) {
            return Optional.of("SR DOCUMENT");
        }
        return hasPixelData && c.startsWith(STORAGE) ? Optional.of("IMAGE") : Optional.empty();
    }

    /** The keys of an instance record type returned by {@link #recordType}. */
    public static List<Key> instanceKeys(String recordType) {
        List<Key> keys = INSTANCE_KEYS.get(recordType);
        if (keys == null) {
            throw new IllegalArgumentException("not an instance record type this class indexes: " + recordType);
        }
        return keys;
    }

    /**
     * The DICOMDIR of {@code roots} (usually PATIENT records), to be written with {@link DicomWriter}
     * in Explicit VR Little Endian: the records depth first (each parent before its children, as
     * dcmmkdir writes them), every one in use, the File-set ID empty and the File-set consistent.
     *
     * @param instanceUid its Media Storage SOP Instance UID
     */
    public static DicomFile of(String instanceUid, List<Record> roots) {
        List<Dataset> items = new ArrayList<>();
        long[] first = linkAll(roots, items);
        Dataset ds = new Dataset();
        ds.putStrings(FILE_SET_ID, VR.CS);
        ds.putLongs(FIRST_ROOT_RECORD, VR.UL, first[0]);
        ds.putLongs(LAST_ROOT_RECORD, VR.UL, first[1]);
        ds.putLongs(CONSISTENCY_FLAG, VR.US, 0);
        ds.put(Element.ofSequence(RECORD_SEQUENCE, VR.SQ, items, false));
        Dataset meta = new Dataset();
        meta.putStrings(Tag.MEDIA_STORAGE_SOP_CLASS_UID, VR.UI, SOP_CLASS);
        meta.putStrings(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID, VR.UI, instanceUid);
        return new DicomFile(meta, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    /**
     * Appends the items of {@code records} and their descendants to {@code items}, depth first, and
     * returns the numbers of the first and last of {@code records} (0, 0 when there are none).
     * An item's number (its place in the sequence + 1) stands for its offset: the writer replaces
     * each by the byte offset of that item in the file it writes (see its directory offsets).
     */
    private static long[] linkAll(List<Record> records, List<Dataset> items) {
        long firstNumber = 0;
        long lastNumber = 0;
        Dataset previous = null;
        for (Record r : records) {
            Dataset item = new Dataset();
            item.undefinedLength(false);
            items.add(item);
            long number = items.size();
            item.sourceOffset(number);
            if (previous != null) {
                previous.putLongs(NEXT_RECORD, VR.UL, number);
            } else {
                firstNumber = number;
            }
            lastNumber = number;
            item.putLongs(NEXT_RECORD, VR.UL, 0);
            item.putLongs(IN_USE, VR.US, 0xFFFF);
            item.putStrings(RECORD_TYPE, VR.CS, r.type);
            for (Element e : r.keys.copy().elements()) {
                item.put(e);
            }
            long[] below = linkAll(r.children, items);
            item.putLongs(LOWER_RECORD, VR.UL, below[0]);
            previous = item;
        }
        return new long[] {firstNumber, lastNumber};
    }
}
