package org.deidworkbench.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.deidworkbench.config.ProfileLoader;

/**
 * Runs of the built-in profile over each convention of the corpus, made once per test JVM and
 * shared by the corpus tests (each run takes a few seconds; the tests only read its output).
 */
final class CorpusRuns {

    static final char[] PASSPHRASE = "corpus-test-passphrase".toCharArray();

    /** One finished run: where its input copy, output and key file are, and its report. */
    record Run(Corpus corpus, Path input, Path output, Path keyFile, RunResult result) {
        Map<String, Corpus.Table> outputs() {
            return Corpus.readAll(output);
        }

        Map<String, String> texts() {
            return Corpus.texts(output);
        }
    }

    private static final Map<String, Run> RUNS = new ConcurrentHashMap<>();
    private static Path scratch;

    private CorpusRuns() {
    }

    /** The run of {@code csv-template} over one convention (made on first use). */
    static synchronized Run of(String convention) throws Exception {
        Run run = RUNS.get(convention);
        if (run == null) {
            run = run(new Corpus(convention), 2);
            RUNS.put(convention, run);
        }
        return run;
    }

    /** A fresh run of {@code csv-template} over one convention with {@code threads} workers. */
    static Run run(Corpus corpus, int threads) throws Exception {
        Path dir = Files.createTempDirectory(scratch(), corpus.convention());
        Path input = corpus.copyTo(dir.resolve("in"));
        Path out = dir.resolve("out");
        Path key = dir.resolve("study.deidkey");
        RunResult result = new RunJob(new RunRequest(List.of(input), out, key, true, PASSPHRASE,
                ProfileLoader.read("csv-template"), threads), RunListener.NONE).run();
        return new Run(corpus, input, out, key, result);
    }

    /** A run of {@code csv-template} over one convention with an existing key file (used as it is). */
    static Run runWithKey(Corpus corpus, Path keyFile, int threads) throws Exception {
        Path dir = Files.createTempDirectory(scratch(), corpus.convention());
        Path input = corpus.copyTo(dir.resolve("in"));
        Path out = dir.resolve("out");
        Path key = dir.resolve("study.deidkey");
        Files.copy(keyFile, key);
        RunResult result = new RunJob(new RunRequest(List.of(input), out, key, false, PASSPHRASE,
                ProfileLoader.read("csv-template"), threads), RunListener.NONE).run();
        return new Run(corpus, input, out, key, result);
    }

    private static Path scratch() throws IOException {
        if (scratch == null) {
            scratch = Files.createTempDirectory("deid-corpus");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Folders.deleteTree(scratch);
                } catch (IOException e) {
                    // a temporary folder the OS cleans anyway
                }
            }));
        }
        return scratch;
    }
}
