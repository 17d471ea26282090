package org.deidworkbench.deid;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What identifies a person in Thai free text (decision 0133): a name after its title ({@code นายสมชาย ใจดีมาก},
 * {@code นางสาว}, {@code ด.ช.}, {@code นพ.}: Thai writes the title against the given name and a space before the
 * surname), the thirteen-digit national ID with its check digit ({@code 3-1005-00123-45-8}), a hospital number with its
 * Buddhist Era year ({@code HN 12345/66}), a phone number ({@code 081-234-5678}), and dates with the month's Thai name
 * or abbreviation ({@code 12 มี.ค. 2566}, {@code 3 มกราคม 2566}), the year in the Buddhist Era (2566 = 2023) from 2400
 * on and in the common era below. Thai digits ({@code ๐}–{@code ๙}) count as the ASCII digits they stand for; each is
 * one character, so what is found is cut from the original text at the same offsets, and a shifted date is written
 * back in the digits, the month's form and the era it was written in. Stateless and thread-safe; linear in the text.
 */
public final class ThaiText {

    private ThaiText() {
    }

    /**
     * One finding: {@code [start, end)}, its replacement, and for a date the smaller of its common-era years before and
     * after the shift (0 for anything else), for the caller's rule on old dates.
     */
    record Found(int start, int end, String replacement, int dateYear) {
    }

    /** The first year read as a Buddhist Era year: 2400 BE is 1857, and no export holds a common-era year past 2399. */
    public static final int FIRST_BUDDHIST_YEAR = 2400;
    /** Buddhist Era year minus common-era year. */
    public static final int BUDDHIST_OFFSET = 543;

    private static final String[][] MONTHS = {
        {"มกราคม", "ม.ค."}, {"กุมภาพันธ์", "ก.พ."}, {"มีนาคม", "มี.ค."}, {"เมษายน", "เม.ย."}, {"พฤษภาคม", "พ.ค."},
        {"มิถุนายน", "มิ.ย."}, {"กรกฎาคม", "ก.ค."}, {"สิงหาคม", "ส.ค."}, {"กันยายน", "ก.ย."}, {"ตุลาคม", "ต.ค."},
        {"พฤศจิกายน", "พ.ย."}, {"ธันวาคม", "ธ.ค."}};
    private static final Pattern DATE;

    static {
        StringBuilder months = new StringBuilder();
        for (String[] m : MONTHS) {
            for (String form : m) {
                months.append(months.length() == 0 ? "" : "|").append(Pattern.quote(form));
            }
        }
        DATE = Pattern.compile("(?<!\\d)(\\d{1,2})(\\s?)(" + months + ")(\\s?(?:พ\\.ศ\\.\\s?|ค\\.ศ\\.\\s?)?)(\\d{4})(?!\\d)");
    }

    /** Titles written against the given name, longest first (นางสาว before นาง). */
    private static final Pattern TITLED_NAME = Pattern.compile("(?>นายแพทย์|แพทย์หญิง|นางพยาบาล|นางสาว|นาย|นาง|เด็กชาย|เด็กหญิง"
            + "|ด\\.ช\\.|ด\\.ญ\\.|นพ\\.|พญ\\.|ทพ\\.|ทพญ\\.|ภก\\.|ภญ\\.|น\\.ส\\.)\\s?([\\u0E01-\\u0E4E]{2,})(?: ([\\u0E01-\\u0E4E]{2,}))?");
    /** Words that follow a name in a note and are no surname. */
    private static final Set<String> NOT_SURNAME = Set.of("อายุ", "โทร", "โทรศัพท์", "เกิด", "มารับ", "มา", "ได้", "ไม่",
            "และ", "ที่", "เป็น", "มี", "ป่วย", "ผู้ป่วย", "แพทย์", "เลขประจำตัวประชาชน", "เลขบัตร", "ภรรยา", "สามี",
            "บิดา", "มารดา", "บุตร", "ญาติ");
    private static final Pattern THAI_ID = Pattern.compile("(?<![\\d\\-])[1-8](?:-\\d{4}-\\d{5}-\\d\\d-\\d|\\d{12})(?![\\d\\-])");
    private static final Pattern HN = Pattern.compile("\\b(?:HN|AN)\\.?:?\\s?(\\d{1,9}/\\d{2})(?!\\d)");
    private static final Pattern PHONE = Pattern.compile("(?<![\\d\\-])0\\d{1,2}-\\d{3}-\\d{4}(?![\\d\\-])");

    /** Whether the text holds a Thai character: only then is {@link #find} worth calling. */
    public static boolean mayHold(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0E01' && c <= '\u0E5B') {
                return true;
            }
        }
        return false;
    }

    /** The text with each Thai digit replaced by its ASCII digit (same length, same offsets). */
    public static String asciiDigits(String text) {
        char[] c = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch >= '\u0E50' && ch <= '\u0E59') {
                if (c == null) {
                    c = text.toCharArray();
                }
                c[i] = (char) ('0' + ch - '\u0E50');
            }
        }
        return c == null ? text : new String(c);
    }

    /**
     * Everything of the text above, dates shifted by {@code offsetDays}, or {@code [DATE]} when {@code shift} is false.
     * Call only where {@link #mayHold} (a Thai-less text has none of it but the ID and HN, which the scrubber's other
     * patterns take).
     */
    static List<Found> find(String text, boolean shift, int offsetDays) {
        String t = asciiDigits(text);
        List<Found> out = new ArrayList<>();
        Matcher m = TITLED_NAME.matcher(t);
        while (m.find()) {
            int end = m.end(1);
            if (m.group(2) != null && !NOT_SURNAME.contains(m.group(2))) {
                end = m.end(2);
            }
            out.add(new Found(m.start(1), end, "[NAME]", 0));
        }
        m = THAI_ID.matcher(t);
        while (m.find()) {
            if (CheckDigits.thaiId(CheckDigits.digits(m.group()))) {
                out.add(new Found(m.start(), m.end(), "[ID]", 0));
            }
        }
        m = HN.matcher(t);
        while (m.find()) {
            out.add(new Found(m.start(1), m.end(1), "[ID]", 0));
        }
        m = PHONE.matcher(t);
        while (m.find()) {
            out.add(new Found(m.start(), m.end(), "[PHONE]", 0));
        }
        m = DATE.matcher(t);
        while (m.find()) {
            out.add(date(text, m, shift, offsetDays));
        }
        return out;
    }

    /** Whether the text holds a Thai date ({@link #find} would shift one). */
    static boolean holdsDate(String text) {
        return DATE.matcher(asciiDigits(text)).find();
    }

    private static Found date(String original, Matcher m, boolean shift, int offsetDays) {
        int month = 0;
        boolean full = false;
        for (int i = 0; i < MONTHS.length && month == 0; i++) {
            if (MONTHS[i][0].equals(m.group(3)) || MONTHS[i][1].equals(m.group(3))) {
                month = i + 1;
                full = MONTHS[i][0].equals(m.group(3));
            }
        }
        int written = Integer.parseInt(m.group(5));
        boolean buddhist = written >= FIRST_BUDDHIST_YEAR;
        int year = buddhist ? written - BUDDHIST_OFFSET : written;
        LocalDate day;
        try {
            day = LocalDate.of(year, month, Integer.parseInt(m.group(1)));
        } catch (DateTimeException e) {
            return new Found(m.start(), m.end(), "[DATE]", 0);
        }
        if (!shift) {
            return new Found(m.start(), m.end(), "[DATE]", year);
        }
        LocalDate shifted = day.plusDays(offsetDays);
        String d = Integer.toString(shifted.getDayOfMonth());
        if (m.group(1).charAt(0) == '0' && d.length() == 1) { // 03 ม.ค.: the day written with its zero
            d = "0" + d;
        }
        String text = d + m.group(2) + MONTHS[shifted.getMonthValue() - 1][full ? 0 : 1] + m.group(4)
                + (shifted.getYear() + (buddhist ? BUDDHIST_OFFSET : 0));
        char firstDigit = original.charAt(m.start(1));
        if (firstDigit >= '\u0E50' && firstDigit <= '\u0E59') {
            text = thaiDigits(text);
        }
        return new Found(m.start(), m.end(), text, Math.min(year, shifted.getYear()));
    }

    private static String thaiDigits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= '0' && c <= '9' ? (char) ('\u0E50' + c - '0') : c);
        }
        return b.toString();
    }
}
