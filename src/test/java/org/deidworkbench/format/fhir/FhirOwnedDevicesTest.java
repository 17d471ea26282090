package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0238: a Device's user-friendly name and an Observation's device display name the owner of a phone or a watch
 * ("Ysolde’s Apple Watch", as the devices name themselves); the owner goes and the device stays, on the token path
 * (NDJSON) and on HAPI's (an XML Bundle). Both were kept before.
 */
class FhirOwnedDevicesTest {

    @TempDir
    Path dir;

    private static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"name\":[{\"family\":\"Fennimore\","
            + "\"given\":[\"Ottoline\"]}],\"birthDate\":\"1948-02-11\"}";

    private static final String DEVICE = "{\"resourceType\":\"Device\",\"id\":\"d1\",\"deviceName\":[{\"name\":"
            + "\"Ysolde\u2019s Apple Watch\",\"type\":\"user-friendly-name\"},{\"name\":\"Apple Watch\",\"type\":"
            + "\"model-name\"}],\"patient\":{\"reference\":\"Patient/p1\"}}";

    private static final String OBSERVATION = "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\","
            + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8867-4\",\"display\":\"Heart rate\"}]},"
            + "\"subject\":{\"reference\":\"Patient/p1\"},\"effectiveDateTime\":\"2024-01-08T07:00:00-05:00\","
            + "\"valueQuantity\":{\"value\":72,\"unit\":\"/min\"},\"device\":{\"reference\":\"Device/d1\",\"display\":"
            + "\"Marguerite Vukovic-Adeyemi's iPhone\"}}";

    @ParameterizedTest
    @ValueSource(strings = {"ndjson", "xml"})
    void aDeviceNamedAfterItsOwnerLosesTheOwner(String format) throws Exception {
        String out = FhirTestRun.safeHarbor().runAs(dir, format, List.of(PATIENT, DEVICE, OBSERVATION));
        FhirTestRun.assertNoIdentifier(out, List.of("Ysolde", "Marguerite", "Vukovic", "Adeyemi", "Fennimore", "Ottoline"));
        assertTrue(out.contains("Apple Watch"), "the device's model stays");
        assertTrue(out.contains("s iPhone"), "the device stays, without its owner");
        assertTrue(out.contains("Heart rate"), "the code is kept");
    }
}
