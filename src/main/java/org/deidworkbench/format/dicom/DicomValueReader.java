package org.deidworkbench.format.dicom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.deidworkbench.deid.MarkupText;
import org.deidworkbench.dicom.BulkData;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomDictionary;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomFormatException;
import org.deidworkbench.dicom.DicomReader;
import org.deidworkbench.dicom.Element;
import org.deidworkbench.dicom.Fragment;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.ValueReader;

/**
 * Every value of a DICOM file that may hold text, for the leak verifier, located by its tag path
 * ({@code (0040,A730)[2]/(0040,A160) TextValue}, with {@code , value N} for the N-th of several values):
 * <ul>
 *   <li>text elements (every string and text VR, file meta included) at any depth of sequences, decoded in
 *       the Specific Character Set in effect where they are, through the codec;</li>
 *   <li>binary elements that may hold text, read as raw bytes (in pieces, whatever their size): private
 *       elements of bulk VRs (OB, OW, UN, …, encapsulated or not) — vendors keep whole text headers there —,
 *       UN elements of standard tags the dictionary could not resolve, and an Encapsulated Document
 *       (0042,0011) unless it is a PDF, which is reported as not looked into;</li>
 *   <li>of compressed pixel data (JPEG, JPEG-LS, JPEG 2000), the frames' text segments that are not blank: EXIF, XMP,
 *       IPTC captions, comments (decision 0156), located by fragment;</li>
 *   <li>not read: numbers (binary VRs) and the standard bulk data — the coded pictures, overlays, look-up tables,
 *       waveforms —, which hold no characters (burned-in text would need OCR, which the verifier does not do).</li>
 * </ul>
 * Deflated files are inflated as a stream into a temporary spool file (deleted again) by the codec; values
 * above 64 KiB stay in the file and are read in pieces, so memory is the file's small values. Stateless
 * and thread-safe.
 */
final class DicomValueReader implements ValueReader {

    private static final int ENCAPSULATED_DOCUMENT = 0x00420011;
    private static final int MIME_TYPE_OF_ENCAPSULATED_DOCUMENT = 0x00420012;
    private static final int CANCEL_CHECK_EVERY = 256;

    @Override
    public void read(Path file, Visitor visitor, BooleanSupplier cancelled) throws IOException, FormatException {
        try (DicomFile dicom = new DicomReader().read(file)) {
            Walk walk = new Walk(visitor, cancelled, dicom.transferSyntax());
            walk.dataset(dicom.fileMeta());
            walk.dataset(dicom.dataset());
        } catch (DicomFormatException e) {
            throw DicomProcessor.formatException(e);
        }
    }

    /** One walk over a file's data sets, with the tag path of the element being visited. */
    private static final class Walk implements ValueReader.Location {
        private final Visitor visitor;
        private final BooleanSupplier cancelled;
        private final DicomDictionary dictionary = DicomDictionary.standard();
        private int[] tags = new int[8];
        private int[] items = new int[8];
        private int depth;
        private int tag;
        private int valueIndex = -1;
        private long elements;

        private final TransferSyntax transferSyntax;

        Walk(Visitor visitor, BooleanSupplier cancelled, TransferSyntax transferSyntax) {
            this.visitor = visitor;
            this.cancelled = cancelled;
            this.transferSyntax = transferSyntax;
        }

        void dataset(Dataset ds) throws IOException {
            for (Element e : ds.elements()) {
                if (++elements % CANCEL_CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
                    throw new CancellationException("verification cancelled");
                }
                tag = e.tag();
                valueIndex = -1;
                if (e.isSequence()) {
                    for (int i = 0; i < e.items().size(); i++) {
                        push(e.tag(), i);
                        dataset(e.items().get(i));
                        depth--;
                    }
                    tag = e.tag();
                } else if (e.vr().isText()) {
                    String[] values = ds.getStrings(e.tag());
                    for (int i = 0; i < values.length; i++) {
                        valueIndex = values.length > 1 ? i : -1;
                        visitor.value(MarkupText.read(values[i]), this); // escaped letters (decision 0167)
                    }
                } else if (e.vr().kind() == VR.Kind.BULK) {
                    bulk(ds, e);
                }
            }
        }

        /** A binary value: read as raw text where it may hold characters (see the class description). */
        private void bulk(Dataset ds, Element e) throws IOException {
            boolean unresolved = e.vr() == VR.UN;
            if (e.tag() == ENCAPSULATED_DOCUMENT) {
                String mime = ds.getString(MIME_TYPE_OF_ENCAPSULATED_DOCUMENT);
                if (mime != null && mime.toLowerCase(Locale.ROOT).contains("pdf")) {
                    visitor.notScanned(get() + ": an encapsulated PDF document, not looked into");
                    return;
                }
            } else if (e.tag() == Tag.PIXEL_DATA && e.isFragments()) {
                // compressed frames: only their text segments hold characters (EXIF, XMP, IPTC, comments; decision 0156)
                if (!transferSyntax.known()) {
                    visitor.notScanned(get() + ": compressed in a transfer syntax this tool does not know, not looked"
                            + " into");
                    return;
                }
                for (PixelMetadata.Text t : PixelMetadata.texts(e, transferSyntax)) {
                    valueIndex = t.fragment();
                    if (t.bytes() == null) {
                        visitor.notScanned(get() + ": a compressed frame whose segments cannot be read, not looked"
                                + " into");
                    } else {
                        visitor.bytes(new ByteArrayInputStream(t.bytes()), this);
                    }
                }
                return;
            } else if (!Tag.isPrivate(e.tag()) && !unresolved) {
                return; // pixel data, overlays, look-up tables, waveforms: numbers, not characters
            }
            if (e.isFragments()) {
                for (int i = 0; i < e.fragments().size(); i++) {
                    valueIndex = i;
                    Fragment f = e.fragments().get(i);
                    bytes(f.bytes(), f.bulk());
                }
            } else {
                bytes(e.bytes(), e.bulk());
            }
        }

        private void bytes(byte[] inMemory, BulkData inFile) throws IOException {
            if (inMemory != null) {
                visitor.bytes(new ByteArrayInputStream(inMemory), this);
                return;
            }
            try (FileChannel channel = FileChannel.open(inFile.file(), StandardOpenOption.READ)) {
                channel.position(inFile.offset());
                InputStream in = Channels.newInputStream(channel);
                visitor.bytes(new org.deidworkbench.format.LimitedInputStream(in, inFile.length()), this);
            }
        }

        private void push(int sequence, int item) {
            if (depth == tags.length) {
                tags = java.util.Arrays.copyOf(tags, depth * 2);
                items = java.util.Arrays.copyOf(items, depth * 2);
            }
            tags[depth] = sequence;
            items[depth] = item;
            depth++;
        }

        /** The tag path as {@link #get} writes it, without the sequence items and the value's place among several. */
        @Override
        public Object field() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                b.append(Tag.toString(tags[i])).append('/');
            }
            return b.append(Tag.toString(tag)).toString();
        }

        /** The tag path of the value being visited, e.g. {@code (0040,A730)[2]/(0040,A160) TextValue, value 2}. */
        @Override
        public String get() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                b.append(Tag.toString(tags[i])).append('[').append(items[i]).append("]/");
            }
            b.append(Tag.toString(tag));
            String keyword = Tag.isPrivate(tag) ? null : dictionary.keyword(tag);
            if (keyword != null && !keyword.isEmpty()) {
                b.append(' ').append(keyword);
            }
            if (valueIndex >= 0) {
                b.append(", value ").append(valueIndex + 1);
            }
            return b.toString();
        }
    }
}
