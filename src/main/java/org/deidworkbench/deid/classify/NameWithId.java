package org.deidworkbench.deid.classify;

/**
 * A name surname first with a record's number after it, as an EHR's patient list prints it ({@code QUACKENBOSS,
 * PERPETUA (MRN 00458812)}, {@code Fairbrother, Anna [00123456]}, {@code SMITH, JOHN - 4471205}; decision 0180): for the
 * classifier a person's value, for the run and the verifier a name and a number to find alone. Stateless.
 */
public final class NameWithId {

    private NameWithId() {
    }

    private static final java.util.regex.Pattern NAME_WITH_ID = java.util.regex.Pattern.compile(
            "([\\p{L}][\\p{L}\\p{M}'’. -]*,\\s*[\\p{L}][\\p{L}\\p{M}'’. -]*?)\\s*(?:\\(|\\[|-\\s|/\\s?)\\s*"
            + "(?:(?i:mrn|mr#|mr|id|pid|csn|fin|pat-?nr|nr)\\.?\\s*[:#]?\\s*)?([A-Z]{0,3}\\d{4,}[A-Z0-9]*)\\s*[)\\]]?");

    /** The name and the number of a value that is a name with its record's number, whole, or null. */
    public static String[] parts(String value) {
        // most values (every identifier the run notes comes here) have no comma or end in no digit or bracket
        int last = value.length() - 1;
        while (last >= 0 && value.charAt(last) == ' ') {
            last--;
        }
        if (last < 9 || value.indexOf(',') < 0) {
            return null;
        }
        char end = value.charAt(last);
        if (!(end >= '0' && end <= '9' || end >= 'A' && end <= 'Z' || end == ')' || end == ']')) {
            return null;
        }
        java.util.regex.Matcher m = NAME_WITH_ID.matcher(value.strip());
        return m.matches() ? new String[] {m.group(1).strip(), m.group(2)} : null;
    }
}
