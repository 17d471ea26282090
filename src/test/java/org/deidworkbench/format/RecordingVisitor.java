package org.deidworkbench.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Test helper: records what a {@link ValueReader} hands over (raw blocks decoded as ISO 8859-1). */
public final class RecordingVisitor implements ValueReader.Visitor {

    /** One value and where it is. */
    public record Seen(String value, String where, boolean raw) {
    }

    /** Every value, in order. */
    public final List<Seen> seen = new ArrayList<>();
    /** Everything reported as not looked into. */
    public final List<String> notScanned = new ArrayList<>();
    /** The values of each record ended by {@link #endRecord}, in order. */
    public final List<List<String>> records = new ArrayList<>();
    private List<String> record = new ArrayList<>();

    @Override
    public void value(CharSequence value, Supplier<String> where) {
        seen.add(new Seen(value.toString(), where.get(), false));
        record.add(value.toString());
    }

    @Override
    public void endRecord() {
        records.add(record);
        record = new ArrayList<>();
    }

    @Override
    public void bytes(InputStream value, Supplier<String> where) throws IOException {
        seen.add(new Seen(new String(value.readAllBytes(), StandardCharsets.ISO_8859_1), where.get(), true));
    }

    @Override
    public void notScanned(String what) {
        notScanned.add(what);
    }

    /** The first value that contains {@code text}. */
    public Seen first(String text) {
        return seen.stream().filter(s -> s.value().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no value contains the text; seen: " + seen));
    }

    /** Where the first value that contains {@code text} is, or {@code not seen}. */
    public String where(String text) {
        return seen.stream().filter(s -> s.value().contains(text)).map(Seen::where).findFirst().orElse("not seen");
    }
}
