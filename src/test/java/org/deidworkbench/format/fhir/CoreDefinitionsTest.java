package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The base definitions parsed one at a time are the ones HAPI's default support parses all at once, and
 * FHIRPath type checks give the same answers on them.
 */
class CoreDefinitionsTest {

    private static DefaultProfileValidationSupport full;
    private static CoreDefinitions core;

    @BeforeAll
    static void load() {
        full = new DefaultProfileValidationSupport(Fhir.context());
        core = CoreDefinitions.shared();
    }

    @Test
    void everyIndexedDefinitionIsTheOneHapiLoads() {
        Set<String> urls = core.urls();
        assertTrue(urls.size() >= 200, "types and resources of R4 indexed: " + urls.size());
        for (String url : List.of("Patient", "DomainResource", "Resource", "HumanName", "Identifier", "Age",
                "Quantity", "Element", "BackboneElement", "string", "dateTime", "Bundle", "Observation")) {
            assertTrue(urls.contains("http://hl7.org/fhir/StructureDefinition/" + url), url);
        }
        List<String> different = new ArrayList<>();
        for (String url : urls) {
            StructureDefinition mine = core.fetch(url);
            StructureDefinition hapis = (StructureDefinition) full.fetchStructureDefinition(url);
            assertNotNull(hapis, url);
            if (mine == null || !mine.equalsDeep(hapis)) {
                different.add(url);
            }
        }
        assertEquals(List.of(), different);
    }

    @Test
    void aDefinitionIsParsedOnceAndShared() {
        String url = "http://hl7.org/fhir/StructureDefinition/HumanName";
        assertSame(core.fetch(url), core.fetch(url));
    }

    @Test
    void urlsItDoesNotServeAreLeftToHapi() {
        // A profile (profiles-others.xml), a versioned URL, a bare type name and nonsense.
        for (String url : List.of("http://hl7.org/fhir/StructureDefinition/vitalsigns",
                "http://hl7.org/fhir/StructureDefinition/Patient|4.0.1", "Patient",
                "http://example.org/StructureDefinition/Nothing")) {
            assertNull(core.fetch(url), url);
        }
        assertNull(core.fetch(null));
        // ...and the engine's support still finds them there.
        assertNotNull(new HapiWorkerContext(Fhir.context(), full)
                .fetchResource(StructureDefinition.class, "http://hl7.org/fhir/StructureDefinition/vitalsigns"));
    }

    @Test
    void scanSkipsEntriesThatAreNotDefinitionsTruncatedOnesAndUrlsSeenTwice() {
        String xml = "<Bundle xmlns=\"http://hl7.org/fhir\">"
                + entry("http://x/StructureDefinition/A", "<StructureDefinition xmlns=\"http://hl7.org/fhir\"><url value=\"a\"/></StructureDefinition>")
                + entry("http://x/CapabilityStatement/base", "<CapabilityStatement xmlns=\"http://hl7.org/fhir\"/>")
                + entry("http://x/StructureDefinition/B", "<StructureDefinitionX/>")
                + entry("http://x/StructureDefinition/C", "<StructureDefinition><url value=\"c\"/></StructureDefinition>")
                + entry("http://x/StructureDefinition/C", "<StructureDefinition><url value=\"c2\"/></StructureDefinition>")
                + "<entry><fullUrl value=\"http://x/StructureDefinition/D\"/><resource><StructureDefinition>";
        byte[] b = xml.getBytes(StandardCharsets.UTF_8);
        Map<String, int[]> index = new HashMap<>();
        Set<String> twice = new HashSet<>();
        CoreDefinitions.scan(b, 0, index, twice);
        assertEquals(Set.of("http://x/StructureDefinition/A", "http://x/StructureDefinition/C"), index.keySet());
        assertEquals(Set.of("http://x/StructureDefinition/C"), twice);
        int[] a = index.get("http://x/StructureDefinition/A");
        assertEquals("<StructureDefinition xmlns=\"http://hl7.org/fhir\"><url value=\"a\"/></StructureDefinition>",
                new String(b, a[1], a[2] - a[1], StandardCharsets.UTF_8));
    }

    private static String entry(String url, String resource) {
        return "<entry><fullUrl value=\"" + url + "\"></fullUrl><resource>" + resource + "</resource></entry>";
    }

    @Test
    void fhirPathTypeChecksAnswerAsOnHapisFullSupport() {
        Patient patient = new Patient();
        patient.setId("p1");
        patient.addIdentifier(new Identifier().setSystem("urn:mrn").setValue("M-1"));
        patient.addName().setFamily("Doe").addGiven("Jane");
        Observation obs = new Observation();
        obs.setId("o1");
        obs.setSubject(new Reference("Patient/p1"));
        obs.setValue(new Quantity(72).setUnit("kg"));
        obs.addIdentifier(new Identifier().setValue("O-9"));
        Observation age = new Observation();
        Age a = new Age();
        a.setValue(91);
        age.setValue(a);
        Bundle bundle = new Bundle();
        bundle.addEntry().setResource(patient);
        bundle.addEntry().setResource(obs);
        bundle.addEntry().setResource(age);

        FHIRPathEngine mine = Fhir.newPathEngine();
        FHIRPathEngine hapis = new FHIRPathEngine(new HapiWorkerContext(Fhir.context(), full));
        List<String> expressions = List.of(
                "Patient.name.family", "descendants().ofType(Identifier).value", "descendants().ofType(HumanName)",
                "descendants().ofType(Age).value", "descendants().ofType(Quantity).value",
                "Bundle.entry.resource.ofType(Observation).value.ofType(Quantity).unit",
                "Bundle.entry.resource.ofType(DomainResource).id", "Bundle.entry.resource.ofType(Resource).id",
                "Bundle.entry.resource.where($this is Patient).id", "(Bundle.entry.resource.first() as Patient).name.given",
                "Bundle.entry.resource.is(DomainResource)", "Bundle.entry.resource.ofType(Observation).subject.reference");
        for (Resource focus : List.of(bundle, patient, obs, age)) {
            for (String expression : expressions) {
                assertEquals(render(hapis.evaluate(focus, expression)), render(mine.evaluate(focus, expression)),
                        focus.fhirType() + ": " + expression);
            }
        }
        assertFalse(render(mine.evaluate(bundle, "descendants().ofType(Age).value")).isEmpty());
    }

    private static List<String> render(List<Base> values) {
        List<String> out = new ArrayList<>();
        for (Base v : values) {
            out.add(v.fhirType() + "=" + (v.isPrimitive() ? v.primitiveValue() : v.getIdBase()));
        }
        return out;
    }
}
