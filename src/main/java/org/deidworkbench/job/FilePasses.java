package org.deidworkbench.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.format.FileTasks;

/**
 * Where the per-file passes of a run (scan, transform) do their work. {@link RunJob} does it on its
 * own threads unless it is given another implementation, e.g. one that spreads the files over a
 * Spark cluster (module {@code deid-spark}, issue 13), and where the pieces of the analysis that read
 * a whole file run ({@link #analysisTasks()}), and where the inputs' formats are detected
 * ({@link #detect}). Everything else of the run — listing the inputs, the key file, the rest of the analysis, the finish step, output names, sealing, moving
 * the outputs into place, manifest and report — stays in {@link RunJob}, so a run's results do not
 * depend on where its files were cleaned.
 *
 * <p>An implementation cleans each file with {@link FileWork} and processors made by
 * {@link FileWork#processors} for an engine of the same profile and keys; it hands what its engines
 * noted back to the run's engine ({@link org.deidworkbench.deid.engine.Deidentifier#absorb}).
 */
public interface FilePasses {

    /**
     * Where the per-file pieces of the analysis (pass 0: e.g. reading a table's key column through)
     * run; by default in the run's thread, one after another ({@link FileTasks#HERE}).
     */
    default FileTasks analysisTasks() {
        return FileTasks.HERE;
    }

    /**
     * The formats of {@code files} (the regular files of the run's inputs, in the run's order), each
     * decided by {@link org.deidworkbench.format.FormatDetector} from the file's first bytes and name
     * where the passes run; a file that cannot be read is {@code UNKNOWN}. Null (the default): the run
     * detects them itself, file after file.
     *
     * @throws IOException when the detection as a whole cannot run; the run then fails before it writes anything
     */
    default List<FileFormat> detect(List<Path> files) throws IOException {
        return null;
    }

    /**
     * One file of the run's inputs as listed where it lives ({@link #list}).
     *
     * @param path the name the run knows it by: below one of the run's input paths (which need not exist
     *     here); the passes read it where they run
     * @param input which of the run's inputs it belongs to (1-based)
     * @param size bytes
     */
    record Listed(Path path, int input, long size) {
    }

    /**
     * The regular files below the run's inputs, listed where they live (e.g. through a Hadoop file system,
     * decision 0041), in any order; the run names, sorts and numbers them as it does the files it walks
     * itself, and then neither opens nor lists the inputs: {@link #detect} decides their formats, the
     * analysis's pieces ({@link #analysisTasks()}) and the passes read them. Null (the default): the run
     * walks its inputs here.
     *
     * @throws IOException when the inputs cannot be listed; the run then fails before it writes anything
     */
    default List<Listed> list(List<Path> inputs) throws IOException {
        return null;
    }

    /**
     * Where the transformed parts are kept when not in the run's work folder: a transform pass that
     * reports a written file with no local part ({@link PassRun#transformed} with {@code written} null)
     * keeps it here. Null (the default): every part is in the work folder.
     */
    default Parts parts() {
        return null;
    }

    /** The transformed parts a pass keeps elsewhere than the run's work folder ({@link #parts()}). */
    interface Parts {
        /**
         * The path by which the pieces that {@link #analysisTasks()} runs read file {@code index}'s part
         * (for a finish step that reads its files back: DICOMDIR regeneration); it need not exist here.
         */
        Path location(int index);

        /**
         * Instead of moving file {@code index}'s part into the output folder: it is to be the output file
         * {@code name} (relative, '/'-separated); the caller of the run puts it there (e.g. a commit on a
         * Hadoop file system).
         */
        void place(int index, String name) throws IOException;
    }

    /**
     * Pass 1: {@link FileWork#scan} on every file of {@code run}; a file that fails is
     * {@link PassRun#ended}; when it returns, the run's engine has absorbed every scan's notes.
     *
     * @throws IOException when the pass as a whole cannot run; the run then fails and leaves nothing
     */
    void scan(PassRun run) throws IOException;

    /**
     * After {@link #scan}: makes this process's {@code processors} (the run's own, which scanned nothing) look up the
     * index the scans elsewhere learnt ({@link FileProcessor#useScanIndex}), so that the run can resolve what needs
     * the whole scan ({@link FileProcessor#ownerSubject}). By default there is none to lend.
     */
    default void lendScanIndex(java.util.Map<FileFormat, FileProcessor> processors)
            throws IOException {
    }

    /**
     * Pass 2: {@link FileWork#transform} on every file still {@link PassRun#open}, each into a file of
     * its own that {@link PassRun#transformed} moves to {@link PassRun#part}; when it returns, every
     * such file has an outcome and the run's engine has absorbed every transform's notes, with the
     * identifiers of {@link PassRun#frozenIdentifiers()} being the ones free text was scrubbed of.
     *
     * @throws IOException when the pass as a whole cannot run; the run then fails and leaves nothing
     */
    void transform(PassRun run) throws IOException;
}
