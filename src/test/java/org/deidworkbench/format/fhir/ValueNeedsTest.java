package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.deidworkbench.model.FhirRule;
import org.deidworkbench.model.FhirSection;
import org.deidworkbench.model.FhirSelector;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * Decision 0240: a FHIRPath branch's needs — the values a resource must hold for the branch to select anything — are
 * what HAPI's engine itself needs: wherever HAPI selects something, the resource holds them. The token path leaves a
 * branch unevaluated on a resource without them (an Observation without an age or birth-date code).
 */
class ValueNeedsTest {

    private static final FHIRPathEngine ENGINE = Fhir.newPathEngine();

    private static List<Set<String>> needs(String expression) {
        return ValueNeeds.toSelect(ENGINE.parse(expression));
    }

    @Test
    void anAgeObservationsBranchNeedsLoincAndOneOfItsCodes() {
        List<Set<String>> n = needs("Observation.where(code.coding.where(system = 'http://loinc.org' and (code = "
                + "'30525-0' or code = '21611-9')).exists()).value.ofType(Quantity).where(value > 89 and (unit = 'a' "
                + "or unit = 'years')).value");
        assertTrue(n.contains(Set.of("http://loinc.org")), n.toString());
        assertTrue(n.contains(Set.of("30525-0", "21611-9")), n.toString());
        assertTrue(n.contains(Set.of("a", "years")), n.toString());
        Set<String> plain = Set.of("http://loinc.org", "8302-2", "cm");
        assertFalse(ValueNeeds.met(n, plain), "a body height");
        assertTrue(ValueNeeds.met(n, Set.of("http://loinc.org", "21611-9", "years")), "an estimated age in years");
    }

    @Test
    void computedNumericAndOpenComparisonsNeedNothing() {
        for (String e : List.of(
                "QuestionnaireResponse.descendants().where(linkId.lower() = 'age').answer.value",
                "Observation.where(value.value = '5').value", // HAPI: 5.0 = '5'
                "Patient.where(birthDate = '1950-01-01').birthDate", // dates by their instants
                "Observation.where(status = 'final' or code.text.lower() = 'x').value",
                "Observation.code.coding.where(code = 'x').exists()", // true or false: something either way
                "Observation.where(code.coding.where(code = 'x').exists().not()).value",
                "Observation.where(code.coding.where(code = 'x').empty()).value",
                "descendants().ofType(Identifier).where($this.value = 'x').value",
                "Observation.where(code.coding.code != 'x').value",
                "Patient.name.given")) {
            assertEquals(List.of(), needs(e), e);
        }
        assertEquals(List.of(Set.of("SS")), needs("Patient.identifier.where(type.coding.code = 'SS').value"));
        assertEquals(List.of(Set.of("SS", "TAX")),
                needs("Patient.identifier.where(type.coding.where(code = 'SS' or code = 'TAX').exists()).value"));
    }

    /** What HAPI selects, on the fixtures, random resources and age observations of every kind, never lacks its needs. */
    @Test
    void wheneverHapiSelectsSomethingTheResourceHoldsWhatTheBranchNeeds() throws Exception {
        FhirSection section = FhirFixtures.safeHarbor().section(FhirSection.KEY, FhirSection.class).orElseThrow();
        List<String> branches = new ArrayList<>();
        for (FhirRule r : section.rules()) {
            if (r.selector() instanceof FhirSelector.FhirPath f) {
                branches.addAll(Rules.Guard.topLevelUnion(f.expression()));
            }
        }
        branches.add("Observation.where(code.coding.where(code = '8302-2').exists()).value");
        branches.add("Patient.identifier.where(system = 'http://hl7.org/fhir/sid/us-ssn').value");
        branches.add("descendants().ofType(Coding).where(system = 'http://loinc.org' and code = 'MR')");

        List<Resource> resources = new ArrayList<>();
        resources.add(FhirFixtures.patient());
        resources.addAll(FhirFixtures.bulk());
        FhirFixtures.transaction().getEntry().forEach(e -> resources.add(e.getResource()));
        for (String loinc : List.of("30525-0", "21611-9", "21112-8", "8302-2")) {
            for (String q : List.of("{\"value\":95,\"unit\":\"a\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"a\"}",
                    "{\"value\":1200,\"unit\":\"months\"}", "{\"value\":40000,\"code\":\"d\"}", "{\"value\":95}")) {
                resources.add(parse(FhirAgeObservationsTest.observation("o", loinc, q)));
                resources.add(parse(FhirAgeObservationsTest.panel("p", loinc, q)));
            }
        }
        Random random = new Random(20261207);
        RandomFhirJson.Source source = random::nextInt;
        while (resources.size() < 1500) {
            try {
                resources.add(parse(RandomFhirJson.resource(source)));
            } catch (RuntimeException refused) {
                // a resource HAPI refuses teaches nothing here
            }
        }

        int selected = 0;
        int skipped = 0;
        for (String b : branches) {
            org.hl7.fhir.r4.fhirpath.ExpressionNode node = ENGINE.parse(b);
            List<Set<String>> n = ValueNeeds.toSelect(node);
            for (Resource r : resources) {
                List<Base> hits;
                try {
                    hits = ENGINE.evaluate(r, node);
                } catch (RuntimeException e) {
                    continue; // HAPI's failure is the rule's failure, on both paths
                }
                Set<String> values = values(r);
                if (!hits.isEmpty()) {
                    selected++;
                    assertTrue(ValueNeeds.met(n, values), b + " selects on " + r.fhirType() + " without " + n);
                } else if (!ValueNeeds.met(n, values)) {
                    skipped++;
                }
            }
        }
        assertTrue(selected > 100, "HAPI selected something often: " + selected);
        assertTrue(skipped > 1000, "and the needs leave many branches unevaluated: " + skipped);
    }

    private static Resource parse(String json) {
        return (Resource) Fhir.context().newJsonParser().parseResource(json);
    }

    /** Every primitive value of a resource (contained resources included) as written. */
    private static Set<String> values(Resource r) {
        Set<String> out = new HashSet<>();
        for (Base b : ENGINE.evaluate(r, "descendants()")) {
            if (b.isPrimitive() && b.primitiveValue() != null) {
                out.add(b.primitiveValue());
            }
        }
        return out;
    }
}
