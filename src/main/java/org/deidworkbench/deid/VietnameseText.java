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

    /** {@link #NOT_NAME} without marks, upper case (decision 0248). */
    private static final Set<String> NOT_NAME_PLAIN = plainSet(NOT_NAME.toArray(String[]::new));

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
        "Cà Mau", "HCM", "Việt Nam", "Hàn Quốc", "Thái Lan", "Hoa Kỳ", "Đài Loan", "Trung Quốc", "Nhật Bản"};

    /** {@link #PROVINCE_LIST}, as written. */
    static List<String> provinceList() {
        return List.of(PROVINCE_LIST);
    }

    /** {@link #PROVINCE_LIST} without marks, upper case. */
    private static final Set<String> PROVINCES = plainSet(PROVINCE_LIST);

    /** Whether the words, upper case and without marks ("HO CHI MINH"), name a province or a province city. */
    static boolean province(String plainWords) {
        return PROVINCES.contains(plainWords);
    }

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
        return matches(PROVINCE_NAMES, text);
    }

    /** Where the pattern matches in the text, as {start, end}. */
    static List<int[]> matches(Pattern pattern, String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
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
        addresses(text, out, MARKED);
        numbers(text, out);
        return out;
    }

    /**
     * Words that a Vietnamese note or record written without its marks holds and an English, French or Spanish one does
     * not ("benh nhan", "tuoi", "vao vien", "chan doan", "nguoi nha", "ngay … thang"), upper case: two different ones make
     * a text Vietnamese for {@link #findPlain} (decision 0248).
     */
    private static final Set<String> PLAIN_MARKERS = Set.of("BENH", "NHAN", "TUOI", "VIEN", "KHAM", "DIEU", "NGUOI",
            "DUOC", "KHONG", "CUA", "NHUNG", "TRONG", "VOI", "THUOC", "HUYET", "NHAP", "XUAT", "THANG", "NGAY", "GAI",
            "TRAI", "CHAN", "DIA", "VAO", "TRUOC", "GOI", "DIEN", "THOAI", "VIEC", "CHONG", "LUC", "HIEN", "THEO",
            "THUONG", "NGUC", "PHUONG", "HUYEN", "THON", "XOM", "QUAN", "NGO", "NGACH", "HEM", "KHOM", "TINH", "TIEN",
            "DUONG", "LAM", "TAI", "ANH", "XA", "THAO", "VIEM", "PHOI", "NHOI", "MAU", "NAO", "BUNG", "SOT",
            "DAU", "THAI", "TANG", "GIAM", "SUY", "XUONG", "KHOP");
    /**
     * Words of {@link #PLAIN_MARKERS} that are no name even capitalised ("Dia chi", "Benh nhan", "Dieu duong" opening a
     * line; the name lists know "Dia"): kept out of every name found, as a cue is.
     */
    private static final Set<String> PLAIN_NO_NAME = Set.of("BENH", "TUOI", "KHAM", "DIEU", "NGUOI", "DUOC", "KHONG",
            "THUOC", "HUYET", "NHAP", "XUAT", "THANG", "NGAY", "CHAN", "DIA", "VAO", "TRUOC", "GOI", "THON", "XOM", "XA");

    /**
     * Whether a text without Vietnamese letters is Vietnamese written without its marks: two different words of a short
     * list (lower case, capitalised or in capitals) among its words. {@code wordStarts} are where ASCII letters follow
     * something else ({@code TextScrubber.Shape}'s).
     */
    static boolean writtenWithoutMarks(CharSequence text, int[] wordStarts, int count) {
        String first = null;
        for (int k = 0; k < count; k++) {
            int i = wordStarts[k];
            int end = i + 1;
            while (end < text.length() && end - i <= 6 && asciiLetter(text.charAt(end))) {
                end++;
            }
            if (end - i < 2 || end - i > 6 || end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                continue;
            }
            String w = marker(text, i, end);
            if (w == null || w.equals(first)) {
                continue;
            }
            // lower case or capitals: "Tien" and "Quan" are names too; "Dia" of "Dia chi" and "Quan" of "Quan 3" are none
            boolean title = Character.isUpperCase(text.charAt(i)) != Character.isUpperCase(text.charAt(end - 1));
            if (title && !PLAIN_NO_NAME.contains(w) && !(PLAIN_NAMED_UNITS.contains(w) && end + 1 < text.length()
                    && text.charAt(end) == ' ' && Character.isDigit(text.charAt(end + 1)))) {
                continue;
            }
            if (first != null) {
                return true;
            }
            first = w;
        }
        return false;
    }

    /**
     * Whether the word ending at {@code end} of the value {@code a[from, to)} is one word in lower case of a Vietnamese
     * note written without its marks ({@link #writtenWithoutMarks}): the scrubber takes no name there ("dai thao duong",
     * diabetes, though a nurse of the run is named Duong), and the leak verifier, which asks it of a word that matched a
     * one-word original, agrees (decision 0248).
     */
    public static boolean lowerCaseWordOfUnmarkedNote(char[] a, int from, int to, int end) {
        if (end <= from || end > to) {
            return false;
        }
        int start = end;
        while (start > from && asciiLetter(a[start - 1])) {
            if (!Character.isLowerCase(a[start - 1])) {
                return false;
            }
            start--;
        }
        if (start == end || start > from && Character.isLetterOrDigit(a[start - 1])) {
            return false;
        }
        CharSequence value = java.nio.CharBuffer.wrap(a, from, to - from); // a view, no copy
        if (mayHold(value)) {
            return false;
        }
        int[] starts = new int[16];
        int count = 0;
        for (int i = 0; i < value.length(); i++) {
            if (asciiLetter(value.charAt(i)) && (i == 0 || !asciiLetter(value.charAt(i - 1))
                    && !Character.isDigit(value.charAt(i - 1)) && value.charAt(i - 1) != '_')) {
                if (count == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i;
            }
        }
        return writtenWithoutMarks(value, starts, count);
    }

    /** {@link #PLAIN_MARKERS} by their first letter, A–Z. */
    private static final String[][] MARKERS_BY_LETTER = new String[26][];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            final char letter = c;
            MARKERS_BY_LETTER[c - 'A'] = PLAIN_MARKERS.stream().filter(m -> m.charAt(0) == letter).sorted()
                    .toArray(String[]::new);
        }
    }

    /** The marker {@code text[start, end)} is, case aside, or null: no copy of the word. */
    private static String marker(CharSequence text, int start, int end) {
        char c = (char) (text.charAt(start) & ~0x20);
        if (c < 'A' || c > 'Z') {
            return null;
        }
        for (String m : MARKERS_BY_LETTER[c - 'A']) {
            if (m.length() == end - start && sameLetters(text, start, m)) {
                return m;
            }
        }
        return null;
    }

    /** Whether {@code text} from {@code start} holds the ASCII capitals {@code word}'s letters, case aside. */
    private static boolean sameLetters(CharSequence text, int start, String word) {
        for (int i = 0; i < word.length(); i++) {
            if ((text.charAt(start + i) & ~0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    /** Cues without their marks; not "di" (dì, aunt, is also đi, to go: "di Ha Noi"). */
    private static final Set<String> PLAIN_CUES = plainSet("ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "em",
            "cháu", "cậu", "mợ", "thím", "dượng", "bn", "bs", "bsck", "bscki", "bsckii", "ths", "ts", "pgs", "gs", "đd",
            "đdv", "ktv", "nhs", "vợ", "chồng", "con", "mẹ", "bố", "cha", "ba", "má");
    private static final Set<String> PLAIN_CUE_PAIRS = plainSet("bệnh nhân", "người bệnh", "bác sĩ", "bác sỹ",
            "điều dưỡng", "y tá", "hộ sinh", "người nhà", "kỹ thuật viên");
    private static final Set<String> PLAIN_BETWEEN = plainSet("trai", "gái", "út", "cả", "dâu", "rể", "nội", "ngoại",
            "ruột", "nuôi", "là", "tên", "lớn", "thứ", "hai", "ba");
    /** Words before a cue's word that make it another word: "dia chi" (address), "hinh anh" (imaging), "ty le". */
    private static final Set<String> PLAIN_NOT_CUE_AFTER = Set.of("DIA", "HINH", "CHI", "TY");

    /**
     * What {@link #find} finds, in a text written without its marks ({@link #writtenWithoutMarks}): names after a cue
     * ("chi Lan", "con gai la chi Mai", "BS. Khoa"; a surname's names are {@link VietnameseNames}'), addresses, wards
     * and districts, employers, phones and cards (decision 0248); a null replacement marks a cue, or a common word the
     * name lists know ("Dia" of "Dia chi"), which no finder may take for a name. Written dates are {@link #dates}'.
     */
    public static List<Found> findPlain(String text) {
        List<Found> out = new ArrayList<>();
        List<int[]> words = words(text);
        int n = words.size();
        for (int i = 0; i < n; i++) {
            int k = i;
            boolean cue = false;
            while (k < n) {
                String kw = plain(text.substring(words.get(k)[0], words.get(k)[1]));
                boolean pair = k + 1 < n && gap(text, words.get(k)[1], words.get(k + 1)[0], " ")
                        && PLAIN_CUE_PAIRS.contains(kw + " " + plain(text.substring(words.get(k + 1)[0],
                                words.get(k + 1)[1])));
                boolean another = k > 0 && gap(text, words.get(k - 1)[1], words.get(k)[0], " ")
                        && PLAIN_NOT_CUE_AFTER.contains(plain(text.substring(words.get(k - 1)[0], words.get(k - 1)[1])));
                if (pair) {
                    k += 2;
                } else if (!another && (PLAIN_CUES.contains(kw) || cue && PLAIN_BETWEEN.contains(kw))) {
                    k++;
                } else {
                    break;
                }
                cue = true;
                if (k < n && !gap(text, words.get(k - 1)[1], words.get(k)[0], " .:,")) {
                    k = n;
                }
            }
            if (cue && k < n) {
                int end = k;
                while (end < n && end - k < 4 && (end == k ? gap(text, words.get(k - 1)[1], words.get(k)[0], " .:,")
                        : gap(text, words.get(end - 1)[1], words.get(end)[0], " "))
                        && VietnameseNames.nameSyllable(text, words.get(end)[0], words.get(end)[1])
                        && !NOT_NAME_PLAIN.contains(plain(text.substring(words.get(end)[0], words.get(end)[1])))) {
                    end++;
                }
                if (end > k && !PROVINCES.contains(plain(text.substring(words.get(k)[0], words.get(end - 1)[1])))) {
                    out.add(new Found(words.get(i)[0], words.get(k - 1)[1], null));
                    out.add(new Found(words.get(k)[0], words.get(end - 1)[1], "[NAME]"));
                    i = end - 1;
                }
            }
        }
        for (int[] w : words) {
            if (Character.isUpperCase(text.charAt(w[0]))
                    && PLAIN_NO_NAME.contains(text.substring(w[0], w[1]).toUpperCase(Locale.ROOT))) {
                out.add(new Found(w[0], w[1], null));
            }
        }
        addresses(text, out, PLAIN);
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

    /** Each word without its marks, lower case and capitalised, as an alternation (decision 0248). */
    private static String plainAlt(String... ws) {
        List<String> all = new ArrayList<>();
        for (String w : ws) {
            String u = VietnameseNames.unmarked(w);
            for (String v : List.of(u, Character.toUpperCase(u.charAt(0)) + u.substring(1))) {
                String s = Pattern.quote(v);
                if (!all.contains(s)) {
                    all.add(s);
                }
            }
        }
        all.sort((a, b) -> b.length() - a.length());
        return "(?:" + String.join("|", all) + ")";
    }

    /**
     * The patterns of addresses, firms and written dates, for words written with their marks or without them
     * ({@code plain}, decision 0248: "so 12 ngo 45 pho Hue, quan Hai Ba Trung"; without marks "ấp" and "áp", "bản" and
     * "bạn" are one word, so neither is a unit there).
     */
    private record Forms(boolean plain, Pattern houseToStreet, Pattern streetWord, Pattern numberStreet, Pattern unit,
            Pattern unitAbbreviated, Pattern city, Pattern firm, Pattern writtenDate) {

        static Forms of(java.util.function.Function<String[], String> alt, boolean plain) {
            String lane = alt.apply(new String[] {"ngõ", "ngách", "hẻm", "kiệt", "hẽm"});
            String street = alt.apply(new String[] {"phố", "đường"});
            String house = alt.apply(new String[] {"số", "nhà số", "số nhà"});
            // a street's name: up to four capitalised words, or "số 5" (a numbered street)
            String streetName = "(?:" + CAP + "(?:\\h" + CAP + "){0,3}|" + alt.apply(new String[] {"số"}) + "\\h\\d{1,3})";
            List<String> units = new ArrayList<>(List.of("phường", "xã", "quận", "huyện", "thị trấn", "thị xã", "thôn",
                    "xóm", "khu phố", "tổ dân phố", "khóm"));
            if (!plain) {
                units.addAll(List.of("ấp", "bản"));
            }
            return new Forms(plain,
                    // from the house number (or a lane) down the lanes to the street: "số 12 ngõ 45 phố Huế", "Số 5
                    // Nguyễn Trãi", "hẻm 45/12 Lê Văn Sỹ"; "số 3" alone is any number ("giường số 3")
                    Pattern.compile("(?<!" + L + ")(?:" + house + "\\h" + NUM + "(?:(?:,?\\h" + lane + "\\h" + NUM
                            + ")+(?:,?\\h(?:" + street + "\\h)?" + streetName + ")?|,?\\h(?:" + street + "\\h)?"
                            + streetName + ")|" + lane + "\\h" + NUM + "(?:,?\\h" + lane + "\\h" + NUM + ")*(?:,?\\h(?:"
                            + street + "\\h)?" + streetName + ")?)(?!" + L + ")"),
                    // a street after its word: "phố Huế", "đường Láng", "Đường Nguyễn Trãi"
                    Pattern.compile("(?<!" + L + ")" + street + "\\h(" + CAP + "(?:\\h" + CAP + "){0,3})(?!" + L + ")"),
                    // a house number before a street named after a person: "45/12 Lê Văn Sỹ", "123 Nguyễn Trãi"
                    Pattern.compile("(?<![\\p{L}\\p{M}\\d/.,])" + NUM + "\\h(" + CAP + "(?:\\h" + CAP + "){0,3})(?!" + L
                            + ")"),
                    // a ward, commune, district, township or hamlet with its name or number
                    Pattern.compile("(?<!" + L + ")" + alt.apply(units.toArray(String[]::new)) + "\\h(?:\\d{1,3}|"
                            + CAP + "(?:\\h" + CAP + "){0,3})(?!" + L + ")"),
                    // the same abbreviated: "P. Bạch Đằng", "P.13", "Q.3", "X. Yên Sở", "H. Hoài Đức", "TT. Trâu Quỳ"
                    Pattern.compile("(?<![\\p{L}\\p{M}.])(?:P|Q|X|H|TT|TX|Tx|KP)\\.\\h?(?:\\d{1,3}(?!\\d)|" + CAP
                            + "(?:\\h" + CAP + "){0,3}(?!" + L + "))"),
                    // a city after its word: "TP. Vinh", "thành phố Thủ Đức"; a province's or a province city's stays
                    Pattern.compile("(?<!" + L + ")(?:TP\\.?|" + alt.apply(new String[] {"thành phố"}) + ")\\h?(" + CAP
                            + "(?:\\h" + CAP + "){0,3})(?!" + L + ")"),
                    // a firm's name after its kind and legal form: "Công ty TNHH Minh Phát", "Xí nghiệp May 10"
                    Pattern.compile("(?<!" + L + ")" + alt.apply(new String[] {"công ty", "cty", "xí nghiệp", "nhà máy",
                        "tập đoàn", "hợp tác xã", "doanh nghiệp"}) + "(?:\\h+(?:TNHH|CP|MTV|"
                            + alt.apply(new String[] {"cổ phần", "tư nhân"}) + "))*\\h+(" + CAP + "(?:\\h(?:" + CAP
                            + "|\\d{1,4}))*)(?!" + L + ")"),
                    // "ngày 12 tháng 3 năm 2024", as a certificate or a discharge paper writes a date
                    Pattern.compile("(?<!" + L + ")(?<w>" + alt.apply(new String[] {"ngày"}) + ")(?<s1>\\h+)"
                            + "(?<d>\\d{1,2})(?<s2>\\h+)(?<tm>" + alt.apply(new String[] {"tháng"}) + ")(?<s3>\\h+)"
                            + "(?<m>\\d{1,2})(?<s4>\\h+)(?<ty>" + alt.apply(new String[] {"năm"}) + ")(?<s5>\\h+)"
                            + "(?<y>\\d{4})(?!\\d)"));
        }

        /** Whether the word is one that makes no name or street ("Đường Huyết"), in this form's writing. */
        boolean notName(String word) {
            return plain ? NOT_NAME_PLAIN.contains(VietnameseText.plain(word)) : NOT_NAME.contains(fold(word));
        }

        /** Whether the word is a surname, in this form's writing. */
        boolean surname(String word) {
            return plain ? VietnameseNames.surname(word) : SURNAMES.contains(fold(word));
        }
    }

    /** Units whose word without marks is also a name: "Phường" and "Phương", "Quận" and "Quân", "Huyện" and "Huyền". */
    private static final Set<String> PLAIN_NAMED_UNITS = Set.of("PHUONG", "QUAN", "HUYEN");

    private static final Forms MARKED = Forms.of(VietnameseText::alt, false);
    private static final Forms PLAIN = Forms.of(VietnameseText::plainAlt, true);

    private static void addresses(String text, List<Found> out, Forms forms) {
        Matcher m = forms.houseToStreet().matcher(text);
        while (m.find()) {
            out.add(new Found(m.start(), m.end(), "[ADDRESS]"));
        }
        m = forms.streetWord().matcher(text);
        while (m.find()) {
            // "Đường Huyết" is no street; without marks, "Duong Thi Thu Ha" is a name, "dieu duong" a nurse
            if (!forms.notName(firstWord(m.group(1))) && !(forms.plain() && (Character.isUpperCase(text.charAt(m.start()))
                    || m.start() >= 5 && text.regionMatches(true, m.start() - 5, "dieu ", 0, 5)))) {
                out.add(new Found(m.start(), m.end(), "[ADDRESS]"));
            }
        }
        m = forms.numberStreet().matcher(text);
        while (m.find()) {
            String[] ws = m.group(1).split("\\h");
            boolean person = ws.length >= 2 && (forms.surname(ws[0]) || !forms.plain() && mayHold(m.group(1)));
            if (person && !forms.notName(ws[0]) && !PROVINCES.contains(plain(m.group(1)))) {
                out.add(new Found(m.start(), m.end(), "[ADDRESS]"));
            }
        }
        for (Pattern p : List.of(forms.unit(), forms.unitAbbreviated())) {
            m = p.matcher(text);
            while (m.find()) {
                // without marks, "Phuong Anh", "Quan Van Minh" and "Huyen" are names: capitalised, these units need
                // their number ("Phuong 13"); "Thon Ha Hoi" is a hamlet
                if (!(forms.plain() && p == forms.unit() && Character.isUpperCase(text.charAt(m.start()))
                        && !Character.isDigit(text.charAt(m.end() - 1))
                        && PLAIN_NAMED_UNITS.contains(firstWord(m.group()).toUpperCase(Locale.ROOT)))) {
                    out.add(new Found(m.start(), m.end(), "[LOCATION]"));
                }
            }
        }
        m = forms.city().matcher(text);
        while (m.find()) {
            if (!PROVINCES.contains(plain(m.group(1)))) {
                out.add(new Found(m.start(1), m.end(1), "[LOCATION]"));
            }
        }
        m = forms.firm().matcher(text);
        while (m.find()) {
            out.add(new Found(m.start(1), m.end(1), Employers.REPLACEMENT));
        }
    }

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

    /** The written dates of a text, as {start, end}. */
    public static List<int[]> dates(String text) {
        List<int[]> out = new ArrayList<>();
        for (Forms forms : List.of(MARKED, PLAIN)) {
            Matcher m = forms.writtenDate().matcher(text);
            while (m.find()) {
                if (date(m) != null) {
                    out.add(new int[] {m.start(), m.end()});
                }
            }
        }
        return out;
    }

    /** The date a whole written date stands for, or null. */
    public static LocalDate parse(String value) {
        Matcher m = writtenDate(value);
        return m != null ? date(m) : null;
    }

    /** A matcher that matched the whole written date, with its marks or without them, or null. */
    private static Matcher writtenDate(String value) {
        for (Forms forms : List.of(MARKED, PLAIN)) {
            Matcher m = forms.writtenDate().matcher(value);
            if (m.matches()) {
                return m;
            }
        }
        return null;
    }

    /** A whole written date shifted by {@code days}, written as it was, or null. */
    public static String shift(String value, int days) {
        Matcher m = writtenDate(value);
        LocalDate d = m != null ? date(m) : null;
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
