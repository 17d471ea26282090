package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deidworkbench.deid.classify.NameDictionary;

/**
 * Places that no table announced, in free text (decision 0121). HIPAA's Safe Harbor removes every geographic
 * subdivision smaller than a state, and a note names them without a column to learn them from: "lives in Kettering",
 * "Bozeman, MT", "Resident of Visalia, CA", "wohnhaft in Bad Tölz", "verlegt aus dem Klinikum Rosenheim". A list of
 * every town on earth would take "Reading", "Mobile" and "Normal" from every note, so the places are found by what
 * stands around them:
 * <ul>
 * <li>after a phrase that says where someone lives, comes from or goes ("lives in", "moved to", "born in",
 * "man from", "Patientin aus",
 * "wohnt in", "habite à", "woont in", "vive en", "abita a", "bor i", where a patient was seen ("seen at Kaikohe";
 * decision 0136), and a label such as "City:" or "Wohnort:"), up to five capitalised words ("New York", "Frankfurt am Main", "St. Louis", "Winston-Salem");
 * <li>before a US state's code or name after a comma ("Dayton, OH", "Springfield, Illinois"); state codes that are
 * also clinical abbreviations ("MI", "CA", "PA", "MD", "VT", ...) only with a ZIP code after them;
 * <li>a hospital's name: the capitalised words before "Hospital", "Medical Center", "Clinic" ("Miami Valley
 * Hospital", when one of them is not an ordinary word) and after "Klinikum", "Krankenhaus", "Hôpital",
 * "Ospedale", "Ziekenhuis" or a Spanish "Hospital de";
 * <li>a county or parish ("Cuyahoga County").
 * </ul>
 * A US state, a country or a continent (in English, German, French, Spanish, Italian, Dutch or Swedish) is kept: it is
 * not smaller than a state. After a phrase of moving ("transferred to", "verlegt nach"), a single ordinary word is
 * kept ("transferred to Rehab"); after one of living ("lives in Reading") it is a place too. Stateless.
 */
final class PlaceNames {

    private static final NameDictionary WORDS = NameDictionary.get();

    /** Phrases after which someone's dwelling, origin or destination is named; lower case, words by one space. */
    private static final List<String> LIVING = List.of(
            "lives in", "living in", "lived in", "live in", "resides in", "residing in", "resided in", "resident of",
            // a residence named by its own name ("Lives at Willow Creek Manor, room 214"; decision 0220)
            "lives at", "living at", "lived at", "resides at", "residing at", "resided at",
            "residence in", "born in", "native of", "grew up in", "raised in", "is from", "was from", "originally from",
            "hometown", "home town", "city of", "town of", "village of", "home in", "house in",
            "wohnt in", "wohnhaft in", "wohnte in", "lebt in", "lebte in", "stammt aus", "gebürtig aus",
            "geboren in", "wohnhaft", "wohnt",
            "habite à", "habite a", "domicilié à", "domiciliée à", "domicilié a", "domiciliée a", "demeurant à",
            "résidant à", "réside à", "vit à", "originaire de", "né à", "née à",
            "woont in", "woont te", "woonachtig te", "woonachtig in", "geboren te", "afkomstig uit",
            "vive en", "reside en", "residente en", "natural de", "nacido en", "nacida en", "vecino de", "vecina de",
            "domiciliado en", "domiciliada en",
            "vive a", "abita a", "residente a", "residente in", "nato a", "nata a", "domiciliato a", "domiciliata a",
            "bor i", "född i", "boende i", "bosatt i");

    private static final List<String> MOVING = List.of(
            "moved to", "moved from", "moved here from", "moving to", "relocated to", "relocated from",
            "transferred from", "transferred to", "transferred here from", "transfer from", "transfer to",
            "travelled to", "traveled to", "travelled from", "traveled from", "travel to", "trip to", "returned from",
            "returning from", "vacation in", "holiday in", "visiting from", "comes from", "came from", "works in",
            // where a patient was seen ("seen at Kaikohe"; decision 0136): a clinic's town, or a ward or a service
            "seen at", "reviewed at",
            "worked in", "stays in", "staying in", "kommt aus",
            "zugezogen aus", "verzogen nach", "umgezogen nach", "verlegt aus", "verlegt nach", "verlegt in",
            "zuverlegt aus", "übernahme aus",
            "transféré de", "transférée de", "transféré à", "transférée à",
            "verhuisd naar", "verhuisd van", "overgeplaatst vanuit", "overgeplaatst uit",
            "procedente de", "trasladado desde", "trasladada desde", "trasladado a", "trasladada a",
            "proveniente da", "trasferito da", "trasferita da",
            "flyttat till", "flyttade till", "flyttat från", "flyttade från",
            // a person and where they come from ("45 yo man from Leeds", "Patientin aus Rosenheim")
            "patient from", "pt from", "man from", "woman from", "male from", "female from", "gentleman from",
            "lady from", "boy from", "girl from", "child from", "infant from", "toddler from", "teenager from",
            "family from", "couple from", "farmer from", "visitor from", "tourist from", "student from",
            "hails from", "patient aus", "patientin aus", "mann aus", "junge aus", "mädchen aus", "rentner aus",
            "rentnerin aus", "landwirt aus");

    /** Words that label a place when a colon follows them ("City: Dayton", "Wohnort: Bad Tölz"). Lower case. */
    private static final Set<String> LABELS = Set.of("city", "town", "hometown", "residence", "birthplace",
            "ort", "wohnort", "stadt", "geburtsort", "heimatort", "ville", "commune", "ciudad", "localidad",
            "municipio", "città", "citta", "comune", "plaats", "woonplaats", "stad", "hemort", "bostadsort");

    /** Words after which a hospital's place-name follows ("Klinikum Rosenheim", "Hospital de Cruces"). Lower case. */
    private static final Set<String> FACILITY_BEFORE = Set.of("klinikum", "krankenhaus", "kreisklinik",
            "kreiskrankenhaus", "kreisklinikum", "spital", "kantonsspital", "universitätsklinikum", "uniklinikum",
            "uniklinik", "hôpital", "hopital", "clinique", "ospedale", "policlinico", "ziekenhuis", "sjukhus",
            "hospital", "chu", "chr");

    /** Words before which a hospital's name stands ("Miami Valley Hospital", "Mercy Medical Center"). */
    private static final Set<String> FACILITY_AFTER = Set.of("hospital", "clinic", "infirmary", "medical",
            "health", "healthcare", "memorial", "nursing", "rehabilitation", "rehab", "hospice", "sanatorium");

    /**
     * The kinds of facility a patient is discharged to or comes from, as a biller or a case manager abbreviates them
     * before the facility's name ("DC TO SNF GRAPELAND MANOR", "from ALF Whispering Pines"; decision 0228): skilled
     * nursing, assisted living, long-term acute care, inpatient rehabilitation, extended care. Two or more capitalised
     * words after one are a place, read as after "lives in" ({@link #facilityAfterKind}). Lower case.
     */
    private static final Set<String> FACILITY_KINDS = Set.of("snf", "alf", "ltach", "ltac", "irf", "ecf");

    /** The second word of a two-word facility ending ("Medical Center", "Nursing Home"), by its first word. */
    private static final Map<String, Set<String>> FACILITY_AFTER_SECOND = Map.of(
            "medical", Set.of("center", "centre", "group"), "health", Set.of("center", "centre", "system"),
            "nursing", Set.of("home", "facility"), "rehabilitation", Set.of("center", "centre", "hospital"),
            "rehab", Set.of("center", "centre"), "memorial", Set.of("hospital"));

    /** Words of a hospital's name that name no place ("Children's Hospital", "Methodist Hospital"). Lower case. */
    private static final Set<String> GENERIC_FACILITY_WORDS = Set.of("children", "childrens", "women", "womens",
            "university", "general", "community", "regional", "state", "veterans", "district", "teaching",
            "psychiatric", "mental", "cancer", "heart", "eye", "specialty", "surgical", "city", "county", "central",
            "north", "south", "east", "west", "saint", "mercy", "methodist", "baptist", "presbyterian", "lutheran",
            "catholic", "adventist", "jewish", "shriners", "kindred", "select", "behavioral", "orthopedic",
            "orthopaedic", "pediatric", "paediatric", "maternity", "military", "army", "naval", "navy", "federal",
            "skilled", "acute", "care", "assisted", "living", "home", "long", "term", "inpatient", "outpatient",
            // a clinic's service, as departments are named in an extract ("ANTICOAG CLINIC", "Ortho Clinic"; 0233)
            "ortho", "orthopedics", "neuro", "neurology", "cardio", "cardiac", "derm", "peds", "pediatrics", "onc",
            "uro", "urology", "obgyn", "psych", "rheum", "rheumatology", "pulm", "pulmonary", "pulmonology", "nephro",
            "nephrology", "gastro", "endo", "endocrine", "endocrinology", "ophtho", "ophthalmology", "urgent",
            "diabetes", "anticoag", "anticoagulation", "coumadin", "warfarin", "infusion", "allergy", "spine", "sports",
            "vascular", "lung", "liver", "ankle", "knee", "fertility", "podiatry", "imaging", "lab", "laboratory", "hiv",
            "ent", "transplant", "hepatology", "hematology", "heme", "geriatric", "geriatrics", "internal", "medicine",
            "primary", "walkin", "express", "occupational", "prenatal", "neonatal", "trauma", "burn", "dental",
            "audiology", "therapy", "obesity", "lipid", "hypertension", "asthma", "copd", "genetics", "plastics",
            "colorectal", "thoracic", "pelvic", "wellness", "vaccine", "immunization");

    /** Last words of a ward or a service, which a phrase of moving names ("transferred to Step Down Unit"). */
    private static final Set<String> WARD_WORDS = Set.of("unit", "floor", "ward", "room", "station", "wing",
            "department", "service", "team", "bed", "care", "suite", "area", "deck", "level", "facility", "program",
            "programme", "rehab", "reha", "hospice", "home", "intensivstation", "normalstation", "heim", "pflegeheim",
            "hause", "ambulanz", "notaufnahme", "unité", "réanimation", "afdeling", "planta", "reparto",
            "avdelning", "theatre", "theatres", "theater", "recovery", "resus", "resuscitation", "triage", "casualty",
            "majors", "minors", "outpatients", "inpatients", "endoscopy", "radiology", "dialysis", "oncology",
            "cardiology", "neurology", "maternity", "labour", "labor", "nursery", "pharmacy", "clinic", "surgery",
            "urgences", "ambulatorium", "op", "aufwachraum", "kreißsaal", "kreisssaal", "kreissaal",
            // the services a patient is seen at ("seen at Rheumatology"; decision 0136)
            "rheumatology", "dermatology", "orthopaedics", "orthopedics", "paediatrics", "pediatrics", "urology",
            "gynaecology", "gynecology", "obstetrics", "haematology", "hematology", "nephrology", "gastroenterology",
            "endocrinology", "respiratory", "psychiatry", "ophthalmology", "physiotherapy", "podiatry", "audiology",
            "emergency", "outpatient", "antenatal", "postnatal", "pathology", "imaging", "ultrasound", "laboratory",
            // the same services in the languages of a relative's prepositions ("sa fille Anne en Pédiatrie", "su hijo
            // en Urgencias"; decision 0227)
            "pédiatrie", "cardiologie", "oncologie", "chirurgie", "maternité", "radiologie", "gériatrie", "neurologie",
            "psychiatrie", "kardiologie", "onkologie", "pädiatrie", "geriatrie", "kinderafdeling", "spoedeisende",
            "urgencias", "pediatría", "cardiología", "oncología", "cirugía", "maternidad", "uci", "pediatria",
            "cardiologia", "oncologia", "chirurgia", "rianimazione", "cirurgia", "urgência", "maternidade", "sor",
            "oiom");

    private static final Set<String> SUBDIVISIONS = Set.of("county", "parish", "borough", "township", "landkreis");

    /**
     * Lower-case connectors inside a place's name ("Frankfurt am Main", "Rothenburg ob der Tauber"; "Sunrise of
     * Bellevue", a residence and its town, decision 0220).
     */
    private static final Set<String> CONNECTORS = Set.of("am", "an", "der", "im", "ob", "bei", "de", "del", "la",
            "le", "les", "sur", "sous", "en", "upon", "on", "di", "da", "van", "aan", "den", "du", "des", "y", "of");

    /** Articles between a cue and the place ("born in the Bronx", "aus dem Klinikum"). */
    private static final Set<String> ARTICLES = Set.of("the", "dem", "der", "den", "die", "le", "la", "les", "el",
            "il", "lo", "het", "de");

    private static final Set<String> NOT_PLACES = Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "herr", "frau",
            "mme", "mlle", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
            "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
            "december", "i", "he", "she", "we", "they", "his", "her", "their", "our", "my", "er", "sie", "il", "elle",
            "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "januar", "februar",
            "märz", "juni", "juli", "oktober", "dezember", "[name]", "patient", "patientin",
            // a house number's label after "Residence:" ("Residence: No. 14, 3rd Main Road"; decision 0245)
            "no", "nr", "plot", "apt");

    /** US states and territories by their two-letter code. */
    private static final Set<String> STATE_CODES = TextScrubber.US_STATE_CODES;

    /**
     * State codes that a note rarely uses for anything else after a comma; the others ("MI" infarction, "CA" cancer
     * or calcium, "PA", "MD", "DO"-like titles, "VT", "SD", "NC", "CT", "GA", "DC", ...) need a ZIP code after them.
     */
    private static final Set<String> PLAIN_STATE_CODES = Set.of("AK", "AZ", "FL", "IL", "IA", "KS", "KY", "MA", "MN",
            "MT", "NV", "NH", "NJ", "NY", "OH", "RI", "TN", "TX", "UT", "WI", "WV", "WY");

    /** Codes that are a clinician's title as often as a state's ("Taylor, MD", "Jones, PA"): they still need a ZIP. */
    private static final Set<String> TITLE_CODES = Set.of("MD", "PA", "MS", "ME", "DO");

    private static final List<String> STATE_NAMES = List.of("Alabama", "Alaska", "Arizona", "Arkansas",
            "California", "Colorado", "Connecticut", "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois",
            "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan",
            "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
            "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
            "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia",
            "Washington", "West Virginia", "Wisconsin", "Wyoming", "Puerto Rico");

    /** States, countries and continents, upper case: places no smaller than a state, which are kept. */
    private static final Set<String> LARGE_PLACES = largePlaces();

    private static final Map<String, List<String[]>> PHRASES_BY_FIRST = new HashMap<>();
    private static final Set<String> LIVING_PHRASES = new HashSet<>(LIVING);
    /**
     * Phrases that name a place only before a postcode: "Wohnt 80331 München" is an address, "wohnt allein", "wohnt
     * Tür an Tür" are none (German nouns are written with a capital).
     */
    private static final Set<String> BEFORE_POSTCODE_ONLY = Set.of("wohnt");

    static {
        for (String p : concat(LIVING, MOVING)) {
            String[] words = p.split(" ");
            PHRASES_BY_FIRST.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
        }
    }

    /** Prepositions before a postcode and its town. Lower case. */
    private static final Set<String> POSTCODE_PREPOSITIONS = Set.of("in", "à", "a", "en", "te", "i", "nach", "aus",
            "at");

    /**
     * Prepositions after which a town the gazetteer knows by name is a place ("lives alone in Bayou La Batre", "drove him
     * from Sedro-Woolley", "a clinic in Billings"; decision 0184). Not "at", and "to" only after a verb of going
     * ({@link #GOING}): "switched to", "seen at" name drugs and clinics as often. Lower case.
     */
    private static final Set<String> GAZETTEER_CUES = Set.of("in", "from", "near", "outside", "around", "toward",
            "towards", "via", "to");

    /**
     * Relatives and the people a note names beside them, before where they live or come from ("his daughter Ingrid
     * Østby-Lund in Tromsø", "Son Erik Haugen from Trondheim called", "sa fille Camille à Annecy", "zijn dochter Fleur
     * uit Zwolle"; decisions 0225, 0227): the capitalised words after the person's name and one of
     * {@link #RELATIVE_PLACE_PREPOSITIONS} are a place, as after "lives in", though no list knows the town. The relatives
     * of the scrubber's name cues ({@code TextScrubber.NAME_CUES}), in the same languages, without its clinical titles
     * (a nurse's service is no home). Lower case.
     */
    private static final Set<String> RELATIVES = Set.of("daughter", "son", "wife", "husband", "sister", "brother",
            "mother", "father", "mom", "mum", "dad", "niece", "nephew", "aunt", "uncle", "cousin", "grandson",
            "granddaughter", "grandmother", "grandfather", "partner", "spouse", "fiancé", "fiancée", "boyfriend",
            "girlfriend", "stepdaughter", "stepson", "friend", "neighbor", "neighbour", "roommate",
            // German, Scandinavian
            "tochter", "sohn", "ehefrau", "ehemann", "schwester", "bruder", "mutter", "vater", "enkel", "enkelin",
            "nichte", "neffe", "tante", "onkel", "lebensgefährte", "lebensgefährtin", "datter", "sønn", "søn", "kone",
            "søster", "bror", "dotter", "fru", "syster", "hustru", "maka", "sambo",
            // French, Dutch
            "fille", "fils", "épouse", "époux", "mari", "mère", "père", "frère", "sœur", "soeur", "compagne",
            "compagnon", "dochter", "zoon", "echtgenote", "echtgenoot", "moeder", "vader", "broer", "zus",
            // Spanish, Italian, Portuguese
            "hija", "hijo", "esposa", "esposo", "marido", "madre", "padre", "hermana", "hermano", "nieta", "nieto",
            "abuela", "abuelo", "figlia", "figlio", "moglie", "marito", "sorella", "fratello", "nonna", "nonno",
            "filha", "filho", "mãe", "pai", "irmã", "irmão", "neta", "neto", "avó", "avô",
            // Polish
            "córka", "syn", "mąż", "żona", "matka", "ojciec", "brat", "siostra", "wnuczka", "wnuk", "synowa", "zięć",
            "sąsiad", "sąsiadka");

    /**
     * What stands between a relative's name and the place: "in", "from", "aus", "i", "fra", "från", and (decision 0227)
     * French "à", "de", "en", Dutch "uit", Spanish "en", "de", Italian "a", "da", Portuguese "em", "de", Polish "w", "z".
     */
    private static final Set<String> RELATIVE_PLACE_PREPOSITIONS = Set.of("in", "from", "aus", "i", "fra", "från", "à",
            "de", "en", "uit", "a", "da", "em", "w", "z");

    /** The verbs of going before "to" that make a town of the gazetteer after it a place ("flew to Boston"). */
    private static final Set<String> GOING = Set.of("flew", "fly", "flies", "flying", "drove", "drive", "drives",
            "driving", "went", "go", "goes", "going", "gone", "headed", "heading", "return", "returns", "returned",
            "returning", "commutes", "commuted", "commuting", "travels", "move", "moves", "moving", "moved", "back",
            "trip", "trips", "visit", "visits", "relocate", "relocated", "relocating");

    /**
     * Towns whose names a note writes for something else after "in" or "from": eponyms, drugs, scores and the clinics
     * named after them ("in Lyme", "from Norco", "Wells", "from Mayo"); such a town is read when a state follows it
     * ({@link #cityBeforeState}). Upper case.
     */
    private static final Set<String> NOT_TOWNS_ALONE = Set.of("ADDISON", "WILSON", "LYME", "GRAVES", "BELL", "PAGET",
            "CUSHING", "PARKINSON", "TURNER", "REYNOLDS", "HORNER", "BETHESDA", "FRAMINGHAM", "NORWALK", "COXSACKIE",
            "MARBURG", "NORCO", "WELLS", "MAYO", "HOPKINS", "APGAR", "CANADIAN", "DUKE", "HODGKIN", "CROHN", "MARFAN",
            "KAWASAKI", "BROCA", "WERNICKE", "BAKER", "COLLES", "CHARCOT", "DUPUYTREN", "HASHIMOTO", "BARRETT", "BOWEN",
            "KAPOSI", "EMORY", "VANDERBILT");

    /**
     * The towns of the gazetteer (decision 0184), loaded on first use: each name, and whether it is also an ordinary
     * word alone ("Comfort", "Medulla"), which is not taken after a preposition.
     */
    private static final class Gazetteer {
        static final Map<String, Boolean> NAMES = load();

        private static Map<String, Boolean> load() {
            String resource = "place-names.txt";
            Map<String, Boolean> out = new HashMap<>(32_768);
            try (java.io.InputStream in = PlaceNames.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " missing from the build");
                }
                java.io.BufferedReader r = new java.io.BufferedReader(
                        new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isEmpty() && line.charAt(0) != '#') {
                        int tab = line.indexOf('\t');
                        out.put(tab < 0 ? line : line.substring(0, tab), tab >= 0 && line.endsWith("W"));
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out;
        }
    }

    /** The most words of a gazetteer name this class reads ("Bayou La Batre", "Lake Havasu City"). */
    private static final int GAZETTEER_WORDS = 4;

    /** Hashes of every word that can start a find ({@link #mayHold}), sorted. */
    private static final long[] TRIGGERS = java.util.stream.Stream.of(PHRASES_BY_FIRST.keySet().stream(),
            LABELS.stream(), FACILITY_BEFORE.stream(), FACILITY_AFTER.stream(), SUBDIVISIONS.stream(),
            POSTCODE_PREPOSITIONS.stream(), GAZETTEER_CUES.stream(), RELATIVES.stream(), FACILITY_KINDS.stream())
            .flatMap(s -> s).mapToLong(w -> hash(w, 0, w.length())).distinct().sorted().toArray();

    private PlaceNames() {
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Whether the words (upper case) name a US state (or its code), a country or a continent: a place that is kept. */
    static boolean large(String upper) {
        return LARGE_PLACES.contains(upper) || STATE_CODES.contains(upper);
    }

    private static Set<String> largePlaces() {
        Set<String> out = new HashSet<>();
        for (String s : STATE_NAMES) {
            out.add(s.toUpperCase(Locale.ROOT));
        }
        List<Locale> languages = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.ITALIAN,
                Locale.forLanguageTag("es"), Locale.forLanguageTag("nl"), Locale.forLanguageTag("sv"));
        for (String country : Locale.getISOCountries()) {
            Locale l = new Locale("", country);
            for (Locale language : languages) {
                out.add(l.getDisplayCountry(language).toUpperCase(Locale.ROOT));
            }
        }
        out.addAll(List.of("USA", "U.S.", "US", "UK", "AMERICA", "EUROPE", "AFRICA", "ASIA", "EUROPA", "AFRIKA",
                "ASIEN", "EUROPE", "AFRIQUE", "ASIE", "ÁFRICA", "ASIA", "AUSTRALIA", "ENGLAND", "SCOTLAND", "WALES",
                "NORTHERN IRELAND", "BAYERN", "BAVARIA", "DEUTSCHLAND", "SCHWEIZ", "ÖSTERREICH", "CANADA",
                "THE PHILIPPINES", "THE NETHERLANDS", "THE UNITED STATES", "THE US", "THE USA", "THE UK"));
        return Set.copyOf(out);
    }

    private static long hash(CharSequence s, int from, int to) {
        return TextScrubber.lowerHash(s, from, to);
    }

    /** Whether a US state's code or name follows the comma at {@code comma} after one or two spaces. */
    private static boolean stateAfterComma(String text, int comma) {
        int n = text.length();
        int i = comma + 1;
        while (i < n && i - comma <= 2 && text.charAt(i) == ' ') {
            i++;
        }
        if (i == comma + 1 || i >= n || !Character.isUpperCase(text.charAt(i))) {
            return false;
        }
        if (i + 2 <= n && STATE_CODES.contains(text.substring(i, i + 2)) && (i + 2 == n || !letter(text, i + 2))) {
            return true;
        }
        return stateNameAt(text, i);
    }

    /**
     * Whether the text may name a place this class finds: a word of its cues, or a US state after a comma. No
     * allocation apart from a state code's two letters; false for most coded values and short texts.
     */
    static boolean mayHold(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == ',' && stateAfterComma(text, i)) {
                return true;
            }
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int start = i;
            i = TextScrubber.letterRunEnd(text, i);
            if (java.util.Arrays.binarySearch(TRIGGERS, hash(text, start, i)) >= 0) {
                return true;
            }
            if (i - start == 2 && Character.isUpperCase(c) && Character.isUpperCase(text.charAt(start + 1))
                    && STATE_CODES.contains(text.substring(start, i)) && zipAfter(text, i)) {
                return true; // "Somerville MA 02143"
            }
            if (i - start <= 2 && i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9' && ukPostcodeAt(text, start)) {
                return true; // "Oxford OX4 1HP"
            }
            if (i - start <= 3 && Character.isUpperCase(c) && HealthNumbers.postcodeAfterRegion(text, start, i)) {
                return true; // "Surry Hills NSW 2010", "Ottawa ON K1M 2C4"
            }
        }
        return false;
    }

    /** The places of the text, as [start, end) pairs in text order; each is to be replaced by {@code [LOCATION]}. */
    static List<int[]> find(String text) {
        List<int[]> out = new ArrayList<>();
        townHeadingText(text, out);
        if (!mayHold(text)) {
            return out;
        }
        List<int[]> w = words(text);
        boolean upper = !hasLowerCase(text);
        for (int t = 0; t < w.size(); t++) {
            if (java.util.Arrays.binarySearch(TRIGGERS, hash(text, w.get(t)[0], w.get(t)[1])) < 0) {
                continue; // most words: no copy of them
            }
            String lower = lower(text, w.get(t));
            List<String[]> phrases = PHRASES_BY_FIRST.get(lower);
            if (phrases != null) {
                afterPhrase(text, w, t, phrases, upper, out);
            }
            if (LABELS.contains(lower) && t + 1 < w.size()) {
                int end = w.get(t)[1];
                int postcode = end < text.length() && text.charAt(end) == ':'
                        ? postcodeBetween(text, end + 1, w.get(t + 1)[0]) : -1;
                int colon = text.indexOf(':', end);
                if (postcode >= 0 || gapIs(text, end, w.get(t + 1)[0], ":") && colon >= 0 && colon < w.get(t + 1)[0]) {
                    int found = out.size();
                    place(text, w, t + 1, true, upper, out);
                    if (postcode >= 0 && out.size() > found) {
                        out.get(found)[0] = postcode; // "PLZ/Ort: 80331 München"
                    }
                }
            }
            if (FACILITY_BEFORE.contains(lower) && Character.isUpperCase(text.charAt(w.get(t)[0]))) {
                facilityName(text, w, t, out);
            }
            if (FACILITY_AFTER.contains(lower) && Character.isUpperCase(text.charAt(w.get(t)[0]))) {
                namedBefore(text, w, t, lower, out);
                townAfterFacility(text, w, t, upper, out);
            }
            if (POSTCODE_PREPOSITIONS.contains(lower) && t + 1 < w.size()) {
                // "in 80331 München", "à 69003 Lyon"
                int postcode = postcodeBetween(text, w.get(t)[1], w.get(t + 1)[0]);
                int found = out.size();
                if (postcode >= 0) {
                    place(text, w, t + 1, true, upper, out);
                    if (out.size() > found && STREET_KINDS.contains(text.substring(out.get(found)[1]
                            - lastWordLength(text, out.get(found)[1]), out.get(found)[1]))) {
                        out.remove(found); // "lives at 1432 Foxglove Lane": a US street, which the scrubber's own rule takes
                    } else if (out.size() > found) {
                        out.get(found)[0] = postcode;
                    }
                }
            }
            if (SUBDIVISIONS.contains(lower) && Character.isUpperCase(text.charAt(w.get(t)[0]))) {
                int first = capitalisedBefore(text, w, t, 3);
                if (first < t) {
                    out.add(new int[] {w.get(first)[0], w.get(t - 1)[1]});
                }
            }
            if (RELATIVES.contains(lower)) {
                relativesPlace(text, w, t, upper, out);
            }
            if (FACILITY_KINDS.contains(lower) && t + 1 < w.size() && gapIs(text, w.get(t)[1], w.get(t + 1)[0], "")) {
                facilityAfterKind(text, w, t + 1, upper, out);
            }
            if (GAZETTEER_CUES.contains(lower) && t + 1 < w.size()
                    && Character.isUpperCase(text.codePointAt(w.get(t + 1)[0]))
                    && gapIs(text, w.get(t)[1], w.get(t + 1)[0], "")
                    && (!lower.equals("to") || t > 0 && GOING.contains(lower(text, w.get(t - 1))))) {
                townAfterCue(text, w, t + 1, upper, out);
            }
        }
        cityBeforeState(text, w, upper, out);
        townBeforeUkPostcode(text, w, out);
        townBeforeStateAndPostcode(text, w, out);
        return out;
    }

    /**
     * The place after a relative's name (decision 0225): one to four capitalised words after the relative at {@code t}
     * (a double name's hyphen between two of them), then "in", "from" or their like, then a place read as after
     * "lives in" ({@link #place}, which keeps a single ordinary word: "his wife Anna in Recovery").
     */
    private static void relativesPlace(String text, List<int[]> w, int t, boolean upper, List<int[]> out) {
        int k = t + 1;
        int names = 0;
        while (k < w.size() && names < 4 && placeWord(text, w.get(k))
                && gapIs(text, w.get(k - 1)[1], w.get(k)[0], names == 0 ? "" : "-")) {
            names++;
            k++;
        }
        if (names == 0 || k + 1 >= w.size() || !RELATIVE_PLACE_PREPOSITIONS.contains(lower(text, w.get(k)))
                || !gapIs(text, w.get(k - 1)[1], w.get(k)[0], "") || !gapIs(text, w.get(k)[1], w.get(k + 1)[0], "")) {
            return;
        }
        place(text, w, k + 1, false, upper, out);
    }

    /**
     * The facility named after its kind ("SNF Grapeland Manor"; decision 0228): the capitalised words a place is read
     * from ({@link #place}), when they are two or more — a single word after the kind is as often the case manager's
     * own noun ("SNF Placement pending", "SNF Bed") as a facility's one-word name, which no list tells apart.
     */
    private static void facilityAfterKind(String text, List<int[]> w, int t, boolean upper, List<int[]> out) {
        int found = out.size();
        place(text, w, t, false, upper, out);
        if (out.size() > found && out.get(found)[1] <= w.get(t)[1]) {
            out.remove(found);
        }
    }

    /** The last words of US streets, which a town's name does not end with. */
    private static final Set<String> STREET_KINDS = Set.of("Street", "Avenue", "Road", "Lane", "Drive", "Boulevard",
            "Court", "Place", "Way", "Terrace", "Circle", "Parkway", "Trail", "St", "Ave", "Rd", "Ln", "Dr", "Blvd", "Ct",
            "Pl", "Pkwy");

    private static int lastWordLength(String text, int end) {
        int i = end;
        while (i > 0 && Character.isLetter(text.charAt(i - 1))) {
            i--;
        }
        return end - i;
    }

    static boolean hasLowerCase(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Words: runs of letters and marks, with an apostrophe or a hyphen between letters inside them. */
    static List<int[]> words(String text) {
        return words(text, 0, text.length());
    }

    /** The words of {@code text} between {@code from} and {@code to}, as {@link #words(String)} reads them. */
    private static List<int[]> words(String text, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int n = to;
        int i = from;
        while (i < n) {
            if (!letter(text, i)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (letter(text, i) || (text.charAt(i) == '\'' || text.charAt(i) == '\u2019'
                    || text.charAt(i) == '-') && i + 1 < n && letter(text, i + 1) && letter(text, i - 1))) {
                i++;
            }
            out.add(new int[] {start, i});
        }
        return out;
    }

    private static boolean letter(String text, int i) {
        char c = text.charAt(i);
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    static String lower(String text, int[] w) {
        return text.substring(w[0], w[1]).toLowerCase(Locale.ROOT);
    }

    /** Whether between two words stand one to three characters, spaces apart from at most one of {@code also}. */
    static boolean gapIs(String text, int from, int to, String also) {
        if (to <= from || to - from > 3) {
            return false;
        }
        int others = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && (also.indexOf(c) < 0 || ++others > 1)) {
                return false;
            }
        }
        return true;
    }

    private static void afterPhrase(String text, List<int[]> w, int t, List<String[]> phrases, boolean upper,
            List<int[]> out) {
        for (String[] p : phrases) {
            int k = t;
            boolean match = true;
            for (int j = 1; j < p.length; j++) {
                k++;
                if (k >= w.size() || !gapIs(text, w.get(k - 1)[1], w.get(k)[0], "")
                        || w.get(k)[1] - w.get(k)[0] != p[j].length()
                        || !text.regionMatches(true, w.get(k)[0], p[j], 0, p[j].length())) {
                    match = false;
                    break;
                }
            }
            if (!match || k + 1 >= w.size()) {
                continue;
            }
            int postcode = postcodeBetween(text, w.get(k)[1], w.get(k + 1)[0]);
            if (postcode >= 0 && p[p.length - 1].equals("at")) {
                continue; // "lives at 1432 Foxglove Lane": a street's number, the address's own rule (decision 0220)
            }
            if (postcode < 0 && (!gapIs(text, w.get(k)[1], w.get(k + 1)[0], ":")
                    || p.length == 1 && BEFORE_POSTCODE_ONLY.contains(p[0]))) {
                continue;
            }
            int first = k + 1;
            if (ARTICLES.contains(lower(text, w.get(first))) && first + 1 < w.size()
                    && gapIs(text, w.get(first)[1], w.get(first + 1)[0], "")) {
                first++;
            }
            int found = out.size();
            String phrase = String.join(" ", p);
            if (SEEN_PHRASES.contains(phrase) && beforeFacility(text, w, first)) {
                return; // "seen at Children's Hospital": the hospital's own rule decides whether it names a place
            }
            place(text, w, first, LIVING_PHRASES.contains(phrase), upper, out);
            if (postcode >= 0 && out.size() > found) {
                out.get(found)[0] = postcode; // "wohnt in 80331 München": the postcode with its town
            }
            return;
        }
    }

    /** The phrases of where a patient was seen, after which a facility's name is left to {@link #namedBefore}. */
    private static final Set<String> SEEN_PHRASES = Set.of("seen at", "reviewed at");

    /** Whether capitalised words from word {@code t} on end before a facility's word ("Children's Hospital"). */
    private static boolean beforeFacility(String text, List<int[]> w, int t) {
        for (int k = t; k < w.size() && k < t + 5 && placeWord(text, w.get(k)); k++) {
            if (institutional(text, w.get(k))) {
                return true;
            }
            if (k + 1 < w.size() && !gapIs(text, w.get(k)[1], w.get(k + 1)[0], ".")) {
                return false;
            }
        }
        return false;
    }

    /**
     * The place whose first word is word {@code t}: capitalised words, with connectors and abbreviations ("St.")
     * inside. A single ordinary word counts only when {@code single} (after a phrase of living or a label). A word
     * in capitals is an abbreviation ("transferred to ICU") unless the whole text is in capitals ({@code upper}).
     */
    private static void place(String text, List<int[]> w, int t, boolean single, boolean upper, List<int[]> out) {
        if (t >= w.size() || !placeWord(text, w.get(t)) || institutional(text, w.get(t))) {
            return; // "verlegt aus dem Klinikum Rosenheim": the hospital's name is found by its own rule
        }
        boolean caps = allUpper(text, w.get(t));
        if (caps && !upper) {
            return;
        }
        int last = t;
        int words = 1;
        boolean ordinary = WORDS.isCommonWord(NameDictionary.normalize(text.substring(w.get(t)[0], w.get(t)[1])));
        int k = t + 1;
        while (k < w.size() && words < 5) {
            int[] prev = w.get(k - 1);
            int[] cur = w.get(k);
            boolean abbreviation = prev[1] - prev[0] <= 3 && prev[1] < text.length() && text.charAt(prev[1]) == '.';
            if (!gapIs(text, prev[1], cur[0], abbreviation ? "." : "")) {
                break;
            }
            if (CONNECTORS.contains(text.substring(cur[0], cur[1])) && k + 1 < w.size()
                    && gapIs(text, cur[1], w.get(k + 1)[0], "") && placeWord(text, w.get(k + 1))) {
                k++;
                continue;
            }
            if (!placeWord(text, cur) || institutional(text, cur) || allUpper(text, cur) != caps
                    || caps && WORDS.isCommonWord(NameDictionary.normalize(text.substring(cur[0], cur[1])))) {
                break;
            }
            ordinary &= WORDS.isCommonWord(NameDictionary.normalize(text.substring(cur[0], cur[1])));
            last = k;
            words++;
            k++;
        }
        if (caps && (w.get(t)[1] - w.get(t)[0] < 3 || ordinary)) {
            return; // "LIVES IN A ...", "TRANSFERRED TO ER": in a text in capitals, only a word that is no word
        }
        if (!single && ordinary && words == 1 || WARD_WORDS.contains(lower(text, w.get(last)))) {
            return; // "transferred to Rehab", "transferred to Step Down Unit", "verlegt auf die Intensivstation"
        }
        String whole = text.substring(w.get(t)[0], w.get(last)[1]).toUpperCase(Locale.ROOT);
        if (LARGE_PLACES.contains(whole)) {
            return;
        }
        out.add(new int[] {w.get(t)[0], w.get(last)[1]});
    }

    /** A word of a hospital's or a county's name ("Hospital", "Klinikum", "County"), which stays. */
    static boolean institutional(String text, int[] w) {
        String lower = lower(text, w);
        return FACILITY_BEFORE.contains(lower) || FACILITY_AFTER.contains(lower) || SUBDIVISIONS.contains(lower);
    }

    private static boolean placeWord(String text, int[] w) {
        return Character.isUpperCase(text.codePointAt(w[0]))
                && !NOT_PLACES.contains(text.substring(w[0], w[1]).toLowerCase(Locale.ROOT));
    }

    static boolean allUpper(String text, int[] w) {
        for (int i = w[0]; i < w[1]; i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** "Klinikum Rosenheim", "Krankenhaus Bad Tölz", "Hospital de Cruces", "Hôpital de la Pitié". */
    private static void facilityName(String text, List<int[]> w, int t, List<int[]> out) {
        int k = t + 1;
        int connectors = 0;
        while (k < w.size() && connectors < 2 && CONNECTORS.contains(text.substring(w.get(k)[0], w.get(k)[1]))
                && gapIs(text, w.get(k - 1)[1], w.get(k)[0], "")) {
            k++;
            connectors++;
        }
        if (k >= w.size() || !gapIs(text, w.get(k - 1)[1], w.get(k)[0], "")) {
            return;
        }
        int[] first = w.get(k);
        if (!placeWord(text, first) || allUpper(text, first)
                || WORDS.isCommonWord(NameDictionary.normalize(text.substring(first[0], first[1])))
                || FACILITY_BEFORE.contains(lower(text, first)) || FACILITY_AFTER.contains(lower(text, first))) {
            return; // "Klinikum für ...", "Hospital Universitario" stays; "Krankenhaus Nord" is an ordinary word
        }
        place(text, w, k, true, false, out);
    }

    /** "Miami Valley Hospital", "St. Elsewhere Medical Center": when one of the words is not an ordinary word. */
    private static void namedBefore(String text, List<int[]> w, int t, String lower, List<int[]> out) {
        Set<String> second = FACILITY_AFTER_SECOND.get(lower);
        if (second != null && !lower.equals("hospital")) {
            if (t + 1 >= w.size() || !second.contains(lower(text, w.get(t + 1)))
                    || !gapIs(text, w.get(t)[1], w.get(t + 1)[0], "")) {
                return;
            }
        } else if (!lower.equals("hospital") && !lower.equals("clinic") && !lower.equals("infirmary")
                && !lower.equals("hospice") && !lower.equals("sanatorium")) {
            return;
        }
        int first = capitalisedBefore(text, w, t, 3);
        boolean named = false;
        boolean facilityInCapitals = allUpper(text, w.get(t));
        while (facilityInCapitals && first < t
                && WORDS.isCommonWord(NameDictionary.normalize(text.substring(w.get(first)[0], w.get(first)[1])))) {
            first++; // in capitals every word before is capitalised: "SENT FROM LUFKIN REGIONAL CLINIC" (0233)
        }
        for (int k = first; k < t; k++) {
            String word = text.substring(w.get(k)[0], w.get(k)[1]).replaceAll("['\u2019]s$", "");
            // a word in capitals before a facility word that is not ("MGH Clinic") is an acronym; in a name written
            // wholly in capitals ("NACOGDOCHES MEMORIAL HOSPITAL", an extract's facility column; decision 0233) it is a
            // word like any, of four letters or more ("ENT CLINIC" is a service), the generic and common ones aside
            boolean capitals = allUpper(text, w.get(k));
            named |= word.length() > (capitals ? 3 : 2) && (!capitals || facilityInCapitals)
                    && !GENERIC_FACILITY_WORDS.contains(word.toLowerCase(Locale.ROOT))
                    && !WORDS.isCommonWord(NameDictionary.normalize(word));
        }
        if (named) {
            out.add(new int[] {w.get(first)[0], w.get(t - 1)[1]});
        }
    }

    /** The first of up to {@code max} capitalised words (with "St." inside) right before word {@code t}. */
    private static int capitalisedBefore(String text, List<int[]> w, int t, int max) {
        int first = t;
        while (first > 0 && t - first < max) {
            int[] prev = w.get(first - 1);
            boolean abbreviation = prev[1] - prev[0] <= 3 && prev[1] < text.length() && text.charAt(prev[1]) == '.';
            if (!gapIs(text, prev[1], w.get(first)[0], abbreviation ? "." : "") || !placeWord(text, prev)
                    || allUpper(text, prev) && prev[1] - prev[0] > 1 && !allUpper(text, w.get(t))
                    || FACILITY_AFTER.contains(lower(text, prev)) || SUBDIVISIONS.contains(lower(text, prev))) {
                break;
            }
            first--;
        }
        return first;
    }

    /** "Royal Berkshire Hospital, Paddington.", "Mercy Clinic, Springfield": the town after a hospital's name. */
    private static void townAfterFacility(String text, List<int[]> w, int t, boolean upper, List<int[]> out) {
        int last = t;
        Set<String> second = FACILITY_AFTER_SECOND.get(lower(text, w.get(t)));
        if (second != null && t + 1 < w.size() && second.contains(lower(text, w.get(t + 1)))) {
            last = t + 1;
        }
        int end = w.get(last)[1];
        if (last + 1 >= w.size() || end >= text.length() || text.charAt(end) != ','
                || !gapIs(text, end + 1, w.get(last + 1)[0], "")) {
            return;
        }
        int found = out.size();
        place(text, w, last + 1, false, upper, out);
        if (out.size() > found) {
            int placeEnd = out.get(found)[1];
            // the town ends its phrase: "Hospital, Cardiology Department" is no town
            if (placeEnd < text.length() && ".,;:)\n\r".indexOf(text.charAt(placeEnd)) < 0) {
                out.remove(found);
            }
        }
    }

    /**
     * "Oxford OX4 1HP", "Cardiff CF10 3NQ": the town right before a UK postcode (outward code, a space, a digit and two
     * letters of those the inward code uses), which the scrubber replaces with {@code [ZIP]}.
     */
    private static void townBeforeUkPostcode(String text, List<int[]> w, List<int[]> out) {
        for (int t = 1; t < w.size(); t++) {
            int[] b = w.get(t);
            if (b[1] - b[0] > 2 || !allUpper(text, b) || !ukPostcodeAt(text, b[0])) {
                continue;
            }
            int[] prev = w.get(t - 1);
            if (b[0] - prev[1] != 1 || text.charAt(prev[1]) != ' ' || !placeWord(text, prev) || allUpper(text, prev)) {
                continue;
            }
            int first = capitalisedBefore(text, w, t - 1, 2);
            out.add(new int[] {w.get(first)[0], prev[1]});
        }
    }

    /**
     * "Surry Hills NSW 2010", "Brunswick East VIC 3057", "Ottawa ON K1M 2C4", "North Bay, ON P1A 2C7": the suburb or
     * town right before an Australian state's or a Canadian province's code with its postcode after it (decision
     * 0123), which the scrubber replaces with {@code [ZIP]}; the state or province is kept.
     */
    private static void townBeforeStateAndPostcode(String text, List<int[]> w, List<int[]> out) {
        for (int t = 1; t < w.size(); t++) {
            int[] b = w.get(t);
            if (b[1] - b[0] > 3 || !allUpper(text, b) || !HealthNumbers.postcodeAfterRegion(text, b[0], b[1])) {
                continue;
            }
            int[] prev = w.get(t - 1);
            boolean comma = b[0] - prev[1] == 2 && text.startsWith(", ", prev[1]);
            if (!comma && (b[0] - prev[1] != 1 || text.charAt(prev[1]) != ' ') || !placeWord(text, prev)
                    || allUpper(text, prev)) {
                continue;
            }
            int first = capitalisedBefore(text, w, t - 1, 2);
            out.add(new int[] {w.get(first)[0], prev[1]});
        }
    }

    private static final java.util.regex.Pattern UK_POSTCODE =
            java.util.regex.Pattern.compile(TextScrubber.UK_POSTCODE + "(?![\\p{L}\\d])");

    private static boolean ukPostcodeAt(String text, int i) {
        java.util.regex.Matcher m = UK_POSTCODE.matcher(text);
        m.region(i, Math.min(text.length(), i + 8));
        return m.lookingAt();
    }

    /**
     * A town the gazetteer knows, starting at word {@code t} right after a preposition ("in Billings", "from
     * Sedro-Woolley", "lives alone in Bayou La Batre"; decision 0184): the longest name of up to four capitalised
     * words; not a state or a country, not one ordinary word ("in Normal", "from Mobile") or an eponym's town alone
     * ("in Lyme"), not before a disease ("Lyme disease") or a hospital's word (its own rule decides).
     */
    private static void townAfterCue(String text, List<int[]> w, int t, boolean upper, List<int[]> out) {
        if (!placeWord(text, w.get(t)) || !upper && allUpper(text, w.get(t))) {
            return; // "in ED", "from ICU"
        }
        int last = gazetteerFrom(text, w, t);
        if (last < 0) {
            return;
        }
        String name = key(text, w, t, last);
        if (LARGE_PLACES.contains(name) || last == t && (NOT_TOWNS_ALONE.contains(name) || Gazetteer.NAMES.get(name)
                || WORDS.isCommonWord(NameDictionary.normalize(text.substring(w.get(t)[0], w.get(t)[1]))))) {
            return;
        }
        int end = w.get(last)[1];
        if (last + 1 < w.size() && gapIs(text, end, w.get(last + 1)[0], "")
                && (TextScrubber.EPONYM_WORDS.contains(lower(text, w.get(last + 1))) || institutional(text, w.get(last + 1)))) {
            return;
        }
        out.add(new int[] {w.get(t)[0], end});
    }

    /**
     * A town of the gazetteer heading a text, before a dash or a colon and more text (decision 0243): a workout a runner
     * titled herself ("Maumee - Half marathon with Henrietta", "Swanton – recovery ride"), a note's site heading
     * ("Perrysburg: seen for follow-up"). Up to four words; one word alone only where it is no ordinary word, no
     * person's name (a surname heading a note is the name finders') and no eponym's town; states and countries stay.
     */
    private static void townHeadingText(String text, List<int[]> out) {
        int n = text.length();
        if (n < 6 || !Character.isUpperCase(text.charAt(0))) {
            return;
        }
        int sep = -1;
        for (int i = 1; i < Math.min(n - 2, 48); i++) {
            char c = text.charAt(i);
            if (c == ':' && text.charAt(i + 1) == ' '
                    || (c == '-' || c == '\u2013' || c == '\u2014') && text.charAt(i - 1) == ' ' && text.charAt(i + 1) == ' ') {
                sep = c == ':' ? i : i - 1;
                break;
            }
            if (!Character.isLetter(c) && c != ' ' && c != '.' && c != '\'') {
                return; // digits, commas, brackets before any separator: no heading of a place
            }
        }
        if (sep < 0 || text.substring(sep).strip().length() < 4) {
            return;
        }
        List<int[]> w = words(text.substring(0, sep));
        if (w.isEmpty() || w.size() > GAZETTEER_WORDS || !placeWord(text, w.get(0))) {
            return;
        }
        int last = gazetteerFrom(text, w, 0);
        if (last != w.size() - 1) {
            return; // the whole heading, no more and no less
        }
        String name = key(text, w, 0, last);
        if (LARGE_PLACES.contains(name)) {
            return;
        }
        if (last == 0) {
            String token = NameDictionary.normalize(text.substring(w.get(0)[0], w.get(0)[1]));
            if (NOT_TOWNS_ALONE.contains(name) || LABEL_TOWNS.contains(name) || Gazetteer.NAMES.get(name)
                    || WORDS.isCommonWord(token) || WORDS.isName(token) || allUpper(text, w.get(0))) {
                return;
            }
        }
        out.add(new int[] {w.get(0)[0], w.get(last)[1]});
    }

    /** Towns named as a form's labels are ("Mobile: 555 0100"), which head a text as labels. Upper case. */
    private static final Set<String> LABEL_TOWNS = Set.of("MOBILE", "CELL", "HOME", "WORK", "OFFICE", "FAX", "PAGER",
            "PHONE", "CONTACT", "MARATHON", "SUMMARY", "PLAN", "NOTE", "NOTES", "SITE", "LOCATION");

    /** The last word of the longest gazetteer name that starts at word {@code t}, or -1. */
    private static int gazetteerFrom(String text, List<int[]> w, int t) {
        int limit = t;
        for (int k = t + 1; k < w.size() && k < t + GAZETTEER_WORDS && joined(text, w, k); k++) {
            limit = k;
        }
        for (int k = limit; k >= t; k--) {
            if (Gazetteer.NAMES.containsKey(key(text, w, t, k))) {
                return k;
            }
        }
        return -1;
    }

    /** The first word of the longest gazetteer name that ends at word {@code last}, or -1. */
    private static int gazetteerEndingAt(String text, List<int[]> w, int last) {
        int limit = last;
        while (limit > 0 && last - limit + 1 < GAZETTEER_WORDS && joined(text, w, limit)) {
            limit--;
        }
        for (int k = limit; k <= last; k++) {
            if (placeWord(text, w.get(k)) && Gazetteer.NAMES.containsKey(key(text, w, k, last))) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Whether word {@code k} continues the name before it: spaces (". " after "St") and a capital, a connector or an
     * elided one ("Coeur d'Alene").
     */
    private static boolean joined(String text, List<int[]> w, int k) {
        int[] prev = w.get(k - 1);
        int[] cur = w.get(k);
        boolean abbreviation = prev[1] - prev[0] <= 3 && prev[1] < text.length() && text.charAt(prev[1]) == '.';
        return gapIs(text, prev[1], cur[0], abbreviation ? "." : "")
                && (Character.isUpperCase(text.codePointAt(cur[0])) || CONNECTORS.contains(text.substring(cur[0], cur[1]))
                || cur[1] - cur[0] > 2 && text.charAt(cur[0] + 1) == '\'' && Character.isUpperCase(text.charAt(cur[0] + 2)));
    }

    /** Words {@code from} to {@code to} as the gazetteer writes them: upper case, NFKC, one space between. */
    private static String key(String text, List<int[]> w, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k <= to; k++) {
            if (k > from) {
                b.append(' ');
            }
            b.append(text, w.get(k)[0], w.get(k)[1]);
        }
        String upper = b.toString().toUpperCase(Locale.ROOT);
        return java.text.Normalizer.isNormalized(upper, java.text.Normalizer.Form.NFKC) ? upper
                : java.text.Normalizer.normalize(upper, java.text.Normalizer.Form.NFKC);
    }

    /** A unit after a street address (", Apt 5", " #4", ", Unit 3", ", Ste 200"). */
    private static final java.util.regex.Pattern UNIT = java.util.regex.Pattern.compile(",? {1,2}(?:Apt|Apartment|Unit"
            + "|Ste|Suite|Bldg|Building|Fl|Floor|Rm|Room|Lot|Trlr|Trailer|Spc|Space|#)\\.? ?#? ?[A-Z0-9][A-Za-z0-9-]{0,5}"
            + "(?![\\p{L}\\p{N}])");

    /** Capitalised words after a comma: the town a street address ends with (", Sedro-Woolley", ", Coeur d'Alene"). */
    private static final java.util.regex.Pattern TOWN_AFTER = java.util.regex.Pattern.compile(", {1,2}(\\p{Lu}"
            + "[\\p{L}\\p{M}'\u2019-]*(?:\\.? (?:\\p{Lu}[\\p{L}\\p{M}'\u2019-]*|la|le|de|du|del|des|d'\\p{Lu}"
            + "[\\p{L}\\p{M}]*)){0,3})");

    /** What may follow a town that ends its address: a state, a ZIP code, the clause's end. */
    private static final java.util.regex.Pattern TOWN_ENDS = java.util.regex.Pattern.compile("(?:,? {1,2}(?:[A-Z]{2}"
            + "(?![\\p{L}\\p{N}])|\\d{5}(?!\\d))|[.,;:)\\n\\r]|$)");

    /**
     * After a street address that ends at {@code end} (decision 0184): where its unit ends (", Apt 5"; {@code end}
     * without one), and the town after a comma as [start, end) (", Missoula", ", Sedro-Woolley, with wife"), or -1s.
     * A town is a name of the gazetteer, or capitalised words that end the clause and are not all ordinary words.
     */
    static int[] afterStreet(String text, int end) {
        java.util.regex.Matcher unit = UNIT.matcher(text).region(end, text.length());
        int unitEnd = unit.lookingAt() ? unit.end() : end;
        java.util.regex.Matcher town = TOWN_AFTER.matcher(text).region(unitEnd, text.length());
        if (!town.lookingAt()) {
            return new int[] {unitEnd, -1, -1};
        }
        List<int[]> w = words(text, town.start(1), town.end(1));
        int first = 0;
        if (w.isEmpty() || !placeWord(text, w.get(first))) {
            return new int[] {unitEnd, -1, -1};
        }
        int known = gazetteerFrom(text, w, first);
        int last = known >= 0 ? known : w.size() - 1;
        String name = key(text, w, first, last);
        boolean ordinary = known == first && Gazetteer.NAMES.get(name); // "Comfort" alone
        for (int k = first; k <= last && !ordinary; k++) {
            if (!WORDS.isCommonWord(NameDictionary.normalize(text.substring(w.get(k)[0], w.get(k)[1])))) {
                break;
            }
            ordinary = k == last; // every word an ordinary one
        }
        java.util.regex.Matcher ends = TOWN_ENDS.matcher(text).region(w.get(last)[1], text.length());
        if (LARGE_PLACES.contains(name) || ordinary && !ends.lookingAt() || known < 0 && (ordinary || !ends.lookingAt())) {
            return new int[] {unitEnd, -1, -1};
        }
        return new int[] {unitEnd, w.get(first)[0], w.get(last)[1]};
    }

    /** "Dayton, OH", "Bozeman, MT 59715", "Clovis, CA 93612", "Springfield, Illinois". */
    private static void cityBeforeState(String text, List<int[]> w, boolean upper, List<int[]> out) {
        int n = text.length();
        for (int t = 1; t < w.size(); t++) {
            int[] cur = w.get(t);
            int[] prev = w.get(t - 1);
            int comma = prev[1];
            // a comma and one or two spaces ("Dayton,OH" is not written as a place), or one space and a ZIP code
            // after the state's code ("Somerville MA 02143")
            boolean afterComma = comma < n && text.charAt(comma) == ',' && gapIs(text, comma + 1, cur[0], "");
            if (!afterComma && !(cur[0] - prev[1] == 1 && text.charAt(prev[1]) == ' ')) {
                continue;
            }
            boolean state;
            boolean zip = false;
            int known = -1;
            if (cur[1] - cur[0] == 2 && STATE_CODES.contains(text.substring(cur[0], cur[1]))) {
                zip = zipAfter(text, cur[1]);
                boolean ends = cur[1] >= n || " .,;:)\n\r\t".indexOf(text.charAt(cur[1])) >= 0;
                String code = text.substring(cur[0], cur[1]);
                // a town the gazetteer knows before any state's code ("Bayou La Batre, AL"; decision 0184), not before
                // the codes that are titles too ("Taylor, MD", "Jones, PA")
                known = afterComma && ends && !zip && !TITLE_CODES.contains(code) ? gazetteerEndingAt(text, w, t - 1) : -1;
                state = ends && (zip || afterComma && (PLAIN_STATE_CODES.contains(code) || known >= 0));
            } else {
                state = afterComma && stateNameAt(text, cur[0]);
            }
            if (!state) {
                continue;
            }
            if (!placeWord(text, prev)) {
                continue;
            }
            int first = capitalisedBefore(text, w, t - 1, 2);
            if (known < 0 && afterComma) {
                known = gazetteerEndingAt(text, w, t - 1);
            }
            if (known >= 0 && known < first) {
                first = known; // "Bayou La Batre, AL": all of the town's words
            }
            // the words before the comma, not "Smith, MD"-like titles (MD needs a ZIP) nor a state itself
            if (first < t && allUpper(text, prev) && !upper && !zip) {
                continue; // "HTN, TX": in a text in lower case, capitals are an abbreviation
            }
            if (first < t && !LARGE_PLACES.contains(text.substring(w.get(first)[0], prev[1]).toUpperCase(Locale.ROOT))
                    && !NOT_PLACES.contains(lower(text, w.get(first)))) {
                out.add(new int[] {w.get(first)[0], prev[1]});
            }
        }
    }

    /**
     * Where a postcode of four or five digits starts between two words ("wohnt in 80331 München", "habite à 75013
     * Paris"), spaces around it; else -1.
     */
    private static int postcodeBetween(String text, int from, int to) {
        int i = from;
        while (i < to && text.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        int digits = i - start;
        if (digits < 4 || digits > 5 || start == from || i == to) {
            return -1;
        }
        if (digits == 4 && (text.startsWith("19", start) || text.startsWith("20", start))) {
            return -1; // "in 2019 Metformin was started": a year, not Zürich's 8001
        }
        while (i < to && text.charAt(i) == ' ') {
            i++;
        }
        return i == to && to - from <= 9 ? start : -1;
    }

    private static boolean zipAfter(String text, int i) {
        int n = text.length();
        if (i < n && text.charAt(i) == '.') {
            i++;
        }
        int spaces = 0;
        while (i < n && text.charAt(i) == ' ' && spaces < 2) {
            i++;
            spaces++;
        }
        if (spaces == 0 || i + 5 > n) {
            return false;
        }
        for (int k = i; k < i + 5; k++) {
            if (text.charAt(k) < '0' || text.charAt(k) > '9') {
                return false;
            }
        }
        return i + 5 == n || !Character.isDigit(text.charAt(i + 5));
    }

    private static boolean stateNameAt(String text, int i) {
        for (String s : STATE_NAMES) {
            if (text.startsWith(s, i) && (i + s.length() == text.length() || !letter(text, i + s.length()))) {
                return true;
            }
        }
        return false;
    }
}
