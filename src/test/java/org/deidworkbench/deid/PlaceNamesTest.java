package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0121: places in free text that no column announced are found by what a note writes around them, in the
 * languages of the exports the project meets; clinical prose around them keeps its words.
 */
class PlaceNamesTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers()).scrub(text, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // where someone lives, comes from, goes
        "Pt lives in Kettering with her daughter.|Pt lives in [LOCATION] with her daughter.",
        "Sister lives in Tulsa.|Sister lives in [LOCATION].",
        "Resident of Visalia; works nights.|Resident of [LOCATION]; works nights.",
        "Moved to Winston-Salem in 2015.|Moved to [LOCATION] in 2015.",
        "Moved to Salt Lake City last year.|Moved to [LOCATION] last year.",
        "He was born in the Bronx and grew up in St. Louis.|He was born in the [LOCATION] and grew up in [LOCATION].",
        "Travelled to Guadalajara last month.|Travelled to [LOCATION] last month.",
        "transferred from Miami Valley Hospital overnight|transferred from [LOCATION] Hospital overnight",
        "lives in Reading with wife|lives in [LOCATION] with wife",
        "City: Kettering|City: [LOCATION]",
        // a residence by its own name, and its town (decision 0220)
        "F, 84. Lives at Willow Creek Manor, room 214.|F, 84. Lives at [LOCATION], room 214.",
        "Currently resides at Sunrise of Bellevue.|Currently resides at [LOCATION].",
        "Resides at Maple Grove Assisted Living since 2019.|Resides at [LOCATION] since 2019.",
        "45 yo man from Leeds, presenting with chest pain.|45 yo man from [LOCATION], presenting with chest pain.",
        "Patient from Bristol, visiting her sister.|Patient from [LOCATION], visiting her sister.",
        "Elderly gentleman from Great Yarmouth.|Elderly gentleman from [LOCATION].",
        "78-jährige Patientin aus Rosenheim, alleinlebend.|78-jährige Patientin aus [LOCATION], alleinlebend.",
        // German, French, Dutch, Spanish, Italian, Swedish
        "Patientin wohnt in 80331 München, allein.|Patientin wohnt in [LOCATION], allein.",
        "Wohnt 80331 Muenchen, allein.|Wohnt [LOCATION], allein.",
        "zuvor wohnhaft in Bad Tölz.|zuvor wohnhaft in [LOCATION].",
        "Lebt in Frankfurt am Main bei der Tochter.|Lebt in [LOCATION] bei der Tochter.",
        "Verlegt aus dem Klinikum Rosenheim.|Verlegt aus dem Klinikum [LOCATION].",
        "Wohnort: Garmisch-Partenkirchen|Wohnort: [LOCATION]",
        "PLZ/Ort: 80331 München|PLZ/Ort: [LOCATION]",
        "Lebt allein in 8001 Zürich.|Lebt allein in [LOCATION].",
        "Patiente domiciliée à Villeurbanne, veuve.|Patiente domiciliée à [LOCATION], veuve.",
        "Originaire de Saint-Étienne.|Originaire de [LOCATION].",
        "Transféré du CHU de Nantes.|Transféré du CHU de [LOCATION].",
        "Woont in Zaandam met echtgenote.|Woont in [LOCATION] met echtgenote.",
        "Paciente natural de Getafe, vive en Leganés.|Paciente natural de [LOCATION], vive en [LOCATION].",
        "Trasladado desde el Hospital de Cruces.|Trasladado desde el Hospital de [LOCATION].",
        "Paziente nata a Voghera, residente a Pavia.|Paziente nata a [LOCATION], residente a [LOCATION].",
        "Bor i Sundsvall med sin man.|Bor i [LOCATION] med sin man.",
        // a US state's code or name after the town, a county, a hospital's name
        "Retired teacher from Springfield, Illinois.|Retired teacher from [LOCATION], Illinois.",
        "Seen in Bozeman, MT last year.|Seen in [LOCATION], MT last year.",
        "Mail to Clovis, CA 93612.|Mail to [LOCATION], CA [ZIP].",
        "Kansas City, MO 64108|[LOCATION], MO [ZIP]",
        "Address: 12 High Street, Oxford OX3 9DU.|Address: [ADDRESS], [LOCATION] [ZIP].",
        "Referred from Royal Berkshire Hospital, Paddington.|Referred from [LOCATION] Hospital, [LOCATION].",
        "Wohnt Bahnhofstraße 12 in 80331 München.|Wohnt [ADDRESS] in [LOCATION].",
        "Lives alone at 14 Pemberton Sq, Somerville MA 02143; widowed.|Lives alone at [ADDRESS], [LOCATION] MA [ZIP]; widowed.",
        "Discharged home to Quincy, MA.|Discharged home to [LOCATION], MA.",
        "Outreach clinic in Cuyahoga County.|Outreach clinic in [LOCATION] County.",
        "Admitted at Kettering Memorial Hospital.|Admitted at [LOCATION] Memorial Hospital.",
        "Follow-up at Mayo Clinic.|Follow-up at [LOCATION] Clinic.",
        // in capitals throughout, words that are no words
        "PT LIVES IN TULSA WITH DAUGHTER|PT LIVES IN [LOCATION] WITH DAUGHTER",
        "DAYTON, OH 45402|[LOCATION], OH [ZIP]"})
    void placesNamedWhereANoteSaysSomeoneLivesOrGoes(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Anschrift: Hauptstraße 5, 80331 München|Anschrift: [ADDRESS]",
        "Berliner Straße 12, D-10115 Berlin; Kaiser-Wilhelm-Ring 5|[ADDRESS]; [ADDRESS]",
        "Wohnt Lindenweg 3a in Garching.|Wohnt [ADDRESS] in Garching.",
        "Adresse: 12 rue de la Paix, 75002 Paris|Adresse: [ADDRESS]",
        "Adresse : 3 bis avenue Jean Jaurès, 13005 Marseille.|Adresse : [ADDRESS].",
        "Domicile : 7, boulevard Gambetta|Domicile : [ADDRESS]",
        "Indirizzo: Via Giuseppe Garibaldi, 25, 00184 Roma|Indirizzo: [ADDRESS]",
        "Dirección: Calle Mayor 5, 28013 Madrid|Dirección: [ADDRESS]",
        "Adres: Kalverstraat 12, 1012 NX Amsterdam|Adres: [ADDRESS]",
        "Adress: Storgatan 5, 852 30 Sundsvall|Adress: [ADDRESS]"})
    void europeanStreetAddressesGoWithTheirPostcodeAndTown(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Monitoring 5 times daily. Scoring 3. Via NG tube 10 ml. Hearing 2. Platz 3 im Zimmer.",
        "3 cours de FOLFOX, 2 cycles.",
        "Mobile phone lost. Normal sinus rhythm. Hope to discharge. Reading glasses. Bath chair ordered.",
        "Transferred to ICU for monitoring.",
        "Lives at home with wife.", "Lives at NH; resides at ALF.", "Living at risk of falls.",
        "transferred to Department of Surgery",
        "transferred to Rehab on day 4",
        "Transferred to Step Down Unit overnight.",
        "Works in Radiology as a technician.",
        "Kommt aus der Notaufnahme.",
        "Wohnt allein, Tochter kommt täglich. Wohnt Tür an Tür mit der Schwester.",
        "Lives in Assisted Living Facility.",
        "Verlegt auf die Intensivstation.",
        "Lives in Ohio with her son.",
        "Moved from Mexico in childhood.",
        "Wohnt in Deutschland seit 1990.",
        "History of Stroke, MI, CHF.",
        "Markers: Ovarian, CA 125 raised.",
        "CXR, PA and lateral: clear.",
        "Seen at Children's Hospital, Cardiology Department.",
        "Result 12 in 2 hours.",
        "Diagnosed in 2019 Metformin was started.",
        "HTN, TX 2019 renal, stable",
        "Jane Doe, MD reviewed.",
        "Hospital Course: uneventful.",
        "Children's Hospital follow-up.",
        "Seen in Cardiology Clinic.",
        "Klinikum für Innere Medizin.",
        "Transferred to Hospital in the evening.",
        "Dayton,OH",
        "travelled to Europe",
        "SKILLED NURSING FACILITY",
        "Ort der Untersuchung Praxis",
        "Meeting at Town Hall today, City Council informed.",
        "Patient from ED, stable.",
        "Patient from home with her husband.",
        "Patient from Oncology for review.",
        "Patient from Nursing Home, bedbound.",
        "Patient from Theatre, extubated.",
        "Transferred to Recovery, then to Majors.",
        "Übernahme aus dem Aufwachraum.",
        "Patient from March to May on warfarin.",
        "Patientin aus der Notaufnahme übernommen."})
    void clinicalProseAroundCuesKeepsItsWords(String text) {
        assertEquals(text, scrub(text));
    }

    /** Decision 0184: a US clinic's note names towns after "in" and "from", and an address ends with its unit and town. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // towns the gazetteer knows, after a preposition
        "71M lives alone in Bayou La Batre, AL.|71M lives alone in [LOCATION], AL.",
        "Cardiology clinic at St. Vincent in Billings.|Cardiology clinic at St. Vincent in [LOCATION].",
        "Son drove him from Sedro-Woolley.|Son drove him from [LOCATION].",
        "He lives in Spanish Fork with his son; she works in Long Beach.|He lives in [LOCATION] with his son; she works in [LOCATION].",
        "Family in Marion; she flew to Boston.|Family in [LOCATION]; she flew to [LOCATION].",
        "Pt from Anchorage, now near Coeur d'Alene.|Pt from [LOCATION], now near [LOCATION].",
        "LIVES ALONE IN KALISPELL.|LIVES ALONE IN [LOCATION].",
        // a town before a state's code that a note also writes for other things ("AL", "CA"), known by the gazetteer
        "Mobile phone lost; moved to Mobile, AL in 1990.|Mobile phone lost; moved to [LOCATION], AL in 1990.",
        // a street with a direction or a number in it, a numbered road, the unit and the town after the street
        "Lives 905 N Pine St, Sedro-Woolley, with wife.|Lives [ADDRESS], [LOCATION], with wife.",
        "Pt lives at 1432 Foxglove Lane, Unit 3, Puyallup.|Pt lives at [ADDRESS], [LOCATION].",
        "Moved to 48 Elm Street, Apt 5, Missoula last month.|Moved to [ADDRESS], [LOCATION] last month.",
        "Address: 200 W 5th Ave, Apt 12B, Anchorage, AK 99501.|Address: [ADDRESS], [LOCATION], AK [ZIP].",
        "Lives at 4521 County Road 12, Mabank.|Lives at [ADDRESS], [LOCATION].",
        "Lives at 88 State Route 9, Tonopah. Farm at 8800 Highway 64.|Lives at [ADDRESS], [LOCATION]. Farm at [ADDRESS].",
        "Lives at 300 E Elm St Apt 4, with son.|Lives at [ADDRESS], with son.",
        "Mail: 1600 Pennsylvania Ave NW #4, Enumclaw; call first.|Mail: [ADDRESS], [LOCATION]; call first."})
    void townsAUsClinicNamesAndTheEndsOfItsAddresses(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Transitioned to comfort care; family in Comfort room.",
        "Lesion in Medulla on MRI.",
        "Referred in Afib from Lasix clinic; in NAD; switched from Norco to Percocet.",
        "Positive in Lyme disease serology; she has Addison's disease.",
        "Works in Radiology; in Spanish and English; from Home Health.",
        "Lives at 12 Elm Street, Daughter visits daily.",
        "Seen in ED from Urgent Care; back to Normal diet.",
        "Improvement in Energy and Comfort scores.",
        "Dr. Smith, MD; Jane Taylor, PA saw her.",
        // a ward or a service after a relative's name (decision 0225)
        "His wife Anna in Recovery, stable.",
        "Daughter Anna in ICU waiting room.",
        "Brother John from Oncology called back.",
        "son-in-law Pål Lund drove him to UNN.",
        "Her sister was in Surgery all day.",
        "Friend Tom from Radiology visited.",
        "Su hijo Pablo en Urgencias desde anoche.",
        "Zijn dochter Fleur uit Nederland belde.",
        "Son fils Paul en Pédiatrie depuis hier."})
    void wordsAfterTheSamePrepositionsStay(String text) {
        String out = scrub(text);
        assertEquals(false, out.contains("[LOCATION]"), out);
    }

    /**
     * Decision 0225: where a relative named in a note lives or comes from is a place, though no list knows the town (an
     * SDTM comment's "daughter Ingrid Østby-Lund in Tromsø"); the relative's name is the scrubber's, the place this
     * class's. A single ordinary word after the name is no place ({@link #wordsAfterTheSamePrepositionsStay}).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Subject fell at the home of his daughter Ingrid Østby-Lund in Tromsø; son drove him.|in [LOCATION]; son",
        "Son Erik Haugen from Trondheim called.|from [LOCATION] called",
        "Tochter Ingrid aus Tromsø angerufen.|aus [LOCATION] angerufen",
        "Hans datter Kari Nilsen i Bodø ringte.|i [LOCATION] ringte",
        "Wife Mary in Pocatello was informed.|in [LOCATION] was informed",
        // decision 0227: the relatives and prepositions of the other languages the scrubber reads names after
        "Appel de sa fille Camille à Annecy, inquiète.|à [LOCATION], inquiète",
        "Son fils Mathis de Besançon viendra demain.|de [LOCATION] viendra",
        "Zijn dochter Fleur uit Zwolle belde.|uit [LOCATION] belde",
        "Su hija Ximena en Tlaquepaque llamó.|en [LOCATION] llamó",
        "La figlia Giulia a Cesenatico ha chiamato.|a [LOCATION] ha chiamato",
        "O filho Tiago em Guimarães telefonou.|em [LOCATION] telefonou",
        "Córka Agnieszka z Wąchocka dzwoniła.|z [LOCATION] dzwoniła",
        "Neighbor Otis from Kalispell found her.|from [LOCATION] found",
        "Ihr Enkel Jonas aus Quedlinburg kam.|aus [LOCATION] kam",
        // decision 0228: the facility a biller or a case manager names after its kind (skilled nursing, assisted living,
        // long-term acute care), in a remarks field's capitals too
        "FELL AT HOME; DC TO SNF GRAPELAND MANOR. MBI ON FILE.|DC TO SNF [LOCATION]",
        "Discharged to SNF Whispering Pines Manor on day 5.|SNF [LOCATION] on day",
        "Admitted from ALF Bellweather Gardens with a fall.|ALF [LOCATION] with",
        "Transfer to LTACH Kessington Ridge for weaning.|LTACH [LOCATION] for"})
    void whereARelativeLivesOrAFacilityIsAPlace(String text, String expected) {
        String out = scrub(text);
        assertEquals(true, out.contains(expected), out);
    }

    /** Decision 0228: one word after a facility's kind is as often the case manager's noun as a facility's name. */
    @ParameterizedTest
    @ValueSource(strings = {"SNF Placement pending.", "DC TO SNF TOMORROW.", "Awaiting SNF bed; ALF declined.",
        "SNF Bed offered for Monday."})
    void aFacilityKindWithoutANameStays(String text) {
        assertEquals(text, scrub(text));
    }

    /**
     * Decision 0233: a hospital's name written wholly in capitals, as an extract's facility column or a remark writes it,
     * gives its town as the same name in mixed case does (the town was kept in capitals).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NACOGDOCHES MEMORIAL HOSPITAL|[LOCATION] MEMORIAL HOSPITAL",
        "Nacogdoches Memorial Hospital|[LOCATION] Memorial Hospital",
        "CROCKETT MEDICAL CENTER|[LOCATION] MEDICAL CENTER",
        "SENT FROM LUFKIN REGIONAL CLINIC FOR CT|SENT FROM [LOCATION] CLINIC FOR CT"})
    void aHospitalsNameInCapitalsGivesItsTown(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /**
     * Decision 0233: in capitals, an acronym before a facility word written otherwise, a service of three letters, the
     * generic words of a facility's kind and the services clinics are named by stay, in capitals and in mixed case.
     */
    @ParameterizedTest
    @ValueSource(strings = {"SKILLED NURSING FACILITY", "LONG TERM CARE HOSPITAL", "PSYCHIATRIC HOSPITAL",
        "CHILDRENS HOSPITAL", "MGH Clinic", "ENT CLINIC", "ORTHO CLINIC", "ANTICOAG CLINIC", "INFUSION CLINIC",
        "Diabetes Clinic", "Urgent Care Clinic", "DIALYSIS CLINIC", "Neuro Clinic"})
    void servicesAndKindsOfFacilitiesStay(String text) {
        assertEquals(text, scrub(text));
    }

    /** Decision 0243: a town of the gazetteer heading a text before a dash or a colon (a runner's own workout title). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Maumee - Half marathon with Henrietta|[LOCATION] - Half marathon with [NAME]",
        "Swanton \u2013 recovery ride|[LOCATION] \u2013 recovery ride",
        "Oak Harbor - 10 miles|[LOCATION] - 10 miles",
        "Perrysburg: seen for follow-up|[LOCATION]: seen for follow-up"})
    void aTownHeadingATextIsAPlace(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /** Headings that are no town, a state, a person's name, an ordinary word or an eponym's town stay. */
    @ParameterizedTest
    @ValueSource(strings = {"Diagnosis: chest pain", "Plan - rest", "Ohio - state park",
        "Anderson: seen today", "Hope - walk", "Parkinson - stable", "Mobile: none on file", "Marathon - 3:45",
        "Perrysburg", "Sylvania, hill repeats", "PERRYSBURG: SEEN"})
    void headingsOfNoTownStay(String text) {
        assertEquals(text, scrub(text));
    }
}
