package org.deidworkbench.dicom;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A DICOM data set (or sequence item): elements in tag order, with typed accessors that decode
 * text in the effective Specific Character Set (its own (0008,0005) or the enclosing data set's)
 * and helpers for private creator blocks. Mutable and not thread-safe.
 */
public final class Dataset {

    private final TreeMap<Integer, Element> elements = new TreeMap<>(Integer::compareUnsigned);
    private Dataset parent;
    private boolean undefinedLength = true;
    private long sourceOffset = -1;
    private TextCodec codec;
    private boolean codecKnown;

    /** An empty data set. */
    public Dataset() {
    }

    /** The element for a tag, or null. */
    public Element get(int tag) {
        return elements.get(tag);
    }

    /** True when the tag is present. */
    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    /** Adds or replaces an element; items of a sequence get this data set as their parent. */
    public Element put(Element e) {
        Objects.requireNonNull(e, "element");
        if (e.items() != null) {
            for (Dataset item : e.items()) {
                item.parent = this;
            }
        }
        if (e.tag() == Tag.SPECIFIC_CHARACTER_SET) {
            codec = null;
            codecKnown = false;
        }
        return elements.put(e.tag(), e);
    }

    /** Removes an element; returns it or null. */
    public Element remove(int tag) {
        if (tag == Tag.SPECIFIC_CHARACTER_SET) {
            codec = null;
            codecKnown = false;
        }
        return elements.remove(tag);
    }

    /** The elements in tag order (live, unmodifiable view). */
    public Collection<Element> elements() {
        return Collections.unmodifiableCollection(elements.values());
    }

    /** Elements with tags in [from, to] (unsigned order), live unmodifiable view. */
    public Collection<Element> range(int from, int to) {
        Map<Integer, Element> sub = elements.subMap(from, true, to, true);
        return Collections.unmodifiableCollection(sub.values());
    }

    /** Number of elements at this level. */
    public int size() {
        return elements.size();
    }

    /** True when empty. */
    public boolean isEmpty() {
        return elements.isEmpty();
    }

    /** The enclosing data set for an item, or null at the top. */
    public Dataset parent() {
        return parent;
    }

    void parent(Dataset p) {
        parent = p;
    }

    /** Whether this item was (and will be) encoded with undefined length. */
    public boolean undefinedLength() {
        return undefinedLength;
    }

    /** Chooses undefined (true) or explicit (false) item length for writing. */
    public void undefinedLength(boolean undefined) {
        undefinedLength = undefined;
    }

    /**
     * For an item read from a file: the byte offset of its item tag from the start of the file
     * (what DICOMDIR offsets refer to); -1 otherwise.
     */
    public long sourceOffset() {
        return sourceOffset;
    }

    void sourceOffset(long offset) {
        sourceOffset = offset;
    }

    /**
     * The character set codec in effect here: own (0008,0005), else the nearest enclosing data set's, else the
     * default repertoire. Each level caches only its own (0008,0005), so a change of an enclosing data set's
     * character set is seen by its items at once; the walk up is a few field reads, no map look-up.
     */
    TextCodec textCodec() {
        for (Dataset d = this; d != null; d = d.parent) {
            if (!d.codecKnown) {
                d.resolveOwnCodec();
            }
            if (d.codec != null) {
                return d.codec;
            }
        }
        return TextCodecs.DEFAULT;
    }

    /** Caches this level's own (0008,0005) codec, null when it has none; kept apart so the hot path stays small. */
    private void resolveOwnCodec() {
        Element cs = elements.get(Tag.SPECIFIC_CHARACTER_SET);
        codec = cs != null && cs.bytes() != null ? TextCodecs.forValue(cs.bytes()) : null;
        codecKnown = true;
    }

    /** The text values of an element (see {@link Values#strings}); empty when absent, not text or not in memory. */
    public String[] getStrings(int tag) {
        Element e = elements.get(tag);
        if (e == null || e.bytes() == null || !e.vr().isText()) {
            return new String[0];
        }
        return Values.strings(e.bytes(), e.vr(), textCodec());
    }

    /** The first text value, or null when there is none. */
    public String getString(int tag) {
        String[] s = getStrings(tag);
        return s.length == 0 ? null : s[0];
    }

    /**
     * The first integer value (US, SS, UL, SL, UV, SV, IS), or {@code defaultValue}.
     *
     * @throws NumberFormatException when an IS value is malformed
     */
    public long getLong(int tag, long defaultValue) {
        Element e = elements.get(tag);
        if (e == null || e.bytes() == null) {
            return defaultValue;
        }
        long[] v = Values.longs(e.bytes(), e.vr() == VR.UN ? VR.UN : e.vr());
        return v.length == 0 ? defaultValue : v[0];
    }

    /** The first integer value as int, or {@code defaultValue}. */
    public int getInt(int tag, int defaultValue) {
        return (int) getLong(tag, defaultValue);
    }

    /** The first floating point value (FL, FD, DS or integer VRs), or {@code defaultValue}. */
    public double getDouble(int tag, double defaultValue) {
        Element e = elements.get(tag);
        if (e == null || e.bytes() == null) {
            return defaultValue;
        }
        double[] v = Values.doubles(e.bytes(), e.vr());
        return v.length == 0 ? defaultValue : v[0];
    }

    /** The person names of a PN element; empty when absent. */
    public List<PersonName> getPersonNames(int tag) {
        List<PersonName> out = new ArrayList<>();
        for (String s : getStrings(tag)) {
            out.add(PersonName.parse(s));
        }
        return out;
    }

    /**
     * The first value of a DA, TM or DT element with its precision, or null when absent or empty.
     *
     * @throws IllegalArgumentException when the element is another VR or the value is malformed
     */
    public DateTimeValue getDateTime(int tag) {
        Element e = elements.get(tag);
        String s = getString(tag);
        if (e == null || s == null || s.isEmpty()) {
            return null;
        }
        return switch (e.vr()) {
            case DA -> DateTimeValue.parseDate(s);
            case TM -> DateTimeValue.parseTime(s);
            case DT -> DateTimeValue.parseDateTime(s);
            default -> throw new IllegalArgumentException(Tag.toString(tag) + " is " + e.vr() + ", not DA, TM or DT");
        };
    }

    /** The items of a sequence, empty when absent or not a sequence. */
    public List<Dataset> getItems(int tag) {
        Element e = elements.get(tag);
        return e == null || e.items() == null ? List.of() : e.items();
    }

    /** Sets text values, encoded in this data set's character set and padded per the VR. */
    public void putStrings(int tag, VR vr, String... values) {
        put(Element.ofBytes(tag, vr, Values.encodeStrings(vr, textCodec(), values)));
    }

    /** Sets integer values of a binary integer VR or IS. */
    public void putLongs(int tag, VR vr, long... values) {
        put(Element.ofBytes(tag, vr, Values.encodeLongs(vr, values)));
    }

    /** Sets floating point values of FL, FD, OF, OD or DS. */
    public void putDoubles(int tag, VR vr, double... values) {
        put(Element.ofBytes(tag, vr, Values.encodeDoubles(vr, values)));
    }

    /** Sets raw bytes (little endian for multi-byte numbers). */
    public void putBytes(int tag, VR vr, byte[] value) {
        put(Element.ofBytes(tag, vr, value));
    }

    /** Adds a new item to a sequence, creating the sequence when absent, and returns the item. */
    public Dataset addItem(int sequenceTag) {
        Element e = elements.get(sequenceTag);
        if (e == null || e.items() == null) {
            e = Element.newSequence(sequenceTag);
            put(e);
        }
        Dataset item = new Dataset();
        item.parent = this;
        e.items().add(item);
        return item;
    }

    /** The private creator that reserves the block of a private data element, or null. */
    public String privateCreator(int tag) {
        if (!Tag.isPrivateData(tag)) {
            return null;
        }
        return getString(Tag.privateCreatorOf(tag));
    }

    /**
     * The tag of a private element {@code (group, xxOO)} where {@code xx} is the block reserved by
     * {@code creator} and {@code OO} is {@code offset} (0x00..0xFF).
     */
    public OptionalInt privateTag(int group, String creator, int offset) {
        checkPrivate(group, offset);
        for (int e = 0x10; e <= 0xFF; e++) {
            String c = getString(Tag.of(group, e));
            if (creator.equals(c)) {
                return OptionalInt.of(Tag.of(group, e << 8 | offset));
            }
        }
        return OptionalInt.empty();
    }

    /**
     * As {@link #privateTag}, reserving the first free block for {@code creator} when it has none
     * (PS3.5 §7.8.1).
     *
     * @throws IllegalStateException when all 240 blocks of the group are taken
     */
    public int reservePrivateTag(int group, String creator, int offset) {
        OptionalInt t = privateTag(group, creator, offset);
        if (t.isPresent()) {
            return t.getAsInt();
        }
        for (int e = 0x10; e <= 0xFF; e++) {
            int creatorTag = Tag.of(group, e);
            if (!contains(creatorTag)) {
                putStrings(creatorTag, VR.LO, creator);
                return Tag.of(group, e << 8 | offset);
            }
        }
        throw new IllegalStateException("no free private block in group " + String.format("%04X", group));
    }

    private static void checkPrivate(int group, int offset) {
        if ((group & 1) == 0 || group <= 7 || group > 0xFFFE || offset < 0 || offset > 0xFF) {
            throw new IllegalArgumentException("private groups are odd (> 0007); offsets are 0x00..0xFF");
        }
    }

    /** A deep copy of the structure; in-memory byte arrays and bulk references are shared (they are immutable). */
    public Dataset copy() {
        Dataset d = new Dataset();
        d.undefinedLength = undefinedLength;
        d.sourceOffset = sourceOffset;
        for (Element e : elements.values()) {
            if (e.items() != null) {
                List<Dataset> items = new ArrayList<>();
                for (Dataset i : e.items()) {
                    items.add(i.copy());
                }
                d.put(Element.ofSequence(e.tag(), e.vr(), items, e.undefinedLength()));
            } else {
                d.put(e);
            }
        }
        return d;
    }

    /** Describes the size only; never values. */
    @Override
    public String toString() {
        return "Dataset[" + elements.size() + " elements]";
    }
}
