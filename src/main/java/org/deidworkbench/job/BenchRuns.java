package org.deidworkbench.job;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.deidworkbench.model.FileReport;

/**
 * What the benchmarks ask of the files they compare: the same entries a run reads (regular files, links not
 * followed, as {@link InputFiles} walks), and a pipeline that wrote every one of them. A ratio over a pipeline
 * that withheld a file (a link, an unreadable file) while its baseline read it would compare different work.
 */
final class BenchRuns {

    private BenchRuns() {
    }

    /** Whether a run reads {@code p} as a file: a regular file that is not a link. */
    static boolean readByARun(Path p) {
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Throws, naming the first of {@code result}'s files that {@code compared} selects and the pipeline did not write,
     * and why; {@code expected} is how many such files the baseline read.
     */
    static void requireAllWritten(RunResult result, Predicate<FileReport> compared, int expected) throws JobException {
        int written = 0;
        for (FileReport f : result.files()) {
            if (!compared.test(f)) {
                continue;
            }
            if (f.status() != FileReport.Status.WRITTEN) {
                String why = f.problems().isEmpty() ? "" : " (" + f.problems().get(0).code() + ")";
                throw new JobException(JobException.Reason.FILE_FAILED, "the pipeline did not write " + f.output() + why
                        + ": its time would not be of the same files as the baseline's", null);
            }
            written++;
        }
        if (written != expected) {
            throw new JobException(JobException.Reason.FILE_FAILED, "the pipeline wrote " + written + " of the "
                    + expected + " files the baseline read: its time would not be of the same files", null);
        }
    }
}
