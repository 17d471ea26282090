package org.deidworkbench.dicom;

/**
 * DICOM value representations (PS3.5 §6.2) with the encoding facts the codec needs: header form in
 * explicit VR, padding byte, byte-swap unit and whether the value is text in the specific
 * character set.
 */
public enum VR {
    AE(Kind.STRING, false, 0x20, 1, false, 16),
    AS(Kind.STRING, false, 0x20, 1, false, 4),
    AT(Kind.BINARY, false, 0x00, 2, false, 4),
    CS(Kind.STRING, false, 0x20, 1, false, 16),
    DA(Kind.STRING, false, 0x20, 1, false, 18),
    DS(Kind.STRING, false, 0x20, 1, false, 16),
    DT(Kind.STRING, false, 0x20, 1, false, 54),
    FD(Kind.BINARY, false, 0x00, 8, false, 8),
    FL(Kind.BINARY, false, 0x00, 4, false, 4),
    IS(Kind.STRING, false, 0x20, 1, false, 12),
    LO(Kind.STRING, false, 0x20, 1, true, 64),
    LT(Kind.TEXT, false, 0x20, 1, true, 10240),
    OB(Kind.BULK, true, 0x00, 1, false, 0),
    OD(Kind.BULK, true, 0x00, 8, false, 0),
    OF(Kind.BULK, true, 0x00, 4, false, 0),
    OL(Kind.BULK, true, 0x00, 4, false, 0),
    OV(Kind.BULK, true, 0x00, 8, false, 0),
    OW(Kind.BULK, true, 0x00, 2, false, 0),
    PN(Kind.STRING, false, 0x20, 1, true, 64),
    SH(Kind.STRING, false, 0x20, 1, true, 16),
    SL(Kind.BINARY, false, 0x00, 4, false, 4),
    SQ(Kind.SEQUENCE, true, 0x00, 1, false, 0),
    SS(Kind.BINARY, false, 0x00, 2, false, 2),
    ST(Kind.TEXT, false, 0x20, 1, true, 1024),
    SV(Kind.BINARY, true, 0x00, 8, false, 8),
    TM(Kind.STRING, false, 0x20, 1, false, 28),
    UC(Kind.STRING, true, 0x20, 1, true, 0),
    UI(Kind.STRING, false, 0x00, 1, false, 64),
    UL(Kind.BINARY, false, 0x00, 4, false, 4),
    UN(Kind.BULK, true, 0x00, 1, false, 0),
    UR(Kind.TEXT, true, 0x20, 1, false, 0),
    US(Kind.BINARY, false, 0x00, 2, false, 2),
    UT(Kind.TEXT, true, 0x20, 1, true, 0),
    UV(Kind.BINARY, true, 0x00, 8, false, 8);

    /** What a value of this VR is made of. */
    public enum Kind {
        /** Text, multi-valued with backslash separators. */
        STRING,
        /** Text, single-valued; a backslash is an ordinary character. */
        TEXT,
        /** Fixed-size binary numbers (or tags for AT). */
        BINARY,
        /** Byte or word streams that may be large (pixel data and friends). */
        BULK,
        /** A sequence of items. */
        SEQUENCE
    }

    private final Kind kind;
    private final boolean longHeader;
    private final int paddingByte;
    private final int swapUnit;
    private final boolean characterSetText;
    private final int maxLength;

    VR(Kind kind, boolean longHeader, int paddingByte, int swapUnit, boolean characterSetText, int maxLength) {
        this.kind = kind;
        this.longHeader = longHeader;
        this.paddingByte = paddingByte;
        this.swapUnit = swapUnit;
        this.characterSetText = characterSetText;
        this.maxLength = maxLength;
    }

    /** The kind of value. */
    public Kind kind() {
        return kind;
    }

    /** True for text VRs (STRING or TEXT kind). */
    public boolean isText() {
        return kind == Kind.STRING || kind == Kind.TEXT;
    }

    /** True when explicit VR encoding uses 2 reserved bytes and a 4-byte length (PS3.5 Table 7.1-1). */
    public boolean hasLongHeader() {
        return longHeader;
    }

    /** The byte appended to make an odd-length value even: space for text, NUL for UI and binary. */
    public int paddingByte() {
        return paddingByte;
    }

    /** Size in bytes of the unit that is byte-swapped between little and big endian (1 = never). */
    public int swapUnit() {
        return swapUnit;
    }

    /** True when the value is text in the data set's specific character set (SH, LO, ST, LT, UC, UT, PN). */
    public boolean usesCharacterSet() {
        return characterSetText;
    }

    /** Maximum length in characters (or bytes for binary) per value; 0 when only limited by the length field. */
    public int maxLength() {
        return maxLength;
    }

    /** The VR for two code bytes, or null when they are not a known VR. */
    public static VR ofCode(int first, int second) {
        if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
            return null;
        }
        return CODES[(first - 'A') * 26 + (second - 'A')];
    }

    private static final VR[] CODES = new VR[26 * 26];

    static {
        for (VR vr : values()) {
            String n = vr.name();
            CODES[(n.charAt(0) - 'A') * 26 + (n.charAt(1) - 'A')] = vr;
        }
    }
}
