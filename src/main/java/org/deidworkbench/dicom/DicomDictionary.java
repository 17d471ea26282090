package org.deidworkbench.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The PS3.6 data dictionary (generated resource {@code dictionary.tsv}): VR, VM, keyword and
 * retirement by tag, and tag by keyword, including repeating groups such as (60xx,3000).
 * Thread-safe and immutable; the table is loaded once (about 5,000 entries, a few milliseconds).
 */
public final class DicomDictionary {

    /** Keyword for (gggg,0000) group length elements that are not in PS3.6 by name. */
    public static final String GROUP_LENGTH_KEYWORD = "GenericGroupLength";
    /** Keyword for private creator elements (gggg,0010-00FF). */
    public static final String PRIVATE_CREATOR_KEYWORD = "PrivateCreator";

    /**
     * One dictionary row.
     *
     * @param tag the tag, with repeating digits set to zero
     * @param mask bits that must match (0xFFFFFFFF for ordinary tags)
     * @param keyword PS3.6 keyword, empty when the standard gives none
     * @param vrs allowed VRs, first is the default; empty for items and delimiters
     * @param vm value multiplicity as written in PS3.6, e.g. {@code 1-n}
     * @param retired whether PS3.6 marks the attribute retired
     */
    public record Entry(int tag, int mask, String keyword, List<VR> vrs, String vm, boolean retired) {
        /** The default VR (first alternative), UN when PS3.6 gives none. */
        public VR vr() {
            return vrs.isEmpty() ? VR.UN : vrs.get(0);
        }
    }

    private static final class Holder {
        static final DicomDictionary INSTANCE = load();
    }

    private final String edition;
    private final Map<Integer, Entry> byTag;
    private final List<Entry> repeating;
    private final Map<String, Entry> byKeyword;

    private DicomDictionary(String edition, Map<Integer, Entry> byTag, List<Entry> repeating,
            Map<String, Entry> byKeyword) {
        this.edition = edition;
        this.byTag = byTag;
        this.repeating = repeating;
        this.byKeyword = byKeyword;
    }

    /** The shared dictionary. */
    public static DicomDictionary standard() {
        return Holder.INSTANCE;
    }

    /** The PS3.6 edition the table was generated from, e.g. {@code 2024b}. */
    public String edition() {
        return edition;
    }

    /** The number of PS3.6 rows. */
    public int size() {
        return byTag.size() + repeating.size();
    }

    /**
     * The entry for a tag: exact rows first, then repeating groups (even groups only), then the
     * generic group length and private creator entries.
     */
    public Optional<Entry> entry(int tag) {
        Entry e = byTag.get(tag);
        if (e != null) {
            return Optional.of(e);
        }
        if (!Tag.isPrivate(tag)) {
            for (Entry r : repeating) {
                if ((tag & r.mask()) == r.tag()) {
                    return Optional.of(r);
                }
            }
        }
        if (Tag.isGroupLength(tag)) {
            return Optional.of(new Entry(tag, -1, GROUP_LENGTH_KEYWORD, List.of(VR.UL), "1", false));
        }
        if (Tag.isPrivateCreator(tag)) {
            return Optional.of(new Entry(tag, -1, PRIVATE_CREATOR_KEYWORD, List.of(VR.LO), "1", false));
        }
        return Optional.empty();
    }

    /** The default VR for a tag, UN when the tag is unknown (e.g. private data elements). */
    public VR vr(int tag) {
        return entry(tag).map(Entry::vr).orElse(VR.UN);
    }

    /** The keyword for a tag, or an empty string. */
    public String keyword(int tag) {
        return entry(tag).map(Entry::keyword).orElse("");
    }

    /** The tag for a PS3.6 keyword (case-sensitive); repeating-group keywords give the group's first tag. */
    public OptionalInt tag(String keyword) {
        Entry e = byKeyword.get(keyword);
        return e == null ? OptionalInt.empty() : OptionalInt.of(e.tag());
    }

    private static DicomDictionary load() {
        String name = "dictionary.tsv";
        try (InputStream in = DicomDictionary.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String edition = "";
            Map<Integer, Entry> byTag = new HashMap<>();
            List<Entry> repeating = new ArrayList<>();
            Map<String, Entry> byKeyword = new HashMap<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    int i = line.indexOf("edition ");
                    if (edition.isEmpty() && i >= 0) {
                        edition = line.substring(i + 8).split("[ ,]")[0];
                    }
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 5) {
                    throw new IllegalStateException("bad dictionary line");
                }
                int tag = (int) Long.parseLong(f[0].replace('x', '0'), 16);
                int mask = (int) Long.parseLong(f[0].replaceAll("[0-9A-F]", "F").replace('x', '0'), 16);
                List<VR> vrs = new ArrayList<>();
                if (!f[1].equals("-")) {
                    for (String v : f[1].split("/")) {
                        vrs.add(VR.valueOf(v));
                    }
                }
                Entry e = new Entry(tag, mask, f[4].equals("-") ? "" : f[4], List.copyOf(vrs), f[2],
                        f[3].equals("R"));
                if (mask == -1) {
                    byTag.put(tag, e);
                } else {
                    repeating.add(e);
                }
                if (!e.keyword().isEmpty()) {
                    byKeyword.putIfAbsent(e.keyword(), e);
                }
            }
            return new DicomDictionary(edition, Collections.unmodifiableMap(byTag), List.copyOf(repeating),
                    Collections.unmodifiableMap(byKeyword));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
