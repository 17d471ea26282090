package org.deidworkbench.format.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * The base R4 structure definitions of data types and resources, parsed one at a time when asked for.
 *
 * <p>HAPI's {@code DefaultProfileValidationSupport} parses every conformance resource it ships (about
 * 32 MB of XML, 650 structure definitions and more) on the first request for any one of them: seconds of
 * CPU and about 85 MB of heap, for a FHIRPath {@code ofType}, {@code is} or type-name check that reads
 * three or four of them ({@code Patient}, {@code DomainResource}, {@code Resource}). This index reads the
 * same two files HAPI reads for types and resources ({@code profiles-types.xml},
 * {@code profiles-resources.xml}, from HAPI's own jar), finds each Bundle entry's {@code fullUrl} and the
 * bytes of its {@code StructureDefinition}, and parses only the one asked for, with HAPI's XML parser.
 * The result is the same resource HAPI would return ({@code CoreDefinitionsTest} compares every one with
 * {@code equalsDeep}); a URL that is not indexed (profiles, extensions, a versioned URL, one that occurs
 * twice) is left to HAPI's support by the caller.
 *
 * <p>Thread-safe. Parsed definitions are kept for the life of the JVM (shared read-only, as HAPI's are);
 * the files' bytes are held softly and read again if the collector took them.
 */
final class CoreDefinitions {

    /** The files HAPI's default support loads types and resources from, in its order. */
    static final List<String> FILES = List.of(
            "/org/hl7/fhir/r4/model/profile/profiles-types.xml",
            "/org/hl7/fhir/r4/model/profile/profiles-resources.xml");

    private static final byte[] FULL_URL = ascii("<fullUrl value=\"");
    private static final byte[] RESOURCE = ascii("<resource>");
    private static final byte[] RESOURCE_END = ascii("</resource>");
    private static final byte[] SD_START = ascii("<StructureDefinition");
    private static final byte[] SD_END = ascii("</StructureDefinition>");

    private final FhirContext ctx;
    /** url → {file, start, end} of the StructureDefinition element's bytes. */
    private final Map<String, int[]> index;
    private final SoftReference<byte[]>[] bytes;
    private final Map<String, StructureDefinition> parsed = new ConcurrentHashMap<>();
    private final Set<String> notServed = ConcurrentHashMap.newKeySet();

    @SuppressWarnings("unchecked")
    private CoreDefinitions(FhirContext ctx, Map<String, int[]> index, byte[][] files) {
        this.ctx = ctx;
        this.index = index;
        this.bytes = new SoftReference[files.length];
        for (int i = 0; i < files.length; i++) {
            bytes[i] = new SoftReference<>(files[i]);
        }
    }

    /** The index for the application's shared context, built on first use (reads about 21 MB from HAPI's jar). */
    static CoreDefinitions shared() {
        return Shared.INSTANCE;
    }

    /** Holds the shared index: built once, when first asked for (class initialization is thread-safe). */
    private static final class Shared {
        static final CoreDefinitions INSTANCE = build(Fhir.context());
    }

    static CoreDefinitions build(FhirContext ctx) {
        byte[][] files = new byte[FILES.size()][];
        Map<String, int[]> index = new HashMap<>();
        Set<String> twice = new HashSet<>();
        for (int f = 0; f < files.length; f++) {
            files[f] = read(FILES.get(f));
            scan(files[f], f, index, twice);
        }
        twice.forEach(index::remove);
        return new CoreDefinitions(ctx, index, files);
    }

    /** The indexed URLs (for tests). */
    Set<String> urls() {
        return index.keySet();
    }

    /**
     * The base definition with exactly this canonical URL, or {@code null} when it is not one this index
     * serves (the caller then asks HAPI's support).
     */
    StructureDefinition fetch(String url) {
        if (url == null || !index.containsKey(url) || notServed.contains(url)) {
            return null;
        }
        StructureDefinition sd = parsed.get(url);
        if (sd != null) {
            return sd;
        }
        int[] at = index.get(url);
        byte[] b = file(at[0]);
        String xml = new String(b, at[1], at[2] - at[1], StandardCharsets.UTF_8);
        sd = ctx.newXmlParser().parseResource(StructureDefinition.class, xml);
        if (!url.equals(sd.getUrl())) {
            notServed.add(url); // a fullUrl that is not the definition's own URL: HAPI's map decides
            return null;
        }
        StructureDefinition before = parsed.putIfAbsent(url, sd);
        return before != null ? before : sd;
    }

    private byte[] file(int f) {
        byte[] b = bytes[f].get();
        if (b == null) {
            synchronized (this) {
                b = bytes[f].get();
                if (b == null) {
                    b = read(FILES.get(f));
                    bytes[f] = new SoftReference<>(b);
                }
            }
        }
        return b;
    }

    private static byte[] read(String resource) {
        try (InputStream in = CoreDefinitions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("HAPI's " + resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read HAPI's " + resource, e);
        }
    }

    /**
     * Indexes every entry whose resource is a StructureDefinition; URLs seen twice go to {@code twice}.
     * One pass over the file for the entries' {@code fullUrl}s; each entry's element is then found near
     * its two ends (after {@code <resource>}, before the next entry).
     */
    static void scan(byte[] b, int file, Map<String, int[]> index, Set<String> twice) {
        int p = indexOf(b, FULL_URL, 0);
        while (p >= 0) {
            int s = p + FULL_URL.length;
            int e = s;
            while (e < b.length && b[e] != '"') {
                e++;
            }
            int next = indexOf(b, FULL_URL, e);
            int limit = next < 0 ? b.length : next;
            String url = new String(b, s, e - s, StandardCharsets.UTF_8);
            int resource = indexOf(b, RESOURCE, e);
            if (resource >= 0 && resource < limit) {
                int start = skipSpace(b, resource + RESOURCE.length);
                int close = startsWith(b, start, SD_START) && isElementName(b, start + SD_START.length)
                        ? lastIndexOf(b, SD_END, start, limit) : -1;
                if (close > start && startsWith(b, skipSpace(b, close + SD_END.length), RESOURCE_END)) {
                    if (index.putIfAbsent(url, new int[] {file, start, close + SD_END.length}) != null) {
                        twice.add(url);
                    }
                }
            }
            p = next;
        }
    }

    private static int skipSpace(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(byte[] b, int at, byte[] p) {
        if (at < 0 || at + p.length > b.length) {
            return false;
        }
        for (int j = 0; j < p.length; j++) {
            if (b[at + j] != p[j]) {
                return false;
            }
        }
        return true;
    }

    /** The last occurrence of {@code p} starting at or after {@code from} and ending before {@code to}; -1 if none. */
    private static int lastIndexOf(byte[] b, byte[] p, int from, int to) {
        for (int i = to - p.length; i >= from; i--) {
            if (startsWith(b, i, p)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the tag name ends here ({@code <StructureDefinition } or {@code >}, not a longer name). */
    private static boolean isElementName(byte[] b, int i) {
        return i < b.length && (b[i] == ' ' || b[i] == '>' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t');
    }

    static int indexOf(byte[] b, byte[] p, int from) {
        byte first = p[0];
        int last = b.length - p.length;
        for (int i = Math.max(0, from); i <= last; i++) {
            if (b[i] != first) {
                continue;
            }
            int j = 1;
            while (j < p.length && b[i + j] == p[j]) {
                j++;
            }
            if (j == p.length) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
