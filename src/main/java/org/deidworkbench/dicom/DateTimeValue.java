package org.deidworkbench.dicom;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DA, TM or DT value with its precision, so partial values (a DT of only a year, a TM without
 * seconds) and UTC offsets survive a parse/{@link #toDicomString()} round trip; {@link #toString()}
 * never shows the value. Also accepts the ACR-NEMA forms
 * {@code YYYY.MM.DD} and {@code HH:MM:SS}, which are written back in the standard form.
 *
 * @param kind which VR the value came from
 * @param year year (DA, DT), 0 for TM
 * @param month 1..12, or 0 when beyond the precision
 * @param day 1..31, or 0 when beyond the precision
 * @param hour 0..23
 * @param minute 0..59
 * @param second 0..60 (leap second)
 * @param fraction fraction of a second as written, e.g. {@code "25"} for .25; empty when absent
 * @param precision the last field present
 * @param offset the UTC offset of a DT ({@code &ZZXX}), or null
 */
public record DateTimeValue(Kind kind, int year, int month, int day, int hour, int minute, int second,
        String fraction, Precision precision, ZoneOffset offset) {

    /** Which VR. */
    public enum Kind { DATE, TIME, DATE_TIME }

    /** The last field present. */
    public enum Precision { YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, FRACTION }

    private static final Pattern DA = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DA_OLD = Pattern.compile("(\\d{4})\\.(\\d{2})\\.(\\d{2})");
    private static final Pattern TM = Pattern.compile("(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:\\.(\\d{1,6}))?)?)?");
    private static final Pattern TM_OLD = Pattern.compile("(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,6}))?)?");
    private static final Pattern DT = Pattern.compile(
            "(\\d{4})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:\\.(\\d{1,6}))?)?)?)?)?)?([+-]\\d{4})?");

    /** Validates the fields for the kind and precision. */
    public DateTimeValue {
        fraction = fraction == null ? "" : fraction;
        if (precision == Precision.FRACTION && fraction.isEmpty()) {
            throw new IllegalArgumentException("fraction precision needs fraction digits");
        }
        if (kind == Kind.DATE && precision != Precision.DAY) {
            throw new IllegalArgumentException("a DA value has year, month and day");
        }
        if (kind == Kind.TIME && precision.ordinal() < Precision.HOUR.ordinal()) {
            throw new IllegalArgumentException("a TM value starts with the hour");
        }
        if (kind != Kind.TIME) {
            if (precision.ordinal() >= Precision.DAY.ordinal()) {
                LocalDate.of(year, month, day);
            } else if (precision == Precision.MONTH && (month < 1 || month > 12)) {
                throw new IllegalArgumentException("month out of range");
            }
        }
        if (hour > 23 || minute > 59 || second > 60 || hour < 0 || minute < 0 || second < 0) {
            throw new IllegalArgumentException("time of day out of range");
        }
        if (kind != Kind.DATE_TIME && offset != null) {
            throw new IllegalArgumentException("only DT values have a UTC offset");
        }
    }

    /**
     * Parses a DA value ({@code YYYYMMDD}, or ACR-NEMA {@code YYYY.MM.DD}).
     *
     * @throws IllegalArgumentException when the text is not a valid date
     */
    public static DateTimeValue parseDate(String s) {
        String t = s.strip();
        Matcher m = DA.matcher(t);
        if (!m.matches()) {
            m = DA_OLD.matcher(t);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a DA value (YYYYMMDD)");
            }
        }
        return new DateTimeValue(Kind.DATE, num(m.group(1)), num(m.group(2)), num(m.group(3)), 0, 0, 0, "",
                Precision.DAY, null);
    }

    /**
     * Parses a TM value ({@code HH[MM[SS[.F{1,6}]]]}, or ACR-NEMA {@code HH:MM[:SS[.F]]}).
     *
     * @throws IllegalArgumentException when the text is not a valid time
     */
    public static DateTimeValue parseTime(String s) {
        String t = s.strip();
        Matcher m = TM.matcher(t);
        if (!m.matches()) {
            m = TM_OLD.matcher(t);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a TM value (HHMMSS.FFFFFF)");
            }
        }
        Precision p = m.group(4) != null ? Precision.FRACTION : m.group(3) != null ? Precision.SECOND
                : m.group(2) != null ? Precision.MINUTE : Precision.HOUR;
        return new DateTimeValue(Kind.TIME, 0, 0, 0, num(m.group(1)), num(m.group(2)), num(m.group(3)),
                m.group(4), p, null);
    }

    /**
     * Parses a DT value ({@code YYYY[MM[DD[HH[MM[SS[.F{1,6}]]]]]][&ZZXX]}).
     *
     * @throws IllegalArgumentException when the text is not a valid date time
     */
    public static DateTimeValue parseDateTime(String s) {
        Matcher m = DT.matcher(s.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a DT value (YYYYMMDDHHMMSS.FFFFFF&ZZXX)");
        }
        Precision p = Precision.YEAR;
        for (int g = 2; g <= 7; g++) {
            if (m.group(g) != null) {
                p = Precision.values()[g - 1];
            }
        }
        ZoneOffset off = null;
        if (m.group(8) != null) {
            String z = m.group(8);
            int h = num(z.substring(1, 3));
            int mi = num(z.substring(3, 5));
            int sign = z.charAt(0) == '-' ? -1 : 1;
            off = ZoneOffset.ofHoursMinutes(sign * h, sign * mi);
        }
        return new DateTimeValue(Kind.DATE_TIME, num(m.group(1)), num(m.group(2)), num(m.group(3)), num(m.group(4)),
                num(m.group(5)), num(m.group(6)), m.group(7), p, off);
    }

    private static int num(String s) {
        return s == null ? 0 : Integer.parseInt(s);
    }

    /** The date when the value has at least day precision (DA, DT). */
    public Optional<LocalDate> toLocalDate() {
        if (kind == Kind.TIME || precision.ordinal() < Precision.DAY.ordinal()) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(year, month, day));
    }

    /** The time of day (missing fields are zero); empty for DA and for DT values without an hour. */
    public Optional<LocalTime> toLocalTime() {
        if (kind == Kind.DATE || precision.ordinal() < Precision.HOUR.ordinal()) {
            return Optional.empty();
        }
        String f = (fraction + "000000").substring(0, 6);
        return Optional.of(LocalTime.of(hour, minute, Math.min(second, 59), Integer.parseInt(f) * 1000));
    }

    /** The date and time of a DT value with at least day precision. */
    public Optional<LocalDateTime> toLocalDateTime() {
        return toLocalDate().map(d -> d.atTime(toLocalTime().orElse(LocalTime.MIDNIGHT)));
    }

    /** Kind and precision only, so a logged date never leaks. */
    @Override
    public String toString() {
        return "DateTimeValue[" + kind + ", " + precision + (offset != null ? ", with offset" : "") + "]";
    }

    /** The standard DICOM text for this value's kind and precision. */
    public String toDicomString() {
        StringBuilder b = new StringBuilder();
        int p = precision.ordinal();
        if (kind != Kind.TIME) {
            b.append(String.format("%04d", year));
            if (p >= Precision.MONTH.ordinal()) {
                b.append(String.format("%02d", month));
            }
            if (p >= Precision.DAY.ordinal()) {
                b.append(String.format("%02d", day));
            }
        }
        if (kind != Kind.DATE) {
            if (p >= Precision.HOUR.ordinal()) {
                b.append(String.format("%02d", hour));
            }
            if (p >= Precision.MINUTE.ordinal()) {
                b.append(String.format("%02d", minute));
            }
            if (p >= Precision.SECOND.ordinal()) {
                b.append(String.format("%02d", second));
            }
            if (p >= Precision.FRACTION.ordinal()) {
                b.append('.').append(fraction);
            }
        }
        if (offset != null) {
            int total = offset.getTotalSeconds() / 60;
            b.append(total < 0 ? '-' : '+').append(String.format("%02d%02d", Math.abs(total) / 60, Math.abs(total) % 60));
        }
        return b.toString();
    }
}
