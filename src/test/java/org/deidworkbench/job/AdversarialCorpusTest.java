package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.model.FileReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default profile on exports in conventions the project was not designed on (see
 * {@code src/test/resources/org/deidworkbench/adversarial/README.md}): a PCORnet-like extract, a French,
 * a Dutch and a Scandinavian export, a FHIR bulk export with names in extensions, displays, annotations and
 * attachments, DICOM files with names in physician fields, comments, private blocks and nested SR
 * content, DICOM in Japanese, Korean and Chinese repertoires (ISO 2022 escape sequences, GB18030) with names in
 * three component groups, Excel's "Unicode Text" and UTF-8 CSV with notes over several lines, and FHIR with names
 * only in narratives, contained resources, contacts, HumanName extensions and Spanish, Italian and German notes, and an
 * NHS England extract (HES-like record keys and codes, NHS numbers, UK postcodes and phones in clinic letters), and a
 * US Medicare claims extract in CMS's DE-SynPUF style (a hexadecimal beneficiary key, yyyyMMdd dates, ICD-9, NDCs, NPIs,
 * MBIs, nine-digit ZIPs and a care manager's notes), and a MIMIC-IV-style hospital export before de-identification
 * (module folders, 8-digit subject, admission and stay ids, staff ids, composite note ids, discharge summaries), a
 * Cerner Millennium extract (ids as Oracle NUMBERs, PERSON_ALIAS, report footers naming staff in capitals), an i2b2
 * star schema (prefixed concept codes, instance numbers, provider ids and names, the mapping tables), and an
 * Italian, a Spanish and a Polish hospital export (codice fiscale, DNI/NIE, NUSS, PESEL, two surnames, Oracle dates
 * with the month's name in Italian, Spanish and German, notes with dates in five languages; decision 0119), a
 * Brazilian, a Portuguese, a Turkish and an Indian export (CPF, CNS, TC Kimlik No, Aadhaar and ABHA, CEP and PIN codes,
 * SIGTAP codes, Turkish capitals, S/o and W/o relations, RNDS- and ABDM-style FHIR; decision 0125), and an
 * Australian, a New Zealand and a Canadian export with FHIR under their identifier systems (IHI, Medicare, DVA, NHI,
 * OHIP, PHN, RAMQ, SIN, postcodes after a state, Māori and French-Canadian notes; decision 0123), and an interface
 * engine's log of HL7 v2 messages and an Epic Clarity extract of the same patients (decision 0126).
 * Every planted identifier must be gone from every output byte; the codes, measurements, joins and intervals a
 * researcher needs must stay. Failures name categories and files, never values.
 */
class AdversarialCorpusTest {

    static final Path ROOT = Path.of("src", "test", "resources", "org", "deidworkbench", "adversarial");
    private static final char[] PASSPHRASE = "adversarial-corpus-passphrase".toCharArray();
    private static final Map<String, Path> OUTPUTS = new ConcurrentHashMap<>();
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final Charset CP1250 = Charset.forName("windows-1250");
    private static final Charset ISO_8859_2 = Charset.forName("ISO-8859-2");
    private static final Charset WINDOWS_874 = Charset.forName("x-windows-874");
    /** The Russian and Greek exports' code pages (decision 0131): their planted values are found only so. */
    private static final List<Charset> CYRILLIC_GREEK = List.of(Charset.forName("windows-1251"),
            Charset.forName("KOI8-R"), Charset.forName("windows-1253"), Charset.forName("ISO-8859-7"));
    private static final Charset CP1256 = Charset.forName("windows-1256");
    private static final Charset CP1255 = Charset.forName("windows-1255");

    /**
     * Corpus files a run must withhold, not write, by their output paths: a file whose first line is data (decision
     * 0138), an ultrasound that declares burned-in text no redaction rule matches (decision 0185).
     */
    private static final Set<String> WITHHELD = Set.of("opaque/noheader.csv",
            "dicom-vendor/PDI_DISC/PT000000/ST000002/SE000000/IM000000");

    private static synchronized Path output(String folder) throws Exception {
        Path out = OUTPUTS.get(folder);
        if (out == null) {
            Path dir = Files.createTempDirectory("deid-adversarial-" + folder);
            Path input = dir.resolve(folder);
            SampleData.copyTree(ROOT.resolve(folder), input);
            out = dir.resolve("out");
            RunResult result = new RunJob(new RunRequest(List.of(input), out, dir.resolve("study.deidkey"), true,
                    PASSPHRASE, ProfileLoader.read("csv-template"), 2), RunListener.NONE).run();
            for (FileReport f : result.report().fileResults()) {
                if (WITHHELD.contains(folder + "/" + f.output())) {
                    continue; // its own test says how
                }
                assertEquals(FileReport.Status.WRITTEN, f.status(), f.output() + ": " + f.problems());
            }
            OUTPUTS.put(folder, out);
        }
        return out;
    }

    /** The runs' folders (inputs, outputs, key files) are the test's own; none is left in the temporary folder. */
    @AfterAll
    static synchronized void deleteRuns() throws IOException {
        for (Path out : OUTPUTS.values()) {
            Folders.deleteTree(out.getParent());
        }
        OUTPUTS.clear();
    }

    /**
     * The JDK's own decoders for the Japanese, Korean and Chinese repertoires of the {@code cjk} folder, independent
     * of the project's DICOM codec: ISO-2022-JP follows the escape sequences of {@code ISO 2022 IR 87}, EUC-KR reads
     * KS X 1001 in G1 ({@code ISO 2022 IR 149}), Shift_JIS the half-width katakana of {@code ISO_IR 13}.
     */
    private static final List<Charset> CJK = List.of(Charset.forName("ISO-2022-JP"), Charset.forName("EUC-KR"),
            Charset.forName("GB18030"), Charset.forName("Shift_JIS"), Charset.forName("windows-31j"),
            Charset.forName("x-windows-949"), Charset.forName("x-windows-950"));

    /**
     * The national encodings the corpus' exports are written in, beside UTF-8 and Windows-1252: the CJK repertoires, a
     * Polish or Czech export's Windows and Unix encodings (decision 0124), a Thai export's TIS-620 (decision 0133),
     * Russian and Greek exports' (decision 0131), an Arabic or Persian export's and a Hebrew one's (decision 0132).
     */
    private static final List<Charset> NATIONAL;

    static {
        List<Charset> all = new ArrayList<>(CJK);
        all.addAll(List.of(CP1250, ISO_8859_2, WINDOWS_874));
        all.addAll(CYRILLIC_GREEK);
        all.addAll(List.of(CP1256, CP1255));
        NATIONAL = List.copyOf(all);
    }

    /**
     * Every way a value can be read back from a file: UTF-8, Latin-1, Windows-1252, UTF-16 after a byte order mark,
     * the {@link #NATIONAL} encodings and decoded base64 attachments.
     */
    static Map<String, String> texts(Path root) {
        Map<String, String> texts = new TreeMap<>();
        Pattern data = Pattern.compile("\"data\"\\s*:\\s*\"([A-Za-z0-9+/=]+)\"");
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                byte[] b = Files.readAllBytes(p);
                StringBuilder t = new StringBuilder(root.relativize(p).toString()).append('\n')
                        .append(new String(b, StandardCharsets.UTF_8)).append('\n')
                        .append(new String(b, StandardCharsets.ISO_8859_1)).append('\n').append(new String(b, CP1252));
                if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
                    t.append('\n').append(new String(b, StandardCharsets.UTF_16LE));
                }
                for (Charset cs : NATIONAL) {
                    t.append('\n').append(new String(b, cs));
                }
                Matcher m = data.matcher(new String(b, StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    t.append('\n').append(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
                }
                // the pictures inside notes, decoded (decision 0171): a data URI's base64, an RTF picture's digits
                Matcher uri = PICTURE_BASE64.matcher(t);
                StringBuilder pictures = new StringBuilder();
                while (uri.find()) {
                    pictures.append('\n').append(new String(Base64.getMimeDecoder().decode(uri.group(1)),
                            StandardCharsets.ISO_8859_1));
                }
                Matcher hex = PICTURE_HEX.matcher(t);
                while (hex.find()) {
                    String digits = hex.group(1).replaceAll("\\s", "");
                    if (digits.length() % 2 == 0) {
                        pictures.append('\n').append(new String(java.util.HexFormat.of().parseHex(digits),
                                StandardCharsets.ISO_8859_1));
                    }
                }
                t.append(pictures);
                // and everything again with its escapes read (decision 0167), in ASCII digits, without invisible
                // characters (a number written ٠٥٥‏٩٨٧٦٥٤٣)
                t.append('\n').append(unescaped(t.toString()));
                t.append('\n').append(plain(t.toString()));
                // Vietnamese typed in the combining form (decision 0246): looked for composed, as planted
                if (!java.text.Normalizer.isNormalized(t, java.text.Normalizer.Form.NFC)) {
                    t.append('\n').append(java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFC));
                }
                texts.put(root.relativize(p).toString(), t.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    private static final Pattern PICTURE_BASE64 = Pattern.compile("data:image/[a-z]+;base64,([A-Za-z0-9+/=]{16,})");
    private static final Pattern PICTURE_HEX = Pattern.compile("\\\\(?:jpeg|png)blip[^{}]*?(?:\\{[^{}]*\\})?\\s*"
            + "([0-9a-fA-F][0-9a-fA-F\\s]{31,})\\}");

    private static final Map<String, String> NAMED_REFERENCES = Map.ofEntries(Map.entry("auml", "ä"),
            Map.entry("ouml", "ö"), Map.entry("uuml", "ü"), Map.entry("Auml", "Ä"), Map.entry("Ouml", "Ö"),
            Map.entry("Uuml", "Ü"), Map.entry("szlig", "ß"), Map.entry("eacute", "é"), Map.entry("egrave", "è"),
            Map.entry("ecirc", "ê"), Map.entry("agrave", "à"), Map.entry("aacute", "á"), Map.entry("ccedil", "ç"),
            Map.entry("ntilde", "ñ"), Map.entry("oacute", "ó"), Map.entry("iacute", "í"), Map.entry("uacute", "ú"),
            Map.entry("aring", "å"), Map.entry("oslash", "ø"), Map.entry("aelig", "æ"), Map.entry("amp", "&"),
            Map.entry("apos", "'"), Map.entry("quot", "\""), Map.entry("lt", "<"), Map.entry("gt", ">"),
            Map.entry("nbsp", " "));
    /** References, and in an RTF document its escapes ({@code \\u} decimal), else JSON's ({@code \\u} four hex digits). */
    private static final Pattern RTF_ESCAPE = Pattern.compile("&#(\\d{1,7});|&#[xX]([0-9a-fA-F]{1,6});"
            + "|&([A-Za-z]{2,8});|\\\\'([0-9a-fA-F]{2})|\\\\u(-?\\d{1,5})(?:\\\\'[0-9a-fA-F]{2}|\\?)?");
    private static final Pattern OTHER_ESCAPE = Pattern.compile("&#(\\d{1,7});|&#[xX]([0-9a-fA-F]{1,6});"
            + "|&([A-Za-z]{2,8});|\\\\'([0-9a-fA-F]{2})|(?!)(x)|\\\\u([0-9a-fA-F]{4})");

    /**
     * A text as a person reads it when its letters are escapes (decision 0167): HTML and XML character references, RTF's
     * {@code \'hh} (Windows-1252) and Unicode escapes with their fallback, JSON's four-digit escapes. The test's own
     * reading, not the tool's: a planted name an output keeps as {@code M\'fcller} is still the name.
     */
    static String unescaped(String s) {
        return unescaped(s, CP1252);
    }

    /** {@link #unescaped(String)}, RTF's {@code \\'hh} read in {@code codePage}. */
    static String unescaped(String s, Charset codePage) {
        Matcher m = (s.contains("{\\rtf") ? RTF_ESCAPE : OTHER_ESCAPE).matcher(s);
        StringBuilder b = new StringBuilder(s.length());
        while (m.find()) {
            String c;
            if (m.group(1) != null || m.group(2) != null) {
                int cp = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
                c = Character.isValidCodePoint(cp) ? Character.toString(cp) : m.group();
            } else if (m.group(3) != null) {
                c = NAMED_REFERENCES.getOrDefault(m.group(3), m.group());
            } else if (m.group(4) != null) {
                c = new String(new byte[] {(byte) Integer.parseInt(m.group(4), 16)}, codePage);
            } else if (m.group(5) != null) {
                int n = Integer.parseInt(m.group(5));
                c = Character.toString((char) (n < 0 ? n + 65536 : n));
            } else {
                c = Character.toString((char) Integer.parseInt(m.group(6), 16));
            }
            m.appendReplacement(b, Matcher.quoteReplacement(c));
        }
        String read = m.appendTail(b).toString();
        return read + "\n" + visible(read, s.contains("{\\rtf"));
    }

    /** RTF's control words, groups, optional hyphens and source line breaks: nothing a reader sees. */
    private static final Pattern RTF_MARKUP = Pattern.compile("\\\\[A-Za-z]+-?\\d* ?|\\\\[-*]|[{}\r\n]");
    private static final Pattern TAG = Pattern.compile("<[^<>]{1,500}>");

    /**
     * A text without its markup (decision 0168): every tag, and in an RTF document every control word, group and
     * line break of the source, so that a name a writer split with a formatting run ({@code Schn</span><span>eider},
     * <code>M}{&#92;insrsid2 &#92;'fcller</code>) is still the name. Cruder than a reader (a paragraph's end joins the
     * next word), which only makes the leak check see more.
     */
    static String visible(String s, boolean rtf) {
        String v = rtf ? RTF_MARKUP.matcher(s).replaceAll("") : s;
        return TAG.matcher(v).replaceAll("");
    }

    /** The leak check's own reading of escapes finds a planted name an output would keep written as escapes. */
    /** The leak check's own test for NDJSON: a date shifted onto a planted one is no leak, the planted date copied is. */
    @Test
    void aPlantedDateAnotherDateWasShiftedOntoInAnNdjsonFileIsNoLeakButACopyIs(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(in.resolve("Encounter.ndjson"), "{\"period\":{\"start\":\"2023-01-01\",\"end\":\"2023-02-06\"}}\n");
        Pattern planted = word("2023-02-06");
        Files.writeString(out.resolve("Encounter.ndjson"), "{\"period\":{\"start\":\"2023-02-06\",\"end\":\"2023-03-14\"}}\n");
        assertTrue(onlyShiftedThere(in, out, "Encounter.ndjson", planted), "the start shifted onto the planted date");
        Files.writeString(out.resolve("Encounter.ndjson"), "{\"period\":{\"start\":\"2023-02-20\",\"end\":\"2023-02-06\"}}\n");
        assertTrue(!onlyShiftedThere(in, out, "Encounter.ndjson", planted), "the end copied as it was");
        Files.writeString(out.resolve("Encounter.ndjson"), "{\"period\":{\"start\":\"2023-02-20\"},\"note\":\"2023-02-06\"}\n");
        assertTrue(!onlyShiftedThere(in, out, "Encounter.ndjson", planted), "where the input had nothing");
    }

    /**
     * The same for a report saved as TSV with comment lines above its table (decision 0174; `reports/lims_export.tsv`
     * failed a run when a patient's draw was shifted onto another's planted draw date).
     */
    @Test
    void aPlantedDateAnotherDateWasShiftedOntoInAReportIsNoLeakButInATitleLineItIs(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(in.resolve("lims.tsv"), "# Exported by A, B on 2017-05-19\n\nMRN\tCollected\tTest\n"
                + "1\t04/17/2017 07:10\tFerritin\n2\t04/20/2017 08:02\tFerritin\n");
        Pattern planted = word("04/20/2017");
        Files.writeString(out.resolve("lims.tsv"), "# Exported by [NAME], [NAME] on [DATE]\n\nMRN\tCollected\tTest\n"
                + "X\t04/20/2017 07:10\tFerritin\nY\t03/02/2017 08:02\tFerritin\n");
        assertTrue(onlyShiftedThere(in, out, "lims.tsv", planted), "the first draw shifted onto the planted date");
        Files.writeString(out.resolve("lims.tsv"), "# Exported on 04/20/2017\n\nMRN\tCollected\tTest\n"
                + "X\t05/02/2017 07:10\tFerritin\nY\t03/02/2017 08:02\tFerritin\n");
        assertTrue(!onlyShiftedThere(in, out, "lims.tsv", planted), "a title line holding the planted date");
        Files.writeString(out.resolve("lims.tsv"), "# Exported by [NAME], [NAME] on [DATE]\n\nMRN\tCollected\tTest\n"
                + "X\t05/02/2017 07:10\tFerritin\nY\t04/20/2017 08:02\tFerritin\n");
        assertTrue(!onlyShiftedThere(in, out, "lims.tsv", planted), "the second draw copied as it was");
        // a ';' table whose notes hold as many commas as the table has delimiters (pl/epikryzy.csv failed two runs)
        Files.writeString(in.resolve("notes.csv"), "ID;DATE;TEXT\n1;21.03.2023;Przyjęta 12 marca 2023, kontrola.\n"
                + "2;03.01.2023;Pan X, przyjęty 28 grudnia 2022, wypisany 3 stycznia 2023.\n");
        Files.writeString(out.resolve("notes.csv"), "ID;DATE;TEXT\nA;12.01.2023;Przyjęta 3 stycznia 2023, kontrola.\n"
                + "B;18.02.2022;Pan [NAME], przyjęty 12 lutego 2022, wypisany 18 lutego 2022.\n");
        assertTrue(onlyShiftedThere(in, out, "notes.csv", word("3 stycznia 2023")),
                "another patient's note shifted onto the planted date");
        // a ';' table of letters whose quoted lines hold more commas than its records hold ';' (de/arztbriefe.csv
        // failed a run: the table was read with ',' and the letter's shifted date taken for a line outside it)
        Files.writeString(in.resolve("briefe.csv"), "Fall;Datum;Text\n1;21.03.2023;\"Sehr geehrte Frau Dr. X,\n"
                + "wir berichten, geb. [DOB], wohnhaft A, B, C, am 12. März 2023, durchgeführt, entlassen.\n"
                + "Mit Grüßen, Dr. Z\nProf. Dr. A, Chefarzt\"\n"
                + "2;15.05.2023;\"Sehr geehrter Herr Dr. Y,\nSturz am 6. Mai 2023, Fraktur, links, rechts, oben, unten, vorn, hinten, innen, außen.\n"
                + "Mit Grüßen, Dr. Z\nProf. Dr. A, Chefarzt\"\n");
        Files.writeString(out.resolve("briefe.csv"), "Fall;Datum;Text\nA;15.05.2023;\"Sehr geehrte Frau Dr. [NAME],\n"
                + "wir berichten, geb. [DOB], wohnhaft A, B, C, am 6. Mai 2023, durchgeführt, entlassen.\n"
                + "Mit Grüßen, Dr. Z\nProf. Dr. A, Chefarzt\"\n"
                + "B;01.07.2023;\"Sehr geehrter Herr Dr. [NAME],\nSturz am 22. Juni 2023, Fraktur, links, rechts, oben, unten, vorn, hinten, innen, außen.\n"
                + "Mit Grüßen, Dr. Z\nProf. Dr. A, Chefarzt\"\n");
        assertTrue(onlyShiftedThere(in, out, "briefe.csv", word("6. Mai 2023")),
                "a letter's date shifted onto another letter's planted date");
        // a month without its day, whose row moved by a week: its middle stays in the month (trials/rave_dm.csv failed
        // 7 of 80 hunted runs); moved by 90 days, the same month is a copy
        Files.writeString(in.resolve("dm.csv"), "subject,SaveTs,BRTHDAT_RAW\nA,2017-03-06T10:10:11,UN MAR 1944\n");
        Files.writeString(out.resolve("dm.csv"), "subject,SaveTs,BRTHDAT_RAW\nX,2017-03-13T10:10:11,UN MAR 1944\n");
        assertTrue(onlyShiftedThere(in, out, "dm.csv", word("UN MAR 1944")), "a month its row's week keeps");
        Files.writeString(out.resolve("dm.csv"), "subject,SaveTs,BRTHDAT_RAW\nX,2017-06-04T10:10:11,UN MAR 1944\n");
        assertTrue(!onlyShiftedThere(in, out, "dm.csv", word("UN MAR 1944")), "a month its row's 90 days would move");
        // an output whose name the run wrote with its date as DATE (a REDCap export's; redcap/ failed one run)
        Files.writeString(in.resolve("Proj_DATA_2023-03-01_0930.csv"), "record_id,stamp\n1,2023-02-10 16:22\n");
        Files.writeString(out.resolve("Proj_DATA_DATE_0930.csv"), "record_id,stamp\nX,2023-03-13 16:22\n");
        assertTrue(onlyShiftedThere(in, out, "Proj_DATA_DATE_0930.csv", word("2023-03-13")),
                "a survey's time shifted onto the planted date, in a file renamed");
    }

    @Test
    void theLeakCheckReadsNamesWrittenAsEscapes() {
        assertTrue(unescaped("{\\rtf1 Herr M\\'fcller, \\u268?apek}").contains("Herr Müller, Čapek"));
        assertTrue(unescaped("<p>M&uuml;ller &#74;&#xFC;rgen</p>").contains("Müller Jürgen"));
        assertTrue(unescaped("{\"n\": \"J\\u00fcrgen\"}").contains("Jürgen"));
        assertTrue(unescaped("{\\rtf1 Frau {\\insrsid1 M}{\\insrsid2 \\'fcl\r\nler}, No\\-wak}").contains("Müller, Nowak"));
        assertTrue(unescaped("<p>Herr Schn</span><span lang=DE>eider</p>").contains("Herr Schneider"));
    }

    /**
     * A text as a reader sees it (decision 0132): Arabic-Indic and Persian digits as ASCII digits, without bidi controls,
     * zero-width characters and tatweel. The test's own reading, not the scrubber's: a planted number is looked for in
     * the digits it was written in and in ASCII ones, and a name with a tatweel or a mark inside is still the name.
     */
    static String plain(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0640' || c >= '\u200B' && c <= '\u200F' || c >= '\u202A' && c <= '\u202E' || c == '\u2060'
                    || c >= '\u2066' && c <= '\u2069' || c == '\uFEFF') {
                continue;
            }
            b.append(c >= '\u0660' && c <= '\u0669' ? (char) ('0' + c - '\u0660')
                    : c >= '\u06F0' && c <= '\u06F9' ? (char) ('0' + c - '\u06F0') : c);
        }
        return b.toString();
    }

    private static List<String[]> tsv(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve(name), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                rows.add(line.split("\t", 2));
            }
        }
        return rows;
    }

    /**
     * A value as a word; in a script written without spaces (Chinese characters, kana, Hangul, Thai), anywhere but
     * inside a longer number: Thai "๑๓ ม.ค. ๒๕๖๖" (a discharge shifted by +10 days) does not hold the planted
     * "๓ ม.ค. ๒๕๖๖" (it failed 1 CI run in ~40).
     */
    private static Pattern word(String v) {
        if (v.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.THAI)) {
            return Pattern.compile("(?<!\\p{N})" + Pattern.quote(v) + "(?!\\p{N})");
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(v) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * Planted dates: ISO, compact, slash, dot and dash ({@code 12-03-2023}, Portugal's) notations (of any century:
     * MIMIC's are shifted into the 2100s), and with the month's name ({@code 12 marzo 2023}, {@code 12 de marzo de
     * 2023}, {@code 3. März 2023}, {@code 12-ABR-2023}, SAS's {@code 12MAR2023}).
     */
    private static final String CJK_DATE = "(?:\\d{4}|(?:\u4ee4\u548c|\u5e73\u6210|\u662d\u548c)\\d{1,2})"
            + "(?:\u5e74|\ub144 ?)\\d{1,2}(?:\u6708|\uc6d4 ?)\\d{1,2}(?:\u65e5|\uc77c)";
    private static final List<String> DATE_NOTATIONS = List.of("\\d{8}", "\\d{4}-\\d\\d-\\d\\d",
            "\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})", "\\d{1,2}\\.\\d{1,2}\\.(?:\\d{4}|\\d{2})", "\\d{1,2}-\\d{1,2}-\\d{4}",
            // Russian writes "г." after the year: "12 марта 2023 г." shifted by +9 days is the planted "21 марта 2023
            // г." of the same patient's discharge, a coincidence to accept as the others are (it failed 1 run in ~25)
            "\\d{1,2}\\.? (?:de )?\\p{L}+ (?:de )?\\d{4}(?: \u0433\\.)?", "\\d{2}-\\p{L}{3}-\\d{4}",
            "\\d{2}\\p{L}{3}\\d{4}", // and SAS's date9. (12MAR2023; decision 0138)
            // Chinese and Japanese 2023年3月12日, Korean 2023년 3월 12일: a patient's +44 days moves the Korean note's
            // planted "2023년 3월 12일" onto the other patient's planted "2023년 4월 25일" (it failed 1 CI run)
            CJK_DATE,
            // and Thai 12 มี.ค. 2566 (an abbreviated month), Arabic and Persian 1445/03/12 (read in ASCII digits)
            "\\d{1,2} \\p{L}+\\.\\p{L}+\\. \\d{4}", "\\d{4}/\\d{1,2}/\\d{1,2}",
            // and a UB-04's MMDDYY (decision 0228): a claim's 011524 moved +3 days is the planted 011824 of its admission,
            // which without this notation counted as the date left in place (ub04 failed 1 local run in 5)
            "(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{2}");
    private static final Pattern COMPACT_OR_ISO_DATE = Pattern.compile(String.join("|", DATE_NOTATIONS));

    /**
     * The input an output file was written from: the same relative path, or the one whose name the run wrote with its
     * dates as {@code DATE} (REDCap's {@code Project_DATA_2023-07-05_1412.csv} is written {@code Project_DATA_DATE_1412.csv}:
     * a date in a file name may be a patient's). The report names no input, by design.
     */
    static Path inputOf(Path inputs, String file) throws java.io.IOException {
        Path same = inputs.resolve(file);
        if (Files.exists(same)) {
            return same;
        }
        try (java.util.stream.Stream<Path> all = Files.walk(inputs)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> inputs.relativize(p).toString().replaceAll("\\d{4}-\\d{2}-\\d{2}", "DATE").equals(file))
                    .findFirst().orElse(same);
        }
    }

    /**
     * Whether every cell of an output CSV (UTF-8, comma-separated, as the corpus's US folders are) that holds a planted
     * date holds it because another date of its input cell was shifted onto it: the output's row and column (by header)
     * held something else in the input. A run's offsets come from a new key, so a claim date shifted by its patient's
     * offset lands on a planted death date now and then; the same date copied from the input is still a leak. Anything
     * this cannot compare (not a CSV, rows or headers that differ) counts as a leak.
     */
    private static boolean onlyShiftedThere(Path inputs, Path outputs, String file, Pattern date) throws Exception {
        if (file.endsWith(".ndjson")) {
            return onlyShiftedInNdjson(inputs, outputs, file, date);
        }
        if (!file.endsWith(".csv") && !file.endsWith(".tsv") && !file.endsWith(".txt")) {
            return false;
        }
        // any delimiter (the Italian export's ';') and encoding: the one the output shows the date in (the Korean CP949,
        // Arabic-Indic digits read as ASCII ones); none shows it: a leak
        byte[] written = Files.readAllBytes(outputs.resolve(file));
        Charset charset = null;
        if (!date.matcher(plain(Corpus.decode(written))).find()) {
            charset = NATIONAL.stream().filter(cs -> date.matcher(plain(new String(written, cs))).find()).findFirst()
                    .orElse(null);
            if (charset == null) {
                return false;
            }
        }
        byte[] read = Files.readAllBytes(inputOf(inputs, file));
        Corpus.Report input = Corpus.Report.of(plain(charset == null ? Corpus.decode(read) : new String(read, charset)));
        Corpus.Report output = Corpus.Report.of(plain(charset == null ? Corpus.decode(written) : new String(written, charset)));
        Corpus.Table in = input.table();
        Corpus.Table out = output.table();
        if (in.rows().size() != out.rows().size() || output.outside().stream().anyMatch(l -> date.matcher(l).find())) {
            return false; // a date in a report's own line is no cell shifted: a leak
        }
        for (int r = 0; r < out.rows().size(); r++) {
            for (int c = 0; c < out.header().size(); c++) {
                int inColumn = in.header().indexOf(out.header().get(c));
                if (date.matcher(out.rows().get(r).get(c)).find()
                        && (inColumn < 0 || date.matcher(in.rows().get(r).get(inColumn)).find()
                                && !shiftedOntoAnother(in.rows().get(r).get(inColumn), out.rows().get(r).get(c), date)
                                && !monthKeptByTheRowsOffset(in, out, r, out.rows().get(r).get(c)))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The same for an NDJSON file (a FHIR bulk export): every string of an output resource that holds the planted date
     * stands where its input resource (the same line) held another date, which the run shifted onto it; the date copied
     * from the input, or in a place the input did not have, is a leak. A `fhir-anz` encounter date shifted onto a date
     * another folder planted failed a CI rehearsal when only CSV files were compared.
     */
    private static boolean onlyShiftedInNdjson(Path inputs, Path outputs, String file, Pattern date) throws Exception {
        List<String> in = Files.readAllLines(inputOf(inputs, file), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        List<String> out = Files.readAllLines(outputs.resolve(file), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        if (in.size() != out.size()) {
            return false;
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int i = 0; i < out.size(); i++) {
            com.fasterxml.jackson.databind.JsonNode before = json.readTree(in.get(i));
            List<String[]> written = new ArrayList<>();
            strings(json.readTree(out.get(i)), "", written);
            for (String[] leaf : written) {
                if (!date.matcher(plain(leaf[1])).find()) {
                    continue;
                }
                com.fasterxml.jackson.databind.JsonNode was = before.at(leaf[0]);
                if (!was.isTextual() || date.matcher(plain(was.asText())).find()
                        && !shiftedOntoAnother(plain(was.asText()), plain(leaf[1]), date)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Every string of a JSON tree with its JSON Pointer. */
    private static void strings(com.fasterxml.jackson.databind.JsonNode node, String pointer, List<String[]> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> strings(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0")
                    .replace("/", "~1"), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                strings(node.get(i), pointer + "/" + i, out);
            }
        } else if (node.isTextual()) {
            out.add(new String[] {pointer, node.asText()});
        }
    }

    /**
     * Whether a cell that holds the date before and after holds it after only as another of its dates shifted onto it:
     * a note with "12 marca 2023" and "18 kwietnia 2023" whose patient's offset is +37 days reads "18 kwietnia 2023"
     * and "25 maja 2023". The cell's dates are compared in order; the date is left in place when one of them is the
     * date before and after.
     */
    private static boolean shiftedOntoAnother(String before, String after, Pattern date) {
        Pattern notation = null; // the date's notation alone: a PESEL's digits are no compact date beside "12 marca 2023"
        for (String alternative : DATE_NOTATIONS) {
            // a CJK date ends in a letter of its own and is written without a space before the next word: 2023年3月12日住院
            Pattern a = Pattern.compile("(?<![\\d\\p{L}])(?:" + alternative + ")"
                    + (alternative.equals(CJK_DATE) ? "" : "(?![\\d\\p{L}])"));
            if (COMPACT_OR_ISO_DATE.matcher(before).results()
                    .anyMatch(m -> date.matcher(m.group()).find() && a.matcher(m.group()).matches())) {
                notation = a;
                break;
            }
        }
        if (notation == null) {
            return false;
        }
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        notation.matcher(before).results().forEach(m -> in.add(m.group()));
        notation.matcher(after).results().forEach(m -> out.add(m.group()));
        if (in.size() > out.size() && !out.isEmpty()) {
            // one of the cell's dates was replaced ("geb. 03.04.1941" by "[DOB]"), so the dates no longer pair up in order
            return oneOffsetExplains(in, out);
        }
        if (in.isEmpty() || in.size() != out.size()) {
            return false;
        }
        for (int i = 0; i < in.size(); i++) {
            if (in.get(i).equalsIgnoreCase(out.get(i)) && date.matcher(in.get(i)).find()) {
                return false;
            }
        }
        return true;
    }

    /** A month without its day, as trials and reports write one: {@code UN MAR 1944}, {@code 1944-03}. */
    private static final Pattern MONTH_PRECISION = Pattern.compile("(?:UN )?(?<mon>\\p{Lu}{3}) (?<y>\\d{4})|(?<y2>\\d{4})-(?<m2>\\d{2})");

    /**
     * Whether a cell that is a month without its day ({@code UN MAR 1944}) comes out as it went in because its row's
     * offset keeps the month: the run moves such a month's middle by the patient's offset (decision 0152), so an offset
     * of two weeks or less leaves it where it was. The offset is read from another date of the same row, moved by the
     * same patient's offset ({@code SaveTs}). trials/rave_dm.csv failed 7 of 80 hunted runs before this.
     */
    private static boolean monthKeptByTheRowsOffset(Corpus.Table in, Corpus.Table out, int row, String cell) {
        java.util.regex.Matcher m = MONTH_PRECISION.matcher(cell.strip());
        if (!m.matches()) {
            return false;
        }
        LocalDate middle;
        try {
            middle = m.group("y") != null
                    ? LocalDate.of(Integer.parseInt(m.group("y")), java.util.Arrays.stream(java.time.Month.values())
                            .filter(x -> x.name().startsWith(m.group("mon"))).findFirst().orElseThrow().getValue(), 15)
                    : LocalDate.of(Integer.parseInt(m.group("y2")), Integer.parseInt(m.group("m2")), 15);
        } catch (RuntimeException notAMonth) {
            return false;
        }
        for (int c = 0; c < out.header().size(); c++) {
            int inColumn = in.header().indexOf(out.header().get(c));
            String before = inColumn < 0 ? "" : in.rows().get(row).get(inColumn);
            String after = out.rows().get(row).get(c);
            if (before.length() >= 10 && after.length() >= 10 && ISO_DAY.matcher(before).lookingAt()
                    && ISO_DAY.matcher(after).lookingAt() && !before.substring(0, 10).equals(after.substring(0, 10))) {
                long offset = ChronoUnit.DAYS.between(LocalDate.parse(before.substring(0, 10)),
                        LocalDate.parse(after.substring(0, 10)));
                LocalDate moved = middle.plusDays(offset);
                return moved.getYear() == middle.getYear() && moved.getMonth() == middle.getMonth();
            }
        }
        return false;
    }

    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** Numeric notations of a day, read to tell how far a cell's dates moved. */
    private static final List<DateTimeFormatter> NUMERIC_DAYS = List.of(DateTimeFormatter.ofPattern("d.M.uuuu"),
            DateTimeFormatter.ofPattern("d.M.uu"), DateTimeFormatter.ofPattern("uuuu-MM-dd"),
            DateTimeFormatter.ofPattern("uuuuMMdd"), DateTimeFormatter.ofPattern("d-M-uuuu"),
            DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("M/d/uuuu"),
            DateTimeFormatter.ofPattern("MMdduu"),
            DateTimeFormatter.ofPattern("uuuu\u5e74M\u6708d\u65e5"), DateTimeFormatter.ofPattern("uuuu\ub144 M\uc6d4 d\uc77c"));

    /**
     * Whether every numeric date of a cell's output is one of its input dates moved by one offset, other than none, each
     * input date used once: the cell's dates were shifted together and one of them was replaced on the way (a birth
     * date by {@code [DOB]}: "vom 12.03.2023 bis 21.03.2023" at −9 days reads "vom 03.03.2023 bis 12.03.2023"). A date
     * copied unshifted needs the offset 0, or another date of the cell exactly that far before it. False when a date
     * cannot be read in one notation for both sides.
     */
    private static boolean oneOffsetExplains(List<String> in, List<String> out) {
        for (DateTimeFormatter f : NUMERIC_DAYS) {
            List<LocalDate> before = new ArrayList<>();
            List<LocalDate> after = new ArrayList<>();
            try {
                in.forEach(d -> before.add(LocalDate.parse(d, f)));
                out.forEach(d -> after.add(LocalDate.parse(d, f)));
            } catch (java.time.format.DateTimeParseException e) {
                continue;
            }
            Set<Long> offsets = new TreeSet<>();
            before.forEach(x -> after.forEach(y -> offsets.add(ChronoUnit.DAYS.between(x, y))));
            for (long k : offsets) {
                List<LocalDate> unused = new ArrayList<>(before);
                if (k != 0 && after.stream().allMatch(y -> unused.remove(y.minusDays(k)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every folder of the corpus, each run whole: the three checks below (no leak, verify clean, values kept) ask each. */
    static List<String> folders() {
        return List.of("pcornet", "fr", "nl", "se", "fhir", "dicom", "cjk", "excel", "fhir-narrative", "linked", "uk",
                "claims", "mimic", "cerner", "i2b2", "it", "es", "pl", "fhir-us", "br", "pt", "tr", "in", "au", "nz", "ca",
                "fhir-anz", "jp", "kr", "cn", "hl7", "clarity", "mx", "cl", "th", "ru", "gr", "sa", "ir", "il", "opaque",
                "ages", "de", "de-fhir", "word", "lake", "reports", "paged", "trials", "redcap", "eu", "lists", "va", "hl7-files",
                "us-clinic", "dicom-vendor", "dental", "mds", "portal", "sequencing", "pathology", "iis", "naaccr", "nemsis",
                "sdtm", "ub04", "hcup", "ris", "pacs", "trauma", "orlog", "wearables", "sea", "africa", "vn", "sasia",
                "vnascii", "sascript");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("folders")
    void noPlantedIdentifierIsLeftInAnyOutputByte(String folder) throws Exception {
        Leaks found = leaks(ROOT.resolve(folder), output(folder));
        assertTrue(found.planted() > 10, "planted values found in the input: " + found.planted());
        assertTrue(found.files().isEmpty(), "identifiers left, by category: " + found.files());
    }

    /**
     * {@code deid run --verify} passes on every folder: the verifier, with the run's own key file, finds neither an
     * original value nor a PHI pattern in the output. A French note's "née le" before the birth date the run had only
     * shifted made it fail (decision 0143). Hits are named by file, location and kind, never by value.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("folders")
    void theVerifierFindsNothingInAnyOutput(String folder) throws Exception {
        Path out = output(folder);
        org.deidworkbench.keyfile.KeyFileContents keys =
                org.deidworkbench.keyfile.KeyFileStore.open(out.getParent().resolve("study.deidkey"), PASSPHRASE);
        VerifyReport r = new VerifyJob(out, keys, false, 2).run();
        List<String> where = new ArrayList<>();
        for (VerifyReport.FileHits f : r.hits()) {
            for (VerifyReport.Hit h : f.listed()) {
                where.add(f.path() + " " + h.location() + ": " + h.kind());
            }
        }
        assertTrue(r.values() >= 10, "original values in the key file: " + r.values());
        assertTrue(r.clean(), () -> "verifier hits: " + where);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("folders")
    void codesAndMeasurementsComeOutByteIdentical(String folder) throws Exception {
        String all = String.join("\n", texts(output(folder)).values());
        List<String> lost = new ArrayList<>();
        int kept = 0;
        for (String[] k : tsv("kept.tsv")) {
            if (k[0].equals(folder)) {
                kept++;
                if (!all.contains(k[1])) {
                    lost.add(k[1]); // codes and measurements, not identifiers
                }
            }
        }
        assertTrue(kept > 0);
        assertTrue(lost.isEmpty(), "research values lost: " + lost);
    }

    /**
     * A {@code subject} or {@code patient} Reference with a display and neither a reference nor an identifier, in
     * resources other than a Communication, as NDJSON, in a JSON Bundle, as an XML resource and in an XML Bundle
     * (folder {@code fhir-display-only}): the display names a patient no resource of the export holds, so only the
     * rule {@code unresolved-person-display} can take it out. Each name is gone; the resources and their codes stay.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Encounter.ndjson:Kranichfeld, Adelheid", "Encounter.ndjson:Adelheid Kranichfeld",
        "Encounter.ndjson:MÜLLER-LÜDENSCHEIDT, Hannelore", "Encounter.ndjson:Zbigniew Brzęczyszczykiewicz",
        "bundle.json:Wilhelmina Brzostowska-Quack", "bundle.json:Pfefferkorn, Gundula",
        "encounter.xml:Ottokar Zwiebelfisch", "immunization.xml:Radegunde Quastenflosser"})
    void aDisplayOnlySubjectOrPatientLeavesNoNameInAnyResource(String fileAndName) throws Exception {
        String file = fileAndName.substring(0, fileAndName.indexOf(':'));
        String name = fileAndName.substring(file.length() + 1);
        Path out = output("fhir-display-only");
        assertTrue(Files.readString(ROOT.resolve("fhir-display-only").resolve(file)).contains(name));
        String text = Files.readString(out.resolve(file), StandardCharsets.UTF_8);
        for (String part : name.split("[ ,]+")) {
            assertTrue(!word(part).matcher(text).find(), file + " keeps a part of a display-only subject's name");
        }
        for (String kept : List.of("Hypertension", "Weight", "Body height", "Penicillin", "Influenza", "IMP")) {
            if (Files.readString(ROOT.resolve("fhir-display-only").resolve(file)).contains(kept)) {
                assertTrue(text.contains(kept), file + " lost " + kept);
            }
        }
    }

    /**
     * The East Asian folders' encodings (decision 0127), by folder: the test reads their inputs and outputs in them, not
     * with the sniffer it tests.
     */
    private static final Map<String, Charset> EAST_ASIAN = Map.of("jp", Charset.forName("windows-31j"),
            "kr", Charset.forName("x-windows-949"), "cn", Charset.forName("GB18030"));

    /** The charset of a corpus file or of its output (in {@code deid-adversarial-<folder>…/out}), or null. */
    private static Charset eastAsianCharset(Path file) {
        if (file.getFileName().toString().equals("imarat.csv")) {
            return CP1256; // the UAE clinic's file of the sa folder (decision 0132)
        }
        for (Path part : file.toAbsolutePath()) {
            String p = part.toString();
            if (p.equals("il") || p.startsWith("deid-adversarial-il")) {
                return CP1255; // the Israeli folder (decision 0132)
            }
            for (Map.Entry<String, Charset> e : EAST_ASIAN.entrySet()) {
                if (p.equals(e.getKey()) || p.startsWith("deid-adversarial-" + e.getKey())) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    /**
     * A file of the {@code th} folder or of its output: Windows-874 (TIS-620), unless it decodes as UTF-8 (the lab file
     * is UTF-8); null for any other folder (decision 0133).
     */
    private static Charset thaiCharset(Path file) throws IOException {
        for (Path part : file.toAbsolutePath()) {
            if (part.toString().equals("th") || part.toString().startsWith("deid-adversarial-th")) {
                try {
                    StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)));
                    return StandardCharsets.UTF_8;
                } catch (java.nio.charset.CharacterCodingException e) {
                    return WINDOWS_874;
                }
            }
        }
        return null;
    }

    /**
     * The charset of a file of the Russian and Greek folders or of its output (decision 0131), by folder and file; null
     * for the UTF-8 file (read with its byte order mark) and for every other folder.
     */
    private static Charset cyrillicGreekCharset(Path file) {
        String name = file.getFileName().toString();
        for (Path part : file.toAbsolutePath()) {
            String p = part.toString();
            if (p.equals("ru") || p.startsWith("deid-adversarial-ru")) {
                return name.equals("spisok_koi8.csv") ? Charset.forName("KOI8-R")
                        : name.equals("vypiski_utf8.csv") ? null : Charset.forName("windows-1251");
            }
            if (p.equals("gr") || p.startsWith("deid-adversarial-gr")) {
                return name.equals("nosileies.csv") ? Charset.forName("ISO-8859-7") : Charset.forName("windows-1253");
            }
        }
        return null;
    }

    private static List<String> column(Path file, String name) throws IOException {
        Charset charset = cyrillicGreekCharset(file) != null ? cyrillicGreekCharset(file)
                : eastAsianCharset(file) != null ? eastAsianCharset(file) : thaiCharset(file);
        Corpus.Table t = Corpus.read(file, charset);
        int c = t.header().indexOf(name);
        assertTrue(c >= 0, file.getFileName() + " has no column " + name);
        return t.rows().stream().map(r -> r.get(c)).toList();
    }

    /** Each reference still finds its key, and the key is no longer the original. */
    @ParameterizedTest
    @ValueSource(strings = {"pcornet/encounter.csv:encounterid<diagnosis.csv:encounterid",
        "pcornet/demographic.csv:patid<encounter.csv:patid", "pcornet/demographic.csv:patid<note.csv:patid",
        "fr/patients.csv:IPP<sejours.csv:IPP", "fr/patients.csv:IPP<biologie.csv:IPP",
        "fr/patients.csv:IPP<comptes_rendus.csv:IPP", "fr/sejours.csv:NUM_SEJOUR<diagnostics.csv:NUM_SEJOUR",
        "nl/patienten.csv:patientnummer<opnames.csv:patientnummer",
        "se/patient.csv:personnummer<vardkontakt.csv:personnummer", "se/patient.csv:personnummer<labb.csv:personnummer",
        "se/vardkontakt.csv:kontakt_id<labb.csv:kontakt_id", "excel/patients.txt:Patient ID<visits.csv:Patient ID",
        "uk/patients.csv:NHS_NUMBER<pathology.csv:NHS_NUMBER", "uk/patients.csv:NHS_NUMBER<clinic_letters.csv:NHS_NUMBER",
        "uk/apc_episodes.csv:EPIKEY<apc_diagnoses.csv:EPIKEY", "uk/patients.csv:NHS_NUMBER<apc_episodes.csv:NHS_NUMBER",
        "claims/beneficiary_summary.csv:DESYNPUF_ID<bene_pii.csv:DESYNPUF_ID",
        "claims/beneficiary_summary.csv:DESYNPUF_ID<inpatient_claims.csv:DESYNPUF_ID",
        "claims/beneficiary_summary.csv:DESYNPUF_ID<carrier_claims.csv:DESYNPUF_ID",
        "claims/beneficiary_summary.csv:DESYNPUF_ID<rx_events.csv:DESYNPUF_ID",
        "claims/beneficiary_summary.csv:DESYNPUF_ID<case_notes.csv:DESYNPUF_ID",
        "mimic/hosp/patients.csv:subject_id<hosp/admissions.csv:subject_id",
        "mimic/hosp/patients.csv:subject_id<hosp/patients_pii.csv:subject_id",
        "mimic/hosp/patients.csv:subject_id<icu/chartevents.csv:subject_id",
        "mimic/hosp/patients.csv:subject_id<note/discharge.csv:subject_id",
        "mimic/hosp/admissions.csv:hadm_id<hosp/diagnoses_icd.csv:hadm_id",
        "mimic/hosp/admissions.csv:hadm_id<hosp/labevents.csv:hadm_id",
        "mimic/hosp/admissions.csv:hadm_id<icu/icustays.csv:hadm_id",
        "mimic/hosp/admissions.csv:hadm_id<note/radiology.csv:hadm_id",
        "mimic/icu/icustays.csv:stay_id<icu/chartevents.csv:stay_id",
        "mimic/note/discharge.csv:note_id<note/discharge_detail.csv:note_id",
        "mimic/note/radiology.csv:note_id<note/radiology_detail.csv:note_id",
        "mimic/hosp/poe.csv:poe_id<hosp/prescriptions.csv:poe_id", "mimic/hosp/poe.csv:poe_id<hosp/emar.csv:poe_id",
        "mimic/hosp/prescriptions.csv:pharmacy_id<hosp/emar.csv:pharmacy_id",
        "mimic/hosp/provider.csv:provider_id<hosp/admissions.csv:admit_provider_id",
        "mimic/hosp/provider.csv:provider_id<hosp/labevents.csv:order_provider_id",
        "cerner/person.csv:PERSON_ID<encounter.csv:PERSON_ID", "cerner/person.csv:PERSON_ID<clinical_event.csv:PERSON_ID",
        "cerner/person.csv:PERSON_ID<person_alias.csv:PERSON_ID", "cerner/person.csv:PERSON_ID<ce_blob.csv:PERSON_ID",
        "cerner/person.csv:PERSON_ID<person_address.csv:PERSON_ID",
        "cerner/encounter.csv:ENCNTR_ID<clinical_event.csv:ENCNTR_ID", "cerner/encounter.csv:ENCNTR_ID<ce_blob.csv:ENCNTR_ID",
        "cerner/clinical_event.csv:EVENT_ID<ce_blob.csv:EVENT_ID",
        "i2b2/patient_dimension.csv:patient_num<visit_dimension.csv:patient_num",
        "i2b2/patient_dimension.csv:patient_num<observation_fact.csv:patient_num",
        "i2b2/patient_dimension.csv:patient_num<patient_mapping.csv:patient_num",
        "i2b2/visit_dimension.csv:encounter_num<observation_fact.csv:encounter_num",
        "i2b2/visit_dimension.csv:encounter_num<encounter_mapping.csv:encounter_num",
        "i2b2/provider_dimension.csv:provider_id<observation_fact.csv:provider_id",
        "it/pazienti.csv:ID_PAZIENTE<ricoveri.csv:ID_PAZIENTE", "it/pazienti.csv:ID_PAZIENTE<esami.csv:ID_PAZIENTE",
        "it/pazienti.csv:ID_PAZIENTE<labor_bozen.csv:ID_PAZIENTE", "it/pazienti.csv:ID_PAZIENTE<referti.csv:ID_PAZIENTE",
        "it/ricoveri.csv:NOSOLOGICO<esami.csv:NOSOLOGICO", "it/ricoveri.csv:NOSOLOGICO<referti.csv:NOSOLOGICO",
        "es/pacientes.csv:NHC<episodios.csv:NHC", "es/pacientes.csv:NHC<laboratorio.csv:NHC",
        "es/pacientes.csv:NHC<informes.csv:NHC", "es/episodios.csv:EPISODIO<laboratorio.csv:EPISODIO",
        "es/episodios.csv:EPISODIO<informes.csv:EPISODIO",
        "pl/pacjenci.csv:ID_PACJENTA<pobyty.csv:ID_PACJENTA", "pl/pacjenci.csv:ID_PACJENTA<wyniki.csv:ID_PACJENTA",
        "pl/pacjenci.csv:ID_PACJENTA<epikryzy.csv:ID_PACJENTA", "pl/pobyty.csv:NR_KSIEGI<wyniki.csv:NR_KSIEGI",
        "br/pacientes.csv:PRONTUARIO<internacoes.csv:PRONTUARIO", "br/pacientes.csv:PRONTUARIO<exames.csv:PRONTUARIO",
        "br/pacientes.csv:PRONTUARIO<evolucoes.csv:PRONTUARIO", "br/internacoes.csv:NUM_AIH<exames.csv:NUM_AIH",
        "br/internacoes.csv:NUM_AIH<evolucoes.csv:NUM_AIH",
        "pt/doentes.csv:N_PROCESSO<episodios.csv:N_PROCESSO", "pt/doentes.csv:N_PROCESSO<notas_alta.csv:N_PROCESSO",
        "pt/episodios.csv:N_EPISODIO<analises.csv:N_EPISODIO", "pt/episodios.csv:N_EPISODIO<notas_alta.csv:N_EPISODIO",
        "tr/hastalar.csv:HASTA_NO<yatislar.csv:HASTA_NO", "tr/hastalar.csv:HASTA_NO<epikrizler.csv:HASTA_NO",
        "tr/yatislar.csv:YATIS_NO<tahliller.csv:YATIS_NO", "tr/yatislar.csv:YATIS_NO<epikrizler.csv:YATIS_NO",
        "in/patients.csv:UHID<admissions.csv:UHID", "in/patients.csv:UHID<discharge_summaries.csv:UHID",
        "in/patients.csv:UHID<lab_results.csv:UHID", "in/admissions.csv:IP_NO<lab_results.csv:IP_NO",
        "in/admissions.csv:IP_NO<discharge_summaries.csv:IP_NO",
        "au/patients.csv:PATIENT_ID<apdc_episodes.csv:PATIENT_ID", "au/patients.csv:PATIENT_ID<mbs_claims.csv:PATIENT_ID",
        "au/patients.csv:PATIENT_ID<progress_notes.csv:PATIENT_ID", "nz/patients.csv:NHI<nmds_events.csv:NHI",
        "nz/patients.csv:NHI<clinical_notes.csv:NHI", "ca/patients.csv:CHART_NO<dad_abstracts.csv:CHART_NO",
        "ca/patients.csv:CHART_NO<notes.csv:CHART_NO", "ca/patients.csv:CHART_NO<patient_sin.csv:CHART_NO",
        "jp/kanja.csv:患者ID<nyuin.csv:患者ID", "jp/kanja.csv:患者ID<kiroku.csv:患者ID", "jp/kanja.csv:患者ID<kensa.csv:患者ID",
        "jp/kanja.csv:患者ID<kyu_system.csv:ｶﾙﾃNO",
        "jp/nyuin.csv:入院番号<kensa.csv:入院番号", "jp/nyuin.csv:入院番号<kiroku.csv:入院番号",
        "kr/hwanja.csv:환자번호<ipwon.csv:환자번호", "kr/hwanja.csv:환자번호<girok.csv:환자번호",
        "kr/ipwon.csv:입원번호<girok.csv:입원번호", "cn/huanzhe.csv:住院号<zhenduan.csv:住院号",
        "cn/huanzhe.csv:住院号<bingcheng.csv:住院号",
        "clarity/patient.csv:PAT_ID<pat_enc.csv:PAT_ID", "clarity/pat_enc.csv:PAT_ENC_CSN_ID<pat_enc_dx.csv:PAT_ENC_CSN_ID",
        "clarity/pat_enc.csv:PAT_ENC_CSN_ID<order_results.csv:PAT_ENC_CSN_ID",
        "clarity/pat_enc.csv:PAT_ENC_CSN_ID<hno_note_text.csv:PAT_ENC_CSN_ID",
        "mx/pacientes.csv:Expediente<egresos.csv:Expediente", "mx/pacientes.csv:Expediente<notas.csv:Expediente",
        "mx/pacientes.csv:Expediente<laboratorio.csv:Expediente", "mx/egresos.csv:Folio<laboratorio.csv:Folio",
        "mx/egresos.csv:Folio<notas.csv:Folio", "cl/atenciones.csv:ID_ATENCION<evoluciones.csv:ID_ATENCION",
        "th/patient.csv:HN<admission.csv:HN", "th/patient.csv:HN<lab.csv:HN", "th/patient.csv:HN<progress_note.csv:HN",
        "th/admission.csv:AN<lab.csv:AN", "th/admission.csv:AN<progress_note.csv:AN",
        "ru/patsienty.csv:№ карты<gospitalizatsii.csv:№ карты", "ru/patsienty.csv:№ карты<dnevniki.csv:№ карты",
        "ru/patsienty.csv:№ карты<vypiski_utf8.csv:№ карты",
        "ru/patsienty.csv:№ карты<spisok_koi8.csv:Номер карты",
        "ru/gospitalizatsii.csv:Номер истории болезни<analizy.csv:Номер истории болезни",
        "ru/gospitalizatsii.csv:Номер истории болезни<vypiski_utf8.csv:Номер истории болезни",
        "gr/asthenis.csv:Κωδικός ασθενούς<nosileies.csv:Κωδικός ασθενούς",
        "gr/asthenis.csv:Κωδικός ασθενούς<simeioseis.csv:Κωδικός ασθενούς",
        "gr/nosileies.csv:Αριθμός εισαγωγής<ergastiriaka.csv:Αριθμός εισαγωγής",
        "sa/marda.csv:رقم الملف<ziyarat.csv:رقم الملف", "sa/marda.csv:رقم الملف<tahalil.csv:رقم الملف",
        "sa/marda.csv:رقم الملف<mulahazat.csv:رقم الملف", "ir/bimaran.csv:شماره پرونده<paziresh.csv:شماره پرونده",
        "ir/bimaran.csv:شماره پرونده<yaddasht.csv:شماره پرونده", "il/metuplim.csv:מספר תיק<ishpuz.csv:מספר תיק",
        "il/metuplim.csv:מספר תיק<sikum.csv:מספר תיק",
        "opaque/PTDEMOG.csv:PTIDNUM<PTVISIT.csv:PTIDNUM", "opaque/Query1.csv:Column1<Query2.csv:Column1"})
    void referencesStillJoinTheirKeys(String join) throws Exception {
        String folder = join.substring(0, join.indexOf('/'));
        String[] sides = join.substring(folder.length() + 1).split("<");
        String[] key = sides[0].split(":");
        String[] ref = sides[1].split(":");
        Path out = output(folder);
        Set<String> keys = new HashSet<>(column(out.resolve(key[0]), key[1]));
        List<String> refs = column(out.resolve(ref[0]), ref[1]);
        Set<String> originals = new HashSet<>(column(ROOT.resolve(folder).resolve(key[0]), key[1]));
        assertTrue(!refs.isEmpty() && keys.containsAll(refs), join + ": references without their key");
        assertTrue(keys.stream().noneMatch(originals::contains), join + ": the key kept an original value");
        assertTrue(keys.stream().noneMatch(String::isEmpty), join + ": an emptied key");
    }

    /**
     * In the US bulk export (folder {@code fhir-us}, decision 0122) every literal reference and every attachment url
     * naming a resource ({@code Binary/…}) resolves to a resource of the output, under a keyed id: a DocumentReference
     * still finds its Binary, an ExplanationOfBenefit its Coverage, a Provenance its targets.
     */
    @org.junit.jupiter.api.Test
    void everyReferenceOfTheUsExportResolvesInTheOutput() throws Exception {
        Path out = output("fhir-us");
        Set<String> ids = new HashSet<>();
        Set<String> originals = new HashSet<>();
        Pattern id = Pattern.compile("^\\{\"resourceType\":\"([A-Za-z]+)\",\"id\":\"([^\"]+)\"");
        for (Path root : List.of(ROOT.resolve("fhir-us"), out)) {
            try (Stream<Path> files = Files.list(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".ndjson")).toList()) {
                    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        Matcher m = id.matcher(line);
                        assertTrue(m.find(), "a resource with its type and id first");
                        (root.equals(out) ? ids : originals).add(m.group(1) + "/" + m.group(2));
                    }
                }
            }
        }
        Pattern ref = Pattern.compile("\"(?:reference|url)\":\"([A-Z][A-Za-z]+/[A-Za-z0-9.\\-]+)\"");
        int refs = 0;
        List<String> unresolved = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ndjson")).toList()) {
                Matcher m = ref.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    refs++;
                    if (!ids.contains(m.group(1))) {
                        unresolved.add(f.getFileName().toString()); // the file, never the value
                    }
                }
            }
        }
        assertTrue(refs >= 25, "references found: " + refs);
        assertTrue(unresolved.isEmpty(), "references without their resource in: " + unresolved);
        assertTrue(ids.stream().noneMatch(originals::contains), "a resource kept its original id");
        String docs = Files.readString(out.resolve("DocumentReference.ndjson"), StandardCharsets.UTF_8);
        assertEquals(4, Pattern.compile("\"url\":\"Binary/").matcher(docs).results().count(),
                "the four attachments still name their Binary (one by its server's URL before)");
    }

    /**
     * The US export's Provenance points at a document and an encounter, not at the Patient (decision 0215): it comes out
     * recorded as long after its document as it was, its date moved by the document's patient's offset, not the run's.
     */
    @org.junit.jupiter.api.Test
    void aProvenanceOfTheUsExportIsRecordedAsLongAfterItsDocumentAsBefore() throws Exception {
        Path out = output("fhir-us");
        long before = provenanceAfterDocument(ROOT.resolve("fhir-us"));
        assertEquals(67, before, "the export's Provenance was recorded 67 s after its document");
        assertEquals(before, provenanceAfterDocument(out));
    }

    /** Seconds from the date of the document the first Provenance of a folder's export names to its recorded time. */
    private static long provenanceAfterDocument(Path folder) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode provenance = json.readTree(
                Files.readAllLines(folder.resolve("Provenance.ndjson"), StandardCharsets.UTF_8).get(0));
        String document = null;
        for (com.fasterxml.jackson.databind.JsonNode target : provenance.get("target")) {
            String reference = target.get("reference").asText();
            if (reference.startsWith("DocumentReference/")) {
                document = reference.substring(reference.indexOf('/') + 1);
            }
        }
        for (String line : Files.readAllLines(folder.resolve("DocumentReference.ndjson"), StandardCharsets.UTF_8)) {
            com.fasterxml.jackson.databind.JsonNode d = json.readTree(line);
            if (d.get("id").asText().equals(document)) {
                return ChronoUnit.SECONDS.between(java.time.OffsetDateTime.parse(d.get("date").asText()),
                        java.time.OffsetDateTime.parse(provenance.get("recorded").asText()));
            }
        }
        throw new AssertionError("the Provenance's document is not in " + folder.getFileName());
    }

    /** The Dutch tussenvoegsel ("van den") is part of the surname: it goes with it, in the table and in the notes. */
    @org.junit.jupiter.api.Test
    void theDutchNameParticleGoesWithTheSurname() throws Exception {
        Path out = output("nl");
        Corpus.Table patients = Corpus.read(out.resolve("patienten.csv"));
        int c = patients.header().indexOf("tussenvoegsel");
        assertTrue(c < 0 || patients.rows().stream().allMatch(r -> r.get(c).isEmpty() || !r.get(c).contains("van")),
                "the tussenvoegsel column kept its particles");
        assertTrue(column(out.resolve("opnames.csv"), "notitie").stream().noneMatch(n -> n.contains("Van den")),
                "a note kept the particle of a removed surname");
    }

    /**
     * A patient's date comes out the same in every table: PCORnet's side table of direct identifiers has the MRN beside
     * the {@code patid} key, and two shifted copies of one date of birth would narrow the shift (and ages would differ).
     */
    @ParameterizedTest
    @ValueSource(strings = {"pcornet/demographic.csv:private_demographic.csv:patid:birth_date"})
    void aPatientsDateIsShiftedAlikeInEveryTable(String spec) throws Exception {
        String[] s = spec.split(":", 4);
        String folder = s[0].substring(0, s[0].indexOf('/'));
        Path out = output(folder);
        Map<String, String> first = new java.util.TreeMap<>();
        Map<String, String> second = new java.util.TreeMap<>();
        List<String> keys = column(out.resolve(s[0].substring(folder.length() + 1)), s[2]);
        List<String> dates = column(out.resolve(s[0].substring(folder.length() + 1)), s[3]);
        for (int i = 0; i < keys.size(); i++) {
            first.put(keys.get(i), dates.get(i));
        }
        keys = column(out.resolve(s[1]), s[2]);
        dates = column(out.resolve(s[1]), s[3]);
        for (int i = 0; i < keys.size(); i++) {
            second.put(keys.get(i), dates.get(i));
        }
        assertTrue(!first.isEmpty() && first.keySet().equals(second.keySet()), spec + ": the tables do not join");
        assertEquals(first, second, spec + ": one patient's date shifted differently in two tables");
    }

    /** Who each id of the {@code linked} folder is (synthetic, from {@code generate.py}): patid and MRN of A, B and C. */
    private static final Map<String, String> LINKED = Map.of("PX10021", "A", "E4410021", "A", "PX10045", "B",
            "E4410045", "B", "PX10078", "C", "E4410078", "C");

    /**
     * One subject, one offset (decision 0078): visits carry only the {@code patid}, labs only the MRN, the FHIR Bundle
     * and the DICOM files the MRN (B's under a RIS number, with the MRN in Other Patient IDs); a linking table gives
     * patid and MRN of A and B, and C's FHIR Patient gives both. Each patient's admission day (the lab draw, the
     * encounter and the CT of that day) and date of birth come out alike in every table and format, and the interval
     * between them is the original's. D and E share one MRN in the linking table: the run says so, by rule and count.
     */
    @org.junit.jupiter.api.Test
    void aLinkedPatientsDatesAgreeInEveryTableAndFormat() throws Exception {
        Path in = ROOT.resolve("linked");
        Path out = output("linked");
        Map<String, Set<String>> day = new TreeMap<>();
        Map<String, Set<String>> birth = new TreeMap<>();
        Map<String, Long> originalAge = new TreeMap<>(); // days from birth to admission
        List<String> ids = column(in.resolve("visits.csv"), "patid");
        List<String> admitted = column(out.resolve("visits.csv"), "admit_date");
        List<String> admittedBefore = column(in.resolve("visits.csv"), "admit_date");
        Map<String, String> admissionBefore = new TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String who = LINKED.get(ids.get(i));
            if (who != null) {
                day.computeIfAbsent(who, k -> new TreeSet<>()).add("visits.csv " + admitted.get(i));
                admissionBefore.put(who, admittedBefore.get(i));
            }
        }
        ids = column(in.resolve("labs.csv"), "mrn");
        List<String> drawn = column(out.resolve("labs.csv"), "specimen_date");
        List<String> born = column(out.resolve("labs.csv"), "birth_date");
        List<String> bornBefore = column(in.resolve("labs.csv"), "birth_date");
        for (int i = 0; i < ids.size(); i++) {
            String who = LINKED.get(ids.get(i));
            if (who != null) {
                day.computeIfAbsent(who, k -> new TreeSet<>()).add("labs.csv " + drawn.get(i));
                birth.computeIfAbsent(who, k -> new TreeSet<>()).add(born.get(i));
                originalAge.put(who, ChronoUnit.DAYS.between(LocalDate.parse(bornBefore.get(i)),
                        LocalDate.parse(admissionBefore.get(who))));
            }
        }
        ids = column(in.resolve("patient_map.csv"), "patid");
        born = column(out.resolve("patient_map.csv"), "birth_date");
        for (int i = 0; i < ids.size(); i++) {
            String who = LINKED.get(ids.get(i));
            if (who != null) {
                birth.computeIfAbsent(who, k -> new TreeSet<>()).add(born.get(i));
            }
        }
        // The Bundle's Encounters are A's, B's and C's, in that order.
        Matcher start = Pattern.compile("\"start\"\\s*:\\s*\"([0-9-]{10})\"")
                .matcher(Files.readString(out.resolve("bundle.json")));
        for (String who : List.of("A", "B", "C")) {
            assertTrue(start.find(), "bundle.json: an Encounter lost its start");
            day.get(who).add("bundle.json " + start.group(1));
        }
        for (String who : List.of("A", "B")) {
            String file = "ct_" + who.toLowerCase(java.util.Locale.ROOT) + ".dcm";
            String studied;
            try (org.deidworkbench.dicom.DicomFile f = new org.deidworkbench.dicom.DicomReader().read(out.resolve(file))) {
                studied = f.dataset().getString(0x00080020); // Study Date
            }
            day.get(who).add(file + " " + LocalDate.parse(studied, DateTimeFormatter.BASIC_ISO_DATE));
        }
        for (String who : List.of("A", "B", "C")) {
            Set<String> days = new TreeSet<>();
            day.get(who).forEach(d -> days.add(d.substring(d.indexOf(' ') + 1)));
            assertEquals(who.equals("C") ? 3 : 4, day.get(who).size(), "patient " + who + ": a table or file is missing");
            assertEquals(1, days.size(), "patient " + who + ": the admission day differs between "
                    + day.get(who).stream().map(d -> d.substring(0, d.indexOf(' '))).toList());
            assertEquals(1, birth.get(who).size(), "patient " + who + ": the date of birth differs between tables");
            assertEquals(originalAge.get(who), ChronoUnit.DAYS.between(LocalDate.parse(birth.get(who).iterator().next()),
                    LocalDate.parse(days.iterator().next())), "patient " + who + ": the age at admission changed");
            assertTrue(!admissionBefore.get(who).equals(days.iterator().next()), "patient " + who + ": not shifted");
        }
        String report = Files.readString(out.resolve("deid-report.json"));
        assertTrue(Pattern.compile("\"subject-link-conflict \\(unlinked\\)\"\\s*:\\s*1\\b").matcher(report).find(),
                "the report does not count the one MRN given for two patients");
    }

    /** The length of a stay, in days and minutes, is what a study measures: the shift keeps it. */
    @ParameterizedTest
    @ValueSource(strings = {"pcornet/encounter.csv:admit_date:discharge_date:yyyy-MM-dd",
        "fr/sejours.csv:DATE_ENTREE:DATE_SORTIE:dd/MM/yyyy HH:mm", "nl/opnames.csv:opnamedatum:ontslagdatum:dd-MM-yyyy",
        "excel/visits.csv:Aufnahme:Entlassung:dd.MM.yyyy", "linked/visits.csv:admit_date:discharge_date:yyyy-MM-dd",
        "uk/apc_episodes.csv:ADMIDATE:DISDATE:dd/MM/yyyy", "claims/inpatient_claims.csv:CLM_ADMSN_DT:NCH_BENE_DSCHRG_DT:yyyyMMdd",
        "claims/carrier_claims.csv:CLM_FROM_DT:CLM_THRU_DT:yyyyMMdd",
        "mimic/hosp/admissions.csv:admittime:dischtime:yyyy-MM-dd HH:mm:ss",
        "mimic/icu/icustays.csv:intime:outtime:yyyy-MM-dd HH:mm:ss",
        "mimic/hosp/labevents.csv:charttime:storetime:yyyy-MM-dd HH:mm:ss",
        "mimic/icu/chartevents.csv:charttime:storetime:yyyy-MM-dd HH:mm:ss",
        "mimic/note/discharge.csv:charttime:storetime:yyyy-MM-dd HH:mm:ss",
        "mimic/hosp/emar.csv:scheduletime:charttime:yyyy-MM-dd HH:mm:ss",
        "cerner/encounter.csv:REG_DT_TM:DISCH_DT_TM:dd-MMM-yyyy HH:mm:ss",
        "i2b2/visit_dimension.csv:start_date:end_date:yyyy-MM-dd HH:mm:ss",
        "it/ricoveri.csv:DATA_RICOVERO:DATA_DIMISSIONE:dd/MM/yyyy", "es/episodios.csv:FECHA_INGRESO:FECHA_ALTA:dd/MM/yyyy HH:mm",
        "pl/pobyty.csv:DATA_PRZYJECIA:DATA_WYPISU:dd.MM.yyyy HH:mm",
        "au/apdc_episodes.csv:EPISODE_START_DATE:EPISODE_END_DATE:dd/MM/yyyy",
        "nz/nmds_events.csv:EVENT_START_DATE:EVENT_END_DATE:dd/MM/yyyy", "ca/dad_abstracts.csv:ADMIT_DATE:DISCHARGE_DATE:yyyy-MM-dd",
        "jp/nyuin.csv:入院日:退院日:yyyy/MM/dd", "kr/ipwon.csv:입원일:퇴원일:yyyy-MM-dd", "cn/zhenduan.csv:入院日期:出院日期:yyyy-MM-dd",
        "clarity/pat_enc.csv:HOSP_ADMSN_TIME:HOSP_DISCH_TIME:yyyy-MM-dd HH:mm:ss.SSS",
        "mx/egresos.csv:Fecha de ingreso:Fecha de egreso:dd/MM/yyyy", "cl/atenciones.csv:Fecha ingreso:Fecha egreso:dd/MM/yyyy",
        "th/admission.csv:วันที่รับ:วันที่จำหน่าย:dd/MM/yyyy",
        "ru/gospitalizatsii.csv:Дата поступления:Дата выписки:dd.MM.yyyy",
        "gr/nosileies.csv:Ημερομηνία εισαγωγής:Ημερομηνία εξόδου:dd/MM/yyyy",
        "sa/ziyarat.csv:تاريخ الدخول:تاريخ الخروج:yyyy-MM-dd", "il/ishpuz.csv:תאריך קבלה:תאריך שחרור:dd.MM.yyyy"})
    void intervalsBetweenAPatientsDatesAreKept(String spec) throws Exception {
        String[] s = spec.split(":", 4);
        String folder = s[0].substring(0, s[0].indexOf('/'));
        String file = s[0].substring(folder.length() + 1);
        List<Long> before = intervals(ROOT.resolve(folder).resolve(file), s[1], s[2], s[3]);
        List<Long> after = intervals(output(folder).resolve(file), s[1], s[2], s[3]);
        assertEquals(before, after);
        List<String> originalStarts = column(ROOT.resolve(folder).resolve(file), s[1]);
        List<String> shiftedStarts = column(output(folder).resolve(file), s[1]);
        assertTrue(java.util.stream.IntStream.range(0, originalStarts.size())
                .noneMatch(i -> originalStarts.get(i).equals(shiftedStarts.get(i))), "a date was not shifted");
    }

    /**
     * A claims extract's dates are the beneficiary's (decision 0103): the age in days at each admission, prescription
     * fill and physician visit is the same after the shift, though the dates are in other tables than the birth date
     * and written {@code yyyyMMdd}; and the beneficiaries' offsets differ (one offset for the whole run would mean
     * the extract's patient key was not recognised: {@code DESYNPUF_ID} is neither patient_id nor an MRN).
     */
    @ParameterizedTest
    @ValueSource(strings = {"inpatient_claims.csv:CLM_ADMSN_DT", "rx_events.csv:SRVC_DT", "carrier_claims.csv:CLM_FROM_DT"})
    void aBeneficiarysAgeAtEachClaimIsKeptAndOffsetsArePerBeneficiary(String spec) throws Exception {
        String[] s = spec.split(":");
        DateTimeFormatter ymd = DateTimeFormatter.BASIC_ISO_DATE;
        Path in = ROOT.resolve("claims");
        Path out = output("claims");
        List<Long> before = ages(in, s[0], s[1], ymd);
        List<Long> after = ages(out, s[0], s[1], ymd);
        // a beneficiary who may be 90 or older has the band marker for a birth date (decision 0105): no age to compare
        for (int i = 0; i < after.size(); i++) {
            if (after.get(i) == null) {
                before.set(i, null);
            }
        }
        assertTrue(after.stream().anyMatch(java.util.Objects::nonNull), spec + ": no age left to compare");
        assertEquals(before, after, spec + ": an age at a claim changed");
        List<String> born = column(in.resolve("beneficiary_summary.csv"), "BENE_BIRTH_DT");
        List<String> shifted = column(out.resolve("beneficiary_summary.csv"), "BENE_BIRTH_DT");
        Set<Long> offsets = new TreeSet<>();
        int limit = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() - 90;
        for (int i = 0; i < born.size(); i++) {
            if (shifted.get(i).startsWith("<=")) {
                assertEquals("<=" + limit, shifted.get(i), "beneficiary_summary.csv row " + (i + 1));
                assertTrue(LocalDate.parse(born.get(i), ymd).getYear() <= limit + 1, "aggregated only if 90 or older");
                continue;
            }
            offsets.add(ChronoUnit.DAYS.between(LocalDate.parse(born.get(i), ymd), LocalDate.parse(shifted.get(i), ymd)));
        }
        assertTrue(offsets.size() > 1, "every beneficiary's dates moved by one offset: the run's, not the patient's");
    }

    /** Days from each row's beneficiary's birth date to the row's date, in row order; null for an aggregated birth date. */
    private static List<Long> ages(Path folder, String file, String dateColumn, DateTimeFormatter f) throws IOException {
        Map<String, LocalDate> birth = new TreeMap<>();
        List<String> ids = column(folder.resolve("beneficiary_summary.csv"), "DESYNPUF_ID");
        List<String> born = column(folder.resolve("beneficiary_summary.csv"), "BENE_BIRTH_DT");
        for (int i = 0; i < ids.size(); i++) {
            birth.put(ids.get(i), born.get(i).startsWith("<=") ? null : LocalDate.parse(born.get(i), f));
        }
        List<String> refs = column(folder.resolve(file), "DESYNPUF_ID");
        List<String> dates = column(folder.resolve(file), dateColumn);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            assertTrue(birth.containsKey(refs.get(i)), file + ": a row whose beneficiary is not in the summary");
            LocalDate b = birth.get(refs.get(i));
            out.add(b == null ? null : ChronoUnit.DAYS.between(b, LocalDate.parse(dates.get(i), f)));
        }
        return out;
    }

    /**
     * Codes, categories and amounts of a claims extract come out as they went in, row by row: ICD-9 without its dot
     * (V and E codes, leading zeros), procedure codes, DRGs, HCPCS, NDCs of 11 digits, SSA state codes, the sex code,
     * months of coverage and the amounts per setting ({@code _IP} is the inpatient setting, not an IP address).
     */
    @ParameterizedTest
    @ValueSource(strings = {"inpatient_claims.csv:ICD9_DGNS_CD_1", "inpatient_claims.csv:ICD9_DGNS_CD_4",
        "inpatient_claims.csv:ICD9_PRCDR_CD_1", "inpatient_claims.csv:CLM_DRG_CD", "inpatient_claims.csv:CLM_UTLZTN_DAY_CNT",
        "carrier_claims.csv:HCPCS_CD_1", "carrier_claims.csv:LINE_ICD9_DGNS_CD_2", "rx_events.csv:PROD_SRVC_ID",
        "rx_events.csv:QTY_DSPNSD_NUM", "beneficiary_summary.csv:SP_STATE_CODE", "beneficiary_summary.csv:BENE_SEX_IDENT_CD",
        "beneficiary_summary.csv:PLAN_CVRG_MOS_NUM", "beneficiary_summary.csv:MEDREIMB_IP",
        "beneficiary_summary.csv:BENRES_IP"})
    void aClaimsCodeOrAmountColumnComesOutUnchanged(String spec) throws Exception {
        String[] s = spec.split(":");
        assertEquals(column(ROOT.resolve("claims").resolve(s[0]), s[1]), column(output("claims").resolve(s[0]), s[1]), spec);
    }

    /**
     * Codes and values of a MIMIC-IV-style export come out as they went in, row by row (decision 0110): ICD-9 and ICD-10
     * without their dot beside the version and the diagnosis's position, itemids, values, units, flags, NDCs and GSNs
     * with their leading zeros, the formulary's drug code, the note's type and number, the year group the ages anchor
     * to, the ICU stay's length, the blood pressures of the online medical record.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hosp/diagnoses_icd.csv:icd_code", "hosp/diagnoses_icd.csv:icd_version",
        "hosp/diagnoses_icd.csv:seq_num", "hosp/labevents.csv:itemid", "hosp/labevents.csv:value",
        "hosp/labevents.csv:valuenum", "hosp/labevents.csv:valueuom", "hosp/labevents.csv:flag",
        "hosp/labevents.csv:ref_range_lower", "hosp/labevents.csv:priority", "hosp/prescriptions.csv:ndc",
        "hosp/prescriptions.csv:gsn", "hosp/prescriptions.csv:formulary_drug_cd", "hosp/prescriptions.csv:dose_val_rx",
        "hosp/patients.csv:anchor_year_group", "hosp/patients.csv:gender", "hosp/admissions.csv:race",
        "hosp/admissions.csv:language", "hosp/admissions.csv:insurance", "hosp/admissions.csv:admission_type",
        "icu/icustays.csv:los", "icu/icustays.csv:first_careunit", "icu/chartevents.csv:itemid",
        "icu/chartevents.csv:valuenum", "note/discharge.csv:note_type", "note/radiology.csv:note_seq",
        "hosp/omr.csv:result_value", "hosp/omr.csv:seq_num", "hosp/emar.csv:event_txt"})
    void aMimicCodeOrValueColumnComesOutUnchanged(String spec) throws Exception {
        String[] s = spec.split(":");
        assertEquals(column(ROOT.resolve("mimic").resolve(s[0]), s[1]), column(output("mimic").resolve(s[0]), s[1]), spec);
    }

    /**
     * An ICU stay starts as long after its admission as before, and the staff ids are pseudonyms that group as the
     * originals did: an admission's stay found through {@code hadm_id}, a caregiver's charted values through
     * {@code caregiver_id} (decision 0110).
     */
    @org.junit.jupiter.api.Test
    void aMimicStayKeepsItsPlaceInItsAdmissionAndStaffIdsStillGroup() throws Exception {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        List<Long> offsets = new ArrayList<>();
        for (Path root : List.of(ROOT.resolve("mimic"), output("mimic"))) {
            Map<String, String> admitted = new TreeMap<>();
            List<String> hadm = column(root.resolve("hosp/admissions.csv"), "hadm_id");
            List<String> admit = column(root.resolve("hosp/admissions.csv"), "admittime");
            for (int i = 0; i < hadm.size(); i++) {
                admitted.put(hadm.get(i), admit.get(i));
            }
            List<String> stayHadm = column(root.resolve("icu/icustays.csv"), "hadm_id");
            List<String> in = column(root.resolve("icu/icustays.csv"), "intime");
            for (int i = 0; i < in.size(); i++) {
                assertTrue(admitted.containsKey(stayHadm.get(i)), "a stay without its admission");
                offsets.add(ChronoUnit.MINUTES.between(LocalDateTime.parse(admitted.get(stayHadm.get(i)), f),
                        LocalDateTime.parse(in.get(i), f)));
            }
        }
        assertEquals(offsets.subList(0, offsets.size() / 2), offsets.subList(offsets.size() / 2, offsets.size()));
        for (String spec : List.of("icu/chartevents.csv:caregiver_id", "hosp/emar.csv:enter_provider_id",
                "hosp/poe.csv:order_provider_id")) {
            String[] s = spec.split(":");
            List<String> before = column(ROOT.resolve("mimic").resolve(s[0]), s[1]);
            List<String> after = column(output("mimic").resolve(s[0]), s[1]);
            for (int i = 0; i < before.size(); i++) {
                assertTrue(!after.get(i).isEmpty() && !before.contains(after.get(i)), spec + ": not a pseudonym");
                for (int j = 0; j < i; j++) {
                    assertEquals(before.get(i).equals(before.get(j)), after.get(i).equals(after.get(j)), spec);
                }
            }
        }
    }

    /** How many planted values a run's input holds, and the files of each category left in its output. */
    private record Leaks(int planted, Map<String, Set<String>> files) {

        Set<String> categories() {
            return files.keySet();
        }

        Set<String> categoriesAndFiles() {
            Set<String> all = new TreeSet<>();
            files.forEach((category, in) -> in.forEach(file -> all.add(category + " in " + file)));
            return all;
        }
    }

    private static Leaks leaks(Path input, Path out) throws Exception {
        Map<String, String> inputs = texts(input);
        Map<String, String> outputs = texts(out);
        Map<String, String> foldedInputs = folded(inputs);
        Map<String, String> foldedOutputs = folded(outputs);
        Map<String, Set<String>> leaked = new TreeMap<>(); // category -> files
        int planted = 0;
        for (String[] p : tsv("planted.tsv")) {
            String value = plain(p[1]);
            String folded = fold(value);
            if (foldedInputs.values().stream().noneMatch(t -> t.contains(folded))) {
                continue; // planted in another folder: no text holds even its letters in any case
            }
            Pattern w = word(value);
            if (inputs.values().stream().noneMatch(t -> w.matcher(t).find())) {
                continue;
            }
            planted++;
            for (Map.Entry<String, String> o : outputs.entrySet()) {
                if (foldedOutputs.get(o.getKey()).contains(folded) && w.matcher(o.getValue()).find()
                        && !((COMPACT_OR_ISO_DATE.matcher(value).matches() || MONTH_PRECISION.matcher(value).matches())
                                && onlyShiftedThere(input, out, o.getKey(), w))) {
                    leaked.computeIfAbsent(p[0], k -> new TreeSet<>()).add(o.getKey());
                }
            }
        }
        return new Leaks(planted, leaked);
    }

    /**
     * A text with every code point folded as the regular expressions' case-insensitive Unicode matching compares it
     * (upper case, then lower case), so that a text whose folded form does not contain a value's cannot match the value's
     * pattern: the test looks for 1,700 planted values in every folder, and only a handful are there.
     */
    static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
        return b.toString();
    }

    private static Map<String, String> folded(Map<String, String> texts) {
        Map<String, String> folded = new TreeMap<>();
        texts.forEach((file, text) -> folded.put(file, fold(text)));
        return folded;
    }

    /**
     * The Polish export as a Polish hospital's Windows machine saves it: Windows-1250 (decision 0119 addendum). Read as
     * Windows-1252, its surnames with Ł, Ż and Ś were no names, and 8 of 38 planted values leaked; the sniffer now
     * reads it as Windows-1250, and nothing planted is left.
     */
    @org.junit.jupiter.api.Test
    void aPolishExportSavedInWindows1250LeaksNothing(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("pl1250"));
        try (Stream<Path> files = Files.list(ROOT.resolve("pl"))) {
            for (Path f : files.toList()) {
                Files.writeString(input.resolve(f.getFileName().toString()), Files.readString(f, StandardCharsets.UTF_8),
                        CP1250);
            }
        }
        Path out = dir.resolve("out");
        new RunJob(new RunRequest(List.of(input), out, dir.resolve("pl.deidkey"), true, PASSPHRASE,
                ProfileLoader.read("csv-template"), 2), RunListener.NONE).run();
        Leaks found = leaks(input, out);
        int planted = found.planted();
        Set<String> leaked = found.categoriesAndFiles();
        assertTrue(planted >= 30, "planted values found in the export: " + planted);
        assertTrue(leaked.isEmpty(), "left in the Windows-1250 export: " + leaked);
    }

    /**
     * MIMIC's notes are often handed out apart from the tables (decision 0110): the notes folder run alone, with no
     * patients table to announce the names, loses every planted name, id, date, phone and age over 89 all the same —
     * from the {@code Name:} and {@code Attending:} lines, the cues and the read-back phrases; and every address, the
     * town before its state and ZIP code ("Somerville MA 02143") included (decision 0121).
     */
    @org.junit.jupiter.api.Test
    void aMimicNotesFolderRunAloneLosesItsNames(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path input = dir.resolve("note");
        SampleData.copyTree(ROOT.resolve("mimic").resolve("note"), input);
        Path out = dir.resolve("out");
        new RunJob(new RunRequest(List.of(input), out, dir.resolve("notes.deidkey"), true, PASSPHRASE,
                ProfileLoader.read("csv-template"), 2), RunListener.NONE).run();
        Leaks found = leaks(input, out);
        int planted = found.planted();
        Set<String> leaked = found.categories();
        assertTrue(planted > 40, "planted values found in the notes: " + planted);
        assertTrue(leaked.isEmpty(), "categories left in the notes run alone: " + leaked);
    }

    /**
     * The Polish export as a Unix system saves it: ISO-8859-2 (decision 0124). Read as Windows-1250, {@code ą} and
     * {@code ś} were {@code ±} and {@code ¶}; the sniffer now reads ISO-8859-2 where its own letters decide it, and nothing
     * planted is left.
     */
    @org.junit.jupiter.api.Test
    void aPolishExportSavedInIso88592LeaksNothing(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("pl88592"));
        try (Stream<Path> files = Files.list(ROOT.resolve("pl"))) {
            for (Path f : files.toList()) {
                // getBytes writes '?' for what ISO-8859-2 lacks (the unit's µ in wyniki.csv), as an export would
                Files.write(input.resolve(f.getFileName().toString()),
                        Files.readString(f, StandardCharsets.UTF_8).getBytes(ISO_8859_2));
            }
        }
        Path out = dir.resolve("out");
        new RunJob(new RunRequest(List.of(input), out, dir.resolve("pl.deidkey"), true, PASSPHRASE,
                ProfileLoader.read("csv-template"), 2), RunListener.NONE).run();
        Leaks found = leaks(input, out);
        assertTrue(found.planted() >= 30, "planted values found in the export: " + found.planted());
        assertTrue(found.files().isEmpty(), "left in the ISO-8859-2 export: " + found.categoriesAndFiles());
    }

    /**
     * The free-text files of the Australian, New Zealand and Canadian exports and the FHIR Conditions run alone
     * (decision 0123), with no table to announce a value: the health numbers (IHI, Medicare, NHI, DVA, OHIP, PHN,
     * RAMQ, SIN), the addresses with their suburb, state and postcode, the relatives, clinicians and phones are found
     * by their shapes, check digits and cues; a given name right before a surname found so is part of the name
     * ("Jarrah Wainwright", decision 0130). A patient's name at the head of a note with no cue and no number after it
     * ("Sione Fifita-Halloran, laparoscopic appendicectomy", a Hebrew note's "יהונתן רוזנצוויג שוחרר"), after a patient
     * cue ("Paciente Catalina Fuenzalida Riquelme") or a form of address with two surnames ("Sr. José Ángel Ramírez
     * Ochoa"), and a town after "seen at" ("seen at Kaikohe") are found too (decision 0136); and the names of the
     * French, Spanish, Brazilian, Portuguese, Cerner, Swedish, Turkish, Dutch and Italian notes: surnames in capitals,
     * chart headers, particles, later mentions (decision 0140). A category still allowed follows the file's name after
     * the colon (the phones in national notations, a town after a street, a codice fiscale: not names).
     */
    @ParameterizedTest
    @ValueSource(strings = {"au/progress_notes.csv:", "nz/clinical_notes.csv:", "ca/notes.csv:",
        "fhir-anz/Condition.ndjson:", "mx/notas.csv:", "cl/evoluciones.csv:", "th/progress_note.csv:",
        "il/sikum.csv:", "fr/comptes_rendus.csv:", "es/informes.csv:", "br/evolucoes.csv:",
        "pt/notas_alta.csv:", "cerner/ce_blob.csv:address", "se/anteckning.csv:", "tr/epikrizler.csv:",
        "nl/opnames.csv:", "it/referti.csv:"})
    void aNotesFileRunAloneLosesItsNumbersAndPlaces(String spec, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String file = spec.substring(0, spec.indexOf(':'));
        Leaks found = runAlone(file, dir);
        Set<String> leaked = new TreeSet<>(found.categories());
        leaked.removeAll(List.of(spec.substring(spec.indexOf(':') + 1).split(",")));
        assertTrue(found.planted() >= 10, "planted values found in the notes: " + found.planted());
        assertTrue(leaked.isEmpty(), "categories left in " + file + " run alone: " + leaked);
    }

    /** What a corpus file leaks run alone: in a folder of its own, with a new key file. */
    private static Leaks runAlone(String file, Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.copy(ROOT.resolve(file), input.resolve(Path.of(file).getFileName()));
        Path out = dir.resolve("out");
        new RunJob(new RunRequest(List.of(input), out, dir.resolve("alone.deidkey"), true, PASSPHRASE,
                ProfileLoader.read("csv-template"), 2), RunListener.NONE).run();
        return leaks(input, out);
    }

    /** The number categories of planted.tsv: what a phone, record or national number is planted as. */
    private static final Set<String> NUMBER_CATEGORIES = Set.of("phone", "mrn", "national-id", "patient-id",
            "encounter-id", "account-number", "claim-id", "claim-number", "member-id", "insurance-id", "ssn", "tax-id",
            "staff-id", "clinician-id", "order-id", "event-id", "npi", "licence", "document-id", "accession");

    /**
     * The notes of the Brazilian, Portuguese, Polish, Chinese, Italian and Indian exports run alone (decision 0141): no
     * table announces a number, and the phones in their national notations ({@code (11) 98765-4321},
     * {@code (91) 99123-0456}, {@code 912 345 678}, {@code 22 208 1234}, {@code 12 633 44 55}, {@code 138 1234 5678}),
     * the codici fiscali, the PAN and the ABHA numbers are found by their shape, cue, check letter or label all the
     * same, as every other number of the notes is. Only number categories are asked about here.
     */
    @ParameterizedTest
    @ValueSource(strings = {"br/evolucoes.csv", "pt/notas_alta.csv", "pl/epikryzy.csv", "cn/bingcheng.csv",
        "it/referti.csv", "in/discharge_summaries.csv", "in/abdm/Encounter.ndjson"})
    void aNotesFileRunAloneLosesItsPhonesAndNationalNumbers(String file,
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Leaks found = runAlone(file, dir);
        Set<String> leaked = new TreeSet<>(found.categories());
        leaked.retainAll(NUMBER_CATEGORIES);
        assertTrue(found.planted() >= 3, "planted values found in the notes: " + found.planted());
        assertTrue(leaked.isEmpty(), "number categories left in " + file + " run alone: " + leaked);
    }

    /**
     * The codes and values of the Australian, New Zealand and Canadian exports come out as they went in, row by row
     * (decision 0123): AR-DRG, ICD-10-AM, ACHI procedure codes (shaped like phone numbers), MBS items and fees; the NZ
     * DRG and health specialty; ICD-10-CA, CCI interventions, CMG and RIW.
     */
    @ParameterizedTest
    @ValueSource(strings = {"au/apdc_episodes.csv:AR_DRG_V10", "au/apdc_episodes.csv:PRINCIPAL_DIAGNOSIS",
        "au/apdc_episodes.csv:PROCEDURE_1", "au/apdc_episodes.csv:MODE_OF_SEPARATION", "au/mbs_claims.csv:MBS_ITEM",
        "au/mbs_claims.csv:SCHEDULE_FEE", "au/mbs_claims.csv:BENEFIT_PAID", "au/patients.csv:STATE",
        "au/patients.csv:INDIGENOUS_STATUS", "nz/nmds_events.csv:DRG", "nz/nmds_events.csv:DIAG_01",
        "nz/nmds_events.csv:HEALTH_SPECIALTY", "nz/patients.csv:ETHNICITY_1", "ca/dad_abstracts.csv:MRDX",
        "ca/dad_abstracts.csv:INTERVENTION_1", "ca/dad_abstracts.csv:CMG", "ca/dad_abstracts.csv:RIW",
        "ca/patients.csv:PROV_ISSUING_HCN"})
    void anAnzOrCanadianCodeOrValueColumnComesOutUnchanged(String spec) throws Exception {
        String folder = spec.substring(0, spec.indexOf('/'));
        String[] s = spec.substring(folder.length() + 1).split(":");
        assertEquals(column(ROOT.resolve(folder).resolve(s[0]), s[1]), column(output(folder).resolve(s[0]), s[1]), spec);
    }

    /**
     * A research warehouse's codes and values come out as they went in, row by row (decision 0120): Cerner's event codes'
     * displays, results and units, the facility, the alias types; i2b2's concept codes with their prefixes, modifiers,
     * the part number {@code instance_num}, value types, numeric values and units, the visit's place and length.
     */
    @ParameterizedTest
    @ValueSource(strings = {"cerner/clinical_event.csv:EVENT_CD", "cerner/clinical_event.csv:RESULT_VAL",
        "cerner/clinical_event.csv:RESULT_UNITS_CD", "cerner/clinical_event.csv:RESULT_STATUS_CD",
        "cerner/encounter.csv:LOC_FACILITY_CD", "cerner/encounter.csv:ENCNTR_TYPE_CD", "cerner/person.csv:SEX_CD",
        "cerner/person_alias.csv:ALIAS_POOL_CD", "cerner/person_alias.csv:PERSON_ALIAS_TYPE_CD",
        "i2b2/observation_fact.csv:modifier_cd",
        "i2b2/observation_fact.csv:instance_num", "i2b2/observation_fact.csv:valtype_cd",
        "i2b2/observation_fact.csv:nval_num", "i2b2/observation_fact.csv:units_cd",
        "i2b2/observation_fact.csv:location_cd", "i2b2/visit_dimension.csv:location_cd",
        "i2b2/visit_dimension.csv:length_of_stay", "i2b2/visit_dimension.csv:inout_cd", "i2b2/patient_dimension.csv:race_cd",
        "i2b2/patient_dimension.csv:sex_cd", "i2b2/patient_mapping.csv:patient_ide_source"})
    void aWarehouseCodeOrValueColumnComesOutUnchanged(String spec) throws Exception {
        String folder = spec.substring(0, spec.indexOf('/'));
        String[] s = spec.substring(folder.length() + 1).split(":");
        assertEquals(column(ROOT.resolve(folder).resolve(s[0]), s[1]), column(output(folder).resolve(s[0]), s[1]), spec);
    }

    /**
     * i2b2's concept codes come out as they went in, but for the demographic concept of an age over 89, whose age is
     * aggregated as an age column's is (decision 0124): {@code DEM|AGE:91} becomes {@code DEM|AGE:90+}.
     */
    @Test
    void aConceptCodeKeepsItsPrefixAndCodeButAnAgeOver89InItIsAggregated() throws Exception {
        List<String> in = column(ROOT.resolve("i2b2/observation_fact.csv"), "concept_cd");
        List<String> out = column(output("i2b2").resolve("observation_fact.csv"), "concept_cd");
        assertTrue(in.contains("DEM|AGE:91"));
        assertEquals(in.stream().map(c -> c.equals("DEM|AGE:91") ? "DEM|AGE:90+" : c).toList(), out);
    }

    /**
     * A person's dates keep their distances across the tables of a warehouse (decision 0120): the age in minutes at each
     * registration or visit, and each event's or fact's time after its encounter's start, found through the keys (a
     * Cerner {@code PERSON_ID} written {@code 18830412.00} in one table and {@code 18830412} in the other is one person
     * with one offset). A birth date aggregated for an age over 89 has no age to compare.
     */
    @ParameterizedTest
    @ValueSource(strings = {"cerner|person.csv:PERSON_ID:BIRTH_DT_TM|encounter.csv:PERSON_ID:REG_DT_TM|dd-MMM-yyyy HH:mm:ss",
        "cerner|encounter.csv:ENCNTR_ID:REG_DT_TM|clinical_event.csv:ENCNTR_ID:EVENT_END_DT_TM|dd-MMM-yyyy HH:mm:ss",
        "i2b2|patient_dimension.csv:patient_num:birth_date|visit_dimension.csv:patient_num:start_date|yyyy-MM-dd HH:mm:ss",
        "i2b2|visit_dimension.csv:encounter_num:start_date|observation_fact.csv:encounter_num:start_date|yyyy-MM-dd HH:mm:ss"})
    void aPersonsDatesKeepTheirDistancesAcrossTables(String spec) throws Exception {
        String[] s = spec.split("\\|");
        List<Long> before = distances(ROOT.resolve(s[0]), s[1].split(":"), s[2].split(":"), pattern(s[3]));
        List<Long> after = distances(output(s[0]), s[1].split(":"), s[2].split(":"), pattern(s[3]));
        for (int i = 0; i < after.size(); i++) {
            if (after.get(i) == null) {
                before.set(i, null);
            }
        }
        assertTrue(after.stream().filter(java.util.Objects::nonNull).count() >= 2, spec + ": too few distances to compare");
        assertEquals(before, after, spec);
    }

    /** Minutes from the key table's date to each referencing row's date, in row order; null where one is not a date. */
    private static List<Long> distances(Path folder, String[] key, String[] ref, DateTimeFormatter f) throws IOException {
        Map<String, String> dates = new TreeMap<>();
        List<String> keys = column(folder.resolve(key[0]), key[1]);
        List<String> keyDates = column(folder.resolve(key[0]), key[2]);
        for (int i = 0; i < keys.size(); i++) {
            dates.put(keys.get(i).replaceAll("\\.0+$", ""), keyDates.get(i));
        }
        List<String> refs = column(folder.resolve(ref[0]), ref[1]);
        List<String> refDates = column(folder.resolve(ref[0]), ref[2]);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            String from = dates.get(refs.get(i).replaceAll("\\.0+$", ""));
            assertTrue(from != null, ref[0] + " row " + (i + 1) + ": no row of " + key[0] + " with its key");
            out.add(from.startsWith("<=") ? null
                    : ChronoUnit.MINUTES.between(LocalDateTime.parse(from, f), LocalDateTime.parse(refDates.get(i), f)));
        }
        return out;
    }

    /** A date pattern read as Oracle and SAS write months too ({@code 01-MAR-2023}): case aside, in English. */
    private static DateTimeFormatter pattern(String pattern) {
        return new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(java.util.Locale.ENGLISH);
    }

    /**
     * The Italian, Spanish and Polish patients' tables ({@code pazienti.csv}, {@code pacientes.csv}, {@code pacjenci.csv})
     * are the patients' (decision
     * 0119): each patient's admissions move by the patient's own offset, so the offsets differ between patients.
     */
    @ParameterizedTest
    @ValueSource(strings = {"it/ricoveri.csv:ID_PAZIENTE:DATA_RICOVERO:dd/MM/yyyy",
        "es/episodios.csv:NHC:FECHA_INGRESO:dd/MM/yyyy HH:mm", "pl/pobyty.csv:ID_PACJENTA:DATA_PRZYJECIA:dd.MM.yyyy HH:mm"})
    void eachPatientOfASouthernExportHasAnOffset(String spec) throws Exception {
        String[] s = spec.split(":", 4);
        String folder = s[0].substring(0, s[0].indexOf('/'));
        String file = s[0].substring(folder.length() + 1);
        DateTimeFormatter f = DateTimeFormatter.ofPattern(s[3]);
        List<String> before = column(ROOT.resolve(folder).resolve(file), s[2]);
        List<String> after = column(output(folder).resolve(file), s[2]);
        Set<Long> offsets = new HashSet<>();
        for (int i = 0; i < before.size(); i++) {
            offsets.add(s[3].contains("HH")
                    ? ChronoUnit.DAYS.between(LocalDateTime.parse(before.get(i), f), LocalDateTime.parse(after.get(i), f))
                    : ChronoUnit.DAYS.between(LocalDate.parse(before.get(i), f), LocalDate.parse(after.get(i), f)));
        }
        assertTrue(offsets.size() > 1, file + ": one offset for every patient (no patients table found)");
        String report = Files.readString(output(folder).resolve("deid-report.json"));
        assertTrue(Pattern.compile("\"subjects\"\\s*:\\s*3\\b").matcher(report).find(), file + ": not 3 subjects");
    }

    /** Oracle's month abbreviations with NLS_DATE_LANGUAGE ITALIAN, SPANISH and GERMAN, written out here for the test. */
    private static final Map<String, List<String>> ORACLE_MONTHS = Map.of(
            "it", List.of("GEN", "FEB", "MAR", "APR", "MAG", "GIU", "LUG", "AGO", "SET", "OTT", "NOV", "DIC"),
            "es", List.of("ENE", "FEB", "MAR", "ABR", "MAY", "JUN", "JUL", "AGO", "SEP", "OCT", "NOV", "DIC"),
            "de", List.of("JAN", "FEB", "MÄR", "APR", "MAI", "JUN", "JUL", "AUG", "SEP", "OKT", "NOV", "DEZ"));

    /** {@code DD-MON-YYYY} or {@code DD-MON-YY} in one language of {@link #ORACLE_MONTHS}; an error if not. */
    private static LocalDate oracleDate(String v, String language) {
        String[] p = v.split("-");
        int month = ORACLE_MONTHS.get(language).indexOf(p[1]) + 1;
        assertTrue(month > 0, "a month not written in " + language);
        int year = Integer.parseInt(p[2]);
        return LocalDate.of(p[2].length() == 2 ? 2000 + year : year, month, Integer.parseInt(p[0]));
    }

    /**
     * A column of Oracle dates in the session's language (Italian {@code 05-MAG-2023}, Spanish {@code 03-ENE-2023}, German
     * {@code 14-MÄR-23}) is shifted with the row's other dates (a lab result's validation, days after its draw), and its
     * months are written in that language still: a shared abbreviation ({@code MAR}, {@code MAY}) moved into another
     * month is not written in English ({@code DEC}, {@code AUG}; decision 0119).
     */
    @ParameterizedTest
    @ValueSource(strings = {"it:it/esami.csv:DATA_PRELIEVO:DATA_VALIDAZIONE:dd/MM/yyyy HH:mm",
        "de:it/labor_bozen.csv:ENTNAHME:VALIDIERT_AM:dd.MM.yyyy", "es:es/laboratorio.csv:FECHA_EXTRACCION:FECHA_VALIDACION:dd/MM/yyyy"})
    void oracleDatesInTheSessionsLanguageShiftWithTheRowAndKeepTheirLanguage(String spec) throws Exception {
        String[] s = spec.split(":", 5);
        String folder = s[1].substring(0, s[1].indexOf('/'));
        String file = s[1].substring(folder.length() + 1);
        DateTimeFormatter f = DateTimeFormatter.ofPattern(s[4]);
        for (Path root : List.of(ROOT.resolve(folder), output(folder))) {
            List<String> draws = column(root.resolve(file), s[2]);
            List<String> validated = column(root.resolve(file), s[3]);
            for (int i = 0; i < draws.size(); i++) {
                LocalDate draw = s[4].contains("HH") ? LocalDateTime.parse(draws.get(i), f).toLocalDate()
                        : LocalDate.parse(draws.get(i), f);
                long days = ChronoUnit.DAYS.between(draw, oracleDate(validated.get(i), s[0]));
                assertTrue(days >= 0 && days <= 1, file + " row " + i + ": validated " + days + " days after the draw");
            }
        }
        List<String> before = column(ROOT.resolve(folder).resolve(file), s[3]);
        List<String> after = column(output(folder).resolve(file), s[3]);
        assertTrue(java.util.stream.IntStream.range(0, before.size()).noneMatch(i -> before.get(i).equals(after.get(i))),
                "a date was not shifted");
    }

    /**
     * The Brazilian, Portuguese, Turkish and Indian patients' tables are the patients' (decision 0125): each patient's
     * admissions move by the patient's own offset (the Turkish table was none before: {@code hastalar}), every stay keeps
     * its length, and a research column comes out unchanged.
     */
    @ParameterizedTest
    @ValueSource(strings = {"br/internacoes.csv:PRONTUARIO:DT_INTERNACAO:DT_SAIDA:dd/MM/yyyy",
        "pt/episodios.csv:N_PROCESSO:DATA_ENTRADA:DATA_ALTA:dd-MM-yyyy",
        "tr/yatislar.csv:HASTA_NO:YATIS_TARIHI:TABURCU_TARIHI:dd.MM.yyyy HH:mm",
        "in/admissions.csv:UHID:DOA:DOD:dd-MM-yyyy"})
    void eachPatientOfALusophoneTurkishOrIndianExportHasAnOffset(String spec) throws Exception {
        String[] s = spec.split(":", 5);
        String folder = s[0].substring(0, s[0].indexOf('/'));
        String file = s[0].substring(folder.length() + 1);
        DateTimeFormatter f = DateTimeFormatter.ofPattern(s[4]);
        java.util.function.Function<String, LocalDateTime> parse = v -> s[4].contains("HH") ? LocalDateTime.parse(v, f)
                : LocalDate.parse(v, f).atStartOfDay();
        List<String> in = column(ROOT.resolve(folder).resolve(file), s[2]);
        List<String> out = column(output(folder).resolve(file), s[2]);
        List<String> inEnd = column(ROOT.resolve(folder).resolve(file), s[3]);
        List<String> outEnd = column(output(folder).resolve(file), s[3]);
        Set<Long> offsets = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            offsets.add(ChronoUnit.DAYS.between(parse.apply(in.get(i)), parse.apply(out.get(i))));
            assertEquals(ChronoUnit.MINUTES.between(parse.apply(in.get(i)), parse.apply(inEnd.get(i))),
                    ChronoUnit.MINUTES.between(parse.apply(out.get(i)), parse.apply(outEnd.get(i))), file + ": a stay's length");
        }
        assertTrue(offsets.size() > 1, file + ": one offset for every patient (no patients table found)");
    }

    /**
     * Brazil's SUS systems name the birth date {@code DT_NASC}: a patient over 89 has it aggregated as every birth date
     * of the profile is, not only shifted (decision 0125); the Turkish {@code DOGUM_TARIHI} too.
     */
    @org.junit.jupiter.api.Test
    void aBrazilianBirthDateOfAPatientOver89IsAggregated() throws Exception {
        List<String> births = column(output("br").resolve("pacientes.csv"), "DT_NASC");
        assertEquals(1, births.stream().filter(b -> b.startsWith("<=")).count(), "the patient born in 1931");
        assertTrue(births.stream().filter(b -> !b.startsWith("<=")).allMatch(b -> b.matches("\\d{2}/\\d{2}/\\d{4}")));
    }

    /**
     * An interface engine's log and a Clarity extract of the same patients run together (decision 0126): the MRN in
     * PID-3 of every HL7 message gets the pseudonym PAT_MRN_ID gets, the visit number in PV1-19 the one PAT_ENC_CSN_ID
     * gets, and the birth date in PID-7 is shifted onto the same day as BIRTH_DATE: the log joins the extract.
     */
    @Test
    void anHl7LogJoinsTheClarityExtractOfTheSamePatients(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path in = dir.resolve("in");
        SampleData.copyTree(ROOT.resolve("hl7"), in.resolve("hl7"));
        SampleData.copyTree(ROOT.resolve("clarity"), in.resolve("clarity"));
        Path out = dir.resolve("out");
        new RunJob(new RunRequest(List.of(in), out, dir.resolve("study.deidkey"), true, PASSPHRASE,
                ProfileLoader.read("csv-template"), 2), RunListener.NONE).run();
        Set<String> mrns = new HashSet<>(column(out.resolve("clarity/patient.csv"), "PAT_MRN_ID"));
        Set<String> csns = new HashSet<>(column(out.resolve("clarity/pat_enc.csv"), "PAT_ENC_CSN_ID"));
        Map<String, String> births = new TreeMap<>();
        List<String> born = column(out.resolve("clarity/patient.csv"), "BIRTH_DATE");
        List<String> ids = column(out.resolve("clarity/patient.csv"), "PAT_MRN_ID");
        DateTimeFormatter clarity = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", java.util.Locale.ROOT);
        for (int i = 0; i < ids.size(); i++) {
            births.put(ids.get(i), LocalDateTime.parse(born.get(i), clarity).format(DateTimeFormatter.BASIC_ISO_DATE));
        }
        int pids = 0;
        int visits = 0;
        List<String> received = column(out.resolve("hl7/interface_log.csv"), "RECEIVED_AT");
        List<String> messages = column(out.resolve("hl7/interface_log.csv"), "RAW_MESSAGE");
        for (int i = 0; i < messages.size(); i++) {
            // the log row has no patient column: its time moves with its message's patient (MSH-7 is 2 s earlier)
            assertEquals(received.get(i).substring(0, 10).replace("-", ""), messages.get(i).split("\\|")[6]
                    .substring(0, 8), "RECEIVED_AT and MSH-7 moved apart");
        }
        for (String message : messages) {
            for (String segment : message.split("\\r\\n|\\r|\\n|\\\\r(?=[A-Z][A-Z0-9]{2}\\|)")) {
                String[] f = segment.split("\\|", -1);
                if (f[0].equals("PID")) {
                    String mrn = f[3].split("\\^", -1)[0];
                    assertTrue(mrns.contains(mrn), "PID-3 does not join PAT_MRN_ID");
                    assertEquals(births.get(mrn), f[7], "PID-7 is not the shifted BIRTH_DATE");
                    pids++;
                }
                if (f[0].equals("PV1") && f.length > 19) {
                    assertTrue(csns.contains(f[19].split("\\^", -1)[0]), "PV1-19 does not join PAT_ENC_CSN_ID");
                    visits++;
                }
            }
        }
        assertEquals(6, pids);
        assertEquals(5, visits);
    }

    private static final Pattern BUDDHIST_ERA_DAY = Pattern.compile("(\\d{2}/\\d{2}/)(2[4-6]\\d\\d)");

    /** A {@code dd/MM/yyyy} day of the Buddhist Era (a year of 2400–2699, decision 0133) in the common era's year. */
    private static String commonEra(String day) {
        Matcher m = BUDDHIST_ERA_DAY.matcher(day);
        return m.matches() ? m.group(1) + (Integer.parseInt(m.group(2)) - 543) : day;
    }

    private static List<Long> intervals(Path file, String from, String to, String pattern) throws IOException {
        DateTimeFormatter f = pattern(pattern);
        // a Thai export's Buddhist Era days read as the days they are (29/02/2567 is 29 February 2024, which a proleptic
        // Gregorian 2567 lacks: parsed as one, a stay over it lost a day whenever a key shifted a date onto it)
        List<String> a = column(file, from).stream().map(AdversarialCorpusTest::commonEra).toList();
        List<String> b = column(file, to).stream().map(AdversarialCorpusTest::commonEra).toList();
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(pattern.contains("HH")
                    ? ChronoUnit.MINUTES.between(LocalDateTime.parse(a.get(i), f), LocalDateTime.parse(b.get(i), f))
                    : ChronoUnit.DAYS.between(LocalDate.parse(a.get(i), f), LocalDate.parse(b.get(i), f)));
        }
        return out;
    }

    /**
     * A Japanese patient's birth date, written {@code 1958/03/12} in the patient table and {@code 昭和33年3月12日} in a
     * note, comes out as one day in both: the note's era date is shifted by the patient's offset and written back as an
     * era date (decision 0127); the notes' Western-year {@code 2023年3月12日} agrees with the admission's date too.
     */
    @org.junit.jupiter.api.Test
    void aJapaneseEraDateInANoteIsShiftedWithItsPatient() throws Exception {
        Path out = output("jp");
        java.time.LocalDate birth = java.time.LocalDate.parse(column(out.resolve("kanja.csv"), "生年月日").get(0),
                java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd"));
        java.time.LocalDate admitted = java.time.LocalDate.parse(column(out.resolve("nyuin.csv"), "入院日").get(0),
                java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd"));
        String note = column(out.resolve("kiroku.csv"), "記録").get(0);
        Matcher era = Pattern.compile("昭和\\d{1,2}年\\d{1,2}月\\d{1,2}日").matcher(note);
        assertTrue(era.find(), "the note's era date is no longer an era date");
        assertEquals(birth, org.deidworkbench.deid.classify.EastAsianDates.parse(era.group()));
        Matcher western = Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日").matcher(note);
        assertTrue(western.find(), "the note's date is gone");
        assertEquals(admitted, org.deidworkbench.deid.classify.EastAsianDates.parse(western.group()));
        assertTrue(!birth.equals(java.time.LocalDate.of(1958, 3, 12)), "the birth date was not shifted");
    }

    /**
     * A Thai export's dates are Buddhist Era dates (decision 0133): the admission's {@code 12/03/2566} and the note's
     * {@code 12 มี.ค. 2566} are one day, shifted alike by the patient's offset and written back in the Buddhist Era, in
     * their notations; the note written in Thai digits keeps them.
     */
    @org.junit.jupiter.api.Test
    void aThaiBuddhistEraDateInANoteIsShiftedWithItsAdmission() throws Exception {
        Path out = output("th");
        List<String> admitted = column(out.resolve("admission.csv"), "วันที่รับ");
        List<String> notes = column(out.resolve("progress_note.csv"), "บันทึก");
        String[] months = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};
        Pattern thai = Pattern.compile("^(\\d{1,2}) (\\S+) (\\d{4})");
        Matcher m = thai.matcher(notes.get(0));
        assertTrue(m.find(), "the note's Thai date is gone");
        // read as days of the Buddhist calendar: 29/02/2567 is 29 February 2024, which a proleptic Gregorian 2567 lacks
        String[] dmy = admitted.get(0).split("/");
        assertTrue(dmy.length == 3 && Integer.parseInt(dmy[2]) > 2500,
                "the admission date is no longer a Buddhist Era date");
        LocalDate admission = LocalDate.of(Integer.parseInt(dmy[2]) - 543, Integer.parseInt(dmy[1]),
                Integer.parseInt(dmy[0]));
        assertEquals(admission, LocalDate.of(Integer.parseInt(m.group(3)) - 543,
                List.of(months).indexOf(m.group(2)) + 1, Integer.parseInt(m.group(1))),
                "the note's date and the admission's were shifted apart");
        assertTrue(!admission.equals(LocalDate.of(2023, 3, 12)), "the admission date was not shifted");
        assertTrue(notes.get(1).chars().anyMatch(c -> c >= '\u0E50' && c <= '\u0E59'), "the Thai digits are gone");
    }

    /**
     * A Russian and a Greek note's month-name date ({@code 12 марта 2023 г.}, {@code 12 Μαρτίου 2023}) comes out shifted
     * with its patient, in its own notation: the day the admission table's date of that stay was shifted to (decision
     * 0131).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ru|gospitalizatsii.csv|Дата поступления|dd.MM.yyyy|dnevniki.csv|Запись",
        "gr|nosileies.csv|Ημερομηνία εισαγωγής|dd/MM/yyyy|simeioseis.csv|Σημείωση"})
    void aRussianOrGreekMonthNameDateInANoteIsShiftedWithItsPatient(String folder, String stays, String admitted,
            String pattern, String notes, String note) throws Exception {
        Path out = output(folder);
        java.time.LocalDate admission = java.time.LocalDate.parse(column(out.resolve(stays), admitted).get(0),
                java.time.format.DateTimeFormatter.ofPattern(pattern));
        String text = column(out.resolve(notes), note).get(0);
        Matcher date = Pattern.compile("\\d{1,2} \\p{L}+ \\d{4}").matcher(text);
        java.time.LocalDate found = null;
        while (found == null && date.find()) {
            found = org.deidworkbench.deid.classify.CyrillicGreekDates.parse(date.group());
        }
        assertEquals(admission, found, folder + ": the note's month-name date is gone or not shifted with its stay");
        assertTrue(!admission.equals(java.time.LocalDate.of(2023, 3, 12)), folder + ": the admission was not shifted");
    }

    /**
     * A Russian or Greek export run again at one thread with the same key file comes out byte for byte as at two
     * (decision 0131): the encodings found, the names and dates of the notes do not depend on the order of work.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ru", "gr"})
    void aRussianOrGreekExportComesOutTheSameAtOneThreadAsAtTwo(String folder) throws Exception {
        Path two = output(folder);
        Path dir = Files.createTempDirectory("deid-threads-" + folder);
        try {
            Path key = dir.resolve("study.deidkey");
            Files.copy(two.getParent().resolve("study.deidkey"), key);
            Path input = dir.resolve(folder);
            SampleData.copyTree(ROOT.resolve(folder), input);
            Path one = dir.resolve("out");
            new RunJob(new RunRequest(List.of(input), one, key, false, PASSPHRASE, ProfileLoader.read("csv-template"), 1),
                    RunListener.NONE).run();
            try (Stream<Path> files = Files.list(two)) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".csv")).toList()) {
                    assertTrue(java.util.Arrays.equals(Files.readAllBytes(f),
                            Files.readAllBytes(one.resolve(f.getFileName().toString()))),
                            folder + "/" + f.getFileName() + " differs between one and two threads");
                }
            }
        } finally {
            Folders.deleteTree(dir);
        }
    }

    /**
     * A Saudi patient's Hijri dates (decision 0132): the birth date written {@code 12/03/1378 هـ} in the patient table and
     * {@code ١٢/٠٣/١٣٧٨ هـ} in a note comes out as one shifted day of the Hijri calendar in both, in the digits each was
     * written in; the note's visit date {@code ١٤٤٥/٠٣/١٢ هـ} (27 September 2023) agrees with the note's shifted Gregorian
     * date column, so the patient's offset moved it in its own calendar.
     */
    @org.junit.jupiter.api.Test
    void aHijriDateIsShiftedInItsCalendarWithItsPatientAndKeepsItsDigits() throws Exception {
        Path out = output("sa");
        String column = column(out.resolve("marda.csv"), "تاريخ الميلاد الهجري").get(0);
        String note = column(out.resolve("mulahazat.csv"), "الملاحظات").get(0);
        Matcher birth = Pattern.compile("([\u0660-\u0669]{2})/([\u0660-\u0669]{2})/([\u0660-\u0669]{4}) هـ").matcher(note);
        assertTrue(birth.find(), "the note's Hijri birth date is no longer a Hijri date in its digits");
        assertEquals(column.substring(0, 10), plain(birth.group()).substring(0, 10),
                "the note's and the table's Hijri birth date differ");
        assertTrue(!column.startsWith("12/03/1378"), "the Hijri birth date was not shifted");
        Matcher visit = Pattern.compile("([\u0660-\u0669]{4})/([\u0660-\u0669]{2})/([\u0660-\u0669]{2}) هـ").matcher(note);
        assertTrue(visit.find(), "the note's Hijri visit date is gone");
        String[] ymd = plain(visit.group()).substring(0, 10).split("/");
        java.time.LocalDate shifted = java.time.LocalDate.from(java.time.chrono.HijrahDate.of(Integer.parseInt(ymd[0]),
                Integer.parseInt(ymd[1]), Integer.parseInt(ymd[2])));
        assertEquals(java.time.LocalDate.parse(column(out.resolve("mulahazat.csv"), "التاريخ").get(0)), shifted);
    }

    /**
     * An Iranian patient's Solar Hijri birth date in Persian digits ({@code ۱۳۴۶/۰۶/۱۴}) in the patient table and in a
     * note comes out as one shifted day in both, still in Persian digits (decision 0132).
     */
    @org.junit.jupiter.api.Test
    void aJalaliDateInPersianDigitsIsShiftedAlikeInTableAndNote() throws Exception {
        Path out = output("ir");
        String column = column(out.resolve("bimaran.csv"), "تاریخ تولد").get(1);
        assertTrue(column.matches("[\u06F0-\u06F9]{4}/[\u06F0-\u06F9]{2}/[\u06F0-\u06F9]{2}"),
                "the birth date is no longer a date in Persian digits");
        assertTrue(!plain(column).equals("1346/06/14"), "the Jalali birth date was not shifted");
        assertTrue(column(out.resolve("yaddasht.csv"), "شرح حال").get(1).contains(column),
                "the note's Jalali birth date differs from the table's");
    }

    /**
     * Decision 0138: a file whose first line is its first patient (no header row) is withheld with a reason that names
     * columns, never a value, and nothing of it is written; its values are in no output byte (the report included, which
     * {@link #noPlantedIdentifierIsLeftInAnyOutputByte} reads).
     */
    @Test
    void aFileWhoseFirstLineIsDataIsWithheldNotWrittenWithItsPatientAsHeader() throws Exception {
        Path out = output("opaque");
        assertTrue(!Files.exists(out.resolve("noheader.csv")), "a file whose first line is data was written");
        String report = Files.readString(out.resolve("deid-report.json"), StandardCharsets.UTF_8);
        assertTrue(report.contains("CSV-HEADER-IS-DATA"), "the report does not say why the file was withheld");
        List<String> first = Files.readAllLines(ROOT.resolve("opaque").resolve("noheader.csv")).subList(0, 1);
        for (String cell : first.get(0).split(",")) {
            assertTrue(!report.contains(cell), "the report holds a value of the first line");
        }
    }

    /**
     * Decision 0150: the § 21 KHEntgG data set keys FAB, OPS and ENTGELTE by the case alone (KH-internes-Kennzeichen),
     * and FALL ties the case to its patient. Every date and time ({@code yyyyMMddHHmm}) of a case moves by its
     * patient's offset in every table, so a procedure stays on its day of the stay; the case key is a pseudonym that
     * joins. Before, the key and the times were kept as numbers; a case key that joined nothing shifted each table
     * apart.
     */
    @Test
    void aSection21CaseKeepsItsPatientsShiftInEveryTable() throws Exception {
        Path out = output("de");
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmm");
        Map<String, Long> shiftOfCase = new TreeMap<>();
        Corpus.Table fallIn = Corpus.read(ROOT.resolve("de").resolve("FALL.csv"));
        Corpus.Table fallOut = Corpus.read(out.resolve("FALL.csv"));
        int key = fallOut.header().indexOf("KH-internes-Kennzeichen");
        for (int r = 0; r < fallIn.rows().size(); r++) {
            String in = fallIn.rows().get(r).get(fallIn.header().indexOf("Aufnahmedatum"));
            String was = fallOut.rows().get(r).get(fallOut.header().indexOf("Aufnahmedatum"));
            assertTrue(!fallOut.rows().get(r).get(key).equals(fallIn.rows().get(r).get(key)), "a case key kept");
            shiftOfCase.put(fallOut.rows().get(r).get(key), java.time.Duration.between(
                    java.time.LocalDateTime.parse(in, f), java.time.LocalDateTime.parse(was, f)).toMinutes());
        }
        assertTrue(shiftOfCase.values().stream().allMatch(m -> m != 0 && m % 1440 == 0), "whole days, not zero");
        for (String spec : List.of("FAB.csv:FAB-Aufnahmedatum", "OPS.csv:OPS-Datum", "ENTGELTE.csv:Abrechnung-von",
                "ENTGELTE.csv:Abrechnung-bis", "FAB.csv:FAB-Entlassungsdatum")) {
            String file = spec.substring(0, spec.indexOf(':'));
            String column = spec.substring(spec.indexOf(':') + 1);
            Corpus.Table in = Corpus.read(ROOT.resolve("de").resolve(file));
            Corpus.Table o = Corpus.read(out.resolve(file));
            for (int r = 0; r < in.rows().size(); r++) {
                String theCase = o.rows().get(r).get(o.header().indexOf("KH-internes-Kennzeichen"));
                assertTrue(shiftOfCase.containsKey(theCase), file + " row " + r + ": the case joins no FALL row");
                long moved = java.time.Duration.between(
                        java.time.LocalDateTime.parse(in.rows().get(r).get(in.header().indexOf(column)), f),
                        java.time.LocalDateTime.parse(o.rows().get(r).get(o.header().indexOf(column)), f)).toMinutes();
                assertEquals(shiftOfCase.get(theCase), moved, spec + " row " + r + " moved unlike its case");
            }
        }
    }

    /**
     * Decision 0150: the MII core data set's Patient. The KVNR (system {@code kvid-10}) is removed as a health insurance
     * number, not pseudonymized as a record number; the IKs of the hospital (assigner of the patient number, the
     * encounter's service provider) and of the health insurer (assigner of the KVNR) are kept, as csv-template keeps
     * the § 21 data set's IK columns; the side of an ICD-10-GM diagnosis stays with its code.
     */
    @Test
    void aKdsPatientLosesItsKvnrAndKeepsItsInstitutionsIk() throws Exception {
        Path out = output("de-fhir");
        String patient = Files.readString(out.resolve("Patient.ndjson"), StandardCharsets.UTF_8);
        assertTrue(patient.contains("\"system\":\"http://fhir.de/sid/gkv/kvid-10\",\"assigner\""),
                "the identifier went whole, or kept its value");
        assertTrue(!patient.contains("\"system\":\"http://fhir.de/sid/gkv/kvid-10\",\"value\""), "a KVNR value is left");
        assertTrue(patient.contains("\"system\":\"http://fhir.de/sid/arge-ik/iknr\",\"value\":\"260100023\""));
        assertTrue(patient.contains("\"system\":\"http://fhir.de/sid/arge-ik/iknr\",\"value\":\"101575519\""));
        assertTrue(Files.readString(out.resolve("Encounter.ndjson"), StandardCharsets.UTF_8)
                .contains("\"system\":\"http://fhir.de/sid/arge-ik/iknr\",\"value\":\"260100023\""));
        String condition = Files.readString(out.resolve("Condition.ndjson"), StandardCharsets.UTF_8);
        assertTrue(condition.contains("\"url\":\"http://fhir.de/StructureDefinition/seitenlokalisation\""), condition);
        assertTrue(condition.contains("\"code\":\"R\""), "the side of the diagnosis went");
        // a German letter's date keeps its German month when shifted ("4. April 2023" is not written "7. June 2023")
        String doc = Files.readString(out.resolve("DocumentReference.ndjson"), StandardCharsets.UTF_8);
        Matcher data = Pattern.compile("\"data\":\"([A-Za-z0-9+/=]+)\"").matcher(doc);
        assertTrue(data.find());
        String letter = new String(Base64.getDecoder().decode(data.group(1)), StandardCharsets.UTF_8);
        assertTrue(Pattern.compile("\\d{1,2}\\. (?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|"
                + "November|Dezember) \\d{4}").matcher(letter).find(), "no German date left in the letter");
        assertTrue(!Pattern.compile("\\d\\. (?:June|July|March|May|October|December) ").matcher(letter).find(),
                "a German date written with an English month");
        // the patient's own title is no name (decision 0151): his "Dr. med." made every one in the export a [NAME]
        assertTrue(letter.contains("Oberärztin") && letter.contains("Dr. med. [NAME], Oberärztin"), letter);
        assertTrue(Files.readString(out.resolve("Procedure.ndjson"), StandardCharsets.UTF_8)
                .contains("Operateur Dr. med. [NAME]"), "the operating surgeon's title went with her name");
    }
}
