package org.deidworkbench.dicom;


/**
 * DICOM attribute tags as {@code int} (group in the high 16 bits): constants for the tags the codec
 * itself needs, and helpers for groups, private blocks and the {@code (gggg,eeee)} notation.
 * Tags compare as unsigned integers, which is DICOM's data set order.
 */
public final class Tag {

    /** (0002,0000) File Meta Information Group Length. */
    public static final int FILE_META_GROUP_LENGTH = 0x00020000;
    /** (0002,0001) File Meta Information Version. */
    public static final int FILE_META_VERSION = 0x00020001;
    /** (0002,0002) Media Storage SOP Class UID. */
    public static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
    /** (0002,0003) Media Storage SOP Instance UID. */
    public static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
    /** (0002,0010) Transfer Syntax UID. */
    public static final int TRANSFER_SYNTAX_UID = 0x00020010;
    /** (0002,0012) Implementation Class UID. */
    public static final int IMPLEMENTATION_CLASS_UID = 0x00020012;
    /** (0002,0013) Implementation Version Name. */
    public static final int IMPLEMENTATION_VERSION_NAME = 0x00020013;
    /** (0008,0005) Specific Character Set. */
    public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    /** (0008,0016) SOP Class UID. */
    public static final int SOP_CLASS_UID = 0x00080016;
    /** (0008,0018) SOP Instance UID. */
    public static final int SOP_INSTANCE_UID = 0x00080018;
    /** (0010,0010) Patient's Name. */
    public static final int PATIENT_NAME = 0x00100010;
    /** (0010,0020) Patient ID. */
    public static final int PATIENT_ID = 0x00100020;
    /** (0028,0100) Bits Allocated. */
    public static final int BITS_ALLOCATED = 0x00280100;
    /** (0028,0103) Pixel Representation. */
    public static final int PIXEL_REPRESENTATION = 0x00280103;
    /** (7FE0,0010) Pixel Data. */
    public static final int PIXEL_DATA = 0x7FE00010;
    /** (FFFE,E000) Item. */
    public static final int ITEM = 0xFFFEE000;
    /** (FFFE,E00D) Item Delimitation Item. */
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    /** (FFFE,E0DD) Sequence Delimitation Item. */
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    private Tag() {
    }

    /** The tag for a group and element number (each 0..0xFFFF). */
    public static int of(int group, int element) {
        if ((group & ~0xFFFF) != 0 || (element & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("group and element must be 16-bit numbers");
        }
        return group << 16 | element;
    }

    /** The group number. */
    public static int group(int tag) {
        return tag >>> 16;
    }

    /** The element number. */
    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** True for tags in an odd group other than 0001, 0003, 0005, 0007 and FFFF (PS3.5 §7.8.1). */
    public static boolean isPrivate(int tag) {
        int g = group(tag);
        return (g & 1) == 1 && g > 0x0007 && g != 0xFFFF;
    }

    /** True for a private creator element (gggg,0010)-(gggg,00FF) in a private group. */
    public static boolean isPrivateCreator(int tag) {
        int e = element(tag);
        return isPrivate(tag) && e >= 0x0010 && e <= 0x00FF;
    }

    /** True for private data elements (gggg,1000)-(gggg,FFFF) that belong to a reserved block. */
    public static boolean isPrivateData(int tag) {
        return isPrivate(tag) && element(tag) >= 0x1000;
    }

    /** The private creator tag that reserves the block of a private data element. */
    public static int privateCreatorOf(int tag) {
        if (!isPrivateData(tag)) {
            throw new IllegalArgumentException("not a private data element: " + toString(tag));
        }
        return (tag & 0xFFFF0000) | (element(tag) >>> 8);
    }

    /** True for group length elements (gggg,0000). */
    public static boolean isGroupLength(int tag) {
        return element(tag) == 0;
    }

    /** Orders tags as unsigned numbers, i.e. in DICOM data set order. */
    public static int compare(int a, int b) {
        return Integer.compareUnsigned(a, b);
    }

    /** {@code (GGGG,EEEE)} in upper-case hex, as dcmdump prints it. */
    public static String toString(int tag) {
        // Called for every element a run walks (paths, counters): no Formatter.
        char[] c = new char[11];
        c[0] = '(';
        c[5] = ',';
        c[10] = ')';
        for (int i = 0; i < 8; i++) {
            c[i < 4 ? 1 + i : 2 + i] = HEX[tag >>> (28 - 4 * i) & 0xF];
        }
        return new String(c);
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * Parses {@code (gggg,eeee)}, {@code gggg,eeee} or {@code ggggeeee} (hex, any case).
     *
     * @throws IllegalArgumentException when the text is not a tag
     */
    public static int parse(String text) {
        String t = text.strip();
        if (t.startsWith("(") && t.endsWith(")")) {
            t = t.substring(1, t.length() - 1);
        }
        t = t.replace(",", "");
        if (t.length() != 8) {
            throw new IllegalArgumentException("not a DICOM tag (expected 8 hex digits)");
        }
        try {
            return (int) Long.parseLong(t, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a DICOM tag (expected 8 hex digits)", e);
        }
    }
}
