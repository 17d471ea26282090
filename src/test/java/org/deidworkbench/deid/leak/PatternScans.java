package org.deidworkbench.deid.leak;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A scanner with no original values, over a text as a value, as its bytes and as a raw stream: its pattern hits. */
final class PatternScans {

    private PatternScans() {
    }

    static final LeakDictionary EMPTY = new LeakDictionary.Builder().build();

    static List<LeakScanner.Hit> value(String text) {
        List<LeakScanner.Hit> hits = new ArrayList<>();
        new LeakScanner(EMPTY, Set.of(), false, hits::add).value(text, () -> "cell");
        return hits;
    }

    static List<LeakScanner.Hit> bytes(String text) {
        List<LeakScanner.Hit> hits = new ArrayList<>();
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        new LeakScanner(EMPTY, Set.of(), false, hits::add).value(b, 0, b.length, () -> "cell");
        return hits;
    }

    static List<LeakScanner.Hit> raw(String text) {
        List<LeakScanner.Hit> hits = new ArrayList<>();
        LeakScanner s = new LeakScanner(EMPTY, Set.of(), false, hits::add);
        byte[] b = ("first line\n" + text + "\nlast line\n").getBytes(StandardCharsets.UTF_8);
        s.startRaw();
        s.rawBytes(b, 0, b.length);
        s.endRaw();
        return hits;
    }

    static List<String> sources(List<LeakScanner.Hit> hits) {
        return hits.stream().map(LeakScanner.Hit::source).toList();
    }
}
