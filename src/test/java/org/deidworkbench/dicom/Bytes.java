package org.deidworkbench.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Test helper: builds DICOM byte streams by hand, element by element (little endian unless told). */
final class Bytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean bigEndian;

    Bytes() {
        this(false);
    }

    Bytes(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    Bytes u16(int v) {
        if (bigEndian) {
            out.write(v >>> 8);
            out.write(v);
        } else {
            out.write(v);
            out.write(v >>> 8);
        }
        return this;
    }

    Bytes u32(long v) {
        if (bigEndian) {
            u16((int) (v >>> 16));
            u16((int) v);
        } else {
            u16((int) v);
            u16((int) (v >>> 16));
        }
        return this;
    }

    Bytes tag(int tag) {
        return u16(tag >>> 16).u16(tag & 0xFFFF);
    }

    Bytes raw(byte... b) {
        out.write(b, 0, b.length);
        return this;
    }

    /** Explicit VR header with the given length. */
    Bytes explicitHeader(int tag, String vr, long length) {
        tag(tag);
        raw(ascii(vr));
        VR v = VR.valueOf(vr);
        if (v.hasLongHeader()) {
            u16(0).u32(length);
        } else {
            u16((int) length);
        }
        return this;
    }

    Bytes explicit(int tag, String vr, byte[] value) {
        return explicitHeader(tag, vr, value.length).raw(value);
    }

    Bytes explicit(int tag, String vr, String value) {
        return explicit(tag, vr, ascii(value));
    }

    Bytes implicit(int tag, byte[] value) {
        return tag(tag).u32(value.length).raw(value);
    }

    Bytes implicitHeader(int tag, long length) {
        return tag(tag).u32(length);
    }

    Bytes item(long length) {
        return tag(Tag.ITEM).u32(length);
    }

    Bytes itemDelimiter() {
        return tag(Tag.ITEM_DELIMITATION).u32(0);
    }

    Bytes sequenceDelimiter() {
        return tag(Tag.SEQUENCE_DELIMITATION).u32(0);
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    /** A Part 10 file: zero preamble, DICM, a minimal explicit VR meta group and the given data set bytes. */
    static byte[] part10(String transferSyntaxUid, byte[] dataset) {
        byte[] ts = Values.pad(ascii(transferSyntaxUid), VR.UI);
        Bytes meta = new Bytes().explicit(Tag.TRANSFER_SYNTAX_UID, "UI", ts);
        byte[] m = meta.toBytes();
        Bytes f = new Bytes().raw(new byte[128]).raw(ascii("DICM"))
                .explicitHeader(Tag.FILE_META_GROUP_LENGTH, "UL", 4).u32(m.length).raw(m).raw(dataset);
        return f.toBytes();
    }
}
