package org.deidworkbench.dicom;

import java.util.Locale;

/**
 * A DICOM file that cannot be read or written safely. The location names the byte offset and the
 * tag path, e.g. {@code offset 0x1F4 at (0008,1115)[0]/(0008,1140)[2]/(0008,1150)}; the message
 * never contains a value from the file. The codec knows nothing of the formats layer: adapters map
 * {@link #code()} and {@link #location()} onto their own error type.
 */
public final class DicomFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The input ends inside a header, value, item or sequence. */
    public static final String TRUNCATED = "DICOM-TRUNCATED";
    /** A length field claims more bytes than remain in the file or the enclosing item. */
    public static final String LENGTH_OVERFLOW = "DICOM-LENGTH-OVERFLOW";
    /** An explicit VR header carries bytes that are not a DICOM VR. */
    public static final String BAD_VR = "DICOM-BAD-VR";
    /** An item, delimiter or undefined length appears where the standard does not allow it. */
    public static final String BAD_STRUCTURE = "DICOM-BAD-STRUCTURE";
    /** Sequences are nested deeper than the codec accepts. */
    public static final String TOO_DEEP = "DICOM-TOO-DEEP";
    /** Reading would need more memory than the configured budget. */
    public static final String TOO_LARGE = "DICOM-TOO-LARGE";
    /** The input does not start like a DICOM file or data set. */
    public static final String NOT_DICOM = "DICOM-NOT-DICOM";
    /** The file meta information group is unusable. */
    public static final String BAD_META = "DICOM-BAD-META";
    /** A deflated data set cannot be inflated. */
    public static final String BAD_DEFLATE = "DICOM-BAD-DEFLATE";
    /** A data set cannot be written in the requested transfer syntax. */
    public static final String CANNOT_ENCODE = "DICOM-CANNOT-ENCODE";
    /** A Specific Character Set (0008,0005) value is not a Defined Term. */
    public static final String UNKNOWN_CHARSET = "DICOM-UNKNOWN-CHARSET";

    private final String code;
    private final String location;

    private final long offset;
    private final String tagPath;

    /**
     * @param code one of the constants of this class
     * @param offset byte offset in the (inflated) input where the problem was found, -1 if none
     * @param tagPath tag path such as {@code (0008,1115)[0]/(0008,1150)}, may be empty
     * @param message what is wrong, free of data values
     */
    public DicomFormatException(String code, long offset, String tagPath, String message) {
        super(message);
        this.code = java.util.Objects.requireNonNull(code, "code");
        this.location = location(offset, tagPath);
        this.offset = offset;
        this.tagPath = tagPath;
    }

    private static String location(long offset, String tagPath) {
        String o = offset < 0 ? "" : String.format(Locale.ROOT, "offset 0x%X", offset);
        if (tagPath.isEmpty()) {
            return o;
        }
        return o.isEmpty() ? tagPath : o + " at " + tagPath;
    }

    /** Stable code for reports and scripts, one of the constants of this class. */
    public String code() {
        return code;
    }

    /** Where in the file, e.g. {@code offset 0x1F4 at (0008,1140)[2]/(0008,1150)}; may be empty. */
    public String location() {
        return location;
    }

    /** The message without code and location. */
    public String reason() {
        return super.getMessage();
    }

    /** Byte offset of the problem, or -1. */
    public long offset() {
        return offset;
    }

    /** Tag path of the element being read, or empty. */
    public String tagPath() {
        return tagPath;
    }

    @Override
    public String getMessage() {
        String l = location();
        return l.isEmpty() ? code() + ": " + super.getMessage() : code() + ": " + super.getMessage() + " (" + l + ")";
    }
}
