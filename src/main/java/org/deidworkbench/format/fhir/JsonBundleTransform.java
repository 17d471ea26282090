package org.deidworkbench.format.fhir;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.deidworkbench.format.FormatException;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * A JSON resource file or Bundle cleaned over Jackson tokens where it can be (decision 0037): each
 * entry's resource (or the file's one resource) by {@link JsonTransform}; the Bundle's own elements
 * and its entries' {@code fullUrl} and {@code request} here when they are plain (a type, URLs and
 * methods, as most transactions and collections have: decision 0072), else the Bundle's own elements
 * and its entries' {@code fullUrl}, {@code request}, {@code response}, {@code search} and links by
 * HAPI with the resources cut out of the text (they are small), the cleaned resources then printed
 * into HAPI's print of that shell in HAPI's compact or pretty layout. A resource {@link JsonTransform}
 * leaves to HAPI (contained resources, base64 data, nested Bundles) is cleaned by HAPI alone, in a
 * Bundle of its own, as a Bundle streamed entry by entry is. The result is HAPI's print of
 * the Bundle cleaned whole by {@link ResourceCleaner}: a resource inside a Bundle is cleaned as a
 * resource of its own there too. Anything this cannot do exactly ({@code ifNoneExist}, which needs
 * the entry's resource, elements R4 does not define, a shell with warnings,
 * whose order against the entries' would change, any error) throws {@link JsonScan.Fallback}
 * with nothing counted, and the caller cleans the whole text with HAPI, which reports the error
 * in its own words. Not thread-safe: one per file.
 */
final class JsonBundleTransform {

    private static final String PLACEHOLDER_ID = "deidph";

    private final FhirRun run;
    private final JsonTransform resources;
    private final FileTally tally;

    /**
     * @param cleaner the file's cleaner (its caches are shared with {@link JsonTransform})
     * @param tally the file's tally: counts are added to it only when the whole text was cleaned here
     */
    JsonBundleTransform(FhirRun run, ResourceCleaner cleaner, FileTally tally) {
        this.run = run;
        this.resources = new JsonTransform(run, cleaner, tally.scratch());
        this.tally = tally;
    }

    /**
     * An entry's {@code resource} member: where its name starts and where its value ends; and, when the
     * entry is plain (see {@link #plainShell}), its {@code fullUrl}, {@code request.method} and
     * {@code request.url} as written (null: absent; {@code hasRequest} whether it has a {@code request}).
     */
    private record Cut(int from, int to, int resourceStart, int resourceEnd, String fullUrl, boolean hasRequest,
            String method, String url, JsonTransform.Read read) {
    }

    /**
     * Whether the text read by {@link #cuts} is a plain shell: the Bundle has no member but
     * {@code resourceType}, {@code type} (a code of R4's Bundle types) and {@code entry} (at least one),
     * and each entry none but {@code fullUrl}, {@code resource} and {@code request}, whose members are
     * {@code method} (an R4 HTTP verb) and {@code url} (at least one of them); every value a JSON string
     * of plain characters (see {@link #plain}). Such a shell is cleaned and printed here (decision 0072).
     */
    private boolean plainShell;
    /** The Bundle's {@code type} as written, when {@link #plainShell} (null: absent). */
    private String bundleType;
    /** How many texts had their shell cleaned and printed here. */
    private int plainShells;

    /** How many texts this has cleaned with a plain shell, printed without HAPI (for tests). */
    int plainShells() {
        return plainShells;
    }

    /** Entries whose resource {@link JsonTransform} left to HAPI. */
    private int hapiEntries;

    /** How many entries' resources this has left to HAPI (for tests). */
    int hapiEntries() {
        return hapiEntries;
    }

    /**
     * The cleaned text as HAPI would print it ({@code pretty} or compact), or {@link JsonScan.Fallback}.
     *
     * @param entryBase the number of the text's first entry in the file (1; more for a streamed Bundle)
     */
    String transform(String text, boolean pretty, long entryBase) throws JsonScan.Fallback {
        List<Cut> cuts = new ArrayList<>();
        boolean bundle = cuts(text, cuts);
        FileTally mine = tally.scratch();
        resources.tally(mine);
        if (!bundle) {
            String out;
            try {
                resources.entryFullUrl(null);
                out = resources.transform(text, "", "");
            } catch (FormatException e) {
                throw JsonScan.fallback(); // HAPI reports it, in its own words and place
            }
            if (!tally.canAdd(mine)) {
                return fail();
            }
            tally.addAll(mine);
            return pretty ? pretty(out, 0) : out;
        }
        // The entries' resources first (each as HAPI cleans a resource inside a Bundle) ...
        List<String> cleaned = new ArrayList<>(cuts.size());
        ResourceCleaner hapi = null;
        for (int i = 0; i < cuts.size(); i++) {
            Cut c = cuts.get(i);
            String resource = c.read != null ? null : text.substring(c.resourceStart, c.resourceEnd);
            try {
                resources.entryFullUrl(c.fullUrl);
                if (c.read != null) {
                    cleaned.add(resources.transform(c.read, "entry " + (i + entryBase), ""));
                    readAheads++;
                } else {
                    cleaned.add(resources.transform(resource, "entry " + (i + entryBase), ""));
                }
                continue;
            } catch (FormatException e) {
                throw JsonScan.fallback(); // HAPI reports the first error of the Bundle
            } catch (JsonScan.Fallback e) {
                // this resource by HAPI, below
            }
            hapiEntries++;
            if (hapi == null) {
                hapi = new ResourceCleaner(run, true, mine, false);
            }
            if (resource == null) {
                resource = text.substring(c.resourceStart, c.resourceEnd);
            }
            hapi.oneEntryFullUrl(c.fullUrl);
            cleaned.add(hapiResource(hapi, resource, i + entryBase));
        }
        // ... then the shell: a plain one here, any other by HAPI without them.
        if (plainShell) {
            FileTally plainTally = tally.scratch();
            String out = plainShell(cuts, cleaned, plainTally, pretty);
            if (out != null) {
                if (!plainTally.addAll(mine) || !tally.canAdd(plainTally)) {
                    return fail();
                }
                tally.addAll(plainTally);
                plainShells++;
                return out;
            }
        }
        StringBuilder hollow = new StringBuilder(text.length());
        int at = 0;
        for (Cut c : cuts) {
            hollow.append(text, at, c.from);
            at = c.to;
        }
        hollow.append(text, at, text.length());
        FileTally shellTally = tally.scratch();
        Bundle shell;
        try {
            FhirParsing.Dropped dropped = new FhirParsing.Dropped();
            Resource r = FhirParsing.parse(hollow.toString(), false, "", dropped);
            if (!(r instanceof Bundle b) || dropped.unknownElements > 0 || dropped.comments > 0) {
                return fail();
            }
            shell = b;
            ResourceCleaner c = new ResourceCleaner(run, true, shellTally, false);
            c.entryBase(entryBase);
            c.process(shell, "");
        } catch (FormatException | RuntimeException e) {
            return fail();
        }
        if (shellTally.warningCount() > 0 || shell.getEntry().size() != cuts.size() || shellTally.records != 0) {
            return fail(); // warnings whose order against the entries' matters; entries HAPI merged or left out
        }
        for (int i = 0; i < cuts.size(); i++) {
            shell.getEntry().get(i).setResource(new Basic().setId(PLACEHOLDER_ID + i));
        }
        String printed = FhirParsing.encode(shell, false, pretty);
        String out = splice(printed, cleaned, pretty);
        if (!shellTally.addAll(mine) || !tally.canAdd(shellTally)) {
            return fail();
        }
        tally.addAll(shellTally);
        return out;
    }

    private static final String ONE_ENTRY = "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":";

    /**
     * One entry's resource cleaned by HAPI as the streamed path cleans an entry (in a Bundle of its
     * own, numbered as in the file), printed compact as HAPI prints it inside a Bundle; counts go
     * to the cleaner's tally, in the entries' order.
     */
    private static String hapiResource(ResourceCleaner hapi, String resource, long number) throws JsonScan.Fallback {
        try {
            FhirParsing.Dropped dropped = new FhirParsing.Dropped();
            Resource r = FhirParsing.parse(ONE_ENTRY + resource + "}]}", false, "entry " + number, dropped);
            if (!(r instanceof Bundle one) || dropped.unknownElements > 0 || dropped.comments > 0
                    || one.getEntry().size() != 1 || !one.getEntryFirstRep().hasResource()) {
                return fail(); // warnings counted for the whole file: HAPI's
            }
            hapi.entryBase(number);
            hapi.process(one, "");
            String printed = FhirParsing.encode(one, false, false);
            if (!printed.startsWith(ONE_ENTRY) || !printed.endsWith("}]}")) {
                return fail();
            }
            return printed.substring(ONE_ENTRY.length(), printed.length() - 3);
        } catch (FormatException | RuntimeException e) {
            return fail();
        }
    }

    private static String fail() throws JsonScan.Fallback {
        throw JsonScan.fallback();
    }

    /**
     * Finds each entry's {@code resource} member; false when the text is a single resource (not a
     * Bundle). {@link JsonScan.Fallback} for anything but a plain JSON Bundle whose entries hold a
     * resource beside other members and no {@code ifNoneExist}.
     */
    private boolean cuts(String text, List<Cut> cuts) throws JsonScan.Fallback {
        plainShell = true;
        bundleType = null;
        readAhead = text.length() <= readAheadChars ? readAheadChars : 0;
        try (JsonParser p = JsonScan.JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                    || !"resourceType".equals(p.currentName()) || p.nextToken() != JsonToken.VALUE_STRING) {
                throw JsonScan.fallback();
            }
            if (!"Bundle".equals(p.getText())) {
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (!name.equals("entry")) {
                    if (name.equals("type") && t == JsonToken.VALUE_STRING && BUNDLE_TYPES.contains(p.getText())) {
                        bundleType = p.getText();
                    } else {
                        plainShell = false;
                    }
                    p.skipChildren();
                    continue;
                }
                if (t != JsonToken.START_ARRAY) {
                    throw JsonScan.fallback();
                }
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.START_OBJECT) {
                        throw JsonScan.fallback();
                    }
                    cuts.add(entry(p, text));
                }
            }
            plainShell &= !cuts.isEmpty();
            if (p.nextToken() != null) {
                throw JsonScan.fallback();
            }
        } catch (IOException e) {
            throw JsonScan.fallback(); // malformed: HAPI says what is wrong with it
        }
        return true;
    }

    /**
     * The most characters of entries' resources read into {@link JsonTransform}'s trees in the pass that finds
     * them (decision 0097), per text; the rest are passed over and read from their own text, as before. It
     * bounds the trees held at once, and keeps every string of a read text under Jackson's longest (20,000,000
     * characters), which {@link JsonTransform#readAt} would throw where the reading of the text alone falls back.
     */
    static final int READ_AHEAD_CHARS = 4 << 20;
    /** {@link #READ_AHEAD_CHARS}, or another figure for tests (0: every resource read from its own text). */
    private int readAheadChars = READ_AHEAD_CHARS;
    /** Characters of resources this text may still read ahead (0: none). */
    private int readAhead;
    /** How many resources were read in the pass that found them, and cleaned from that reading. */
    private int readAheads;

    /** Sets how many characters of resources a text may read ahead (for tests: 0 reads each from its own text). */
    void readAheadChars(int chars) {
        readAheadChars = chars;
    }

    /** How many resources this has cleaned from their reading ahead (for tests). */
    int readAheads() {
        return readAheads;
    }

    /** One entry (the parser on its start): where its resource member is, and what to cut. */
    private Cut entry(JsonParser p, String text) throws IOException, JsonScan.Fallback {
        int nameStart = -1;
        int valueStart = -1;
        int valueEnd = -1;
        int members = 0;
        String fullUrl = null;
        boolean hasRequest = false;
        String method = null;
        String url = null;
        JsonTransform.Read read = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            members++;
            String name = p.currentName();
            int start = (int) p.currentTokenLocation().getCharOffset();
            JsonToken t = p.nextToken();
            if (name.equals("resource")) {
                if (t != JsonToken.START_OBJECT) {
                    throw JsonScan.fallback();
                }
                nameStart = start;
                valueStart = (int) p.currentTokenLocation().getCharOffset();
                if (readAhead > 0 && read == null) {
                    // read into the tree now, instead of passed over here and read again from its text
                    read = resources.readAt(p);
                } else {
                    p.skipChildren();
                }
                valueEnd = (int) p.currentLocation().getCharOffset();
                readAhead = Math.max(0, readAhead - (valueEnd - valueStart));
            } else if (name.equals("request") && t == JsonToken.START_OBJECT) {
                hasRequest = true;
                int requestMembers = 0;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String member = p.currentName();
                    if (member.equals("ifNoneExist")) {
                        throw JsonScan.fallback(); // cleaned with the entry's resource type: HAPI
                    }
                    requestMembers++;
                    JsonToken v = p.nextToken();
                    if (member.equals("method") && v == JsonToken.VALUE_STRING && HTTP_VERBS.contains(p.getText())) {
                        method = p.getText();
                    } else if (member.equals("url") && v == JsonToken.VALUE_STRING && plain(p.getText())) {
                        url = p.getText();
                    } else {
                        plainShell = false;
                    }
                    p.skipChildren();
                }
                plainShell &= requestMembers > 0;
            } else {
                if (name.equals("fullUrl") && t == JsonToken.VALUE_STRING && plain(p.getText())) {
                    fullUrl = p.getText();
                } else {
                    plainShell = false;
                }
                p.skipChildren();
            }
        }
        if (nameStart < 0 || members < 2 || text.charAt(valueStart) != '{' || text.charAt(valueEnd - 1) != '}') {
            throw JsonScan.fallback(); // no resource, or nothing but it (HAPI's handling of an emptied entry is its own)
        }
        // Cut the member and one comma next to it: the one after it, else the one before it.
        int after = valueEnd;
        while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
            after++;
        }
        if (text.charAt(after) == ',') {
            after++;
            while (Character.isWhitespace(text.charAt(after))) {
                after++;
            }
            return new Cut(nameStart, after, valueStart, valueEnd, fullUrl, hasRequest, method, url, read);
        }
        int before = nameStart - 1;
        while (Character.isWhitespace(text.charAt(before))) {
            before--;
        }
        if (text.charAt(before) != ',') {
            throw JsonScan.fallback();
        }
        return new Cut(before, valueEnd, valueStart, valueEnd, fullUrl, hasRequest, method, url, read);
    }

    /** R4's {@code Bundle.type} codes and {@code Bundle.entry.request.method} codes (HAPI holds these as written). */
    private static final java.util.Set<String> BUNDLE_TYPES = java.util.Set.of("document", "message", "transaction",
            "transaction-response", "batch", "batch-response", "history", "searchset", "collection");
    private static final java.util.Set<String> HTTP_VERBS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE",
            "PATCH");

    /**
     * A value HAPI holds and prints exactly as written and JSON writes without escapes: 1 to 4,096
     * printable ASCII characters, none of them a space, a quotation mark or a backslash.
     */
    static boolean plain(String value) {
        int n = value.length();
        if (n == 0 || n > 4096) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~' || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** A plain shell's rewriting found something it leaves to HAPI (a conditional URL, an invalid one). */
    private static final class NotPlain extends Exception {
        private static final long serialVersionUID = 1L;

        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();

    /**
     * The Bundle cleaned and printed as {@link ResourceCleaner} and HAPI clean and print its shell
     * (the walk of {@code ResourceCleaner.children} over the Bundle without its resources: {@code type}
     * and {@code request.method} as leaves under their rules, {@code fullUrl} and {@code request.url}
     * rewritten as references and counted under the resource-id rule, in HAPI's element order), with
     * the cleaned resources in place; counts go to {@code shellTally}. Null, with nothing printed, when
     * that walk could do anything else: a FHIRPath rule that may select an element of the Bundle, a
     * rule that does not keep {@code type} or {@code method}, an explaining tally, a URL the rewriting
     * refuses, leaves to the conditional rewriting, or rewrites into anything but a plain value.
     */
    private String plainShell(List<Cut> cuts, List<String> cleaned, FileTally shellTally, boolean pretty) {
        // the element types of the Bundle without its entries, as Rules.evaluate collects them: Bundle.type's
        java.util.Set<String> types = bundleType == null ? java.util.Set.of() : java.util.Set.of("code");
        if (shellTally.explaining() || run.rules.anyPathPossible("Bundle", types)) {
            return null;
        }
        Rules rules = run.rules;
        int entryRule = rules.match("Bundle.entry", "entry", null, "Bundle");
        int requestRule = Math.min(entryRule, rules.match("Bundle.entry.request", "request", null, "Bundle.entry"));
        Kept typeRule = keptBy(rules.match("code", "type", null, "Bundle"));
        Kept methodRule = keptBy(Math.min(requestRule, rules.match("code", "method", null, "Bundle.entry.request")));
        if (typeRule == null || methodRule == null) {
            return null;
        }
        int size = 64;
        for (String c : cleaned) {
            size += c.length() + 128;
        }
        StringBuilder out = new StringBuilder(size);
        out.append("{\"resourceType\":\"Bundle\"");
        if (bundleType != null) {
            kept(shellTally, typeRule, "Bundle.type");
            out.append(",\"type\":\"").append(bundleType).append('"');
        }
        out.append(",\"entry\":[");
        try {
            for (int i = 0; i < cuts.size(); i++) {
                Cut c = cuts.get(i);
                out.append(i == 0 ? "{" : ",{");
                if (c.fullUrl != null) {
                    out.append("\"fullUrl\":\"").append(url(c.fullUrl)).append("\",");
                    shellTally.count(ResourceCleaner.IDS_RULE, "pseudonymize");
                }
                out.append("\"resource\":").append(cleaned.get(i));
                if (c.hasRequest) {
                    out.append(",\"request\":{");
                    if (c.method != null) {
                        kept(shellTally, methodRule, "Bundle.entry.request.method");
                        out.append("\"method\":\"").append(c.method).append('"');
                    }
                    if (c.url != null) {
                        out.append(c.method != null ? ",\"url\":\"" : "\"url\":\"").append(url(c.url)).append('"');
                        shellTally.count(ResourceCleaner.IDS_RULE, "pseudonymize");
                    }
                    out.append('}');
                }
                out.append('}');
            }
        } catch (NotPlain e) {
            return null;
        }
        out.append("]}");
        return pretty ? pretty(out, 0) : out.toString();
    }

    /** How a shell's leaf is counted: the id of the rule that keeps it, and whether no rule matched it. */
    private record Kept(String ruleId, String action, boolean unmatched) {
    }

    /**
     * How {@code ResourceCleaner.leaf} counts a leaf decided by rule {@code index} (the default for
     * none), when that keeps it as it is; null when it does anything else.
     */
    private Kept keptBy(int index) {
        org.deidworkbench.model.FhirRule rule = index == Rules.NONE ? null : run.rules.rule(index);
        org.deidworkbench.model.ActionSpec spec = run.effective(rule == null ? run.section.defaultSpec() : rule.spec());
        if (spec.action() != org.deidworkbench.model.Action.KEEP) {
            return null;
        }
        return new Kept(rule == null ? "default" : rule.id(), spec.action().yamlName(), rule == null);
    }

    /** Counts a kept leaf as {@code ResourceCleaner.leaf} does. */
    private static void kept(FileTally tally, Kept leaf, String typePath) {
        if (leaf.unmatched) {
            tally.unmatched(typePath);
        }
        tally.count(leaf.ruleId, leaf.action);
    }

    /** A plain value rewritten as {@code ResourceCleaner} rewrites a Bundle's URL, or {@link NotPlain}. */
    private String url(String value) throws NotPlain {
        String after;
        try {
            after = resources.bundleUrl(value);
        } catch (References.InvalidReference | org.deidworkbench.deid.DeidException | RuntimeException e) {
            throw NOT_PLAIN;
        }
        if (after == null || !plain(after)) {
            throw NOT_PLAIN;
        }
        return after;
    }

    /** HAPI's print of the shell with each placeholder resource replaced by the cleaned one. */
    private static String splice(String printed, List<String> cleaned, boolean pretty) throws JsonScan.Fallback {
        int compact = cleaned.stream().mapToInt(String::length).sum();
        StringBuilder out = new StringBuilder(printed.length() + (pretty ? compact + compact / 2 : compact));
        int at = 0;
        for (int i = 0; i < cleaned.size(); i++) {
            String id = "\"id\":" + (pretty ? " " : "") + "\"" + PLACEHOLDER_ID + i + "\"";
            int idAt = printed.indexOf(id, at);
            if (idAt < 0) {
                throw JsonScan.fallback();
            }
            String block;
            int start;
            int indent = 0;
            if (pretty) {
                int lineStart = printed.lastIndexOf('\n', idAt) + 1;
                indent = idAt - lineStart - 2; // the resource's members are one level in
                if (indent < 0) {
                    throw JsonScan.fallback();
                }
                String in = " ".repeat(indent + 2);
                block = "{\n" + in + "\"resourceType\": \"Basic\",\n" + in + id + "\n" + " ".repeat(indent) + "}";
                start = idAt - block.indexOf(id);
            } else {
                block = "{\"resourceType\":\"Basic\"," + id + "}";
                start = idAt - block.indexOf(id);
            }
            if (start < at || !printed.startsWith(block, start)) {
                throw JsonScan.fallback();
            }
            out.append(printed, at, start);
            if (pretty) {
                pretty(out, cleaned.get(i), indent);
            } else {
                out.append(cleaned.get(i));
            }
            at = start + block.length();
        }
        out.append(printed, at, printed.length());
        return out.toString();
    }

    /**
     * Compact JSON (as Jackson prints it: no white space outside strings) in HAPI's pretty layout,
     * the object starting at a line indented by {@code indent} spaces: an object's members each on
     * a line of their own, two spaces further in; an array's values on the same line between
     * {@code [ } and {@code  ]}, separated by {@code , }; an object inside an array at the level of
     * the member holding the array.
     */
    static String pretty(CharSequence compact, int indent) {
        Pretty out = new Pretty(compact.length() + compact.length() / 2 + 16);
        out.layout(compact, indent);
        return new String(out.buf, 0, out.len);
    }

    /** {@link #pretty(CharSequence, int)} appended to {@code out}. */
    private static void pretty(StringBuilder out, String compact, int indent) {
        Pretty p = new Pretty(compact.length() + compact.length() / 2 + 16);
        p.layout(compact, indent);
        out.append(p.buf, 0, p.len);
    }

    /**
     * The pretty layout written into a character array of its own rather than a {@code StringBuilder}
     * (decision 0081): the layout is written a few characters at a time, and a builder checks each
     * append for characters outside Latin-1; the result is made into a string once.
     */
    private static final class Pretty {
        char[] buf;
        int len;

        Pretty(int capacity) {
            buf = new char[capacity];
        }

        private void room(int more) {
            if (len + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
            }
        }

        private void put(char[] in, int from, int count) {
            room(count);
            System.arraycopy(in, from, buf, len, count);
            len += count;
        }

        /** A line break and {@code spaces} spaces after {@code before} ("{" or ","). */
        private void newLine(char before, int spaces) {
            room(spaces + 2);
            buf[len++] = before;
            buf[len++] = '\n';
            java.util.Arrays.fill(buf, len, len + spaces, ' ');
            len += spaces;
        }

        private void two(char a, char b) {
            room(2);
            buf[len++] = a;
            buf[len++] = b;
        }

        void layout(CharSequence compact, int indent) {
            int n = compact.length();
            char[] in = new char[n];
            if (compact instanceof String s) {
                s.getChars(0, n, in, 0);
            } else {
                ((StringBuilder) compact).getChars(0, n, in, 0);
            }
            int level = indent; // the indentation of the open object's members; arrays do not add a level
            int[] stack = new int[64];
            boolean[] isObject = new boolean[64];
            int depth = 0;
            int i = 0;
            while (i < n) {
                char c = in[i];
                switch (c) {
                    case '"' -> {
                        int j = i + 1;
                        while (in[j] != '"') {
                            j += in[j] == '\\' ? 2 : 1;
                        }
                        put(in, i, j + 1 - i);
                        i = j + 1;
                        continue;
                    }
                    case '{', '[' -> {
                        if (depth == stack.length) {
                            stack = java.util.Arrays.copyOf(stack, depth * 2);
                            isObject = java.util.Arrays.copyOf(isObject, depth * 2);
                        }
                        stack[depth] = level;
                        isObject[depth++] = c == '{';
                        if (c == '{') {
                            level += 2;
                            newLine('{', level);
                        } else {
                            two('[', ' ');
                        }
                    }
                    case '}' -> {
                        level = stack[--depth];
                        room(level + 2);
                        buf[len++] = '\n';
                        java.util.Arrays.fill(buf, len, len + level, ' ');
                        len += level;
                        buf[len++] = '}';
                    }
                    case ']' -> {
                        depth--;
                        two(' ', ']');
                    }
                    case ':' -> two(':', ' ');
                    case ',' -> {
                        if (isObject[depth - 1]) {
                            newLine(',', level);
                        } else {
                            two(',', ' ');
                        }
                    }
                    default -> {
                        int j = i + 1; // a number, true, false or null
                        while (j < n && in[j] != ',' && in[j] != '}' && in[j] != ']') {
                            j++;
                        }
                        put(in, i, j - i);
                        i = j;
                        continue;
                    }
                }
                i++;
            }
        }
    }
}
