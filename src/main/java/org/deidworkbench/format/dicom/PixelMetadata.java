package org.deidworkbench.format.dicom;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.Element;
import org.deidworkbench.dicom.Fragment;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.format.WithheldException;

/**
 * Text inside compressed pixel data (decision 0156). A photograph wrapped into DICOM as the camera wrote it (VL
 * Photographic, dermatology and ophthalmology images from a "dicomizer") keeps the camera's EXIF in an APP1 segment —
 * the moment it was taken, the camera's serial number, a GPS position, the photographer — and may carry XMP, IPTC
 * captions (APP13) and comments (COM); a JPEG 2000 codestream may carry comments (COM). None of it is an attribute, so
 * no profile rule reaches it, and a released image would carry it out.
 *
 * <p>The payload of each such segment is overwritten with zeros where it is: the segment stays, with its marker and
 * length, so every fragment keeps its length (the offset tables stay true) and every byte of the coded picture is
 * unchanged; a decoder skips an application segment or a comment it does not recognise. Segments a decoder needs are
 * left as they are: APP0 (JFIF), APP2 (ICC colour profile), APP14 (Adobe's colour transform), APP8 in JPEG-LS (HP's
 * colour transform). Only the segments before the first scan (JPEG's SOS, JPEG 2000's first tile part) are read:
 * that is where they stand. A JPEG XL container is read whole, its {@code Exif}, {@code xml } and {@code jumb} boxes
 * blanked wherever they are.
 *
 * <p>A frame whose segments cannot be read to their end inside their fragment (a segment that runs into the next
 * fragment, a header longer than {@link #MAX_HEAD} bytes, bytes that are no marker where one must be) is not guessed
 * at: the file is withheld, with the fragment named. Stateless.
 */
final class PixelMetadata {

    /** Code of a file withheld because its compressed pixel data's segments cannot be read. */
    static final String UNREADABLE = "DICOM-PIXEL-METADATA";
    /** The most bytes of a frame's start read for its segments (EXIF and ICC profiles take 64 KB each at most). */
    static final int MAX_HEAD = 1 << 20;
    /** The largest fragment read whole into memory to be blanked; a larger one is withheld instead. */
    static final long MAX_FRAGMENT_IN_MEMORY = 64L << 20;

    /** JPEG baseline, extended and lossless, and the retired processes (.52–.56, .58–.66) the codec knows. */
    private static final Set<String> JPEG_UIDS = jpeg();
    private static final Set<String> JPEG_LS_UIDS = Set.of("1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81");
    private static final Set<String> JPEG_2000_UIDS = Set.of("1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91",
            "1.2.840.10008.1.2.4.92", "1.2.840.10008.1.2.4.93", "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202",
            "1.2.840.10008.1.2.4.203");
    private static final Set<String> JPEG_XL_UIDS = Set.of("1.2.840.10008.1.2.4.110", "1.2.840.10008.1.2.4.111",
            "1.2.840.10008.1.2.4.112");
    /** The signature box that opens a JPEG XL container (ISO/IEC 18181-2). */
    private static final byte[] JXL_CONTAINER = {0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A};

    /** How a transfer syntax's frames are laid out. */
    private enum Kind {
        JPEG("JPEG"), JPEG_LS("JPEG-LS"), JPEG_2000("JPEG 2000"), JPEG_XL("JPEG XL");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        static Kind of(String uid) {
            return JPEG_UIDS.contains(uid) ? Kind.JPEG : JPEG_LS_UIDS.contains(uid) ? Kind.JPEG_LS
                    : JPEG_2000_UIDS.contains(uid) ? Kind.JPEG_2000 : JPEG_XL_UIDS.contains(uid) ? Kind.JPEG_XL : null;
        }
    }

    private PixelMetadata() {
    }

    private static Set<String> jpeg() {
        Set<String> uids = new java.util.HashSet<>();
        for (int p : new int[] {50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 61, 62, 63, 64, 65, 66, 70}) {
            uids.add("1.2.840.10008.1.2.4." + p);
        }
        return Set.copyOf(uids);
    }

    /** Whether pixel data in this transfer syntax is a JPEG, JPEG-LS, JPEG 2000 or JPEG XL stream this reads. */
    static boolean reads(String transferSyntaxUid) {
        return Kind.of(transferSyntaxUid) != null;
    }

    /**
     * Blanks the metadata segments of every frame of the data set's encapsulated Pixel Data, replacing the fragments
     * that held any with blanked copies; nothing changes where there are none.
     *
     * @return how many segments were blanked
     * @throws WithheldException when a frame's segments cannot be read to their end in their fragment, or the pixel
     *     data is compressed in a transfer syntax the codec does not know (nothing says what its stream carries)
     * @throws IOException when a fragment left in the source cannot be read
     */
    static int blank(Dataset ds, TransferSyntax ts) throws IOException, WithheldException {
        Element pixels = ds.get(Tag.PIXEL_DATA);
        if (pixels == null || !pixels.isFragments()) {
            return 0;
        }
        if (!ts.known()) {
            throw new WithheldException(UNREADABLE, Tag.toString(Tag.PIXEL_DATA), "the pixel data is compressed in a"
                    + " transfer syntax this tool does not know (" + ts.uid() + "), so what its stream carries besides"
                    + " the picture (a camera's EXIF, comments) cannot be looked into");
        }
        Kind kind = Kind.of(ts.uid());
        if (kind == null) {
            return 0; // RLE, video, encapsulated uncompressed: no place for text this reads
        }
        List<Fragment> fragments = new ArrayList<>(pixels.fragments());
        int blanked = 0;
        boolean changed = false;
        for (int i = 1; i < fragments.size(); i++) { // the first item is the Basic Offset Table
            Fragment f = fragments.get(i);
            List<int[]> payloads = read(f, kind, i).payloads();
            if (payloads == null && i == 1) {
                // the first frame starts here, or the stream is wrapped in something else (a JP2 file's boxes)
                throw unreadable(i, "it does not start a " + kind.label + " stream where the first frame begins");
            }
            if (payloads == null || payloads.isEmpty()) {
                continue;
            }
            byte[] bytes;
            if (f.bytes() != null) {
                bytes = f.bytes().clone();
            } else if (f.length() <= MAX_FRAGMENT_IN_MEMORY) {
                bytes = f.bulk().readAll();
            } else {
                throw unreadable(i, "its frame of " + f.length() + " bytes carries text segments and is too large to"
                        + " be blanked in memory");
            }
            for (int[] p : payloads) {
                Arrays.fill(bytes, p[0], p[1], (byte) 0);
            }
            fragments.set(i, Fragment.of(bytes));
            blanked += payloads.size();
            changed = true;
        }
        if (changed) {
            ds.put(Element.ofFragments(Tag.PIXEL_DATA, pixels.vr(), fragments));
        }
        return blanked;
    }

    /** A fragment's first bytes and where its metadata segments' payloads are in them (null: it starts no frame). */
    private record Read(byte[] head, List<int[]> payloads) {
    }

    private static Read read(Fragment f, Kind kind, int i) throws IOException, WithheldException {
        byte[] head = head(f, FIRST_READ);
        boolean jp2 = kind == Kind.JPEG_2000 && startsWith(head, JP2_FILE);
        if (kind == Kind.JPEG_XL || jp2) {
            // boxes may follow the codestream (and a JP2 file's codestream holds comments): the frame is read whole
            if (f.bytes() == null && f.length() > MAX_FRAGMENT_IN_MEMORY) {
                throw unreadable(i, "its " + kind.label + " frame of " + f.length() + " bytes is too large to be read"
                        + " for its boxes");
            }
            byte[] all = f.bytes() != null ? f.bytes() : f.bulk().readAll();
            // a JP2 file where DICOM wants the bare codestream (GDCM wrote some): its XML and UUID (XMP) boxes
            return new Read(all, jp2 ? boxes(all, i, "JP2", Set.of("xml ", "uuid")) : jxlBoxes(all, i));
        }
        try {
            return new Read(head, segments(head, f, kind, i));
        } catch (MoreBytes e) {
            head = head(f, MAX_HEAD);
            try {
                return new Read(head, segments(head, f, kind, i));
            } catch (MoreBytes again) {
                throw unreadable(i, "its header runs past the first " + MAX_HEAD + " bytes");
            }
        }
    }

    /** The text of one metadata segment that is not blank, and the fragment it is in; null bytes: not readable. */
    record Text(int fragment, byte[] bytes) {
    }

    /**
     * The metadata segments of the compressed frames that still hold anything but zeros, for the leak verifier; a
     * fragment whose segments cannot be read (the run would have withheld its file) comes with null bytes, so that the
     * verifier can say it did not look into it.
     */
    static List<Text> texts(Element pixels, String transferSyntaxUid) throws IOException {
        List<Text> out = new ArrayList<>();
        Kind kind = Kind.of(transferSyntaxUid);
        if (!pixels.isFragments() || kind == null) {
            return out;
        }
        for (int i = 1; i < pixels.fragments().size(); i++) {
            Read r;
            try {
                r = read(pixels.fragments().get(i), kind, i);
            } catch (WithheldException e) {
                out.add(new Text(i, null));
                continue;
            }
            if (r.payloads() == null && i == 1) {
                out.add(new Text(i, null));
                continue;
            }
            for (int[] p : r.payloads() == null ? List.<int[]>of() : r.payloads()) {
                for (int k = p[0]; k < p[1]; k++) {
                    if (r.head()[k] != 0) {
                        out.add(new Text(i, Arrays.copyOfRange(r.head(), p[0], p[1])));
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** Bytes read first from a fragment left in the source: a JPEG's tables take a few hundred, EXIF up to 64 KB. */
    private static final int FIRST_READ = 8 << 10;

    /** The header ran past the bytes read of a fragment that has more. */
    private static final class MoreBytes extends Exception {
        private static final long serialVersionUID = 1L;

        MoreBytes() {
            super(null, null, false, false);
        }
    }

    private static List<int[]> segments(byte[] head, Fragment f, Kind kind, int i) throws WithheldException, MoreBytes {
        boolean whole = head.length == f.length();
        return kind == Kind.JPEG_2000 ? j2kComments(head, whole, i)
                : jpegSegments(head, whole, kind == Kind.JPEG_LS, i);
    }

    /** The fragment's first bytes: all of it when it is in memory, else at most {@code most} of it. */
    private static byte[] head(Fragment f, int most) throws IOException {
        if (f.bytes() != null) {
            return f.bytes();
        }
        return f.bulk().readFirst(most);
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
    private static List<int[]> jpegSegments(byte[] b, boolean whole, boolean jpegLs, int fragment)
            throws WithheldException, MoreBytes {
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
                throw unreadable(fragment, "its JPEG stream ends before its first scan");
            }
            if ((b[p] & 0xFF) != 0xFF) {
                throw unreadable(fragment, "its JPEG stream has no marker where one must be");
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
                throw unreadable(fragment, "its JPEG stream has no marker where one must be");
            }
            if (p + 2 > b.length) {
                continue; // reported above on the next turn
            }
            int length = (b[p] & 0xFF) << 8 | b[p + 1] & 0xFF;
            if (length < 2) {
                throw unreadable(fragment, "a JPEG segment's length is less than its own two bytes");
            }
            int end = p + length;
            if (end > b.length) {
                if (!whole) {
                    throw new MoreBytes();
                }
                throw unreadable(fragment, "a JPEG segment runs past the end of its fragment");
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
    private static List<int[]> j2kComments(byte[] b, boolean whole, int fragment) throws WithheldException, MoreBytes {
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
                throw unreadable(fragment, "its JPEG 2000 codestream ends in its main header");
            }
            if ((b[p] & 0xFF) != 0xFF) {
                throw unreadable(fragment, "its JPEG 2000 codestream has no marker where one must be");
            }
            int marker = b[p + 1] & 0xFF;
            if (marker == 0x90) {
                return out; // SOT: the first tile part
            }
            int length = (b[p + 2] & 0xFF) << 8 | b[p + 3] & 0xFF;
            int end = p + 2 + length;
            if (length < 2) {
                throw unreadable(fragment, "a JPEG 2000 segment's length is less than its own two bytes");
            }
            if (end > b.length) {
                if (!whole) {
                    throw new MoreBytes();
                }
                throw unreadable(fragment, "a JPEG 2000 segment runs past the end of its fragment");
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
    private static List<int[]> jxlBoxes(byte[] b, int fragment) throws WithheldException {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && b[1] == 0x0A) {
            return List.of(); // a bare codestream: no boxes
        }
        if (!startsWith(b, JXL_CONTAINER)) {
            return null;
        }
        return boxes(b, fragment, "JPEG XL", Set.of("Exif", "xml ", "jumb"));
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
    private static List<int[]> boxes(byte[] b, int fragment, String what, Set<String> metadata)
            throws WithheldException {
        List<int[]> out = new ArrayList<>();
        long p = 0;
        while (p < b.length) {
            if (p + 8 > b.length) {
                for (long k = p; k < b.length; k++) {
                    if (b[(int) k] != 0) {
                        throw unreadable(fragment, "its " + what + " boxes end inside a box header");
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
                    throw unreadable(fragment, "its " + what + " boxes end inside a box header");
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
                throw unreadable(fragment, "a " + what + " box runs past the end of its fragment");
            }
            if (type.equals("brob")) {
                throw unreadable(fragment, "a " + what + " box holds Brotli-compressed metadata, which cannot be"
                        + " blanked in place");
            }
            if (metadata.contains(type) && size > header) {
                out.add(new int[] {at + header, (int) (p + size)});
            } else if (type.equals("jp2c")) {
                byte[] codestream = Arrays.copyOfRange(b, at + header, (int) (p + size));
                try {
                    for (int[] c : j2kComments(codestream, true, fragment)) {
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

    private static WithheldException unreadable(int fragment, String why) {
        return new WithheldException(UNREADABLE, Tag.toString(Tag.PIXEL_DATA) + " fragment " + fragment, "the"
                + " compressed pixel data may carry text (EXIF, comments) that cannot be found safely: " + why);
    }
}
