package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deidworkbench.deid.classify.NameDictionary;

/**
 * Person names as exports write them where no cue of {@link TextScrubber} reads them, found in a notes file run alone
 * (decision 0140): a surname in capitals before or after its given name ({@code Mme LEFÈVRE Amélie}, {@code ROSSI
 * Mario}, {@code KOWALSKI, Jan}), a chart header that writes the surname first ({@code HALVORSEN-PRYCE, BRYNJA K   MRN:
 * …}), a labelled patient name no name list holds ({@code Patient: Tressiline Vandermoor}), a middle initial before a
 * credential ({@code John Q. Smith, PA}); and, from a name found, the rest of it ({@code García-Valdecasas Ibáñez},
 * {@code María del Pilar}) and its later mentions in the same text ({@code Quackenbush agrees …}). Each finder returns
 * {@code [start, end)} pairs of name words; stateless and thread-safe.
 */
final class NameConventions {

    private static final NameDictionary NAMES = NameDictionary.get();

    /**
     * Forms of address (and patient words) before a surname, as written: a capitals word after one of them is a name.
     * "M" only with its full stop and a given name after the surname ("M. DUCHÂTEAU François-Xavier"): "M." alone is
     * an initial or an abbreviation as often. The endings of "Sig.ra", "Dott.ssa", "Sr.ª" are words of their own.
     */
    private static final Set<String> FORMS = Set.of("Mme", "Mmes", "Mlle", "Madame", "Mademoiselle", "Monsieur", "Mr",
            "Mrs", "Ms", "Miss", "Herr", "Frau", "Hr", "Fr", "Fru", "Sig", "Signora", "Signor", "Signorina", "Sr", "Sra",
            "Srta", "Señor", "Señora", "Dña", "Don", "Doña", "Dona", "Pan", "Pani", "Mevrouw", "Mevr", "Dhr", "Dr", "Dra",
            "Dott", "Prof", "Pr", "Dre", "Patient", "Patientin", "Patiente", "Paciente", "Paziente", "Pacjent",
            "Pacjentka", "Doente", "Utente",
            // Bangladeshi and Pakistani names' prefixes (decision 0247): "Mst." of one name is no word of another's
            "Mst", "Md", "Mohd");
    private static final Set<String> FORM_ENDINGS = Set.of("ra", "na", "ssa", "ª", "a");

    /**
     * Abbreviations written in capitals that a note may put where a surname stands ("Mme ALD", "BPCO Marie", "IRM
     * Anna"): clinical ones in the exports' languages and the identifiers' labels. A capitals word of them is never a
     * surname; nor one without a vowel ("ECG", "HTN").
     */
    private static final Set<String> ABBREVIATIONS = Set.of("ALD", "AME", "CMU", "CPAM", "ATCD", "AINS", "IEC", "ARA",
            "AOD", "ACFA", "AVC", "AIT", "IDM", "SCA", "OAP", "HTA", "BPCO", "EPOC", "DPOC", "COPD", "IRM", "MRI", "TDM",
            "TAC", "RMN", "ECO", "ETT", "ETO", "EEG", "EMG", "ECG", "EKG", "TSH", "INR", "CRP", "PCR", "ICU", "USI",
            "REA", "UCI", "UTI", "UTIN", "CID", "CPF", "SUS", "IPP", "NIR", "NIP", "NHC", "DNI", "NIE", "NIF", "NSS",
            "NUSS", "RUT", "CURP", "TSI", "HIV", "VIH", "SIDA", "AIDS", "NHS", "BMI", "IMC", "ORL", "ASA", "AVK", "NFS",
            "IVG", "HBP", "HTN", "CHF", "CKD", "IRC", "IRA", "BNP", "NYHA", "FEVG", "LVEF", "ACS", "AMI", "IAM", "IMA",
            "TVP", "DVT", "EP", "TEP", "IVU", "ITU", "OMS", "WHO", "ASL", "ALT", "AST", "GGT", "LDH", "PSA",
            "CEA", "AFP", "HBA", "RAS", "SOS", "ONU", "USA", "OK", "KO", "AUC", "VEMS", "CVF", "DEP", "SAOS", "SAS",
            "OSA", "CPAP", "PPC", "BIPAP", "VNI", "NIV", "AINE", "IBP", "PPI", "ARV", "TAR", "ADO", "HGPO", "RCP",
            "CPR", "DEA", "AED", "SMUR", "SAMU", "UPA", "SAU", "URG", "MAP", "PAM", "TAS", "TAD", "FC", "FR", "SAT",
            "SPO", "GCS", "EVA", "NRS", "VAS", "MMS", "MMSE", "MOCA", "ADL", "IADL", "AVQ", "EHPAD", "SSR", "HAD",
            "SSIAD", "PMI", "CMP", "CAT", "ALS", "SLA", "SEP", "MS", "PID", "PIC", "PICC", "CVC", "VVP", "PAC", "SNG",
            "NGT", "PEG", "GEP", "TURP", "RTUP", "PTH", "PTG", "LCA", "ACL", "ORIF", "BCG", "DTP", "ROR", "MMR", "HPV",
            "VHB", "VHC", "HBV", "HCV", "CMV", "EBV", "VZV", "VRS", "RSV", "ARN", "ADN", "DNA", "RNA", "COVID", "SARS",
            "BCPO", "EPID", "RHB", "UVI", "OTAN", "SEGURO", "IMSS", "ISSSTE", "FONASA", "ISAPRE", "SNS", "INSS", "INPS",
            "ULSS", "AUSL", "ASST", "AOU", "PESEL", "NFZ", "ZUS", "SOR", "OIOM", "POZ", "AOK", "TK", "UKE");

    /** Labels of a chart header after the surname-first name ("…, BRYNJA K   MRN: 4471205"). Upper case. */
    private static final Set<String> HEADER_LABELS = Set.of("MRN", "DOB", "FIN", "CSN", "NHS", "ACCT", "ACCOUNT",
            "AGE", "SEX", "DOS", "ENC", "EMPI", "UNIT", "NHI", "IHI");

    /** Labels whose value is the patient's name ({@code Patient: Tressiline Vandermoor}, {@code Nom : …}). Lower case. */
    private static final Set<String> PATIENT_LABELS = Set.of("patient", "patientin", "patiente", "paciente",
            "paziente", "patiënt", "patiënte", "pacjent", "pacjentka", "doente", "utente", "nom", "nombre", "nome",
            "naam", "navn", "namn");

    /** Endings of adjectives and clinical nouns in the Romance languages, which the English and German lists lack. */
    private static final Pattern CLINICAL_ENDING = Pattern.compile(
            "(?iu).*(?:ico|ica|icos|icas|oso|osa|ado|ada|ido|ida|ivo|iva|ante|ente|ario|aria|ique|ienne|ien|eux|euse"
                    + "|if|ive|ale|aux|ología|ologia|ologie|itis|ite|osis|ose|emia|émie|ía|ia)");

    /** Particles inside a Spanish, Portuguese, Italian, French, Dutch or German name ("María del Pilar"). */
    private static final Set<String> PARTICLES = Set.of("de", "del", "la", "las", "los", "da", "das", "do", "dos",
            "di", "du", "van", "von", "der", "den", "ter", "ten", "le", "lo");

    /** "Q." in "John Q. Smith, PA": a middle initial, and the credential after the name (decision 0139's list). */
    private static final Pattern INITIALLED_BEFORE_CREDENTIAL = Pattern.compile(
            "(?<![\\p{L}\\p{M}.'’-])(\\p{Lu}[\\p{Ll}\\p{M}]+(?:-\\p{Lu}[\\p{Ll}\\p{M}]+)?) (\\p{Lu})\\. "
                    + "(\\p{Lu}[\\p{Ll}\\p{M}'’]+(?:-\\p{Lu}[\\p{Ll}\\p{M}]+)?), (\\p{L}{2,7})\\b");

    /**
     * A chart header's surname-first name at a line's start, after an optional patient label: {@code HALVORSEN-PRYCE,
     * BRYNJA K} or {@code Zandervelt-Orsini, Clementine R}, then a header label ({@code MRN:}) or the line's end.
     */
    private static final Pattern SURNAME_FIRST_HEADER = Pattern.compile(
            "(?m)^[ \\t\"]*(?:(?:Pt|PT|Patient|PATIENT|Patient Name|PATIENT NAME|Name|NAME)[ \\t]*:[ \\t]*)?"
                    + "(\\p{Lu}[\\p{L}\\p{M}]+(?:[-'’]\\p{Lu}[\\p{L}\\p{M}]+)?), ?(\\p{Lu}[\\p{L}\\p{M}]+)"
                    + "(?: (\\p{Lu}[\\p{L}\\p{M}]+))?(?: (\\p{Lu})\\.?)?(?=[ \\t]+(\\p{Lu}{2,7})[ \\t]*[:#]|[ \\t]{2,}"
                    + "|[ \\t]*\"?$)");

    private NameConventions() {
    }

    /**
     * The name words of every convention of this class in a text: {@link #capitalSurnames}, {@link
     * #surnameFirstHeaders}, {@link #labelledPatientNames}, {@link #initialledNamesBeforeCredentials}.
     */
    static List<int[]> find(String text) {
        List<int[]> out = new ArrayList<>();
        capitalSurnames(text, out);
        surnameFirstHeaders(text, out);
        labelledPatientNames(text, out);
        initialledNamesBeforeCredentials(text, out);
        addressedNames(text, out);
        capitalsNames(text, out);
        degreeNames(text, out);
        return out;
    }

    /**
     * A staff title and the academic degrees German writes between it and the name: {@code Dr. med.}, {@code Prof. Dr.
     * med. habil.}, {@code Dr. rer. nat.}, {@code Dr. med. dent.}, {@code PD Dr. med.} (decision 0150). The cue rule of
     * {@link TextScrubber} takes the degree for the name.
     */
    private static final Pattern DEGREE_TITLE = Pattern.compile("(?:Prof|Dr|PD|Priv\\.-Doz|Doz)\\.?"
            + "\\s{1,2}(?:(?:Prof|Dr|PD)\\.?\\s{1,2}){0,2}(?:(?:med|habil|rer|nat|dent|vet|phil|sc|hum|univ|pol|oec|jur|"
            + "h\\.\\s?c)\\.\\s{1,2}){1,4}");

    /** Particles of a German or Dutch surname after a degree title ("Dr. med. Friedrich-Wilhelm von Hohenstein"). */
    private static final Set<String> DEGREE_PARTICLES = Set.of("von", "van", "zu", "vom", "zur", "der", "den", "de");

    /**
     * The name after a German degree title ({@link #DEGREE_TITLE}): up to three capitalised words that are no ordinary
     * words, each a name or hyphenated names ({@code Friedrich-Wilhelm}), with a surname's particles between them.
     */
    static void degreeNames(String text, List<int[]> out) {
        if (text.indexOf("med.") < 0 && text.indexOf("habil.") < 0 && text.indexOf("nat.") < 0
                && text.indexOf("phil.") < 0 && text.indexOf("dent.") < 0) {
            return;
        }
        // tried only where a title can start (a capital P or D after no letter or digit), as decision 0145 tries the
        // scrubber's patterns: java.util.regex would try the pattern at every character of every such text
        Matcher m = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != 'D' && c != 'P' || i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
                continue;
            }
            if (m == null) {
                m = DEGREE_TITLE.matcher(text);
            }
            if (!m.region(i, n).lookingAt()) {
                continue;
            }
            i = m.end() - 1;
            int at = m.end();
            int words = 0;
            while (words < 3 && at < text.length()) {
                int end = at;
                while (end < text.length() && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '-'
                        && end + 1 < text.length() && Character.isUpperCase(text.charAt(end + 1)))) {
                    end++;
                }
                String word = text.substring(at, end);
                if (words > 0 && DEGREE_PARTICLES.contains(word) && end < text.length() && text.charAt(end) == ' ') {
                    at = end + 1; // "von Hohenstein": the particle stays, the surname goes
                    continue;
                }
                int[] b = {at, end};
                if (end == at || !TextScrubber.cuedNameWord(text, b)) {
                    break;
                }
                out.add(b);
                words++;
                if (end >= text.length() || text.charAt(end) != ' ') {
                    break;
                }
                at = end + 1;
            }
        }
    }

    /** Whether a run of letters is written in capitals, two or more letters of them. */
    private static boolean capitals(String text, int from, int to) {
        if (to - from < 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isUpperCase(text.charAt(i)) && Character.getType(text.charAt(i)) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a word in capitals may be a surname: three letters or more with a vowel ("ROY", "ROSSI", "DUCHÂTEAU";
     * "HTN", "ECG" have none or are abbreviations of {@link #ABBREVIATIONS}).
     */
    static boolean surnameShape(String word) {
        if (word.length() < 3 || ABBREVIATIONS.contains(word)) {
            return false;
        }
        String plain = java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFD);
        for (int i = 0; i < plain.length(); i++) {
            if ("AEIOUYÆØŒ".indexOf(plain.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** English endings of a service, a specialty or a team ("Discussed with Renal", "with Vascular", "with Plastics"). */
    private static final Pattern SERVICE_ENDING = Pattern.compile(
            "(?i).*(?:ology|ogy|ics|ery|ary|al|ar|ic|ist|ists|ine|ure|ion|ians|ment|ance|ence|ing|ed|ly|ness|ity)");

    /**
     * A surname standing alone after "discussed with" ("Discussed with Halvesham"): a capitalised word of five letters
     * or more with lower case, no ordinary word, form of address or patient word, and no ending of a service or an
     * adjective ("Renal", "Vascular", "Plastics", "Neurosurgery").
     */
    static boolean surnameAlone(String text, int[] b) {
        String word = text.substring(b[0], b[1]);
        return b[1] - b[0] >= 5 && TextScrubber.cuedNameWord(text, b) && !FORMS.contains(word)
                && !PATIENT_LABELS.contains(word.toLowerCase(Locale.ROOT)) && !SERVICE_ENDING.matcher(word).matches()
                && !CLINICAL_ENDING.matcher(word).matches();
    }

    /** A capitalised word with lower case in it that the name lists know as a first name and not as a word. */
    private static boolean knownGivenName(String text, int[] w) {
        if (w[1] - w[0] < 2 || !Character.isUpperCase(text.charAt(w[0])) || capitals(text, w[0], w[1])) {
            return false;
        }
        String token = NameDictionary.normalize(text.substring(w[0], w[1]));
        return NAMES.isFirstName(token) && !NAMES.isCommonWord(token);
    }

    /** The runs of letters (with their combining marks) of a text. */
    static List<int[]> words(String text) {
        List<int[]> bounds = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; ) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int end = TextScrubber.letterRunEnd(text, i);
            bounds.add(new int[] {i, end});
            i = end;
        }
        return bounds;
    }

    private static boolean between(String text, int from, int to, String... allowed) {
        String gap = text.substring(from, to);
        for (String a : allowed) {
            if (gap.equals(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A surname in capitals: after a form of address ("Mme LEFÈVRE Amélie", "Sig. SCHIAVONE Gianfranco", "Herr
     * MÜLLER"), or right before a given name the lists know ("ROSSI Mario", "KOWALSKI, Jan" at a line's start or after
     * a label), with the given names after it. A capitals word that is an abbreviation ("Mme ALD", "BPCO Marie"), has
     * no vowel, is an ordinary English or German word without a form of address before it ("PLAN Maria"), or follows
     * another capitals word ("HISTORY OF Anna") is none. Whether a text may hold one is cheap to tell: a capitals
     * letter pair is needed.
     */
    static void capitalSurnames(String text, List<int[]> out) {
        if (!mayHoldCapitals(text)) {
            return;
        }
        List<int[]> w = words(text);
        for (int t = 0; t < w.size(); t++) {
            int[] b = w.get(t);
            if (!capitals(text, b[0], b[1])) {
                continue;
            }
            // the surname: capitals runs joined by a hyphen or an apostrophe ("MÜLLER-STRAUSS", "N'GUESSAN")
            int last = t;
            while (last + 1 < w.size() && w.get(last + 1)[0] == w.get(last)[1] + 1
                    && "-'’".indexOf(text.charAt(w.get(last)[1])) >= 0
                    && capitals(text, w.get(last + 1)[0], w.get(last + 1)[1])) {
                last++;
            }
            String surname = text.substring(b[0], w.get(last)[1]);
            String longest = "";
            for (int k = t; k <= last; k++) {
                String part = text.substring(w.get(k)[0], w.get(k)[1]);
                longest = part.length() > longest.length() ? part : longest;
            }
            int next = last + 1;
            if (!surnameShape(longest) || surname.length() > 40) {
                t = last;
                continue;
            }
            int form = formBefore(text, w, t);
            boolean initialOnly = form == 2;
            int given = next < w.size() ? next : -1;
            boolean givenAfter = given >= 0 && (between(text, w.get(last)[1], w.get(given)[0], " ")
                    || between(text, w.get(last)[1], w.get(given)[0], ", ") && (form > 0 || headOfLine(text, b[0])))
                    && knownGivenName(text, w.get(given));
            boolean evidence;
            if (form == 1) {
                evidence = true;
            } else if (form == 2) {
                evidence = givenAfter; // "M. DUCHÂTEAU François-Xavier"
            } else {
                evidence = givenAfter && !NAMES.isCommonWord(NameDictionary.normalize(longest))
                        && !capitalsBefore(text, w, t);
            }
            if (!evidence) {
                t = last;
                continue;
            }
            for (int k = t; k <= last; k++) {
                out.add(w.get(k));
            }
            // the given names after it, a double one with its hyphen ("François-Xavier"), up to two
            int k = next;
            for (int names = 0; names < 2 && k < w.size(); names++) {
                int[] g = w.get(k);
                String gap = text.substring(w.get(k - 1)[1], g[0]);
                boolean first = k == next;
                if (!(gap.equals(" ") || first && gap.equals(", ") && givenAfter)
                        || !(first && givenAfter || TextScrubber.cuedNameWord(text, g) && !initialOnly
                        || knownGivenName(text, g))) {
                    break;
                }
                out.add(g);
                k++;
                while (k < w.size() && w.get(k)[0] == w.get(k - 1)[1] + 1 && text.charAt(w.get(k - 1)[1]) == '-'
                        && Character.isUpperCase(text.charAt(w.get(k)[0])) && !capitals(text, w.get(k)[0], w.get(k)[1])) {
                    out.add(w.get(k));
                    k++;
                }
            }
            t = last;
        }
    }

    /** Forms of address of the staff, after which a particle leads to a service as often ("Dra. Llorente de Cardiología"). */
    private static final Set<String> STAFF_FORMS = Set.of("Dr", "Dra", "Dott", "Prof", "Pr", "Dre");

    /**
     * The whole name after a form of address as Spanish, Portuguese and Italian notes write it, where the cue rule of
     * {@link TextScrubber} stops: its particles ({@code Sra. Maria das Graças dos Santos Wanderley}, {@code Dña.
     * Consuelo Peñalver de la Torre}), a feminine ending and a stacked {@code D.} ({@code Sr.ª D. Maria Fernanda
     * Brandão}), a name with an apostrophe ({@code Mlle N'Guessan Aïssata}). Up to five words that are no ordinary
     * words, a particle only between two of them. Not after a staff title: "Dra. Llorente de Cardiología".
     */
    static void addressedNames(String text, List<int[]> out) {
        if (text.indexOf(". ") < 0 && text.indexOf("ª ") < 0 && !mayHoldForm(text)) {
            return;
        }
        List<int[]> w = null;
        int n = text.length();
        for (int i = 0; i < n; ) {
            if (!Character.isUpperCase(text.charAt(i)) || i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
                i++;
                continue;
            }
            int end = TextScrubber.letterRunEnd(text, i);
            String word = text.substring(i, end);
            if (end == i || !FORMS.contains(word) || STAFF_FORMS.contains(word)
                    || PATIENT_LABELS.contains(word.toLowerCase(Locale.ROOT))) {
                i = Math.max(end, i + 1);
                continue;
            }
            if (w == null) {
                w = words(text);
            }
            int t = 0;
            while (t < w.size() && w.get(t)[0] < i) {
                t++;
            }
            int k = t + 1;
            if (k < w.size() && FORM_ENDINGS.contains(text.substring(w.get(k)[0], w.get(k)[1]))
                    && w.get(k)[0] == w.get(t)[1] + 1 && text.charAt(w.get(t)[1]) == '.') {
                k++; // "Sr.ª", "Sig.ra"
            }
            if (k + 1 < w.size() && between(text, w.get(k - 1)[1], w.get(k)[0], " ", ". ")
                    && (text.substring(w.get(k)[0], w.get(k)[1]).equals("D")
                    && text.startsWith(". ", w.get(k)[1]) || text.substring(w.get(k)[0], w.get(k)[1]).equals("Dona"))) {
                k++; // "Sr.ª D. Maria", "Sra. Dona Iracema"
            }
            List<int[]> name = new ArrayList<>();
            int words = 0;
            int pending = 0;
            for (; k < w.size() && words < 5; k++) {
                int[] b = w.get(k);
                String gap = text.substring(w.get(k - 1)[1], b[0]);
                boolean first = name.isEmpty() && pending == 0;
                if (first ? !gap.equals(" ") && !gap.equals(". ") : !gap.equals(" ") && !gap.equals("-")
                        && !gap.equals("'") && !gap.equals("’")) {
                    break;
                }
                String part = text.substring(b[0], b[1]);
                if ((!first && gap.equals(" ") && PARTICLES.contains(part)
                        || first && PARTICLES.contains(part.toLowerCase(Locale.ROOT)) && part.length() > 1) && pending < 2) {
                    pending++;
                    continue;
                }
                boolean apostrophe = b[1] - b[0] <= 3 && b[1] < n && "'’".indexOf(text.charAt(b[1])) >= 0
                        && k + 1 < w.size() && w.get(k + 1)[0] == b[1] + 1 && Character.isUpperCase(part.charAt(0));
                boolean capitalsName = capitals(text, b[0], b[1]) && surnameShape(part);
                boolean listed = b[1] - b[0] >= 3 && !capitals(text, b[0], b[1]) && Character.isUpperCase(part.charAt(0))
                        && NAMES.isName(NameDictionary.normalize(part)); // "Maria", a word too
                if (!apostrophe && !capitalsName && !listed && !TextScrubber.cuedNameWord(text, b)
                        && !(gap.equals("'") || gap.equals("’")) || FORMS.contains(part)) {
                    break;
                }
                for (int p = k - pending; p < k; p++) {
                    name.add(w.get(p));
                }
                pending = 0;
                name.add(b);
                if (!gap.equals("-") && !gap.equals("'") && !gap.equals("’")) {
                    words++;
                }
            }
            for (int[] b : name) {
                if (!PARTICLES.contains(text.substring(b[0], b[1]))) {
                    out.add(b);
                }
            }
            i = Math.max(end, i + 1);
        }
    }

    /** Particles of a name written in capitals ("VAN DER BERG, PIETER"). */
    private static final Set<String> CAPITALS_PARTICLES = Set.of("VAN", "VON", "DER", "DEN", "DE", "DI", "DA", "DEL",
            "LA", "LE", "TER", "TEN", "DOS", "DAS");

    /**
     * A name written wholly in capitals at a sentence's start, as a note copies it from a chart: the surname first and
     * a given name the lists know after a comma ({@code O'BRIEN, SIOBHAN reports}, {@code VAN DER BERG, PIETER, DOB …}),
     * or a given name the lists know and a surname before a comma ({@code AYŞEGÜL IŞIK, KOAH …}). Abbreviations,
     * words without a vowel and ordinary words are no surname ({@code COPD, MARY} is none: "COPD" is an abbreviation).
     */
    static void capitalsNames(String text, List<int[]> out) {
        if (text.indexOf(',') < 0 || !mayHoldCapitals(text)) {
            return;
        }
        List<int[]> w = words(text);
        for (int t = 0; t < w.size(); t++) {
            int[] b = w.get(t);
            if (!capitals(text, b[0], b[1]) && !(b[1] - b[0] == 1 && Character.isUpperCase(text.charAt(b[0])))
                    || !sentenceStart(text, b[0])) {
                continue;
            }
            // the run of capitals words joined by spaces, hyphens or apostrophes, up to a comma
            int k = t;
            while (k + 1 < w.size() && k - t < 4 && capitals(text, w.get(k + 1)[0], w.get(k + 1)[1])
                    && between(text, w.get(k)[1], w.get(k + 1)[0], " ", "-", "'", "’")) {
                k++;
            }
            if (k + 1 >= w.size() || !text.startsWith(",", w.get(k)[1])) {
                continue;
            }
            List<int[]> name = new ArrayList<>(w.subList(t, k + 1));
            boolean surnames = true;
            int given = -1;
            for (int j = t; j <= k; j++) {
                String part = text.substring(w.get(j)[0], w.get(j)[1]);
                if (CAPITALS_PARTICLES.contains(part) || part.length() == 1 && text.startsWith("'", w.get(j)[1])
                        || j > t && "-'’".indexOf(text.charAt(w.get(j)[0] - 1)) >= 0 && surnameShape(part)) {
                    continue;
                }
                String token = NameDictionary.normalize(part);
                boolean first = NAMES.isFirstName(token) && !NAMES.isCommonWord(token);
                if (j == t && first && k > t) {
                    given = j; // "AYŞEGÜL IŞIK,"
                    continue;
                }
                surnames &= surnameShape(part) && (!NAMES.isCommonWord(token) || NAMES.isName(token));
            }
            int[] next = w.get(k + 1);
            boolean givenAfter = between(text, w.get(k)[1], next[0], ", ", ",") && capitals(text, next[0], next[1])
                    && NAMES.isFirstName(NameDictionary.normalize(text.substring(next[0], next[1])))
                    && !NAMES.isCommonWord(NameDictionary.normalize(text.substring(next[0], next[1])));
            if (!surnames || given < 0 && !givenAfter) {
                t = k;
                continue;
            }
            out.addAll(name);
            if (givenAfter) {
                out.add(next);
                if (k + 2 < w.size() && w.get(k + 2)[1] - w.get(k + 2)[0] == 1
                        && between(text, next[1], w.get(k + 2)[0], " ") && Character.isUpperCase(text.charAt(w.get(k + 2)[0]))) {
                    out.add(w.get(k + 2)); // the middle initial
                }
            }
            t = k;
        }
    }

    /** Whether a word opens the text, a line or a sentence. */
    private static boolean sentenceStart(String text, int start) {
        int i = start - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '"')) {
            i--;
        }
        return i < 0 || ".!?;:\n\r#".indexOf(text.charAt(i)) >= 0;
    }

    /** Whether a form of address of {@link #FORMS} may stand in the text without a full stop ("Herr", "Pani"). */
    private static boolean mayHoldForm(String text) {
        for (String f : new String[] {"Herr", "Frau", "Pan", "Mme", "Mlle", "Mada", "Mons", "Sig", "Señ", "Don", "Doña",
            "Fru", "Mevr", "Dhr", "Mr", "Ms", "Miss"}) {
            if (text.contains(f)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a capital letter follows a capital letter somewhere: a text with no capitals word has no such name. */
    private static boolean mayHoldCapitals(String text) {
        for (int i = 1, n = text.length(); i < n; i++) {
            if (Character.isUpperCase(text.charAt(i)) && Character.isUpperCase(text.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * 1 when a form of address stands right before word {@code t} ("Mme ", "Sig.ra ", "Sr.ª D. "), 2 for "M. ", 0 for
     * none.
     */
    private static int formBefore(String text, List<int[]> w, int t) {
        if (t == 0) {
            return 0;
        }
        int[] p = w.get(t - 1);
        String prev = text.substring(p[0], p[1]);
        String gap = text.substring(p[1], w.get(t)[0]);
        if (!gap.equals(" ") && !gap.equals(". ") && !gap.equals(": ") && !gap.equals(".: ")) {
            return 0;
        }
        if ((prev.equals("D") || prev.equals("M")) && gap.equals(". ")) {
            // "Sr.ª D. BRANDÃO": "D." after a form is Dona; "M." alone an initial as often
            if (prev.equals("D") && t >= 2 && formBefore(text, w, t - 1) == 1) {
                return 1;
            }
            return prev.equals("M") ? 2 : 0;
        }
        if (FORMS.contains(prev)) {
            return gap.contains(":") && !Character.isUpperCase(prev.charAt(prev.length() - 1))
                    && !PATIENT_LABELS.contains(prev.toLowerCase(Locale.ROOT)) ? 0 : 1;
        }
        if (FORM_ENDINGS.contains(prev) && t >= 2 && w.get(t - 2)[1] == p[0] - 1 && text.charAt(p[0] - 1) == '.'
                && FORMS.contains(text.substring(w.get(t - 2)[0], w.get(t - 2)[1]))) {
            return 1; // "Sig.ra", "Dott.ssa", "Sr.ª", "Dr.ª"
        }
        return 0;
    }

    /** Whether the word is the first of its line or follows a label's colon ("Paziente: ROSSI, Mario"). */
    private static boolean headOfLine(String text, int start) {
        int i = start - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '"')) {
            i--;
        }
        return i < 0 || text.charAt(i) == '\n' || text.charAt(i) == '\r' || text.charAt(i) == ':';
    }

    /** Whether the word before, separated by white space only, is in capitals too (a heading, a sentence in capitals). */
    private static boolean capitalsBefore(String text, List<int[]> w, int t) {
        if (t == 0) {
            return false;
        }
        int[] p = w.get(t - 1);
        return text.substring(p[1], w.get(t)[0]).isBlank() && capitals(text, p[0], p[1]);
    }

    /**
     * A chart header's surname-first name ({@code HALVORSEN-PRYCE, BRYNJA K   MRN: 4471205}, {@code Pt: OKONJO,
     * DESMOND T  DOB:}, {@code Patient: Zandervelt-Orsini, Clementine R   MRN:}): at a line's start, a surname, a
     * comma and one or two given names with an optional initial, followed by a header label or a wide gap. It is a
     * name when a patient label stands before it or a header label after it, and the words may be names: no
     * abbreviation, no ordinary word unless the name lists know it.
     */
    static void surnameFirstHeaders(String text, List<int[]> out) {
        if (text.indexOf(',') < 0) {
            return;
        }
        Matcher m = SURNAME_FIRST_HEADER.matcher(text);
        while (m.find()) {
            boolean labelled = m.start(1) > m.start() && text.substring(m.start(), m.start(1)).contains(":");
            boolean headerLabel = m.group(5) != null && HEADER_LABELS.contains(m.group(5));
            if (!labelled && !headerLabel) {
                continue;
            }
            boolean ok = true;
            for (int g = 1; g <= 3 && ok; g++) {
                if (m.group(g) == null) {
                    continue;
                }
                for (String part : m.group(g).split("[-'’]")) {
                    String token = NameDictionary.normalize(part);
                    ok &= part.length() >= 2 && !ABBREVIATIONS.contains(token)
                            && (!NAMES.isCommonWord(token) || NAMES.isName(token));
                }
            }
            if (!ok) {
                continue;
            }
            for (int[] b : words(m.group(1))) {
                out.add(new int[] {m.start(1) + b[0], m.start(1) + b[1]});
            }
            for (int g = 2; g <= 4; g++) {
                if (m.group(g) != null) {
                    out.add(new int[] {m.start(g), m.end(g)});
                }
            }
        }
    }

    /**
     * A patient label's name that no list holds ({@code Patient: Tressiline Vandermoor}, {@code Paciente: Rosimeire
     * Bezerra}, {@code Nom : …}): after the label and its colon (and an optional form of address), two or three
     * capitalised words that are no ordinary words, joined by a space or a hyphen, ending the text, the line or the
     * phrase ({@code ,}, {@code .}, {@code ;}, {@code (}). A Romance adjective or clinical noun ("Diabético",
     * "Hipertensa") is none unless the lists know it as a name.
     */
    static void labelledPatientNames(String text, List<int[]> out) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return;
        }
        List<int[]> w = null;
        for (; colon >= 0; colon = text.indexOf(':', colon + 1)) {
            int end = colon;
            if (end > 0 && text.charAt(end - 1) == ' ') {
                end--; // "Nom : …"
            }
            int start = end;
            while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
                start--;
            }
            if (end - start < 3 || end - start > 10
                    || !PATIENT_LABELS.contains(text.substring(start, end).toLowerCase(Locale.ROOT))
                    || start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
                continue;
            }
            if (w == null) {
                w = words(text);
            }
            int k = 0;
            while (k < w.size() && w.get(k)[0] <= colon) {
                k++;
            }
            if (k >= w.size() || !text.substring(colon + 1, w.get(k)[0]).isBlank()
                    || w.get(k)[0] - colon > 3) {
                continue;
            }
            String first = text.substring(w.get(k)[0], w.get(k)[1]);
            if (FORMS.contains(first) && k + 1 < w.size()
                    && between(text, w.get(k)[1], w.get(k + 1)[0], " ", ". ")) {
                k++;
            }
            int from = k;
            int words = 0;
            for (; k < w.size() && words < 4; k++) {
                int[] b = w.get(k);
                boolean hyphen = k > from && between(text, w.get(k - 1)[1], b[0], "-");
                if (k > from && !hyphen && !between(text, w.get(k - 1)[1], b[0], " ")) {
                    break;
                }
                String word = text.substring(b[0], b[1]);
                if (!TextScrubber.cuedNameWord(text, b) || FORMS.contains(word)
                        || CLINICAL_ENDING.matcher(word).matches() && !NAMES.isName(NameDictionary.normalize(word))) {
                    words = -1;
                    break;
                }
                if (!hyphen) {
                    words++;
                }
            }
            if (words < 2 || words > 3) {
                continue;
            }
            int after = w.get(k - 1)[1];
            if (after < text.length() && ",.;(\r\n".indexOf(text.charAt(after)) < 0
                    && !text.startsWith(" (", after) && !text.startsWith(" -", after) && !text.startsWith(" \u2013", after)) {
                continue;
            }
            for (int j = from; j < k; j++) {
                out.add(w.get(j));
            }
        }
    }

    /**
     * A name with a middle initial before its credential ({@code John Q. Smith, PA}): its words may be ordinary words
     * ("Smith", "John"), as the initial between them says a person is named.
     */
    static void initialledNamesBeforeCredentials(String text, List<int[]> out) {
        if (text.indexOf(", ") < 0 || !mayHoldMiddleInitial(text)) {
            return;
        }
        Matcher m = INITIALLED_BEFORE_CREDENTIAL.matcher(text);
        while (m.find()) {
            if (!TextScrubber.CREDENTIALS.contains(m.group(4))) {
                continue;
            }
            for (int g = 1; g <= 3; g++) {
                for (int[] b : words(m.group(g))) {
                    out.add(new int[] {m.start(g) + b[0], m.start(g) + b[1]});
                }
            }
        }
    }

    /**
     * Whether the text holds a space, one character (or a surrogate pair: one {@code \\p{Lu}}), a full stop and a
     * space, as a middle initial is written (" Q. "); {@link #INITIALLED_BEFORE_CREDENTIAL} is looked for only then
     * (decision 0145).
     */
    static boolean mayHoldMiddleInitial(String text) {
        for (int k = text.indexOf(". "); k >= 0; k = text.indexOf(". ", k + 1)) {
            if (k >= 2 && text.charAt(k - 2) == ' '
                    || k >= 3 && text.charAt(k - 3) == ' ' && Character.isLowSurrogate(text.charAt(k - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rest of the names found, to their right and further on in the text ({@code names}: the {@code [NAME]} spans
     * found; {@code taken}: every span found, which a new one must not overlap):
     * <ul>
     * <li>the second part of a double name ({@code García-Valdecasas}), a capitalised word that is no ordinary
     * word;</li>
     * <li>after a space, a word the name lists know as a name and not as a word ({@code … Valdecasas Ibáñez}), or
     * after a given name the lists know, a capitalised word that is no ordinary word ({@code Mildred Vantrease
     * seen});</li>
     * <li>after one or two particles ({@code del}, {@code das}, {@code dos}, {@code da}, {@code de la}), a word the
     * lists know as a name ({@code María del Pilar}, {@code Maria das Graças dos Santos Wanderley}): a place after a
     * particle ({@code de São Paulo}) is no name of theirs;</li>
     * <li>a later mention of a word of a name found, capitalised, of three letters or more and no ordinary word
     * ({@code Mrs. Dorothy Quackenbush … Quackenbush agrees}).</li>
     * </ul>
     */
    static List<int[]> rest(String text, List<int[]> names, List<int[]> taken) {
        List<int[]> found = new ArrayList<>();
        if (names.isEmpty()) {
            return found;
        }
        List<int[]> w = words(text);
        boolean[] name = new boolean[w.size()];
        boolean[] used = new boolean[w.size()];
        int s = 0;
        List<int[]> sortedTaken = new ArrayList<>(taken);
        sortedTaken.sort((a, b) -> Integer.compare(a[0], b[0]));
        for (int t = 0; t < w.size(); t++) {
            int[] b = w.get(t);
            for (int[] span : sortedTaken) {
                if (span[0] >= b[1]) {
                    break;
                }
                if (span[1] > b[0]) {
                    used[t] = true;
                }
            }
            for (int[] span : names) {
                if (span[0] <= b[0] && span[1] >= b[1]) {
                    name[t] = true;
                }
            }
        }
        java.util.Set<String> mentioned = new java.util.HashSet<>();
        for (int t = 0; t < w.size(); t++) {
            if (!name[t]) {
                continue;
            }
            int[] b = w.get(t);
            String word = text.substring(b[0], b[1]);
            if (b[1] - b[0] >= 3 && TextScrubber.cuedNameWord(text, b) && !FORMS.contains(word)
                    && !PATIENT_LABELS.contains(word.toLowerCase(Locale.ROOT))) {
                mentioned.add(text.substring(b[0], b[1]).toLowerCase(Locale.ROOT));
            }
            // to the left: a double name's first part that is an ordinary word too ("Pike-Ellery"; decision 0194)
            if (t > 0 && !used[t - 1] && !name[t - 1] && text.substring(w.get(t - 1)[1], b[0]).equals("-")
                    && doubleNamePart(text, w.get(t - 1), b)) {
                name[t - 1] = true;
                used[t - 1] = true;
                found.add(w.get(t - 1));
            }
            // to the right: a double name's part, a listed name, particles and a listed name
            int k = t + 1;
            if (k >= w.size() || used[k] || name[k]) {
                continue;
            }
            String gap = text.substring(b[1], w.get(k)[0]);
            int[] nb = w.get(k);
            boolean add = gap.equals("-") && doubleNamePart(text, nb, b)
                    || gap.equals(" ") && (listedName(text, nb) || knownGivenName(text, b) && !capitals(text, nb[0], nb[1])
                    && TextScrubber.cuedNameWord(text, nb) && !FORMS.contains(text.substring(nb[0], nb[1])));
            int particles = 0;
            while (!add && particles < 2 && k < w.size() && text.substring(w.get(k - 1)[1], w.get(k)[0]).equals(" ")
                    && PARTICLES.contains(text.substring(w.get(k)[0], w.get(k)[1]))) {
                particles++;
                k++;
                add = k < w.size() && text.substring(w.get(k - 1)[1], w.get(k)[0]).equals(" ") && !used[k]
                        && Character.isUpperCase(text.charAt(w.get(k)[0])) && !capitals(text, w.get(k)[0], w.get(k)[1])
                        && NAMES.isName(NameDictionary.normalize(text.substring(w.get(k)[0], w.get(k)[1])));
            }
            if (add) {
                name[k] = true;
                used[k] = true;
                found.add(w.get(k));
            }
        }
        if (!mentioned.isEmpty()) {
            for (int t = 0; t < w.size(); t++) {
                int[] b = w.get(t);
                if (!used[t] && !name[t] && b[1] - b[0] >= 3 && Character.isUpperCase(text.charAt(b[0]))
                        && (mentioned.contains(text.substring(b[0], b[1]).toLowerCase(Locale.ROOT))
                        || text.charAt(b[1] - 1) == 's' // the genitive "Sæthers dotter"
                        && mentioned.contains(text.substring(b[0], b[1] - 1).toLowerCase(Locale.ROOT)))) {
                    found.add(b);
                }
            }
        }
        return found;
    }

    /**
     * Whether {@code part}, glued by a hyphen to the name word {@code name}, is the other part of a double name: a
     * capitalised word of two letters or more, in capitals only beside a name in capitals, and no cue, honorific or form
     * of address. An ordinary word is one too ("Ellery-Pike", "Lloyd-Wood", "Bowes-Lyon"; decision 0194): a found name's
     * part glued to it is the name, where the same word after a space ("Pike County") is not.
     */
    static boolean doubleNamePart(String text, int[] part, int[] name) {
        if (part[1] - part[0] < 2 || !Character.isUpperCase(text.charAt(part[0]))
                || capitals(text, part[0], part[1]) && !capitals(text, name[0], name[1])) {
            return false;
        }
        String word = text.substring(part[0], part[1]);
        return (part[1] - part[0] > 2 || !capitals(text, part[0], part[1]))
                && !TextScrubber.isCueOrHonorific(word.toLowerCase(Locale.ROOT)) && !FORMS.contains(word);
    }

    /** A capitalised word with lower case that the name lists know as a name and not as an ordinary word. */
    private static boolean listedName(String text, int[] b) {
        if (b[1] - b[0] < 3 || !Character.isUpperCase(text.charAt(b[0])) || capitals(text, b[0], b[1])) {
            return false;
        }
        String token = NameDictionary.normalize(text.substring(b[0], b[1]));
        return NAMES.isName(token) && !NAMES.isCommonWord(token) && TextScrubber.cuedNameWord(text, b);
    }
}
