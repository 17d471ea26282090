package org.deidworkbench.job;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a finished run.
 *
 * @param files one outcome per input file, in input order
 * @param report path of {@code deid-report.json}
 * @param manifest path of the SHA-256 manifest
 * @param keyFile the key file that was updated
 * @param keyFileCreated whether this run created the key file
 * @param newPseudonyms pseudonym entries added to the key file
 * @param subjects distinct subjects seen
 * @param renamedPaths outputs whose name was de-identified
 */
public record RunResult(List<FileOutcome> files, Path report, Path manifest, Path keyFile, boolean keyFileCreated,
        int newPseudonyms, int subjects, int renamedPaths) {

    public RunResult {
        files = List.copyOf(files);
    }

    /** Files with the given status. */
    public long count(FileOutcome.Status status) {
        return files.stream().filter(f -> f.status() == status).count();
    }

    /** Whether every file was written. */
    public boolean allWritten() {
        return count(FileOutcome.Status.WRITTEN) == files.size();
    }
}
