package org.deidworkbench.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * subject once the subjects are known. Not thread-safe; one use. Opened pipelined (decision 0082), its records are
 * added on a thread of its own, which has ended when {@link #open} returns.
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
    // the pseudonyms that replace known identifiers, with their subject's index in knownSubjects: aliases of it
    private int[] aliasSubject = new int[64];
    private String[] aliasPseudonym = new String[64];
    private int aliases;
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
            ids.forEach(known -> d.known(subject, known.value(), known.replacement(), known.wordReplacement()));
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
        return open(file, passphrase, keepOriginals, false);
    }

    /**
     * As {@link #open(Path, char[], boolean)}; when {@code pipelined}, the records are added to the dictionary on a
     * thread of their own while the key file is decrypted and parsed on the caller's (decision 0082): the same records
     * in the same order into one builder, so the same dictionary, in about the longer of the two halves' times instead
     * of their sum. Returns once both are done.
     */
    static Opened open(Path file, char[] passphrase, boolean keepOriginals, boolean pipelined) throws KeyFileException {
        KeyDictionary d = new KeyDictionary(keepOriginals);
        if (!pipelined) {
            KeyFileStore.Streamed s = KeyFileStore.openStreamed(file, passphrase, d.direct());
            return new Opened(s.contents(), d);
        }
        Feeder feeder = d.new Feeder();
        Thread thread = new Thread(feeder, "deid-verify-dictionary");
        thread.setDaemon(true);
        thread.start();
        boolean done = false;
        try {
            KeyFileStore.Streamed s = KeyFileStore.openStreamed(file, passphrase, d.feeding(feeder));
            done = true;
            feeder.end(thread, false);
            return new Opened(s.contents(), d);
        } finally {
            if (!done) {
                feeder.end(thread, true); // the key file failed: what was fed is dropped with the dictionary
            }
        }
    }

    // what a record does to the dictionary (a member the verifier does not look into is read past)
    private static final byte OP_ENTRY = 1;
    private static final byte OP_OFFSET = 2;
    private static final byte OP_KNOWN_SUBJECT = 3;
    private static final byte OP_KNOWN = 4;

    private static byte operation(String member, String[] previous, String[] t) {
        return switch (member) {
            case "domains" -> OP_ENTRY;
            case "date offsets" -> OP_OFFSET;
            case "known identifiers" -> previous == null || !previous[0].equals(t[0]) ? OP_KNOWN_SUBJECT : OP_KNOWN;
            default -> 0;
        };
    }

    private void apply(byte operation, String[] t) {
        switch (operation) {
            case OP_ENTRY -> entry(t[0], t[1], t[2]);
            case OP_OFFSET -> offset(t[0]);
            case OP_KNOWN_SUBJECT -> {
                knownSubject(t[0]);
                known(t[0], t[1], t[2], t[3]);
            }
            case OP_KNOWN -> known(t[0], t[1], t[2], t[3]);
            default -> {
                // read past
            }
        }
    }

    /**
     * A {@link SortedTuples.Store} that checks the order of each member's tuples and hands each on to {@code sink}
     * with what it does to the dictionary; the tuples are not kept.
     */
    private static SortedTuples.Store store(Sink sink) {
        return (name, arity, keyArity, sorted) -> {
            String[] previous = null;
            long n = 0;
            while (sorted.hasNext()) {
                String[] t = sorted.next();
                if (previous != null && Arrays.compare(previous, 0, keyArity, t, 0, keyArity) >= 0) {
                    throw new IllegalArgumentException("tuples out of order");
                }
                byte op = operation(name, previous, t);
                if (op != 0) {
                    sink.accept(op, t);
                }
                previous = t;
                n++;
            }
            sink.flush();
            return counted(n);
        };
    }

    private interface Sink {
        void accept(byte operation, String[] tuple) throws IOException;

        void flush() throws IOException;
    }

    /** A store that feeds the dictionary on the reading thread. */
    private SortedTuples.Store direct() {
        return store(new Sink() {
            @Override
            public void accept(byte operation, String[] tuple) {
                apply(operation, tuple);
            }

            @Override
            public void flush() {
                // nothing waits
            }
        });
    }

    /** A store that hands the records to {@code feeder}'s thread in batches. */
    private SortedTuples.Store feeding(Feeder feeder) {
        return store(new Sink() {
            private byte[] ops = new byte[Feeder.BATCH];
            private String[][] tuples = new String[Feeder.BATCH][];
            private int n;

            @Override
            public void accept(byte operation, String[] tuple) throws IOException {
                ops[n] = operation;
                tuples[n++] = tuple;
                if (n == Feeder.BATCH) {
                    flush();
                }
            }

            @Override
            public void flush() throws IOException {
                if (n > 0) {
                    feeder.put(new Batch(ops, tuples, n));
                    ops = new byte[Feeder.BATCH];
                    tuples = new String[Feeder.BATCH][];
                    n = 0;
                }
            }
        });
    }

    private record Batch(byte[] ops, String[][] tuples, int n) {
    }

    /**
     * The thread that adds the records to the dictionary, in the order they were read. A few batches wait at most (the
     * queue is bounded: memory does not grow with the key file); a failure of the dictionary is kept, the rest of the
     * batches drained unread, and thrown on the caller's thread.
     */
    private final class Feeder implements Runnable {
        static final int BATCH = 1024;
        private static final Batch END = new Batch(new byte[0], new String[0][], 0);
        private final java.util.concurrent.ArrayBlockingQueue<Batch> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(8);
        private volatile boolean dropped;
        private volatile RuntimeException failure;
        private volatile Error error;

        @Override
        public void run() {
            while (true) {
                Batch b;
                try {
                    b = queue.take();
                } catch (InterruptedException e) {
                    failure = new IllegalStateException("the dictionary's thread was interrupted", e);
                    return;
                }
                if (b == END) {
                    return;
                }
                if (dropped || failure != null || error != null) {
                    continue;
                }
                try {
                    for (int i = 0; i < b.n(); i++) {
                        apply(b.ops()[i], b.tuples()[i]);
                    }
                } catch (RuntimeException e) {
                    failure = e;
                } catch (Error e) {
                    error = e;
                }
            }
        }

        void put(Batch b) throws IOException {
            try {
                queue.put(b);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading the key file");
            }
        }

        /** Waits for the thread to add what was read (or, {@code drop}, to drain it unread) and end. */
        void end(Thread thread, boolean drop) {
            dropped = drop;
            boolean interrupted = false;
            while (true) {
                try {
                    queue.put(END);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (!drop && error != null) {
                throw error;
            }
            if (!drop && failure != null) {
                throw failure;
            }
        }
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
        builder.addPseudonymized(original, source);
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

    /**
     * A known identifier of the subject last given to {@link #knownSubject}, and what replaces it in the output: a
     * pseudonym there (not a {@code [LABEL]}) also names the subject (decision 0099).
     */
    void known(String subject, String value, String replacement, String wordReplacement) {
        builder.add(value, KNOWN, -1);
        String[] nameAndId = org.deidworkbench.deid.classify.NameWithId.parts(value);
        if (nameAndId != null) {
            // "QUACKENBOSS, PERPETUA (MRN 00458812)": the name and the number alone, as the run scrubs them (decision 0180)
            builder.add(nameAndId[0], KNOWN, -1);
            builder.add(nameAndId[1], KNOWN, -1);
            value = nameAndId[0];
        }
        if ("[ADDRESS]".equals(replacement)) {
            // the street without its number, as the run scrubbed it from text (decision 0169)
            for (String street : org.deidworkbench.deid.KnownIdentifiers.streets(value)) {
                builder.add(street, KNOWN, -1);
            }
        } else if ("[NAME]".equals(replacement) || "[NAME]".equals(wordReplacement)) {
            // a surname or a given name alone, as the run scrubbed it from text (a pseudonymized name's too: a DICOM
            // patient's name, whose replacement is its pseudonym; decision 0174)
            for (String word : org.deidworkbench.deid.KnownIdentifiers.nameWords(value)) {
                builder.add(word, KNOWN, -1);
            }
        }
        knownEnd[knownSubjects.size() - 1] = builder.mark();
        if (replacement != null && !replacement.startsWith("[") && !replacement.isBlank()) {
            if (aliases == aliasSubject.length) {
                aliasSubject = Arrays.copyOf(aliasSubject, aliases * 2);
                aliasPseudonym = Arrays.copyOf(aliasPseudonym, aliases * 2);
            }
            aliasSubject[aliases] = knownSubjects.size() - 1;
            aliasPseudonym[aliases++] = replacement;
        }
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
        int[] ids = new int[knownSubjects.size()];
        for (int g = 0; g < knownSubjects.size(); g++) {
            ids[g] = builder.subject(knownSubjects.get(g));
            builder.own(knownBegin[g], knownEnd[g], ids[g]);
        }
        for (int i = 0; i < aliases; i++) {
            builder.alias(ids[aliasSubject[i]], aliasPseudonym[i]);
        }
        aliasSubject = null;
        aliasPseudonym = null;
        return builder;
    }
}
