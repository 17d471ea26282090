package org.deidworkbench.keyfile;

import java.time.Instant;
import java.util.Objects;

/**
 * One de-identification run as remembered in the key file's run history. Holds no original values:
 * only identifiers of the run, the profile's name and hash, the output folder's name and counts.
 *
 * @param runId unique id of the run (e.g. a UUID)
 * @param startedAt when the run started
 * @param finishedAt when the run finished
 * @param toolVersion version of DeID Workbench that made the run; may be {@code null}
 * @param profileName name of the rule profile; may be {@code null}
 * @param profileSha256 hex SHA-256 of the profile file as used; may be {@code null}
 * @param outputFolderName name (not full path) of the output folder; may be {@code null}
 * @param filesWritten cleaned files written
 * @param filesFailed files that failed with an error
 * @param filesQuarantined files quarantined as unsafe to clean
 * @param newEntries pseudonym entries this run added to the key file
 */
public record RunRecord(String runId, Instant startedAt, Instant finishedAt, String toolVersion,
        String profileName, String profileSha256, String outputFolderName, int filesWritten, int filesFailed,
        int filesQuarantined, int newEntries) {

    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        requireNonNegative(filesWritten, "filesWritten");
        requireNonNegative(filesFailed, "filesFailed");
        requireNonNegative(filesQuarantined, "filesQuarantined");
        requireNonNegative(newEntries, "newEntries");
    }

    private static void requireNonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }
}
