package org.deidworkbench.job;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.deidworkbench.keyfile.RunRecord;

/**
 * The study's key file, opened once for previews (the workbench's "unlock"): its keys and pseudonym
 * entries held in memory, so every preview gives the pseudonyms and date offsets a run with this key
 * file writes, without asking for the passphrase again. Nothing is ever written to the file through
 * it, and nothing of it is shown: {@link #toString()} names the file only. Immutable for its users and
 * thread-safe; dropping the reference forgets the key.
 */
public final class StudyKey {

    private final Path file;
    private final KeySession keys;

    private StudyKey(Path file, KeySession keys) {
        this.file = file;
        this.keys = keys;
    }

    /**
     * Opens {@code file} with {@code passphrase} (not kept, not wiped: the caller wipes it). Costs one
     * PBKDF2 (about a second).
     *
     * @throws JobException {@code KEY_FILE_MISSING} when there is no such file, {@code KEY_FILE} when it
     *     cannot be opened (the cause says why: wrong passphrase, tampered, truncated) or is an export
     *     key file, which cannot de-identify
     */
    public static StudyKey open(Path file, char[] passphrase) throws JobException {
        Objects.requireNonNull(file, "file");
        Path f = file.toAbsolutePath().normalize();
        return new StudyKey(f, KeySession.open(f, false, passphrase, Instant.now()));
    }

    /** The key file, absolute. */
    public Path file() {
        return file;
    }

    /** The runs the key file records, oldest first (no secret, no value). */
    public List<RunRecord> runs() {
        return keys.runs();
    }

    /** The opened contents, for previews in this package. */
    KeySession keys() {
        return keys;
    }

    @Override
    public String toString() {
        return "StudyKey[" + file.getFileName() + "]";
    }
}
