package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.InstantType;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainDates} says a date is held as written only where HAPI's own {@code date}, {@code
 * dateTime} and {@code instant} types read it and print it back unchanged: compared with HAPI over
 * every day of 1582–1602 and 1896–2104, and over random valid, nearly valid and invalid strings
 * (precisions, fractions, offsets, leap days and seconds, years before the Gregorian calendar,
 * garbage), under several default time zones. It must also answer for the forms real data has.
 */
class PlainDatesTest {

    private static final String[] TYPES = {"date", "dateTime", "instant"};
    private static final List<Supplier<BaseDateTimeType>> HAPI = List.of(DateType::new, DateTimeType::new,
            InstantType::new);

    /** Whether HAPI's type reads {@code s} and prints it back as it was written. */
    private static boolean hapiHolds(int type, String s) {
        try {
            BaseDateTimeType t = HAPI.get(type).get();
            t.setValueAsString(s);
            return s.equals(t.getValueAsString());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Checks every string against HAPI for each type; returns how many were accepted by PlainDates. */
    private static int compare(List<String> values) {
        int accepted = 0;
        for (String s : values) {
            for (int k = 0; k < TYPES.length; k++) {
                if (PlainDates.heldAsWritten(TYPES[k], s)) {
                    accepted++;
                    assertTrue(hapiHolds(k, s), TYPES[k] + " accepted here but not held as written by HAPI: " + s);
                }
            }
        }
        return accepted;
    }

    private static String pad(int v, int width) {
        StringBuilder b = new StringBuilder(Integer.toString(v));
        while (b.length() < width) {
            b.insert(0, '0');
        }
        return b.toString();
    }

    @Test
    void everyDayOfTwoCenturiesAgreesWithHapi() {
        List<String> values = new ArrayList<>();
        for (int[] range : new int[][] {{1582, 1602}, {1896, 2104}}) {
            for (int y = range[0]; y <= range[1]; y++) {
                values.add(pad(y, 4));
                for (int m = 0; m <= 13; m++) {
                    values.add(pad(y, 4) + "-" + pad(m, 2));
                    for (int d = 0; d <= 32; d++) {
                        values.add(pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2));
                    }
                }
            }
        }
        int accepted = compare(values);
        // every real day of 1600-1602 and 1896-2104, with its month and year, for date and dateTime
        int days = 0;
        for (int y : new int[] {1600, 1601, 1602}) {
            days += java.time.Year.of(y).length() + 12 + 1;
        }
        for (int y = 1896; y <= 2104; y++) {
            days += java.time.Year.of(y).length() + 12 + 1;
        }
        assertTrue(accepted == 2 * days, "accepted " + accepted + " of " + 2 * days);
    }

    @Test
    void randomStringsAgreeWithHapiInSeveralTimeZones() {
        TimeZone before = TimeZone.getDefault();
        try {
            for (String zone : new String[] {"UTC", "America/Sao_Paulo", "Europe/Berlin", "Pacific/Kiritimati",
                    "America/St_Johns"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                Random random = new Random(zone.hashCode());
                List<String> values = new ArrayList<>();
                for (int i = 0; i < 40_000; i++) {
                    values.add(random(random));
                }
                int accepted = compare(values);
                assertTrue(accepted > 5_000, zone + ": only " + accepted + " accepted");
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void theFormsOfRealExportsAreAnsweredWithoutHapi() {
        for (String s : List.of("2019-03-14T09:25:41-04:00", "2019-03-14T09:25:41.123+05:30", "2019-03-14T09:25:41Z",
                "2019-03-14T09:25:41.123456Z")) {
            assertTrue(PlainDates.heldAsWritten("dateTime", s), s);
            assertTrue(PlainDates.heldAsWritten("instant", s), s);
            assertFalse(PlainDates.heldAsWritten("date", s), s);
        }
        for (String s : List.of("1987-02-28", "2000-02-29", "1987-02", "1987")) {
            assertTrue(PlainDates.heldAsWritten("date", s), s);
            assertTrue(PlainDates.heldAsWritten("dateTime", s), s);
            assertFalse(PlainDates.heldAsWritten("instant", s), s);
        }
        // left to HAPI: a leap second, a short fraction, -00:00, a time without offset, other types
        for (String s : List.of("2016-12-31T23:59:60Z", "2019-03-14T09:25:41.1Z", "2019-03-14T09:25:41-00:00",
                "2019-03-14T09:25:41", "1900-02-29")) {
            assertFalse(PlainDates.heldAsWritten("dateTime", s), s);
        }
        assertFalse(PlainDates.heldAsWritten("string", "2019"));
        assertFalse(PlainDates.heldAsWritten("time", "09:25:41"));
    }

    private static final String[] YEARS = {"0000", "0001", "1581", "1582", "1583", "1599", "1600", "1700", "1900", "1969",
        "1970", "2000", "2016", "2024", "2100", "9999", "+199", "-199", " 199", "20a0", "١٩٧٠"};
    private static final String[] ZONES = {"Z", "z", "+00:00", "-00:00", "+14:00", "-14:00", "+14:01", "+15:00", "-12:00",
        "+05:30", "+05:45", "+23:59", "+24:00", "+0530", "+05:3", "05:30", "", "Z ", "+05:30Z", "-03:60", "-03:59"};

    private static String random(Random r) {
        StringBuilder b = new StringBuilder();
        b.append(r.nextInt(3) == 0 ? YEARS[r.nextInt(YEARS.length)] : pad(1550 + r.nextInt(600), 4));
        int precision = r.nextInt(6);
        if (precision >= 1) {
            b.append('-').append(pad(r.nextInt(14), 2));
        }
        if (precision >= 2) {
            b.append('-').append(pad(r.nextInt(10) == 0 ? r.nextInt(33) : 28 + r.nextInt(4), 2));
        }
        if (precision >= 3) {
            b.append('T').append(pad(r.nextInt(26), 2)).append(':').append(pad(r.nextInt(61), 2));
            if (precision >= 4 || r.nextBoolean()) {
                b.append(':').append(pad(r.nextInt(8) == 0 ? 55 + r.nextInt(7) : r.nextInt(60), 2));
            }
            if (precision >= 5) {
                b.append('.');
                int digits = r.nextInt(11);
                for (int i = 0; i < digits; i++) {
                    b.append((char) ('0' + r.nextInt(10)));
                }
            }
            if (r.nextInt(6) != 0) {
                b.append(ZONES[r.nextInt(ZONES.length)]);
            }
        }
        if (r.nextInt(5) == 0) {
            // one slip: a character changed, dropped or added
            int at = r.nextInt(b.length() + 1);
            String junk = "0912-:+TZ. a";
            switch (r.nextInt(3)) {
                case 0 -> {
                    if (at < b.length()) {
                        b.setCharAt(at, junk.charAt(r.nextInt(junk.length())));
                    }
                }
                case 1 -> {
                    if (at < b.length()) {
                        b.deleteCharAt(at);
                    }
                }
                default -> b.insert(at, junk.charAt(r.nextInt(junk.length())));
            }
        }
        return b.toString();
    }
}
