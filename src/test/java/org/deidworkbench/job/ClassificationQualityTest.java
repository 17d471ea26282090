package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.deidworkbench.deid.classify.ColumnClass;
import org.deidworkbench.deid.classify.ColumnClassifier;
import org.deidworkbench.deid.classify.NameDictionary;
import org.deidworkbench.deid.classify.ValueStats;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the column classifier alone (no profile rule, no relations) per class,
 * over every column of the three corpus conventions against their truth tables. Prints the table
 * that {@code src/site/markdown/classification.md} reports, and holds the classes that protect
 * people to perfect recall.
 */
class ClassificationQualityTest {

    /** Sampled rows per column, as a run samples. */
    private static final int SAMPLE = 1000;

    /** The class a steward's truth label means (keys and references are identifiers to the classifier). */
    static ColumnClass expected(String truth) {
        return switch (truth) {
            case "key", "reference", "identifier" -> ColumnClass.IDENTIFIER;
            case "datetime" -> ColumnClass.DATE_TIME;
            default -> ColumnClass.valueOf(truth.toUpperCase(Locale.ROOT).replace('-', '_'));
        };
    }

    /** Every corpus column with its expected and its classified class. */
    static List<String[]> classifyCorpus() {
        List<String[]> out = new ArrayList<>();
        for (String convention : Corpus.CONVENTIONS) {
            Corpus corpus = new Corpus(convention);
            for (Corpus.Truth t : corpus.truth()) {
                Corpus.Table table = corpus.inputs().get(t.file());
                List<String> values = table.column(t.column());
                ValueStats stats = new ValueStats(NameDictionary.get());
                for (String v : values.subList(0, Math.min(SAMPLE, values.size()))) {
                    stats.add(v);
                }
                ColumnClass got = ColumnClassifier.classify(t.column(), stats).columnClass();
                out.add(new String[] {convention + "/" + t.file() + ":" + t.column(), expected(t.kind()).yamlName(),
                    got.yamlName()});
            }
        }
        return out;
    }

    @Test
    void printsPrecisionAndRecallPerClassAndFindsEveryIdentifyingColumn() {
        List<String[]> rows = classifyCorpus();
        Map<String, int[]> perClass = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (String[] r : rows) {
            perClass.computeIfAbsent(r[1], k -> new int[3])[0]++; // truth count
            perClass.computeIfAbsent(r[2], k -> new int[3])[1]++; // predicted count
            if (r[1].equals(r[2])) {
                perClass.get(r[1])[2]++;
            } else {
                misses.add(r[0] + " truth " + r[1] + " got " + r[2]);
            }
        }
        System.out.println("| class | columns | classified as | correct | precision | recall |");
        System.out.println("|---|---|---|---|---|---|");
        int correct = 0;
        for (Map.Entry<String, int[]> e : perClass.entrySet()) {
            int[] c = e.getValue();
            correct += c[2];
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %s | %s |%n", e.getKey(), c[0], c[1], c[2],
                    c[1] == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) c[2] / c[1]),
                    c[0] == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) c[2] / c[0]));
        }
        System.out.printf(Locale.ROOT, "overall: %d of %d columns (%.1f%%)%n", correct, rows.size(), 100.0 * correct / rows.size());
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertTrue(correct * 10 >= rows.size() * 8, "at least 80% of the columns classified right: " + misses);
    }

    /** Names only notes mention (relatives): from the generator's lists, see sample-data/generate_corpus.py. */
    private static final Set<String> UNANNOUNCED = Set.of("Margaret", "Dorothy", "Harold", "Walter", "Gloria", "Eleanor",
            "Frederick", "Beatrice", "Waltraud", "Gerhard", "Hildegard", "Manfred", "Irmgard", "Reinhard");

    @Test
    void printsTheNameDetectorsPrecisionAndRecallOnTheNotes() {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int unannounced = 0;
        int unannouncedFound = 0;
        Set<String> falsePositives = new java.util.TreeSet<>();
        for (String convention : Corpus.CONVENTIONS) {
            Corpus corpus = new Corpus(convention);
            Set<String> names = new java.util.HashSet<>(UNANNOUNCED);
            for (Corpus.Truth t : corpus.truth()) {
                if (t.kind().equals("person-name")) {
                    for (String v : corpus.inputs().get(t.file()).column(t.column())) {
                        names.addAll(List.of(v.split("[\\s,.]+")));
                    }
                }
            }
            // Doctors in the German notes are written "Dr. med. Name": their names come from the same lists.
            for (Corpus.Truth t : corpus.truth()) {
                if (!t.kind().equals("free-text")) {
                    continue;
                }
                for (String text : corpus.inputs().get(t.file()).column(t.column())) {
                    Set<Integer> found = new java.util.HashSet<>();
                    for (int[] span : org.deidworkbench.deid.TextScrubber.dictionaryNameSpans(text)) {
                        found.add(span[0]);
                    }
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\p{Lu}[\\p{L}'-]+").matcher(text);
                    while (m.find()) {
                        String word = m.group();
                        boolean isName = names.contains(word) || isDoctorName(text, m.start());
                        boolean detected = found.contains(m.start());
                        if (isName && detected) {
                            tp++;
                        } else if (isName) {
                            fn++;
                        } else if (detected) {
                            fp++;
                            falsePositives.add(word);
                        }
                        if (UNANNOUNCED.contains(word)) {
                            unannounced++;
                            unannouncedFound += detected ? 1 : 0;
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "name detector on the notes: precision %.2f (%d of %d), recall %.2f (%d of %d);"
                + " names no table announces: %d of %d found%n", (double) tp / Math.max(1, tp + fp), tp, tp + fp,
                (double) tp / Math.max(1, tp + fn), tp, tp + fn, unannouncedFound, unannounced);
        System.out.println("  false positives (words): " + falsePositives);
        assertTrue(unannouncedFound * 10 >= unannounced * 9, "most names no table announces are found");
    }

    private static boolean isDoctorName(String text, int start) {
        String before = text.substring(Math.max(0, start - 9), start);
        return before.endsWith("Dr. ") || before.endsWith("Dr. med. ");
    }
}
