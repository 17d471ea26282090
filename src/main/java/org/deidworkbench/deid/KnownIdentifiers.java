package org.deidworkbench.deid;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.deidworkbench.deid.classify.NameDictionary;
import org.deidworkbench.deid.classify.NameWithId;
import org.deidworkbench.deid.spill.ExternalSorter;
import org.deidworkbench.deid.spill.SpillArea;

/**
 * Identifier values seen in identifier fields anywhere in the export (names, MRNs, phone numbers),
 * each with its replacement, so that they can be found again in free text and file names.
 *
 * <p>Values are compared as sequences of tokens — runs of letters (with their combining marks) or
 * runs of digits, in Unicode NFKC and upper case — so {@code 555-201-3344} also matches
 * {@code 555.201.3344}, {@code SMITH, John} matches {@code John Smith}'s tokens one by one, an MRN
 * glued to letters ({@code CT123456}) is still found, and full-width digits or decomposed accents
 * match their ordinary forms. Purely numeric values need at least four digits and other values at
 * least two characters, so short codes do not erase ordinary text. Multi-word alphabetic values
 * (full names, cities) of up to three words also match rotated ("Smith, John" as "John Smith"),
 * and contribute each word that is not a common English word — only for name-like values (letters,
 * spaces, hyphens, apostrophes, commas, dots: not e-mail addresses or codes). When the same text has
 * two replacements, a whole value beats a word split out of a longer one, and otherwise the
 * lexicographically smallest wins, so the outcome never depends on the order in which files were
 * read. The name of an institution (a value with a word such as HOSPITAL, CLINIC, SERVICE, INSURANCE)
 * is matched whole, and of its words only those that are not the vocabulary of institutions: in
 * "Forensic Mental Health Prison Health Service" no word alone is an identifier, in "Springfield
 * General Hospital" SPRINGFIELD still is. A value that is only such vocabulary ("Medicare") is none.
 *
 * <p>Thread-safe for concurrent {@link #add}; a {@link #snapshot()} is what a run scrubs with, so
 * that additions during the transform pass cannot change text already being written.
 */
public final class KnownIdentifiers implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Longest identifier, in tokens, that is matched as one unit; longer values are ignored. 32 is a
     * UUID's most (its 32 hex digits alternating letters and digits): Synthea, FHIR servers and many
     * EHRs key patients by UUID, and they name files after them.
     */
    static final int MAX_TOKENS = 32;

    private static final Set<String> COMMON_WORDS = Set.of(
            "THE", "AND", "FOR", "WITH", "FROM", "INTO", "NEW", "OLD", "SAINT", "ST", "MOUNT", "MT", "FORT", "PORT",
            "NORTH", "SOUTH", "EAST", "WEST", "CITY", "TOWN", "VILLE", "LAKE", "RIVER", "PARK", "HILL", "HILLS",
            "VAN", "VON", "DE", "DI", "DA", "LA", "LE", "DEL", "DER", "MC", "MAC", "JR", "SR", "II", "III", "IV",
            "MR", "MRS", "MS", "DR", "MISS", "PROF", "OF", "IN", "ON", "AT", "TO", "A", "AN", "BY", "OR", "NO",
            "YES", "NOT", "IS", "WAS", "BE", "HE", "SHE", "HIS", "HER", "MAY", "WILL", "MARCH", "JUNE", "JULY",
            "AUGUST", "APRIL", "JANUARY", "UNKNOWN", "NONE", "NULL", "NA", "N", "Y", "M", "F", "MALE", "FEMALE",
            "PATIENT", "DOCTOR", "NURSE", "HOSPITAL", "CLINIC", "CENTER", "CENTRE", "MEDICAL", "HEALTH",
            "STREET", "ROAD", "AVENUE", "LANE", "DRIVE", "COURT", "PLACE", "WAY", "APT", "SUITE", "UNIT",
            // Italian and Spanish titles in a column of clinicians' names (Dott.ssa, Dra., Dña.; decision 0119)
            "DOTT", "SSA", "DRA", "DÑA", "DOÑA", "SIG", "SRA", "SRTA",
            // Vietnamese: the middle names of most men and women (Văn, Thị), and the words of an address's units and
            // lanes (decision 0246)
            "VĂN", "THỊ", "SỐ", "NGÕ", "NGÁCH", "HẺM", "PHỐ", "ĐƯỜNG", "PHƯỜNG", "XÃ", "QUẬN", "HUYỆN", "TỈNH", "THÀNH",
            "TP", "THÔN", "ẤP", "XÓM", "TỔ", "KHU", "TRẤN",
            // Bangladeshi and Pakistani names' Md. (Mohammad), Mohd. and Mst. (Mosammat): a prefix, no one's name alone
            // (decision 0247)
            "MD", "MST", "MOHD");

    /**
     * Words that make a value the name of an institution (a hospital, a practice, a payer, a prison),
     * not of a person; none of them is a person's name in this project's name lists.
     */
    private static final Set<String> INSTITUTION_MARKS = Set.of(
            "HOSPITAL", "HOSPITALS", "CLINIC", "CLINICS", "KLINIK", "KLINIKUM", "KRANKENHAUS", "PRAXIS", "MEDICAL",
            "HEALTH", "HEALTHCARE", "SERVICE", "SERVICES", "SURGERY", "SURGICAL", "PHARMACY", "INSURANCE",
            "MEDICARE", "MEDICAID", "INSTITUTE", "UNIVERSITY", "LABORATORY", "LABORATORIES", "HOSPICE",
            "ASSOCIATES", "PRACTICE", "PHYSICIANS", "CENTER", "CENTRE", "ZENTRUM", "PRISON", "CORRECTIONAL",
            "LLC", "INC", "GMBH", "LTD", "CORP", "CORPORATION",
            // a child's school, as a pediatric study records it ("Lowell Catholic High School"; decision 0176)
            "SCHOOL", "SCHOOLS", "ACADEMY", "COLLEGE", "KINDERGARTEN", "PRESCHOOL", "DAYCARE");

    /**
     * The vocabulary of institutions' names: with {@link #INSTITUTION_MARKS}, words that are not identifiers
     * alone when they come from the name of an institution (in a person's name, the words of the name
     * lists decide as before).
     */
    private static final Set<String> INSTITUTION_WORDS = Set.of(
            "FORENSIC", "MENTAL", "BEHAVIORAL", "BEHAVIOURAL", "PSYCHIATRIC", "REHABILITATION", "REHAB", "NURSING",
            "URGENT", "CARE", "PRIMARY", "FAMILY", "PEDIATRIC", "PEDIATRICS", "ORTHOPEDIC", "ORTHOPAEDIC",
            "CARDIOLOGY", "ONCOLOGY", "RADIOLOGY", "DENTAL", "VISION", "EYE", "DAY", "HOME", "COMMUNITY",
            "REGIONAL", "MEMORIAL", "GENERAL", "CHILDREN", "CHILDRENS", "WOMEN", "WOMENS", "VETERANS", "AFFAIRS",
            "COUNTY", "STATE", "NATIONAL", "UNITED", "GROUP", "PARTNERS", "NETWORK", "SYSTEM", "SYSTEMS",
            "FOUNDATION", "TRUST", "PLAN", "PLANS", "BLUE", "CROSS", "SHIELD", "FACILITY", "DEPARTMENT", "DEPT",
            "ELEMENTARY", "MIDDLE", "HIGH", "SECONDARY", "PUBLIC", "CHARTER", "CATHOLIC", "JUNIOR", "SENIOR",
            "MONTESSORI");

    /** A word of institutions' names ({@link #COMMON_WORDS} are: "of", "Saint", "Unit", …). */
    private static boolean institutional(String token) {
        return INSTITUTION_MARKS.contains(token) || INSTITUTION_WORDS.contains(token) || COMMON_WORDS.contains(token);
    }

    /** A replacement with its precedence: 0 for a whole value, 1 for a word split out of one. */
    private record Entry(int rank, String replacement) implements Comparable<Entry>, java.io.Serializable {
        @Override
        public int compareTo(Entry o) {
            return rank != o.rank ? Integer.compare(rank, o.rank) : replacement.compareTo(o.replacement);
        }
    }

    /** A name's characters; a DICOM name's caret between its components too (VANTERPOOL^CORDELIA; decision 0230). */
    private static final java.util.regex.Pattern NAME_LIKE = java.util.regex.Pattern.compile("[\\p{L}\\p{M}\\s'’.,^-]+");

    /*
     * Decision 0026: a snapshot does not copy. It takes over the maps filled so far (frozen from then
     * on) and this collection goes on in new, empty maps layered over the snapshot; every look-up
     * combines the layers as one map would (the smaller entry, the larger token count), so the answers
     * are those of a copy, without a second copy of every identifier in memory.
     */
    private volatile Map<String, Entry> replacements;
    /** Single words that are both a name and an ordinary word ("Hill", "Young"): matched only when capitalised. */
    private volatile Map<String, Entry> capitalOnly;
    /** First token of every identifier → the most tokens an identifier starting with it has. */
    private volatile Map<String, Integer> firstTokens;
    private final AtomicInteger maxTokens;
    /** The frozen layer under this one's maps, or {@code null}. */
    private volatile KnownIdentifiers base;
    /**
     * A frozen layer's key hashes ({@link #hashTable}) of {@link #replacements} and {@link #firstTokens}, made by
     * {@link #snapshot()}: most words of a text start no identifier and most joined tokens are none, and one probe of
     * an {@code int[]} turns them away before the map's buckets and nodes are read. {@code null} in a growing layer
     * (and after deserialization): the maps are asked.
     */
    private transient int[] replacementHashes;
    private transient int[] firstTokenHashes;
    /** A frozen compact layer of spilled identifiers (decision 0026), or {@code null}. */
    private transient volatile Index index;
    /** Where whole-value entries go when the maps reach {@link #spillThreshold}; null: never spilled. */
    private transient volatile SpillArea spillArea;
    private transient volatile int spillThreshold = Integer.MAX_VALUE;
    private transient ExternalSorter spilled;
    /** Additions hold the read lock; {@link #snapshot()} the write lock while it swaps the maps. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock lock =
            new java.util.concurrent.locks.ReentrantReadWriteLock();

    /** An empty, growing collection. */
    public KnownIdentifiers() {
        this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), 0, null);
    }

    private KnownIdentifiers(Map<String, Entry> replacements, Map<String, Entry> capitalOnly,
            Map<String, Integer> firstTokens, int maxTokens, KnownIdentifiers base) {
        this.replacements = replacements;
        this.capitalOnly = capitalOnly;
        this.firstTokens = firstTokens;
        this.maxTokens = new AtomicInteger(maxTokens);
        this.base = base;
    }

    private static Entry smaller(Entry a, Entry b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    private Entry replacementEntry(String key) {
        int[] filter = replacementHashes;
        Entry own = filter == null || mayHold(filter, key) ? replacements.get(key) : null;
        Index i = index;
        if (i != null) {
            own = smaller(i.entry(key), own);
        }
        return base == null ? own : smaller(base.replacementEntry(key), own);
    }

    private Entry capitalOnlyEntry(String key) {
        Entry own = capitalOnly.get(key);
        return base == null ? own : smaller(base.capitalOnlyEntry(key), own);
    }

    private int firstTokenCount(String token) {
        int[] filter = firstTokenHashes;
        Integer own = filter == null || mayHold(filter, token) ? firstTokens.get(token) : null;
        int mine = own == null ? 0 : own;
        Index i = index;
        if (i != null) {
            mine = Math.max(mine, i.firstTokenCount(token));
        }
        return base == null ? mine : Math.max(mine, base.firstTokenCount(token));
    }

    /**
     * From now on, when the whole-value entries in memory reach {@code threshold}, writes them to
     * {@code area} (sorted, encrypted) and forgets them; the next {@link #snapshot()} makes of what was
     * spilled a compact frozen layer: 64-bit fingerprints in memory, each hit confirmed against the exact
     * key in the spill file, so answers are those of the maps (decision 0026). A collection that spilled
     * cannot be serialized, nor {@link #addAll added} to another.
     */
    public void spillTo(SpillArea area, int threshold) {
        lock.writeLock().lock();
        try {
            spillArea = area;
            spillThreshold = threshold;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Writes the whole-value entries in memory as one sorted run; the caller holds the write lock. */
    private void spillLocked() {
        if (spilled == null) {
            spilled = new ExternalSorter(spillArea, "identifiers", 4, 2, Integer.MAX_VALUE).keepingFirstOfEachKey();
        }
        List<String[]> tuples = new ArrayList<>(replacements.size());
        replacements.forEach((k, e) -> tuples.add(new String[] {Index.hex(Index.fingerprint(k)), k,
            e.rank() == 0 ? "0" : "1", e.replacement()}));
        tuples.sort(ExternalSorter.ORDER);
        spilled.addSortedRun(tuples.iterator());
        replacements = new ConcurrentHashMap<>();
        added = new BoundedMemory<>(MAX_REMEMBERED);
        // First tokens of spilled values come back from the compact layer; those of words kept in memory stay.
        Map<String, Integer> kept = new ConcurrentHashMap<>();
        capitalOnly.keySet().forEach(k -> kept.merge(k, 1, Math::max));
        firstTokens = kept;
    }

    private void spillIfFull() {
        if (spillArea == null || replacements.size() < spillThreshold) {
            return;
        }
        lock.writeLock().lock();
        try {
            if (replacements.size() >= spillThreshold) {
                spillLocked();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        for (KnownIdentifiers layer = this; layer != null; layer = layer.base) {
            if (layer.index != null || layer.spilled != null) {
                throw new java.io.NotSerializableException("known identifiers spilled to disk cannot be serialized");
            }
        }
        out.defaultWriteObject();
    }

    /**
     * A frozen layer of identifiers held outside the heap: the 64-bit fingerprints of the keys, sorted,
     * in memory (8 bytes a key), and the keys with their entries in an encrypted spill file in blocks of
     * {@value #BLOCK}; a look-up whose fingerprint is present reads its block and compares the exact key,
     * so a fingerprint collision never changes an answer. First-token counts are kept as 59-bit
     * fingerprints with the count in the low 5 bits: a collision there only makes a count an upper
     * bound (one look-up more). Thread-safe.
     */
    private static final class Index {
        static final int BLOCK = 64;
        private static final int CHUNK_BITS = 20;
        private static final int CHUNK = 1 << CHUNK_BITS;
        private final long[][] fps;
        private final int size;
        private final long[] blocks;
        private final long end;
        private final SpillArea.RandomReader reader;
        private final long[] firsts;
        private final Map<String, Entry> cache = java.util.Collections.synchronizedMap(
                new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                        return size() > 8192;
                    }
                });
        private static final Entry NONE = new Entry(Integer.MAX_VALUE, "");

        static long fingerprint(String s) {
            return Fingerprint.of(s);
        }

        /** 16 lower-case hex digits: their string order is the unsigned order of the numbers. */
        static String hex(long v) {
            String h = Long.toHexString(v);
            return h.length() == 16 ? h : "0".repeat(16 - h.length()) + h;
        }

        /** Builds the layer from tuples (fingerprint hex, key, rank, replacement), sorted, one per key. */
        static Index build(SpillArea area, org.deidworkbench.model.SortedTuples tuples) throws java.io.IOException {
            int n = Math.toIntExact(tuples.size());
            long[][] fps = new long[(n + CHUNK - 1) >>> CHUNK_BITS][];
            for (int c = 0; c < fps.length; c++) {
                fps[c] = new long[Math.min(CHUNK, n - (c << CHUNK_BITS))];
            }
            long[] blocks = new long[(n + BLOCK - 1) / BLOCK];
            long[] firsts = new long[n];
            java.nio.file.Path file = area.newFile("identifier-index");
            long offset = 0;
            int i = 0;
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(area.encrypt(file));
                    org.deidworkbench.model.SortedTuples.Cursor cursor = tuples.open()) {
                for (String[] t = cursor.next(); t != null; t = cursor.next()) {
                    if (i % BLOCK == 0) {
                        blocks[i / BLOCK] = offset;
                    }
                    fps[i >>> CHUNK_BITS][i & (CHUNK - 1)] = Long.parseUnsignedLong(t[0], 16);
                    byte[] key = t[1].getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    byte[] replacement = t[3].getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    out.writeInt(key.length);
                    out.write(key);
                    out.writeByte(t[2].equals("0") ? 0 : 1);
                    out.writeInt(replacement.length);
                    out.write(replacement);
                    offset += 9L + key.length + replacement.length;
                    int space = t[1].indexOf(' ');
                    String first = space < 0 ? t[1] : t[1].substring(0, space);
                    int count = 1;
                    for (int p = space; p >= 0; p = t[1].indexOf(' ', p + 1)) {
                        count++;
                    }
                    firsts[i] = (fingerprint(first) & ~31L) | Math.min(count, 31);
                    i++;
                }
            }
            if (i != n) {
                throw new java.io.IOException("the spilled identifiers changed while read");
            }
            // One value per first token: the largest count (sorted, the last of its fingerprint).
            long[] sorted = firsts;
            java.util.Arrays.sort(sorted); // signed order: equal fingerprints stay together, counts ascending
            int m = 0;
            for (int k = 0; k < sorted.length; k++) {
                if (k + 1 < sorted.length && (sorted[k + 1] & ~31L) == (sorted[k] & ~31L)) {
                    continue;
                }
                sorted[m++] = sorted[k];
            }
            return new Index(fps, n, blocks, offset, area.random(file), java.util.Arrays.copyOf(sorted, m));
        }

        private Index(long[][] fps, int size, long[] blocks, long end, SpillArea.RandomReader reader, long[] firsts) {
            this.fps = fps;
            this.size = size;
            this.blocks = blocks;
            this.end = end;
            this.reader = reader;
            this.firsts = firsts;
        }

        private long fp(int i) {
            return fps[i >>> CHUNK_BITS][i & (CHUNK - 1)];
        }

        int firstTokenCount(String token) {
            long f = fingerprint(token) & ~31L;
            int lo = 0;
            int hi = firsts.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                long v = firsts[mid] & ~31L;
                if (v < f) {
                    lo = mid + 1;
                } else if (v > f) {
                    hi = mid - 1;
                } else {
                    return (int) (firsts[mid] & 31);
                }
            }
            return 0;
        }

        Entry entry(String key) {
            long f = fingerprint(key);
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (Long.compareUnsigned(fp(mid), f) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (lo >= size || fp(lo) != f) {
                return null;
            }
            Entry cached = cache.get(key);
            if (cached != null) {
                return cached == NONE ? null : cached;
            }
            Entry found = null;
            try {
                for (int i = lo; i < size && fp(i) == f && found == null; i = (i / BLOCK + 1) * BLOCK) {
                    found = searchBlock(i / BLOCK, key, f);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read the spilled identifiers", e);
            }
            cache.put(key, found == null ? NONE : found);
            return found;
        }

        private Entry searchBlock(int block, String key, long f) throws java.io.IOException {
            long from = blocks[block];
            long to = block + 1 < blocks.length ? blocks[block + 1] : end;
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(reader.read(from, (int) (to - from)));
            byte[] wanted = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int i = block * BLOCK; b.hasRemaining(); i++) {
                int kl = b.getInt();
                int at = b.position();
                b.position(at + kl);
                int rank = b.get();
                int rl = b.getInt();
                int rAt = b.position();
                b.position(rAt + rl);
                if (fp(i) == f && kl == wanted.length
                        && java.util.Arrays.equals(b.array(), at, at + kl, wanted, 0, kl)) {
                    return new Entry(rank, new String(b.array(), rAt, rl, java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return null;
        }

        /** Every key, in file order. */
        void forEachKey(java.util.function.Consumer<String> action) {
            try {
                for (int block = 0; block < blocks.length; block++) {
                    long from = blocks[block];
                    long to = block + 1 < blocks.length ? blocks[block + 1] : end;
                    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(reader.read(from, (int) (to - from)));
                    while (b.hasRemaining()) {
                        int kl = b.getInt();
                        action.accept(new String(b.array(), b.position(), kl, java.nio.charset.StandardCharsets.UTF_8));
                        b.position(b.position() + kl + 1);
                        int rl = b.getInt();
                        b.position(b.position() + rl);
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read the spilled identifiers", e);
            }
        }
    }

    /**
     * Records an identifier value and what replaces it in text (a pseudonym or a {@code [LABEL]});
     * the single words of a multi-word name get the same replacement. Values too short to be told
     * apart from ordinary text are ignored.
     */
    public void add(String value, String replacement) {
        add(value, replacement, replacement);
    }

    /**
     * Records an identifier value, what replaces it as a whole, and what replaces one of its words
     * found alone. A pseudonymized name should give its words a label: "John" alone may be another
     * John, and must not be linked to this person's pseudonym.
     */
    public void add(String value, String replacement, String wordReplacement) {
        String[] parts = NameWithId.parts(value);
        if (parts != null) {
            // "QUACKENBOSS, PERPETUA (MRN 00458812)": the name and the number are found alone too (decision 0180)
            add(parts[0], replacement, wordReplacement);
            String number = replacement.startsWith("[") ? "[ID]" : replacement;
            add(parts[1], number, number);
        }
        // matched in folded text: M&uuml;ller is Müller (decision 0167), ٠٥٥٩٨٧٦٥٤٣ is 0559876543 (decision 0132)
        value = TextFolding.fold(MarkupText.read(value));
        Added key = value.length() <= MAX_REMEMBERED_LENGTH ? new Added(value, replacement, wordReplacement) : null;
        lock.readLock().lock();
        try {
            BoundedMemory<Added, Boolean> memory = added;
            if (key != null && memory != null && memory.get(key) != null) {
                // Added to these very maps before: a second addition changes nothing (the smaller entry, the
                // larger count), and every file of a series notes the same names again.
                return;
            }
            addLocked(value, replacement, wordReplacement);
            if (key != null) {
                if (memory == null) {
                    memory = new BoundedMemory<>(MAX_REMEMBERED);
                    added = memory;
                }
                memory.put(key, Boolean.TRUE);
            }
        } finally {
            lock.readLock().unlock();
        }
        spillIfFull();
    }

    /** An addition, remembered so that repeating it can be skipped while it is in the maps it went to. */
    private record Added(String value, String replacement, String wordReplacement) {
    }

    /** Longest value whose addition is remembered. */
    private static final int MAX_REMEMBERED_LENGTH = 256;
    /** Most additions remembered at once (well under a megabyte); the memory is emptied when it is full. */
    private static final int MAX_REMEMBERED = 4096;

    /**
     * Additions made to the current maps ({@link #add}); forgotten whenever the maps are handed over (a
     * {@link #snapshot()}, a spill), so a repeat goes into the new maps as it would without this memory.
     * Not serialized: a copy starts with none.
     */
    private transient volatile BoundedMemory<Added, Boolean> added = new BoundedMemory<>(MAX_REMEMBERED);

    private void addLocked(String value, String replacement, String wordReplacement) {
        List<String> tokens = tokens(value);
        int n = tokens.size();
        if (n == 0 || n > MAX_TOKENS) {
            return;
        }
        boolean institution = false;
        for (int i = 0; i < n && !institution; i++) {
            institution = isInstitutionMark(tokens.get(i));
        }
        if (institution && allInstitutional(tokens)) {
            return; // "Medicare", "NO_INSURANCE", "Vision Day Surgery": what institutions are, not which
        }
        putIfSignificant(tokens, new Entry(0, replacement));
        if (ADDRESS.equals(wordReplacement)) {
            // "lives on Foxglove Terrace": the street of a known address, without its number (decision 0169)
            for (List<String> street : streets(value, tokens)) {
                putIfSignificant(street, new Entry(0, replacement));
            }
            // "56M, from Peradeniya": the town that ends a street address ("45, Kandy Road, Peradeniya"; decision 0247)
            List<String> town = lastTown(value);
            if (town != null) {
                putIfSignificant(town, new Entry(0, replacement));
            }
        }
        if (INSTITUTION.equals(wordReplacement)) {
            // A DICOM institution's name is matched whole (decision 0188): its words alone ("Imaging", "Heart",
            // "JFK") are a modality's or a manufacturer's as often as the institution's.
            return;
        }
        if (n > 1 && allAlphabetic(tokens) && NAME_LIKE.matcher(value).matches()) {
            // "Smith, John" is written "John Smith" elsewhere: short names also match rotated (an
            // institution's name is not).
            if (n <= 3 && !institution) {
                for (int r = 1; r < n; r++) {
                    List<String> rotated = new ArrayList<>(tokens.subList(r, n));
                    rotated.addAll(tokens.subList(0, r));
                    putIfSignificant(rotated, new Entry(0, replacement));
                }
            }
            for (int i = 0; i < n; i++) {
                String t = tokens.get(i);
                int province = ADDRESS.equals(wordReplacement) ? VietnameseText.provinceAt(tokens, i) : 0;
                if (province > 0) {
                    i += province - 1; // "TP. Hà Nội": a province is kept as a state is, its words too (decision 0246)
                    continue;
                }
                // Of an institution's name, only the words that are not its vocabulary ("Springfield", not
                // "Prison" or "Day").
                if (t.length() >= 2 && !(institution && institutional(t))) {
                    putIfSignificant(List.of(t), new Entry(1, wordReplacement));
                }
            }
        }
    }

    /**
     * The streets of an address value without its house number ({@link #street}): of the whole value and, of a whole
     * address in one value ("41 Foxglove Terrace, Kalamazoo, MI 49008"), of each part between commas; each as the value
     * writes it. For the verifier's dictionary, which looks for them as the scrubber does.
     */
    public static List<String> streets(String value) {
        String folded = TextFolding.fold(MarkupText.read(value));
        List<String> out = new ArrayList<>();
        List<int[]> bounds = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        tokenize(folded, bounds, tokens);
        for (List<String> street : streets(folded, tokens)) {
            // as the value writes it (Hauptstraße, not HAUPTSTRASSE): the verifier folds case its own way
            int at = java.util.Collections.indexOfSubList(tokens, street);
            String written = at < 0 ? String.join(" ", street)
                    : folded.substring(bounds.get(at)[0], bounds.get(at + street.size() - 1)[1]);
            if (!out.contains(written)) {
                out.add(written);
            }
        }
        return out;
    }

    /**
     * The words of a person's name that the scrubber takes alone from free text (a surname without its given name, a
     * given name without the middle initial), for the verifier's dictionary (decision 0174): of a value of two or more
     * words, letters only and name-like, not an institution's, each word of three letters or more that is not an
     * ordinary word, as the value writes it; a DICOM person name's components ({@code QUERNBY^ALOYSIUS^T}) are its
     * words. None for other values.
     */
    public static List<String> nameWords(String value) {
        String folded = TextFolding.fold(MarkupText.read(value)).replace('^', ' ');
        if (!NAME_LIKE.matcher(folded).matches()) {
            return List.of();
        }
        List<int[]> bounds = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        tokenize(folded, bounds, tokens);
        if (tokens.size() < 2 || tokens.size() > MAX_TOKENS || !allAlphabetic(tokens)) {
            return List.of();
        }
        for (String t : tokens) {
            if (isInstitutionMark(t)) {
                return List.of();
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.length() >= 3 && !isOrdinaryWord(t)) {
                String written = folded.substring(bounds.get(i)[0], bounds.get(i)[1]);
                if (!out.contains(written)) {
                    out.add(written);
                }
            }
        }
        return out;
    }

    private static List<List<String>> streets(String value, List<String> tokens) {
        List<List<String>> out = new ArrayList<>(2);
        List<String> street = street(tokens);
        if (street != null) {
            out.add(street);
        }
        if (value.indexOf(',') >= 0) {
            for (String part : value.split(",")) {
                List<String> partStreet = street(tokens(part));
                if (partStreet != null && !out.contains(partStreet)) {
                    out.add(partStreet);
                }
            }
        }
        return out;
    }

    /**
     * The town that ends an address of three parts or more whose first part holds its house number ("45, Kandy Road,
     * Peradeniya", "House 12, Road 5, Dhanmondi"): the last part's words, one or two, letters only, not a state or a
     * country and no ordinary word alone; null otherwise ("…, Springfield, IL 62704" ends in its ZIP; decision 0247).
     */
    static List<String> lastTown(String value) {
        int first = value.indexOf(',');
        int last = value.lastIndexOf(',');
        if (first < 0 || last == first) {
            return null;
        }
        boolean number = false;
        for (int i = 0; i < first && !number; i++) {
            number = Character.isDigit(value.charAt(i));
        }
        if (!number) {
            return null;
        }
        List<String> town = tokens(value.substring(last + 1));
        if (town.isEmpty() || town.size() > 2 || !allAlphabetic(town) || PlaceNames.large(String.join(" ", town))) {
            return null;
        }
        return town;
    }

    /** What an address's words are replaced by: the label its values are noted with. */
    private static final String ADDRESS = "[ADDRESS]";
    /** A DICOM institution's name as the run notes it (decision 0188): matched whole, and only in cleaned text. */
    static final String INSTITUTION = "[INSTITUTION]";

    /** The words after a house number that say where in the building: not the street's. */
    private static final Set<String> UNIT_WORDS = Set.of("APT", "APARTMENT", "UNIT", "SUITE", "STE", "FLAT", "FLOOR",
            "FL", "BLDG", "BUILDING", "ROOM", "RM", "LOT", "SPACE", "TRLR", "DEPT", "PISO", "PUERTA", "ESC", "ESCALERA",
            "DTO", "ESQ", "BIS", "TER", "QUATER", "STIEGE", "TOP", "WHG", "HINTERHAUS", "OG", "EG");

    /** Words of a postal box, whose "street" is none. */
    private static final Set<String> BOX_WORDS = Set.of("PO", "BOX", "POB", "POSTFACH", "CP", "APARTADO", "CASILLA",
            "BP", "CAIXA", "POSTBUS", "BOITE", "BOÎTE", "PMB", "RR", "HC");

    /**
     * The endings of a one-word street (German, Dutch, Nordic, Hungarian), which alone is a street's name
     * ({@code HAUPTSTRASSE}, {@code KALVERSTRAAT}, {@code STORGATAN}); other one-word remainders ("Broadway") are not
     * learnt: a word alone is too likely to be a word of the text.
     */
    private static final List<String> STREET_ENDINGS = List.of("STRASSE", "STR", "WEG", "GASSE", "ALLEE", "PLATZ",
            "RING", "DAMM", "UFER", "CHAUSSEE", "STRAAT", "LAAN", "GRACHT", "PLEIN", "KADE", "SINGEL", "GATAN", "VAGEN",
            "VÄGEN", "GATA", "VEJ", "GADE", "VEIEN", "VEGEN", "GATE", "UTCA", "KATU", "TIE");

    /**
     * The street of an address without its house number and what follows it (decision 0169): the words after a
     * leading number up to a unit word or the next number ({@code 41 FOXGLOVE TERRACE}, {@code 2201 JUNIPER AVE APT
     * 4 B}, {@code 12 BIS AVENUE FOCH}), or the words before the first number ({@code HAUPTSTRASSE 12 A}, {@code CALLE
     * DE HORTALEZA 57 3 B}), a flat's number before it passed over ({@code FLAT 2 18 HAWTHORN CLOSE}); null when the
     * address has no number, is a postal box, or leaves no street: one word that
     * is not a street by its ending, or only the words of streets and units.
     */
    static List<String> street(List<String> tokens) {
        int n = tokens.size();
        int start = 0;
        while (start + 1 < n && UNIT_WORDS.contains(tokens.get(start))
                && Character.isDigit(tokens.get(start + 1).charAt(0))) {
            start += 2; // Flat 2, 18 Hawthorn Close
            if (start < n && tokens.get(start).length() == 1 && !Character.isDigit(tokens.get(start).charAt(0))) {
                start++;
            }
        }
        if (n - start < 2) {
            return null;
        }
        int from;
        int to;
        if (Character.isDigit(tokens.get(start).charAt(0))) {
            from = start + 1;
            while (from < n && (tokens.get(from).length() == 1 || UNIT_WORDS.contains(tokens.get(from)))
                    && !Character.isDigit(tokens.get(from).charAt(0))) {
                from++; // 12 B, 12 bis
            }
            to = from;
            while (to < n && !Character.isDigit(tokens.get(to).charAt(0)) && !UNIT_WORDS.contains(tokens.get(to))) {
                to++;
            }
        } else {
            from = start;
            to = start;
            while (to < n && !Character.isDigit(tokens.get(to).charAt(0))) {
                to++;
            }
            if (to == n) {
                return null; // no house number: the value as a whole is known already
            }
        }
        if (to <= from) {
            return null;
        }
        List<String> street = tokens.subList(from, to);
        boolean distinct = false;
        for (String t : street) {
            if (BOX_WORDS.contains(t)) {
                return null;
            }
            distinct |= t.length() >= 3 && !COMMON_WORDS.contains(t) && !UNIT_WORDS.contains(t);
        }
        if (!distinct) {
            return null;
        }
        if (street.size() == 1) {
            String word = street.get(0);
            boolean ending = false;
            for (String e : STREET_ENDINGS) {
                ending |= word.length() > e.length() + 2 && word.endsWith(e);
            }
            return ending ? List.copyOf(street) : null;
        }
        return List.copyOf(street);
    }

    /** Whether a token is one of {@link #INSTITUTION_MARKS}: a token of digits never is, and is not hashed. */
    private static boolean isInstitutionMark(String token) {
        return !Character.isDigit(token.charAt(0)) && INSTITUTION_MARKS.contains(token);
    }

    private static boolean allInstitutional(List<String> tokens) {
        for (int i = 0, n = tokens.size(); i < n; i++) {
            if (!institutional(tokens.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allAlphabetic(List<String> tokens) {
        for (int i = 0, n = tokens.size(); i < n; i++) {
            if (!isAlphabetic(tokens.get(i))) {
                return false;
            }
        }
        return true;
    }

    private void putIfSignificant(List<String> tokens, Entry replacement) {
        int letters = 0;
        int digits = 0;
        int n = tokens.size();
        int length = n - 1;
        for (int k = 0; k < n; k++) {
            String t = tokens.get(k);
            length += t.length();
            for (int i = 0; i < t.length(); i++) {
                if (Character.isDigit(t.charAt(i))) {
                    digits++;
                } else {
                    letters++;
                }
            }
        }
        boolean significant = letters == 0 ? digits >= 4 : letters + digits >= 2;
        if (!significant) {
            return;
        }
        String first = tokens.get(0);
        if (n == 1 && isOrdinaryWord(first)) {
            // "General", "Hospital" are words, not identifiers; "Hill", "Young" are names that are
            // also words: they are scrubbed where written with a capital only.
            if (NAMES.isName(first)) {
                capitalOnly.merge(first, replacement, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                noteFirstToken(first, 1);
            }
            return;
        }
        String key;
        if (n == 1) {
            key = first;
        } else {
            StringBuilder joined = new StringBuilder(length);
            joined.append(first);
            for (int k = 1; k < n; k++) {
                joined.append(' ').append(tokens.get(k));
            }
            key = joined.toString();
        }
        // A value noted again (the same id in another file, the same name for another column) changes nothing
        // when its entry already wins: looked up without the map's lock.
        Entry old = replacements.get(key);
        if (old == null || replacement.compareTo(old) < 0) {
            replacements.merge(key, replacement, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        noteFirstToken(first, n);
    }

    /** {@code firstTokens} and {@link #maxTokens} take at least {@code count} for {@code first}. */
    private void noteFirstToken(String first, int count) {
        Integer known = firstTokens.get(first);
        if (known == null || known < count) {
            firstTokens.merge(first, count, Math::max);
        }
        if (maxTokens.get() < count) {
            maxTokens.accumulateAndGet(count, Math::max);
        }
    }

    private static final NameDictionary NAMES = NameDictionary.get();

    private static boolean isOrdinaryWord(String token) {
        return COMMON_WORDS.contains(token) || NAMES.isCommonWord(token);
    }

    /**
     * Adds everything {@code other} knows, with the same precedence as if its values had been
     * {@link #add}ed here: merging collections made on several workers gives the collection one
     * worker would have made from all their values, in any order. {@code other} is not changed.
     */
    public void addAll(KnownIdentifiers other) {
        lock.readLock().lock();
        try {
            for (KnownIdentifiers layer = other; layer != null; layer = layer.base) {
                if (layer.index != null || layer.spilled != null) {
                    throw new IllegalStateException("known identifiers spilled to disk cannot be added to others");
                }
                layer.replacements.forEach((k, e) -> replacements.merge(k, e, (a, b) -> a.compareTo(b) <= 0 ? a : b));
                layer.capitalOnly.forEach((k, e) -> capitalOnly.merge(k, e, (a, b) -> a.compareTo(b) <= 0 ? a : b));
                layer.firstTokens.forEach((k, n) -> firstTokens.merge(k, n, Math::max));
                maxTokens.accumulateAndGet(layer.maxTokens.get(), Math::max);
            }
        } finally {
            lock.readLock().unlock();
        }
        spillIfFull();
    }

    /**
     * A frozen copy: later additions to this collection do not show in it. Costs no copy (decision
     * 0026): the snapshot takes over what was collected so far and this collection continues in new
     * maps over it.
     */
    public KnownIdentifiers snapshot() {
        lock.writeLock().lock();
        try {
            Index compact = null;
            if (spilled != null) {
                spillLocked();
                try {
                    compact = Index.build(spillArea, spilled.finish());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot read the spilled identifiers", e);
                }
                spilled = null;
            }
            KnownIdentifiers frozen = new KnownIdentifiers(java.util.Collections.unmodifiableMap(replacements),
                    java.util.Collections.unmodifiableMap(capitalOnly), java.util.Collections.unmodifiableMap(firstTokens),
                    maxTokens.get(), base);
            frozen.index = compact;
            frozen.replacementHashes = hashTable(replacements.keySet());
            frozen.firstTokenHashes = hashTable(firstTokens.keySet());
            replacements = new ConcurrentHashMap<>();
            capitalOnly = new ConcurrentHashMap<>();
            firstTokens = new ConcurrentHashMap<>();
            added = new BoundedMemory<>(MAX_REMEMBERED);
            replacementHashes = null; // this layer grows again
            firstTokenHashes = null;
            base = frozen;
            return frozen;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A key's hash as the tables of {@link #hashTable} hold it: never 0, which marks an empty slot. */
    private static int tableHash(String key) {
        int h = key.hashCode() * 0x9E3779B1;
        return h == 0 ? 1 : h;
    }

    /**
     * The {@link #tableHash}es of {@code keys}, open-addressed in an array of at least twice their number (a power of
     * two): a key whose hash is not in it is not among them; one whose hash is may be.
     */
    private static int[] hashTable(java.util.Collection<String> keys) {
        int capacity = Integer.highestOneBit(Math.max(4, keys.size()) * 2 - 1) << 1;
        int[] table = new int[capacity];
        int mask = capacity - 1;
        for (String k : keys) {
            int h = tableHash(k);
            int i = (h ^ (h >>> 16)) & mask;
            while (table[i] != 0 && table[i] != h) {
                i = (i + 1) & mask;
            }
            table[i] = h;
        }
        return table;
    }

    /** Whether {@code key} may be one of the keys {@code table} was made of ({@link #hashTable}). */
    private static boolean mayHold(int[] table, String key) {
        return mayHoldHash(table, key.hashCode());
    }

    /** {@link #mayHold} of a key with this {@link String#hashCode()}. */
    private static boolean mayHoldHash(int[] table, int keyHash) {
        int h = keyHash * 0x9E3779B1;
        h = h == 0 ? 1 : h;
        int mask = table.length - 1;
        for (int i = (h ^ (h >>> 16)) & mask;; i = (i + 1) & mask) {
            int t = table[i];
            if (t == h) {
                return true;
            }
            if (t == 0) {
                return false;
            }
        }
    }

    /** The replacement of a single word that is a name and an ordinary word, to use where it is capitalised. */
    String capitalOnlyReplacement(String token) {
        Entry e = capitalOnlyEntry(token);
        return e == null ? null : e.replacement();
    }

    /** Number of distinct identifier token sequences known. O(n) when snapshots were taken. */
    public int size() {
        if (base == null && index == null && spilled == null) {
            return replacements.size() + capitalOnly.size();
        }
        if (spilled != null) {
            throw new IllegalStateException("the collection spilled: take a snapshot() to count it");
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        java.util.Set<String> capital = new java.util.HashSet<>();
        for (KnownIdentifiers layer = this; layer != null; layer = layer.base) {
            keys.addAll(layer.replacements.keySet());
            if (layer.index != null) {
                layer.index.forEachKey(keys::add);
            }
            capital.addAll(layer.capitalOnly.keySet());
        }
        return keys.size() + capital.size();
    }

    /** Whether no identifier is known. Cheap (no count). */
    public boolean isEmpty() {
        for (KnownIdentifiers layer = this; layer != null; layer = layer.base) {
            Index i = layer.index;
            if (!layer.replacements.isEmpty() || !layer.capitalOnly.isEmpty() || (i != null && i.size > 0)
                    || layer.spilled != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * False when no token sequence whose joined text ({@link String#hashCode()}) has this hash has a replacement: the
     * frozen layers' hash tables say so without the joined text being made (decision 0151); true when one may, or when
     * a layer cannot tell (a growing layer, a spilled one).
     */
    boolean mayHaveReplacement(int joinedHash) {
        for (KnownIdentifiers layer = this; layer != null; layer = layer.base) {
            if (layer.index != null) {
                return true;
            }
            int[] filter = layer.replacementHashes;
            if (filter == null ? !layer.replacements.isEmpty() : mayHoldHash(filter, joinedHash)) {
                return true;
            }
        }
        return false;
    }

    /** The replacement for a token sequence, or {@code null}. */
    String replacement(String joinedTokens) {
        Entry e = replacementEntry(joinedTokens);
        return e == null ? null : e.replacement();
    }

    /** Whether some identifier starts with this (upper-case) token; a cheap pre-check. */
    boolean startsSome(String token) {
        return firstTokenCount(token) > 0;
    }

    /** The most tokens of an identifier starting with this token, 0 when none does. */
    int longestStartingWith(String token) {
        return firstTokenCount(token);
    }

    /** The longest known identifier, in tokens. */
    int maxTokens() {
        return maxTokens.get();
    }

    /** The comparison tokens of a text (see the class description). */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        tokenize(text, null, out);
        return out;
    }

    /**
     * Splits a text into comparison tokens, optionally with each token's [start, end) in the text.
     * One implementation for identifiers and for the text they are searched in, so both sides agree.
     */
    static void tokenize(String text, List<int[]> bounds, List<String> tokens) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            int kind = kind(text.codePointAt(i), NONE);
            if (kind == NONE) {
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            int start = i;
            while (i < n) {
                int cp = text.codePointAt(i);
                if (kind(cp, kind) != kind) {
                    break;
                }
                i += Character.charCount(cp);
            }
            if (bounds != null) {
                bounds.add(new int[] {start, i});
            }
            tokens.add(normalize(text.substring(start, i)));
        }
    }

    private static final int NONE = 0;
    private static final int LETTERS = 1;
    private static final int DIGITS = 2;

    /** The token kind of a code point; a combining mark continues the current token. */
    private static int kind(int cp, int current) {
        if (Character.isDigit(cp)) {
            return DIGITS;
        }
        if (Character.isLetter(cp)) {
            return LETTERS;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK) {
            return current == NONE ? LETTERS : current;
        }
        return NONE;
    }

    /** A token as the identifiers are kept (upper case, NFKC beyond ASCII): for look-ups of a part of a token. */
    static String normalizeToken(String token) {
        return normalize(token);
    }

    private static String normalize(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) >= 0x80) {
                // Turkish dotted capital İ (and i with a combining dot, as Locale.ROOT lower-cases it) is the I that
                // "ı" and "i" upper-case to: "ÇİFTÇİOĞLU" and "Çiftçioğlu" are one name (decision 0125)
                return Normalizer.normalize(token, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT)
                        .replace("I\u0307", "I").replace('\u0130', 'I');
            }
        }
        return token.toUpperCase(Locale.ROOT);
    }

    private static boolean isAlphabetic(String token) {
        for (int i = 0, n = token.length(); i < n; ) {
            int cp = token.codePointAt(i);
            if (kind(cp, LETTERS) != LETTERS) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
