package org.deidworkbench.deid.classify;

import java.util.List;

/**
 * Bangla header terms and the English words the header reader knows them by (decision 0250): a Bangladeshi register
 * kept in Bangla heads its columns {@code রোগীর নাম} (the patient's name), {@code পিতা/স্বামীর নাম} (the father's or
 * husband's name), {@code গ্রাম} (village), {@code মোবাইল}, {@code ভর্তির তারিখ} (admission date). A term counts wherever
 * it stands in the header as whole words, the longer first, and its characters count once ({@code জন্ম তারিখ} is no
 * plain {@code তারিখ}). Stateless and thread-safe.
 */
final class BengaliHeaders {

    private BengaliHeaders() {
    }

    /** Longest first; each term adds its words. */
    private static final String[][] TERMS = {
        // the patient's, the father's, the husband's, the mother's and the guardian's names; a plain name (a whole
        // name: "firstname" is the word the header reader takes for a name's column, as for Persian نام)
        {"রোগীর নাম", "patient", "firstname"}, {"পিতা/স্বামীর নাম", "father", "firstname"},
        {"পিতার নাম", "father", "firstname"}, {"স্বামীর নাম", "husband", "firstname"}, {"মাতার নাম", "mother", "firstname"},
        {"অভিভাবকের নাম", "guardian", "firstname"}, {"ডাক্তারের নাম", "physician", "firstname"}, {"নাম", "firstname"},
        // numbers: the patient's registration (an MRN), national identity card, birth registration
        {"রেজি নং", "mrn"}, {"রেজিস্ট্রেশন নং", "mrn"},
        {"জাতীয় পরিচয়পত্র", "ssn"}, {"এনআইডি", "ssn"}, {"জন্ম নিবন্ধন", "ssn"},
        // dates and the person's categories
        {"জন্ম তারিখ", "birthdate"}, {"ভর্তির তারিখ", "admission", "date"}, {"ছাড়পত্রের তারিখ", "discharge", "date"},
        {"তারিখ", "date"}, {"বয়স", "age"}, {"লিঙ্গ", "sex"},
        // the address from the house down to the district; the division (বিভাগ) is a state's level, not named here
        {"ঠিকানা", "address"}, {"গ্রাম", "village"}, {"মহল্লা", "locality"}, {"ইউনিয়ন", "commune"}, {"ডাকঘর", "locality"},
        {"উপজেলা", "district"}, {"থানা", "district"}, {"জেলা", "district"}, {"মোবাইল", "mobile"}, {"ফোন", "phone"},
        // the diagnosis and the remarks
        {"রোগ নির্ণয়", "diag"}, {"রোগের নাম", "diag"}, {"মন্তব্য", "notes"}, {"বিবরণ", "notes"}};

    /** Whether the header has a Bengali letter. */
    static boolean isOne(String header) {
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c >= '\u0980' && c <= '\u09FF') {
                return true;
            }
        }
        return false;
    }

    /** Adds the English words of the header's Bangla terms; a header without Bengali letters is left. */
    static void addWords(String header, List<String> words) {
        if (isOne(header)) {
            MiddleEasternHeaders.addTerms(MiddleEasternHeaders.normalize(header), TERMS, words);
        }
    }
}
