package org.deidworkbench.deid.method;

import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deidworkbench.deid.AgesInCodes;
import org.deidworkbench.deid.DateValues;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.Subject;
import org.deidworkbench.deid.UnprocessableValueException;
import org.deidworkbench.model.Generalization;

/**
 * {@code generalize}: coarsens a value per HIPAA Safe Harbor — dates to years, ages to five-year
 * bands with everything over 89 as {@code 90+}, birth dates to years with those over 89 years
 * before the reference year aggregated, and ZIP codes to three digits ({@code 000} for the
 * three-digit areas with 20,000 people or fewer). {@code birth-date} keeps a birth date shifted as {@code shift-date}
 * would, but aggregates it as {@code birth-year} does for those who may be over 89 (decision 0105). {@code code} keeps a
 * code but writes an age over 89 in it as {@code 90+} (decision 0124).
 *
 * <p>A date's year is the year of the date <em>shifted</em> by its subject's offset (the run's offset for records of
 * no subject), the year {@code shift-date} would write (decision 0091): the original year next to the same subject's
 * shifted dates in another file or format would tell how far that subject's dates were moved. A birth year is
 * aggregated when the original or the shifted year lies 90 or more years back, so no one over 89 is shown by year.
 */
public final class GeneralizeMethod implements DeidMethod {

    /**
     * Three-digit ZIP areas with 20,000 or fewer inhabitants (2000 census, as listed in the HHS
     * guidance on Safe Harbor); they must become {@code 000}.
     */
    static final Set<String> RESTRICTED_ZIP3 = Set.of("036", "059", "063", "102", "203", "556", "692", "790", "821",
            "823", "830", "831", "878", "879", "884", "890", "893");

    /** ZIP or ZIP+4, the latter with or without its dash. */
    private static final Pattern ZIP = Pattern.compile("(\\d{5})(?:-?\\d{4})?");
    private static final Pattern FOUR_DIGIT_POSTCODE = Pattern.compile("(\\d{2})\\d{2}(?: ?[A-Za-z]{2})?");
    /**
     * A Polish postcode ({@code 00-360}), a Portuguese one ({@code 1000-001}) or a Brazilian CEP ({@code 01310-100}): its
     * first two digits (decisions 0119, 0125).
     */
    private static final Pattern DASHED_POSTCODE = Pattern.compile("(\\d{2})(?:\\d{2,3})?-\\d{3}");
    /**
     * An Indian PIN code ({@code 560001}, never from 0): its first three digits, the sorting district (decision 0125).
     */
    private static final Pattern SIX_DIGIT_POSTCODE = Pattern.compile("([1-9]\\d{2})\\d{3}");
    /**
     * A Japanese postcode ({@code 〒100-0001}, {@code 100-0001}, {@code 1000001}): its first two digits, as the other
     * postcodes whose first two digits name a hundredth of the country (decision 0135).
     */
    private static final Pattern JAPANESE_POSTCODE = Pattern.compile("(?:〒\\s?)?(\\d{2})\\d-?\\d{4}");
    /**
     * A Canadian postal code ({@code K1A 0B1}): its first letter, the postal district (a province, or a part of Ontario or
     * Quebec). The forward sortation area ({@code K1A}) has a median of about 20,000 people, so it is not kept
     * (decision 0135).
     */
    private static final Pattern CANADIAN_POSTCODE = Pattern.compile(
            "([ABCEGHJ-NPRSTVXYabceghj-nprstvxy])\\d[A-Za-z] ?\\d[A-Za-z]\\d");
    /**
     * A UK postcode, in capitals or not, with or without the space: its area (the one or two letters before the first
     * digit, {@code OX} of {@code OX4 1HP}), then the rest of the outward code and the inward code.
     */
    private static final Pattern UK_POSTCODE = Pattern.compile("([A-Za-z]{1,2})\\d[A-Za-z\\d]? ?\\d[A-Za-z]{2}");
    /** Mean length of a Gregorian year, to turn DICOM ages in weeks and days into years. */
    private static final double DAYS_PER_YEAR = 365.2425;
    /** Plain years, or DICOM AS ({@code 045Y}, {@code 006M}, {@code 003W}, {@code 010D}), or {@code 45 y}. */
    private static final Pattern AGE = Pattern.compile("(\\d{1,3})(?:\\s*([YyMmWwDd])[A-Za-z]*)?");

    private final Generalization kind;
    private final int referenceYear;
    private final int noSubjectOffset;
    private final boolean slashDayFirst;
    private final BiConsumer<Subject, String> witness;

    /**
     * @param kind what to coarsen to
     * @param referenceYear the year ages are counted to for {@code birth-year} (the run's year)
     * @param noSubjectOffset the date offset of records that belong to no subject, as {@code shift-date}'s
     */
    public GeneralizeMethod(Generalization kind, int referenceYear, int noSubjectOffset) {
        this(kind, referenceYear, noSubjectOffset, false, null);
    }

    /**
     * @param kind what to coarsen to
     * @param referenceYear the year ages are counted to for {@code birth-year} and {@code birth-date} (the run's year)
     * @param noSubjectOffset the date offset of records that belong to no subject, as {@code shift-date}'s
     * @param slashDayFirst read slash dates day first, as {@code shift-date} does for the column
     * @param witness for {@code birth-date}: told of every shifted date written in a subject's record, as
     *     {@code shift-date}'s witness is (decision 0029); or null
     */
    public GeneralizeMethod(Generalization kind, int referenceYear, int noSubjectOffset, boolean slashDayFirst,
            BiConsumer<Subject, String> witness) {
        this.kind = kind;
        this.referenceYear = referenceYear;
        this.noSubjectOffset = noSubjectOffset;
        this.slashDayFirst = slashDayFirst;
        this.witness = witness;
    }

    @Override
    public String apply(String value, FieldContext context) throws UnprocessableValueException {
        String v = value.strip();
        return switch (kind) {
            case YEAR -> Integer.toString(DateValues.shiftedYear(v, days(context), slashDayFirst));
            case BIRTH_YEAR -> birthYear(DateValues.shiftedYear(v, 0, referenceYear, slashDayFirst),
                    DateValues.shiftedYear(v, days(context), referenceYear, slashDayFirst));
            case BIRTH_DATE -> birthDate(value, context);
            case AGE_BAND -> ageBand(v);
            case ZIP3 -> zip3(v);
            case CODE -> AgesInCodes.group(value);
            case UDI -> deviceIdentifier(v);
        };
    }

    /** GS1's application identifiers in a human-readable UDI: {@code (01)} and the value up to the next one. */
    private static final Pattern GS1_ELEMENT = Pattern.compile("\\((\\d{2,4})\\)([^()]+)");

    /**
     * A GS1 UDI's device identifier, {@code (01)} and its fourteen-digit GTIN, alone (decision 0236); a value that is no
     * sequence of GS1 elements with one GTIN (HIBCC's {@code +H123…}, an element string without parentheses, whose
     * variable-length fields cannot be told apart) is no UDI this method can read, and is emptied.
     */
    private static String deviceIdentifier(String v) throws UnprocessableValueException {
        Matcher m = GS1_ELEMENT.matcher(v);
        String gtin = null;
        int at = 0;
        while (at < v.length() && m.find(at) && m.start() == at) {
            if (m.group(1).equals("01") && m.group(2).strip().length() == 14
                    && m.group(2).strip().chars().allMatch(c -> c >= '0' && c <= '9')) {
                gtin = m.group(2).strip();
            }
            at = m.end();
        }
        if (gtin == null || at != v.length()) {
            throw new UnprocessableValueException("VALUE-NOT-A-UDI",
                    "value is no GS1 UDI in its human-readable form with a device identifier (01)");
        }
        return "(01)" + gtin;
    }

    /** Years are those of shifted dates, so they depend on the record's subject. */
    @Override
    public boolean dependsOnSubject(String value) {
        return kind == Generalization.YEAR || kind == Generalization.BIRTH_YEAR || kind == Generalization.BIRTH_DATE;
    }

    @Override
    public void reused(String value, String result, FieldContext context) {
        if (kind == Generalization.BIRTH_DATE && !DateValues.isYearAndMonth(value, slashDayFirst)) {
            attest(result, context); // a year and month gave a year (decision 0225), which apply does not attest either
        }
    }

    private int days(FieldContext context) {
        return context.subject() != null ? context.subject().dateOffsetDays() : noSubjectOffset;
    }

    /**
     * The birth date shifted as {@code shift-date} would write it, or the band marker of {@code birth-year} when the
     * original or the shifted year lies 90 or more years before the reference year (decision 0105).
     */
    private String birthDate(String value, FieldContext context) throws UnprocessableValueException {
        int days = days(context);
        int shiftedYear = DateValues.shiftedYear(value, days, referenceYear, slashDayFirst);
        int limit = referenceYear - 90;
        if (DateValues.shiftedYear(value, 0, referenceYear, slashDayFirst) <= limit || shiftedYear <= limit) {
            return "<=" + limit;
        }
        if (DateValues.isYearAndMonth(value, slashDayFirst)) {
            // a birth date without its day ("1944-03", SDTM's partial BRTHDTC) keeps its shifted year only: shifted from the
            // middle of its month, an offset under half a month would give the month of birth back (decision 0225)
            return Integer.toString(shiftedYear);
        }
        String shifted = DateValues.shift(value, days, slashDayFirst);
        attest(shifted, context);
        return shifted;
    }

    private void attest(String written, FieldContext context) {
        if (witness != null && context.subject() != null && written != null && !written.startsWith("<=")) {
            witness.accept(context.subject(), written);
        }
    }

    private String birthYear(int original, int shifted) {
        int limit = referenceYear - 90;
        return original <= limit || shifted <= limit ? "<=" + limit : Integer.toString(shifted);
    }

    private static String ageBand(String v) throws UnprocessableValueException {
        Matcher m = AGE.matcher(v);
        if (!m.matches()) {
            throw new UnprocessableValueException("VALUE-NOT-AN-AGE", "value is not an age");
        }
        int n = Integer.parseInt(m.group(1));
        String unit = m.group(2) == null ? "Y" : m.group(2).toUpperCase(Locale.ROOT);
        // Whole years completed: 072M is 6 years, 520W about 9.97 years.
        int years = switch (unit) {
            case "M" -> n / 12;
            case "W" -> (int) (n * 7 / DAYS_PER_YEAR);
            case "D" -> (int) (n / DAYS_PER_YEAR);
            default -> n;
        };
        if (years >= 90) {
            return "90+";
        }
        int low = years / 5 * 5;
        return low + "-" + (low + 4);
    }

    /**
     * A postal code coarsened as {@code kind: zip3} coarsens it (a ZIP's first three digits, {@code 000} for the small
     * areas; a UK postcode's area; a four-digit or dashed postcode's first two digits).
     *
     * @throws UnprocessableValueException when it is none of those
     */
    public static String zip3(String v) throws UnprocessableValueException {
        Matcher m = ZIP.matcher(v);
        if (!m.matches()) {
            // A UK postcode keeps its area (about 120 of them, each of hundreds of thousands of people): no table of
            // the districts' populations ships to tell which of the about 3,000 districts are as large as a ZIP3 area.
            Matcher uk = UK_POSTCODE.matcher(v);
            if (uk.matches()) {
                return uk.group(1).toUpperCase(Locale.ROOT);
            }
            // Four-digit postcodes (Austria, Switzerland, Belgium, Denmark, Norway, Australia; the Netherlands' with its
            // two letters; a US ZIP that lost its leading zero in a spreadsheet) keep their first two digits, a region
            // of about a hundredth of the country (decision 0118); they used to be emptied.
            Matcher four = FOUR_DIGIT_POSTCODE.matcher(v);
            if (four.matches()) {
                return four.group(1);
            }
            // Polish (00-360: the first two digits are one of about 100 postal districts) and Portuguese (1000-001: the
            // first two of the four-digit area) postcodes keep as much, like the four-digit ones (decision 0119).
            Matcher dashed = DASHED_POSTCODE.matcher(v);
            if (dashed.matches()) {
                return dashed.group(1);
            }
            Matcher six = SIX_DIGIT_POSTCODE.matcher(v);
            if (six.matches()) {
                return six.group(1);
            }
            Matcher japanese = JAPANESE_POSTCODE.matcher(v);
            if (japanese.matches()) {
                return japanese.group(1);
            }
            Matcher canadian = CANADIAN_POSTCODE.matcher(v);
            if (canadian.matches()) {
                return canadian.group(1).toUpperCase(Locale.ROOT);
            }
            String strip = v.strip();
            if (strip.length() == 3 && strip.chars().allMatch(c -> c >= '0' && c <= '9')) {
                // a ZIP's first three digits already (HCUP's ZIP3, a data warehouse's zip3): kept, 000 for the small
                // areas as a whole ZIP's are (decision 0229); it was emptied as no postcode
                return RESTRICTED_ZIP3.contains(strip) ? "000" : strip;
            }
            throw new UnprocessableValueException("VALUE-NOT-A-ZIP",
                    "value is no postcode of a shape this method knows (US, UK, Canadian, Japanese, four-digit, dashed,"
                            + " Indian)");
        }
        String three = m.group(1).substring(0, 3);
        return RESTRICTED_ZIP3.contains(three) ? "000" : three;
    }
}
