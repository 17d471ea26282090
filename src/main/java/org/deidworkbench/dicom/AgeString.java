package org.deidworkbench.dicom;

/**
 * An AS (age string) value: three digits and a unit, e.g. {@code 045Y}.
 *
 * @param number 0..999
 * @param unit D (days), W (weeks), M (months) or Y (years)
 */
public record AgeString(int number, char unit) {

    /** Validates number and unit. */
    public AgeString {
        if (number < 0 || number > 999 || "DWMY".indexOf(unit) < 0) {
            throw new IllegalArgumentException("age is 0..999 with unit D, W, M or Y");
        }
    }

    /**
     * Parses {@code nnnU}.
     *
     * @throws IllegalArgumentException when the text is not an age string
     */
    public static AgeString parse(String s) {
        String t = s.strip();
        if (!t.matches("[0-9]{3}[DWMY]")) {
            throw new IllegalArgumentException("not an age string (nnnD, nnnW, nnnM or nnnY)");
        }
        return new AgeString(Integer.parseInt(t.substring(0, 3)), t.charAt(3));
    }

    /** The DICOM form, e.g. {@code 045Y}. */
    public String toDicomString() {
        return String.format("%03d%c", number, unit);
    }

    /** Unit only, so a logged age never leaks. */
    @Override
    public String toString() {
        return "AgeString[unit=" + unit + "]";
    }
}
