package org.deidworkbench.dicom;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One data element: tag, VR and exactly one kind of value: bytes in memory (always little endian
 * for multi-byte numbers, text in the data set's character set, without added padding), a
 * {@link BulkData} reference, a sequence of items, or encapsulated pixel data fragments.
 * Immutable except that the items of a sequence are mutable data sets. Not thread-safe.
 */
public final class Element {

    private static final byte[] EMPTY = new byte[0];

    private final int tag;
    private final VR vr;
    private final byte[] bytes;
    private final BulkData bulk;
    private final List<Dataset> items;
    private final List<Fragment> fragments;
    private final boolean undefinedLength;
    private final BulkFilter filter;

    private Element(int tag, VR vr, byte[] bytes, BulkData bulk, List<Dataset> items, List<Fragment> fragments,
            boolean undefinedLength) {
        this(tag, vr, bytes, bulk, items, fragments, undefinedLength, null);
    }

    private Element(int tag, VR vr, byte[] bytes, BulkData bulk, List<Dataset> items, List<Fragment> fragments,
            boolean undefinedLength, BulkFilter filter) {
        this.tag = tag;
        this.vr = Objects.requireNonNull(vr, "vr");
        this.bytes = bytes;
        this.bulk = bulk;
        this.items = items;
        this.fragments = fragments;
        this.undefinedLength = undefinedLength;
        this.filter = filter;
    }

    /** An element whose value is in memory; the array is not copied and must not be changed afterwards. */
    public static Element ofBytes(int tag, VR vr, byte[] value) {
        if (vr == VR.SQ) {
            throw new IllegalArgumentException("a sequence holds items, not bytes");
        }
        return new Element(tag, vr, value == null ? EMPTY : value, null, null, null, false);
    }

    /** An element whose value stays in its source file. */
    public static Element ofBulk(int tag, VR vr, BulkData bulk) {
        return new Element(tag, vr, null, Objects.requireNonNull(bulk), null, null, false);
    }

    /**
     * An element whose value stays in its source file and is changed by {@code filter} as the writer
     * copies it (streaming, whatever its size).
     */
    public static Element ofBulk(int tag, VR vr, BulkData bulk, BulkFilter filter) {
        return new Element(tag, vr, null, Objects.requireNonNull(bulk), null, null, false,
                Objects.requireNonNull(filter, "filter"));
    }

    /**
     * A sequence. {@code vr} is SQ, or UN for a sequence of unknown type read from an undefined
     * length UN element (written back the same way). The list is used as is (mutable).
     */
    public static Element ofSequence(int tag, VR vr, List<Dataset> items, boolean undefinedLength) {
        if (vr != VR.SQ && vr != VR.UN) {
            throw new IllegalArgumentException("sequences have VR SQ or UN");
        }
        return new Element(tag, vr, null, null, Objects.requireNonNull(items), null, undefinedLength);
    }

    /** A new empty sequence of undefined length. */
    public static Element newSequence(int tag) {
        return ofSequence(tag, VR.SQ, new ArrayList<>(), true);
    }

    /** Encapsulated pixel data: the first fragment is the basic offset table (possibly empty). */
    public static Element ofFragments(int tag, VR vr, List<Fragment> fragments) {
        return new Element(tag, vr, null, null, null, List.copyOf(fragments), true);
    }

    /** The tag. */
    public int tag() {
        return tag;
    }

    /** The VR. */
    public VR vr() {
        return vr;
    }

    /** True when the value is a sequence of items. */
    public boolean isSequence() {
        return items != null;
    }

    /** True when the value is encapsulated pixel data. */
    public boolean isFragments() {
        return fragments != null;
    }

    /** True when the value stays in the source file. */
    public boolean isBulk() {
        return bulk != null;
    }

    /** The in-memory value bytes (not copied: do not modify), or null for sequences, fragments and bulk. */
    public byte[] bytes() {
        return bytes;
    }

    /** The source reference, or null. */
    public BulkData bulk() {
        return bulk;
    }

    /** The filter the writer applies to a bulk value as it copies it, or null. */
    public BulkFilter filter() {
        return filter;
    }

    /** The items (mutable), or null when this is not a sequence. */
    public List<Dataset> items() {
        return items;
    }

    /** The fragments, or null when this is not encapsulated pixel data. */
    public List<Fragment> fragments() {
        return fragments;
    }

    /** True when the sequence was (and will be) encoded with undefined length. */
    public boolean undefinedLength() {
        return undefinedLength;
    }

    /** Value length in bytes before padding; -1 for sequences and fragments. */
    public long valueLength() {
        if (bytes != null) {
            return bytes.length;
        }
        return bulk != null ? bulk.length() : -1;
    }

    /** A copy with another VR and the same value. */
    public Element withVr(VR newVr) {
        return new Element(tag, newVr, bytes, bulk, items, fragments, undefinedLength, filter);
    }

    /** A copy with the same value under another tag. */
    public Element withTag(int newTag) {
        return new Element(newTag, vr, bytes, bulk, items, fragments, undefinedLength, filter);
    }

    /** Describes tag, VR and value shape; never the value itself. */
    @Override
    public String toString() {
        String shape = items != null ? items.size() + " items" : fragments != null ? fragments.size() + " fragments"
                : valueLength() + " bytes" + (bulk != null ? " in file" : "");
        return "Element" + Tag.toString(tag) + " " + vr + " " + shape;
    }
}
