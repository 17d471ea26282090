package org.deidworkbench.deid.leak;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What the per-subject scanner tests share: two subjects (Alice {@code ALC4X9Q2ZP7K}, born 1961-05-03; Bob
 * {@code BOB7Y3W8KD2M}, born 1970-12-24) and one record scanned with counting by subject.
 */
final class SubjectRecords {

    private SubjectRecords() {
    }

    /** The two subjects' dictionary, with whatever {@code more} adds ({@code ids}: Alice's and Bob's subject ids). */
    static LeakDictionary dictionary(BiConsumer<LeakDictionary.Builder, int[]> more) {
        LeakDictionary.Builder b = new LeakDictionary.Builder();
        int alice = b.subject("ALC4X9Q2ZP7K");
        int bob = b.subject("BOB7Y3W8KD2M");
        b.add("1961-05-03", "alice birth date", alice);
        b.add("1970-12-24", "bob birth date", bob);
        more.accept(b, new int[] {alice, bob});
        return b.build();
    }

    /** The sources of the hits of one record (its values in order), counted by subject. */
    static List<String> sources(LeakDictionary d, String... record) {
        List<LeakScanner.Hit> hits = new ArrayList<>();
        LeakScanner s = new LeakScanner(d, Set.of(), false, hits::add).bySubject();
        for (String value : record) {
            s.value(value, () -> "here");
        }
        s.endRecord();
        return hits.stream().map(LeakScanner.Hit::source).toList();
    }
}
