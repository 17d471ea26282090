package org.deidworkbench.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where an image stream keeps text beside its picture (decision 0156): a JPEG's or JPEG-LS's application segments and
 * comments before its first scan (EXIF, XMP, IPTC captions, COM), a JPEG 2000 codestream's main-header comments, a JP2
 * file's {@code xml } and {@code uuid} boxes and its codestream's comments, a JPEG XL container's {@code Exif},
 * {@code xml } and {@code jumb} boxes. Segments decoders need are not text here: APP0 (JFIF), APP2 (ICC colour
 * profile), APP14 (Adobe's colour transform), APP8 in JPEG-LS (HP's colour transform). Knows nothing of DICOM or FHIR:
 * the DICOM adapter blanks what it finds in compressed frames, the FHIR reader hands it to the leak verifier.
 * Stateless.
 */
public final class ImageText {

    private ImageText() {
    }

    /** The kinds of stream read. */
    public enum Stream {
        JPEG("JPEG"), JPEG_LS("JPEG-LS"), JPEG_2000("JPEG 2000"), JPEG_XL("JPEG XL");

        private final String label;

        Stream(String label) {
            this.label = label;
        }

        /** The stream's name in messages. */
        public String label() {
            return label;
        }
    }

    /** A stream whose text cannot be found safely; the message says why, never a value. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String why) {
            super(why, null, false, false);
        }
    }

    /** The header ran past the bytes given, which are not the whole stream. */
    public static final class MoreBytes extends Exception {
        private static final long serialVersionUID = 1L;

        MoreBytes() {
            super(null, null, false, false);
        }
    }

    /** The signature box that opens a JPEG XL container (ISO/IEC 18181-2). */
    private static final byte[] JXL_CONTAINER = {0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A};

    /** The stream an attachment's media type names ({@code image/jpeg}, {@code image/jp2}, ...), or null. */
    public static Stream ofMediaType(String mediaType) {
        String t = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT).strip();
        int semicolon = t.indexOf(';');
        t = semicolon < 0 ? t : t.substring(0, semicolon).strip();
        return switch (t) {
            case "image/jpeg", "image/jpg", "image/pjpeg" -> Stream.JPEG;
            case "image/jls" -> Stream.JPEG_LS;
            case "image/jp2", "image/jpx", "image/j2k", "image/j2c" -> Stream.JPEG_2000;
            case "image/jxl" -> Stream.JPEG_XL;
            default -> null;
        };
    }

    /** Of the segments {@code [start, end)} of {@code b} (none when null), those that hold anything but zeros. */
    public static List<int[]> notBlank(byte[] b, List<int[]> segments) {
        List<int[]> out = new ArrayList<>();
        for (int[] p : segments == null ? List.<int[]>of() : segments) {
            for (int k = p[0]; k < p[1]; k++) {
                if (b[k] != 0) {
                    out.add(p);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Whether a stream that starts with {@code head} must be given whole to {@link #segments}: a JPEG XL stream and a
     * JP2 file keep boxes after their codestream.
     */
    public static boolean needsWhole(byte[] head, Stream stream) {
        return stream == Stream.JPEG_XL || stream == Stream.JPEG_2000 && startsWith(head, JP2_FILE);
    }

    /**
     * The payloads {@code [start, end)} of the text segments in {@code b}, the stream's start ({@code whole}: all of
     * it); null when {@code b} starts no stream of the kind (the middle of one, or something else).
     *
     * @throws Unreadable where a segment does not end within {@code b} although it is whole, or the stream is damaged
     * @throws MoreBytes where the header runs past {@code b}, which is not whole
     */
    public static List<int[]> segments(byte[] b, boolean whole, Stream stream) throws Unreadable, MoreBytes {
        if (needsWhole(b, stream) && !whole) {
            throw new MoreBytes();
        }
        return switch (stream) {
            case JPEG, JPEG_LS -> jpegSegments(b, whole, stream == Stream.JPEG_LS);
            case JPEG_2000 -> startsWith(b, JP2_FILE) ? boxes(b, "JP2", Set.of("xml ", "uuid")) : j2kComments(b, whole);
            case JPEG_XL -> jxlBoxes(b);
        };
    }

    /** Whether a JPEG or JPEG-LS marker's segment is metadata to blank (not one a decoder needs). */
    private static boolean metadata(int marker, boolean jpegLs) {
        if (marker == 0xFE) {
            return true; // COM
        }
        if (marker < 0xE0 || marker > 0xEF) {
            return false;
        }
        return marker != 0xE0 && marker != 0xE2 && marker != 0xEE && !(jpegLs && marker == 0xE8);
    }

    /**
     * The payloads {@code [start, end)} of a JPEG frame's metadata segments (after each segment's length), or null
     * when the fragment does not start a frame (no SOI).
     */
    private static List<int[]> jpegSegments(byte[] b, boolean whole, boolean jpegLs)
            throws Unreadable, MoreBytes {
        if (b.length < 2 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            return null;
        }
        List<int[]> out = new ArrayList<>();
        int p = 2;
        while (true) {
            if (p + 1 >= b.length) {
                if (!whole) {
                    throw new MoreBytes();
                }
                throw new Unreadable("its JPEG stream ends before its first scan");
            }
            if ((b[p] & 0xFF) != 0xFF) {
                throw new Unreadable("its JPEG stream has no marker where one must be");
            }
            while (p + 1 < b.length && (b[p + 1] & 0xFF) == 0xFF) {
                p++; // fill bytes before a marker
            }
            if (p + 1 >= b.length) {
                continue; // reported above on the next turn
            }
            int marker = b[p + 1] & 0xFF;
            p += 2;
            if (marker == 0xDA) {
                return out; // SOS: the coded picture follows
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                continue; // TEM, RSTn: no length
            }
            if (marker == 0xD8 || marker == 0xD9 || marker == 0x00) {
                throw new Unreadable("its JPEG stream has no marker where one must be");
            }
            if (p + 2 > b.length) {
                continue; // reported above on the next turn
            }
            int length = (b[p] & 0xFF) << 8 | b[p + 1] & 0xFF;
            if (length < 2) {
                throw new Unreadable("a JPEG segment's length is less than its own two bytes");
            }
            int end = p + length;
            if (end > b.length) {
                if (!whole) {
                    throw new MoreBytes();
                }
                throw new Unreadable("a JPEG segment runs past the end of its fragment");
            }
            if (metadata(marker, jpegLs) && length > 2) {
                out.add(new int[] {p + 2, end});
            }
            p = end;
        }
    }

    /**
     * The texts {@code [start, end)} of a JPEG 2000 codestream's main-header comments (after each COM's length and
     * registration), or null when the fragment does not start a codestream (no SOC).
     */
    private static List<int[]> j2kComments(byte[] b, boolean whole) throws Unreadable, MoreBytes {
        if (b.length < 2 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0x4F) {
            return null;
        }
        List<int[]> out = new ArrayList<>();
        int p = 2;
        while (true) {
            if (p + 4 > b.length) {
                if (!whole) {
                    throw new MoreBytes();
                }
                throw new Unreadable("its JPEG 2000 codestream ends in its main header");
            }
            if ((b[p] & 0xFF) != 0xFF) {
                throw new Unreadable("its JPEG 2000 codestream has no marker where one must be");
            }
            int marker = b[p + 1] & 0xFF;
            if (marker == 0x90) {
                return out; // SOT: the first tile part
            }
            int length = (b[p + 2] & 0xFF) << 8 | b[p + 3] & 0xFF;
            int end = p + 2 + length;
            if (length < 2) {
                throw new Unreadable("a JPEG 2000 segment's length is less than its own two bytes");
            }
            if (end > b.length) {
                if (!whole) {
                    throw new MoreBytes();
                }
                throw new Unreadable("a JPEG 2000 segment runs past the end of its fragment");
            }
            if (marker == 0x64 && length > 4) { // COM: Lcom, Rcom, then the text
                out.add(new int[] {p + 6, end});
            }
            p = end;
        }
    }

    /**
     * The payloads {@code [start, end)} of a JPEG XL container's metadata boxes ({@code Exif}, {@code xml }, {@code
     * jumb}), none for a bare codestream, or null when the fragment starts neither (it continues a frame). A box of
     * Brotli-compressed metadata ({@code brob}) cannot be blanked in place and withholds the file.
     */
    private static List<int[]> jxlBoxes(byte[] b) throws Unreadable {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && b[1] == 0x0A) {
            return List.of(); // a bare codestream: no boxes
        }
        if (!startsWith(b, JXL_CONTAINER)) {
            return null;
        }
        return boxes(b, "JPEG XL", Set.of("Exif", "xml ", "jumb"));
    }

    /** The signature box that opens a JP2 file (ISO/IEC 15444-1 Annex I). */
    private static final byte[] JP2_FILE = {0, 0, 0, 0x0C, 'j', 'P', ' ', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A};

    private static boolean startsWith(byte[] b, byte[] signature) {
        return b.length >= signature.length && Arrays.equals(b, 0, signature.length, signature, 0, signature.length);
    }

    /**
     * The payloads {@code [start, end)} of a box file's metadata boxes in {@code metadata} and, inside a JP2 file's
     * codestream box ({@code jp2c}), of its comments. A box that does not end in its fragment, and a {@code brob} box,
     * withhold the file.
     */
    private static List<int[]> boxes(byte[] b, String what, Set<String> metadata)
            throws Unreadable {
        List<int[]> out = new ArrayList<>();
        long p = 0;
        while (p < b.length) {
            if (p + 8 > b.length) {
                for (long k = p; k < b.length; k++) {
                    if (b[(int) k] != 0) {
                        throw new Unreadable("its " + what + " boxes end inside a box header");
                    }
                }
                break; // the fragment's padding to an even length
            }
            int at = (int) p;
            long size = (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8
                    | b[at + 3] & 0xFFL;
            String type = new String(b, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                if (p + 16 > b.length) {
                    throw new Unreadable("its " + what + " boxes end inside a box header");
                }
                size = 0;
                for (int k = 0; k < 8; k++) {
                    size = size << 8 | b[at + 8 + k] & 0xFFL;
                }
                header = 16;
            } else if (size == 0) {
                size = b.length - p; // the last box runs to the end
            }
            if (size < header || size > b.length - p) {
                throw new Unreadable("a " + what + " box runs past the end of its fragment");
            }
            if (type.equals("brob")) {
                throw new Unreadable("a " + what + " box holds Brotli-compressed metadata, which cannot be"
                        + " blanked in place");
            }
            if (metadata.contains(type) && size > header) {
                out.add(new int[] {at + header, (int) (p + size)});
            } else if (type.equals("jp2c")) {
                byte[] codestream = Arrays.copyOfRange(b, at + header, (int) (p + size));
                try {
                    for (int[] c : j2kComments(codestream, true)) {
                        out.add(new int[] {c[0] + at + header, c[1] + at + header});
                    }
                } catch (MoreBytes cannotBeWhole) {
                    throw new IllegalStateException("a whole codestream asked for more bytes", cannotBeWhole);
                }
            }
            p += size;
        }
        return out;
    }
}
