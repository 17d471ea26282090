package org.deidworkbench.deid;

import java.util.regex.Pattern;

/**
 * De-identifies file and folder names, which exports often build from patient names, MRNs and
 * dates: known identifiers become their pseudonym or label, PHI patterns their label, and the
 * result is made safe as a file name on every operating system (no separators or characters
 * Windows forbids, no trailing dot or space, no device name such as {@code CON}). An extension of
 * up to five letters and digits is kept, unless it is a number long enough to be an identifier.
 * Thread-safe.
 */
public final class PathScrubber {

    /** An extension kept as is: a short code with a letter ({@code dcm}, {@code nii}) or at most three digits. */
    private static final Pattern EXTENSION = Pattern.compile("\\.(?=[A-Za-z0-9]*[A-Za-z]|[0-9]{1,3}$)[A-Za-z0-9]{1,5}");
    private static final Pattern RESERVED = Pattern.compile("(?i)(?:CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(?:\\..*)?");

    private final TextScrubber scrubber;

    /** A scrubber for names, using the identifiers known at the end of a run. */
    public PathScrubber(KnownIdentifiers identifiers) {
        this.scrubber = new TextScrubber(identifiers.snapshot());
    }

    /** The de-identified form of one path component (a file or folder name, no separators). */
    public String scrubName(String name) {
        int dot = name.lastIndexOf('.');
        boolean hasExtension = dot > 0 && EXTENSION.matcher(name).region(dot, name.length()).matches();
        String stem = hasExtension ? name.substring(0, dot) : name;
        String extension = hasExtension ? name.substring(dot) : "";
        String scrubbed = scrubber.scrub(stem, null).replace("[", "").replace("]", "");
        StringBuilder safe = new StringBuilder(scrubbed.length());
        for (int i = 0; i < scrubbed.length(); i++) {
            char c = scrubbed.charAt(i);
            safe.append(c < 0x20 || c == 0x7F || "/\\:*?\"<>|".indexOf(c) >= 0 ? '_' : c);
        }
        String result = stripDotsAndSpaces(safe.toString());
        if (result.isEmpty()) {
            result = "file";
        }
        if (RESERVED.matcher(result).matches()) {
            result = "_" + result;
        }
        return result + extension;
    }

    /** Leading and trailing whitespace, and trailing dots, which Windows drops silently. */
    private static String stripDotsAndSpaces(String s) {
        String r = s.strip();
        int end = r.length();
        while (end > 0 && (r.charAt(end - 1) == '.' || Character.isWhitespace(r.charAt(end - 1)))) {
            end--;
        }
        return r.substring(0, end);
    }
}
