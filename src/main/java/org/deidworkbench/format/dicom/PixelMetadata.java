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
        int blanked = 0;
        boolean changed = false;
        for (int i = 1; i < fragments.size(); i++) { // the first item is the Basic Offset Table
            Fragment f = fragments.get(i);
            Read r = read(f, kind, i);
            List<int[]> payloads = r.payloads();
            if (payloads == null || payloads.isEmpty()) {
                continue;
            }
            byte[] bytes;
            if (r.head().length == f.length()) {
                bytes = r.head().clone(); // the whole fragment was read
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
        for (int i = 1; i < pixels.fragments().size(); i++) {
            Read r;
            try {
                r = read(pixels.fragments().get(i), kind, i);
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
