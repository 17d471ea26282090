package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0250: what a Bangladeshi register in Bangla and a Pakistani one in Urdu write of a person and a place — a
 * name after its label or a kin word ("রোগীর নাম:", "পিতা:", "স্বামী মোঃ", "মেয়ে"; "مریض کا نام:", "ولد", "زوجہ"), the
 * honorific kept ("মোঃ", "মোছাঃ", "مسماۃ"), a village's address part by part after its labels ("গ্রাম:", "ডাকঘর:",
 * "উপজেলা:"; "سکنہ", "تحصیل", "ضلع"), an address after "ঠিকানা:", phones and dates in Bengali digits (shifted in them).
 * With main's jar (7a04977) all of it was kept but the Urdu phone (synthetic values).
 */
class SouthAsianScriptsTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot(), 2026).scrub(text, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "রোগীর নাম: আব্দুল করিম, বয়স ৫৮|রোগীর নাম: [NAME], বয়স ৫৮",
        "পিতা: আব্দুল জলিল, গ্রাম: চর কুকরি|পিতা: [NAME], গ্রাম: [LOCATION]",
        "রোগী মোছাঃ রোকেয়া বেগম, স্বামী মোঃ শহিদুল ইসলাম।|রোগী মোছাঃ [NAME], স্বামী মোঃ [NAME]।",
        "মেয়ে নাসরিন আক্তার সাথে আছেন।|মেয়ে [NAME] সাথে আছেন।",
        "ডাঃ ফারহানা ইয়াসমিন দেখেছেন।|ডাঃ [NAME] দেখেছেন।",
        "ডাকঘর: কালিকাপুর, উপজেলা: দাউদকান্দি, জেলা: কুমিল্লা।|ডাকঘর: [LOCATION], উপজেলা: [LOCATION], জেলা: [LOCATION]।",
        "ঠিকানা: বাড়ি নং ১২, বড় বাড়ি, শিবগঞ্জ।|ঠিকানা: [ADDRESS]।",
        "মোবাইল: ০১৮১৯-৮৭৬৫৪৩|মোবাইল: [PHONE]"})
    void aBanglaNameOrPlaceAfterItsLabelIsReplacedAndTheLabelStays(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /** A kin word without a label or an honorific needs a name of two words: the sentence's words are none. */
    @ParameterizedTest
    @ValueSource(strings = {"মেয়ে সুস্থ আছে।", "রোগী ভর্তি হয়েছেন।", "প্লাটিলেট ৩৮,০০০। ডেঙ্গু জ্বর।"})
    void aBanglaSentenceWithoutANameStays(String text) {
        assertEquals(text, scrub(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "مریض کا نام: محمد اسلم ولد غلام رسول، عمر 45 سال|مریض کا نام: [NAME] ولد [NAME]، عمر 45 سال",
        "مسماۃ نسرین بی بی زوجہ محمد یونس، سکنہ گاؤں ڈھکی۔|مسماۃ [NAME] زوجہ [NAME]، سکنہ [LOCATION]۔",
        "سکنہ موضع چک نمبر 45 گ ب، تحصیل جڑانوالہ، ضلع فیصل آباد۔|سکنہ [LOCATION]، تحصیل [LOCATION]، ضلع [LOCATION]۔",
        "بیٹا محمد عمران ساتھ ہے۔ ڈاکٹر نعمان احمد نے معائنہ کیا۔|بیٹا [NAME] ساتھ ہے۔ ڈاکٹر [NAME] نے معائنہ کیا۔"})
    void anUrduNameOrPlaceAfterItsCueIsReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /** A date in Bengali digits is shifted and written in them, as Arabic-Indic ones are (decision 0132). */
    @Test
    void aDateInBengaliDigitsIsShiftedInThem() {
        String out = new TextScrubber(new KnownIdentifiers().snapshot(), 2026).scrub("ভর্তির তারিখ ১৪/০৩/২০২৪।",
                new Subject("p1", 10));
        assertEquals("ভর্তির তারিখ ২৪/০৩/২০২৪।", out);
    }

    @Test
    void theFoldingReadsBengaliAndDevanagariDigits() {
        assertEquals("01711-234567", TextFolding.fold("০১৭১১-২৩৪৫৬৭"));
        assertEquals("12/03/2024", TextFolding.fold("१२/०३/२०२४"));
        TextFolding f = TextFolding.of("তারিখ ১২/০৩/২০২৪");
        assertTrue(f != null && f.inOriginalDigits(6, 16, "22/03/2024").equals("২২/০৩/২০২৪"));
    }
}
