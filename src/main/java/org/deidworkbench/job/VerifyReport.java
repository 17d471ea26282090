package org.deidworkbench.job;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code deid verify} found in an output folder. Paths are relative to the folder, '/'-separated, and
 * a path segment that itself holds a hit is shown as {@value VerifyJob#WITHHELD_NAME}; no value appears
 * unless the verification revealed them.
 *
 * @param output the folder verified
 * @param files regular files scanned
 * @param bytes their total size
 * @param seconds wall time
 * @param values original values looked for (each in several notations)
 * @param hits files with hits (names included), in path order
 * @param notScanned files that could not be scanned completely, with the reason (they were scanned as raw text)
 * @param attested dates found in their own subject's records that the run attested as shifted from another date
 *     (decision 0029): coincidences, counted but not hits
 * @param shared one-word known identifiers (a surname) found as the whole value of a field in their own subject's
 *     record, where that field holds the same value in many more records of other subjects (a race {@code white} of a
 *     patient named White; decision 0090): coincidences, counted but not hits
 */
public record VerifyReport(Path output, int files, long bytes, double seconds, int values, List<FileHits> hits,
        List<NotScanned> notScanned, long attested, long shared) {

    public VerifyReport {
        hits = List.copyOf(hits);
        notScanned = List.copyOf(notScanned);
    }

    /** A report without attested coincidences. */
    public VerifyReport(Path output, int files, long bytes, double seconds, int values, List<FileHits> hits,
            List<NotScanned> notScanned) {
        this(output, files, bytes, seconds, values, hits, notScanned, 0, 0);
    }

    /**
     * The hits of one file (or of a name on its path).
     *
     * @param path the file, with leaking names withheld
     * @param listed the first hits, at most {@value VerifyJob#LISTED_PER_FILE}
     * @param count all hits in the file
     */
    public record FileHits(String path, List<Hit> listed, long count) {
        public FileHits {
            listed = List.copyOf(listed);
        }
    }

    /**
     * One finding.
     *
     * @param kind {@code ORIGINAL}, {@code SSN}, {@code PHONE}, {@code EMAIL}, {@code MRN}, {@code DATE_OF_BIRTH}, {@code NATIONAL_ID}, {@code MBI}, {@code IP_ADDRESS},
     *     {@code MAC_ADDRESS}, {@code HEALTH_NUMBER} or {@code POSTCODE} (decision 0128)
     * @param source where an original is recorded (e.g. {@code key file domain 'patient'}), or the pattern
     * @param location where in the file, e.g. {@code record 12, column notes}, {@code line 3}, {@code file name}
     * @param value the value found, only when the verification revealed values; else {@code null}
     */
    public record Hit(String kind, String source, String location, String value) {
        @Override
        public String toString() {
            return "Hit[" + kind + ", " + source + ", " + location + "]";
        }
    }

    /**
     * A file the verifier could read only as raw text (no value reader for its format, a compressed
     * container, a file its format's reader rejected).
     */
    public record NotScanned(String path, String reason) {
    }

    /** Total hits. */
    public long hitCount() {
        return hits.stream().mapToLong(FileHits::count).sum();
    }

    /** Whether nothing was found. */
    public boolean clean() {
        return hits.isEmpty();
    }

    /** Whether every file was scanned value by value (or was plain text). */
    public boolean complete() {
        return notScanned.isEmpty();
    }
}
