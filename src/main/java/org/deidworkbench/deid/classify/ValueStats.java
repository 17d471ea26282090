package org.deidworkbench.deid.classify;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a sample of one column's values looks like: counts of shapes (UUID, date notations, phone,
 * e-mail, codes, names, ...), distinct values, lengths and words. Built value by value while a file
 * is sampled, so only counters and a bounded set of distinct values are held, never the sample
 * itself; {@link #evidence()} describes it with numbers only, never a value. Not thread-safe.
 */
public final class ValueStats {

    /** Distinct values counted exactly up to this many; beyond it the count is a lower bound. */
    static final int MAX_DISTINCT = 4096;

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\{?[0-9A-F]{32}\\}?");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}.-]+\\.\\p{L}{2,}");
    private static final Pattern SSN = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");
    private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d[\\d ()./-]{5,22}\\d");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d{1,3}(?:[ ,.']\\d{3})+|\\d*)[.,]\\d+|[+-]?\\d+[.,]?");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?\\d*[.,]?\\d+");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}|\\d{4}/\\d{1,2}/\\d{1,2}|\\d{8}");
    private static final Pattern DOT_DATE = Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.(?:\\d{4}|\\d{2})");
    private static final Pattern DASH_DMY = Pattern.compile("\\d{1,2}-\\d{1,2}-\\d{4}");
    private static final Pattern SLASH_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(?:\\d{4}|\\d{2})");
    private static final Pattern TIME = Pattern.compile("(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?"
            + "(?:\\s?[AaPp][Mm])?(?:Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern ICD10 = Pattern.compile("[A-Z]\\d{2}(?:\\.[0-9A-Z]{1,4})?[+*!†]?");
    private static final Pattern LOINC = Pattern.compile("\\d{1,7}-\\d");
    /** Up to 17 characters: a JLAC10 laboratory code is 17 (3D046000002227101; decision 0127). */
    private static final Pattern CODE_LIKE = Pattern.compile("[A-Z0-9][A-Z0-9.:_/-]{0,16}");
    /**
     * A number written in groups with dots, dashes, slashes or spaces, maybe after a letter code ({@code 529.982.247-25},
     * {@code 23.456.789-1}, {@code MG-12.345.678}, {@code CRM-SP 123456}): an identity document's or a register's number
     * under a header that names one (decision 0125); a decimal ({@code 3.4}) or a date is none.
     */
    private static final Pattern GROUPED_ID = Pattern.compile(
            "(?:[A-Z]{2,4}(?:[-/ ][A-Z]{2})?[-/ ]?)?\\d{1,4}(?:[./ -]\\d{2,4}){1,4}(?:-[\\dXx]{1,2})?|(?:[A-Z]{2,4}[-/ ][A-Z]{2}[-/ ]?)\\d{4,9}");
    private static final Pattern ALNUM_ID = Pattern.compile("(?=[A-Za-z0-9-]*\\d)(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9-]{3,40}");
    /** A ZIP, a ZIP+4 with or without its dash (CMS writes nine digits), a UK postcode; only read under a ZIP header. */
    private static final Pattern ZIP_LIKE = Pattern.compile(
            "\\d{4,5}(?:-\\d{4})?|\\d{9}|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}|\\d{2}-\\d{3}|\\d{4}-\\d{3}"
            // a Brazilian CEP (01310-100), an Indian PIN code (560001) (decision 0125)
            + "|\\d{5}-\\d{3}|\\d{6}"
            // a Japanese postcode, with its mark or without (〒100-0001) (decision 0127)
            + "|〒?\\d{3}-\\d{4}");
    private static final Pattern GEO_LIKE = Pattern.compile("-?\\d{1,3}\\.\\d{4,}");
    /**
     * A capitalised word, an initial, or a word of Chinese characters, kana or Hangul (those scripts have no capitals;
     * "月影", "鷹野真琴", "ﾂｷｶｹﾞ", "서문지윤"; decision 0127): the header decides whether such a column holds names.
     */
    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}'’-]*\\.?|\\p{Lu}\\."
            + "|[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}\\u30FC\\uFF66-\\uFF9F]{1,8}"
            // a Thai word (no capitals either; "สมชาย", "วงศ์ทองคำ"; decision 0133)
            + "|[\\u0E01-\\u0E4E]{2,24}"
            // Arabic, Persian and Hebrew words: those scripts have no capitals either (decision 0132)
            + "|[\\p{IsArabic}\\p{IsHebrew}&&\\p{L}](?:[\\p{IsArabic}\\p{IsHebrew}&&[\\p{L}\\p{M}]]|[\\u200C'\\u05F3-]){1,23}"
            // a Bengali or Devanagari word, its vowel signs, virama and visarga with it ("আব্দুল", "মোঃ"; decision 0250)
            + "|[\\u0904-\\u0939\\u0985-\\u09B9\\u09DC-\\u09DF](?:[\\u0900-\\u0963\\u0980-\\u09E3\\u09F0\\u09F1\\u200C\\u200D]){0,23}");
    /**
     * A clinician's degree after the name ({@code Smith, Jane MD}, i2b2's {@code provider_dimension.name_char};
     * {@code JANE Q SMITH, M.D.}): a name's title as {@code Dr.} before it is (decision 0120). In capitals only.
     */
    private static final Pattern DEGREE = Pattern.compile("(?:MD|M\\.D\\.|DO|D\\.O\\.|RN|NP|PA|PA-C|PHD|PhD|DDS|DMD|FNP|CRNA|MBBS)");
    private static final Pattern TITLE = Pattern.compile(
            "(?iu)(?:mr|mrs|ms|miss|dr|prof|herr|frau|fr|hr|sr|sra|mme|m|dott|dott\\.ssa|prof\\.ssa|dr\\.ssa|dra|doña|dña"
            + "|sig|sig\\.ra|sig\\.na|srta|lek|pani|pan"
            // Portuguese Dr.ª, Sr.ª, Enf. (a nurse); Indian Shri, Sri, Smt. (decision 0125)
            + "|dr\\.?ª|sr\\.?ª|enf|enf\\.?ª|shri|sri|smt)\\.?");
    private static final Pattern STREET = Pattern.compile("(?iu).*(?:\\d+\\s*[a-z]?\\s+\\p{L}.*\\b(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|court|ct|way"
            + "|boulevard|blvd|place|pl|terrace|circle|parkway|pkwy|square|sq|highway|hwy)\\b\\.?.*"
            + "|\\p{L}*(?:straße|strasse|str\\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|pfad)\\s+\\d+\\s*[a-z]?"
            + "|(?:am|an der|auf der|im|in der|zum|zur)\\s+\\p{L}+.*\\s\\d+\\s*[a-z]?)");
    /**
     * A house number after its marker, behind two words or more of the street ({@code Jl. Merdeka No. 3, Jakarta},
     * {@code Moda Cad. No: 14}, {@code Calle Reforma No. 12}): an address in a language whose street words the tool does
     * not know (decision 0138). One word before the marker ({@code Cycle No. 2}) is no street.
     */
    private static final Pattern HOUSE_NUMBER = Pattern.compile("\\p{L}[\\p{L}.'’-]*(?:\\s+[\\p{L}.'’-]+){1,5}\\s+"
            + "(?:No|NO|no|Nr|nr|Nº|N°|nº)[.:]?\\s?\\d{1,5}[A-Za-z]?(?:[\\s,/-].*)?");
    /**
     * An amount in whole thousands written in groups of three ({@code 1.250.000}, {@code 2,375,000}, {@code 12 500 000}):
     * rupiah, pesos, won; shaped like a telephone number written with dots (decision 0138).
     */
    private static final Pattern ROUND_THOUSANDS = Pattern.compile("\\d{1,3}([.,' ])\\d{3}(?:\\1\\d{3})*\\1000");
    /** An amount in two groups of three or more ({@code 4.567.800}: an Indonesian tariff in rupiah; decision 0244). */
    private static final Pattern GROUPED_THOUSANDS = Pattern.compile("\\d{1,3}([.,' ])\\d{3}(?:\\1\\d{3})+");
    /** What {@link #words} splits at (kept for the test that holds the two to each other). */
    static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Set<String> PARTICLES = Set.of("von", "van", "de", "der", "den", "la", "le", "di", "da", "del",
            "im", "am", "an", "zu", "y", "e", "bin", "al", "el", "ter", "ten", "dos", "das", "du",
            // a Malay patronymic (binti, bte; "@" before a second name) and the Tamil ones of Malaysia and Singapore
            // (a/l, a/p, s/o, d/o), in lower case and in capitals (decision 0244)
            "binti", "bte", "bt", "a/l", "a/p", "s/o", "d/o", "BIN", "BINTI", "BTE", "A/L", "A/P", "S/O", "D/O", "@");
    private static final Set<String> BOOLEANS = Set.of("true", "false", "yes", "no", "y", "n", "t", "f", "0", "1",
            "ja", "nein", "j", "wahr", "falsch", "x");

    private final NameDictionary names;
    private final NationalNumberCheck nationalNumbers;

    /*
     * One matcher per pattern, reset for each value: a sample runs every value through about twenty patterns, and a
     * new Matcher for each (its group arrays) was a tenth of what a run allocated. Not thread-safe, as the class.
     */
    private final Matcher mUuid = UUID.matcher("");
    private final Matcher mEmail = EMAIL.matcher("");
    private final Matcher mSsn = SSN.matcher("");
    private final Matcher mPhone = PHONE.matcher("");
    private final Matcher mInteger = INTEGER.matcher("");
    private final Matcher mDecimal = DECIMAL.matcher("");
    private final Matcher mPlainDecimal = PLAIN_DECIMAL.matcher("");
    private final Matcher mIsoDate = ISO_DATE.matcher("");
    private final Matcher mDotDate = DOT_DATE.matcher("");
    private final Matcher mDashDmy = DASH_DMY.matcher("");
    private final Matcher mSlashDate = SLASH_DATE.matcher("");
    private final Matcher mMonthNameDate = MONTH_NAME_DATE.matcher("");
    private final Matcher mTime = TIME.matcher("");
    private final Matcher mIcd10 = ICD10.matcher("");
    private final Matcher mLoinc = LOINC.matcher("");
    private final Matcher mCodeLike = CODE_LIKE.matcher("");
    private final Matcher mAlnumId = ALNUM_ID.matcher("");
    private final Matcher mGroupedId = GROUPED_ID.matcher("");
    private final Matcher mZipLike = ZIP_LIKE.matcher("");
    private final Matcher mGeoLike = GEO_LIKE.matcher("");
    private final Matcher mNameWord = NAME_WORD.matcher("");
    private final Matcher mTitle = TITLE.matcher("");
    private final Matcher mDegree = DEGREE.matcher("");
    private final Matcher mStreet = STREET.matcher("");
    private final Matcher mHouseNumber = HOUSE_NUMBER.matcher("");
    private final Matcher mRoundThousands = ROUND_THOUSANDS.matcher("");
    private final Matcher mGroupedThousands = GROUPED_THOUSANDS.matcher("");
    private final Set<String> distinct = new HashSet<>();
    private boolean distinctOverflow;
    int values;
    int empty;
    long totalLength;
    long totalWords;
    int maxLength;
    int minLength = Integer.MAX_VALUE;
    int uuid;
    /** IPv4 ({@code 10.0.12.7}) and IPv6 ({@code fe80::1ff:fe23:4567:890a}, full or with {@code ::}) addresses. */
    int ipAddress;
    int email;
    int ssn;
    int phone;
    /** Two years joined by a dash, the second not earlier ({@code 2017 - 2019}): a period, not a phone. */
    int yearRange;
    int integer;
    int decimal;
    /**
     * Whole numbers written with a fraction of zeros ({@code 18830412.00}): an Oracle {@code NUMBER} id as exported, or
     * an integer column pandas wrote as floats (decision 0120).
     */
    int zeroFraction;
    /**
     * Sentences: five words or more with a full stop ({@code Seen by Dr. Szabo. Pt ... reachable at ...}), a note in a
     * column of short codes (i2b2's {@code tval_char}: {@code E} for the numeric facts, text for a few; decision 0120).
     */
    int sentence;
    int isoDate;
    int dotDate;
    int dashDate;
    int slashDate;
    /** Dates with the month's name ({@code 03-FEB-23}, {@code 03FEB2023}, {@code Feb 3, 2023}). */
    int monthNameDate;
    /** A month and its year without a day ({@code 03/2017}, {@code 2018-06}, {@code October 1995}; decision 0152). */
    int monthYear;
    /** Six digits that read as {@code yyyyMM} (1800–2099, month 01–12): a date only under a date header. */
    int compactYearMonth;
    int withTime;
    int slashFirstOver12;
    int slashSecondOver12;
    int icd10;
    int loinc;
    int codeLike;
    /** A login as systems write a user's name: lower-case letters, maybe digits, dots, hyphens or underscores. */
    int login;
    int alnumId;
    /** Numbers in groups, maybe after a letter code ({@link #GROUPED_ID}). */
    int groupedId;
    int zipLike;
    int geoLike;
    /** DICOM UIDs and other OIDs ({@link #isUid}) that name one thing: a study, a series, an instance. */
    int uid;
    /** UIDs the DICOM standard defines (its root {@code 1.2.840.10008.}): SOP classes, transfer syntaxes. */
    int standardUid;
    int nameLike;
    /** Values of name particles only ("van", "van der", "de"). */
    int particleOnly;
    int nameHit;
    int titled;
    /**
     * Names written surname first with a comma ({@code ABERCROMBIE-NASH, PERCIVAL}, {@code van der Berg, Anna}): how
     * EHRs and claims write people, and no category's or organization's way (decision 0173).
     */
    int inverted;
    /** Names in DICOM's notation of two words or more ({@code SVANBERG^ISIDORE}; {@link #personNameWords}, 0232). */
    int dicomName;
    /** Devices named after their owners ({@code Thaddeus’s Apple Watch}; {@link OwnedDevices}, decision 0238). */
    int ownedDevice;
    /** Workouts' titles with their places ({@code Toledo Running}; {@link ActivityPlaces}, decision 0239). */
    int activityPlace;
    /** Names with a number appended ({@code Name123}, as Synthea makes its names unique): every word a name word. */
    int numberedName;
    /**
     * A person surname first with the record's number after it ({@code QUACKENBOSS, PERPETUA (MRN 00458812)}): how an
     * EHR's patient list prints its patients (decision 0180).
     */
    int namedWithId;
    /** Of those, the ones whose letters are in the name list as often as {@link #nameHit} needs. */
    int numberedNameHit;
    int street;
    int booleans;
    int capitalizedWords;
    /** Values of capitalised words that name no hospital's ward ("Laini Saba", not "Female Surgical"; 0245). */
    int notHospitalWards;
    int smallIntegers;
    int hasDigitAndLetter;
    int hasDigit;
    /**
     * A register's number after its letters, four digits or more ("BHT 24/1187", "NHIS 60123456", "MR-2023-118452";
     * decision 0247): not "Visit 1", "Week 12".
     */
    int prefixedNumber;
    int integerLengthMin = Integer.MAX_VALUE;
    /** Integers of two or more digits written with a leading zero ({@code 0000412233}): a number of a register, not a quantity. */
    int leadingZero;
    int integerLengthMax;
    /** Four-digit integers from 1800 to 2199: years. */
    int yearLike;
    /**
     * Values that are one national or health number whose check digits pass ({@link NationalNumberCheck}): a CPF, a
     * CURP, a SNILS, an NHS number, whatever the header says (decision 0138). SSNs, which have no check digit, are
     * {@link #ssn}.
     */
    int checkedNumber;
    /** Amounts in whole thousands written in groups ({@code 1.250.000}; decision 0138). */
    int roundThousands;
    /** Values that are an amount in two groups of three digits or more ({@code 4.567.800}). */
    int groupedThousands;
    /** Values of a VA FileMan date's shape ({@code 3230312.1445}; {@link FileManDates}, decision 0181). */
    int fileMan;
    /** Values that are US dates of digits alone, month first ({@link UsCompactDates}); of them, of six digits. */
    int usCompact;
    int usCompactShort;
    /** Values that are times of day ({@link TimesOfDay}); of them, of digits alone ({@code 1422}, {@code 142233}). */
    int timeOfDay;
    int timeOfDayDigits;
    /** Values of six or eight digits that are dates read year first ({@code yyMMdd}, {@code yyyyMMdd}). */
    int yearFirstCompact;

    /** Stats that look names up in {@code names}, and take no value for a national number by its check digits. */
    public ValueStats(NameDictionary names) {
        this(names, NationalNumberCheck.NONE);
    }

    /**
     * Stats that look names up in {@code names} and count the values {@code nationalNumbers} passes as national or health
     * numbers by their check digits (decision 0138).
     */
    public ValueStats(NameDictionary names, NationalNumberCheck nationalNumbers) {
        this.names = names;
        this.nationalNumbers = nationalNumbers;
    }

    /** Adds one value of the column. */
    public void add(String raw) {
        String v = raw.strip();
        if (v.isEmpty()) {
            empty++;
            return;
        }
        values++;
        if (!distinctOverflow) {
            if (distinct.size() < MAX_DISTINCT) {
                distinct.add(v);
            } else if (!distinct.contains(v)) {
                distinctOverflow = true;
            }
        }
        int len = v.length();
        totalLength += len;
        maxLength = Math.max(maxLength, len);
        minLength = Math.min(minLength, len);
        if (NameWithId.parts(v) != null) { // a comma, ten characters and the last one first, before the pattern
            namedWithId++;
        }
        String[] words = words(v);
        totalWords += words.length;
        if (words.length >= 5 && (v.endsWith(".") || v.contains(". "))) {
            sentence++;
        }
        boolean letter = false;
        boolean digit = false;
        // What the patterns below need: each runs only where it can match (\\d is an ASCII digit).
        boolean asciiDigit = false;
        boolean asciiLetter = false;
        for (int i = 0; i < len; i++) {
            char c = v.charAt(i);
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
            asciiDigit |= c >= '0' && c <= '9';
            asciiLetter |= c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
        }
        if ((len == 36 || len == 32 || len == 34) && mUuid.reset(v).matches()) {
            uuid++;
        }
        if (len >= 3 && len <= 45 && (v.indexOf('.') > 0 || v.indexOf(':') >= 0) && isIpAddress(v)) {
            ipAddress++;
        }
        if (v.indexOf('@') > 0 && mEmail.reset(v).matches()) {
            email++;
        }
        boolean ssnShaped = len == 11 && mSsn.reset(v).matches();
        if (ssnShaped) {
            ssn++;
        }
        boolean isInteger = asciiDigit && mInteger.reset(v).matches();
        if (isInteger) {
            integer++;
            int digits = v.charAt(0) == '+' || v.charAt(0) == '-' ? len - 1 : len;
            integerLengthMin = Math.min(integerLengthMin, digits);
            integerLengthMax = Math.max(integerLengthMax, digits);
            if (digits > 1 && v.charAt(len - digits) == '0') {
                leadingZero++;
            }
            if (digits <= 2) {
                smallIntegers++;
            } else if (len == 4 && (v.startsWith("18") || v.startsWith("19") || v.startsWith("20")
                    || v.startsWith("21"))) {
                yearLike++;
            } else if (len == 6 && (v.startsWith("18") || v.startsWith("19") || v.startsWith("20"))
                    && (v.charAt(4) == '0' && v.charAt(5) >= '1' || v.charAt(4) == '1' && v.charAt(5) <= '2')) {
                compactYearMonth++; // 193101: a year and month, yyyyMM, under a date header (decision 0155)
            }
        }
        boolean isDecimal = isInteger || asciiDigit && mDecimal.reset(v).matches();
        if (isDecimal) {
            decimal++;
            if (len >= 7 && len <= 14 && FileManDates.shaped(v)) {
                fileMan++;
            }
            if ((len == 6 || len == 8) && isInteger) {
                if (UsCompactDates.date(v) != null) {
                    usCompact++;
                    usCompactShort += len == 6 ? 1 : 0;
                }
                if (UsCompactDates.yearFirst(v)) {
                    yearFirstCompact++;
                }
            }
            if (!isInteger && v.indexOf('.') > 0 && org.deidworkbench.crypto.PseudonymGenerator.zeroFractionDropped(v).length() < len) {
                zeroFraction++;
            }
        }
        if (asciiDigit && len >= 4 && len <= 24) { // 1422, 142233.5, 14:22: a time of day (decision 0231)
            if (TimesOfDay.digits(v)) {
                timeOfDay++;
                timeOfDayDigits++;
            } else if (TimesOfDay.colon(v)) {
                timeOfDay++;
            }
        }
        int datesBefore = dates();
        if (asciiDigit) {
            countDate(v);
            if (dates() == datesBefore && v.length() >= 6 && EastAsianDates.parse(v) != null) {
                isoDate++; // 昭和33年3月12日, S33.3.12, 2023년 3월 12일: a date to shift like an ISO one (decision 0127)
            }
            if (dates() == datesBefore && len >= 16 && UnixDates.parse(v) != null) {
                isoDate++; // Mon Oct 02 21:00:00 EDT 2023: a program's date, shifted with its weekday (decision 0242)
            }
            if (dates() == datesBefore && len >= 6 && len <= 24 && MonthYears.whole(v) != null) {
                monthYear++; // 03/2017, 2018-06, October 1995: a month is a date element (decision 0152)
            }
        }
        boolean isDate = dates() > datesBefore;
        int digitCount = digits(v);
        if (!isDate && digitCount >= 7 && digitCount <= 15 && !mPlainDecimal.reset(v).matches()
                && mPhone.reset(v).matches()) {
            if (digitCount == 8 && isYearRange(v)) {
                yearRange++;
            } else {
                phone++;
            }
        }
        // an SSN has no check digit and is counted by its shape above, never twice
        if (digitCount >= 7 && len <= 24 && !isDate && !ssnShaped && nationalNumbers.passes(v)) {
            checkedNumber++;
        }
        if (len >= 7 && len <= 19 && !letter && mRoundThousands.reset(v).matches()) {
            roundThousands++;
        }
        if (len >= 7 && len <= 19 && !letter && mGroupedThousands.reset(v).matches()) {
            groupedThousands++;
        }
        if (len <= 12 && asciiDigit && mIcd10.reset(v).matches()) {
            icd10++;
        }
        if (len <= 12 && v.indexOf('-') > 0 && mLoinc.reset(v).matches()) {
            loinc++;
        }
        char first = v.charAt(0);
        if (len <= 17 && (first >= 'A' && first <= 'Z' || first >= '0' && first <= '9')
                && mCodeLike.reset(v).matches()) {
            codeLike++;
        }
        if (len >= 3 && len <= 32 && first >= 'a' && first <= 'z' && login(v)) {
            login++;
        }
        if (len <= 41 && asciiDigit && asciiLetter && mAlnumId.reset(v).matches()) {
            alnumId++;
        }
        if (len <= 24 && asciiDigit && mGroupedId.reset(v).matches()) {
            groupedId++;
        }
        if (len <= 10 && asciiDigit && mZipLike.reset(v).matches()) {
            zipLike++;
        }
        if (v.indexOf('.') > 0 && asciiDigit && mGeoLike.reset(v).matches()) {
            geoLike++;
        }
        if (len >= 10 && len <= 64 && first >= '0' && first <= '2' && isUid(v)) {
            if (v.startsWith(STANDARD_UID_ROOT)) {
                standardUid++;
            } else {
                uid++;
            }
        }
        if (BOOLEANS.contains(v.toLowerCase(Locale.ROOT))) {
            booleans++;
        }
        if (letter && digit) {
            hasDigitAndLetter++;
        }
        if (digit) {
            hasDigit++;
            if (letter && len <= 24 && prefixedNumber(v)) {
                prefixedNumber++;
            }
        }
        if (letter && digit && len <= 200 && (mayBeStreet(v) && mStreet.reset(v).matches()
                || mHouseNumber.reset(v).matches())) {
            street++;
        }
        if (letter && OwnedDevices.is(v)) {
            ownedDevice++;
        }
        if (letter && ActivityPlaces.is(v)) {
            activityPlace++;
        }
        String pn = v.indexOf('^') > 0 ? personNameWords(v) : null;
        if (pn != null) {
            countName(pn, words(pn)); // a RIS export's DICOM names: VANTERPOOL^CORDELIA^^DR (decision 0230)
            dicomName += pn.indexOf(' ') > 0 ? 1 : 0;
        } else {
            countName(v, words);
        }
    }

    /**
     * A DICOM person name's components ({@code family^given^middle^prefix^suffix}) as the words of a name in their
     * usual order ({@code DR CORDELIA VANTERPOOL}), or null when {@code v} is none: two to five components of letters,
     * spaces, hyphens, apostrophes and points, the family name not empty. A RIS or PACS export, a DICOM header dump
     * written as CSV, keeps a DICOM name's carets.
     */
    static String personNameWords(String v) {
        String[] c = v.strip().split("\\^", -1);
        if (c.length < 2 || c.length > 5 || c[0].isBlank()) {
            return null;
        }
        for (String part : c) {
            for (int i = 0; i < part.length(); i++) {
                char ch = part.charAt(i);
                if (!Character.isLetter(ch) && ch != ' ' && ch != '-' && ch != '\'' && ch != '.' && ch != '\u2019') {
                    return null;
                }
            }
        }
        StringBuilder b = new StringBuilder();
        for (int k : new int[] {3, 1, 2, 0, 4}) {
            if (k < c.length && !c[k].isBlank()) {
                b.append(b.length() == 0 ? "" : " ").append(c[k].strip());
            }
        }
        return b.toString();
    }

    /** Words one of which {@link #STREET} needs (as part of a word or a whole one), in ASCII lower case. */
    private static final String[] STREET_WORDS = {"st", "av", "road", "rd", "lane", "ln", "dr", "court", "ct", "way",
        "boulevard", "blvd", "pl", "terrace", "circle", "pkwy", "sq", "highway", "hwy", "weg", "allee", "gasse",
        "ring", "damm", "ufer", "chaussee", "pfad", "am", "an der", "auf der", "im", "in der", "zum", "zur"};

    /**
     * False only where {@link #STREET} cannot match: an ASCII value without any of its words. Values with other
     * characters are left to the pattern, whose Unicode case folding matches more than ASCII ({@code ſt}).
     */
    static boolean mayBeStreet(String v) {
        char[] lower = new char[v.length()];
        for (int i = 0; i < lower.length; i++) {
            char c = v.charAt(i);
            if (c >= 0x80) {
                return true;
            }
            lower[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        String text = new String(lower);
        for (String w : STREET_WORDS) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@link #STREET} matches the whole value (for the test of {@link #mayBeStreet}). */
    static boolean streetMatches(String v) {
        return STREET.matcher(v).matches();
    }

    private void countDate(String v) {
        if (monthName(v)) {
            return;
        }
        if (compactDateTime(v)) {
            isoDate++;
            withTime++;
            return;
        }
        int cut = v.length();
        for (int i = 8; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == 'T' || c == ' ') {
                cut = i;
                break;
            }
        }
        String date = v.substring(0, cut);
        String rest = v.substring(cut);
        if (!mTime.reset(rest).matches()) {
            return;
        }
        boolean time = !rest.isEmpty();
        boolean any = false;
        if (mIsoDate.reset(date).matches() && validYmd(date)) {
            isoDate++;
            any = true;
        } else if (mDotDate.reset(date).matches()) {
            dotDate++;
            any = true;
        } else if (mDashDmy.reset(date).matches()) {
            dashDate++;
            any = true;
        } else {
            java.util.regex.Matcher m = mSlashDate.reset(date);
            if (m.matches()) {
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(2));
                if (a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12)) {
                    slashDate++;
                    any = true;
                    if (a > 12) {
                        slashFirstOver12++;
                    }
                    if (b > 12) {
                        slashSecondOver12++;
                    }
                }
            }
        }
        if (any && time) {
            withTime++;
        }
    }

    /** A date with its month's name (Oracle's 03-FEB-23, SAS's 03FEB2023, 3 Feb 2023, Feb 3, 2023): counted as a date. */
    private boolean monthName(String v) {
        boolean letters = false;
        for (int i = 0; i < v.length() && !letters; i++) {
            char c = v.charAt(i);
            letters = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
        }
        if (!letters || v.length() > 40) {
            return false;
        }
        Matcher m = mMonthNameDate.reset(v);
        if (!m.matches()) {
            return false;
        }
        String mon = firstOf(m, "mon", "mon2", "mon3", "mon4");
        int day = Integer.parseInt(firstOf(m, "d", "d2", "d3", "d4"));
        if (MonthNames.of(mon) == null || day < 1 || day > 31) {
            return false;
        }
        monthNameDate++;
        java.util.EnumSet<MonthNames.Language> languages = MonthNames.languagesOf(mon);
        if (monthLanguages == null) {
            monthLanguages = languages;
        } else {
            monthLanguages.retainAll(languages);
        }
        if (firstOf(m, "time", "time2", "time3", "time4") != null) {
            withTime++;
        }
        return true;
    }

    private static String firstOf(Matcher m, String... groups) {
        for (String g : groups) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }

    /**
     * The shapes of the month-name notations {@code DateValues} shifts (decision 0115): Oracle's {@code 03-FEB-23} with a
     * TIMESTAMP's or a clock time, SAS's {@code 03FEB2023[:10:15:00]}, {@code 3 Feb 2023} and {@code Feb 3, 2023}.
     * The classifier only counts them; a value it counts and the date actions cannot read is emptied with a warning.
     */
    private static final Pattern MONTH_NAME_DATE = Pattern.compile(
            "(?:(?<d>\\d{1,2})-(?<mon>\\p{L}{3,12})-(?:\\d{4}|\\d{2})(?<time>\\s\\d{1,2}[.:]\\d{2}\\S*(?:\\s?[AaPp][Mm])?)?"
            + "|(?<d2>\\d{2})(?<mon2>\\p{L}{3})(?:\\d{4}|\\d{2})(?<time2>:\\d{2}:\\d{2}\\S*)?"
            + "|(?<d3>\\d{1,2})\\.?\\s(?:de\\s)?(?<mon3>\\p{L}{3,12})\\.?\\s(?:del?\\s)?\\d{4}"
            + "(?<time3>[T ]\\d{1,2}:\\d{2}\\S*)?"
            + "|(?<mon4>[A-Za-z]{3,9})\\.?\\s(?<d4>\\d{1,2}),\\s?\\d{4}(?<time4>[T ]\\d{1,2}:\\d{2}\\S*)?)");

    /**
     * A compact date and time of twelve or fourteen digits, {@code yyyyMMddHHmm[ss]}: the German § 21 KHEntgG data set's
     * admission, discharge and procedure times ({@code 202303120814}), HL7's TS (decision 0150). Its date must be
     * plausible and its hour and minutes a clock's, so that a long number is not a date by itself.
     */
    static boolean compactDateTime(String v) {
        int n = v.length();
        if (n != 12 && n != 14) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        int day = Integer.parseInt(v.substring(6, 8));
        int hour = Integer.parseInt(v.substring(8, 10));
        int minute = Integer.parseInt(v.substring(10, 12));
        int second = n == 14 ? Integer.parseInt(v.substring(12, 14)) : 0;
        return validYmd(v.substring(0, 8)) && day >= 1 && hour <= 23 && minute <= 59 && second <= 59;
    }

    /** yyyyMMdd must be a plausible date to count (an eight-digit number is not a date by itself). */
    private static boolean validYmd(String d) {
        if (d.length() != 8) {
            return true;
        }
        int y = Integer.parseInt(d.substring(0, 4));
        int m = Integer.parseInt(d.substring(4, 6));
        int day = Integer.parseInt(d.substring(6, 8));
        return y >= 1850 && y <= 2100 && m >= 1 && m <= 12 && day >= 1 && day <= 31;
    }

    /** Words of a degree between a title and the name ({@code dr n. med.}, {@code dr hab.}; decision 0119). */
    private static final Set<String> DEGREE_WORDS = Set.of("n.", "med.", "hab.", "n.med.");

    /**
     * A generation after the name ({@code Antônio Carlos Nogueira Jr.}, {@code John Smith III}): not a word of the name
     * (decision 0125). Portuguese {@code Filho}, {@code Neto} are capitalised words and count as such.
     */
    private static final Set<String> GENERATIONS = Set.of("Jr.", "Jr", "Sr.", "Jnr", "II", "III", "IV");

    /**
     * The labels of a village's address as Bangladeshi, Indian and Pakistani forms write them before the name, with
     * their hyphen, colon or full stop: Vill-, PO-, P.O-, PS-, Dist-, Thana-, Upazila:, Tehsil-, Mouza-, Union- (decision
     * 0247).
     */
    private static final Set<String> LOCALITY_LABELS = Set.of("vill", "village", "po", "p.o", "ps", "p.s", "dist",
            "district", "thana", "upazila", "upozila", "union", "mouza", "tehsil", "teh", "taluka", "tq", "zila", "zilla",
            "mohalla", "mohallah");

    private static boolean localityLabel(String word) {
        int n = word.length();
        if (n < 3 || n > 9) {
            return false;
        }
        char last = word.charAt(n - 1);
        if (last != '-' && last != ':' && last != '.') {
            return false;
        }
        String label = word.substring(0, n - 1).toLowerCase(java.util.Locale.ROOT);
        return LOCALITY_LABELS.contains(label.endsWith(".") ? label.substring(0, label.length() - 1) : label);
    }

    /** {@link #prefixedNumber}'s shape: one to six letters, a space or sign or none, then digits with / - . between. */
    private static final Pattern PREFIXED_NUMBER = Pattern.compile("\\p{L}{1,6}[ .:#/-]{0,2}\\d[\\d/.-]*\\d");

    private static boolean prefixedNumber(String v) {
        int digits = 0;
        for (int i = 0; i < v.length(); i++) {
            digits += Character.isDigit(v.charAt(i)) ? 1 : 0;
        }
        return digits >= 4 && PREFIXED_NUMBER.matcher(v).matches();
    }

    private void countName(String v, String[] words) {
        // Particles do not count against the length: "Maria das Graças dos Santos Wanderley" has four name words
        int particles = 0;
        for (String w : words) {
            if (PARTICLES.contains(w)) {
                particles++;
            }
        }
        if (words.length - particles > 5 || words.length > 8 || v.length() > 60) {
            return;
        }
        // "Last, First" and "Dr. First Last" are names too.
        int nameWords = 0;
        int start = 0;
        boolean title = false;
        if (words.length > 1 && mTitle.reset(words[0]).matches()) {
            title = true;
            start = 1;
        } else if (words.length > 1 && localityLabel(words[0])) {
            start = 1; // "Vill- Char Kukri", "PO- Kalikapur": the label of a village's address (decision 0247)
        }
        int end = words.length;
        if (words.length > 2 && mDegree.reset(words[words.length - 1]).matches()) {
            title = true;
            end--; // "Szabo, Ferenc MD": the degree is not a word of the name
        } else if (words.length > 2 && GENERATIONS.contains(words[words.length - 1])) {
            end--; // "João da Silva Jr."
        }
        boolean allCapitalized = true;
        boolean numbered = false;
        for (int i = start; i < end; i++) {
            String w = words[i].replace(",", "");
            if (w.isEmpty() || PARTICLES.contains(w) || title && DEGREE_WORDS.contains(w)) {
                continue; // "dr n. med. Bronisława Chmielewska": Polish degrees after the title
            }
            if (!mNameWord.reset(w).matches()) {
                int cut = numberSuffix(w);
                if (cut < 0 || !mNameWord.reset(w.substring(0, cut)).matches()) {
                    allCapitalized = false;
                    break;
                }
                numbered = true;
            }
            nameWords++;
        }
        if (allCapitalized && nameWords == 0 && start < words.length) {
            particleOnly++; // "van der", "de": a Dutch tussenvoegsel, the part of a surname in a column of its own
        }
        if (!allCapitalized || nameWords == 0) {
            return;
        }
        if (numbered) {
            if (nameWords <= 4) {
                numberedName++;
                if (inNameList(v)) {
                    numberedNameHit++;
                }
            }
            return;
        }
        capitalizedWords++;
        if (!hospitalWard(v)) {
            notHospitalWards++;
        }
        if (nameWords > 4) {
            return;
        }
        nameLike++;
        if (title) {
            titled++;
        }
        int commas = 0;
        int comma = -1;
        for (int i = 0; i < words.length; i++) {
            if (words[i].endsWith(",")) {
                commas++;
                comma = i;
            }
        }
        if (commas == 1 && comma <= 2 && comma < end - 1) {
            inverted++;
        }
        if (inNameList(v)) {
            nameHit++;
        }
    }

    /** The words of a hospital's wards ("Female Surgical", "Maternity", "NICU", "Kangaroo Mother Care"). Lower case. */
    private static final Set<String> HOSPITAL_WARD_WORDS = Set.of("ward", "wing", "block", "unit", "surgical", "medical",
            "maternity", "paediatric", "pediatric", "paediatrics", "pediatrics", "paeds", "peds", "icu", "hdu", "nicu",
            "picu", "ccu", "labour", "labor", "delivery", "postnatal", "antenatal", "casualty", "emergency", "isolation",
            "oncology", "renal", "burns", "psychiatric", "psychiatry", "mental", "orthopaedic", "orthopedic", "gynae",
            "gynaecology", "gynecology", "obstetric", "obstetrics", "neonatal", "private", "amenity", "general", "male",
            "female", "children", "adult", "adults", "theatre", "recovery", "observation", "medicine", "surgery",
            "cardiac", "stroke", "rehabilitation", "rehab", "geriatric", "respiratory", "tb", "ent", "eye", "acute",
            "intensive", "care", "dependency", "high", "nursery", "kangaroo", "mother", "day", "short", "stay",
            "step-down", "trauma", "ortho", "cardiology", "neurology", "haematology", "hematology", "dialysis");

    /** Whether a value names a hospital's ward: a word of {@link #HOSPITAL_WARD_WORDS} or a digit (decision 0245). */
    private static boolean hospitalWard(String v) {
        for (String t : v.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+")) {
            if (HOSPITAL_WARD_WORDS.contains(t) || !t.isEmpty() && t.chars().anyMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }

    /** Whether at least half of the value's words (of two letters or more, titles aside) are in the name list. */
    private boolean inNameList(String v) {
        List<String> tokens = NameDictionary.tokens(v);
        int hits = 0;
        int counted = 0;
        for (String t : tokens) {
            if (t.length() < 2 || mTitle.reset(t).matches()) {
                continue;
            }
            counted++;
            if (names.isName(t)) {
                hits++;
            }
        }
        return counted > 0 && hits * 2 >= counted;
    }

    /**
     * Where a number of one to four ASCII digits appended to a word of at least two letters begins
     * ({@code Alfred550} → 6), or -1.
     */
    static int numberSuffix(String w) {
        int i = w.length();
        while (i > 0 && w.charAt(i - 1) >= '0' && w.charAt(i - 1) <= '9') {
            i--;
        }
        int digits = w.length() - i;
        if (digits < 1 || digits > 4 || i < 2 || !Character.isLetter(w.charAt(i - 1)) || !Character.isLetter(w.charAt(i - 2))) {
            return -1;
        }
        return i;
    }

    /**
     * {@code v} split at runs of the pattern {@code \s} (space, tab, line feed, vertical tab, form feed, carriage
     * return) without a regular expression: what {@code WHITESPACE.split(v)} gives for a stripped, non-empty value.
     */
    static String[] words(String v) {
        int n = v.length();
        int count = 0;
        boolean in = false;
        for (int i = 0; i < n; i++) {
            boolean space = isRegexSpace(v.charAt(i));
            if (!space && !in) {
                count++;
            }
            in = !space;
        }
        String[] out = new String[count];
        int w = 0;
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean space = i == n || isRegexSpace(v.charAt(i));
            if (space && start >= 0) {
                out[w++] = v.substring(start, i);
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return out;
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == (char) 0x0B || c == '\f' || c == '\r';
    }

    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
            + "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%[\\w.]+)?");

    /**
     * Whether the value is an IP address: four numbers of 0 to 255 with dots, or IPv6 groups of hex digits, all eight
     * or shortened by {@code ::} (a time of day, {@code 12:30:45}, is neither).
     */
    static boolean isIpAddress(String v) {
        if (IPV4.matcher(v).matches()) {
            return true;
        }
        if (!IPV6.matcher(v).matches()) {
            return false;
        }
        int colons = 0;
        for (int i = 0; i < v.length(); i++) {
            colons += v.charAt(i) == ':' ? 1 : 0;
        }
        return v.contains("::") || colons == 7;
    }

    /** The root of the UIDs the DICOM standard itself defines. */
    private static final String STANDARD_UID_ROOT = "1.2.840.10008.";

    /**
     * Whether the value is a UID as DICOM (PS3.5 9.1) writes one: numeric components without leading zeros,
     * separated by dots, the first 0, 1 or 2, and here at least five of them ({@code 1.2.840.10008.5.1.4.1.1.2}),
     * or a UUID as a UID ({@code 2.25.} and its 128-bit number).
     */
    static boolean isUid(String v) {
        int components = 0;
        int start = 0;
        for (int i = 0; i <= v.length(); i++) {
            char c = i < v.length() ? v.charAt(i) : '.';
            if (c == '.') {
                int length = i - start;
                if (length == 0 || length > 1 && v.charAt(start) == '0') {
                    return false;
                }
                components++;
                start = i + 1;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return (components >= 5 || components == 3 && v.startsWith("2.25.")) && v.charAt(0) <= '2' && v.charAt(1) == '.';
    }

    /**
     * {@code 2017 - 2019}, {@code 2008-2010}: two years from 1800 to 2199 joined by a dash (spaces around it allowed),
     * the second not earlier than the first (MIMIC-IV's {@code anchor_year_group}; decision 0110).
     */
    private static boolean isYearRange(String v) {
        int dash = v.indexOf('-');
        if (dash < 0 || dash != v.lastIndexOf('-')) {
            return false;
        }
        String a = v.substring(0, dash).strip();
        String b = v.substring(dash + 1).strip();
        if (a.length() != 4 || b.length() != 4 || digits(a) != 4 || digits(b) != 4) {
            return false;
        }
        int from = Integer.parseInt(a);
        int to = Integer.parseInt(b);
        return from >= 1800 && to <= 2199 && to >= from;
    }

    private static int digits(String v) {
        int d = 0;
        for (int i = 0; i < v.length(); i++) {
            if (Character.isDigit(v.charAt(i))) {
                d++;
            }
        }
        return d;
    }

    /** Non-empty values seen. */
    public int values() {
        return values;
    }

    /** Empty values seen. */
    public int empty() {
        return empty;
    }

    /** Distinct non-empty values (a lower bound past {@value #MAX_DISTINCT}). */
    public int distinct() {
        return distinct.size();
    }

    /** Share of distinct values among the non-empty ones. */
    double distinctRatio() {
        return values == 0 ? 0 : (double) distinct.size() / values;
    }

    double share(int count) {
        return values == 0 ? 0 : (double) count / values;
    }

    double averageLength() {
        return values == 0 ? 0 : (double) totalLength / values;
    }

    double averageWords() {
        return values == 0 ? 0 : (double) totalWords / values;
    }

    /** The languages every month-name date of the sample can be read in; null before the first. */
    private java.util.EnumSet<MonthNames.Language> monthLanguages;

    /**
     * The language of the sample's month names, when it is not English and one language reads them all (a Spanish
     * column's {@code MAR}, {@code DIC}, {@code ENE}: Spanish), else null (decision 0119).
     */
    MonthNames.Language monthLanguage() {
        if (monthLanguages == null || monthLanguages.isEmpty() || monthLanguages.contains(MonthNames.Language.EN)) {
            return null;
        }
        return monthLanguages.iterator().next();
    }

    /** Share of the date values written day first ({@code 25/03/2022}), as opposed to month first. */
    boolean slashDayFirst() {
        return slashOrder() == ColumnClassifier.SlashOrder.DAY_FIRST;
    }

    /** What the slash dates showed of their order. */
    ColumnClassifier.SlashOrder slashOrder() {
        if (slashDate == 0) {
            return ColumnClassifier.SlashOrder.NONE;
        }
        if (slashFirstOver12 > 0) {
            return slashSecondOver12 > 0 ? ColumnClassifier.SlashOrder.MIXED : ColumnClassifier.SlashOrder.DAY_FIRST;
        }
        return slashSecondOver12 > 0 ? ColumnClassifier.SlashOrder.MONTH_FIRST : ColumnClassifier.SlashOrder.OPEN;
    }

    int dates() {
        return isoDate + dotDate + dashDate + slashDate + monthNameDate + monthYear;
    }

    /** Numbers describing the sample (never a value), for reports and the suggested profile. */
    public String evidence() {
        StringBuilder sb = new StringBuilder();
        sb.append(values).append(" values");
        if (empty > 0) {
            sb.append(" (+").append(empty).append(" empty)");
        }
        sb.append(", ").append(distinct.size()).append(distinctOverflow ? "+" : "").append(" distinct");
        sb.append(String.format(Locale.ROOT, ", avg %.1f chars", averageLength()));
        if (averageWords() >= 1.5) {
            sb.append(String.format(Locale.ROOT, "/%.1f words", averageWords()));
        }
        appendShare(sb, "uuid", uuid);
        appendShare(sb, "ip address", ipAddress);
        appendShare(sb, "date", dates());
        appendShare(sb, "with time", withTime);
        appendShare(sb, "e-mail", email);
        appendShare(sb, "phone", phone);
        appendShare(sb, "year range", yearRange);
        appendShare(sb, "ssn", ssn);
        appendShare(sb, "national number by its check digits", checkedNumber);
        appendShare(sb, "integer", integer);
        appendShare(sb, "number", decimal - integer);
        appendShare(sb, "whole with .0", zeroFraction);
        appendShare(sb, "code-like", codeLike);
        appendShare(sb, "login", login);
        appendShare(sb, "id-like", alnumId);
        appendShare(sb, "name-like", nameLike);
        appendShare(sb, "in name list", nameHit);
        appendShare(sb, "titled", titled);
        appendShare(sb, "surname, given name", inverted);
        appendShare(sb, "surname, given name (number)", namedWithId);
        appendShare(sb, "name+number in name list", numberedNameHit);
        appendShare(sb, "device named after its owner", ownedDevice);
        appendShare(sb, "workout titled with its place", activityPlace);
        appendShare(sb, "street", street);
        appendShare(sb, "uid", uid);
        appendShare(sb, "dicom-standard uid", standardUid);
        return sb.toString();
    }

    private void appendShare(StringBuilder sb, String what, int count) {
        if (count > 0 && values > 0) {
            sb.append(", ").append(Math.round(100.0 * count / values)).append("% ").append(what);
        }
    }

    /** Lower-case ASCII letters, digits, '.', '-' and '_', three letters at least: {@code akittredge}, {@code j.smith2}. */
    private static boolean login(String v) {
        int letters = 0;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch >= 'a' && ch <= 'z') {
                letters++;
            } else if (!(ch >= '0' && ch <= '9' || ch == '.' || ch == '-' || ch == '_')) {
                return false;
            }
        }
        return letters >= 3;
    }
}
