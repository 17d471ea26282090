package org.deidworkbench.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.FilePreview;

/**
 * What a format does in a run. A run calls {@link #scan} on every file first when the profile
 * scrubs free text (so identifiers found in one file are also removed from every other), then
 * {@link #transform} on each file, then {@link #finish} once. A preview calls {@link #scan} and then
 * {@link #preview} on one file. Implementations are thread-safe: one instance serves all files of
 * its format in parallel. No method modifies its input.
 */
public interface FileProcessor {

    /**
     * Pass 0, once per run before any {@link #scan}: looks at all files of this processor's formats
     * together — what each field holds, and how the files relate (a table's key, the fields of other
     * files that reference it, which file holds the patients) — so that every later call decides
     * with the whole run in view. The result must not depend on the order of {@code files} or on
     * threads. A file that cannot be read here is left out (its scan or transform reports why).
     * Optional: the default does nothing.
     *
     * @param files every file of the run (or of the preview and its context) this processor cleans
     * @param cancelled polled regularly; when true the method throws
     *     {@link java.util.concurrent.CancellationException}
     */
    default void analyze(List<Path> files, BooleanSupplier cancelled) {
    }

    /**
     * As {@link #analyze(List, BooleanSupplier)}, with the pieces of the analysis that read one file
     * each (a table's key column) run by {@code tasks}, possibly on a cluster's executors. By default
     * the processor analyses here, as {@link #analyze(List, BooleanSupplier)} does.
     */
    default void analyze(List<Path> files, FileTasks tasks, BooleanSupplier cancelled) {
        analyze(files, cancelled);
    }

    /**
     * What {@link #analyze} found, for a processor of the same format and run in another process (a
     * worker of a cluster, issue 13), which takes it with {@link #useAnalysis} instead of analysing
     * again; {@code null} when this processor keeps nothing from {@link #analyze}. Immutable; may hold
     * original values (a table's patient ids), so it travels only between the run's own processes.
     */
    default java.io.Serializable analysis() {
        return null;
    }

    /**
     * Takes over the {@link #analysis()} of a processor of the same handler in the same run, as if this
     * processor had run {@link #analyze} on the same files. Called before any {@link #scan}.
     */
    default void useAnalysis(java.io.Serializable analysis) {
    }

    /**
     * The entries this processor's {@link #scan}s learnt that its {@link #transform}s look up across
     * files ({@link ScanIndex}), for a run whose files are scanned by processors in other processes
     * (issue 13): their entries, merged by {@link ScanIndex#merge}, are handed to the transforming
     * processors with {@link #useScanIndex}. Empty when the format keeps no such state. A live view:
     * read it after the scans, not while they run. Holds original values.
     */
    default java.util.Map<String, String> scanIndex() {
        return java.util.Map.of();
    }

    /**
     * Makes {@link #transform} look up {@code index} instead of what this processor's own scans
     * learnt: the merged {@link #scanIndex()} of every processor that scanned the run's files.
     * Called before any {@link #transform}.
     */
    default void useScanIndex(ScanIndex index) {
    }

    /**
     * The subject id (original) of the record owner {@code owner} describes, an owner this processor's scans passed
     * to {@code Deidentifier.noteOwnedIdentifier} (decision 0164), looked up in everything the run's scans learnt (its
     * own, or the merged {@link #useScanIndex} index); {@code null} when the owner is not this processor's or names
     * no subject. Called after the scan pass.
     */
    default String ownerSubject(String owner) {
        return null;
    }

    /**
     * Pass 1: reads the file and reports its subjects and identifier values to the engine.
     *
     * @param name the file's name for messages (relative path, already free of identifiers)
     * @param cancelled polled regularly; when true the method throws
     *     {@link java.util.concurrent.CancellationException}
     */
    void scan(Path input, String name, BooleanSupplier cancelled) throws IOException, FormatException;

    /** Pass 2: writes the de-identified file to {@code out} (not closed) and returns what was done. */
    FileStats transform(Path input, String name, OutputStream out, BooleanSupplier cancelled)
            throws IOException, FormatException;

    /**
     * De-identifies the first {@code maxRecords} records of the file in memory, exactly as
     * {@link #transform} would, and returns each field before and after with the deciding rule.
     * Nothing is written. Cost: proportional to the records shown, not to the file.
     */
    FilePreview preview(Path input, String name, int maxRecords, BooleanSupplier cancelled)
            throws IOException, FormatException;

    /**
     * Which rule decides each field of this file and why (reads only what it needs, e.g. a CSV
     * header), through the same decision code {@link #transform} uses.
     */
    List<FieldDecision> explain(Path input) throws IOException, FormatException;

    /**
     * Pass 3, optional: called once per run, after every file has been transformed and given its
     * final output name and before the key file is sealed, with this processor's files. It writes
     * the outputs that {@link #transform} deferred ({@link DeferredException}), e.g. a directory of
     * the other outputs, or says why it withholds them. Must depend only on the outputs, never on
     * the thread count. By default it does nothing, so deferred files stay withheld.
     */
    default void finish(RunOutputs run) throws IOException {
    }
}
