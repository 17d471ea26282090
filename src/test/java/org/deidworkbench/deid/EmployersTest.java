package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0234: an employer named after what a social history writes before it is replaced by {@code [EMPLOYER]}, as
 * HIPAA's Safe Harbor removes employers' names; what only looks like such a phrase keeps its words.
 */
class EmployersTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers()).scrub(text, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Works as a truck driver for Pineywoods Freight since 2010.|Works as a truck driver for [EMPLOYER] since 2010.",
        "TRUCK DRIVER FOR PINEYWOODS FREIGHT|TRUCK DRIVER FOR [EMPLOYER]",
        "Employed by Angelina Poultry Co. for 20 years.|Employed by [EMPLOYER] for 20 years.",
        "EMPLOYED AS WELDER AT LUFKIN INDUSTRIES|EMPLOYED AS WELDER AT [EMPLOYER]",
        "RETIRED FROM EXXON IN 2010, QUIT SMOKING|RETIRED FROM [EMPLOYER] IN 2010, QUIT SMOKING",
        "Social: works for UPS as a loader.|Social: works for [EMPLOYER] as a loader.",
        "Pt works for the Kessington Group.|Pt works for the [EMPLOYER].",
        "Job at Tyson Foods plant, day shift.|Job at [EMPLOYER] plant, day shift.",
        "Arbeitet bei Rautenberg Logistik GmbH als Fahrer.|Arbeitet bei [EMPLOYER] als Fahrer.",
        "Travaille chez Duvernoy depuis 2015.|Travaille chez [EMPLOYER] depuis 2015.",
        "Trabaja para Constructora Villaseñor.|Trabaja para [EMPLOYER].",
        "Werkt bij Hoogeveen Transport.|Werkt bij [EMPLOYER]."})
    void anEmployerAfterItsCueIsReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"works at Home Depot", "Return to work for Monday.", "works at ICU nights",
        "Worked for 30 years at the mill.", "Pt is seen for Follow Up at Clinic.", "works in retail",
        "RETURN TO WORK FOR PT", "Employed as a cashier.", "Retired from the Army.", "works for the county",
        "Driver at fault in MVC."})
    void whatOnlyLooksLikeAnEmployerStays(String text) {
        assertEquals(text, scrub(text));
    }

    @org.junit.jupiter.api.Test
    void aDeliveryAtAHospitalIsNoJobThere() {
        // the hospital's town is the places' finder's; "delivery" is an obstetric event before it, not an occupation
        assertEquals("Delivery at [LOCATION] Memorial Hospital at 38 weeks.",
                scrub("Delivery at Lufkin Memorial Hospital at 38 weeks."));
    }
}
