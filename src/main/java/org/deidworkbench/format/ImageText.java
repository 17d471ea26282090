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
        JPEG("JPEG"), JPEG_LS("JPEG-LS"), JPEG_2000("JPEG 2000"), JPEG_XL("JPEG XL"), PNG("PNG");

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
            case "image/png", "image/apng" -> Stream.PNG;
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
        return stream == Stream.JPEG_XL || stream == Stream.PNG || stream == Stream.JPEG_2000 && startsWith(head, JP2_FILE);
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
            case PNG -> texts(pngCuts(b));
        };
    }

    /**
     * Whether a JPEG or JPEG-LS marker's segment is metadata to blank (not one a decoder needs): its payload may be
     * overwritten with zeros where it stands.
     */
    public static boolean isMetadata(int marker, boolean jpegLs) {
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
        if (!startsJpeg(b)) {
            return null;
        }
        JpegWalk walk = walkJpeg(b, whole, false, jpegLs);
        List<int[]> out = new ArrayList<>();
        for (int[] f : walk.segments) {
            if (isMetadata(f[0], walk.jpegLs) && f[3] > f[2]) {
                out.add(new int[] {f[2], f[3]});
            }
        }
        return out;
    }

    /**
     * A JPEG or JPEG-LS stream's marker segments from its SOI, each {marker, start (with its fill bytes), payload, end};
     * to its first scan (SOS, not read), or with {@code toEnd} to its end marker, each scan's entropy-coded data skipped
     * as ITU T.81 and T.87 stuff it. {@code end}: where the walk stopped (after EOI); {@code jpegLs}: the caller's
     * word (a DICOM transfer syntax's), or in a whole stream a JPEG-LS frame (SOF55) or parameters segment (LSE) seen.
     */
    private record JpegWalk(List<int[]> segments, int end, boolean jpegLs) {
    }

    private static JpegWalk walkJpeg(byte[] b, boolean whole, boolean toEnd, boolean jpegLs)
            throws Unreadable, MoreBytes {
        JpegWalker walker = new JpegWalker(jpegLs, toEnd);
        walker.feed(b, 0, b.length);
        if (!walker.ended()) {
            if (!whole) {
                throw new MoreBytes();
            }
            walker.finish(toEnd ? "the image" : "its fragment");
        }
        List<int[]> found = new ArrayList<>(walker.segments().size());
        for (long[] f : walker.segments()) {
            found.add(new int[] {(int) f[0], (int) f[1], (int) f[2], (int) f[3]});
        }
        return new JpegWalk(found, (int) walker.end(), walker.jpegLs());
    }

    /** Whether {@code b} starts a JPEG or JPEG-LS stream (SOI). */
    public static boolean startsJpeg(byte[] b) {
        return b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8;
    }

    /**
     * A JPEG or JPEG-LS stream walked as its bytes come, in as many pieces as they come in (a whole image in one; a
     * DICOM frame's fragments, each read from its file in chunks): each marker segment from its SOI to its end marker
     * (or, without {@code toEnd}, to its first scan), each scan's entropy-coded data passed over as ITU T.81 and T.87
     * stuff it — in JPEG a data byte 0xFF is followed by a stuffed 0x00, in JPEG-LS by a byte whose high bit is clear,
     * and restart markers stand inside a scan. Positions count from the stream's first byte, its SOI. Holds no byte of
     * the stream, only the places of its segments.
     */
    public static final class JpegWalker {
        private static final int SOI_FF = 0;
        private static final int SOI_D8 = 1;
        private static final int MARKER = 2;
        private static final int CODE = 3;
        private static final int LENGTH_HIGH = 4;
        private static final int LENGTH_LOW = 5;
        private static final int PAYLOAD = 6;
        private static final int ENTROPY = 7;
        private static final int ENTROPY_FF = 8;
        private static final int ENDED = 9;

        private final boolean toEnd;
        private boolean jpegLs;
        private final List<long[]> segments = new ArrayList<>();
        private int state = SOI_FF;
        /** The position of the first byte of the piece being fed. */
        private long base;
        private long segmentStart;
        private long lengthAt;
        private long payloadEnd;
        private int marker;
        private int lengthHigh;
        private long end = -1;

        /**
         * @param jpegLs whether the stream is JPEG-LS (a DICOM transfer syntax's word); a JPEG-LS frame (SOF55) or
         *     parameters segment (LSE) met on the way to the end marker says so too
         * @param toEnd walk to the end marker (EOI); else stop at the first scan (SOS), whose segment is not read
         */
        public JpegWalker(boolean jpegLs, boolean toEnd) {
            this.jpegLs = jpegLs;
            this.toEnd = toEnd;
        }

        /**
         * Walks the next bytes of the stream, {@code b[off, off + len)}.
         *
         * @return how many of them belong to the stream: {@code len}, or fewer when its end came among them (after its
         *     end marker, or after the marker of its first scan without {@code toEnd}); 0 once it has ended
         * @throws Unreadable where the bytes are no JPEG stream (no SOI, no marker where one must be, a length less
         *     than its own two bytes)
         */
        public int feed(byte[] b, int off, int len) throws Unreadable {
            int i = off;
            int stop = off + len;
            while (i < stop && state != ENDED) {
                switch (state) {
                    case SOI_FF, SOI_D8 -> {
                        if ((b[i] & 0xFF) != (state == SOI_FF ? 0xFF : 0xD8)) {
                            throw new Unreadable("its JPEG stream does not start with its start marker");
                        }
                        state = state == SOI_FF ? SOI_D8 : MARKER;
                        i++;
                    }
                    case MARKER -> {
                        if ((b[i] & 0xFF) != 0xFF) {
                            throw new Unreadable("its JPEG stream has no marker where one must be");
                        }
                        segmentStart = base + (i - off);
                        state = CODE;
                        i++;
                    }
                    case CODE -> {
                        int m = b[i] & 0xFF;
                        i++;
                        code(m, base + (i - off));
                    }
                    case LENGTH_HIGH -> {
                        lengthAt = base + (i - off);
                        lengthHigh = b[i] & 0xFF;
                        state = LENGTH_LOW;
                        i++;
                    }
                    case LENGTH_LOW -> {
                        int length = lengthHigh << 8 | b[i] & 0xFF;
                        i++;
                        if (length < 2) {
                            throw new Unreadable("a JPEG segment's length is less than its own two bytes");
                        }
                        jpegLs |= toEnd && (marker == 0xF7 || marker == 0xF8); // SOF55, LSE
                        payloadEnd = lengthAt + length;
                        segments.add(new long[] {marker, segmentStart, lengthAt + 2, payloadEnd});
                        state = length == 2 ? afterSegment() : PAYLOAD;
                    }
                    case PAYLOAD -> {
                        long left = payloadEnd - (base + (i - off));
                        int take = (int) Math.min(left, stop - i);
                        i += take;
                        if (take == left) {
                            state = afterSegment();
                        }
                    }
                    case ENTROPY -> {
                        while (i < stop && b[i] != (byte) 0xFF) {
                            i++;
                        }
                        if (i < stop) {
                            segmentStart = base + (i - off);
                            state = ENTROPY_FF;
                            i++;
                        }
                    }
                    case ENTROPY_FF -> {
                        int next = b[i] & 0xFF;
                        if (jpegLs ? next < 0x80 : next == 0x00) {
                            state = ENTROPY; // a data byte
                            i++;
                        } else if (next >= 0xD0 && next <= 0xD7) {
                            state = ENTROPY; // RSTn
                            i++;
                        } else if (next == 0xFF) {
                            segmentStart = base + (i - off); // fill: the marker's own 0xFF is the last
                            i++;
                        } else {
                            state = CODE; // a marker: its code is this byte
                        }
                    }
                    default -> throw new IllegalStateException("state " + state);
                }
            }
            int used = i - off;
            base += used;
            return used;
        }

        /** A marker's code {@code m} read; {@code after}: the position after it. */
        private void code(int m, long after) throws Unreadable {
            if (m == 0xFF) {
                return; // fill bytes before a marker
            }
            if (m == 0xDA && !toEnd || m == 0xD9 && toEnd) {
                end = after; // SOS: the coded picture follows; EOI
                state = ENDED;
                return;
            }
            if (m == 0x01 || m >= 0xD0 && m <= 0xD7) {
                state = MARKER; // TEM, RSTn: no length
                return;
            }
            if (m == 0xD8 || m == 0xD9 || m == 0x00) {
                throw new Unreadable("its JPEG stream has no marker where one must be");
            }
            marker = m;
            state = LENGTH_HIGH;
        }

        private int afterSegment() {
            return marker == 0xDA ? ENTROPY : MARKER;
        }

        /** Whether the stream's end has come (its end marker; without {@code toEnd}, its first scan's marker). */
        public boolean ended() {
            return state == ENDED;
        }

        /** The position after the end marker (or the first scan's marker), once {@link #ended}; else -1. */
        public long end() {
            return end;
        }

        /** Whether the stream is JPEG-LS, as the caller said or as its segments showed. */
        public boolean jpegLs() {
            return jpegLs;
        }

        /** Every segment walked so far, each {marker, start (with its fill bytes), payload start, end}. */
        public List<long[]> segments() {
            return segments;
        }

        /**
         * No more bytes will come: {@link Unreadable} unless the stream has ended, saying where its bytes ran out.
         *
         * @param what the bytes' name in the message ("the image", "its frame")
         */
        public void finish(String what) throws Unreadable {
            switch (state) {
                case ENDED -> {
                }
                case LENGTH_HIGH, LENGTH_LOW, PAYLOAD -> throw new Unreadable("a JPEG segment runs past the end of " + what);
                case ENTROPY, ENTROPY_FF -> throw new Unreadable("its JPEG stream ends in a scan, before its end marker");
                default -> throw new Unreadable(toEnd ? "its JPEG stream ends before its end marker"
                        : "its JPEG stream ends before its first scan");
            }
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

    // ---------------------------------------------------------------- whole images (a FHIR attachment)

    /** The signature that opens a PNG file. */
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    /**
     * The PNG chunks a picture is shown with (PNG 3rd edition, APNG); every other ancillary chunk goes: the text
     * chunks ({@code tEXt}, {@code zTXt}, {@code iTXt}), {@code eXIf}, {@code tIME} and any private one, which may
     * hold anything. Critical chunks (upper-case first letter) stay, the picture needs them.
     */
    private static final Set<String> PNG_PICTURE = Set.of("tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD",
            "hIST", "pHYs", "sPLT", "acTL", "fcTL", "fdAT", "cICP", "mDCv", "cLLi");

    /** How much a compressed PNG text may inflate to before it is not read. */
    private static final int MAX_INFLATED = 16 << 20;

    /**
     * A range {@code [from, to)} of a whole image to take out, with its text {@code [textFrom, textTo)} (a segment's
     * payload, a chunk's data without its CRC, the bytes after the image's end), deflated from {@code inflateFrom} when
     * a PNG chunk holds compressed text (else -1).
     */
    private record Cut(int from, int to, int textFrom, int textTo, int inflateFrom) {
    }

    /**
     * The kind of image stream {@code b} starts, from its signature, or null: an attachment's declared media type may
     * be missing or wrong. A JPEG-LS stream is a {@link Stream#JPEG} here; {@link #withoutText} tells them apart.
     */
    public static Stream sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Stream.JPEG;
        }
        if (startsWith(b, PNG_SIGNATURE)) {
            return Stream.PNG;
        }
        if (startsWith(b, JP2_FILE) || b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0x4F
                && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x51) {
            return Stream.JPEG_2000;
        }
        if (startsWith(b, JXL_CONTAINER) || b.length >= 2 && (b[0] & 0xFF) == 0xFF && b[1] == 0x0A) {
            return Stream.JPEG_XL;
        }
        return null;
    }

    /**
     * A whole image file (one that holds nothing else, as a FHIR attachment does) without its text: a JPEG's or
     * JPEG-LS's metadata segments (as {@link #segments} finds them, and also those between the scans of a progressive
     * JPEG) and whatever follows its end marker (a phone's appended video, a vendor trailer) are cut out; a PNG's
     * ancillary chunks other than those the picture is shown with, and whatever follows {@code IEND}, are cut out; a
     * JPEG 2000's or JPEG XL's text is overwritten with zeros as in DICOM frames. The picture's bytes are unchanged.
     *
     * @return {@code whole} itself when there is no text to take out; a new array when there was; null when
     *     {@code whole} starts no image stream this class reads ({@link #sniff})
     * @throws Unreadable where the image's structure cannot be followed to its end; the message says why, never a value
     */
    public static byte[] withoutText(byte[] whole) throws Unreadable {
        Stream stream = sniff(whole);
        if (stream == null) {
            return null;
        }
        List<Cut> cuts = cuts(whole, stream);
        if (cuts == null) {
            return whole;
        }
        if (stream == Stream.JPEG_2000 || stream == Stream.JPEG_XL) {
            List<int[]> blank = notBlank(whole, texts(cuts));
            byte[] out = blank.isEmpty() ? whole : whole.clone();
            blank.forEach(t -> Arrays.fill(out, t[0], t[1], (byte) 0));
            return out;
        }
        if (cuts.isEmpty()) {
            return whole;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(whole.length);
        int p = 0;
        for (Cut c : cuts) {
            out.write(whole, p, c.from - p);
            p = c.to;
        }
        out.write(whole, p, whole.length - p);
        return out.toByteArray();
    }

    /**
     * The texts {@link #withoutText} takes out of a whole image, those not all zeros, a PNG's compressed texts
     * inflated; null when {@code whole} starts no image stream this class reads. For the leak verifier.
     *
     * @throws Unreadable as {@link #withoutText}, and where a compressed text cannot be inflated
     */
    public static List<byte[]> texts(byte[] whole) throws Unreadable {
        Stream stream = sniff(whole);
        if (stream == null) {
            return null;
        }
        List<Cut> cuts = cuts(whole, stream);
        List<byte[]> out = new ArrayList<>();
        for (Cut c : cuts == null ? List.<Cut>of() : cuts) {
            if (notBlank(whole, List.of(new int[] {c.textFrom, c.textTo})).isEmpty()) {
                continue;
            }
            if (c.inflateFrom < 0) {
                out.add(Arrays.copyOfRange(whole, c.textFrom, c.textTo));
            } else {
                out.add(Arrays.copyOfRange(whole, c.textFrom, c.inflateFrom));
                out.add(inflate(whole, c.inflateFrom, c.textTo));
            }
        }
        return out;
    }

    /** The texts {@code [textFrom, textTo)} of {@code cuts}; null for null. */
    private static List<int[]> texts(List<Cut> cuts) {
        if (cuts == null) {
            return null;
        }
        List<int[]> out = new ArrayList<>(cuts.size());
        cuts.forEach(c -> out.add(new int[] {c.textFrom, c.textTo}));
        return out;
    }

    /** The ranges to take out of a whole image of a known kind; null when it starts no such stream. */
    private static List<Cut> cuts(byte[] b, Stream stream) throws Unreadable {
        if (stream == Stream.JPEG) {
            return jpegCuts(b);
        }
        if (stream == Stream.PNG) {
            return pngCuts(b);
        }
        List<int[]> segments;
        try {
            segments = segments(b, true, stream);
        } catch (MoreBytes cannotBeWhole) {
            throw new IllegalStateException("a whole image asked for more bytes", cannotBeWhole);
        }
        if (segments == null) {
            return null;
        }
        List<Cut> out = new ArrayList<>();
        segments.forEach(t -> out.add(new Cut(t[0], t[1], t[0], t[1], -1)));
        return out;
    }

    /**
     * A whole JPEG's or JPEG-LS's metadata segments, with their markers, at any place before its end marker, and the
     * bytes after its end marker.
     */
    private static List<Cut> jpegCuts(byte[] b) throws Unreadable {
        JpegWalk walk;
        try {
            walk = walkJpeg(b, true, true, false);
        } catch (MoreBytes cannotBeWhole) {
            throw new IllegalStateException("a whole image asked for more bytes", cannotBeWhole);
        }
        List<Cut> out = new ArrayList<>();
        for (int[] f : walk.segments) {
            if (isMetadata(f[0], walk.jpegLs)) {
                out.add(new Cut(f[1], f[3], f[2], f[3], -1));
            }
        }
        if (walk.end < b.length) {
            out.add(new Cut(walk.end, b.length, walk.end, b.length, -1));
        }
        return out;
    }

    /**
     * A whole PNG's chunks other than the critical ones and those the picture is shown with ({@link #PNG_PICTURE}),
     * whole (length, type, data, CRC), and the bytes after {@code IEND}; null when {@code b} is no PNG.
     */
    private static List<Cut> pngCuts(byte[] b) throws Unreadable {
        if (!startsWith(b, PNG_SIGNATURE)) {
            return null;
        }
        List<Cut> out = new ArrayList<>();
        int p = PNG_SIGNATURE.length;
        while (true) {
            if (p + 12 > b.length) {
                throw new Unreadable("its PNG chunks end before IEND");
            }
            long length = (b[p] & 0xFFL) << 24 | (b[p + 1] & 0xFFL) << 16 | (b[p + 2] & 0xFFL) << 8 | b[p + 3] & 0xFFL;
            if (length > b.length - p - 12L) {
                throw new Unreadable("a PNG chunk runs past the end of the image");
            }
            String type = new String(b, p + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            for (int k = 0; k < 4; k++) {
                char t = type.charAt(k);
                if (!(t >= 'A' && t <= 'Z' || t >= 'a' && t <= 'z')) {
                    throw new Unreadable("a PNG chunk's type is not four letters");
                }
            }
            int data = p + 8;
            int next = data + (int) length + 4;
            boolean critical = Character.isUpperCase(type.charAt(0));
            if (!critical && !PNG_PICTURE.contains(type)) {
                out.add(new Cut(p, next, data, data + (int) length, compressedText(b, type, data, data + (int) length)));
            }
            p = next;
            if (type.equals("IEND")) {
                break;
            }
        }
        if (p < b.length) {
            out.add(new Cut(p, b.length, p, b.length, -1));
        }
        return out;
    }

    /**
     * Where a {@code zTXt} chunk's compressed text starts (after its keyword, its NUL and its method), or an
     * {@code iTXt} chunk's when its compression flag is set (after keyword, flag, method, language tag and translated
     * keyword); -1 for text stored plain, and where the chunk's fields do not end within it.
     */
    private static int compressedText(byte[] b, String type, int from, int to) {
        if (!type.equals("zTXt") && !type.equals("iTXt")) {
            return -1;
        }
        int p = nul(b, from, to);
        if (p < 0) {
            return -1;
        }
        if (type.equals("zTXt")) {
            return p + 2 <= to ? p + 2 : -1;
        }
        if (p + 3 > to || b[p + 1] != 1) {
            return -1;
        }
        int language = nul(b, p + 3, to);
        int translated = language < 0 ? -1 : nul(b, language + 1, to);
        return translated < 0 ? -1 : translated + 1;
    }

    private static int nul(byte[] b, int from, int to) {
        for (int k = from; k < to; k++) {
            if (b[k] == 0) {
                return k;
            }
        }
        return -1;
    }

    /** zlib data inflated, at most {@link #MAX_INFLATED} bytes. */
    private static byte[] inflate(byte[] b, int from, int to) throws Unreadable {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        try {
            inflater.setInput(b, from, to - from);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new Unreadable("a PNG chunk's compressed text ends early");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new Unreadable("a PNG chunk's compressed text inflates past 16 MiB");
                }
            }
            return out.toByteArray();
        } catch (java.util.zip.DataFormatException e) {
            throw new Unreadable("a PNG chunk's compressed text is not zlib data");
        } finally {
            inflater.end();
        }
    }
}
