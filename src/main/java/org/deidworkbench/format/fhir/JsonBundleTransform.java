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
 * entry's resource (or the file's one resource) by {@link JsonTransform}, the Bundle's own elements
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

    /** An entry's {@code resource} member: where its name starts and where its value ends. */
    private record Cut(int from, int to, int resourceStart, int resourceEnd) {
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
            String resource = text.substring(c.resourceStart, c.resourceEnd);
            try {
                cleaned.add(resources.transform(resource, "entry " + (i + entryBase), ""));
                continue;
            } catch (FormatException e) {
                throw JsonScan.fallback(); // HAPI reports the first error of the Bundle
            } catch (JsonScan.Fallback e) {
                // this resource by HAPI, below
            }
            if (hapi == null) {
                hapi = new ResourceCleaner(run, true, mine, false);
            }
            cleaned.add(hapiResource(hapi, resource, i + entryBase));
        }
        // ... then the shell without them, by HAPI.
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
    private static boolean cuts(String text, List<Cut> cuts) throws JsonScan.Fallback {
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
            if (p.nextToken() != null) {
                throw JsonScan.fallback();
            }
        } catch (IOException e) {
            throw JsonScan.fallback(); // malformed: HAPI says what is wrong with it
        }
        return true;
    }

    /** One entry (the parser on its start): where its resource member is, and what to cut. */
    private static Cut entry(JsonParser p, String text) throws IOException, JsonScan.Fallback {
        int nameStart = -1;
        int valueStart = -1;
        int valueEnd = -1;
        int members = 0;
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
                p.skipChildren();
                valueEnd = (int) p.currentLocation().getCharOffset();
            } else if (name.equals("request") && t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    if (p.currentName().equals("ifNoneExist")) {
                        throw JsonScan.fallback(); // cleaned with the entry's resource type: HAPI
                    }
                    p.nextToken();
                    p.skipChildren();
                }
            } else {
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
            return new Cut(nameStart, after, valueStart, valueEnd);
        }
        int before = nameStart - 1;
        while (Character.isWhitespace(text.charAt(before))) {
            before--;
        }
        if (text.charAt(before) != ',') {
            throw JsonScan.fallback();
        }
        return new Cut(before, valueEnd, valueStart, valueEnd);
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
    static String pretty(String compact, int indent) {
        StringBuilder out = new StringBuilder(compact.length() + compact.length() / 2);
        pretty(out, compact, indent);
        return out.toString();
    }

    /** {@link #pretty(String, int)} appended to {@code out}. */
    private static void pretty(StringBuilder out, String compact, int indent) {
        char[] in = compact.toCharArray();
        int level = indent; // the indentation of the open object's members; arrays do not add a level
        int[] stack = new int[64];
        boolean[] isObject = new boolean[64];
        int depth = 0;
        int n = in.length;
        int i = 0;
        while (i < n) {
            char c = in[i];
            switch (c) {
                case '"' -> {
                    int j = i + 1;
                    while (in[j] != '"') {
                        j += in[j] == '\\' ? 2 : 1;
                    }
                    out.append(in, i, j + 1 - i);
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
                        out.append("{\n");
                        indent(out, level);
                    } else {
                        out.append("[ ");
                    }
                }
                case '}' -> {
                    level = stack[--depth];
                    out.append('\n');
                    indent(out, level);
                    out.append('}');
                }
                case ']' -> {
                    depth--;
                    out.append(" ]");
                }
                case ':' -> out.append(": ");
                case ',' -> {
                    if (isObject[depth - 1]) {
                        out.append(",\n");
                        indent(out, level);
                    } else {
                        out.append(", ");
                    }
                }
                default -> {
                    int j = i + 1; // a number, true, false or null
                    while (j < n && in[j] != ',' && in[j] != '}' && in[j] != ']') {
                        j++;
                    }
                    out.append(in, i, j - i);
                    i = j;
                    continue;
                }
            }
            i++;
        }
    }

    private static final char[] SPACES = " ".repeat(256).toCharArray();

    private static void indent(StringBuilder out, int spaces) {
        int left = spaces;
        while (left > 0) {
            int k = Math.min(left, SPACES.length);
            out.append(SPACES, 0, k);
            left -= k;
        }
    }
}
