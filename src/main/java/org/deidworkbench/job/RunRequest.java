package org.deidworkbench.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.deidworkbench.model.Profile;

/**
 * Everything a run needs.
 *
 * @param inputs files and folders to de-identify (never modified)
 * @param output the output folder (created if missing; must be empty or an earlier output of deid)
 * @param keyFile the sealed key file; created with a new project secret if it does not exist
 * @param passphrase the key file's passphrase; the job does not keep or wipe it
 * @param profile the validated rule profile
 * @param profileSha256 SHA-256 of the profile's text, recorded in the report and key file
 * @param threads worker threads (1 or more); the output does not depend on it
 */
public record RunRequest(List<Path> inputs, Path output, Path keyFile, char[] passphrase, Profile profile,
        String profileSha256, int threads) {

    public RunRequest {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(profileSha256, "profileSha256");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    /** The default key file of an output folder: {@code <out>.deidkey} beside it, never inside it. */
    public static Path defaultKeyFile(Path output) {
        Path abs = output.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".deidkey");
    }
}
