package org.deidworkbench.deid.classify;

import java.util.List;

/**
 * Arabic, Persian, Urdu and Hebrew header terms and the English words the header reader knows them by (decision 0132):
 * {@code رقم الملف} (the file's number) is an MRN, {@code کد ملی} and {@code ת.ז.} national numbers,
 * {@code تاريخ الميلاد} a birth date. A term counts wherever it stands in the header, the longer first, and its
 * characters count once ({@code تاريخ الميلاد} is no plain {@code تاريخ}). The header is compared without tatweel,
 * bidi controls and zero-width characters, with Arabic and Persian yeh and kaf as one. Stateless and thread-safe.
 */
final class MiddleEasternHeaders {

    private MiddleEasternHeaders() {
    }

    /** Longest first within each language; each term adds its words. */
    private static final String[][] TERMS = {
        // Urdu (decision 0250), before Persian, whose نام it holds: the register's number, the patient's name, parentage (ولدیت: the father's or husband's
        // name), the CNIC, the address, the admission date, the diagnosis and remarks (کیفیت)
        {"رجسٹر نمبر", "mrn"}, {"مریض کا نام", "patient", "firstname"},
        {"ولدیت", "father", "firstname"}, {"والد کا نام", "father", "firstname"}, {"شوہر کا نام", "husband", "firstname"}, {"شناختی کارڈ نمبر", "ssn"},
        {"شناختی کارڈ", "ssn"}, {"پتہ", "address"}, {"تاریخ داخلہ", "admission", "date"}, {"تاریخ پیدائش", "birthdate"},
        {"کیفیت", "notes"}, {"عمر", "age"},
        // Arabic: the file's (patient's) number, national id and residence permit (Iqama), Egypt's national number
        {"رقم الملف", "mrn"}, {"الملف الطبی", "mrn"}, {"رقم المریض", "patient", "id"},
        {"رقم الهویة", "ssn"}, {"الهویة", "ssn"}, {"رقم الإقامة", "ssn"}, {"الإقامة", "ssn"},
        {"الرقم القومی", "ssn"}, {"السجل المدنی", "ssn"}, {"جواز السفر", "passport"},
        {"الاسم الأول", "firstname"}, {"اسم العائلة", "lastname"}, {"اسم الأب", "firstname"},
        {"اسم المریض", "patient", "ism", "name"}, {"الاسم", "ism", "name"},
        {"تاریخ المیلاد", "birthdate"}, {"المیلاد", "birth"}, {"تاریخ الدخول", "admission", "date"},
        {"تاریخ الخروج", "discharge", "date"},
        {"الجوال", "mobile"}, {"الهاتف", "phone"}, {"هاتف", "phone"}, {"جوال", "mobile"},
        {"البرید الإلکترونی", "email"}, {"العنوان", "address"}, {"المدینة", "city"}, {"الجنسیة", "nationality"},
        {"الجنس", "sex"}, {"رقم الزیارة", "visit", "number"}, {"الزیارة", "visit"}, {"الطبیب", "physician"},
        {"التشخیص", "diag"}, {"الفحص", "analyse"}, {"النتیجة", "result"}, {"الوحدة", "units"},
        {"الملاحظات", "notes"}, {"ملاحظات", "notes"},
        // Persian: the record's number, the national code, family name before name
        {"شماره پرونده", "mrn"}, {"پرونده", "mrn"}, {"کد ملی", "ssn"}, {"شماره ملی", "ssn"},
        {"نام خانوادگی", "lastname"}, {"نام پدر", "firstname"}, {"نام", "firstname"},
        {"تاریخ تولد", "birthdate"}, {"تاریخ پذیرش", "admission", "date"}, {"تاریخ ترخیص", "discharge", "date"},
        {"تلفن همراه", "mobile"}, {"تلفن", "phone"}, {"موبایل", "mobile"}, {"همراه", "mobile"},
        {"نشانی", "address"}, {"آدرس", "address"}, {"جنسیت", "sex"}, {"شماره پذیرش", "admission", "number"},
        {"پذیرش", "admission"}, {"تشخیص", "diag"}, {"شرح حال", "note"}, {"یادداشت", "note"}, {"پزشک", "physician"},
        // Hebrew: the file's number, the Teudat Zehut (ת.ז., ת"ז), family and given name; a health fund is a category
        {"מספר תיק", "mrn"}, {"תעודת זהות", "ssn"}, {"ת.ז.", "ssn"}, {"ת.ז", "ssn"}, {"ת\"ז", "ssn"},
        {"שם משפחה", "lastname"}, {"שם פרטי", "firstname"}, {"שם", "shem", "name"},
        {"תאריך לידה", "birthdate"}, {"תאריך קבלה", "admission", "date"}, {"תאריך שחרור", "discharge", "date"},
        {"תאריך", "date"}, {"טלפון", "phone"}, {"נייד", "mobile"}, {"כתובת", "address"}, {"עיר", "city"},
        {"מספר אשפוז", "admission", "number"}, {"אשפוז", "admission"}, {"קופת חולים", "category"},
        {"קוד", "code"}, {"אבחנה", "diag"}, {"סיכום", "summary"}, {"הערות", "notes"}, {"רופא", "physician"},
        {"מין", "sex"},
        // last: a date of anything not named above (تاريخ الميلاد is a birth date, تاریخ تولد too)
        {"تاریخ", "date"}};

    /** Whether the header has a Hebrew or Arabic-script letter. */
    static boolean isOne(String header) {
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c >= '\u05D0' && c <= '\u06FF') {
                return true;
            }
        }
        return false;
    }

    /** Adds the English words of the header's Arabic, Persian or Hebrew terms; a header without those letters is left. */
    static void addWords(String header, List<String> words) {
        if (!isOne(header)) {
            return;
        }
        addTerms(normalize(header), TERMS, words);
    }

    /**
     * Adds the English words of each term of {@code terms} ({term, words...}, the longer first) that stands in the header
     * as whole words; a term's characters count once.
     */
    static void addTerms(String header, String[][] terms, List<String> words) {
        String rest = " " + header + " ";
        for (String[] t : terms) {
            String term = normalize(t[0]);
            int at = termAt(rest, term);
            if (at < 0) {
                continue;
            }
            rest = rest.substring(0, at) + " " + rest.substring(at + term.length());
            for (int k = 1; k < t.length; k++) {
                if (!words.contains(t[k])) {
                    words.add(t[k]);
                }
            }
        }
    }

    /** Where the term stands as whole words (an Arabic or Hebrew letter on neither side), or -1. */
    private static int termAt(String text, String term) {
        for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
            int end = at + term.length();
            if (!Character.isLetter(text.charAt(at - 1)) && !Character.isLetter(text.charAt(end))) {
                return at;
            }
        }
        return -1;
    }

    /** Without tatweel and invisible characters, Arabic yeh and kaf written as Persian ones, hamza'd alef kept. */
    static String normalize(String header) {
        StringBuilder b = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\u0640' || c >= '\u200B' && c <= '\u200F' || c >= '\u202A' && c <= '\u202E'
                    || c >= '\u2066' && c <= '\u2069' || c == '\uFEFF') {
                continue;
            }
            b.append(c == '\u064A' || c == '\u0649' ? '\u06CC' : c == '\u0643' ? '\u06A9' : c == '_' ? ' ' : c);
        }
        return b.toString();
    }
}
