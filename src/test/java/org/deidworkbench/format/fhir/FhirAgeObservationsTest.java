package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.format.FileStats;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.model.FhirSection;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0146: an age over 89 years given as an observation's quantity (LOINC 30525-0, 21611-9, 21612-7, 29553-5,
 * 39016-1; as the resource's value or a component's) becomes 90 years as an {@code Age} does, whatever its unit (UCUM
 * {@code a}, {@code mo}, {@code wk}, {@code d}, or a unit text alone); an age up to 89 years and every other quantity
 * stay as written. The token path answers for these Observations itself, exactly as HAPI's path cleans them.
 */
class FhirAgeObservationsTest {

    @TempDir
    Path dir;

    private static final String UCUM = "\"system\":\"http://unitsofmeasure.org\"";

    /** A UCUM quantity: {@code {"value":v,"unit":u,"system":UCUM,"code":c}}. */
    private static String ucum(String value, String unit, String code) {
        return "{\"value\":" + value + ",\"unit\":\"" + unit + "\"," + UCUM + ",\"code\":\"" + code + "\"}";
    }

    /** A quantity with a unit text alone. */
    private static String text(String value, String unit) {
        return "{\"value\":" + value + ",\"unit\":\"" + unit + "\"}";
    }

    static String observation(String id, String loinc, String quantity) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\",\"code\":{\"coding\":[{"
                + "\"system\":\"http://loinc.org\",\"code\":\"" + loinc + "\",\"display\":\"Age\"}]},\"subject\":"
                + "{\"reference\":\"Patient/pt1\"},\"effectiveDateTime\":\"2023-02-06\",\"valueQuantity\":" + quantity + "}";
    }

    /** A panel whose components are an age and a body height. */
    static String panel(String id, String loinc, String quantity) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\",\"code\":{\"coding\":[{"
                + "\"system\":\"http://loinc.org\",\"code\":\"76690-7\"}]},\"subject\":{\"reference\":\"Patient/pt1\"},"
                + "\"component\":[{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" + loinc + "\"}]},"
                + "\"valueQuantity\":" + quantity + "},{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":"
                + "\"8302-2\"}]},\"valueQuantity\":" + ucum("172", "cm", "cm") + "}]}";
    }

    private static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"pt1\",\"identifier\":[{\"type\":"
            + "{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"MR\"}]},"
            + "\"value\":\"MRN5512\"}],\"birthDate\":\"1958-11-02\"}";

    // ------------------------------------------------------------------ the token path against HAPI's

    private static FhirRun run;

    private static synchronized FhirRun run() throws Exception {
        if (run == null) {
            FhirSection section = FhirFixtures.safeHarbor().section(FhirSection.KEY, FhirSection.class).orElseThrow();
            run = FhirFixtures.run(section);
            Resource patient = FhirParsing.parse(PATIENT, false, "", new FhirParsing.Dropped());
            new ResourceCleaner(run, false, new FileTally("scan", false), false).process(patient, "");
            run.engine.freezeIdentifiers();
        }
        return run;
    }

    /** What the HAPI path makes of one resource. */
    private static String hapi(String text, FileTally tally) throws Exception {
        ResourceCleaner cleaner = new ResourceCleaner(run(), true, tally, false);
        try {
            Resource r = FhirParsing.parse(text, false, "line 1", new FhirParsing.Dropped());
            cleaner.process(r, "line 1");
            return FhirParsing.encode(r, false, false);
        } catch (FormatException e) {
            return "refused " + e.code();
        }
    }

    /** The token path's answer, or {@code null} where it leaves the resource to HAPI. */
    private static String tokens(String text, FileTally tally) throws Exception {
        ResourceCleaner cleaner = new ResourceCleaner(run(), true, tally, false);
        try {
            return new JsonTransform(run(), cleaner, tally).transform(text, "line 1");
        } catch (JsonScan.Fallback e) {
            return null;
        } catch (FormatException e) {
            return "refused " + e.code();
        }
    }

    /** The cleaned resource: the token path answers for it, with HAPI's bytes and statistics. */
    private static String clean(String text) throws Exception {
        FileTally tokenTally = new FileTally("f", false);
        String out = tokens(text, tokenTally);
        assertNotNull(out, "the token path left the resource to HAPI: " + text);
        FileTally hapiTally = new FileTally("f", false);
        assertEquals(hapi(text, hapiTally), out, text);
        assertEquals(hapiTally.stats(), tokenTally.stats(), text);
        return out;
    }

    /** The quantity of the (first) age in a cleaned observation or panel. */
    private static String quantity(String out) {
        int at = out.indexOf("\"valueQuantity\":");
        return out.substring(at + 16, out.indexOf('}', at) + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"30525-0", "21611-9", "21612-7", "29553-5", "39016-1"})
    void anAgeOver89InYearsBecomes90UnderEachAgeCode(String loinc) throws Exception {
        assertEquals(ucum("90", "a", "a"), quantity(clean(observation("ob1", loinc, ucum("97", "a", "a")))));
        assertEquals(ucum("90", "a", "a"), quantity(clean(panel("ob2", loinc, ucum("96", "a", "a")))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // UCUM codes: over 89 years in each unit becomes 90 years (a)
        "{'value':97,'unit':'a','system':'http://unitsofmeasure.org','code':'a'}   | {'value':90,'unit':'a','system':'http://unitsofmeasure.org','code':'a'}",
        "{'value':1069,'unit':'mo','system':'http://unitsofmeasure.org','code':'mo'} | {'value':90,'unit':'a','system':'http://unitsofmeasure.org','code':'a'}",
        "{'value':4644,'unit':'wk','system':'http://unitsofmeasure.org','code':'wk'} | {'value':90,'unit':'a','system':'http://unitsofmeasure.org','code':'a'}",
        "{'value':32508,'unit':'d','system':'http://unitsofmeasure.org','code':'d'}  | {'value':90,'unit':'a','system':'http://unitsofmeasure.org','code':'a'}",
        "{'value':97,'unit':'years','system':'http://unitsofmeasure.org','code':'a'} | {'value':90,'unit':'years','system':'http://unitsofmeasure.org','code':'a'}",
        "{'value':95.5,'code':'a','system':'http://unitsofmeasure.org'}             | {'value':90,'system':'http://unitsofmeasure.org','code':'a'}",
        // a unit text alone
        "{'value':97,'unit':'years'}  | {'value':90,'unit':'years'}",
        "{'value':96,'unit':'yr'}     | {'value':90,'unit':'yr'}",
        "{'value':93,'unit':'y'}      | {'value':90,'unit':'y'}",
        "{'value':91,'unit':'Jahre'}  | {'value':90,'unit':'Jahre'}",
        "{'value':1100,'unit':'months'} | {'value':90,'unit':'a'}",
        "{'value':33000,'unit':'days'} | {'value':90,'unit':'a'}",
        // no unit at all: an age in years
        "{'value':98}                 | {'value':90}",
        // the boundary: 89 years (and 1068 months, 4643 weeks, 32507 days) stay; 89.1 years is over 89
        "{'value':89,'unit':'a','system':'http://unitsofmeasure.org','code':'a'}    | {'value':89,'unit':'a','system':'http://unitsofmeasure.org','code':'a'}",
        "{'value':89.1,'unit':'a','system':'http://unitsofmeasure.org','code':'a'}  | {'value':90,'unit':'a','system':'http://unitsofmeasure.org','code':'a'}",
        "{'value':90,'unit':'a','system':'http://unitsofmeasure.org','code':'a'}    | {'value':90,'unit':'a','system':'http://unitsofmeasure.org','code':'a'}",
        "{'value':1068,'unit':'mo','system':'http://unitsofmeasure.org','code':'mo'} | {'value':1068,'unit':'mo','system':'http://unitsofmeasure.org','code':'mo'}",
        "{'value':4643,'unit':'wk','system':'http://unitsofmeasure.org','code':'wk'} | {'value':4643,'unit':'wk','system':'http://unitsofmeasure.org','code':'wk'}",
        "{'value':32507,'unit':'d','system':'http://unitsofmeasure.org','code':'d'}  | {'value':32507,'unit':'d','system':'http://unitsofmeasure.org','code':'d'}",
        "{'value':89,'unit':'years'}  | {'value':89,'unit':'years'}",
        // months, weeks, days under 89 years; a unit no age is given in
        "{'value':95,'unit':'mo','system':'http://unitsofmeasure.org','code':'mo'}  | {'value':95,'unit':'mo','system':'http://unitsofmeasure.org','code':'mo'}",
        "{'value':97,'unit':'wk','system':'http://unitsofmeasure.org','code':'wk'}  | {'value':97,'unit':'wk','system':'http://unitsofmeasure.org','code':'wk'}",
        "{'value':120,'unit':'d','system':'http://unitsofmeasure.org','code':'d'}   | {'value':120,'unit':'d','system':'http://unitsofmeasure.org','code':'d'}",
        "{'value':97,'unit':'g/L','system':'http://unitsofmeasure.org','code':'g/L'} | {'value':97,'unit':'g/L','system':'http://unitsofmeasure.org','code':'g/L'}",
        "{'value':97,'unit':'h','system':'http://unitsofmeasure.org','code':'h'}    | {'value':97,'unit':'h','system':'http://unitsofmeasure.org','code':'h'}",
    })
    void eachUnitIsReadAsYearsMonthsWeeksOrDays(String in, String expected) throws Exception {
        String q = in.strip().replace('\'', '"');
        String want = expected.strip().replace('\'', '"');
        assertEquals(want, quantity(clean(observation("ob1", "30525-0", q))), in);
        assertEquals(want, quantity(clean(panel("ob2", "21612-7", q))), in);
    }

    @Test
    void aTopped90IsMarkedAndAnUnchangedAgeIsNot() throws Exception {
        String topped = clean(observation("ob1", "30525-0", ucum("97", "a", "a")));
        String kept = clean(observation("ob1", "30525-0", ucum("45", "a", "a")));
        assertTrue(topped.contains("\"code\":\"REDACTED\""), topped);
        assertFalse(kept.contains("\"code\":\"REDACTED\""), kept);
    }

    @Test
    void aQuantityOfAnotherCodeOrSystemStaysAsWritten() throws Exception {
        String lab = observation("ob1", "718-7", ucum("94", "g/L", "g/L"));
        String notLoinc = observation("ob2", "30525-0", ucum("97", "a", "a")).replace("http://loinc.org",
                "http://example.org/codes");
        String range = observation("ob3", "30525-0", "{\"value\":97}").replace("\"valueQuantity\":{\"value\":97}",
                "\"valueRange\":{\"low\":{\"value\":95,\"unit\":\"a\"}}");
        String integer = observation("ob4", "30525-0", "{\"value\":97}").replace("\"valueQuantity\":{\"value\":97}",
                "\"valueInteger\":97");
        assertTrue(clean(lab).contains("\"valueQuantity\":" + ucum("94", "g/L", "g/L")), lab);
        assertTrue(clean(notLoinc).contains("\"valueQuantity\":" + ucum("97", "a", "a")), notLoinc);
        assertTrue(clean(range).contains("\"valueRange\":{\"low\":{\"value\":95,\"unit\":\"a\"}}"), range);
        assertTrue(clean(integer).contains("\"valueInteger\":97"), integer);
    }

    @Test
    void anAgeElementOver89IsStill90OnTheTokenPathAsOnHapis() throws Exception {
        String condition = "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"subject\":{\"reference\":\"Patient/pt1\"},"
                + "\"code\":{\"text\":\"Hip fracture\"},\"onsetAge\":" + ucum("93", "a", "a") + "}";
        String out = clean(condition);
        assertTrue(out.contains("\"onsetAge\":" + ucum("90", "a", "a")), out);
        String young = clean(condition.replace("\"value\":93", "\"value\":61"));
        assertTrue(young.contains("\"onsetAge\":" + ucum("61", "a", "a")), young);
    }

    /**
     * Random age observations across the boundaries, units, codes and systems: wherever the token path answers it
     * answers as HAPI does, and it answers for every one written with plain numbers.
     */
    @Test
    void randomAgeObservationsAreCleanedExactlyAsHapiCleansThem() throws Exception {
        Random rng = new Random(20261204);
        String[] codes = {"30525-0", "21611-9", "21612-7", "29553-5", "39016-1", "8302-2"};
        String[] units = {"a", "mo", "wk", "d", "h", "years", "yr", "Jahre", "months", "weeks", "days", "g/L", null};
        String[] values = {"89", "90", "89.0", "89.01", "97", "1068", "1068.5", "1069", "4643", "4643.9", "4644", "32507",
            "32507.25", "32507.26", "32508", "0", "-5", "120", "100000"};
        int answered = 0;
        for (int i = 0; i < 600; i++) {
            String value = values[rng.nextInt(values.length)];
            String unit = units[rng.nextInt(units.length)];
            StringBuilder q = new StringBuilder("{\"value\":" + value);
            if (unit != null && rng.nextInt(4) > 0) {
                q.append(",\"unit\":\"").append(unit).append('"');
            }
            int coded = rng.nextInt(3);
            if (unit != null && coded > 0) {
                q.append(coded == 1 ? "," + UCUM : ",\"system\":\"http://example.org/units\"");
                q.append(",\"code\":\"").append(unit).append('"');
            }
            if (rng.nextInt(8) == 0) {
                q.append(",\"comparator\":\">=\"");
            }
            q.append('}');
            String code = codes[rng.nextInt(codes.length)];
            String text = rng.nextBoolean() ? observation("o" + i, code, q.toString()) : panel("o" + i, code, q.toString());
            FileTally tokenTally = new FileTally("f", false);
            String out = tokens(text, tokenTally);
            assertNotNull(out, "the token path left an age observation to HAPI: " + text);
            FileTally hapiTally = new FileTally("f", false);
            assertEquals(hapi(text, hapiTally), out, text);
            assertEquals(hapiTally.stats(), tokenTally.stats(), text);
            answered++;
        }
        assertEquals(600, answered);
    }

    // ------------------------------------------------------------------ whole files: NDJSON and Bundles

    private List<String> resources() {
        return List.of(PATIENT,
                observation("ob1", "30525-0", ucum("97", "a", "a")),
                observation("ob2", "21612-7", text("96", "yr")),
                observation("ob3", "718-7", ucum("94", "g/L", "g/L")),
                observation("ob4", "29553-5", ucum("1100", "mo", "mo")),
                observation("ob5", "30525-0", ucum("67", "a", "a")),
                panel("ob6", "39016-1", text("98", "years")));
    }

    private static void assertAgesTopped(String out) {
        for (String age : List.of("\"value\":97", "\"value\":96", "\"value\":98", "\"value\":1100")) {
            assertFalse(out.contains(age), "an age over 89 is left: " + age);
        }
        assertTrue(out.contains("\"value\":94,\"unit\":\"g/L\""), "a lab value of 94 was changed");
        assertTrue(out.contains("\"value\":67,\"unit\":\"a\""), "an age up to 89 was changed");
        assertTrue(out.contains("\"valueQuantity\":" + ucum("90", "a", "a")), "the age in years was not topped at 90");
        assertTrue(out.contains("\"valueQuantity\":{\"value\":90,\"unit\":\"yr\"}"), "the reported age was not topped");
        assertTrue(out.contains("\"valueQuantity\":{\"value\":90,\"unit\":\"years\"}"), "the component was not topped");
        assertTrue(out.indexOf("\"code\":\"mo\"") < 0, "the age in months is not in years");
    }

    /** One file through the processor (scan, freeze, transform), with or without the token path. */
    private static String[] processed(Path file, boolean tokens) throws Exception {
        Deidentifier engine = FhirFixtures.engine(FhirFixtures.safeHarbor());
        FhirProcessor p = new FhirProcessor(engine, false, FhirProcessor.STREAM_BUNDLES_FROM_BYTES, tokens);
        String name = file.getFileName().toString();
        p.scan(file, name, () -> false);
        engine.freezeIdentifiers();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FileStats stats = p.transform(file, name, bytes, () -> false);
        return new String[] {bytes.toString(StandardCharsets.UTF_8), stats.toString()};
    }

    @Test
    void anNdjsonExportIsToppedAndByteIdenticalWithAndWithoutTheTokenPath() throws Exception {
        Path in = FhirTestRun.write(dir, "export.ndjson", String.join("\n", resources()) + "\n");
        String[] tokens = processed(in, true);
        String[] hapi = processed(in, false);
        assertEquals(hapi[0], tokens[0]);
        assertEquals(hapi[1], tokens[1]);
        assertAgesTopped(tokens[0]);
        for (String line : resources().subList(1, resources().size())) {
            assertNotNull(tokens(line, new FileTally("f", false)), "an age observation handed to HAPI: " + line);
        }
    }

    private String bundle() {
        StringBuilder b = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        List<String> rs = resources();
        for (int i = 0; i < rs.size(); i++) {
            String type = rs.get(i).substring(17, rs.get(i).indexOf('"', 17));
            String id = rs.get(i).substring(rs.get(i).indexOf("\"id\":\"") + 6, rs.get(i).indexOf("\"", rs.get(i).indexOf("\"id\":\"") + 6));
            b.append(i == 0 ? "" : ",").append("{\"fullUrl\":\"http://example.org/fhir/").append(type).append('/').append(id)
                    .append("\",\"resource\":").append(rs.get(i)).append('}');
        }
        return b.append("]}").toString();
    }

    @Test
    void aBundleIsToppedAndByteIdenticalWithAndWithoutTheTokenPath() throws Exception {
        Path in = FhirTestRun.write(dir, "bundle.json", bundle());
        String[] tokens = processed(in, true);
        String[] hapi = processed(in, false);
        assertEquals(hapi[0], tokens[0]);
        assertEquals(hapi[1], tokens[1]);
        assertAgesTopped(tokens[0]);
    }

    @Test
    void noEntryOfABundleOfAgeObservationsIsHandedToHapi() throws Exception {
        // the scan: no entry handed to HAPI, and what it reports is HAPI's
        int[] handedToHapi = {0};
        JsonScanTest.Recorder r = new JsonScanTest.Recorder();
        new JsonScan(run(), r).scan(bundle(), (one, n, into) -> handedToHapi[0]++);
        assertEquals(0, handedToHapi[0], "entries handed to HAPI by the scan");
        assertEquals(JsonScanTest.hapi(run(), bundle()), r.effects);
        // the transform: every entry cleaned on the token path, the shell printed without HAPI
        FileTally tally = new FileTally("f", false);
        JsonBundleTransform t = new JsonBundleTransform(run(), new ResourceCleaner(run(), true, tally, false), tally);
        String out = t.transform(bundle(), false, 1);
        assertEquals(0, t.hapiEntries(), "entries handed to HAPI by the transform");
        assertEquals(1, t.plainShells());
        assertAgesTopped(out);
    }

    @Test
    void theScanOfAnAgeObservationNeedsNoFhirPathHits() throws Exception {
        Rules rules = new Rules(FhirFixtures.safeHarbor().section(FhirSection.KEY, FhirSection.class).orElseThrow());
        assertFalse(rules.scanNeedsPaths("Observation", java.util.Set.of("CodeableConcept", "Coding", "Reference",
                "Quantity", "decimal", "string", "uri", "code", "BackboneElement")));
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < rules.pathRuleCount(); k++) {
            ids.add(rules.rule(rules.pathRuleIndex(k)).id());
        }
        assertTrue(ids.contains("age-observation-over-89") && ids.contains("age-observation-in-years"), ids::toString);
        assertFalse(rules.rule(rules.pathRuleIndex(ids.indexOf("age-observation-over-89"))).identifier());
        assertFalse(rules.rule(rules.pathRuleIndex(ids.indexOf("age-observation-in-years"))).identifier());
    }

    @Test
    void aToppedAgeObservationIsValidR4() throws Exception {
        // the quantity keeps a code only with its system (qty-3): nothing is added, nothing removed but the digits
        byte[] out = FhirTestRun.safeHarbor().run(FhirTestRun.write(dir, "one.ndjson",
                observation("ob1", "29553-5", ucum("1100", "mo", "mo")) + "\n")).get(0);
        org.hl7.fhir.r4.model.Observation o = (org.hl7.fhir.r4.model.Observation) FhirParsing.parse(
                new String(out, StandardCharsets.UTF_8).strip(), false, "", new FhirParsing.Dropped());
        org.hl7.fhir.r4.model.Quantity q = o.getValueQuantity();
        assertEquals(0, q.getValue().compareTo(java.math.BigDecimal.valueOf(90)));
        assertEquals(List.of("a", "http://unitsofmeasure.org", "a"), List.of(q.getUnit(), q.getSystem(), q.getCode()));
        assertArrayEquals(out, FhirTestRun.safeHarbor().run(FhirTestRun.write(dir, "two.ndjson",
                observation("ob1", "29553-5", ucum("1100", "mo", "mo")) + "\n")).get(0), "deterministic");
    }
}
