package org.deidworkbench.deid.classify;

import java.util.List;
import java.util.Locale;
import org.deidworkbench.deid.classify.HeaderHints.Hint;

/**
 * Decides what a column holds from its header and a sample of its values (as ARX classifies
 * attributes before anonymizing, and Presidio's structured analyzer samples columns): the value
 * shapes decide, the header's words break ties and name what shapes cannot tell apart (a ZIP code
 * from a five-digit count, a city from a category). When nothing is conclusive the answer is
 * {@link ColumnClass#UNKNOWN}, which is scrubbed as free text: never kept on a guess.
 * Stateless and thread-safe.
 */
public final class ColumnClassifier {

    /** Fewer non-empty values than this are too few to call a column categorical or unique. */
    static final int MIN_FOR_CARDINALITY = 20;

    /**
     * The decision for one column.
     *
     * @param columnClass what the column holds
     * @param confidence 0..1, the share of sampled values that support the decision (1 for a header-only decision with no values)
     * @param evidence header hints and value statistics, never a value
     * @param slashDayFirst for slash dates: whether the values are written day first ({@code 25/03/2022})
     * @param slashOrder what the sampled slash dates showed of their order
     * @param monthLanguage the language of the sampled month names where it is not English and one language reads
     *     them all ({@code MAR}, {@code DIC}, {@code ENE}: Spanish), else null; a shifted date's month is written in it
     */
    public record Classification(ColumnClass columnClass, double confidence, String evidence, boolean slashDayFirst,
            SlashOrder slashOrder, MonthNames.Language monthLanguage) implements java.io.Serializable {

        /** A classification without a language of month names. */
        public Classification(ColumnClass columnClass, double confidence, String evidence, boolean slashDayFirst,
                SlashOrder slashOrder) {
            this(columnClass, confidence, evidence, slashDayFirst, slashOrder, null);
        }

        /** A classification whose slash dates, if any, are read as {@code slashDayFirst} says. */
        public Classification(ColumnClass columnClass, double confidence, String evidence, boolean slashDayFirst) {
            this(columnClass, confidence, evidence, slashDayFirst, SlashOrder.NONE);
        }

        /**
         * This classification with its slash dates read day first, as the run's other slash dates that showed their
         * order (the evidence says so).
         */
        public Classification dayFirstAsTheRun() {
            return dayFirstAs("the run's");
        }

        /**
         * This classification with its slash dates read day first, as its file's other slash date columns showed theirs
         * (decision 0244).
         */
        public Classification dayFirstAsItsFile() {
            return dayFirstAs("its file's");
        }

        private Classification dayFirstAs(String whose) {
            return new Classification(columnClass, confidence, evidence + "; slash dates read day first, as " + whose
                    + " other slash dates", true, slashOrder, monthLanguage);
        }

        /** Confidence as a percentage, e.g. {@code 98%}. */
        public String confidencePercent() {
            return Math.round(confidence * 100) + "%";
        }
    }

    /** What a column's sampled slash dates ({@code 03/04/2022}) showed of their order. */
    public enum SlashOrder {
        /** No slash date. */
        NONE,
        /** Slash dates, every day and month 12 or less: either order reads them. */
        OPEN,
        /** A day above 12 first ({@code 25/03/2022}), none second. */
        DAY_FIRST,
        /** A day above 12 second ({@code 03/25/2022}), none first. */
        MONTH_FIRST,
        /** Both. */
        MIXED
    }

    private ColumnClassifier() {
    }

    /**
     * The form in which an id of one table is compared with the keys of another: a whole number written with a fraction
     * of zeros ({@code 40112233.00}, as Oracle exports a {@code NUMBER} id) is the integer ({@code 40112233}) another
     * table of the same export writes; any other value as it is. Pseudonyms compare the same way (decision 0120).
     */
    public static String idForm(String value) {
        return org.deidworkbench.crypto.PseudonymGenerator.zeroFractionDropped(value);
    }

    /** Classifies one column. */
    public static Classification classify(String header, ValueStats s) {
        HeaderHints h = HeaderHints.of(header);
        Decision d = byCheckDigits(decide(h, s), s);
        String evidence = (h.hints().isEmpty() ? "" : "header " + h.hints().toString().toLowerCase(Locale.ROOT)
                .replace('_', '-') + "; ") + s.evidence();
        MonthNames.Language months = s.monthLanguage();
        if (months != null) {
            evidence += "; month names in " + months.name().toLowerCase(Locale.ROOT);
        }
        if (SasDates.holds(header, s)) { // days since 1960 under a SAS date name (decision 0142)
            d = of(h.has(Hint.BIRTH) ? ColumnClass.BIRTH_DATE : ColumnClass.DATE, 1);
            evidence += "; " + SasDates.EVIDENCE;
        }
        if (FileManDates.holds(h, s)) { // VistA's YYYMMDD.HHMMSS under a date or birth word (decision 0181)
            d = of(h.has(Hint.BIRTH) ? ColumnClass.BIRTH_DATE : ColumnClass.DATE, 1);
            evidence += "; " + FileManDates.EVIDENCE;
        }
        if (UsCompactDates.holds(header, h, s)) { // a UB-04's MMDDYY and MMDDCCYY (decision 0228)
            d = of(h.has(Hint.BIRTH) ? ColumnClass.BIRTH_DATE : ColumnClass.DATE, 1);
            evidence += "; " + UsCompactDates.EVIDENCE;
        }
        if (TimesOfDay.holds(header, s)) { // StudyTime's 142233: times of day, no dates (decision 0231)
            evidence += "; " + TimesOfDay.EVIDENCE;
        }
        // Arabic, Persian and Hebrew exports write the day first (decision 0132): 12/03/1985 is 12 March
        boolean dayFirst = s.slashDayFirst() || s.slashOrder() == SlashOrder.OPEN && MiddleEasternHeaders.isOne(header);
        return new Classification(d.columnClass, Math.max(0, Math.min(1, d.confidence)), evidence, dayFirst,
                s.slashOrder(), months);
    }

    private record Decision(ColumnClass columnClass, double confidence) {
    }

    /** Fewer non-empty values than this are too few to take a column for national numbers by their check digits alone. */
    static final int MIN_FOR_CHECK_DIGITS = 5;

    /**
     * Share of a column's values that must pass a national number's check digits for the column to be taken for national
     * numbers whatever its header: a check digit passes one random number in ten or eleven, so a column of other numbers
     * of the same length passes a tenth of the time, never nine in ten (decision 0138).
     */
    static final double MIN_CHECKED_SHARE = 0.9;

    /**
     * A column whose values are national or health numbers by their check digits (a CPF, a CURP, a SNILS, an NHS number;
     * an SSN by its shape) is one whatever its header says ({@code Column7}, {@code VAR0012}, a word of a language the tool does not know),
     * unless the header and values already made it an identifier of another kind, which is removed or pseudonymized as
     * well (decision 0138).
     */
    private static Decision byCheckDigits(Decision d, ValueStats s) {
        // SSNs count by their shape (no check digit): one country's numbers beside another's are one column of them
        double checked = s.share(s.checkedNumber + s.ssn);
        if (d.columnClass.identifier() || d.columnClass.isDate() || s.values() < MIN_FOR_CHECK_DIGITS
                || checked < MIN_CHECKED_SHARE) {
            return d;
        }
        return of(ColumnClass.NATIONAL_ID, checked);
    }

    /** Words for a year in headers ({@code year_of_birth}, {@code YOB}, {@code Geburtsjahr}, {@code annee_naissance}). */
    private static final java.util.Set<String> YEAR_WORDS = java.util.Set.of("year", "yr", "yob", "jahr",
            "geburtsjahr", "annee", "année", "jaar", "geboortejaar", "år", "fodelsear", "födelseår", "ano", "año",
            "anno", "birthyear");

    /** Words for an age in headers ({@code enrollment_age}, {@code Alter}, {@code âge}, {@code leeftijd}). */
    private static final java.util.Set<String> AGE_WORDS = java.util.Set.of("age", "alter", "patientenalter",
            "lebensalter", "âge", "leeftijd", "ålder", "alder", "edad", "età", "idade");
    /** Words that make an age another unit than years, or not the person's age in years. */
    private static final java.util.Set<String> NOT_YEARS = java.util.Set.of("gestational", "gestation", "gest", "ga",
            "months", "month", "mos", "mo", "weeks", "week", "wks", "days", "day", "hours", "monate", "monaten",
            "wochen", "tage", "tagen", "mois", "semaines", "jours", "maanden", "weken", "dagen", "bone", "group",
            "gruppe", "band", "range", "category", "cat", "class");

    private static boolean ageHeader(HeaderHints h) {
        boolean age = false;
        for (String w : h.words()) {
            if (NOT_YEARS.contains(w)) {
                return false;
            }
            age |= AGE_WORDS.contains(w);
        }
        return age;
    }

    /**
     * Words for a position in a sequence ({@code seq_num}, {@code sequence}, {@code ordinal}, {@code rank}) or in the
     * dental arch ({@code ToothNum}).
     */
    private static final java.util.Set<String> SEQUENCE_WORDS = java.util.Set.of("seq", "sequence", "ordinal", "rank",
            // i2b2's observation_fact.instance_num numbers the parts of one fact (decision 0120)
            "instance",
            // a tooth's number in a dental record (Open Dental's procedurelog.ToothNum 1-32, FDI 11-48; decision 0195)
            "tooth", "teeth", "zahn", "diente", "dente");

    private static boolean sequenceHeader(HeaderHints h) {
        for (String w : h.words()) {
            if (SEQUENCE_WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean yearHeader(HeaderHints h) {
        for (String w : h.words()) {
            if (YEAR_WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static Decision of(ColumnClass c, double confidence) {
        return new Decision(c, confidence);
    }

    private static Decision decide(HeaderHints h, ValueStats s) {
        int n = s.values();
        if (n == 0) {
            // Nothing to look at: only a date header is taken at its word (an empty date shifts to empty).
            return of(h.has(Hint.DATE) || h.has(Hint.BIRTH) ? ColumnClass.DATE : ColumnClass.EMPTY, 1);
        }
        double email = s.share(s.email);
        if (email >= 0.8) {
            return of(ColumnClass.EMAIL, email);
        }
        double dates = s.share(s.dates());
        if (dates >= 0.9) {
            if (h.has(Hint.BIRTH)) {
                return of(ColumnClass.BIRTH_DATE, dates);
            }
            return of(s.share(s.withTime) >= 0.5 ? ColumnClass.DATE_TIME : ColumnClass.DATE, dates);
        }
        // The login of the user who entered or signed the row (ENTERED_BY akittredge, USER_ID jblomqvist): a member of
        // staff's name as the system writes it, an identifier (decision 0197)
        if (h.namesAUser() && s.share(s.login) >= 0.9) {
            return of(ColumnClass.IDENTIFIER, s.share(s.login));
        }
        double integers = s.share(s.integer);
        double compactMonths = s.share(s.compactYearMonth);
        if ((h.has(Hint.BIRTH) || h.has(Hint.DATE)) && compactMonths >= 0.9) {
            // DOB_YYYYMM 193101: a month is a date element, and the year may tell an age over 89 (decision 0155)
            return of(h.has(Hint.BIRTH) ? ColumnClass.BIRTH_DATE : ColumnClass.DATE, compactMonths);
        }
        if (h.has(Hint.BIRTH) && integers >= 0.9 && s.integerLengthMax <= 2) {
            return of(ColumnClass.BIRTH_DATE_PART, integers);
        }
        double years = s.share(s.yearLike);
        if (h.has(Hint.BIRTH) && years >= 0.9 && yearHeader(h)) {
            // OMOP's year_of_birth: a birth year is aggregated for anyone who may be over 89 (decision 0105).
            return of(ColumnClass.BIRTH_YEAR, years);
        }
        if (integers >= 0.9 && s.integerLengthMax <= 3 && ageHeader(h)) {
            // An age in years kept as a number would show everyone over 89 by their age (decision 0106).
            return of(ColumnClass.AGE, integers);
        }
        double uuid = s.share(s.uuid);
        if (uuid >= 0.9) {
            return of(ColumnClass.IDENTIFIER, uuid);
        }
        // IP addresses (HIPAA's identifier O) under a header no rule names as one (gateway_ip): removed by their values.
        double ip = s.share(s.ipAddress);
        if (ip >= 0.9) {
            return of(ColumnClass.IDENTIFIER, ip);
        }
        double numbers = s.share(s.decimal);
        if (h.has(Hint.GEO) && (numbers >= 0.9 || s.share(s.geoLike) >= 0.9)) {
            return of(ColumnClass.GEO, numbers);
        }
        if (h.has(Hint.ZIP) && s.share(s.zipLike) >= 0.8) {
            return of(ColumnClass.ZIP, s.share(s.zipLike));
        }
        double ssn = s.share(s.ssn);
        if (ssn >= 0.8) {
            return of(ColumnClass.NATIONAL_ID, ssn);
        }
        // Periods of years (MIMIC-IV's anchor_year_group "2017 - 2019") are categories of the calendar, shaped like a
        // phone; a period of birth years would tell an age over 89, so it is left to the rules below (decision 0110).
        double yearRanges = s.share(s.yearRange);
        if (yearRanges >= 0.9 && !h.has(Hint.BIRTH)) {
            return of(ColumnClass.CATEGORICAL, yearRanges);
        }
        double phone = s.share(s.phone);
        // A Nordic personnummer (580412-3921) or a number written in groups is shaped like a phone number, but under
        // a header that names a number and no telephone it is the record's id: often the patient key the other
        // tables join on, which a phone (removed) would break and an identifier (pseudonymized as a key) keeps.
        if (phone >= 0.8 && h.has(Hint.ID) && !h.has(Hint.PHONE) && !h.has(Hint.MEASURE) && s.averageWords() < 1.2) {
            return of(ColumnClass.IDENTIFIER, phone);
        }
        // A procedure code in two dashed groups (ACHI's "13882-00", the Australian modification's procedures) is shaped
        // like a phone number; under a header naming a code and no telephone it is the code (decision 0123).
        if (phone >= 0.8 && h.has(Hint.CODE) && !h.has(Hint.PHONE) && !h.has(Hint.ID) && s.share(s.codeLike) >= 0.9) {
            return of(ColumnClass.CODE, s.share(s.codeLike));
        }
        // Amounts in whole thousands in groups of three (rupiah, pesos: 1.250.000) are shaped like a telephone number
        // written with dots; a column of telephone numbers does not end in 000 nine times in ten (decision 0138).
        if (phone >= 0.8 && !h.has(Hint.PHONE) && s.share(s.roundThousands) >= 0.9) {
            return of(ColumnClass.NUMBER, s.share(s.roundThousands));
        }
        // Under a header naming an amount (an Indonesian claim's TARIF 4.567.800, rounded to hundreds), amounts in groups
        // of three are amounts however they end (decision 0244)
        if (phone >= 0.8 && !h.has(Hint.PHONE) && h.has(Hint.MEASURE) && !h.has(Hint.ID)
                && s.share(s.groupedThousands) >= 0.9) {
            return of(ColumnClass.NUMBER, s.share(s.groupedThousands));
        }
        // A national number written in groups (a Thai ID 1-2345-67890-12-3) is shaped like a telephone number; under a
        // header naming one, or when nine in ten pass its check digits, it is that number, not a phone.
        if (phone >= 0.8 && !h.has(Hint.PHONE) && (h.has(Hint.NATIONAL_ID) || s.values() >= MIN_FOR_CHECK_DIGITS
                && s.share(s.checkedNumber) >= MIN_CHECKED_SHARE)) {
            return of(ColumnClass.NATIONAL_ID, phone);
        }
        if (phone >= 0.8 || h.has(Hint.PHONE) && phone + integers >= 0.8) {
            return of(ColumnClass.PHONE, Math.max(phone, 0.8));
        }
        // "MEMBER_MONTHS", "insurance_amount": a quantity about the member or policy, not its number.
        boolean quantity = h.has(Hint.MEASURE) && !h.has(Hint.ID);
        if (h.has(Hint.NATIONAL_ID) && !quantity && s.share(s.alnumId) + integers >= 0.8) {
            return of(ColumnClass.NATIONAL_ID, s.share(s.alnumId) + integers);
        }
        // An identity document's number in groups (a Brazilian CPF 529.982.247-25 or RG 23.456.789-1, a physician's
        // CRM-SP 123456) under a header that names one: no number to keep (decision 0125).
        if (h.has(Hint.NATIONAL_ID) && !quantity && s.share(s.groupedId) + s.share(s.alnumId) + integers >= 0.8
                && s.share(s.dates()) < 0.5 && s.share(s.groupedId) > 0) {
            return of(ColumnClass.NATIONAL_ID, Math.min(1, s.share(s.groupedId) + s.share(s.alnumId) + integers));
        }
        // A flag of letters (J/N, Y/N) is one under an id word too: § 21's "Kennung-Intensivbett" (decision 0155);
        // 0 and 1 under an id header may be ids
        if (s.share(s.booleans) >= 0.95 && s.distinct() <= 2 && (!h.has(Hint.ID) && !h.has(Hint.CODE)
                || s.integer == 0 && !h.has(Hint.CODE))) {
            return of(ColumnClass.BOOLEAN, s.share(s.booleans));
        }
        if (numbers >= 0.95) {
            return numeric(h, s, numbers);
        }
        // DICOM UIDs of studies, series and instances identify one examination of one patient (and link to
        // its images), however often a table repeats them; the UIDs the standard defines (SOP classes, transfer
        // syntaxes: 1.2.840.10008.…) are codes.
        if (s.share(s.uid) >= 0.9) {
            return of(ColumnClass.IDENTIFIER, s.share(s.uid));
        }
        if (s.share(s.standardUid) >= 0.9) {
            return of(ColumnClass.CODE, s.share(s.standardUid));
        }
        if (h.has(Hint.CODE) && s.share(s.codeLike) >= 0.8) {
            return of(ColumnClass.CODE, s.share(s.codeLike));
        }
        double codes = s.share(Math.max(s.icd10, s.loinc));
        if (codes >= 0.9) {
            return of(ColumnClass.CODE, codes);
        }
        // Names with a number appended to make them unique (Synthea's "Name123"): shaped like ids, but their
        // letters are names of the name list. A header naming a name part or a person needs fewer of them.
        double numberedNames = s.share(s.numberedNameHit);
        if (s.share(s.numberedName) >= 0.8 && (numberedNames >= 0.8 && !categorical(s)
                || numberedNames >= 0.5 && (h.has(Hint.NAME_PART) || h.has(Hint.PERSON_ROLE)))) {
            return of(ColumnClass.PERSON_NAME, numberedNames);
        }
        double ids = s.share(s.alnumId);
        if (ids >= 0.9 && s.averageWords() < 1.2) {
            if (h.has(Hint.ID) || h.has(Hint.PERSON_ROLE) || unique(s)) {
                return of(ColumnClass.IDENTIFIER, ids);
            }
            if (s.share(s.codeLike) >= 0.9 && categorical(s)) {
                return of(ColumnClass.CODE, s.share(s.codeLike));
            }
            return of(ColumnClass.IDENTIFIER, ids * 0.8);
        }
        double street = s.share(s.street);
        if (street >= 0.6 || h.has(Hint.ADDRESS) && s.share(s.hasDigitAndLetter) >= 0.6) {
            return of(ColumnClass.ADDRESS, Math.max(street, s.share(s.hasDigitAndLetter)));
        }
        // A street without its number (Dutch and Scandinavian exports put the house number in a column of its own):
        // under a street or address header, capitalised words that do not repeat like a category.
        if (s.share(s.capitalizedWords) >= 0.8 && !categorical(s) && !h.has(Hint.KIND)
                && h.namesStreet()) {
            return of(ColumnClass.ADDRESS, s.share(s.capitalizedWords));
        }
        if (h.has(Hint.PLACE) && s.share(s.capitalizedWords) >= 0.8) {
            return of(ColumnClass.PLACE, s.share(s.capitalizedWords));
        }
        // A village's address beside a town's under one header ("Village/Road": "Vill- Char Kukri", "House 12, Road 5,
        // Dhanmondi"): capitalised words and addresses with a number together, not repeating like a category (decision
        // 0247)
        if ((h.has(Hint.PLACE) || h.has(Hint.ADDRESS)) && !categorical(s)
                && s.share(s.capitalizedWords) + s.share(s.hasDigitAndLetter) >= 0.8) {
            return of(ColumnClass.ADDRESS, s.share(s.capitalizedWords) + s.share(s.hasDigitAndLetter));
        }
        // A ward as Kenya's and other counties' administrations divide them ("Laini Saba", "Nyalenda B"), not a
        // hospital's ward ("Female Surgical", "Maternity", "Ward 7A": a ward's words or a number, kept): a header of
        // that word alone over capitalised words, most of which name no hospital's ward (decision 0245)
        if (h.words().equals(List.of("ward")) && s.share(s.capitalizedWords) >= 0.8
                && s.share(s.notHospitalWards) >= 0.6) {
            return of(ColumnClass.PLACE, s.share(s.notHospitalWards));
        }
        // "QUACKENBOSS, PERPETUA (MRN 00458812)" under a person's header: an EHR's patient list, its patients' names with
        // their numbers, was free text to scrub, where a name no list holds stayed (decision 0180)
        if (h.has(Hint.PERSON_ROLE) && s.share(s.namedWithId) >= 0.8) {
            return of(ColumnClass.PERSON_NAME, s.share(s.namedWithId));
        }
        // "Thaddeus’s Apple Watch" among a wearable export's sources: a few distinct values, kept as categories before,
        // each naming its owner; scrubbed as text, the owner goes and the device stays (decision 0238)
        if (s.share(s.ownedDevice) >= 0.05) {
            return of(ColumnClass.FREE_TEXT, s.share(s.ownedDevice));
        }
        // "Toledo Running" as a sports watch titles a workout: repeated over a runner's year like a category, each naming
        // the town it began in (decision 0239)
        if (s.share(s.activityPlace) >= 0.05) {
            return of(ColumnClass.FREE_TEXT, s.share(s.activityPlace));
        }
        double nameLike = s.share(s.nameLike);
        double nameHit = s.share(s.nameHit);
        double titled = s.share(s.titled);
        // A column of name particles under a name header (the Dutch tussenvoegsel "van den") is a part of the surname.
        if (h.has(Hint.NAME_PART) && nameLike < 0.8 && s.share(s.nameLike + s.particleOnly) >= 0.8) {
            return of(ColumnClass.PERSON_NAME, s.share(s.nameLike + s.particleOnly));
        }
        // Short upper-case codes under a header of a kind or a language (an encounter type "IP", "AV", "ED"; a preferred
        // language "ENG") are categories even where a code is also a given name ("Ed", "Eng"); initials have no such header.
        if (h.has(Hint.KIND) && !h.has(Hint.NAME_PART) && s.share(s.codeLike) >= 0.99 && s.averageLength() <= 3) {
            return of(ColumnClass.CATEGORICAL, s.share(s.codeLike));
        }
        if (nameLike >= 0.8) {
            if (h.has(Hint.NAME_PART)) {
                return of(ColumnClass.PERSON_NAME, nameLike);
            }
            // a FileMan export's SEX of MALE and FEMALE, three rows of them, is no name: "Male" is a surname too (0181)
            if (titled >= 0.5 || nameHit >= 0.6 && (h.has(Hint.PERSON_ROLE) || !categorical(s) && !h.namesDemographic())) {
                return of(ColumnClass.PERSON_NAME, Math.max(titled, nameHit));
            }
            if (h.has(Hint.PERSON_ROLE) && nameHit >= 0.2) {
                return of(ColumnClass.PERSON_NAME, nameHit);
            }
            // "SURNAME, GIVEN" under a name header, however few distinct: a claims extract's one rendering provider,
            // names the name list does not hold (decision 0173)
            if (h.has(Hint.PERSON_ROLE) && s.share(s.inverted) >= 0.8) {
                return of(ColumnClass.PERSON_NAME, s.share(s.inverted));
            }
            // FAMILY^GIVEN, as DICOM writes a person, under a name header: a PACS list's one performing physician, a name
            // the name list does not hold (decision 0232)
            if (h.has(Hint.PERSON_ROLE) && s.share(s.dicomName) >= 0.8) {
                return of(ColumnClass.PERSON_NAME, s.share(s.dicomName));
            }
        }
        // A person's id under a header that says so (i2b2's provider_id "LCS-I2B2:D000109064"), repeated over the rows
        // like a category because a few staff made many facts: still the person's id, to pseudonymize and join on
        // (decision 0120).
        if (h.has(Hint.ID) && h.has(Hint.PERSON_ROLE) && !h.has(Hint.CODE) && !h.has(Hint.KIND)
                && s.share(s.hasDigit) >= 0.9 && s.averageWords() < 1.2) {
            return of(ColumnClass.IDENTIFIER, s.share(s.hasDigit));
        }
        if (s.share(s.codeLike) >= 0.9 && s.share(s.hasDigit) >= 0.5 && (h.has(Hint.CODE) || categorical(s))) {
            return of(ColumnClass.CODE, s.share(s.codeLike));
        }
        // A category with a sentence among its values (i2b2's tval_char: "E" for most facts, a note for a few) is not
        // kept on its categories' word: it is scrubbed as text, which leaves the short codes as they are (decision 0120).
        if (categorical(s) && (!h.has(Hint.TEXT) || h.has(Hint.KIND)) && s.sentence == 0) {
            return of(ColumnClass.CATEGORICAL, 1 - s.distinctRatio());
        }
        // A register's number with its prefix under an id's header ("BHT 24/1187": a Sri Lankan bed head ticket, "NHIS
        // 60123456"; decision 0247): letters and four digits or more, each value its own; not "Visit 1"
        if (h.has(Hint.ID) && !h.has(Hint.CODE) && !h.has(Hint.KIND) && !h.has(Hint.TEXT)
                && s.share(s.prefixedNumber) >= 0.9 && (unique(s) || s.values() >= 2 && s.distinct() == s.values())) {
            return of(ColumnClass.IDENTIFIER, s.share(s.prefixedNumber));
        }
        if (h.has(Hint.TEXT) && !h.has(Hint.KIND) || s.averageWords() >= 4 || s.averageLength() >= 40) {
            return of(ColumnClass.FREE_TEXT, Math.min(1, s.averageWords() / 4));
        }
        if (h.has(Hint.ID) && s.averageWords() < 1.2) {
            return of(ColumnClass.IDENTIFIER, 0.6);
        }
        return of(ColumnClass.UNKNOWN, 0.5);
    }

    private static Decision numeric(HeaderHints h, ValueStats s, double numbers) {
        boolean integers = s.share(s.integer) >= 0.95;
        if (h.has(Hint.CODE)) {
            return of(ColumnClass.CODE, numbers);
        }
        if (h.has(Hint.MEASURE)) {
            return of(ColumnClass.NUMBER, numbers);
        }
        // A position in a sequence (MIMIC-IV's seq_num of diagnoses, 1 for the principal one): a small ordinal, though
        // its header says "num" (decision 0110).
        if (integers && s.integerLengthMax <= 3 && sequenceHeader(h)) {
            return of(ColumnClass.NUMBER, numbers);
        }
        if (integers && (h.has(Hint.ID) || h.has(Hint.PERSON_ROLE))) {
            return of(ColumnClass.IDENTIFIER, numbers);
        }
        // Ids exported as Oracle NUMBERs (Cerner's EVENT_ID 771000101.00, PERFORMED_PRSNL_ID 9001234.00) or by pandas as
        // floats: whole numbers with a fraction of zeros under an id's or a person's header are ids (decision 0120).
        if (s.zeroFraction > 0 && s.share(s.integer + s.zeroFraction) >= 0.95
                && (h.has(Hint.ID) || h.has(Hint.PERSON_ROLE))) {
            return of(ColumnClass.IDENTIFIER, s.share(s.integer + s.zeroFraction));
        }
        // Card and account numbers: integers of sixteen digits or more that do not repeat like a code (a Swiss insurance
        // card's 80756000010001234567, twenty digits): no quantity is counted so (decision 0179). A code list of such
        // numbers (SNOMED CT's national extensions) repeats, or says it is one in its header.
        if (integers && s.integerLengthMin >= 16 && !categorical(s)) {
            return of(ColumnClass.IDENTIFIER, numbers);
        }
        // Record numbers: integers of one fixed length of six or more digits, nearly all different.
        if (integers && s.integerLengthMin >= 6 && s.integerLengthMin == s.integerLengthMax && unique(s)) {
            return of(ColumnClass.IDENTIFIER, s.distinctRatio());
        }
        // Register numbers zero-padded to one fixed width of eight or more digits (SAP IS-H's PATNR 0000412233, FALNR
        // 0010077001), repeated or not: a quantity is never written with leading zeros, and a code list of such
        // numbers repeats like a category (decision 0114).
        if (integers && s.integerLengthMin >= 8 && s.integerLengthMin == s.integerLengthMax
                && s.share(s.leadingZero) >= 0.5 && !categorical(s)) {
            return of(ColumnClass.IDENTIFIER, s.share(s.leadingZero));
        }
        // Integers of five or more digits that repeat a lot are codes (SNOMED CT, RxNorm, concept ids).
        if (integers && s.integerLengthMin >= 5 && categorical(s)) {
            return of(ColumnClass.CODE, numbers);
        }
        return of(ColumnClass.NUMBER, numbers);
    }

    /**
     * Why a file's first line is a row of data and not its column names (decision 0138), or null when it reads as a
     * header: at least one of its cells is itself a value of the kind its column holds by its values, a date in a column
     * of dates, an e-mail address in a column of them, a telephone number, a UUID, or a national number by its check
     * digits (or shaped like an SSN) in a column of identifiers. A header names its columns; it never holds such a
     * value, whatever its language ({@code Column7}, {@code VAR0012}, {@code Tgl Lahir} are none). A file whose first
     * line is data cannot be cleaned as a table (its first patient would be copied as column names into the output and
     * the report), so the caller withholds it with this reason. The reason names columns by number and kind, never a
     * value.
     *
     * @param header the first line's cells, as the reader took them for the header
     * @param classes each column's classification from its values (null where the column was not analysed)
     */
    public static String firstRowAsData(java.util.List<String> header, Classification[] classes, NameDictionary names,
            NationalNumberCheck numbers) {
        StringBuilder why = new StringBuilder();
        for (int c = 0; c < header.size() && c < classes.length; c++) {
            if (classes[c] == null) {
                continue;
            }
            ValueStats cell = new ValueStats(names, numbers);
            cell.add(header.get(c));
            String kind = valueOf(cell, classes[c].columnClass());
            if (kind != null) {
                why.append(why.length() == 0 ? "" : ", ").append("column ").append(c + 1).append(" holds ")
                        .append(kind);
            }
        }
        return why.length() == 0 ? null : "the first line reads as a row of data, not as column names (" + why
                + " where a header would name the column); the file is not cleaned as a table without its header";
    }

    /** What kind of value a header cell alone is, where it is the kind its column holds; else null. */
    private static String valueOf(ValueStats cell, ColumnClass column) {
        if (cell.values() != 1) {
            return null;
        }
        if (column.isDate() && cell.dates() == 1) {
            return "a date";
        }
        if (column == ColumnClass.EMAIL && cell.email == 1) {
            return "an e-mail address";
        }
        if (column == ColumnClass.PHONE && cell.phone == 1) {
            return "a telephone number";
        }
        if ((column == ColumnClass.IDENTIFIER || column == ColumnClass.NATIONAL_ID)
                && (cell.checkedNumber == 1 || cell.ssn == 1 || cell.uuid == 1)) {
            return "an identifier";
        }
        return null;
    }

    /** Nearly every value different, on a sample large enough to say so. */
    private static boolean unique(ValueStats s) {
        return s.values() >= MIN_FOR_CARDINALITY && s.distinctRatio() >= 0.9;
    }

    /**
     * Few distinct values, each repeated: a category, a unit, a status. A small table (a list of
     * providers, of sites) is judged on what it has: at least five values, at most a third distinct.
     */
    private static boolean categorical(ValueStats s) {
        if (s.values() >= MIN_FOR_CARDINALITY) {
            return s.distinct() <= Math.max(2, Math.min(100, s.values() / 5));
        }
        return s.values() >= 5 && s.distinct() * 3 <= s.values();
    }
}
