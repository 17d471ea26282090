package org.deidworkbench.dicom;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A transfer syntax (PS3.5 §10, PS3.6 Table A-1): how the data set after the file meta group is
 * encoded. Unknown UIDs are treated as explicit VR little endian with encapsulated pixel data,
 * which is what every later-defined compressed syntax uses.
 *
 * @param uid the UID
 * @param name a short English name
 * @param explicitVr whether the VR is written in each element header
 * @param bigEndian whether numbers are big endian (only the retired Explicit VR Big Endian)
 * @param deflated whether the data set is a raw deflate stream (RFC 1951)
 * @param encapsulated whether pixel data is stored as fragments of compressed frames
 * @param known whether the UID is one this codec knows from PS3.6
 */
public record TransferSyntax(String uid, String name, boolean explicitVr, boolean bigEndian, boolean deflated,
        boolean encapsulated, boolean known) {

    /** Implicit VR Little Endian, the default transfer syntax. */
    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false, false, true);
    /** Explicit VR Little Endian. */
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false, false, true);
    /** Deflated Explicit VR Little Endian. */
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = new TransferSyntax(
            "1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true, false, true);
    /** Explicit VR Big Endian (retired, still exported by old systems). */
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true, false, false, true);

    private static final Map<String, TransferSyntax> KNOWN = new LinkedHashMap<>();

    static {
        for (TransferSyntax ts : new TransferSyntax[] {IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN,
                DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_BIG_ENDIAN}) {
            KNOWN.put(ts.uid(), ts);
        }
        encapsulated("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian");
        encapsulated("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)");
        encapsulated("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)");
        for (int p = 52; p <= 56; p++) {
            encapsulated("1.2.840.10008.1.2.4." + p, "JPEG Extended (retired process)");
        }
        encapsulated("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)");
        for (int p = 58; p <= 69; p++) {
            if (p != 60 && p != 67 && p != 68) {
                encapsulated("1.2.840.10008.1.2.4." + p, "JPEG (retired process)");
            }
        }
        encapsulated("1.2.840.10008.1.2.4.70", "JPEG Lossless, First-Order Prediction (Process 14 SV1)");
        encapsulated("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless");
        encapsulated("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless");
        encapsulated("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless");
        encapsulated("1.2.840.10008.1.2.4.91", "JPEG 2000");
        encapsulated("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Lossless");
        encapsulated("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component");
        plain("1.2.840.10008.1.2.4.94", "JPIP Referenced", false);
        plain("1.2.840.10008.1.2.4.95", "JPIP Referenced Deflate", true);
        String[] video = {"100", "100.1", "101", "101.1", "102", "102.1", "103", "103.1", "104", "104.1", "105",
            "105.1", "106", "106.1", "107", "108"};
        for (String v : video) {
            encapsulated("1.2.840.10008.1.2.4." + v, "MPEG/HEVC video");
        }
        encapsulated("1.2.840.10008.1.2.4.110", "JPEG XL Lossless");
        encapsulated("1.2.840.10008.1.2.4.111", "JPEG XL JPEG Recompression");
        encapsulated("1.2.840.10008.1.2.4.112", "JPEG XL");
        encapsulated("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Lossless");
        encapsulated("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Lossless");
        encapsulated("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000");
        plain("1.2.840.10008.1.2.4.204", "JPIP HTJ2K Referenced", false);
        plain("1.2.840.10008.1.2.4.205", "JPIP HTJ2K Referenced Deflate", true);
        encapsulated("1.2.840.10008.1.2.5", "RLE Lossless");
        plain("1.2.840.10008.1.2.6.1", "RFC 2557 MIME encapsulation", false);
        plain("1.2.840.10008.1.2.6.2", "XML Encoding", false);
        plain("1.2.840.10008.1.2.7.1", "SMPTE ST 2110-20 Uncompressed Progressive Active Video", false);
        plain("1.2.840.10008.1.2.7.2", "SMPTE ST 2110-20 Uncompressed Interlaced Active Video", false);
        plain("1.2.840.10008.1.2.7.3", "SMPTE ST 2110-30 PCM Digital Audio", false);
    }

    private static void encapsulated(String uid, String name) {
        KNOWN.put(uid, new TransferSyntax(uid, name, true, false, false, true, true));
    }

    private static void plain(String uid, String name, boolean deflated) {
        KNOWN.put(uid, new TransferSyntax(uid, name, true, false, deflated, false, true));
    }

    /**
     * The transfer syntax for a UID (trailing padding removed). Unknown UIDs give an explicit VR
     * little endian, encapsulated syntax with {@code known == false}.
     */
    public static TransferSyntax of(String uid) {
        String u = uid.strip();
        while (u.endsWith("\0")) {
            u = u.substring(0, u.length() - 1).strip();
        }
        TransferSyntax ts = KNOWN.get(u);
        return ts != null ? ts : new TransferSyntax(u, "Unknown transfer syntax", true, false, false, true, false);
    }
}
