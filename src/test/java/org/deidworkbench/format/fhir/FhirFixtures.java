package org.deidworkbench.format.fhir;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.deid.PseudonymLedger;
import org.deidworkbench.deid.TestKeys;
import org.deidworkbench.model.FhirRule;
import org.deidworkbench.model.FhirSection;
import org.deidworkbench.model.FhirSelector;
import org.deidworkbench.model.Profile;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * Synthetic FHIR test data (every name, number, address and date invented here) and an engine on
 * the test key. The patient {@link #MRN} is the subject id; {@link #IDENTIFIERS} lists every value
 * that must not survive de-identification anywhere in an output, decoded attachments included.
 */
final class FhirFixtures {

    static final String MRN_SYSTEM = "http://hospital.example.org/mrn";
    static final String MRN = "MRN-7734219";
    static final String PATIENT_UUID = "urn:uuid:6f1c2a9e-4b7d-4e0a-9c3b-2d5e8f7a1b04";
    static final String ENCOUNTER_UUID = "urn:uuid:0b8e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    static final String NOTE_TEXT = "Discharge summary for Hortensia Quagmire-Blythe, DOB 07/14/1931, SSN 987-65-4329,"
            + " lives at 4417 Wintergreen Lane, Pemberton Falls. Phone 555-867-5309.";

    /** Every identifying value of the fixtures. */
    static final List<String> IDENTIFIERS = List.of("Hortensia", "Quagmire", "Blythe", MRN, "7734219", "987-65-4329",
            "987654329", "D1234-5678-9012", "4417", "Wintergreen", "Pemberton", "97321", "555-867-5309", "8675309",
            "hortensia.q@example.net", "1931-07-14", "07/14/1931", "Bartholomew", "Ignatius", "Featherstonehaugh",
            "ENC-448812", "dr-1", "pat-1", "6f1c2a9e-4b7d-4e0a-9c3b-2d5e8f7a1b04",
            "0b8e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b", "Maidenname", "asserter1");

    private FhirFixtures() {
    }

    /** The built-in fhir-safe-harbor profile. */
    static Profile safeHarbor() throws Exception {
        return ProfileLoader.builtIn("fhir-safe-harbor");
    }

    /**
     * The sections the scan's tests run under: the built-in profile's FHIR section, the same without its
     * FHIRPath rules and, with {@code identifierDefault}, that one with every value no rule names counted as
     * an identifier (where the scan may skip nothing).
     */
    static List<FhirSection> scanSections(boolean identifierDefault) throws Exception {
        FhirSection s = safeHarbor().section(FhirSection.KEY, FhirSection.class).orElseThrow();
        List<FhirRule> noPaths = s.rules().stream().filter(r -> !(r.selector() instanceof FhirSelector.FhirPath))
                .toList();
        FhirSection withoutPaths = new FhirSection(noPaths, s.defaultSpec(), s.defaultIdentifier(), null,
                s.resourceIds(), s.idDomain(), false, s.extensions(), s.source());
        if (!identifierDefault) {
            return List.of(s, withoutPaths);
        }
        FhirSection everythingAnIdentifier = new FhirSection(noPaths, s.defaultSpec(), true, null, s.resourceIds(),
                s.idDomain(), true, new FhirSection.ExtensionPolicy(true, List.of(), List.of()), s.source());
        return List.of(s, withoutPaths, everythingAnIdentifier);
    }

    /** A run over {@code section} (of the built-in profile) with an engine on the test key. */
    static FhirRun run(FhirSection section) throws Exception {
        return new FhirRun(engine(safeHarbor().withSection(section)), section);
    }

    /** An engine for {@code profile} on the test key. */
    static Deidentifier engine(Profile profile) throws Exception {
        return new Deidentifier(profile, TestKeys.keyRing(), new PseudonymLedger(), 2026);
    }

    static Patient patient() {
        Patient p = new Patient();
        p.setId("pat-1");
        p.addIdentifier().setSystem(MRN_SYSTEM).setValue(MRN).getType().addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/v2-0203").setCode("MR");
        p.addIdentifier().setSystem("http://hl7.org/fhir/sid/us-ssn").setValue("987-65-4329");
        p.addIdentifier().setSystem("urn:oid:2.16.840.1.113883.4.3.41").setValue("D1234-5678-9012").getType()
                .addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v2-0203").setCode("DL");
        p.addName().setFamily("Quagmire-Blythe").addGiven("Hortensia").setUse(org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL);
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("555-867-5309");
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("hortensia.q@example.net");
        p.addAddress().addLine("4417 Wintergreen Lane").setCity("Pemberton Falls").setState("OR").setPostalCode("97321")
                .setCountry("US");
        p.setGender(Enumerations.AdministrativeGender.FEMALE);
        p.setBirthDateElement(new DateType("1931-07-14"));
        p.addExtension(new Extension("http://hl7.org/fhir/StructureDefinition/patient-mothersMaidenName",
                new StringType("Maidenname")));
        p.addExtension(new Extension("http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex",
                new org.hl7.fhir.r4.model.CodeType("F")));
        p.addContact().setName(new org.hl7.fhir.r4.model.HumanName().setFamily("Quagmire").addGiven("Bartholomew"));
        p.addPhoto().setContentType("image/png").setData(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        p.setText(new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED));
        p.getText().setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hortensia <b>Quagmire-Blythe</b>,"
                + " 4417 Wintergreen Lane, born 1931-07-14</p></div>");
        return p;
    }

    /** A transaction Bundle: a Patient with everything that refers to her, in every reference form. */
    static Bundle transaction() {
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Patient p = patient();
        b.addEntry().setFullUrl(PATIENT_UUID).setResource(p).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient")
                .setIfNoneExist("identifier=" + MRN_SYSTEM + "|" + MRN);

        Practitioner dr = new Practitioner();
        dr.setId("dr-1");
        dr.addName().setFamily("Featherstonehaugh").addGiven("Ignatius");
        b.addEntry().setFullUrl("http://hospital.example.org/fhir/Practitioner/dr-1").setResource(dr).getRequest()
                .setMethod(Bundle.HTTPVerb.PUT).setUrl("Practitioner/dr-1");

        Encounter enc = new Encounter();
        enc.addIdentifier().setSystem("http://hospital.example.org/encounters").setValue("ENC-448812");
        enc.setStatus(Encounter.EncounterStatus.FINISHED);
        enc.getClass_().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("AMB");
        enc.setSubject(new Reference(PATIENT_UUID));
        enc.setPeriod(new Period().setStartElement(new DateTimeType("2024-03-02T09:15:00Z"))
                .setEndElement(new DateTimeType("2024-03-02T11:40:00Z")));
        enc.addParticipant().setIndividual(new Reference("Practitioner/dr-1"));
        b.addEntry().setFullUrl(ENCOUNTER_UUID).setResource(enc).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Encounter");

        Observation obs = new Observation();
        obs.setStatus(Observation.ObservationStatus.FINAL);
        obs.setCode(new CodeableConcept().setText("Dizziness assessment"));
        obs.setSubject(new Reference(PATIENT_UUID));
        obs.setEncounter(new Reference(ENCOUNTER_UUID));
        obs.addPerformer(new Reference("http://hospital.example.org/fhir/Practitioner/dr-1"));
        obs.setEffective(new DateTimeType("2024-03-02T10:00:00Z"));
        obs.setValue(new StringType("Hortensia reports dizziness since 02/28/2024"));
        obs.addNote(new Annotation().setText("Call Hortensia Quagmire-Blythe at 555-867-5309 or hortensia.q@example.net;"
                + " MRN " + MRN + "."));
        b.addEntry().setFullUrl("urn:uuid:3c2b1a09-8f7e-4d6c-8b5a-493827160504").setResource(obs).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");

        DocumentReference doc = new DocumentReference();
        doc.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        doc.setSubject(new Reference("Patient?identifier=" + MRN_SYSTEM + "|" + MRN));
        doc.setDescription("Discharge summary of Hortensia Quagmire-Blythe");
        doc.addContent().setAttachment(new Attachment().setContentType("text/plain; charset=utf-8")
                .setData(NOTE_TEXT.getBytes(StandardCharsets.UTF_8)).setTitle("summary-quagmire.txt"));
        doc.addContent().setAttachment(new Attachment().setContentType("image/png")
                .setData(new byte[] {(byte) 0x89, 'P', 'N', 'G', 9, 9}).setUrl("http://hospital.example.org/img/hortensia.png"));
        b.addEntry().setFullUrl("urn:uuid:5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d").setResource(doc).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("DocumentReference");

        Condition cond = new Condition();
        Practitioner contained = new Practitioner();
        contained.setId("asserter1");
        contained.addName().setFamily("Featherstonehaugh");
        cond.addContained(contained);
        cond.setAsserter(new Reference("#asserter1"));
        cond.setSubject(new Reference(PATIENT_UUID));
        cond.setCode(new CodeableConcept().setText("Vertigo"));
        cond.setOnset(new Age().setValue(93).setUnit("a").setSystem("http://unitsofmeasure.org").setCode("a"));
        cond.setRecordedDateElement(new DateTimeType("2024-03-02"));
        b.addEntry().setFullUrl("urn:uuid:7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9").setResource(cond).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("Condition");
        return b;
    }

    /** The same resources as a collection of standalone resources (NDJSON lines), with literal references. */
    static List<Resource> bulk() {
        Bundle t = transaction();
        Patient p = (Patient) t.getEntry().get(0).getResource();
        Encounter e = (Encounter) t.getEntry().get(2).getResource();
        e.setId("enc-1");
        e.setSubject(new Reference("Patient/pat-1"));
        Observation o = (Observation) t.getEntry().get(3).getResource();
        o.setId("obs-1");
        o.setSubject(new Reference("Patient/pat-1"));
        o.setEncounter(new Reference("Encounter/enc-1"));
        return List.of(p, e, o);
    }

    static String json(Resource r, boolean pretty) {
        return Fhir.context().newJsonParser().setPrettyPrint(pretty).encodeResourceToString(r);
    }

    static String xml(Resource r, boolean pretty) {
        return Fhir.context().newXmlParser().setPrettyPrint(pretty).encodeResourceToString(r);
    }
}
