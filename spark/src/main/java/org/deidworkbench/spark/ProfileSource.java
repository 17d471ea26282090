package org.deidworkbench.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileException;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.model.Profile;

/**
 * The text of a run's profile, as the driver read it, so that a worker parses exactly the same
 * profile (the engine's profile objects are not serializable, and need not be: parsing is
 * deterministic). A built-in profile travels by name. Each worker JVM parses a profile once.
 */
final class ProfileSource implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String BUILT_IN = "built-in:";
    private static final Map<String, Profile> PARSED = new ConcurrentHashMap<>();

    private final String source;
    private final String text;
    private final String sha256;

    private ProfileSource(String source, String text, String sha256) {
        this.source = source;
        this.text = text;
        this.sha256 = sha256;
    }

    /**
     * The source of the driver's profile: its built-in name, or the text of its file read again and
     * checked against the digest of what the driver parsed (a file changed meanwhile is an error).
     */
    static ProfileSource of(LoadedProfile loaded) throws IOException {
        String source = loaded.profile().source();
        if (source.startsWith(BUILT_IN)) {
            return new ProfileSource(source, null, loaded.sha256());
        }
        byte[] bytes = Files.readAllBytes(Path.of(source));
        if (!sha256(bytes).equals(loaded.sha256())) {
            throw new IOException("the profile file " + source + " changed after it was read; run again");
        }
        return new ProfileSource(source, new String(bytes, StandardCharsets.UTF_8), loaded.sha256());
    }

    /** The profile, parsed once per worker JVM. */
    Profile profile() throws ProfileException {
        Profile known = PARSED.get(sha256 + source);
        if (known != null) {
            return known;
        }
        Profile parsed = text == null ? ProfileLoader.builtIn(source.substring(BUILT_IN.length()))
                : ProfileLoader.parse(text, source);
        PARSED.putIfAbsent(sha256 + source, parsed);
        return parsed;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
