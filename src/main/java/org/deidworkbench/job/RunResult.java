package org.deidworkbench.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.deidworkbench.model.FileReport;
import org.deidworkbench.model.RunReport;

/**
 * The outcome of a finished run.
 *
 * @param report what the run did (the content of {@code deid-report.json})
 * @param reportFile path of {@code deid-report.json}
 * @param manifest path of the SHA-256 manifest
 * @param keyFile the key file that was updated
 * @param keyFileCreated whether this run created the key file
 * @param sources the input file of each entry of {@link #files()}, in the same order, so a front end
 *     can open the file a report entry is about; kept in memory only, never written (input names
 *     may identify a patient)
 */
public record RunResult(RunReport report, Path reportFile, Path manifest, Path keyFile, boolean keyFileCreated,
        List<Path> sources) {

    public RunResult {
        Objects.requireNonNull(report, "report");
        sources = List.copyOf(sources);
        if (sources.size() != report.fileResults().size()) {
            throw new IllegalArgumentException("one source per file result");
        }
    }

    /** One report per input file, in input order. */
    public List<FileReport> files() {
        return report.fileResults();
    }

    /** Whether every file was written. */
    public boolean allWritten() {
        return report.allWritten();
    }

    /** Pseudonym entries added to the key file. */
    public int newPseudonyms() {
        return report.run().newPseudonyms();
    }

    /** Distinct subjects seen. */
    public int subjects() {
        return report.subjects();
    }

    @Override
    public String toString() {
        return "RunResult[" + report.status() + ", " + sources.size() + " files]";
    }

    /** Outputs whose name was de-identified. */
    public int renamedPaths() {
        return report.files().renamed();
    }
}
