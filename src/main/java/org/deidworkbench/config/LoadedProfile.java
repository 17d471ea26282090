package org.deidworkbench.config;

import java.util.Objects;
import org.deidworkbench.model.Profile;

/**
 * A validated profile together with the SHA-256 of exactly the bytes it was parsed from, so a report
 * or key file can say precisely which rules ran.
 *
 * @param profile the validated profile
 * @param sha256 lower-case hex SHA-256 of the profile text that was parsed
 */
public record LoadedProfile(Profile profile, String sha256) {

    public LoadedProfile {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(sha256, "sha256");
    }
}
