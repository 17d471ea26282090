package org.deidworkbench.deid.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The committed person-name list ({@code person-names.tsv}) is exactly what the Datafaker version in
 * the build gives (decision 0015): regenerate it after a Datafaker upgrade with
 * {@code mvn -B test -Dtest=NameListsTest -Dnames.update=true} and review the diff.
 */
class NameListsTest {

    static final Path RESOURCE = Path.of("src", "main", "resources", "org", "deidworkbench", "deid", "classify",
            "person-names.tsv");
    static final Path WORDS = RESOURCE.resolveSibling("common-words.txt");

    /** Locale files of Datafaker and the keys of their literal name lists. */
    private static final Map<String, List<String>> NAME_SOURCES = new TreeMap<>(Map.of(
            "en/name.yml", List.of("male_first_name", "female_first_name", "last_name"),
            "de.yml", List.of("male_first_name", "female_first_name", "last_name"),
            "de-AT.yml", List.of("first_name", "last_name"),
            "es.yml", List.of("male_first_name", "female_first_name", "last_name"),
            "fr.yml", List.of("first_name", "last_name"),
            "it.yml", List.of("first_name", "last_name"),
            "pl.yml", List.of("first_name", "last_name"),
            "tr.yml", List.of("male_first_name", "female_first_name", "last_name"),
            "nl.yml", List.of("first_name", "last_name"),
            "pt.yml", List.of("first_name", "last_name")));

    /** Datafaker's English word lists: a name that is also one of these words needs context in text. */
    private static final Map<String, List<String>> WORD_SOURCES = Map.of(
            "en/words.yml", List.of("adjective", "adverb", "conjunction", "interjection", "noun", "preposition", "verb"),
            "en/verbs.yml", List.of("base", "past", "past_participle", "simple_present", "ing_form"),
            "en/adjective.yml", List.of("positive", "negative"),
            "en/medical.yml", List.of("symptoms", "disease_name", "medical_professions"));

    /**
     * Ordinary words the Datafaker word lists lack but that are also names, in English and German
     * (months, weekdays, seasons, colours, trades, clinical words): written by hand here.
     */
    private static final Set<String> EXTRA_WORDS = new TreeSet<>(List.of("JANUARY", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "MAI",
            "JUNI", "JULI", "SUMMER", "WINTER", "SPRING", "AUTUMN", "SOMMER", "HERBST", "WHITE", "BLACK", "BROWN",
            "GREEN", "GRAY", "GREY", "ROSE", "WEISS", "SCHWARZ", "BRAUN", "ROT", "ROTH", "GRAU", "HOPE", "JOY", "FAITH",
            "GRACE", "WILL", "GRANT", "MARK", "BILL", "KING", "YOUNG", "LONG", "LITTLE", "HAND", "HILL", "WOOD",
            "STONE", "BAKER", "COOK", "SMITH", "CARPENTER", "MASON", "HUNTER", "FISHER", "WOLF", "FUCHS", "STEIN",
            "ENGEL", "KRAFT", "KLEIN", "ERNST", "KOCH", "BAUER", "RICHTER", "FISCHER", "WEBER", "JUNG", "LANG",
            "LANGE", "KAISER", "KÖNIG", "HAHN", "VOGEL", "BERG", "BUSCH", "WALD", "FELD", "FRANK", "FREI", "GUT",
            "SEGEN", "GLÜCK", "HERR", "FRAU", "MANN", "GENERAL", "MAJOR", "PATIENT", "NORMAL", "CHANCE", "DEAN",
            "PAGE", "PRICE", "LOVE", "BELL", "CHURCH", "HALL", "BANKS", "FIELDS", "LANE", "STREET", "PARK",
            "CROSS", "MILLER", "PARKER", "TAYLOR", "TURNER", "WALKER", "WARD", "WELLS", "WEST", "NORTH", "SOUTH",
            "EAST", "SUN", "STAR", "SKY", "DAWN", "AMBER", "IVY", "HAZEL", "OLIVE", "PEARL", "RUBY", "JADE",
            "DAISY", "LILY", "VIOLET", "IRIS", "HOLLY", "HEATHER", "MEMORY", "PATIENCE", "PRUDENCE", "CHARITY",
            "MERCY", "TRUE", "SAGE", "SOLO", "ACE", "DUKE", "EARL", "BARON", "MARSHALL", "BISHOP", "POPE", "ABBOTT",
            "DOCTOR", "NURSE", "SAID", "SALE", "CASH", "GOLD", "SILVER", "BOND", "HART", "FOX", "BIRD", "SWAN", "CRANE",
            "EXAMINATION", "VISIT", "WELLNESS", "ROUTINE", "FOLLOW", "CLINIC", "WARD", "ADMISSION", "DISCHARGE",
            "AM", "AN", "IM", "IN", "AUF", "DER", "DIE", "DAS", "UND", "ODER", "MIT", "VON", "BEI", "NACH",
            // German clinical and family nouns that are also surnames: capitalised in every German sentence, so
            // without them "Puls 80", "Galle unauffällig", "der Vater" lost the word to [NAME] (decision 0113)
            "KOPF", "HALS", "NACKEN", "SCHULTER", "ARM", "FINGER", "DAUMEN", "BRUST", "RÜCKEN", "BAUCH", "BECKEN",
            "HÜFTE", "BEIN", "KNIE", "FUSS", "ZEHE", "HAUT", "HAAR", "AUGE", "OHR", "NASE", "MUND", "LIPPE", "ZUNGE",
            "ZAHN", "KIEFER", "HERZ", "LUNGE", "LEBER", "GALLE", "MAGEN", "DARM", "NIERE", "BLASE", "MILZ", "HARN",
            "BLUT", "KNOCHEN", "GELENK", "MUSKEL", "NERV", "SEHNE", "RIPPE", "WIRBEL", "SCHÄDEL", "HIRN", "STIRN",
            "WANGE", "KINN", "LEISTE", "WADE", "FERSE", "SOHLE", "NABEL", "PULS", "DRUCK", "FIEBER", "HUSTEN",
            "SCHMERZ", "SCHWINDEL", "DURST", "HUNGER", "SCHLAF", "RUHE", "STURZ", "BRUCH", "WUNDE", "NARBE", "SCHNITT",
            "NAHT", "VERBAND", "SALBE", "GABE", "DOSIS", "TABLETTE", "SPRITZE", "NADEL", "SONDE", "PUMPE", "BETT",
            "ZIMMER", "STATION", "HAUS", "HEIM", "PFLEGE", "ARZT", "PFLEGER", "BEFUND", "VERLAUF", "KONTROLLE",
            "AUFNAHME", "NOTFALL", "LABOR", "WERT", "WASSER", "GLAS", "LICHT", "LUFT", "FRISCH", "VOLL", "LEER", "KLAR",
            "HELL", "DUNKEL", "FAMILIE", "VATER", "BRUDER", "SCHWESTER", "SOHN", "TOCHTER", "ONKEL", "TANTE",
            "ENKEL", "NEFFE", "NICHTE", "GATTE", "GATTIN", "EHEMANN", "EHEFRAU", "WITWE", "WITWER", "BAUM", "BLUME",
            "GARTEN", "HOF", "DORF", "STADT", "BRÜCKE",
            // what a note says was done with the patient, before the name at a sentence's start ("Seen Quenneville
            // today." lost "Seen" as a given name; the verb lists have "saw" and "met" but not these participles)
            "SEEN", "VISITED", "VISITING", "EXAMINED", "EVALUATED", "ASSESSED", "DISCHARGED", "COUNSELED",
            "COUNSELLED", "INSTRUCTED", "CONTACTED", "INTERVIEWED", "ESCORTED", "REASSURED", "REASSESSED", "REEXAMINED",
            // the vocabulary of exports' headers and of a REDCap data dictionary's validations and statuses: a value of a
            // column taken for an identifier that is one of them ("number", "email" under a header ending in Number)
            // was scrubbed from every text of the run, "Phone number" as "Phone [ID]" (decision 0176)
            "NUMBER", "EMAIL", "FIELD", "CODE", "TIME", "TEXT", "NOTES", "YES", "ID", "NAME", "BASELINE", "UNVERIFIED",
            "UNCHECKED", "INSTRUMENT", "GROUP", "DATA", "DICTIONARY", "ZIP", "ZIPCODE", "POSTAL", "COUNTRY", "CELL",
            "LOGIN", "USER", "USERNAME", "PASSWORD", "SITE", "SUBJECT", "PARTICIPANT", "IDENTIFIER", "CHECKBOX",
            "DROPDOWN", "BOOLEAN", "VALIDATION", "FILE", "SURVEYS"));

    /** Name particles are not names on their own. */
    private static final Set<String> PARTICLES = Set.of("DE", "LA", "LE", "DI", "DA", "DO", "DOS", "DAS", "DEL", "DELLA",
            "VAN", "VON", "DER", "DEN", "TER", "TEN", "ZU", "ZUM", "ZUR", "Y", "E", "MC", "MAC", "ST", "AL", "EL", "BIN",
            "IBN");

    @Test
    void committedNameListIsWhatTheDatafakerListsGive() throws IOException {
        String[] expected = generate();
        if (Boolean.getBoolean("names.update")) {
            Files.writeString(RESOURCE, expected[0], StandardCharsets.UTF_8);
            Files.writeString(WORDS, expected[1], StandardCharsets.UTF_8);
        }
        assertEquals(expected[0], Files.readString(RESOURCE, StandardCharsets.UTF_8),
                "regenerate with -Dtest=NameListsTest -Dnames.update=true");
    }

    @Test
    void committedWordListIsWhatTheDatafakerListsGive() throws IOException {
        assertEquals(generate()[1], Files.readString(WORDS, StandardCharsets.UTF_8),
                "regenerate with -Dtest=NameListsTest -Dnames.update=true");
    }

    /** The name list and the word list, as file texts. */
    static String[] generate() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, TreeSet<String>> kinds = new TreeMap<>();
        for (Map.Entry<String, List<String>> source : NAME_SOURCES.entrySet()) {
            JsonNode name = section(yaml, source.getKey()).path("name");
            for (String key : source.getValue()) {
                String kind = key.contains("last") ? "L" : "F";
                for (JsonNode n : name.path(key)) {
                    String text = n.asText();
                    if (text.contains("#{")) {
                        continue;
                    }
                    for (String token : NameDictionary.tokens(text)) {
                        if (token.length() >= 2 && !PARTICLES.contains(token)) {
                            kinds.computeIfAbsent(token, t -> new TreeSet<>()).add(kind);
                        }
                    }
                }
            }
        }
        Set<String> words = new TreeSet<>(EXTRA_WORDS);
        // Names that are also English words of SCOWL (committed input, see the file's header).
        try (InputStream in = NameListsTest.class.getResourceAsStream("scowl-name-words.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
        }
        for (Map.Entry<String, List<String>> source : WORD_SOURCES.entrySet()) {
            JsonNode root = section(yaml, source.getKey());
            JsonNode lists = root.has("words") ? root.path("words") : root.has("verbs") ? root.path("verbs")
                    : root.has("medical") ? root.path("medical") : root.path("adjective");
            for (String key : source.getValue()) {
                for (JsonNode w : lists.path(key)) {
                    // Disease names carry eponyms ("Parkinson's disease"): only their lower-case words are words.
                    for (String word : w.asText().split("[^\\p{L}]+")) {
                        if (!word.isEmpty() && (!key.equals("disease_name") || Character.isLowerCase(word.charAt(0)))) {
                            words.add(NameDictionary.normalize(word));
                        }
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# Person-name tokens (upper case, NFKC) from the name lists of net.datafaker:datafaker (Apache-2.0),\n")
                .append("# locales ").append(String.join(", ", NAME_SOURCES.keySet())).append(".\n")
                .append("# Generated by NameListsTest (-Dnames.update=true); do not edit. Columns: token, F (first name)\n")
                .append("# and/or L (last name), W when the token is also an ordinary English or German word.\n");
        for (Map.Entry<String, TreeSet<String>> e : kinds.entrySet()) {
            out.append(e.getKey()).append('\t').append(String.join("", e.getValue()))
                    .append(words.contains(e.getKey()) ? "\tW" : "").append('\n');
        }
        StringBuilder w = new StringBuilder();
        w.append("# Ordinary English and German words (upper case, NFKC): the English word, verb, adjective and medical\n")
                .append("# lists of net.datafaker:datafaker (Apache-2.0), the names that are SCOWL words\n")
                .append("# (scowl-name-words.txt, SCOWL licence there) and the hand-written words of NameListsTest.\n")
                .append("# Generated by NameListsTest (-Dnames.update=true); do not edit.\n");
        for (String word : words) {
            if (word.length() >= 2) {
                w.append(word).append('\n');
            }
        }
        return new String[] {out.toString(), w.toString()};
    }

    /** The {@code <locale>.faker} node of one Datafaker YAML resource. */
    private static JsonNode section(ObjectMapper yaml, String resource) throws IOException {
        try (InputStream in = NameListsTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Datafaker resource " + resource + " not on the test classpath");
            }
            JsonNode root = yaml.readTree(in);
            JsonNode locale = root.elements().next();
            return locale.path("faker");
        }
    }

    @Test
    void listHasFirstAndLastNamesOfSeveralLanguages() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(RESOURCE, StandardCharsets.UTF_8));
        lines.removeIf(l -> l.startsWith("#"));
        assertEquals(true, lines.size() > 10_000, "tokens: " + lines.size());
    }
}
