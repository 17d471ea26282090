package org.deidworkbench.dicom;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.deidworkbench.io.AtomicFiles;

/**
 * Writes DICOM Part 10 files: a zero preamble, {@code DICM}, a regenerated file meta group
 * (group length, version, Media Storage SOP Class/Instance UID taken from the data set's SOP
 * Class/Instance UID, transfer syntax, and this implementation's class UID and version name) and
 * the data set in the chosen transfer syntax. Sequences and items keep the defined or undefined
 * length they were read with; group length elements are recomputed; odd values are padded with
 * the VR's padding byte; {@link BulkData} values are copied from their source in 1 MB chunks.
 * Output of a file that this writer produced, read back, is byte-identical.
 *
 * <p>Instances are stateless and thread-safe. Cost: linear in the output size, plus a sizing
 * pass per nested level of defined-length items.
 */
public final class DicomWriter {

    /**
     * Our Implementation Class UID (0002,0012): a UUID-derived {@code 2.25} UID (PS3.5 §B.2)
     * generated once for DeID Workbench; it never changes between versions.
     */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.109335071518175273734417608330774771160";
    /** Our Implementation Version Name (0002,0013), at most 16 characters. */
    public static final String IMPLEMENTATION_VERSION_NAME = "DEIDWB_0.1";

    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int[] REGENERATED = {Tag.FILE_META_GROUP_LENGTH, Tag.FILE_META_VERSION,
        Tag.MEDIA_STORAGE_SOP_CLASS_UID, Tag.MEDIA_STORAGE_SOP_INSTANCE_UID, Tag.TRANSFER_SYNTAX_UID,
        Tag.IMPLEMENTATION_CLASS_UID, Tag.IMPLEMENTATION_VERSION_NAME};

    private record Enc(boolean explicit, boolean bigEndian) {
        static final Enc EXPLICIT_LE = new Enc(true, false);
        static final Enc IMPLICIT_LE = new Enc(false, false);
    }

    /** Writes the file in its own transfer syntax. */
    public void write(DicomFile file, OutputStream out) throws IOException, DicomFormatException {
        write(file, file.transferSyntax(), out);
    }

    /**
     * Writes the file in {@code ts}. Changing between native and encapsulated pixel data is not a
     * re-encoding this writer does.
     *
     * @throws DicomFormatException when the pixel data does not fit {@code ts}
     */
    public void write(DicomFile file, TransferSyntax ts, OutputStream out) throws IOException, DicomFormatException {
        Element pixels = file.dataset().get(Tag.PIXEL_DATA);
        if (pixels != null && pixels.isFragments() && !ts.encapsulated()) {
            throw new DicomFormatException(DicomFormatException.CANNOT_ENCODE, -1, Tag.toString(Tag.PIXEL_DATA),
                    "encapsulated pixel data cannot be written in " + ts.name());
        }
        if (pixels != null && !pixels.isFragments() && ts.encapsulated() && ts.known()) {
            throw new DicomFormatException(DicomFormatException.CANNOT_ENCODE, -1, Tag.toString(Tag.PIXEL_DATA),
                    "native pixel data cannot be written in " + ts.name());
        }
        Dataset meta = fileMeta(file.fileMeta(), file.dataset(), ts);
        Dataset dataset = withDirectoryOffsets(file.dataset(), 132 + datasetLength(meta, Enc.EXPLICIT_LE),
                new Enc(ts.explicitVr(), ts.bigEndian()), ts.deflated());
        DicomOutput o = new DicomOutput(out);
        try {
            for (int i = 0; i < 128; i++) {
                o.u8(0);
            }
            o.u8('D');
            o.u8('I');
            o.u8('C');
            o.u8('M');
            writeDataset(o, meta, Enc.EXPLICIT_LE);
            if (ts.deflated()) {
                o.flush();
                Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
                try {
                    DeflaterOutputStream d = new DeflaterOutputStream(out, deflater, 64 * 1024);
                    try (DicomOutput inner = new DicomOutput(d)) {
                        writeTopLevel(inner, dataset, new Enc(true, false));
                    }
                    d.finish();
                } finally {
                    deflater.end();
                }
            } else {
                writeTopLevel(o, dataset, new Enc(ts.explicitVr(), ts.bigEndian()));
            }
        } finally {
            o.close();
        }
        out.flush();
    }

    /**
     * Writes the file to {@code target} atomically through {@link AtomicFiles}: a temporary file in
     * the same folder is written, forced to disk and renamed over the target, so no half-written
     * file ever appears.
     */
    public void write(DicomFile file, Path target) throws IOException, DicomFormatException {
        try {
            AtomicFiles.write(target, out -> {
                try {
                    write(file, out);
                } catch (DicomFormatException e) {
                    throw new Unwritable(e);
                }
            });
        } catch (Unwritable e) {
            throw e.reason;
        }
    }

    /** Carries a {@link DicomFormatException} through {@link AtomicFiles.Body}, which may throw I/O errors only. */
    private static final class Unwritable extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient DicomFormatException reason;

        Unwritable(DicomFormatException reason) {
            super(reason.code());
            this.reason = reason;
        }
    }

    /** Writes a bare data set (no preamble, no file meta) in {@code ts}, e.g. for network or nested use. */
    public void writeDataset(Dataset dataset, TransferSyntax ts, OutputStream out) throws IOException {
        try (DicomOutput o = new DicomOutput(out)) {
            writeDataset(o, dataset, new Enc(ts.explicitVr(), ts.bigEndian()));
        }
        out.flush();
    }

    /**
     * The file meta group this writer emits: elements of {@code previous} other than the
     * regenerated ones are kept (e.g. Source Application Entity Title).
     */
    public static Dataset fileMeta(Dataset previous, Dataset dataset, TransferSyntax ts) {
        Dataset m = new Dataset();
        for (Element e : previous.elements()) {
            if (Tag.group(e.tag()) == 0x0002 && !isRegenerated(e.tag())) {
                m.put(e);
            }
        }
        m.putBytes(Tag.FILE_META_VERSION, VR.OB, new byte[] {0, 1});
        String sopClass = firstNonBlank(dataset.getString(Tag.SOP_CLASS_UID),
                previous.getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID));
        String sopInstance = firstNonBlank(dataset.getString(Tag.SOP_INSTANCE_UID),
                previous.getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID));
        if (sopClass != null) {
            m.putStrings(Tag.MEDIA_STORAGE_SOP_CLASS_UID, VR.UI, sopClass);
        }
        if (sopInstance != null) {
            m.putStrings(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID, VR.UI, sopInstance);
        }
        m.putStrings(Tag.TRANSFER_SYNTAX_UID, VR.UI, ts.uid());
        m.putStrings(Tag.IMPLEMENTATION_CLASS_UID, VR.UI, IMPLEMENTATION_CLASS_UID);
        m.putStrings(Tag.IMPLEMENTATION_VERSION_NAME, VR.SH, IMPLEMENTATION_VERSION_NAME);
        m.putLongs(Tag.FILE_META_GROUP_LENGTH, VR.UL, 0);
        return m;
    }

    private static boolean isRegenerated(int tag) {
        for (int t : REGENERATED) {
            if (t == tag) {
                return true;
            }
        }
        return false;
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    private void writeDataset(DicomOutput o, Dataset ds, Enc enc) throws IOException {
        for (Element e : ds.elements()) {
            writeElement(o, ds, e, enc);
        }
    }

    private static final int DIRECTORY_RECORD_SEQUENCE = 0x00041220;
    private static final int[] ROOT_OFFSETS = {0x00041200, 0x00041202};
    private static final int[] RECORD_OFFSETS = {0x00041400, 0x00041420};

    /**
     * A DICOMDIR's record offsets (PS3.3 F.3) count bytes from the start of the file, so they move
     * when the file meta or any earlier element changes length. Returns a copy with every offset
     * pointing at the same record in the output; other data sets are returned unchanged.
     */
    private Dataset withDirectoryOffsets(Dataset ds, long datasetStart, Enc enc, boolean deflated)
            throws DicomFormatException {
        Element records = ds.get(DIRECTORY_RECORD_SEQUENCE);
        if (records == null || !records.isSequence() || deflated) {
            return ds;
        }
        java.util.Map<Long, Long> moved = new java.util.HashMap<>();
        long pos = datasetStart;
        for (Element e : ds.elements()) {
            if (Tag.group(e.tag()) == 0x0002) {
                continue;
            }
            if (e.tag() == DIRECTORY_RECORD_SEQUENCE) {
                pos += enc.explicit() ? 12 : 8;
                for (Dataset item : e.items()) {
                    moved.put(item.sourceOffset(), pos);
                    pos += 8 + datasetLength(item, enc) + (item.undefinedLength() ? 8 : 0);
                }
                break;
            }
            pos += elementLength(ds, e, enc);
        }
        Dataset copy = ds.copy();
        patchOffsets(copy, ROOT_OFFSETS, moved);
        for (Dataset item : copy.getItems(DIRECTORY_RECORD_SEQUENCE)) {
            patchOffsets(item, RECORD_OFFSETS, moved);
        }
        return copy;
    }

    private static void patchOffsets(Dataset ds, int[] tags, java.util.Map<Long, Long> moved)
            throws DicomFormatException {
        for (int tag : tags) {
            Element e = ds.get(tag);
            if (e == null || e.bytes() == null || e.bytes().length != 4) {
                continue;
            }
            long old = ds.getLong(tag, 0);
            if (old == 0) {
                continue;
            }
            Long now = moved.get(old);
            if (now == null || now > 0xFFFFFFFFL) {
                throw new DicomFormatException(DicomFormatException.CANNOT_ENCODE, -1, Tag.toString(tag),
                        "a directory record offset does not point at a record of this DICOMDIR");
            }
            ds.put(Element.ofBytes(tag, e.vr(), Values.encodeLongs(VR.UL, now)));
        }
    }

    /** The data set after the file meta: group 0002 belongs to the meta group only and is left out. */
    private void writeTopLevel(DicomOutput o, Dataset ds, Enc enc) throws IOException {
        for (Element e : ds.elements()) {
            if (Tag.group(e.tag()) != 0x0002) {
                writeElement(o, ds, e, enc);
            }
        }
    }

    private void writeElement(DicomOutput o, Dataset ds, Element e, Enc enc) throws IOException {
        int tag = e.tag();
        boolean be = enc.bigEndian();
        o.tag(tag, be);
        if (Tag.isGroupLength(tag) && e.bytes() != null && e.vr() == VR.UL) {
            long groupLength = groupLength(ds, tag, enc);
            header(o, VR.UL, 4, enc);
            o.u32(groupLength, be);
            return;
        }
        VR vr = writtenVr(e, enc);
        if (e.isSequence()) {
            boolean un = e.vr() == VR.UN && enc.explicit();
            Enc itemEnc = un ? Enc.IMPLICIT_LE : enc;
            boolean undefined = e.undefinedLength() || un;
            header(o, vr, undefined ? UNDEFINED : itemsLength(e.items(), itemEnc), enc);
            for (Dataset item : e.items()) {
                o.tag(Tag.ITEM, itemEnc.bigEndian());
                if (item.undefinedLength()) {
                    o.u32(UNDEFINED, itemEnc.bigEndian());
                    writeDataset(o, item, itemEnc);
                    o.tag(Tag.ITEM_DELIMITATION, itemEnc.bigEndian());
                    o.u32(0, itemEnc.bigEndian());
                } else {
                    o.u32(datasetLength(item, itemEnc), itemEnc.bigEndian());
                    writeDataset(o, item, itemEnc);
                }
            }
            if (undefined) {
                o.tag(Tag.SEQUENCE_DELIMITATION, itemEnc.bigEndian());
                o.u32(0, itemEnc.bigEndian());
            }
            return;
        }
        if (e.isFragments()) {
            header(o, vr, UNDEFINED, enc);
            for (Fragment f : e.fragments()) {
                long len = f.length();
                o.tag(Tag.ITEM, be);
                o.u32(len + (len & 1), be);
                if (f.bytes() != null) {
                    o.bytes(f.bytes(), 0, f.bytes().length);
                } else {
                    o.copy(f.bulk(), 1);
                }
                if ((len & 1) == 1) {
                    o.u8(0);
                }
            }
            o.tag(Tag.SEQUENCE_DELIMITATION, be);
            o.u32(0, be);
            return;
        }
        long len = e.valueLength();
        header(o, vr, len + (len & 1), enc);
        if (e.bytes() != null) {
            byte[] b = e.bytes();
            if (be && e.vr().swapUnit() > 1) {
                b = b.clone();
                Values.swap(b, 0, b.length, e.vr().swapUnit());
            }
            o.bytes(b, 0, b.length);
        } else {
            BulkData bulk = e.bulk();
            o.copy(bulk, bulk.bigEndian() != be ? e.vr().swapUnit() : 1, e.filter());
        }
        if ((len & 1) == 1) {
            o.u8(e.vr().paddingByte());
        }
    }

    /** VR as written: values too long for a 16-bit length field become UN in explicit VR. */
    private static VR writtenVr(Element e, Enc enc) {
        VR vr = e.vr();
        if (enc.explicit() && !vr.hasLongHeader() && !e.isSequence() && !e.isFragments()) {
            long len = e.valueLength();
            if (len + (len & 1) > 0xFFFF) {
                return VR.UN;
            }
        }
        return vr;
    }

    private static void header(DicomOutput o, VR vr, long length, Enc enc) throws IOException {
        boolean be = enc.bigEndian();
        if (!enc.explicit()) {
            o.u32(length, be);
            return;
        }
        o.u8(vr.name().charAt(0));
        o.u8(vr.name().charAt(1));
        if (vr.hasLongHeader()) {
            o.u16(0, be);
            o.u32(length, be);
        } else {
            o.u16((int) length, be);
        }
    }

    private long groupLength(Dataset ds, int groupLengthTag, Enc enc) {
        long sum = 0;
        for (Element e : ds.range(groupLengthTag + 1, groupLengthTag | 0xFFFF)) {
            sum += elementLength(ds, e, enc);
        }
        return sum;
    }

    /** Encoded length of a data set's elements (the content of an item). */
    long datasetLength(Dataset ds, Enc enc) {
        long sum = 0;
        for (Element e : ds.elements()) {
            sum += elementLength(ds, e, enc);
        }
        return sum;
    }

    private long itemsLength(List<Dataset> items, Enc enc) {
        long sum = 0;
        for (Dataset item : items) {
            sum += 8 + datasetLength(item, enc) + (item.undefinedLength() ? 8 : 0);
        }
        return sum;
    }

    private long elementLength(Dataset ds, Element e, Enc enc) {
        if (Tag.isGroupLength(e.tag()) && e.bytes() != null && e.vr() == VR.UL) {
            return 12;
        }
        VR vr = writtenVr(e, enc);
        long header = enc.explicit() && vr.hasLongHeader() ? 12 : 8;
        if (e.isSequence()) {
            boolean un = e.vr() == VR.UN && enc.explicit();
            Enc itemEnc = un ? Enc.IMPLICIT_LE : enc;
            boolean undefined = e.undefinedLength() || un;
            return header + itemsLength(e.items(), itemEnc) + (undefined ? 8 : 0);
        }
        if (e.isFragments()) {
            long sum = header + 8;
            for (Fragment f : e.fragments()) {
                sum += 8 + f.length() + (f.length() & 1);
            }
            return sum;
        }
        long len = e.valueLength();
        return header + len + (len & 1);
    }
}
