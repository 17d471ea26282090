package org.deidworkbench.job;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileException;
import org.deidworkbench.keyfile.KeyFileStore;

/**
 * Starting a study: a new key file with a fresh random project secret, for front ends that may not
 * touch the secret themselves (the workbench's "New key file" dialog). Stateless and thread-safe;
 * costs one PBKDF2 (about a second).
 */
public final class KeyFiles {

    /** Shortest passphrase accepted for a new key file; it protects every original identifier of the study. */
    public static final int MIN_PASSPHRASE_LENGTH = 8;

    private KeyFiles() {
    }

    /**
     * Creates {@code file} sealed with {@code passphrase} (not kept, not wiped: the caller wipes it).
     *
     * @throws JobException {@code KEY_FILE} with the key file's error as cause (e.g. it already exists,
     *     which is never overwritten: a new secret would give every patient new pseudonyms)
     * @throws IllegalArgumentException when the passphrase is shorter than {@link #MIN_PASSPHRASE_LENGTH}
     */
    public static void create(Path file, char[] passphrase) throws JobException {
        if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
            throw new IllegalArgumentException("a new key file's passphrase needs at least " + MIN_PASSPHRASE_LENGTH
                    + " characters");
        }
        try {
            KeyFileContents contents = KeyFileContents.create(ProjectSecret.generate(new SecureRandom()), Instant.now());
            KeyFileStore.create(file, contents, passphrase, List.of());
        } catch (KeyFileException e) {
            throw new JobException(JobException.Reason.KEY_FILE, e.getMessage(), e);
        }
    }
}
