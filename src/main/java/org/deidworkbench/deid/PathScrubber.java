package org.deidworkbench.deid;

/**
 * De-identifies file and folder names, which exports often build from patient names, MRNs and
 * dates: known identifiers become their pseudonym or label, PHI patterns their label, and the
 * result is made safe as a file name on every operating system. The extension is kept.
 * Thread-safe.
 */
public final class PathScrubber {

    private final TextScrubber scrubber;

    /** A scrubber for names, using the identifiers known at the end of a run. */
    public PathScrubber(KnownIdentifiers identifiers) {
        this.scrubber = new TextScrubber(identifiers.snapshot());
    }

    /** The de-identified form of one path component (a file or folder name, no separators). */
    public String scrubName(String name) {
        int dot = name.lastIndexOf('.');
        boolean hasExtension = dot > 0 && name.length() - dot <= 6;
        String stem = hasExtension ? name.substring(0, dot) : name;
        String extension = hasExtension ? name.substring(dot) : "";
        String scrubbed = scrubber.scrub(stem, null).replace("[", "").replace("]", "");
        StringBuilder safe = new StringBuilder(scrubbed.length());
        for (int i = 0; i < scrubbed.length(); i++) {
            char c = scrubbed.charAt(i);
            safe.append(c < 0x20 || "/\\:*?\"<>|".indexOf(c) >= 0 ? '_' : c);
        }
        String result = safe.toString().strip();
        if (result.isEmpty() || result.equals(".") || result.equals("..")) {
            result = "file";
        }
        return result + extension;
    }
}
