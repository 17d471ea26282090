package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deidworkbench.deid.classify.NameDictionary;

/**
 * Employers named in free text after what a social history writes before them (decision 0234): "works at Lufkin
 * Industries", "truck driver for Pineywoods Freight", "employed by Angelina Poultry Co.", "retired from Exxon", "RETIRED
 * FROM EXXON IN 2010", "arbeitet bei Rautenberg Logistik", "travaille chez Duvernoy". HIPAA's Safe Harbor removes the
 * identifiers "of the individual or of relatives, employers, or household members" — an employer's name among them — and
 * a small firm's name narrows a patient to a town's workforce. The name is the capitalised words right after the cue (in
 * a text in capitals, the words up to a short word or a stop), one of them no ordinary word; replaced by
 * {@code [EMPLOYER]}. A clinician's workplace ("nurse at Lakeview Clinic") is no cue: it is as often who saw the patient.
 * Pure functions; thread-safe.
 */
final class Employers {

    private Employers() {
    }

    /** The replacement of an employer's name. */
    static final String REPLACEMENT = "[EMPLOYER]";

    /** Occupations before "at" or "for" ("welder at", "truck driver for"), lower case; no clinician's. */
    private static final Set<String> OCCUPATIONS = Set.of("driver", "trucker", "teacher", "welder", "cashier",
            "mechanic", "manager", "clerk", "engineer", "technician", "secretary", "janitor", "custodian", "cook",
            "chef", "server", "waitress", "waiter", "bartender", "contractor", "electrician", "plumber", "carpenter",
            "laborer", "labourer", "foreman", "supervisor", "accountant", "attorney", "lawyer", "receptionist",
            "salesman", "saleswoman", "salesperson", "analyst", "programmer", "developer", "miner", "logger",
            "machinist", "operator", "assembler", "warehouse", "stocker", "housekeeper", "guard", "dispatcher",
            "bookkeeper", "banker", "teller", "librarian", "professor", "instructor", "barber", "hairdresser",
            "stylist", "painter", "roofer", "landscaper", "farmhand", "rancher", "butcher", "baker",
            "courier", "pilot", "firefighter", "deputy", "consultant", "executive", "director", "owner", "employee",
            "worker", "apprentice", "intern");

    /** The words before each preposition that make what follows an employer, lower case (occupations aside). */
    private static final Map<String, Set<String>> CUES = Map.ofEntries(
            Map.entry("at", Set.of("works", "worked", "working", "work", "employed", "job", "employment")),
            Map.entry("for", Set.of("works", "worked", "working", "work")),
            Map.entry("by", Set.of("employed")),
            Map.entry("of", Set.of("employee")),
            Map.entry("from", Set.of("retired")),
            Map.entry("with", Set.of("employed", "job")),
            // German, French, Dutch, Spanish, Italian, Portuguese, Polish
            Map.entry("bei", Set.of("arbeitet", "arbeitete", "beschäftigt", "tätig", "angestellt")),
            Map.entry("chez", Set.of("travaille", "travaillait", "employé", "employée")),
            Map.entry("bij", Set.of("werkt", "werkte", "werkzaam")),
            Map.entry("para", Set.of("trabaja", "trabajaba", "trabalha", "trabalhava")),
            Map.entry("presso", Set.of("lavora", "lavorava", "impiegato", "impiegata")),
            Map.entry("per", Set.of("lavora", "lavorava")),
            Map.entry("em", Set.of("trabalha", "trabalhava")),
            Map.entry("na", Set.of("trabalha", "trabalhava")),
            Map.entry("no", Set.of("trabalha", "trabalhava")),
            Map.entry("en", Set.of("trabaja", "trabajaba")),
            Map.entry("w", Set.of("pracuje", "pracował", "pracowała", "zatrudniony", "zatrudniona")));

    /** Words of a firm's name that end it without being its own ("Co.", "Inc", "LLC"), lower case. */
    private static final Set<String> FIRM_ENDINGS = Set.of("inc", "llc", "ltd", "co", "corp", "corporation", "company",
            "gmbh", "ag", "kg", "sa", "sarl", "bv", "nv", "spa", "srl", "plc", "lp", "llp");

    /** Short words that end a firm's name in a text in capitals ("RETIRED FROM EXXON IN 2010"), lower case. */
    private static final Set<String> STOPS = Set.of("in", "on", "as", "at", "for", "since", "until", "and", "but",
            "with", "from", "to", "the", "a", "an", "x", "yrs", "years", "year", "months", "when", "where",
            "who", "while", "after", "before", "now", "currently", "full", "part", "time", "days", "nights", "shift",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow");

    /**
     * Hospital wards and services after "at", which are no employer ("works at ICU" is where, not whom), and the armed
     * services, which employ too many to name anyone ("Retired from the Army").
     */
    private static final Set<String> WARDS = Set.of("icu", "er", "ed", "or", "nicu", "picu", "pacu", "ccu", "micu",
            "sicu", "home", "night", "nights", "present", "army", "navy", "marines", "marine", "military", "air",
            "coast", "national", "armed", "bundeswehr", "armée");

    /** Articles between the cue and the name ("works for the Rautenberg Group"). */
    private static final Set<String> ARTICLES = Set.of("the", "a", "an", "der", "die", "dem", "le", "la", "les", "l",
            "el", "il", "o", "de", "het");

    private static final NameDictionary WORDS = NameDictionary.get();

    /** The words before a cue's preposition (its verbs and the occupations), hashed as {@link TextScrubber#lowerHash}. */
    private static final long[] TRIGGERS = java.util.stream.Stream.concat(OCCUPATIONS.stream(),
            CUES.values().stream().flatMap(Set::stream)).mapToLong(w -> TextScrubber.lowerHash(w, 0, w.length()))
            .distinct().sorted().toArray();

    /** Whether the text may name an employer: a cue's verb or an occupation stands in it (most texts: no copy made). */
    static boolean mayHold(String text) {
        return TextScrubber.holdsWordOf(text, TRIGGERS, 3);
    }

    /** The employers' names of the text, as [start, end) pairs in text order. */
    static List<int[]> find(String text) {
        List<int[]> out = new ArrayList<>();
        if (!mayHold(text)) {
            return out;
        }
        List<int[]> w = PlaceNames.words(text);
        boolean upper = !PlaceNames.hasLowerCase(text);
        for (int t = 1; t + 1 < w.size(); t++) {
            Set<String> cues = CUES.get(PlaceNames.lower(text, w.get(t)));
            if (cues == null || !PlaceNames.gapIs(text, w.get(t - 1)[1], w.get(t)[0], "")
                    || !PlaceNames.gapIs(text, w.get(t)[1], w.get(t + 1)[0], "")) {
                continue;
            }
            String before = PlaceNames.lower(text, w.get(t - 1));
            String preposition = PlaceNames.lower(text, w.get(t));
            boolean occupation = (preposition.equals("at") || preposition.equals("for")) && OCCUPATIONS.contains(before);
            if (!cues.contains(before) && !occupation) {
                continue;
            }
            int[] name = name(text, w, t + 1, upper);
            if (name != null && (out.isEmpty() || out.get(out.size() - 1)[1] <= name[0])) {
                out.add(name);
            }
        }
        return out;
    }

    /** The firm's name starting at word {@code t} (after an article), or null when none stands there. */
    private static int[] name(String text, List<int[]> w, int t, boolean upper) {
        int first = t;
        if (ARTICLES.contains(PlaceNames.lower(text, w.get(first))) && first + 1 < w.size()
                && PlaceNames.gapIs(text, w.get(first)[1], w.get(first + 1)[0], "'")) {
            first++;
        }
        if (!startsName(text, w.get(first), upper)) {
            return null;
        }
        int last = first;
        boolean named = !ordinary(text, w.get(first));
        int k = first + 1;
        while (k < w.size() && k - first < 5) {
            int[] prev = w.get(k - 1);
            int[] cur = w.get(k);
            boolean abbreviation = prev[1] < text.length() && text.charAt(prev[1]) == '.' && prev[1] - prev[0] <= 4;
            if (!PlaceNames.gapIs(text, prev[1], cur[0], abbreviation ? ".&" : "&")) {
                break;
            }
            String lower = PlaceNames.lower(text, cur);
            if (upper ? STOPS.contains(lower) : !Character.isUpperCase(text.codePointAt(cur[0]))) {
                break;
            }
            named |= !ordinary(text, cur) && !FIRM_ENDINGS.contains(lower);
            last = k;
            k++;
        }
        if (!named) {
            return null; // "works at Home Depot" names no one in particular; "works for the County" neither
        }
        int end = w.get(last)[1];
        if (end < text.length() && text.charAt(end) == '.' && FIRM_ENDINGS.contains(PlaceNames.lower(text, w.get(last)))) {
            end++; // "Angelina Poultry Co."
        }
        return new int[] {w.get(first)[0], end};
    }

    /** Whether a word may begin a firm's name: capitalised (in capitals: any word but a stop, a ward). */
    private static boolean startsName(String text, int[] word, boolean upper) {
        String lower = PlaceNames.lower(text, word);
        if (WARDS.contains(lower) || STOPS.contains(lower) || PlaceNames.institutional(text, word)
                || org.deidworkbench.deid.classify.MonthNames.of(lower) != null) {
            return false;
        }
        if (upper) {
            return word[1] - word[0] >= 2;
        }
        return Character.isUpperCase(text.codePointAt(word[0]))
                && (!PlaceNames.allUpper(text, word) || word[1] - word[0] >= 2);
    }

    private static boolean ordinary(String text, int[] word) {
        return word[1] - word[0] <= 2 || WORDS.isCommonWord(NameDictionary.normalize(text.substring(word[0], word[1])));
    }
}
