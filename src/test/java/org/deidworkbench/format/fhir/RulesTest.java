package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import org.deidworkbench.model.FhirRule;
import org.deidworkbench.model.FhirSection;
import org.deidworkbench.model.FhirSelector;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** FHIRPath rules evaluated with guards and on the elements of their type find what HAPI finds on the whole resource. */
class RulesTest {

    private static IdentityHashMap<Base, Integer> byHapi(FhirSection section, Resource r) {
        FHIRPathEngine engine = Fhir.newPathEngine();
        IdentityHashMap<Base, Integer> hits = new IdentityHashMap<>();
        List<FhirRule> rules = section.rules();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).selector() instanceof FhirSelector.FhirPath f) {
                for (Base b : engine.evaluate(r, engine.parse(f.expression()))) {
                    hits.merge(b, i, Math::min);
                }
            }
        }
        return hits;
    }

    private static IdentityHashMap<Base, Integer> byRules(FhirSection section, Resource r) throws Exception {
        IdentityHashMap<Base, Integer> hits = new IdentityHashMap<>();
        new Rules(section).evaluate(r, hits);
        return hits;
    }

    private static FhirSection section() throws Exception {
        return FhirFixtures.safeHarbor().section(FhirSection.KEY, FhirSection.class).orElseThrow();
    }

    @Test
    void theFixturesGetTheSameHitsAsFromHapi() throws Exception {
        List<Resource> resources = new ArrayList<>();
        resources.add(FhirFixtures.patient());
        for (Bundle.BundleEntryComponent e : FhirFixtures.transaction().getEntry()) {
            resources.add(e.getResource());
        }
        for (Resource r : resources) {
            assertEquals(described(byHapi(section(), r)), described(byRules(section(), r)), r.fhirType());
        }
    }

    /**
     * Each hit as its element's identity and its rule's index, in order: {@code IdentityHashMap.equals} compares the
     * values by reference too, and an {@code Integer} over 127 is a new object each time it is boxed (the rules
     * passed 127 with decision 0190's elements).
     */
    private static java.util.SortedSet<String> described(IdentityHashMap<Base, Integer> hits) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        hits.forEach((b, i) -> out.add(System.identityHashCode(b) + " " + b + " rule " + i));
        return out;
    }

    /**
     * Two equal values selected by two branches of one union are both hits (decision 0124): FHIRPath's {@code |} keeps
     * one of them, which left a bed's alias equal to its name, or a second equal birth date, to the later rules.
     */
    @Test
    void equalValuesOfTwoBranchesOfAUnionAreBothHits() throws Exception {
        Resource bed = (Resource) Fhir.context().newJsonParser().parseResource("{\"resourceType\":\"Location\",\"id\":\"b1\","
                + "\"name\":\"4N-412-A\",\"alias\":[\"4N-412-A\"],\"physicalType\":{\"coding\":[{\"code\":\"bd\"}]}}");
        IdentityHashMap<Base, Integer> hits = byRules(section(), bed);
        org.hl7.fhir.r4.model.Location l = (org.hl7.fhir.r4.model.Location) bed;
        assertTrue(hits.containsKey(l.getNameElement()), "the name");
        assertTrue(hits.containsKey(l.getAlias().get(0)), "the alias equal to the name");
    }

    @Test
    void randomResourcesGetAtLeastTheHitsHapiFinds() throws Exception {
        Random random = new Random(7);
        int checked = 0;
        for (int i = 0; i < 400; i++) {
            Resource r;
            try {
                r = (Resource) Fhir.context().newJsonParser().parseResource(RandomFhirJson.resource(random::nextInt));
            } catch (RuntimeException e) {
                continue; // HAPI refuses it
            }
            if (r instanceof Bundle) {
                continue; // entries are evaluated as resources of their own
            }
            IdentityHashMap<Base, Integer> hapi = byHapi(section(), r);
            IdentityHashMap<Base, Integer> ours = byRules(section(), r);
            for (var e : hapi.entrySet()) {
                if (e.getKey() instanceof org.hl7.fhir.r4.model.BooleanType || !inTree(r, e.getKey())) {
                    continue; // a computed value, not an element
                }
                assertEquals(e.getValue(), ours.get(e.getKey()), () -> "rule hit missed in " + r.fhirType());
            }
            checked++;
        }
        assertTrue(checked > 100, "random resources checked: " + checked);
    }

    private static boolean inTree(Base root, Base target) {
        if (root == target) {
            return true;
        }
        for (org.hl7.fhir.r4.model.Property p : ElementChildren.of(root)) {
            for (Base v : p.getValues()) {
                if (inTree(v, target)) {
                    return true;
                }
            }
        }
        return false;
    }
}
