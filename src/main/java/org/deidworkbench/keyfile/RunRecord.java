package org.deidworkbench.keyfile;

import java.time.Instant;
import java.util.List;
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
 * @param files where each input file went (input paths may carry names: this is why the mapping is
 *     kept here, sealed, and never in the report that ships with the data); empty for runs recorded
 *     before this member existed
 */
public record RunRecord(String runId, Instant startedAt, Instant finishedAt, String toolVersion,
        String profileName, String profileSha256, String outputFolderName, int filesWritten, int filesFailed,
        int filesQuarantined, int newEntries, List<FileMapping> files) {

    /**
     * One input file of a run and its output.
     *
     * @param input which of the run's inputs (1-based) the file came from
     * @param source the input file's absolute path as the run saw it
     * @param output the output's path relative to the output folder, '/'-separated
     * @param status {@code written}, {@code failed} or {@code quarantined}
     */
    public record FileMapping(int input, String source, String output, String status) {
        public FileMapping {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String toString() {
            return "FileMapping[input " + input + ", " + status + "]";
        }
    }

    /** A run record without a file mapping (as in key files written before it existed). */
    public RunRecord(String runId, Instant startedAt, Instant finishedAt, String toolVersion, String profileName,
            String profileSha256, String outputFolderName, int filesWritten, int filesFailed, int filesQuarantined,
            int newEntries) {
        this(runId, startedAt, finishedAt, toolVersion, profileName, profileSha256, outputFolderName, filesWritten,
                filesFailed, filesQuarantined, newEntries, List.of());
    }

    public RunRecord {
        files = List.copyOf(files);
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
