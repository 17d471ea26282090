package org.deidworkbench.deid.classify;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Russian, Ukrainian and Greek header words and the English words they stand for (decision 0131), as
 * {@link HeaderHints} reads Japanese, Chinese and Korean ones: the hints then come from the English words. Both
 * languages inflect ({@code Дата рождения}, {@code Номер истории болезни}, {@code Κωδικός ασθενούς}), so most terms are
 * stems that match a word's beginning; short ones ({@code ФИО}, {@code Пол}, {@code ΑΜΚΑ}) match the whole word. Greek
 * is compared without its accents and with {@code ς} as {@code σ}. Immutable and thread-safe.
 */
final class CyrillicGreekHeaders {

    /** {stem, English word, "=" when the whole word must match}; the first matching term of a word counts. */
    private static final String[][] TERMS = {
        // names: the full name (ФИО, Ονοματεπώνυμο), surname, given name, patronymic
        {"фио", "surname", "="}, {"фамили", "surname"}, {"имя", "first", "="}, {"имени", "first", "="},
        {"отчеств", "middle"}, {"прізвищ", "surname"}, {"батькові", "middle"},
        {"ονοματεπωνυμο", "surname"}, {"επωνυμο", "surname"}, {"ονομα", "first"}, {"πατρωνυμο", "middle"},
        {"πατρος", "middle"},
        // persons
        {"пациент", "patient"}, {"больно", "patient"}, {"пацієнт", "patient"}, {"врач", "physician"},
        {"лікар", "physician"}, {"ασθεν", "patient"}, {"ιατρ", "physician"}, {"γιατρ", "physician"},
        // dates
        {"рождени", "birth"}, {"народженн", "birth"}, {"γεννησ", "birth"}, {"дата", "date"}, {"ημερομηνια", "date"},
        {"поступлени", "admission"}, {"госпитализ", "admission"}, {"выписк", "discharge"}, {"εισαγωγ", "admission"},
        {"εξοδ", "discharge"},
        // ids: a chart's number (№ карты), a case history's, national and insurance numbers
        {"карт", "mrn"}, {"номер", "number"}, {"αριθμ", "number"}, {"снилс", "ssn", "="}, {"инн", "taxid", "="},
        {"полис", "policy"}, {"омс", "insurance", "="}, {"паспорт", "passport"}, {"αμκα", "ssn", "="},
        {"αφμ", "taxid", "="}, {"αμα", "insurance", "="}, {"ταυτοτητ", "passport"}, {"διαβατηρι", "passport"},
        // contact
        {"телефон", "phone"}, {"тел", "tel", "="}, {"мобильн", "mobile"}, {"τηλεφων", "phone"}, {"τηλ", "tel", "="},
        {"κινητ", "mobile"}, {"почт", "email"}, {"email", "email", "="},
        {"адрес", "address"}, {"улиц", "street"}, {"город", "city"}, {"населенн", "city"},
        {"индекс", "postcode"}, {"διευθυνσ", "address"}, {"οδος", "street"}, {"πολη", "city"},
        {"ταχυδρομικ", "postcode"}, {"пол", "sex", "="}, {"стать", "sex", "="}, {"φυλο", "sex", "="},
        // codes and measurements: a diagnosis (МКБ-10 is the ICD-10), a lab test, its result and unit
        {"мкб", "icd", "="}, {"диагноз", "diag"}, {"код", "code", "="}, {"διαγνωσ", "diag"}, {"κωδικ", "code"},
        {"показател", "analyse"}, {"анализ", "analyse"}, {"исследовани", "analyse"}, {"εξετασ", "analyse"},
        {"результат", "result"}, {"значени", "value"}, {"αποτελεσμ", "result"}, {"τιμη", "value"},
        {"ед", "units", "="}, {"единиц", "units"}, {"μοναδ", "units"},
        // notes
        {"запис", "note"}, {"текст", "text"}, {"примечани", "note"}, {"эпикриз", "epikrise"}, {"дневник", "note"},
        {"анамнез", "anamnese"}, {"заключени", "report"}, {"жалоб", "note"}, {"σημειωσ", "note"},
        {"κειμεν", "text"}, {"ιστορικ", "history"}, {"παρατηρησ", "remark"}, {"γνωματευσ", "report"}};

    private CyrillicGreekHeaders() {
    }

    /**
     * Adds the English words of a header's Cyrillic or Greek words to {@code words} (lower case, as
     * {@link HeaderHints#words} splits them); {@code header} decides a Greek {@code Τ.Κ.} (postcode), whose letters the
     * split keeps apart.
     */
    static void addEnglishWords(String header, List<String> words) {
        boolean any = false;
        for (int i = 0; i < header.length() && !any; i++) {
            Character.UnicodeScript s = Character.UnicodeScript.of(header.charAt(i));
            any = s == Character.UnicodeScript.CYRILLIC || s == Character.UnicodeScript.GREEK;
        }
        if (!any) {
            return;
        }
        List<String> own = List.copyOf(words);
        boolean patient = false;
        for (String w : own) {
            String n = normal(w);
            for (String[] t : TERMS) {
                if (t.length == 3 ? n.equals(t[0]) : n.startsWith(t[0])) {
                    patient |= t[1].equals("patient");
                    add(words, t[1]);
                    break;
                }
            }
        }
        String letters = normal(header.replaceAll("[^\\p{L}]", ""));
        if (letters.equals("τκ")) {
            add(words, "postcode");
        }
        if (header.indexOf('№') >= 0) {
            add(words, "number");
        }
        if (patient && words.remove("code")) {
            add(words, "id"); // Κωδικός ασθενούς: the patient's code is the patient's id
        }
    }

    private static void add(List<String> words, String english) {
        if (!words.contains(english)) {
            words.add(english);
            if ((english.equals("surname") || english.equals("first") || english.equals("middle"))
                    && !words.contains("name")) {
                words.add("name");
            }
        }
    }

    /** Lower case, without accents, {@code ς} as {@code σ}. */
    private static String normal(String w) {
        String d = Normalizer.normalize(w.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK && c != '\u0306' && c != '\u0308') {
                continue; // Greek tonos and dialytika; й (и + breve) and ё (е + diaeresis) keep theirs
            }
            b.append(c == 'ς' ? 'σ' : c);
        }
        return Normalizer.normalize(b, Normalizer.Form.NFC);
    }
}
