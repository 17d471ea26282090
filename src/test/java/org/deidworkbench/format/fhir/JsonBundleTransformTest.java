package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.format.FileStats;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON Bundles and resource files cleaned over tokens ({@link JsonBundleTransform}) come out
 * byte-identical to cleaning them whole with HAPI, with the same file statistics: Bundles of every
 * type, compact and pretty, in memory and streamed entry by entry, with entries the token path
 * leaves to HAPI (contained resources, {@code ifNoneExist}, base64 data, nested Bundles) and bad
 * ones; and the token path does answer for plain Bundles.
 */
class JsonBundleTransformTest {

    /** Bundles and single resources: compact as generated, and pretty as HAPI prints them. */
    private static List<String> files() throws Exception {
        List<String> compact = new ArrayList<>(JsonScanTest.patientBundles(31));
        compact.add(Files.readString(Path.of("sample-data/fhir/brannigan_100251_bundle.json"), StandardCharsets.UTF_8));
        compact.add(FhirFixtures.json(FhirFixtures.transaction(), false));
        Random rng = new Random(5);
        compact.add(JsonTransformTest.patient(3, rng));
        compact.add(JsonTransformTest.syntheaPatient(4));
        String entry = "{\"fullUrl\":\"urn:uuid:00000001-aaaa-bbbb-cccc-000000000000\",\"resource\":";
        // entries the token path leaves to HAPI, each in a Bundle of its own
        compact.add("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + entry
                + JsonTransformTest.patient(7, rng) + ",\"request\":{\"method\":\"POST\",\"url\":\"Patient\","
                + "\"ifNoneExist\":\"identifier=200007\"}}]}");
        compact.add("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" + entry
                + "{\"resourceType\":\"Observation\",\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"p\","
                + "\"name\":[{\"family\":\"Quagmire\"}]}],\"status\":\"final\",\"subject\":{\"reference\":\"#p\"}}}]}");
        compact.add("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":1,\"link\":[{\"relation\":\"self\","
                + "\"url\":\"http://x.org/fhir/Patient?name=Quagmire\"},{\"relation\":\"next\",\"url\":\"http://x.org/n\"}],"
                + "\"entry\":[" + entry + JsonTransformTest.patient(8, rng) + ",\"search\":{\"mode\":\"match\",\"score\":1}}]}");
        compact.add("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + JsonTransformTest.patient(9, rng) + "}]}");
        compact.add("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" + entry
                + "{\"resourceType\":\"Observation\",\"id\":\"bad id\",\"status\":\"final\"}}]}");
        compact.add("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" + entry
                + "{\"resourceType\":\"Observation\",\"status\":\"final\",\"subject\":{\"reference\":\"Patient/\"}}}]}");
        compact.add("{\"resourceType\":\"Bundle\",\"type\":\"batch-response\",\"entry\":[" + entry
                + "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\",\"subject\":{\"reference\":"
                + "\"Patient/nobody\"}},\"response\":{\"status\":\"201 Created\",\"location\":\"Observation/o1/_history/1\"}}]}");
        compact.add(mixedBundle(rng));
        compact.addAll(shells(rng));
        compact.addAll(readAheadStops(rng));
        List<String> out = new ArrayList<>();
        for (String text : compact) {
            out.add(text);
            try {
                Resource r = FhirParsing.parse(text, false, "", new FhirParsing.Dropped());
                out.add(FhirFixtures.json(r, true) + "\n");
            } catch (org.deidworkbench.format.FormatException e) {
                // refused by HAPI: compact only
            }
        }
        return out;
    }

    /**
     * Bundles whose shells are plain (decision 0072: cleaned and printed without HAPI) in every allowed
     * shape, and shells one step away from plain (left to HAPI, or refused by it).
     */
    static List<String> shells(Random rng) {
        String uuid = "urn:uuid:0000000%d-aaaa-bbbb-cccc-000000000000";
        String[] members = {
            // plain
            "\"fullUrl\":\"" + uuid + "\",\"resource\":%s,\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}",
            "\"request\":{\"url\":\"Patient/p%d\",\"method\":\"PUT\"},\"resource\":%s,\"fullUrl\":\"http://x.org/fhir/Patient/p1\"",
            "\"resource\":%2$s,\"request\":{\"url\":\"Patient\"}",
            "\"resource\":%2$s,\"request\":{\"method\":\"DELETE\"}",
            "\"fullUrl\":\"URN:UUID:0000000%d-AAAA-bbbb-cccc-000000000000\",\"resource\":%s",
            "\"fullUrl\":\"urn:oid:1.2.3.%d\",\"resource\":%s",
            "\"fullUrl\":\"Patient/p%d/_history/2\",\"resource\":%s",
            "\"fullUrl\":\"urn:uuid:0000000%d-aaaa-bbbb-cccc-00000000000\\u0030\",\"resource\":%s",
            // not plain: HAPI cleans (or refuses) the shell
            "\"fullUrl\":\"" + uuid + "\",\"resource\":%s,\"request\":{\"method\":\"POST\",\"url\":\"Patient?identifier=http://x.org|%1$d\"}",
            "\"fullUrl\":\"" + uuid + "\",\"resource\":%s,\"request\":{\"method\":\"post\",\"url\":\"Patient\"}",
            "\"fullUrl\":\"" + uuid + "\",\"resource\":%s,\"request\":{}",
            "\"fullUrl\":\"" + uuid + "\",\"resource\":%s,\"request\":{\"method\":\"GET\",\"url\":\"Patient\",\"ifMatch\":\"W/\\\"1\\\"\"}",
            "\"fullUrl\":\"urn:uuid:not-a-uuid-%d\",\"resource\":%s",
            "\"fullUrl\":\"#p%d\",\"resource\":%s",
            "\"fullUrl\":\"urn:uuid:0000000%d-aaaa-bbbb-cccc-000000000000 \",\"resource\":%s",
            "\"fullUrl\":\"\",\"resource\":%2$s",
            "\"fullUrl\":%d,\"resource\":%s",
            "\"fullUrl\":\"" + uuid + "\",\"_fullUrl\":{\"id\":\"f\"},\"resource\":%s",
            "\"fullUrl\":\"" + uuid + "\",\"resource\":%s,\"search\":{\"mode\":\"match\"}",
        };
        String[] heads = {
            "\"resourceType\":\"Bundle\",\"type\":\"transaction\",",
            "\"resourceType\":\"Bundle\",",
            "\"resourceType\":\"Bundle\",\"type\":\"history\",",
            "\"resourceType\":\"Bundle\",\"id\":\"b1\",\"type\":\"collection\",",
            "\"resourceType\":\"Bundle\",\"type\":\"Transaction\",",
            "\"resourceType\":\"Bundle\",\"type\":\"batch\",\"timestamp\":\"2020-01-02T03:04:05Z\",",
        };
        List<String> out = new ArrayList<>();
        for (int h = 0; h < heads.length; h++) {
            for (int m = 0; m < members.length; m++) {
                if (h > 1 && m > 2) {
                    continue; // the other heads with the first plain members only
                }
                StringBuilder b = new StringBuilder("{").append(heads[h]).append("\"entry\":[");
                for (int e = 1; e <= 2; e++) {
                    String resource = e == 1 ? JsonTransformTest.patient(20 + m, rng)
                            : "{\"resourceType\":\"Observation\",\"id\":\"o" + m + "\",\"status\":\"final\","
                            + "\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/p" + (20 + m) + "\"}}";
                    b.append(e == 1 ? "{" : ",{").append(String.format(java.util.Locale.ROOT, members[m], e, resource)).append('}');
                }
                out.add(b.append("]}").toString());
            }
        }
        // the type after the entries
        out.add("{\"resourceType\":\"Bundle\",\"entry\":[{\"fullUrl\":\"urn:uuid:00000009-aaaa-bbbb-cccc-000000000000\","
                + "\"resource\":" + JsonTransformTest.patient(40, rng) + "}],\"type\":\"collection\"}");
        return out;
    }

    /**
     * Bundles in which the reading of an entry's resource ahead (decision 0097) stops at every depth, each
     * stopped resource followed by one read to its end: the Bundle's parser must go on from the right place.
     */
    static List<String> readAheadStops(Random rng) {
        String obs = "{\"resourceType\":\"Observation\",\"id\":\"o%d\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"subject\":{\"reference\":\"urn:uuid:00000001-aaaa-bbbb-cccc-000000000000\"}%s}";
        String[] stops = {
            // a primitive's extras (an object the reading does not know), at the top and two levels down
            ",\"_status\":{\"extension\":[{\"url\":\"http://x.org/e\",\"valueString\":\"Quagmire\"}]}",
            ",\"valueQuantity\":{\"value\":1,\"unit\":\"mg\",\"_unit\":{\"id\":\"u\"}}",
            ",\"category\":[{\"coding\":[{\"system\":\"http://x.org\",\"code\":\"a\",\"_code\":{\"id\":\"c\"}}]}]",
            // an array where one value is allowed, a single value where an array is, a null, a blank value
            ",\"issued\":[\"2020-01-01T00:00:00Z\"]",
            ",\"performer\":{\"reference\":\"Practitioner/1\"}",
            ",\"note\":[{\"text\":\"Quagmire\"},null]",
            ",\"note\":[{\"text\":\" \"}]",
            // a number HAPI prints its own way, an empty object, a repeated element through a choice
            ",\"valueQuantity\":{\"value\":1.0e2}",
            ",\"valueQuantity\":{}",
            ",\"valueString\":\"a\",\"valueBoolean\":true",
            // a contained resource holding one, a contained resource without an id
            ",\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"p\",\"contained\":[{\"resourceType\":\"Patient\","
                    + "\"id\":\"q\"}]}]",
            ",\"contained\":[{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Quagmire\"}]}]",
        };
        String head = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"fullUrl\":"
                + "\"urn:uuid:00000001-aaaa-bbbb-cccc-000000000000\",\"resource\":" + JsonTransformTest.patient(50, rng) + "}";
        List<String> out = new ArrayList<>();
        for (int i = 0; i < stops.length; i++) {
            out.add(head + ",{\"resource\":" + String.format(java.util.Locale.ROOT, obs, 2 * i, stops[i])
                    + ",\"fullUrl\":\"urn:uuid:00000002-aaaa-bbbb-cccc-00000000000" + (i % 10) + "\"},{\"resource\":"
                    + String.format(java.util.Locale.ROOT, obs, 2 * i + 1, "") + ",\"fullUrl\":\"Observation/o" + (2 * i + 1)
                    + "\"}]}");
        }
        // the type after resourceType, a resource without resourceType first, a nested Bundle, each before a plain one
        for (String stopped : new String[] {
            "{\"id\":\"o1\",\"resourceType\":\"Observation\",\"status\":\"final\"}",
            "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                    + JsonTransformTest.patient(51, rng) + "}]}",
            "{\"resourceType\":\"Nonsense\",\"id\":\"n\"}",
        }) {
            out.add(head + ",{\"fullUrl\":\"urn:uuid:00000003-aaaa-bbbb-cccc-000000000000\",\"resource\":" + stopped
                    + "},{\"fullUrl\":\"urn:uuid:00000004-aaaa-bbbb-cccc-000000000000\",\"resource\":"
                    + String.format(java.util.Locale.ROOT, obs, 99, "") + "}]}");
        }
        return out;
    }

    /** A transaction whose entries the token path cleans, but for a base64 note, a contained resource and a nested Bundle. */
    static String mixedBundle(Random rng) {
        String note = java.util.Base64.getEncoder().encodeToString("Patient Quagmire seen by phone 555-703-7411"
                .getBytes(StandardCharsets.UTF_8));
        return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
                + "{\"fullUrl\":\"urn:uuid:00000001-aaaa-bbbb-cccc-000000000000\",\"resource\":"
                + JsonTransformTest.syntheaPatient(11) + ",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}},"
                + "{\"fullUrl\":\"urn:uuid:00000002-aaaa-bbbb-cccc-000000000000\",\"resource\":"
                + "{\"resourceType\":\"DiagnosticReport\",\"id\":\"dr1\",\"status\":\"final\",\"code\":{\"text\":\"note\"},"
                + "\"subject\":{\"reference\":\"urn:uuid:00000001-aaaa-bbbb-cccc-000000000000\"},\"presentedForm\":"
                + "[{\"contentType\":\"text/plain\",\"data\":\"" + note + "\"}]},"
                + "\"request\":{\"method\":\"POST\",\"url\":\"DiagnosticReport\"}},"
                + "{\"fullUrl\":\"urn:uuid:00000003-aaaa-bbbb-cccc-000000000000\",\"resource\":"
                + "{\"resourceType\":\"ExplanationOfBenefit\",\"id\":\"eob1\",\"contained\":[{\"resourceType\":"
                + "\"Coverage\",\"id\":\"cov\",\"status\":\"active\",\"beneficiary\":{\"reference\":"
                + "\"urn:uuid:00000001-aaaa-bbbb-cccc-000000000000\"},\"payor\":[{\"display\":\"Payer\"}]}],"
                + "\"status\":\"active\",\"patient\":{\"reference\":\"urn:uuid:00000001-aaaa-bbbb-cccc-000000000000\"},"
                + "\"insurance\":[{\"focal\":true,\"coverage\":{\"reference\":\"#cov\"}}]},"
                + "\"request\":{\"method\":\"POST\",\"url\":\"ExplanationOfBenefit\"}},"
                + "{\"fullUrl\":\"urn:uuid:00000004-aaaa-bbbb-cccc-000000000000\",\"resource\":"
                + "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + JsonTransformTest.patient(12, rng) + "}]},\"request\":{\"method\":\"POST\",\"url\":\"Bundle\"}},"
                + "{\"fullUrl\":\"urn:uuid:00000005-aaaa-bbbb-cccc-000000000000\",\"resource\":"
                + "{\"resourceType\":\"Observation\",\"id\":\"o5\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"subject\":{\"reference\":\"urn:uuid:00000001-aaaa-bbbb-cccc-000000000000\"},"
                + "\"note\":[{\"text\":\"Quagmire called\"}]},\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}]}";
    }

    /** The output and statistics of one file cleaned by a fresh run (scan, then transform). */
    private record Result(byte[] bytes, FileStats stats) {
    }

    private static Result run(Path file, boolean tokens, long streamFrom) throws Exception {
        Deidentifier engine = FhirFixtures.engine(FhirFixtures.safeHarbor());
        FhirProcessor p = new FhirProcessor(engine, false, streamFrom, tokens);
        String name = file.getFileName().toString();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FileStats stats;
        try {
            p.scan(file, name, () -> false);
            engine.freezeIdentifiers();
            stats = p.transform(file, name, bytes, () -> false);
        } catch (org.deidworkbench.format.FormatException e) {
            return new Result(("refused " + e.code() + " at " + e.location() + ": " + e.getMessage())
                    .getBytes(StandardCharsets.UTF_8), null);
        }
        return new Result(bytes.toByteArray(), stats);
    }

    @Test
    void everyFileIsByteIdenticalWithAndWithoutTheTokenPathInMemoryAndStreamed(@TempDir Path dir) throws Exception {
        int i = 0;
        for (String text : files()) {
            Path file = FhirTestRun.write(dir, "file" + (i++) + ".json", text);
            for (long streamFrom : new long[] {FhirProcessor.STREAM_BUNDLES_FROM_BYTES, 1}) {
                Result hapi = run(file, false, streamFrom);
                Result tokens = run(file, true, streamFrom);
                assertEquals(new String(hapi.bytes, StandardCharsets.UTF_8), new String(tokens.bytes, StandardCharsets.UTF_8),
                        text);
                assertArrayEquals(hapi.bytes, tokens.bytes);
                assertEquals(hapi.stats, tokens.stats, text);
            }
        }
        assertTrue(i > 30, "files: " + i);
    }

    /** A run of the safe-harbor profile that has scanned {@code texts} and frozen its identifiers. */
    private static FhirRun scanned(List<String> texts) throws Exception {
        Deidentifier engine = FhirFixtures.engine(FhirFixtures.safeHarbor());
        org.deidworkbench.model.FhirSection section = FhirFixtures.safeHarbor()
                .section(org.deidworkbench.model.FhirSection.KEY, org.deidworkbench.model.FhirSection.class).orElseThrow();
        FhirRun run = new FhirRun(engine, section);
        JsonScan scan = new JsonScan(run, ScanSink.of(run));
        for (String b : texts) {
            scan.scan(b, (one, n, into) -> { });
        }
        engine.freezeIdentifiers();
        return run;
    }

    @Test
    void theTokenPathAnswersForBundlesOfEveryTypeAndForEntriesLeftToHapi() throws Exception {
        List<String> bundles = new ArrayList<>(JsonScanTest.patientBundles(41));
        bundles.add(mixedBundle(new Random(3)));
        FhirRun run = scanned(bundles);
        int answered = 0;
        for (String b : bundles) {
            FileTally tally = new FileTally("b.json", false);
            JsonBundleTransform t = new JsonBundleTransform(run, new ResourceCleaner(run, true, tally, false), tally);
            for (boolean pretty : new boolean[] {false, true}) {
                String out = t.transform(b, pretty, 1);
                assertTrue(out.contains("\"entry\""), out);
                assertTrue(!out.contains("Quillfeather") && !out.contains("200001") && !out.contains("Quagmire"), out);
                answered++;
            }
        }
        assertEquals(2 * bundles.size(), answered);
    }

    @Test
    void resourcesReadAheadAreCleanedAsWhenReadFromTheirOwnText() throws Exception {
        Random rng = new Random(12);
        List<String> bundles = new ArrayList<>(JsonScanTest.patientBundles(43));
        bundles.add(mixedBundle(rng));
        bundles.addAll(readAheadStops(rng));
        FhirRun run = scanned(bundles);
        int readAhead = 0;
        int answered = 0;
        for (String b : bundles) {
            for (boolean pretty : new boolean[] {false, true}) {
                String[] out = new String[2];
                FileStats[] stats = new FileStats[2];
                for (int ahead = 0; ahead < 2; ahead++) {
                    FileTally tally = new FileTally("b.json", false);
                    JsonBundleTransform t = new JsonBundleTransform(run, new ResourceCleaner(run, true, tally, false), tally);
                    // on: every resource of these small texts read in the cuts' pass; off: each from its own text
                    t.readAheadChars(ahead == 1 ? JsonBundleTransform.READ_AHEAD_CHARS : 0);
                    try {
                        out[ahead] = t.transform(b, pretty, 1);
                        stats[ahead] = tally.stats();
                    } catch (JsonScan.Fallback e) {
                        out[ahead] = "the whole text by HAPI";
                    }
                    if (ahead == 0) {
                        assertEquals(0, t.readAheads());
                    } else {
                        readAhead += t.readAheads();
                    }
                }
                assertEquals(out[0], out[1]);
                assertEquals(stats[0], stats[1]);
                answered += out[1].startsWith("{") ? 1 : 0;
            }
        }
        assertTrue(answered > bundles.size(), "answered: " + answered);
        assertTrue(readAhead > 2 * bundles.size(), "read ahead: " + readAhead);
    }

    @Test
    void plainShellsAndOnlyThoseArePrintedWithoutHapi() throws Exception {
        Deidentifier engine = FhirFixtures.engine(FhirFixtures.safeHarbor());
        org.deidworkbench.model.FhirSection section = FhirFixtures.safeHarbor()
                .section(org.deidworkbench.model.FhirSection.KEY, org.deidworkbench.model.FhirSection.class).orElseThrow();
        FhirRun run = new FhirRun(engine, section);
        engine.freezeIdentifiers();
        List<String> shells = shells(new Random(8));
        List<Integer> plain = new ArrayList<>();
        for (int i = 0; i < shells.size(); i++) {
            FileTally tally = new FileTally("b.json", false);
            JsonBundleTransform t = new JsonBundleTransform(run, new ResourceCleaner(run, true, tally, false), tally);
            try {
                t.transform(shells.get(i), false, 1);
            } catch (JsonScan.Fallback e) {
                // the whole text by HAPI
            }
            if (t.plainShells() > 0) {
                plain.add(i);
            }
        }
        // heads 0 and 1 with members 0-7, head 2 with members 0-2, and the Bundle with its type last
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            expected.add(i);
        }
        for (int i = 19; i < 27; i++) {
            expected.add(i);
        }
        expected.addAll(List.of(38, 39, 40, shells.size() - 1));
        assertEquals(expected, plain);
    }

    @Test
    void prettyLaysOutHapisCompactPrintAsHapisPrettyPrint() throws Exception {
        List<Resource> resources = new ArrayList<>(FhirFixtures.bulk());
        resources.add(FhirFixtures.transaction());
        resources.add(FhirFixtures.patient());
        Random random = new Random(99);
        for (int i = 0; i < 400; i++) {
            try {
                resources.add(FhirParsing.parse(RandomFhirJson.resource(random::nextInt), false, "",
                        new FhirParsing.Dropped()));
            } catch (org.deidworkbench.format.FormatException e) {
                // refused by HAPI
            }
        }
        assertTrue(resources.size() > 100, "resources: " + resources.size());
        for (Resource r : resources) {
            String compact = FhirFixtures.json(r, false);
            assertEquals(FhirFixtures.json(r, true), JsonBundleTransform.pretty(compact, 0), compact);
        }
    }
}
