package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.model.ActionSpec;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FHIR as US EHR vendors and payers export it (decision 0122), under the built-in profile, on the token path (NDJSON)
 * and on HAPI's (the same resources in an XML Bundle): a person's name in a reference's display, a bed's name, an
 * attachment pointing at its Binary, an imaging study's DICOM UIDs, the server in {@code meta.source}, an employer as
 * a coverage's group name. Each check fails without its fix.
 */
class FhirUsExportTest {

    @TempDir
    Path dir;

    private static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"pt1\",\"identifier\":[{\"type\":{\"coding\":"
            + "[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"MR\"}]},\"value\":\"M7712093\"}],"
            + "\"name\":[{\"family\":\"Quenneville\",\"given\":[\"Ottoline\"]}],\"birthDate\":\"1961-04-12\"}";

    private static final String ENCOUNTER = "{\"resourceType\":\"Encounter\",\"id\":\"e1\",\"meta\":{\"source\":"
            + "\"https://ehrprod07.valleyhosp.example/api/FHIR/R4#Zq81\"},\"status\":\"finished\",\"class\":{\"code\":\"IMP\"},"
            + "\"subject\":{\"reference\":\"Patient/pt1\"},"
            + "\"participant\":[{\"individual\":{\"reference\":\"Practitioner/pr1\",\"display\":\"Wystan Gallimore, MD\"}},"
            + "{\"individual\":{\"display\":\"Tamsin Oakenshaw RN\"}}],"
            + "\"period\":{\"start\":\"2023-02-06T22:41:00-05:00\",\"end\":\"2023-02-09T13:05:00-05:00\"},"
            + "\"hospitalization\":{\"destination\":{\"display\":\"Home with son Peregrine\"}},"
            + "\"location\":[{\"location\":{\"reference\":\"Location/bed1\",\"display\":\"VALLEY HOSP 3 WEST RM 318 BED B\"}}]}";

    private static final String PRACTITIONER = "{\"resourceType\":\"Practitioner\",\"id\":\"pr1\",\"name\":[{\"family\":"
            + "\"Gallimore\",\"given\":[\"Wystan\"]}]}";

    private static final String BED = "{\"resourceType\":\"Location\",\"id\":\"bed1\",\"name\":\"VALLEY HOSP 3 WEST RM 318 BED B\","
            + "\"alias\":[\"3W-318-B\"],\"physicalType\":{\"coding\":[{\"system\":"
            + "\"http://terminology.hl7.org/CodeSystem/location-physical-type\",\"code\":\"bd\"}]}}";

    private static final String WARD = "{\"resourceType\":\"Location\",\"id\":\"ward1\",\"name\":\"Cardiology ward\","
            + "\"physicalType\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/location-physical-type\","
            + "\"code\":\"wa\"}]}}";

    private static final String PROVENANCE = "{\"resourceType\":\"Provenance\",\"id\":\"pv1\",\"target\":[{\"reference\":"
            + "\"Encounter/e1\"}],\"recorded\":\"2023-02-09T15:31:07-05:00\",\"agent\":[{\"who\":{\"display\":"
            + "\"Tamsin Oakenshaw RN\"}}]}";

    private static final String SPECIMEN = "{\"resourceType\":\"Specimen\",\"id\":\"sp1\",\"subject\":{\"reference\":"
            + "\"Patient/pt1\"},\"collection\":{\"collector\":{\"display\":\"Ximena Brightwater, PCT\"},"
            + "\"collectedDateTime\":\"2023-02-07T06:10:00-05:00\"}}";

    private static final String COVERAGE = "{\"resourceType\":\"Coverage\",\"id\":\"cv1\",\"status\":\"active\","
            + "\"subscriber\":{\"display\":\"Hildebrand Quenneville\"},\"beneficiary\":{\"reference\":\"Patient/pt1\"},"
            + "\"payor\":[{\"display\":\"Buckeye Mutual Health Plan\"}],\"class\":[{\"type\":{\"coding\":[{\"code\":\"group\"}]},"
            + "\"value\":\"G100\",\"name\":\"Fairbairn Tool & Die\"}]}";

    private static final String BINARY = "{\"resourceType\":\"Binary\",\"id\":\"bin7\",\"contentType\":\"text/plain\","
            + "\"data\":\"SGVsbG8=\"}";

    private static final String DOCUMENT = "{\"resourceType\":\"DocumentReference\",\"id\":\"d1\",\"status\":\"current\","
            + "\"subject\":{\"reference\":\"Patient/pt1\"},\"content\":[{\"attachment\":{\"contentType\":\"text/plain\","
            + "\"url\":\"Binary/bin7\"}},{\"attachment\":{\"contentType\":\"application/pdf\","
            + "\"url\":\"https://ehrprod07.valleyhosp.example/docs/998.pdf\"}}]}";

    static final String STUDY_UID = "1.2.840.113619.2.417.3.99.1";
    static final String SERIES_UID = "1.2.840.113619.2.417.3.99.2";

    private static final String STUDY = "{\"resourceType\":\"ImagingStudy\",\"id\":\"is1\",\"status\":\"available\","
            + "\"identifier\":[{\"system\":\"urn:dicom:uid\",\"value\":\"urn:oid:" + STUDY_UID + "\"}],"
            + "\"subject\":{\"reference\":\"Patient/pt1\"},\"numberOfInstances\":212,\"series\":[{\"uid\":\"" + SERIES_UID
            + "\",\"modality\":{\"system\":\"http://dicom.nema.org/resources/ontology/DCM\",\"code\":\"CT\"},"
            + "\"performer\":[{\"actor\":{\"display\":\"Cosmo Ravenhill, RT\"}}]}]}";

    /** A pacemaker's UDI: the model's device identifier (GTIN) and the patient's own device's serial, lot and dates. */
    private static final String DEVICE = "{\"resourceType\":\"Device\",\"id\":\"dev1\",\"udiCarrier\":[{\"deviceIdentifier\":"
            + "\"00884521305219\",\"issuer\":\"http://hl7.org/fhir/NamingSystem/gs1-di\",\"jurisdiction\":"
            + "\"http://hl7.org/fhir/NamingSystem/fda-udi\",\"carrierHRF\":\"(01)00884521305219(17)270131(10)LQ2290(21)PXK771204\","
            + "\"carrierAIDC\":\"MDEwMDg4NDUyMTMwNTIxOTE3MjcwMTMxMTBMUTIyOTAdMjFQWEs3NzEyMDQ=\",\"entryType\":\"barcode\"}],"
            + "\"serialNumber\":\"PXK771204\",\"lotNumber\":\"LQ2290\",\"patient\":{\"reference\":\"Patient/pt1\"}}";

    static final List<String> RESOURCES = List.of(PATIENT, PRACTITIONER, ENCOUNTER, BED, WARD, PROVENANCE, SPECIMEN,
            COVERAGE, BINARY, DOCUMENT, STUDY, DEVICE);

    /** The resources as an NDJSON export (the token path) or an XML collection Bundle (HAPI's path); the output's text. */
    private String run(String format, FhirTestRun[] used) throws Exception {
        FhirTestRun run = FhirTestRun.safeHarbor();
        used[0] = run;
        return run.runAs(dir, format, RESOURCES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ndjson", "xml"})
    void aPersonsNameInAReferencesDisplayIsRemovedAndTheReferenceStillResolves(String format) throws Exception {
        String out = run(format, new FhirTestRun[1]);
        // names no Practitioner of the export holds: a nurse, an agent, a collector, a technologist, a subscriber
        FhirTestRun.assertNoIdentifier(out, List.of("Oakenshaw", "Tamsin", "Brightwater", "Ximena", "Ravenhill", "Cosmo",
                "Hildebrand", "Peregrine", "Gallimore", "Wystan"));
        assertTrue(out.contains("Practitioner/"), "the participant's reference is kept");
        assertTrue(out.contains("Buckeye Mutual Health Plan"), "a payer's display is no person's: kept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ndjson", "xml"})
    void aBedsNameAndAliasAreRemovedAndAWardKeepsItsName(String format) throws Exception {
        String out = run(format, new FhirTestRun[1]);
        FhirTestRun.assertNoIdentifier(out, List.of("VALLEY HOSP 3 WEST RM 318 BED B", "RM 318", "3W-318-B"));
        assertTrue(out.contains("Cardiology ward"), out);
    }

    /**
     * Decision 0124: a UDI keeps its device identifier (the model), issuer and jurisdiction; its carriers, which hold the
     * patient's device's serial, lot and dates, go with the serial and lot numbers.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ndjson", "xml"})
    void aUdiKeepsItsDeviceIdentifierAndLosesItsProductionIdentifiers(String format) throws Exception {
        String out = run(format, new FhirTestRun[1]);
        assertTrue(out.contains("00884521305219"), "the device identifier (GTIN) is kept");
        assertTrue(out.contains("http://hl7.org/fhir/NamingSystem/gs1-di") && out.contains("fda-udi"), "issuer, jurisdiction");
        FhirTestRun.assertNoIdentifier(out, List.of("PXK771204", "LQ2290", "(17)270131",
                "MDEwMDg4NDUyMTMwNTIxOTE3MjcwMTMxMTBMUTIyOTAdMjFQWEs3NzEyMDQ="));
        assertFalse(out.contains("carrierHRF") || out.contains("carrierAIDC"), "both carriers are removed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ndjson", "xml"})
    void theServerAndTheEmployerAreRemoved(String format) throws Exception {
        String out = run(format, new FhirTestRun[1]);
        FhirTestRun.assertNoIdentifier(out, List.of("ehrprod07.valleyhosp.example", "Fairbairn"));
        assertTrue(out.contains("G100") || out.contains("group"), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ndjson", "xml"})
    void anAttachmentsUrlNamingItsBinaryStillFindsIt(String format) throws Exception {
        String out = run(format, new FhirTestRun[1]);
        Matcher url = Pattern.compile("\"url\":\"Binary/([^\"]+)\"|<url value=\"Binary/([^\"]+)\"").matcher(out);
        assertTrue(url.find(), "the attachment keeps a url naming a Binary");
        String id = url.group(1) != null ? url.group(1) : url.group(2);
        assertFalse(id.equals("bin7"), "the Binary's id is keyed");
        assertTrue(out.contains("\"resourceType\":\"Binary\",\"id\":\"" + id + "\"") || out.contains("<id value=\"" + id + "\""),
                "the url names the Binary's new id");
        assertFalse(out.contains("/docs/998.pdf"), "an absolute url (a server) is still removed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ndjson", "xml"})
    void anImagingStudysUidsGetTheKeyedUidsTheDicomFilesGet(String format) throws Exception {
        FhirTestRun[] used = new FhirTestRun[1];
        String out = run(format, used);
        FhirTestRun.assertNoIdentifier(out, List.of(STUDY_UID, SERIES_UID));
        ActionSpec remap = new ActionSpec.RemapUid();
        String study = used[0].engine.method(remap).apply(STUDY_UID, new FieldContext(null, "StudyInstanceUID"));
        String series = used[0].engine.method(remap).apply(SERIES_UID, new FieldContext(null, "SeriesInstanceUID"));
        assertTrue(study.startsWith("2.25.") && series.startsWith("2.25."), "keyed 2.25. UIDs");
        assertTrue(out.contains("urn:oid:" + study), "the study's identifier keeps its urn:oid: form with the keyed UID");
        assertTrue(out.contains(series), "the series' uid is the keyed UID");
        List<String> ints = new ArrayList<>();
        Matcher m = Pattern.compile("numberOfInstances\"?(?::| value=\")\"?(\\d+)").matcher(out);
        while (m.find()) {
            ints.add(m.group(1));
        }
        assertEquals(List.of("212"), ints);
    }
}
