package org.deidworkbench.format.dicom;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.Element;
import org.deidworkbench.dicom.Fragment;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.format.ImageText;
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
 * colour transform). Where the text stands in each kind of stream is {@link ImageText}'s to find; a JPEG XL container
 * and a JP2 file are read whole, as their boxes may follow the codestream.
 *
 * <p>A JPEG or JPEG-LS frame is followed to its end marker, through every fragment it spans, so that segments between
 * its scans and whatever follows its end (a phone's appended video, a vendor's trailer) are found too (decision 0166).
 * A JPEG 2000 or JPEG XL frame is read from its fragment's start (its header, or whole where boxes may follow the
 * codestream). A frame whose text cannot be found safely (a stream that cannot be followed to its end, a header longer
 * than {@link #MAX_HEAD} bytes, bytes that are no marker where one must be) is not guessed at: the file is withheld,
 * with the fragment named. Stateless.
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
    /** The stream a transfer syntax's frames are, or null (RLE, video, encapsulated uncompressed). */
    private static ImageText.Stream stream(String uid) {
        return JPEG_UIDS.contains(uid) ? ImageText.Stream.JPEG : JPEG_LS_UIDS.contains(uid) ? ImageText.Stream.JPEG_LS
                : JPEG_2000_UIDS.contains(uid) ? ImageText.Stream.JPEG_2000
                : JPEG_XL_UIDS.contains(uid) ? ImageText.Stream.JPEG_XL : null;
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
        ImageText.Stream kind = stream(ts.uid());
        if (kind == null) {
            return 0; // RLE, video, encapsulated uncompressed: no place for text this reads
        }
        List<Fragment> fragments = new ArrayList<>(pixels.fragments());
        if (kind == ImageText.Stream.JPEG || kind == ImageText.Stream.JPEG_LS) {
            JpegText text;
            try {
                text = jpegText(fragments, kind == ImageText.Stream.JPEG_LS);
            } catch (Unfollowed e) {
                throw unreadable(e.fragment, e.getMessage());
            }
            if (text.places().isEmpty()) {
                return 0;
            }
            Map<Integer, List<Place>> byFragment = new TreeMap<>();
            text.places().forEach(p -> byFragment.computeIfAbsent(p.fragment(), k -> new ArrayList<>()).add(p));
            for (Map.Entry<Integer, List<Place>> e : byFragment.entrySet()) {
                int i = e.getKey();
                byte[] bytes = inMemory(fragments.get(i), i, "carries text");
                for (Place p : e.getValue()) {
                    Arrays.fill(bytes, (int) p.from(), (int) p.to(), (byte) 0);
                }
                fragments.set(i, Fragment.of(bytes));
            }
            ds.put(Element.ofFragments(Tag.PIXEL_DATA, pixels.vr(), fragments));
            return text.count();
        }
        int blanked = 0;
        boolean changed = false;
        for (int i = 1; i < fragments.size(); i++) { // the first item is the Basic Offset Table
            Fragment f = fragments.get(i);
            Read r = read(f, kind, i);
            List<int[]> payloads = r.payloads();
            if (payloads == null || payloads.isEmpty()) {
                continue;
            }
            byte[] bytes = r.head().length == f.length() ? r.head().clone() // the whole fragment was read
                    : inMemory(f, i, "carries text segments");
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

    /** A copy of fragment {@code i}'s bytes to blank, or withheld when it is too large to be held in memory. */
    private static byte[] inMemory(Fragment f, int i, String why) throws IOException, WithheldException {
        if (f.bytes() != null) {
            return f.bytes().clone();
        }
        if (f.length() > MAX_FRAGMENT_IN_MEMORY) {
            throw unreadable(i, "its frame of " + f.length() + " bytes " + why + " and is too large to be blanked in"
                    + " memory");
        }
        return f.bulk().readAll();
    }

    /**
     * A place of text in the fragments: fragment {@code fragment}'s bytes {@code [from, to)}, part {@code text} of the
     * texts found (a segment whose payload runs from one fragment into the next has a place in each).
     */
    private record Place(int fragment, long from, long to, int text) {
    }

    /** The places of a JPEG family's frames' text, and how many texts they are (segments and trailers). */
    private record JpegText(List<Place> places, int count) {
    }

    /**
     * Where the text of every JPEG or JPEG-LS frame is in the fragments (decision 0166): the payloads of its metadata
     * segments wherever they stand — before its first scan, between the scans of a progressive or hierarchical frame,
     * in a payload that runs on into the frame's next fragment — and whatever follows its end marker in its last
     * fragment (a phone's appended video, a second picture with its own EXIF, a vendor's trailer), unless that is only
     * padding (0x00 or 0xFF bytes). A frame is walked from the fragment that starts it with SOI through as many
     * fragments as its stream runs on, to its end marker (PS3.5 A.4: a fragment holds data of one frame only), each
     * fragment left in the source read in pieces: nothing larger than a piece is held. A frame whose stream cannot be
     * followed to its end marker, and a fragment that neither starts a frame nor continues one, withhold the file.
     */
    private static JpegText jpegText(List<Fragment> fragments, boolean jpegLs) throws IOException, Unfollowed {
        String label = jpegLs ? ImageText.Stream.JPEG_LS.label() : ImageText.Stream.JPEG.label();
        List<Place> places = new ArrayList<>();
        int texts = 0;
        try (Pieces pieces = new Pieces()) {
            ImageText.JpegWalker walker = null;
            List<long[]> frame = new ArrayList<>(); // {fragment, where its bytes start in the frame's stream}
            long streamed = 0;
            for (int i = 1; i < fragments.size(); i++) { // the first item is the Basic Offset Table
                Fragment f = fragments.get(i);
                if (walker == null) {
                    if (f.length() < 2 || !ImageText.startsJpeg(pieces.first(f, 2))) {
                        throw new Unfollowed(i, i == 1 ? "it does not start a " + label + " stream where the first"
                                + " frame begins" : "it neither starts a " + label + " frame nor continues one");
                    }
                    walker = new ImageText.JpegWalker(jpegLs, true);
                    frame.clear();
                    streamed = 0;
                }
                frame.add(new long[] {i, streamed});
                Fed fed = pieces.feed(f, walker, i);
                streamed += fed.used();
                if (!walker.ended()) {
                    continue; // the frame runs on into the next fragment
                }
                for (long[] s : walker.segments()) {
                    if (ImageText.isMetadata((int) s[0], walker.jpegLs()) && s[3] > s[2]) {
                        split(frame, fragments, s[2], s[3], texts++, places);
                    }
                }
                if (fed.trailer()) {
                    places.add(new Place(i, fed.used(), f.length(), texts++));
                }
                walker = null;
            }
            if (walker != null) {
                try {
                    walker.finish("its frame");
                } catch (ImageText.Unreadable e) {
                    throw new Unfollowed(fragments.size() - 1, e.getMessage());
                }
            }
        }
        return new JpegText(places, texts);
    }

    /** The places in the frame's fragments of its stream's bytes {@code [from, to)}. */
    private static void split(List<long[]> frame, List<Fragment> fragments, long from, long to, int text,
            List<Place> out) {
        for (long[] f : frame) {
            long start = f[1];
            long end = start + fragments.get((int) f[0]).length();
            if (from < end && to > start) {
                out.add(new Place((int) f[0], Math.max(from, start) - start, Math.min(to, end) - start, text));
            }
        }
    }

    /** A frame's stream that cannot be followed, in fragment {@code fragment}; the message says why, never a value. */
    private static final class Unfollowed extends Exception {
        private static final long serialVersionUID = 1L;
        private final int fragment;

        Unfollowed(int fragment, String why) {
            super(why, null, false, false);
            this.fragment = fragment;
        }
    }

    /** How many bytes of a fragment belong to its frame's stream, and whether the rest holds anything but padding. */
    private record Fed(long used, boolean trailer) {
    }

    /** The fragments' bytes, piece by piece; one channel open on a source file at a time. */
    private static final class Pieces implements AutoCloseable {
        private static final int PIECE = 64 << 10;
        private final byte[] buffer = new byte[PIECE];
        private Path open;
        private FileChannel channel;

        private FileChannel channel(Path file) throws IOException {
            if (!file.equals(open)) {
                close();
                channel = FileChannel.open(file, StandardOpenOption.READ);
                open = file;
            }
            return channel;
        }

        /** The fragment's first {@code count} bytes (it has as many). */
        byte[] first(Fragment f, int count) throws IOException {
            if (f.bytes() != null) {
                return Arrays.copyOf(f.bytes(), count);
            }
            byte[] out = new byte[count];
            f.bulk().read(channel(f.bulk().file()), 0, out, 0, count);
            return out;
        }

        /** Walks the fragment's bytes until the stream ends, then looks at the rest for anything but padding. */
        Fed feed(Fragment f, ImageText.JpegWalker walker, int i) throws IOException, Unfollowed {
            long used = 0;
            boolean trailer = false;
            long length = f.length();
            for (long at = 0; at < length; ) {
                byte[] b;
                int n;
                if (f.bytes() != null) {
                    b = f.bytes();
                    n = b.length;
                } else {
                    b = buffer;
                    n = (int) Math.min(PIECE, length - at);
                    f.bulk().read(channel(f.bulk().file()), at, b, 0, n);
                }
                int k = 0;
                if (!walker.ended()) {
                    try {
                        k = walker.feed(b, 0, n);
                    } catch (ImageText.Unreadable e) {
                        throw new Unfollowed(i, e.getMessage());
                    }
                    used += k;
                }
                for (; k < n && !trailer; k++) {
                    trailer = b[k] != 0 && b[k] != (byte) 0xFF;
                }
                if (trailer) {
                    break; // it is blanked whole: the rest need not be read
                }
                at += n;
            }
            return new Fed(used, trailer);
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                channel.close();
                channel = null;
                open = null;
            }
        }
    }

    /** A fragment's first bytes and where its metadata segments' payloads are in them (null: it starts no frame). */
    private record Read(byte[] head, List<int[]> payloads) {
    }

    /**
     * The fragment's first bytes and its text segments; the first fragment must start a stream, or it is wrapped in
     * something else (text could be anywhere), and withholds the file.
     */
    private static Read read(Fragment f, ImageText.Stream kind, int i) throws IOException, WithheldException {
        Read r = readSegments(f, kind, i);
        if (r.payloads() == null && i == 1) {
            throw unreadable(i, "it does not start a " + kind.label() + " stream where the first frame begins");
        }
        return r;
    }

    private static Read readSegments(Fragment f, ImageText.Stream kind, int i) throws IOException, WithheldException {
        byte[] head = head(f, FIRST_READ);
        try {
            if (ImageText.needsWhole(head, kind)) {
                // boxes may follow the codestream (and a JP2 file's codestream holds comments): the frame is read whole
                if (f.bytes() == null && f.length() > MAX_FRAGMENT_IN_MEMORY) {
                    throw unreadable(i, "its " + kind.label() + " frame of " + f.length() + " bytes is too large to be"
                            + " read for its boxes");
                }
                byte[] all = f.bytes() != null ? f.bytes() : f.bulk().readAll();
                return new Read(all, ImageText.segments(all, true, kind));
            }
            try {
                return new Read(head, ImageText.segments(head, head.length == f.length(), kind));
            } catch (ImageText.MoreBytes e) {
                head = head(f, MAX_HEAD);
                return new Read(head, ImageText.segments(head, head.length == f.length(), kind));
            }
        } catch (ImageText.MoreBytes again) {
            throw unreadable(i, "its header runs past the first " + MAX_HEAD + " bytes");
        } catch (ImageText.Unreadable e) {
            throw unreadable(i, e.getMessage());
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
    static List<Text> texts(Element pixels, TransferSyntax ts) throws IOException {
        List<Text> out = new ArrayList<>();
        ImageText.Stream kind = stream(ts.uid());
        if (!pixels.isFragments() || kind == null) {
            return out;
        }
        List<Fragment> fragments = pixels.fragments();
        if (kind == ImageText.Stream.JPEG || kind == ImageText.Stream.JPEG_LS) {
            JpegText text;
            try {
                text = jpegText(fragments, kind == ImageText.Stream.JPEG_LS);
            } catch (Unfollowed e) {
                out.add(new Text(e.fragment, null));
                return out;
            }
            Map<Integer, List<Place>> byText = new TreeMap<>();
            text.places().forEach(p -> byText.computeIfAbsent(p.text(), k -> new ArrayList<>()).add(p));
            for (List<Place> parts : byText.values()) {
                int first = parts.get(0).fragment();
                long size = parts.stream().mapToLong(p -> p.to() - p.from()).sum();
                if (size > MAX_FRAGMENT_IN_MEMORY) {
                    out.add(new Text(first, null));
                    continue;
                }
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream((int) size);
                for (Place p : parts) {
                    Fragment f = fragments.get(p.fragment());
                    bytes.writeBytes(f.bytes() != null ? Arrays.copyOfRange(f.bytes(), (int) p.from(), (int) p.to())
                            : f.bulk().read(p.from(), (int) (p.to() - p.from())));
                }
                byte[] b = bytes.toByteArray();
                if (!ImageText.notBlank(b, List.of(new int[] {0, b.length})).isEmpty()) {
                    out.add(new Text(first, b));
                }
            }
            return out;
        }
        for (int i = 1; i < fragments.size(); i++) {
            Read r;
            try {
                r = read(fragments.get(i), kind, i);
            } catch (WithheldException e) {
                out.add(new Text(i, null));
                continue;
            }
            for (int[] p : ImageText.notBlank(r.head(), r.payloads())) {
                out.add(new Text(i, Arrays.copyOfRange(r.head(), p[0], p[1])));
            }
        }
        return out;
    }

    /** Bytes read first from a fragment left in the source: a JPEG's tables take a few hundred, EXIF up to 64 KB. */
    private static final int FIRST_READ = 8 << 10;

    /** The fragment's first bytes: all of it when it is in memory, else at most {@code most} of it. */
    private static byte[] head(Fragment f, int most) throws IOException {
        if (f.bytes() != null) {
            return f.bytes();
        }
        return f.bulk().readFirst(most);
    }

    private static WithheldException unreadable(int fragment, String why) {
        return new WithheldException(UNREADABLE, Tag.toString(Tag.PIXEL_DATA) + " fragment " + fragment, "the"
                + " compressed pixel data may carry text (EXIF, comments) that cannot be found safely: " + why);
    }
}
