package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.deidworkbench.model.FhirSection;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * {@link ScanSkip} only skips NDJSON lines the scan pass learns nothing from: wherever it skips a
 * line, scanning that line (with HAPI, and with {@link JsonScan} where it answers) reports nothing;
 * on the sample data, the fixtures and random resources, for the built-in profile, one without
 * FHIRPath rules and one whose default counts as an identifier (where nothing may be skipped).
 */
class ScanSkipTest {

    private static List<FhirRun> runs() throws Exception {
        List<FhirRun> runs = new ArrayList<>();
        for (FhirSection section : FhirFixtures.scanSections(true)) {
            runs.add(FhirFixtures.run(section));
        }
        return runs;
    }

    private static List<String> lines() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("sample-data/fhir"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".ndjson")).sorted()
                    .toList()) {
                Files.readString(f, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).forEach(lines::add);
            }
        }
        lines.add(FhirFixtures.json(FhirFixtures.patient(), false));
        lines.add(FhirFixtures.json(FhirFixtures.transaction(), false));
        for (Resource r : FhirFixtures.bulk()) {
            lines.add(FhirFixtures.json(r, false));
        }
        return lines;
    }

    /** Whether the line was skipped; when it was, both scans must have nothing to report. */
    private static boolean checkSkip(FhirRun run, String line) throws Exception {
        if (!run.scanSkip().skips(line)) {
            return false;
        }
        Set<String> hapi = JsonScanTest.hapi(run, line);
        boolean refused = hapi.size() == 1 && (hapi.iterator().next().startsWith("refused ")
                || hapi.iterator().next().startsWith("failed "));
        if (!refused) {
            assertEquals(Set.of(), hapi, "skipped, but HAPI's scan reports: " + line);
        }
        Set<String> lean = JsonScanTest.lean(run, line);
        if (lean != null) {
            assertEquals(Set.of(), lean, "skipped, but JsonScan reports: " + line);
        }
        return true;
    }

    @Test
    void skipsOnlyLinesThatTeachNothingOnTheSampleDataAndFixtures() throws Exception {
        List<FhirRun> runs = runs();
        int skipped = 0;
        for (String line : lines()) {
            skipped += checkSkip(runs.get(0), line) ? 1 : 0;
            checkSkip(runs.get(1), line);
            assertFalse(runs.get(2).scanSkip().skips(line), "identifier by default: nothing is skipped");
        }
        assertTrue(skipped > 0, "some sample lines (Observations) are skipped");
    }

    @Test
    void skipsOnlyLinesThatTeachNothingOnRandomResources() throws Exception {
        List<FhirRun> runs = runs();
        Random random = new Random(20261201);
        RandomFhirJson.Source source = random::nextInt;
        int skipped = 0;
        for (int i = 0; i < 4000; i++) {
            String text = RandomFhirJson.resource(source);
            if (text.contains("\n")) {
                continue; // not an NDJSON line
            }
            skipped += checkSkip(runs.get(i % 2), text) ? 1 : 0;
            assertFalse(runs.get(2).scanSkip().skips(text));
        }
        assertTrue(skipped > 50, "random resources without identifying elements are skipped: " + skipped);
    }

    @Test
    void anythingAnIdentifierRuleMayMatchKeepsTheLineScanned() throws Exception {
        ScanSkip skip = runs().get(0).scanSkip();
        String plain = "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\","
                + "\"code\":{\"text\":\"Weight\"},\"subject\":{\"reference\":\"Patient/p1\"},"
                + "\"note\":[{\"text\":\"identifier: \\\"name\\\": seen\"}]}";
        assertTrue(skip.skips(plain), "nothing identifying, field names in a value do not count");
        // a data type an identifier rule names (Identifier by FHIRPath, HumanName, Address, ContactPoint)
        assertFalse(skip.skips(plain.replace("\"status\"", "\"identifier\":[{\"value\":\"X1\"}],\"status\"")));
        assertFalse(skip.skips(plain.replace("\"code\":{\"text\":\"Weight\"}",
                "\"code\":{\"text\":\"Weight\"},\"performer\":[{\"identifier\":{\"value\":\"X1\"}}]")));
        assertFalse(skip.skips(plain.replace("\"status\"", "\"extension\":[{\"url\":\"http://x\","
                + "\"valueHumanName\":{\"family\":\"X\"}}],\"status\"")));
        // an element R4 does not define there is dropped by HAPI, so it teaches nothing
        assertTrue(skip.skips(plain.replace("\"status\"", "\"valueHumanName\":{\"family\":\"X\"},\"status\"")));
        // an element rule on a data type (Attachment.url): the attachment's own name
        assertFalse(skip.skips("{\"resourceType\":\"DiagnosticReport\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"presentedForm\":[{\"url\":\"http://x/1\"}]}"));
        // an element rule on a resource (Patient.birthDate), also as a primitive's extras
        assertFalse(skip.skips("{\"resourceType\":\"RelatedPerson\",\"patient\":{\"reference\":\"Patient/p1\"},"
                + "\"_birthDate\":{\"extension\":[{\"url\":\"u\",\"valueString\":\"x\"}]}}"));
        // a FHIRPath rule that is a plain path (Encounter.identifier.value, Coverage.subscriberId): its first
        // element at the root, also as a primitive's extras; a resource without it teaches nothing
        assertFalse(skip.skips("{\"resourceType\":\"Coverage\",\"status\":\"active\",\"subscriberId\":\"S1\"}"));
        assertFalse(skip.skips("{\"resourceType\":\"Coverage\",\"_subscriberId\":{\"extension\":[{\"url\":\"u\","
                + "\"valueString\":\"x\"}]}}"));
        assertTrue(skip.skips("{\"resourceType\":\"Coverage\",\"status\":\"active\"}"));
        assertFalse(skip.skips("{\"resourceType\":\"Encounter\",\"status\":\"finished\",\"identifier\":[{\"value\":\"E1\"}]}"));
        assertTrue(skip.skips("{\"resourceType\":\"Encounter\",\"status\":\"finished\",\"class\":{\"code\":\"AMB\"},"
                + "\"subject\":{\"reference\":\"Patient/p1\"}}"));
        // the same element deeper (a location's identifier is no Encounter.identifier) is matched by the
        // descendants().ofType(Identifier) rules, not by the plain path
        assertFalse(skip.skips("{\"resourceType\":\"Encounter\",\"location\":[{\"location\":{\"identifier\":"
                + "{\"value\":\"L1\"}}}]}"));
        assertEquals(null, ScanSkip.rootElement("Observation.value"), "a choice element: its JSON names carry the type");
        assertEquals(null, ScanSkip.rootElement("Encounter.identifier.where(system = 'x').value"));
        // Patients and Bundles always; contained resources; an escaped field name; not one object
        assertFalse(skip.skips("{\"resourceType\":\"Patient\",\"id\":\"p1\"}"));
        assertFalse(skip.skips("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}"));
        assertFalse(skip.skips(plain.replace("\"status\"", "\"contained\":[{\"resourceType\":\"Observation\","
                + "\"id\":\"c\"}],\"status\"")));
        assertFalse(skip.skips(plain.replace("\"status\"", "\"na\\u006de\":[{\"family\":\"X\"}],\"status\"")));
        assertFalse(skip.skips("{\"status\":\"final\"}"));
        assertFalse(skip.skips("{\"resourceType\":\"Observation\",\"note\":[{\"text\":\"unterminated}]}"));
    }

    /** The entry shapes a resource is tried in: {@code %s} stands for the resource. */
    private static final List<String> ENTRIES = List.of(
            "{\"fullUrl\":\"urn:uuid:0b2c1f9e-1d2a-4c1e-9a53-7f2d1e0c9b11\",\"resource\":%s}",
            "{\"resource\":%s,\"request\":{\"method\":\"PUT\",\"url\":\"Observation/o1\"}}",
            "{\"fullUrl\":\"http://x.org/fhir/Observation/o1\",\"resource\" : %s ,\"search\":{\"mode\":\"match\"},"
                    + "\"response\":{\"status\":\"200\",\"location\":\"Observation/o1/_history/1\"}}",
            "{\"link\":[{\"relation\":\"self\",\"url\":\"http://x.org/o1\"}],\"resource\":%s}");

    /**
     * Whether the entry was skipped ({@code skipsEntry}); when it was, both scans of a Bundle holding
     * it must have nothing to report.
     */
    private static boolean checkEntrySkip(FhirRun run, String resource, String shape) throws Exception {
        String entry = shape.replace("%s", resource);
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" + entry + "]}";
        int from = bundle.indexOf(entry);
        int resourceFrom = from + shape.indexOf("%s");
        if (!run.scanSkip().skipsEntry(bundle, from, from + entry.length(), resourceFrom,
                resourceFrom + resource.length())) {
            return false;
        }
        assertTrue(run.scanSkip().skips(resource), "an entry is skipped only when its resource is");
        Set<String> hapi = JsonScanTest.hapi(run, bundle);
        boolean refused = hapi.size() == 1 && (hapi.iterator().next().startsWith("refused ")
                || hapi.iterator().next().startsWith("failed "));
        if (!refused) {
            assertEquals(Set.of(), hapi, "skipped, but HAPI's scan reports: " + bundle);
        }
        Set<String> lean = JsonScanTest.lean(run, bundle);
        if (lean != null) {
            assertEquals(Set.of(), lean, "skipped, but JsonScan reports: " + bundle);
        }
        return true;
    }

    @Test
    void skipsOnlyBundleEntriesThatTeachNothing() throws Exception {
        List<FhirRun> runs = runs();
        Random random = new Random(20261202);
        RandomFhirJson.Source source = random::nextInt;
        List<String> resources = new ArrayList<>(lines());
        for (int i = 0; i < 2000; i++) {
            resources.add(RandomFhirJson.resource(source));
        }
        int skipped = 0;
        for (int i = 0; i < resources.size(); i++) {
            String shape = ENTRIES.get(i % ENTRIES.size());
            skipped += checkEntrySkip(runs.get(0), resources.get(i), shape) ? 1 : 0;
            checkEntrySkip(runs.get(1), resources.get(i), shape);
            assertFalse(checkEntrySkip(runs.get(2), resources.get(i), shape), "identifier by default: nothing is skipped");
        }
        assertTrue(skipped > 50, "entries without identifying elements are skipped: " + skipped);
    }

    @Test
    void anythingAnIdentifierRuleMayMatchInAnEntryKeepsItScanned() throws Exception {
        FhirRun run = runs().get(0);
        String plain = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"Weight\"}}";
        assertTrue(entrySkipped(run, "{\"fullUrl\":\"urn:uuid:1\",\"resource\":%s,\"request\":{\"method\":\"POST\","
                + "\"url\":\"Observation\"}}", plain));
        assertFalse(entrySkipped(run, "{\"resource\":%s}", plain.replace("\"status\"",
                "\"identifier\":[{\"value\":\"X1\"}],\"status\"")), "the resource has an identifier");
        assertFalse(entrySkipped(run, "{\"resource\":%s}", "{\"resourceType\":\"Patient\",\"id\":\"p1\"}"),
                "Patients are indexed");
        assertFalse(entrySkipped(run, "{\"extension\":[{\"url\":\"http://x\",\"valueHumanName\":{\"family\":\"X\"}}],"
                + "\"resource\":%s}", plain), "a name in the entry's own extension");
        assertFalse(entrySkipped(run, "{\"resource\":%s,\"response\":{\"status\":\"201\",\"outcome\":"
                + "{\"resourceType\":\"OperationOutcome\",\"issue\":[]}}}", plain), "a resource outside the resource member");
        assertFalse(entrySkipped(run, "{\"resource\":%s,\"_fullUrl\":{\"extension\":[{\"url\":\"u\","
                + "\"valueIdentifier\":{\"value\":\"X\"}}]}}", plain), "an identifier in a primitive's extras");
        // a plain FHIRPath identifier path from Bundle: what an entry notes is not its own names' business
        FhirSection section = FhirFixtures.scanSections(true).get(0);
        List<org.deidworkbench.model.FhirRule> rules = new ArrayList<>(section.rules());
        org.deidworkbench.model.FhirRule first = rules.get(0);
        rules.add(0, new org.deidworkbench.model.FhirRule("bundle-url", new org.deidworkbench.model.FhirSelector.FhirPath(
                "Bundle.entry.fullUrl"), first.spec(), true, first.label(), first.location()));
        FhirRun withPath = FhirFixtures.run(new FhirSection(rules, section.defaultSpec(), section.defaultIdentifier(),
                section.subjectIdPath(), section.resourceIds(), section.idDomain(), section.yearOnlyDates(),
                section.extensions(), section.source()));
        assertTrue(withPath.scanSkip().skips(plain));
        assertFalse(entrySkipped(withPath, "{\"fullUrl\":\"urn:uuid:1\",\"resource\":%s}", plain));
    }

    private static boolean entrySkipped(FhirRun run, String shape, String resource) {
        String entry = shape.replace("%s", resource);
        String text = "{\"resourceType\":\"Bundle\",\"entry\":[" + entry + "]}";
        int from = text.indexOf(entry);
        int resourceFrom = from + shape.indexOf("%s");
        return run.scanSkip().skipsEntry(text, from, from + entry.length(), resourceFrom, resourceFrom + resource.length());
    }
}
