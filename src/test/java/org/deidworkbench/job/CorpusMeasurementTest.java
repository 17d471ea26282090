package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Prints what the built-in profile does to each convention of the corpus: identifying values left,
 * kept columns, joins and per-patient date offsets (counts only, never values). The assertions on
 * these numbers live in {@code CorpusDeidentificationTest}; this test keeps the numbers visible in
 * the build log ({@code target/surefire-reports}).
 */
class CorpusMeasurementTest {

    @ParameterizedTest
    @ValueSource(strings = {"ehr", "omop", "de"})
    void printsLeaksKeptValuesJoinsAndOffsets(String convention) throws Exception {
        CorpusRuns.Run run = CorpusRuns.of(convention);
        Corpus corpus = run.corpus();
        Map<String, Corpus.Table> outputs = run.outputs();
        Set<String> identifying = corpus.identifyingValues();
        Map<String, java.util.Set<String>> leaks = Corpus.leaks(identifying, run.texts());
        System.out.printf("corpus %-5s files %d/%d written; identifying values left %d of %d; kept columns %s; joins %s;"
                + " patients with one offset %s%n", convention, run.result().report().files().written(),
                corpus.inputs().size(), leaks.size(), identifying.size(), corpus.keptColumns(outputs),
                corpus.joins(outputs), corpus.offsets(outputs));
        assertTrue(identifying.size() > 100, "the corpus has identifying values to look for");
    }
}
