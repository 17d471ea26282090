package org.deidworkbench.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.deidworkbench.deid.leak.LeakDictionary;
import org.deidworkbench.deid.leak.ValueKeys;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileException;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.model.SortedTuples;

/**
 * The verifier's dictionary, fed with a key file's records one at a time in the payload's order (decision 0061): the
 * pseudonym entries of every domain, then the subjects' date offsets and known identifiers. A key file read as a
 * stream ({@link #open}) is never held: the originals go into the dictionary as they are decrypted, the pseudonyms are
 * kept as 128-bit keys, and the originals' strings only for {@code --reveal}. What is added, in what order, and to
 * which subjects, is what the key file opened whole gives ({@link #of}): the payload lists the subjects after the
 * domains, so the patterns each entry adds are recorded ({@link LeakDictionary.Builder#mark}) and given to their
 * subject once the subjects are known. Not thread-safe; one use.
 */
final class KeyDictionary {

    static final String KNOWN = "key file known identifiers";

    private final LeakDictionary.Builder builder;
    // the domain entries in order: the pseudonym's key and the builder's marks around the adding of its original
    private long[] entryA = new long[1024];
    private long[] entryB = new long[1024];
    private int[] entryBegin = new int[1024];
    private int[] entryEnd = new int[1024];
    private int entries;
    private String domain;
    private String source;
    // the subjects (pseudonyms with a date offset or known identifiers), by key; few (one per patient)
    private final Map<Pair, String> subjects = new HashMap<>();
    // the known identifiers, grouped by subject in order: the subject and the marks around the adding of its values
    private final List<String> knownSubjects = new ArrayList<>();
    private int[] knownBegin = new int[64];
    private int[] knownEnd = new int[64];
    private boolean finished;

    private record Pair(long a, long b) {
    }

    KeyDictionary(boolean keepOriginals) {
        this.builder = new LeakDictionary.Builder(keepOriginals);
    }

    /** The dictionary of a key file opened whole: its records fed in the payload's order. */
    static KeyDictionary of(KeyFileContents keys, boolean keepOriginals) {
        KeyDictionary d = new KeyDictionary(keepOriginals);
        for (String domain : keys.domains()) {
            keys.forEachEntry(domain, (pseudonym, original) -> d.entry(domain, pseudonym, original));
        }
        keys.dateOffsets().keySet().forEach(d::offset);
        keys.knownIdentifiers().forEach((subject, ids) -> {
            d.knownSubject(subject);
            ids.forEach(known -> d.known(subject, known.value()));
        });
        return d;
    }

    /** The streamed key file: the small members, and the dictionary of its records. */
    record Opened(KeyFileContents contents, KeyDictionary dictionary) {
    }

    /**
     * Opens a key file as a stream ({@link KeyFileStore#openStreamed}) straight into a dictionary: memory holds the
     * dictionary, not the key file's records. The records are used only once the authentication tag at the end of the
     * payload has been checked (a file that fails it throws, and the dictionary is dropped).
     */
    static Opened open(Path file, char[] passphrase, boolean keepOriginals) throws KeyFileException {
        KeyDictionary d = new KeyDictionary(keepOriginals);
        KeyFileStore.Streamed s = KeyFileStore.openStreamed(file, passphrase, d::consume);
        return new Opened(s.contents(), d);
    }

    /** A {@link SortedTuples.Store} that feeds the dictionary instead of keeping the tuples. */
    private SortedTuples consume(String name, int arity, int keyArity, Iterator<String[]> sorted) throws IOException {
        String[] previous = null;
        long n = 0;
        while (sorted.hasNext()) {
            String[] t = sorted.next();
            if (previous != null && Arrays.compare(previous, 0, keyArity, t, 0, keyArity) >= 0) {
                throw new IllegalArgumentException("tuples out of order");
            }
            switch (name) {
                case "domains" -> entry(t[0], t[1], t[2]);
                case "date offsets" -> offset(t[0]);
                case "known identifiers" -> {
                    if (previous == null || !previous[0].equals(t[0])) {
                        knownSubject(t[0]);
                    }
                    known(t[0], t[1]);
                }
                default -> {
                    // a member the verifier does not look into: read past it
                }
            }
            previous = t;
            n++;
        }
        return counted(n);
    }


    /** What the store gives back: the count (the contents count the key file's entries); the tuples were not kept. */
    private static SortedTuples counted(long n) {
        return new SortedTuples() {
            @Override
            public long size() {
                return n;
            }

            @Override
            public Cursor open() throws IOException {
                throw new IOException("the verifier fed these tuples into its dictionary and did not keep them");
            }
        };
    }

    /** A pseudonym entry: its original is looked for; the pseudonym is never reported. */
    void entry(String domain, String pseudonym, String original) {
        if (!domain.equals(this.domain)) {
            this.domain = domain;
            this.source = "key file domain '" + domain + "'";
        }
        builder.pseudonym(pseudonym);
        if (entries == entryEnd.length) {
            int n = entries + (entries >> 1);
            entryA = Arrays.copyOf(entryA, n);
            entryB = Arrays.copyOf(entryB, n);
            entryBegin = Arrays.copyOf(entryBegin, n);
            entryEnd = Arrays.copyOf(entryEnd, n);
        }
        entryBegin[entries] = builder.mark();
        builder.add(original, source, -1);
        entryA[entries] = ValueKeys.first(pseudonym);
        entryB[entries] = ValueKeys.second(pseudonym);
        entryEnd[entries++] = builder.mark();
    }

    /** A subject with a date offset. */
    void offset(String subject) {
        subjects.put(new Pair(ValueKeys.first(subject), ValueKeys.second(subject)), subject);
    }

    /** The first known identifier of a subject follows. */
    void knownSubject(String subject) {
        subjects.put(new Pair(ValueKeys.first(subject), ValueKeys.second(subject)), subject);
        if (knownSubjects.size() == knownEnd.length) {
            knownBegin = Arrays.copyOf(knownBegin, knownEnd.length * 2);
            knownEnd = Arrays.copyOf(knownEnd, knownEnd.length * 2);
        }
        knownBegin[knownSubjects.size()] = builder.mark();
        knownEnd[knownSubjects.size()] = builder.mark();
        knownSubjects.add(subject);
    }

    /** A known identifier of the subject last given to {@link #knownSubject}. */
    void known(String subject, String value) {
        builder.add(value, KNOWN, -1);
        knownEnd[knownSubjects.size() - 1] = builder.mark();
    }

    /**
     * The builder, every entry given to its subject, as if each had been added with its subject (in the same order:
     * the domains' entries, then the known identifiers): the subject ids and each pattern's subjects are the same.
     */
    LeakDictionary.Builder finish() {
        if (finished) {
            throw new IllegalStateException("finished already");
        }
        finished = true;
        for (int i = 0; i < entries; i++) {
            String subject = subjects.isEmpty() ? null : subjects.get(new Pair(entryA[i], entryB[i]));
            if (subject != null) {
                builder.own(entryBegin[i], entryEnd[i], builder.subject(subject));
            }
        }
        entryA = null;
        entryB = null;
        entryBegin = null;
        entryEnd = null;
        for (int g = 0; g < knownSubjects.size(); g++) {
            builder.own(knownBegin[g], knownEnd[g], builder.subject(knownSubjects.get(g)));
        }
        return builder;
    }
}
