package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.deidworkbench.format.FormatException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conditional references with the common search parameters: rewritten where safe, refused (by name) where not. */
class ConditionalReferenceTest {

    @TempDir
    Path dir;

    private Bundle cleaned(String observationBasedOn) throws Exception {
        Bundle b = FhirFixtures.transaction();
        ((Observation) b.getEntry().get(3).getResource()).addBasedOn(new Reference(observationBasedOn));
        Path in = FhirTestRun.write(dir, "b.json", FhirFixtures.json(b, false));
        return (Bundle) FhirReferenceTest.parse(FhirTestRun.safeHarbor().run(in).get(0));
    }

    private static String basedOn(Bundle b) {
        return ((Observation) b.getEntry().get(3).getResource()).getBasedOnFirstRep().getReference();
    }

    private FormatException refused(String observationBasedOn) {
        return assertThrows(FormatException.class, () -> cleaned(observationBasedOn));
    }

    @Test
    void anIdentifierOfAnotherTypeBecomesWhatThatIdentifierBecomes() throws Exception {
        Bundle b = cleaned("Encounter?identifier=http://hospital.example.org/encounters|ENC-448812");
        Encounter e = (Encounter) b.getEntry().get(2).getResource();
        assertEquals("Encounter?identifier=http://hospital.example.org/encounters|" + e.getIdentifierFirstRep().getValue(),
                basedOn(b));
    }

    @Test
    void aReferenceParameterIsKeyedLikeTheIdItNames() throws Exception {
        Bundle b = cleaned("ServiceRequest?subject=Practitioner/dr-1&status=active");
        String practitioner = b.getEntry().get(1).getResource().getIdElement().getIdPart();
        assertEquals("ServiceRequest?subject=Practitioner/" + practitioner + "&status=active", basedOn(b));
    }

    @Test
    void aBareIdTakesTheOneTypeItsParameterCanName() throws Exception {
        Bundle b = cleaned("ServiceRequest?patient=pat-1");
        String keyed = new References(FhirFixtures.engine(FhirFixtures.safeHarbor()),
                FhirFixtures.safeHarbor().section("fhir", org.deidworkbench.model.FhirSection.class).orElseThrow())
                .id("Patient", "pat-1");
        assertEquals("ServiceRequest?patient=" + keyed, basedOn(b));
    }

    @Test
    void aCodeTheRulesKeepIsKept() throws Exception {
        assertEquals("ServiceRequest?code=http://loinc.org|2345-7,http://loinc.org|2339-0",
                basedOn(cleaned("ServiceRequest?code=http://loinc.org|2345-7,http://loinc.org|2339-0")));
    }

    @Test
    void anIdentifierTheRulesRemoveIsRefusedNamingTheRule() {
        FormatException e = refused("Practitioner?identifier=http://hl7.org/fhir/sid/us-ssn|123-45-6789");
        assertEquals("FHIR-INVALID-REFERENCE", e.code());
        assertTrue(e.getMessage().contains("national-id"), e.getMessage());
        assertFalse(e.getMessage().contains("123-45-6789"));
    }

    @Test
    void aNameIsRefusedNamingTheParameterNotTheValue() {
        FormatException e = refused("Practitioner?name=Featherstonehaugh");
        assertTrue(e.getMessage().contains("'name'"), e.getMessage());
        assertFalse(e.getMessage().contains("Featherstonehaugh"));
    }

    @Test
    void aDateIsRefusedBecauseItIsShifted() {
        assertTrue(refused("Encounter?date=2024-03-02").getMessage().contains("'date'"));
    }

    @Test
    void anUnknownParameterIsRefusedWithoutRepeatingIt() {
        FormatException e = refused("Practitioner?Hortensia=1");
        assertFalse(e.getMessage().contains("Hortensia"), e.getMessage());
    }

    @Test
    void aChainedParameterIsRefused() {
        assertTrue(refused("Observation?subject.name=x").getMessage().contains("chained"));
    }
}
