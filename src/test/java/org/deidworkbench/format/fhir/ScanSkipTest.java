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
}
