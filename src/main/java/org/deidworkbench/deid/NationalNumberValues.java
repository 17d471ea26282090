package org.deidworkbench.deid;

import org.deidworkbench.deid.classify.NationalNumberCheck;

/**
 * Whether a whole value is one national, insurance or health number by its check digits, for the classifier to take a
 * column of them for national numbers whatever its header (decision 0138). It asks what the scrubber asks of a text,
 * with the same code: the finders of {@link NationalNumbers} (CPF, CNS, TC Kimlik No, Aadhaar), {@link
 * LatinAmericanNumbers} (CURP, RFC, IMSS, RUT, CUIL) and {@link HealthNumbers} (IHI, Medicare, NHI, Canadian health
 * numbers, SIN), each finding taken only where it spans the whole value and names a number (not a postcode or a
 * phone); then {@link CheckDigits} for the numbers those finders look for only beside their script or label (SNILS,
 * OMS, AMKA, AFM, NHS number, Thai ID, Korean RRN, Japanese My Number, Chinese resident number). Stateless and
 * thread-safe; a few pattern scans of one short value.
 */
public final class NationalNumberValues implements NationalNumberCheck {

    /** The one instance. */
    public static final NationalNumberValues INSTANCE = new NationalNumberValues();

    private NationalNumberValues() {
    }

    @Override
    public boolean passes(String value) {
        String v = value.strip();
        int n = v.length();
        if (n < 7 || n > 24) {
            return false;
        }
        for (NationalNumbers.Found f : NationalNumbers.find(v)) {
            if (f.start() == 0 && f.end() == n && f.replacement().equals("[ID]")) {
                return true;
            }
        }
        for (LatinAmericanNumbers.Found f : LatinAmericanNumbers.find(v)) {
            if (f.start() == 0 && f.end() == n && f.replacement().equals("[ID]")) {
                return true;
            }
        }
        for (HealthNumbers.Found f : HealthNumbers.find(v)) {
            if (f.start() == 0 && f.end() == n && f.kind() == HealthNumbers.Kind.NUMBER) {
                return true;
            }
        }
        if (v.length() == 18 && CheckDigits.chineseResidentNumber(v)) {
            return true;
        }
        String d = groupedDigits(v);
        if (d == null) {
            return false;
        }
        return switch (d.length()) {
            case 9 -> CheckDigits.afm(d);
            case 10 -> CheckDigits.nhs(d);
            case 11 -> CheckDigits.snils(d) || CheckDigits.amka(d);
            case 12 -> CheckDigits.myNumber(d);
            case 13 -> CheckDigits.thaiId(d) || CheckDigits.rrn(d);
            case 16 -> CheckDigits.oms(d);
            default -> false;
        };
    }

    /**
     * The digits of a value written only in digits and single separators between groups of them ({@code 112-233-445 95},
     * {@code 943 476 5919}, {@code 1-2345-67890-12-1}), or null: a decimal ({@code 3.5}), a date or a value with letters
     * is no grouped number.
     */
    private static String groupedDigits(String v) {
        StringBuilder d = new StringBuilder(v.length());
        boolean separator = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                d.append(c);
                separator = false;
            } else if ((c == ' ' || c == '-') && i > 0 && !separator && i + 1 < v.length()) {
                separator = true;
            } else {
                return null;
            }
        }
        return d.toString();
    }
}
