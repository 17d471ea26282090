package org.deidworkbench.dicom;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads DICOM Part 10 files (with or without the 128-byte preamble, with or without file meta
 * information) and bare data sets, in every transfer syntax: implicit and explicit VR little
 * endian, explicit VR big endian, deflated, and encapsulated pixel data (fragments and offset
 * table kept untouched). Values of bulk VRs (OB, OW, OF, OD, OL, OV, UN) larger than the bulk
 * threshold stay in the source file as {@link BulkData} when reading from a {@link Path}.
 * Explicit UN elements of standard tags get their PS3.6 VR (see {@link #withUnResolution}).
 *
 * <p>Malformed input always ends in a {@link DicomFormatException} with the byte offset and tag
 * path: every length is checked against the bytes that remain before anything is allocated,
 * nesting depth is capped and memory held for the result is charged to a budget, so neither time
 * nor memory can run away. Instances are immutable and thread-safe; each call reads one file.
 */
public final class DicomReader {

    /** Values of bulk VRs above this size (bytes) stay in the file by default. */
    public static final long DEFAULT_BULK_THRESHOLD = 64 * 1024;
    /** Default maximum sequence nesting depth. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int ELEMENT_COST = 64;
    private static final int CHUNK = 1 << 20;

    /** Default largest inflated size of a deflated data set spooled to disk (64 GiB). */
    public static final long DEFAULT_SPOOL_LIMIT = 64L << 30;

    private final long bulkThreshold;
    private final int maxDepth;
    private final long memoryBudget;
    private final boolean resolveUn;
    private final Path spoolFolder;
    private final long spoolLimit;

    /**
     * A reader with the default threshold and depth, a memory budget of a quarter of the maximum
     * heap, and UN elements of standard tags resolved to their dictionary VR.
     */
    public DicomReader() {
        this(DEFAULT_BULK_THRESHOLD, DEFAULT_MAX_DEPTH, Runtime.getRuntime().maxMemory() / 4, true, null,
                DEFAULT_SPOOL_LIMIT);
    }

    private DicomReader(long bulkThreshold, int maxDepth, long memoryBudget, boolean resolveUn, Path spoolFolder,
            long spoolLimit) {
        this.bulkThreshold = bulkThreshold;
        this.maxDepth = maxDepth;
        this.memoryBudget = memoryBudget;
        this.resolveUn = resolveUn;
        this.spoolFolder = spoolFolder;
        this.spoolLimit = spoolLimit;
    }

    /** A copy that keeps bulk values larger than {@code bytes} in the file ({@code Long.MAX_VALUE}: never). */
    public DicomReader withBulkThreshold(long bytes) {
        return new DicomReader(bytes, maxDepth, memoryBudget, resolveUn, spoolFolder, spoolLimit);
    }

    /** A copy that rejects sequences nested deeper than {@code depth}. */
    public DicomReader withMaxDepth(int depth) {
        return new DicomReader(bulkThreshold, depth, memoryBudget, resolveUn, spoolFolder, spoolLimit);
    }

    /** A copy that rejects files needing more than about {@code bytes} of heap for the result. */
    public DicomReader withMemoryBudget(long bytes) {
        return new DicomReader(bulkThreshold, maxDepth, bytes, resolveUn, spoolFolder, spoolLimit);
    }

    /**
     * A copy that inflates deflated data sets read from a path into a spool file in {@code folder}
     * (default: the system's temporary folder), failing with {@code DICOM-TOO-LARGE} beyond
     * {@code limit} inflated bytes. The spool holds the file's content in clear: put it where the
     * input may be, and close the {@link DicomFile} (which deletes it) when done.
     */
    public DicomReader withSpool(Path folder, long limit) {
        return new DicomReader(bulkThreshold, maxDepth, memoryBudget, resolveUn, folder, limit);
    }

    /**
     * A copy that does ({@code true}, the default) or does not resolve explicit UN elements of
     * standard (non-private) tags to their PS3.6 VR, parsing UN-encoded sequences as implicit VR
     * little endian items (as pydicom does). Resolution matters for de-identification: a Patient's
     * Name sent as UN is still a name. Turn it off only to reproduce a file's VRs exactly.
     */
    public DicomReader withUnResolution(boolean resolve) {
        return new DicomReader(bulkThreshold, maxDepth, memoryBudget, resolve, spoolFolder, spoolLimit);
    }

    /**
     * Reads a file; large bulk values are left in it (the file must stay unchanged while the
     * result is used). Cost: one pass over the headers, values below the threshold in memory.
     */
    public DicomFile read(Path file) throws IOException, DicomFormatException {
        long size = Files.size(file);
        // FileInputStream.skip seeks, so bulk values are skipped without being read.
        try (InputStream in = new java.io.FileInputStream(file.toFile())) {
            DicomInput input = DicomInput.lending(in, size);
            try {
                return new Parse(input, file).file();
            } finally {
                // The parse copied every value it keeps: the buffer (and a deflated remainder over it) is done.
                input.giveBack();
            }
        }
    }

    /** Reads from memory (everything stays in memory). */
    public DicomFile read(byte[] bytes) throws DicomFormatException {
        try {
            return new Parse(new DicomInput(new ByteArrayInputStream(bytes), bytes.length), null).file();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory input cannot fail", e);
        }
    }

    /** Reads from a stream of unknown length (everything stays in memory, within the budget). */
    public DicomFile read(InputStream in) throws IOException, DicomFormatException {
        return new Parse(new DicomInput(new BufferedInputStream(in), -1), null).file();
    }

    /** Encoding of the bytes being parsed. */
    private record Enc(boolean explicit, boolean bigEndian) {
        static final Enc IMPLICIT_LE = new Enc(false, false);
        static final Enc EXPLICIT_LE = new Enc(true, false);
    }

    /** The state of one read. */
    private final class Parse {
        private DicomInput in;
        private Path source;
        private long budget = memoryBudget;
        private final int[] pathTags = new int[maxDepth + 2];
        private final int[] pathItems = new int[maxDepth + 2];
        private int pathLen;
        private long elementStart;
        private final DicomDictionary dict = DicomDictionary.standard();

        Parse(DicomInput in, Path source) {
            this.in = in;
            this.source = source;
        }

        DicomFile file() throws IOException, DicomFormatException {
            try {
                return parseFile();
            } catch (EOFException e) {
                throw error(DicomFormatException.TRUNCATED, in.position(), "the input ends early");
            } catch (ZipException e) {
                throw error(DicomFormatException.BAD_DEFLATE, in.position(), "the deflated data set is corrupt");
            }
        }

        private DicomFile parseFile() throws IOException, DicomFormatException {
            Dataset meta = new Dataset();
            int n = in.ensure(132);
            boolean hasMeta = false;
            if (n >= 132 && in.peek(128) == 'D' && in.peek(129) == 'I' && in.peek(130) == 'C' && in.peek(131) == 'M') {
                in.skip(132);
                hasMeta = true;
            } else if (n >= 4 && in.peek(0) == 'D' && in.peek(1) == 'I' && in.peek(2) == 'C' && in.peek(3) == 'M') {
                in.skip(4);
                hasMeta = true;
            } else if (n >= 2 && in.peek(0) == 0x02 && in.peek(1) == 0x00) {
                hasMeta = true;
            }
            if (n == 0) {
                throw error(DicomFormatException.NOT_DICOM, 0, "the input is empty");
            }
            TransferSyntax ts = null;
            if (hasMeta) {
                readMeta(meta);
                String uid = meta.getString(Tag.TRANSFER_SYNTAX_UID);
                if (uid != null && !uid.isBlank()) {
                    ts = TransferSyntax.of(uid);
                }
            }
            Dataset ds = new Dataset();
            if (in.atEnd()) {
                if (!hasMeta) {
                    throw error(DicomFormatException.NOT_DICOM, 0, "no data set found");
                }
                return new DicomFile(meta, ds, ts != null ? ts : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            }
            Path spool = null;
            java.io.InputStream spooled = null;
            if (ts != null && ts.deflated()) {
                if (source != null) {
                    // Inflated to disk, so large values stay references there instead of filling the heap.
                    spool = spool(in.remainder());
                    spooled = Files.newInputStream(spool);
                    in = new DicomInput(spooled, Files.size(spool));
                    source = spool;
                } else {
                    in = new DicomInput(new InflaterInputStream(in.remainder(), new Inflater(true)), -1);
                }
            }
            try {
                Enc enc = sniff(ts);
                TransferSyntax effective = effective(ts, enc);
                readDataset(ds, -1, enc, 0, true);
                return new DicomFile(meta, ds, effective, spool);
            } catch (IOException | DicomFormatException | RuntimeException e) {
                if (spool != null) {
                    Files.deleteIfExists(spool);
                }
                throw e;
            } finally {
                if (spooled != null) {
                    spooled.close();
                }
            }
        }

        /** Inflates the rest of the input into a new owner-only temporary file; deleted again on any failure. */
        private Path spool(java.io.InputStream deflated) throws IOException, DicomFormatException {
            Path spool = spoolFolder == null ? Files.createTempFile("deid-inflated", ".tmp")
                    : Files.createTempFile(spoolFolder, "deid-inflated", ".tmp");
            spool.toFile().deleteOnExit();
            long start = in.position();
            try (InflaterInputStream inflating = new InflaterInputStream(deflated, new Inflater(true));
                    java.io.OutputStream out = Files.newOutputStream(spool)) {
                byte[] chunk = new byte[CHUNK / 4];
                long total = 0;
                int n;
                while ((n = inflating.read(chunk)) > 0) {
                    total += n;
                    if (total > spoolLimit) {
                        throw error(DicomFormatException.TOO_LARGE, start, "the deflated data set inflates to more"
                                + " than " + spoolLimit + " bytes");
                    }
                    out.write(chunk, 0, n);
                }
            } catch (IOException | DicomFormatException | RuntimeException e) {
                Files.deleteIfExists(spool);
                throw e;
            }
            return spool;
        }

        private TransferSyntax effective(TransferSyntax declared, Enc enc) {
            if (declared != null) {
                // A mislabelled data set (e.g. implicit VR under an explicit syntax) is written back
                // in the declared syntax, which corrects it.
                return declared;
            }
            if (!enc.explicit()) {
                return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
            }
            return enc.bigEndian() ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        }

        /**
         * Decides the encoding from the first element header: the declared syntax unless the bytes
         * clearly say otherwise (as pydicom and dcmtk do for mislabelled files).
         */
        private Enc sniff(TransferSyntax declared) throws IOException, DicomFormatException {
            int n = in.ensure(8);
            if (n < 8) {
                throw error(DicomFormatException.TRUNCATED, in.position(), "the data set ends inside the first header");
            }
            boolean bigEndian = declared != null ? declared.bigEndian() : (in.peek(0) == 0 && in.peek(1) != 0);
            int tag = bigEndian ? (in.peek(0) << 24 | in.peek(1) << 16 | in.peek(2) << 8 | in.peek(3))
                    : (in.peek(1) << 24 | in.peek(0) << 16 | in.peek(3) << 8 | in.peek(2));
            VR vr = VR.ofCode(in.peek(4), in.peek(5));
            boolean looksExplicit = vr != null;
            if (declared == null) {
                // Without file meta the first header must look like DICOM: an implicit VR data set
                // starts in a low group, and zeros are padding, not a data set.
                boolean zeros = tag == 0 && in.peek(4) == 0 && in.peek(5) == 0 && in.peek(6) == 0 && in.peek(7) == 0;
                if (zeros || (!looksExplicit && !bigEndian && Tag.group(tag) > 0x00FF)) {
                    throw error(DicomFormatException.NOT_DICOM, 0, "the input does not start like a DICOM data set");
                }
                return new Enc(looksExplicit || bigEndian, bigEndian);
            }
            if (declared.explicitVr() && !looksExplicit) {
                return new Enc(false, false);
            }
            if (!declared.explicitVr() && looksExplicit) {
                VR known = dict.vr(tag);
                if (known == vr && known != VR.UN) {
                    return Enc.EXPLICIT_LE;
                }
            }
            return new Enc(declared.explicitVr(), declared.bigEndian());
        }

        private void readMeta(Dataset meta) throws IOException, DicomFormatException {
            Enc enc = Enc.EXPLICIT_LE;
            if (in.ensure(8) >= 8 && VR.ofCode(in.peek(4), in.peek(5)) == null) {
                enc = Enc.IMPLICIT_LE;
            }
            while (in.ensure(2) >= 2 && in.peek(0) == 0x02 && in.peek(1) == 0x00) {
                elementStart = in.position();
                int tag = in.tag(false);
                meta.put(readElement(meta, tag, enc, 0));
            }
        }

        private void readDataset(Dataset ds, long end, Enc enc, int depth, boolean top)
                throws IOException, DicomFormatException {
            while (true) {
                long p = in.position();
                if (end >= 0) {
                    if (p == end) {
                        return;
                    }
                    if (p > end) {
                        throw error(DicomFormatException.LENGTH_OVERFLOW, p, "an element runs past the end of its item");
                    }
                } else if (top && in.atEnd()) {
                    return;
                }
                elementStart = p;
                int tag = in.tag(enc.bigEndian());
                if (tag == Tag.ITEM_DELIMITATION) {
                    in.u32(enc.bigEndian());
                    if (end < 0 && !top) {
                        return;
                    }
                    throw structure(tag, "item delimiter outside an item of undefined length");
                }
                if (tag == Tag.ITEM || tag == Tag.SEQUENCE_DELIMITATION) {
                    throw structure(tag, top ? "item or sequence delimiter outside a sequence"
                            : "sequence ends inside an item (missing item delimiter)");
                }
                charge(ELEMENT_COST);
                ds.put(readElement(ds, tag, enc, depth));
            }
        }

        private Element readElement(Dataset ds, int tag, Enc enc, int depth) throws IOException, DicomFormatException {
            pathTags[pathLen] = tag;
            pathItems[pathLen] = -1;
            pathLen++;
            try {
                VR vr;
                long len;
                if (enc.explicit()) {
                    int c0 = in.u8();
                    int c1 = in.u8();
                    vr = VR.ofCode(c0, c1);
                    if (vr == null) {
                        throw error(DicomFormatException.BAD_VR, elementStart + 4, "the VR bytes are not a DICOM VR");
                    }
                    if (vr.hasLongHeader()) {
                        in.u16(enc.bigEndian());
                        len = in.u32(enc.bigEndian());
                    } else {
                        len = in.u16(enc.bigEndian());
                    }
                } else {
                    vr = implicitVr(tag, ds);
                    len = in.u32(enc.bigEndian());
                }
                if (len == UNDEFINED) {
                    return readUndefined(ds, tag, vr, enc, depth);
                }
                checkLength(len);
                if (vr == VR.SQ) {
                    List<Dataset> items = readItems(ds, in.position() + len, enc, depth);
                    return Element.ofSequence(tag, VR.SQ, items, false);
                }
                VR resolved = vr == VR.UN && enc.explicit() && resolveUn ? resolvedUn(tag, ds, len) : vr;
                if (resolved.kind() == VR.Kind.BULK && len > bulkThreshold && source != null) {
                    BulkData bulk = new BulkData(source, in.position(), len, enc.bigEndian());
                    in.skip(len);
                    return Element.ofBulk(tag, resolved, bulk);
                }
                byte[] value = readValue(len);
                if (resolved == VR.SQ) {
                    List<Dataset> items = unSequence(ds, value, depth);
                    return items != null ? Element.ofSequence(tag, VR.SQ, items, false) : Element.ofBytes(tag, VR.UN, value);
                }
                if (enc.bigEndian()) {
                    Values.swap(value, 0, value.length, resolved.swapUnit());
                }
                return Element.ofBytes(tag, resolved, value);
            } finally {
                pathLen--;
            }
        }

        /** The dictionary VR for an explicit UN element of a standard tag, or UN when there is none that fits. */
        private VR resolvedUn(int tag, Dataset ds, long len) {
            if (Tag.isPrivate(tag) || Tag.group(tag) == 0xFFFE) {
                return VR.UN;
            }
            VR known = implicitVr(tag, ds);
            if (known == VR.SQ && len > bulkThreshold && source != null) {
                return VR.UN;
            }
            if (!known.hasLongHeader() && len > 0xFFFF) {
                return VR.UN;
            }
            return known;
        }

        /**
         * Parses the value of a UN element whose tag is a sequence as implicit VR little endian
         * items (PS3.5 §6.2.2); null when the bytes are not such items, in which case the value
         * stays opaque UN.
         */
        private List<Dataset> unSequence(Dataset ds, byte[] value, int depth) throws DicomFormatException {
            DicomInput outer = in;
            Path outerSource = source;
            long outerStart = elementStart;
            int outerPath = pathLen;
            in = new DicomInput(new ByteArrayInputStream(value), value.length);
            source = null;
            try {
                return readItems(ds, value.length, Enc.IMPLICIT_LE, depth);
            } catch (IOException | DicomFormatException e) {
                if (e instanceof DicomFormatException d && d.code().equals(DicomFormatException.TOO_LARGE)) {
                    throw d;
                }
                return null;
            } finally {
                in = outer;
                source = outerSource;
                elementStart = outerStart;
                pathLen = outerPath;
                pathItems[pathLen - 1] = -1;
            }
        }

        private Element readUndefined(Dataset ds, int tag, VR vr, Enc enc, int depth) throws IOException, DicomFormatException {
            boolean pixelLike = tag == Tag.PIXEL_DATA || Tag.group(tag) == 0x7FE0
                    || (Tag.group(tag) & 0xFF00) == 0x7F00;
            if (vr == VR.OB || vr == VR.OW || (pixelLike && (vr == VR.UN || !enc.explicit()))) {
                return Element.ofFragments(tag, vr == VR.UN || !enc.explicit() ? VR.OB : vr, readFragments(enc));
            }
            if (vr == VR.SQ) {
                return Element.ofSequence(tag, VR.SQ, readItems(ds, -1, enc, depth), true);
            }
            if (vr == VR.UN) {
                // PS3.5 §6.2.2: a UN element of undefined length is a sequence in implicit VR little endian.
                VR known = dict.vr(tag);
                List<Dataset> items = readItems(ds, -1, Enc.IMPLICIT_LE, depth);
                return Element.ofSequence(tag, known == VR.SQ ? VR.SQ : VR.UN, items, true);
            }
            if (!enc.explicit()) {
                return Element.ofSequence(tag, VR.SQ, readItems(ds, -1, enc, depth), true);
            }
            throw error(DicomFormatException.BAD_STRUCTURE, elementStart, "undefined length is not allowed for VR " + vr);
        }

        private List<Dataset> readItems(Dataset parent, long end, Enc enc, int depth) throws IOException, DicomFormatException {
            if (depth + 1 > maxDepth) {
                throw error(DicomFormatException.TOO_DEEP, elementStart, "sequences are nested deeper than " + maxDepth);
            }
            List<Dataset> items = new ArrayList<>();
            while (true) {
                long p = in.position();
                if (end >= 0) {
                    if (p == end) {
                        return items;
                    }
                    if (p > end) {
                        throw error(DicomFormatException.LENGTH_OVERFLOW, p, "an item runs past the end of its sequence");
                    }
                }
                elementStart = p;
                int tag = in.tag(enc.bigEndian());
                long len = in.u32(enc.bigEndian());
                if (tag == Tag.SEQUENCE_DELIMITATION) {
                    if (end < 0) {
                        return items;
                    }
                    throw structure(tag, "sequence delimiter in a sequence of defined length");
                }
                if (tag != Tag.ITEM) {
                    throw structure(tag, "expected an item in a sequence");
                }
                pathItems[pathLen - 1] = items.size();
                charge(ELEMENT_COST);
                Dataset item = new Dataset();
                // Linked now so nested values see the enclosing character set and pixel description.
                item.parent(parent);
                item.sourceOffset(elementStart);
                if (len == UNDEFINED) {
                    item.undefinedLength(true);
                    readDataset(item, -1, enc, depth + 1, false);
                } else {
                    checkLength(len);
                    item.undefinedLength(false);
                    readDataset(item, in.position() + len, enc, depth + 1, false);
                }
                items.add(item);
                pathItems[pathLen - 1] = -1;
            }
        }

        private List<Fragment> readFragments(Enc enc) throws IOException, DicomFormatException {
            List<Fragment> fragments = new ArrayList<>();
            while (true) {
                elementStart = in.position();
                int tag = in.tag(enc.bigEndian());
                long len = in.u32(enc.bigEndian());
                if (tag == Tag.SEQUENCE_DELIMITATION) {
                    return fragments;
                }
                if (tag != Tag.ITEM) {
                    throw structure(tag, "expected a pixel data fragment item");
                }
                if (len == UNDEFINED) {
                    throw error(DicomFormatException.BAD_STRUCTURE, elementStart, "a fragment has undefined length");
                }
                checkLength(len);
                pathItems[pathLen - 1] = fragments.size();
                charge(ELEMENT_COST);
                if (len > bulkThreshold && source != null) {
                    fragments.add(Fragment.of(new BulkData(source, in.position(), len, false)));
                    in.skip(len);
                } else {
                    fragments.add(Fragment.of(readValue(len)));
                }
                pathItems[pathLen - 1] = -1;
            }
        }

        private void checkLength(long len) throws DicomFormatException {
            long remaining = in.remaining();
            if (remaining >= 0 && len > remaining) {
                throw error(DicomFormatException.LENGTH_OVERFLOW, elementStart, String.format(Locale.ROOT,
                        "length %d exceeds the %d bytes that remain", len, remaining));
            }
        }

        private byte[] readValue(long len) throws IOException, DicomFormatException {
            charge(len);
            if (in.remaining() >= 0 || len <= CHUNK) {
                byte[] b = new byte[(int) len];
                in.readFully(b, 0, b.length);
                return b;
            }
            // Unknown remaining length (a stream): grow only as bytes actually arrive.
            byte[] b = new byte[CHUNK];
            int filled = 0;
            while (filled < len) {
                if (filled == b.length) {
                    b = java.util.Arrays.copyOf(b, (int) Math.min(len, (long) b.length * 2));
                }
                int n = b.length - filled;
                in.readFully(b, filled, n);
                filled += n;
            }
            return b;
        }

        private void charge(long bytes) throws DicomFormatException {
            budget -= bytes;
            if (budget < 0 || bytes > Integer.MAX_VALUE - 16) {
                throw error(DicomFormatException.TOO_LARGE, elementStart,
                        "the data set needs more memory than the reader's budget of " + memoryBudget + " bytes");
            }
        }

        private VR implicitVr(int tag, Dataset ds) {
            if (Tag.isPrivate(tag)) {
                return Tag.isPrivateCreator(tag) ? VR.LO : VR.UN;
            }
            DicomDictionary.Entry e = dict.entry(tag).orElse(null);
            if (e == null || e.vrs().isEmpty()) {
                return VR.UN;
            }
            List<VR> vrs = e.vrs();
            if (vrs.size() == 1) {
                return vrs.get(0);
            }
            if (vrs.contains(VR.SS) && vrs.contains(VR.US) && !vrs.contains(VR.OW)) {
                return pixelRepresentation(ds) == 1 ? VR.SS : VR.US;
            }
            if (tag == Tag.PIXEL_DATA || vrs.contains(VR.OB) && vrs.contains(VR.OW)) {
                return tag == Tag.PIXEL_DATA && bitsAllocated(ds) <= 8 ? VR.OB : VR.OW;
            }
            return vrs.contains(VR.OW) ? VR.OW : vrs.get(0);
        }

        private int pixelRepresentation(Dataset ds) {
            for (Dataset d = ds; d != null; d = d.parent()) {
                if (d.contains(Tag.PIXEL_REPRESENTATION)) {
                    return intOr(d, Tag.PIXEL_REPRESENTATION, 0);
                }
            }
            return 0;
        }

        private int bitsAllocated(Dataset ds) {
            return intOr(ds, Tag.BITS_ALLOCATED, 16);
        }

        private int intOr(Dataset d, int tag, int dflt) {
            Element e = d.get(tag);
            if (e == null || e.bytes() == null || e.bytes().length < 2) {
                return dflt;
            }
            return (e.bytes()[0] & 0xFF) | (e.bytes()[1] & 0xFF) << 8;
        }

        private DicomFormatException structure(int tag, String what) {
            return error(DicomFormatException.BAD_STRUCTURE, elementStart, what + " (found " + Tag.toString(tag) + ")");
        }

        private DicomFormatException error(String code, long offset, String message) {
            return new DicomFormatException(code, offset, path(), message);
        }

        private String path() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < pathLen; i++) {
                if (i > 0) {
                    b.append('/');
                }
                b.append(Tag.toString(pathTags[i]));
                if (pathItems[i] >= 0) {
                    b.append('[').append(pathItems[i]).append(']');
                }
            }
            return b.toString();
        }
    }
}
