package org.deidworkbench.deid;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names, addresses, phones, card numbers and dates in Vietnamese free text (decision 0246). A Vietnamese name is a
 * surname of a short list (Nguyễn, Trần, Lê, Phạm: the first hundred cover nearly everyone), a middle name and a given
 * name, each one capitalised syllable ({@code Nguyễn Văn Hùng}); a note calls a person by the given name after a form
 * of address or a kin word ({@code chị Lan}, {@code Cụ Minh}, {@code Chồng là anh Dũng}, {@code cháu nội Hoàng Minh
 * Khôi}, {@code BS. Lê Minh Tuấn}). Common nouns are written in lower case, so capitalised syllables after a surname or
 * a cue are a name; a title-cased diagnosis ("Tăng Huyết Áp") is not, by its syllables. An address runs from the house
 * number down lanes to the street ({@code số 12 ngõ 45 phố Huế}, {@code hẻm 45/12 Lê Văn Sỹ}), then ward, commune and
 * district ({@code phường Bạch Đằng}, {@code X. Yên Sở}, {@code Q.3}); the province (and the five cities governed as
 * provinces) is kept, as a US state is. Text typed in the combining form (NFD), as some Vietnamese keyboards write it,
 * is read as the composed. Only a text with a letter Vietnamese alone writes is looked at ({@link #mayHold}). Stateless
 * and thread-safe.
 */
public final class VietnameseText {

    /**
     * A name, address, place, phone or number found: {@code [start, end)} and its replacement; a null replacement marks
     * the cue before a name ("Ông", "Cụ ông", "BS."), which no other finder may take for a name.
     */
    public record Found(int start, int end, String replacement) {
    }

    private VietnameseText() {
    }

    // ---------------------------------------------------------------- word lists (compared without case, composed)

    /** Vietnamese surnames; not Văn (a middle name far more often) nor Tăng ("tăng huyết áp"). */
    static final Set<String> SURNAMES = folded("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Lương", "Trịnh", "Đinh", "Đoàn", "Lâm", "Mai", "Cao", "Tạ",
            "Hà", "Tô", "Trương", "Vương", "Quách", "Lưu", "Châu", "Phùng", "Kiều", "Đào", "Thái", "Nghiêm", "Triệu",
            "Khúc", "Mạc", "Lục", "Tôn", "Thân", "Diệp", "Hứa", "Doãn", "Giang", "Chu", "Tống", "Từ", "Âu", "Phó",
            "Bạch", "Hàn", "Lại", "Nông", "Lò", "Lã", "Thạch", "Đàm", "Đồng", "Khổng", "Viên", "Mẫn", "Ninh", "Kim",
            "Quan", "Văn Đình", "Lạc", "Ông", "Ung", "Vi", "Hầu", "Bế", "Hoàng Thị", "Chung", "Nhan", "La", "Cù",
            "Đới", "Tiêu", "Trang", "Mã", "Sầm", "Thiều", "Lữ", "Khương", "Nguyễn Thị");

    /**
     * Syllables of a title-cased diagnosis, an organ, a unit or an institution's word: after a surname or a cue they
     * make no name ("Cao Huyết Áp", "Đường Huyết", "bác sĩ Khoa Nội").
     */
    private static final Set<String> NOT_NAME = folded("Huyết", "Áp", "Phổi", "Tim", "Gan", "Thận", "Máu", "Viêm",
            "Đau", "Sốt", "Ung", "Não", "Dạ", "Dày", "Ruột", "Xương", "Khớp", "Mạch", "Đường", "Mỡ", "Tiểu",
            "Khoa", "Phòng", "Bệnh", "Viện", "Công", "Ty", "Trường", "Sở", "Bộ", "Nhà", "Trạm", "Ban",
            "Hội", "Đội", "Tỉnh", "Thành", "Phố", "Quận", "Huyện", "Phường", "Xã", "Thôn", "Ấp", "Số",
            "Khám", "Cấp", "Cứu", "Hồi", "Sức", "Nội", "Ngoại", "Sản", "Mắt", "Răng", "Tai", "Mũi", "Họng",
            "Da", "Liễu", "Lao", "Truyền", "Nhiễm", "Y", "Tế", "Dược", "Xét", "Nghiệm", "Chẩn", "Đoán", "Hình", "Ảnh",
            "Điều", "Trị", "Tiền", "Sử", "Ghi", "Chú", "Kết", "Luận", "Ngày", "Tháng", "Năm", "Giờ", "Thứ");

    /** Forms of address, kin words and clinicians' titles after which capitalised syllables are a name. */
    private static final Set<String> CUES = folded("ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "em", "cháu",
            "cậu", "dì", "mợ", "thím", "dượng", "bn", "bs", "bsck", "bscki", "bsckii", "ths", "ts", "pgs", "gs", "đd",
            "đdv", "ktv", "nhs", "cn", "vợ", "chồng", "con", "mẹ", "bố", "cha", "ba", "má");
    /** Whether the word is a form of address, a kin word or a title before a Vietnamese name ("Ông", "Cụ", "BS"). */
    static boolean isCue(String word) {
        return word.length() <= 5 && CUES.contains(fold(word));
    }

    /** Cues of two words ("bệnh nhân", "bác sĩ"), as their folded words joined by a space. */
    private static final Set<String> CUE_PAIRS = folded("bệnh nhân", "người bệnh", "bác sĩ", "bác sỹ", "điều dưỡng",
            "y tá", "hộ sinh", "người nhà", "kỹ thuật viên");
    /** Words between a cue and the name: which child or grandchild, "là" (is), "tên" (named). */
    private static final Set<String> BETWEEN = folded("trai", "gái", "út", "cả", "dâu", "rể", "nội", "ngoại", "ruột",
            "nuôi", "là", "tên", "lớn", "thứ", "hai", "ba");

    /**
     * The provinces and the cities governed as provinces, kept as a state is, in both placings of a tone mark ("Hòa",
     * "Hoà"); and the countries whose Vietnamese names begin with a surname ("Hàn Quốc", "Thái Lan"), kept as a
     * nationality is. "Huế" alone is also a street ("phố Huế") and a given name: only {@link #provinceAt} reads it.
     */
    private static final String[] PROVINCE_LIST = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hà Giang",
        "Cao Bằng", "Bắc Kạn", "Tuyên Quang", "Lào Cai", "Điện Biên", "Lai Châu", "Sơn La", "Yên Bái", "Hòa Bình",
        "Hoà Bình", "Thái Nguyên", "Lạng Sơn", "Quảng Ninh", "Bắc Giang", "Phú Thọ", "Vĩnh Phúc", "Bắc Ninh", "Hải Dương",
        "Hưng Yên", "Thái Bình", "Hà Nam", "Nam Định", "Ninh Bình", "Thanh Hóa", "Thanh Hoá", "Nghệ An", "Hà Tĩnh",
        "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế", "Huế", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên",
        "Khánh Hòa", "Khánh Hoà", "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng",
        "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Bà Rịa Vũng Tàu", "Vũng Tàu", "Long An", "Tiền Giang",
        "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu",
        "Cà Mau", "Việt Nam", "Hàn Quốc", "Thái Lan", "Hoa Kỳ", "Đài Loan", "Trung Quốc", "Nhật Bản"};

    /** {@link #PROVINCE_LIST} without marks, upper case. */
    private static final Set<String> PROVINCES = plainSet(PROVINCE_LIST);

    private static Set<String> folded(String... words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            out.add(fold(w));
        }
        return Set.copyOf(out);
    }

    private static Set<String> plainSet(String... words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            out.add(plain(w));
        }
        return Set.copyOf(out);
    }

    /** Composed and lower case. */
    static String fold(String w) {
        String s = Normalizer.isNormalized(w, Normalizer.Form.NFC) ? w : Normalizer.normalize(w, Normalizer.Form.NFC);
        return s.toLowerCase(Locale.ROOT);
    }

    /** Upper case without tone marks and diacritics, {@code Đ} as {@code D}, spaces between words. */
    static String plain(String w) {
        String d = Normalizer.normalize(w, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            c = c == 'đ' || c == 'Đ' ? 'D' : Character.toUpperCase(c);
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                b.append(' ');
            }
        }
        int n = b.length();
        return n > 0 && b.charAt(n - 1) == ' ' ? b.substring(0, n - 1) : b.toString();
    }

    /**
     * Whether {@code words} (a value's words, upper case, as {@link KnownIdentifiers} folds them) from {@code from} on
     * name a province or a city governed as one, and how many words it takes; 0 if none.
     */
    static int provinceAt(List<String> words, int from) {
        for (int n = Math.min(4, words.size() - from); n >= 1; n--) {
            if (PROVINCES.contains(plain(String.join(" ", words.subList(from, from + n))))) {
                return n;
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- where to look

    /**
     * Whether the text holds a letter Vietnamese writes and the languages of the other exports do not: đ, ơ, ư, ĩ, ũ, a
     * vowel with a tone mark of the Latin Extended Additional block (Yoruba's and Igbo's dotted vowels among them: a
     * short value "Hoàng Thị Mai" has no other), or the horn, hook above, breve or dot below of the combining form
     * ("ngày 26 tháng 01 năm 2024" typed so holds only a grave, an acute and the breve of "năm").
     */
    public static boolean mayHold(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '\u0110' && vietnameseLetter(c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the character is one {@link #mayHold} looks for. */
    static boolean vietnameseLetter(char c) {
        return c == 'đ' || c == 'Đ' || c == 'ơ' || c == 'Ơ' || c == 'ư' || c == 'Ư' || c == 'ĩ' || c == 'Ĩ' || c == 'ũ'
                || c == 'Ũ' || c == '\u031B' || c == '\u0309' || c == '\u0306' || c == '\u0323'
                || c >= '\u1EA0' && c <= '\u1EF9';
    }

    /**
     * The provinces' and the province cities' names and the countries' of {@link #PROVINCES}, as written in the text (both
     * forms, title case and capitals).
     */
    private static final Pattern PROVINCE_NAMES;

    static {
        List<String> all = new ArrayList<>();
        for (String p : PROVINCE_LIST) {
            if (p.indexOf(' ') < 0) {
                continue; // "Huế" alone
            }
            for (String v : List.of(p, p.toUpperCase(Locale.ROOT))) {
                for (Normalizer.Form f : List.of(Normalizer.Form.NFC, Normalizer.Form.NFD)) {
                    String q = Pattern.quote(Normalizer.normalize(v, f));
                    if (!all.contains(q)) {
                        all.add(q);
                    }
                }
            }
        }
        all.sort((a, b) -> b.length() - a.length());
        PROVINCE_NAMES = Pattern.compile("(?<![\\p{L}\\p{M}])(?:" + String.join("|", all) + ")(?![\\p{L}\\p{M}])");
    }

    /**
     * The names of provinces and of the cities governed as provinces in a text ("TP. Hồ Chí Minh", "Hà Nội"), as {start,
     * end}: kept as a state is, so a person's name found inside one ("Minh", a patient's given name) is not taken there.
     */
    public static List<int[]> provinces(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = PROVINCE_NAMES.matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }

    /**
     * Whether the word ending at {@code end} of the value {@code a[from, to)} lies in a province's or a province city's
     * name ({@link #provinces}): the leak verifier asks it of a word that matched an original, so that it agrees with
     * the scrubber, which keeps them.
     */
    public static boolean inProvince(char[] a, int from, int to, int end) {
        if (end <= from || end > to) {
            return false;
        }
        String value = new String(a, from, to - from);
        if (!mayHold(value)) {
            return false;
        }
        for (int[] b : provinces(value)) {
            if (b[0] + from < end && end <= b[1] + from) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- finding

    /** Everything this class finds in the text, in no particular order (spans may overlap). */
    public static List<Found> find(String text) {
        List<Found> out = new ArrayList<>();
        List<int[]> words = words(text);
        names(text, words, out);
        addresses(text, out);
        numbers(text, out);
        return out;
    }

    /** The words of a text: runs of letters and combining marks, as {start, end}. */
    private static List<int[]> words(String text) {
        List<int[]> out = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; ) {
            if (!letter(text.charAt(i))) {
                i++;
                continue;
            }
            int s = i;
            while (i < n && (letter(text.charAt(i)) || mark(text.charAt(i)))) {
                i++;
            }
            out.add(new int[] {s, i});
        }
        return out;
    }

    private static boolean letter(char c) {
        return Character.isLetter(c);
    }

    private static boolean mark(char c) {
        return Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static String word(String text, int[] w) {
        return fold(text.substring(w[0], w[1]));
    }

    /** A capitalised syllable of a name: a capital, then lower case (or all capitals in a text in capitals). */
    private static boolean nameSyllable(String text, int[] w, boolean capitals) {
        int len = w[1] - w[0];
        if (len > 9 || !Character.isUpperCase(text.charAt(w[0]))) {
            return false;
        }
        for (int i = w[0] + 1; i < w[1]; i++) {
            char c = text.charAt(i);
            if (!mark(c) && (capitals ? !Character.isUpperCase(c) : !Character.isLowerCase(c))) {
                return false;
            }
        }
        return !NOT_NAME.contains(word(text, w));
    }

    private static boolean allCapitals(String text, int[] w) {
        for (int i = w[0]; i < w[1]; i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return w[1] - w[0] > 1;
    }

    /** Whether one to three characters of {@code allowed} stand between {@code a} and {@code b}. */
    private static boolean gap(String text, int a, int b, String allowed) {
        if (b <= a || b - a > 3) {
            return false;
        }
        for (int i = a; i < b; i++) {
            if (allowed.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Names after a surname of the list and after a cue. */
    private static void names(String text, List<int[]> words, List<Found> out) {
        int n = words.size();
        for (int i = 0; i < n; i++) {
            int[] w = words.get(i);
            String key = word(text, w);
            // a cue: "chị Lan", "Cụ ông Hoàng Đức Minh", "Con trai anh Nguyễn Đức Thắng", "BS. Lê Minh Tuấn"
            int k = i;
            boolean cue = false;
            while (k < n) {
                String kw = word(text, words.get(k));
                boolean pair = k + 1 < n && gap(text, words.get(k)[1], words.get(k + 1)[0], " ")
                        && CUE_PAIRS.contains(kw + " " + word(text, words.get(k + 1)));
                if (pair) {
                    k += 2;
                } else if (CUES.contains(kw) || cue && BETWEEN.contains(kw)) {
                    k++;
                } else {
                    break;
                }
                cue = true;
                if (k < n && !gap(text, words.get(k - 1)[1], words.get(k)[0], " .:,")) {
                    k = n; // the cue's sentence ends
                }
            }
            if (cue && k < n) {
                int end = nameFrom(text, words, k, 4, false);
                if (end > k && !province(text, words, k, end)) {
                    out.add(new Found(w[0], words.get(k - 1)[1], null)); // the cue itself is no name ("Ông", "Bà")
                    out.add(new Found(words.get(k)[0], words.get(end - 1)[1], "[NAME]"));
                    i = end - 1;
                    continue;
                }
            }
            // a surname and one to three syllables: "Nguyễn Văn Hùng", "Trần Thị Bích (vợ)", "NGUYỄN VĂN HÙNG"
            if (SURNAMES.contains(key) && Character.isUpperCase(text.charAt(w[0]))) {
                boolean capitals = allCapitals(text, w);
                int end = nameFrom(text, words, i + 1, 3, capitals);
                if (end > i + 1 && (capitals || nameSyllable(text, w, false)) && !province(text, words, i, end)
                        && !afterCityWord(text, words, i)) {
                    out.add(new Found(w[0], words.get(end - 1)[1], "[NAME]"));
                    i = end - 1;
                }
            }
        }
    }

    /** The end (exclusive word index) of up to {@code max} name syllables from {@code from}, one space apart. */
    private static int nameFrom(String text, List<int[]> words, int from, int max, boolean capitals) {
        int k = from;
        if (k < words.size() && k > 0 && !gap(text, words.get(k - 1)[1], words.get(k)[0], " .:,")) {
            return from;
        }
        boolean caps = capitals || k < words.size() && allCapitals(text, words.get(k))
                && k + 1 < words.size() && allCapitals(text, words.get(k + 1));
        while (k < words.size() && k - from < max && nameSyllable(text, words.get(k), caps)
                && (k == from || gap(text, words.get(k - 1)[1], words.get(k)[0], " "))) {
            k++;
        }
        return k;
    }

    /**
     * Whether the words {@code [from, end)} begin with a province's or a province city's name of two words or more ("Hà
     * Nội", "Hồ Chí Minh").
     */
    private static boolean province(String text, List<int[]> words, int from, int end) {
        for (int e = end; e > from + 1; e--) { // two words or more: "chị Huế" is a name
            if (PROVINCES.contains(plain(text.substring(words.get(from)[0], words.get(e - 1)[1])))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the word at {@code i} follows "TP.", "Thành phố", "tỉnh", "phố", "đường": a place's or a street's name. */
    private static boolean afterCityWord(String text, List<int[]> words, int i) {
        if (i == 0) {
            return false;
        }
        String before = word(text, words.get(i - 1));
        return before.equals("tp") || before.equals("tỉnh") || i >= 2 && before.equals("phố")
                && word(text, words.get(i - 2)).equals("thành");
    }

    // ---------------------------------------------------------------- addresses

    private static final String L = "[\\p{L}\\p{M}]";
    /** A capitalised word (NFD too). */
    private static final String CAP = "\\p{Lu}" + L + "*";
    /** A house or lane number: 12, 12A, 45/12, 45/12/3. */
    private static final String NUM = "\\d{1,4}(?!\\d)[A-Za-z]?(?:/\\d{1,4}[A-Za-z]?){0,3}(?![\\d/])";

    /** Both forms (composed and combining) of each word, lower case and capitalised, as an alternation. */
    private static String alt(String... ws) {
        List<String> all = new ArrayList<>();
        for (String w : ws) {
            for (String v : List.of(w, Character.toUpperCase(w.charAt(0)) + w.substring(1))) {
                for (Normalizer.Form f : List.of(Normalizer.Form.NFC, Normalizer.Form.NFD)) {
                    String s = Pattern.quote(Normalizer.normalize(v, f));
                    if (!all.contains(s)) {
                        all.add(s);
                    }
                }
            }
        }
        all.sort((a, b) -> b.length() - a.length());
        return "(?:" + String.join("|", all) + ")";
    }

    private static final String LANE = alt("ngõ", "ngách", "hẻm", "kiệt", "hẽm");
    private static final String STREET = alt("phố", "đường");
    private static final String HOUSE = alt("số", "nhà số", "số nhà");
    /** A street's name: up to four capitalised words, or "số 5" (a numbered street). */
    private static final String STREET_NAME = "(?:" + CAP + "(?:\\h" + CAP + "){0,3}|" + alt("số") + "\\h\\d{1,3})";

    /**
     * From the house number (or a lane) down the lanes to the street: "số 12 ngõ 45 phố Huế", "Số 5 Nguyễn Trãi", "hẻm
     * 45/12 Lê Văn Sỹ"; "số 3" alone is any number ("giường số 3").
     */
    private static final Pattern HOUSE_TO_STREET = Pattern.compile("(?<!" + L + ")(?:" + HOUSE + "\\h" + NUM
            + "(?:(?:,?\\h" + LANE + "\\h" + NUM + ")+(?:,?\\h(?:" + STREET + "\\h)?" + STREET_NAME + ")?|,?\\h(?:" + STREET
            + "\\h)?" + STREET_NAME + ")|" + LANE + "\\h" + NUM + "(?:,?\\h" + LANE + "\\h" + NUM + ")*(?:,?\\h(?:" + STREET
            + "\\h)?" + STREET_NAME + ")?)(?!" + L + ")");
    /** A street after its word: "phố Huế", "đường Láng", "Đường Nguyễn Trãi". */
    private static final Pattern STREET_WORD = Pattern.compile("(?<!" + L + ")" + STREET + "\\h(" + CAP + "(?:\\h" + CAP
            + "){0,3})(?!" + L + ")");
    /** A house number before a street named after a person: "45/12 Lê Văn Sỹ", "123 Nguyễn Trãi". */
    private static final Pattern NUMBER_STREET = Pattern.compile("(?<![\\p{L}\\p{M}\\d/.,])" + NUM + "\\h(" + CAP
            + "(?:\\h" + CAP + "){0,3})(?!" + L + ")");
    /** A ward, commune, district, township or hamlet with its name or number. */
    private static final Pattern UNIT = Pattern.compile("(?<!" + L + ")" + alt("phường", "xã", "quận", "huyện",
            "thị trấn", "thị xã", "thôn", "ấp", "xóm", "khu phố", "tổ dân phố", "khóm", "bản") + "\\h(?:\\d{1,3}|"
            + CAP + "(?:\\h" + CAP + "){0,3})(?!" + L + ")");
    /** The same abbreviated: "P. Bạch Đằng", "P.13", "Q.3", "X. Yên Sở", "H. Hoài Đức", "TT. Trâu Quỳ", "KP. 5". */
    private static final Pattern UNIT_ABBREVIATED = Pattern.compile("(?<![\\p{L}\\p{M}.])(?:P|Q|X|H|TT|TX|Tx|KP)\\.\\h?(?:"
            + "\\d{1,3}(?!\\d)|" + CAP + "(?:\\h" + CAP + "){0,3}(?!" + L + "))");
    /** A city after its word: "TP. Vinh", "thành phố Thủ Đức"; a province's or a province city's name stays. */
    private static final Pattern CITY = Pattern.compile("(?<!" + L + ")(?:TP\\.?|" + alt("thành phố") + ")\\h?(" + CAP
            + "(?:\\h" + CAP + "){0,3})(?!" + L + ")");

    private static void addresses(String text, List<Found> out) {
        Matcher m = HOUSE_TO_STREET.matcher(text);
        while (m.find()) {
            out.add(new Found(m.start(), m.end(), "[ADDRESS]"));
        }
        m = STREET_WORD.matcher(text);
        while (m.find()) {
            if (!NOT_NAME.contains(fold(firstWord(m.group(1))))) { // "Đường Huyết" is no street
                out.add(new Found(m.start(), m.end(), "[ADDRESS]"));
            }
        }
        m = NUMBER_STREET.matcher(text);
        while (m.find()) {
            String[] ws = m.group(1).split("\\h");
            boolean person = SURNAMES.contains(fold(ws[0])) && ws.length >= 2 || ws.length >= 2 && mayHold(m.group(1));
            if (person && !NOT_NAME.contains(fold(ws[0])) && !PROVINCES.contains(plain(m.group(1)))) {
                out.add(new Found(m.start(), m.end(), "[ADDRESS]"));
            }
        }
        for (Pattern p : List.of(UNIT, UNIT_ABBREVIATED)) {
            m = p.matcher(text);
            while (m.find()) {
                out.add(new Found(m.start(), m.end(), "[LOCATION]"));
            }
        }
        m = CITY.matcher(text);
        while (m.find()) {
            if (!PROVINCES.contains(plain(m.group(1)))) {
                out.add(new Found(m.start(1), m.end(1), "[LOCATION]"));
            }
        }
        m = FIRM.matcher(text);
        while (m.find()) {
            out.add(new Found(m.start(1), m.end(1), Employers.REPLACEMENT));
        }
    }

    /**
     * A firm's name after its kind and legal form: "Công ty TNHH Minh Phát", "Cty CP Sông Hồng", "Xí nghiệp May 10",
     * "Nhà máy Z153": a patient's or a relative's employer (Safe Harbor's), as {@link Employers} finds them in English.
     */
    private static final Pattern FIRM = Pattern.compile("(?<!" + L + ")" + alt("công ty", "cty", "xí nghiệp", "nhà máy",
            "tập đoàn", "hợp tác xã", "doanh nghiệp") + "(?:\\h+(?:TNHH|CP|MTV|" + alt("cổ phần", "tư nhân") + "))*\\h+("
            + CAP + "(?:\\h(?:" + CAP + "|\\d{1,4}))*)(?!" + L + ")");

    private static String firstWord(String s) {
        int sp = s.indexOf(' ');
        return sp < 0 ? s : s.substring(0, sp);
    }

    // ---------------------------------------------------------------- numbers

    /** A phone: +84 or 0, then nine or ten digits in groups ("0912.345.678", "+84 909 123 456", "024 3826 4567"). */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w.+/-])(?:\\+84[\\h.]?|0)\\d(?:[\\h.]?\\d){7,9}(?![\\w/-])");
    /** A health insurance card: two letters of the holder's group, the benefit level, the province, ten digits. */
    private static final Pattern INSURANCE_CARD = Pattern.compile("(?<![\\w])[A-Z]{2}[1-5]\\d{12}(?!\\w)");

    private static void numbers(String text, List<Found> out) {
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("\\D", "");
            String national = digits.startsWith("84") && m.group().startsWith("+") ? digits.substring(2)
                    : digits.substring(1);
            boolean mobile = national.length() == 9 && "35789".indexOf(national.charAt(0)) >= 0;
            boolean landline = national.length() == 10 && national.charAt(0) == '2';
            if (mobile || landline) {
                out.add(new Found(m.start(), m.end(), "[PHONE]"));
            }
        }
        m = INSURANCE_CARD.matcher(text);
        while (m.find()) {
            out.add(new Found(m.start(), m.end(), "[ID]"));
        }
    }

    // ---------------------------------------------------------------- dates

    /** "ngày 12 tháng 3 năm 2024", as a certificate or a discharge paper writes a date. */
    private static final Pattern WRITTEN_DATE = Pattern.compile("(?<!" + L + ")(?<w>" + alt("ngày") + ")(?<s1>\\h+)"
            + "(?<d>\\d{1,2})(?<s2>\\h+)(?<tm>" + alt("tháng") + ")(?<s3>\\h+)(?<m>\\d{1,2})(?<s4>\\h+)(?<ty>"
            + alt("năm") + ")(?<s5>\\h+)(?<y>\\d{4})(?!\\d)");

    /** The written dates of a text, as {start, end}. */
    public static List<int[]> dates(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = WRITTEN_DATE.matcher(text);
        while (m.find()) {
            if (date(m) != null) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
        return out;
    }

    /** The date a whole written date stands for, or null. */
    public static LocalDate parse(String value) {
        Matcher m = WRITTEN_DATE.matcher(value);
        return m.matches() ? date(m) : null;
    }

    /** A whole written date shifted by {@code days}, written as it was, or null. */
    public static String shift(String value, int days) {
        Matcher m = WRITTEN_DATE.matcher(value);
        LocalDate d = m.matches() ? date(m) : null;
        if (d == null) {
            return null;
        }
        LocalDate s = d.plusDays(days);
        return m.group("w") + m.group("s1") + pad(s.getDayOfMonth(), m.group("d")) + m.group("s2") + m.group("tm")
                + m.group("s3") + pad(s.getMonthValue(), m.group("m")) + m.group("s4") + m.group("ty") + m.group("s5")
                + s.getYear();
    }

    private static String pad(int v, String as) {
        return as.length() == 2 && v < 10 ? "0" + v : Integer.toString(v);
    }

    private static LocalDate date(Matcher m) {
        try {
            return LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")),
                    Integer.parseInt(m.group("d")));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
