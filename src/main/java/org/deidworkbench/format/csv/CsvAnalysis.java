package org.deidworkbench.format.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.deidworkbench.deid.ColumnInsight;
import org.deidworkbench.deid.ColumnInsight.Relation;
import org.deidworkbench.deid.ColumnInsight.Role;
import org.deidworkbench.deid.ColumnPlan;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.deid.classify.ColumnClass;
import org.deidworkbench.deid.classify.ColumnClassifier;
import org.deidworkbench.deid.classify.ColumnClassifier.Classification;
import org.deidworkbench.deid.classify.HeaderHints;
import org.deidworkbench.deid.classify.NameDictionary;
import org.deidworkbench.deid.classify.ValueStats;
import org.deidworkbench.format.FileTasks;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.FieldSelector;
import org.deidworkbench.model.Profile;

/**
 * What the CSV files of one run are, found before any of them is cleaned: each column's class (from
 * its header and the first rows), each table's key, the columns of other tables whose values are
 * values of that key (references), which table holds the patients, and for tables that reference
 * only an intermediate table (lab results → cases) which patient each of its keys belongs to.
 *
 * <p>Cost and memory: the first {@code sample-rows} rows of every file, plus one pass over the key
 * column of each larger table that something may reference (into a Bloom filter, {@link KeySet}),
 * plus one pass over key and patient columns of intermediate tables ({@link SubjectIndex}). Nothing
 * grows with a file's length except those two fixed-size structures. Deterministic: files are read
 * in path order and every tie is broken by path and column position, so the result does not depend
 * on thread count or the order in which files are listed. Immutable once built; thread-safe.
 */
final class CsvAnalysis implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** No analysis: every column gets its rule or the default. */
    static final CsvAnalysis NONE = new CsvAnalysis(Map.of());

    /** Share of a column's sampled distinct values that must be key values for it to reference that key. */
    static final double MIN_CONTAINMENT = 0.95;
    /**
     * Share of a column's sampled distinct values that must be keys of a table its header names for it to reference
     * that table as a partial one ({@link #partialReference}), unless they are UUIDs, of which one found is enough.
     */
    static final double MIN_PARTIAL_CONTAINMENT = 0.1;
    /** Values looked up in the key file per column and domain, for references to earlier runs. */
    private static final int MAX_KNOWN_CHECKS = 200;
    private static final Set<String> PATIENT_TABLES = Set.of("patient", "patients", "person", "persons", "people",
            "patienten", "patientendaten", "stammdaten", "demographics", "demographic", "subject", "subjects",
            "participant", "participants", "member", "members", "pat", "pats", "individuals", "individual",
            // Italian (pazienti, anagrafica: the master data), Spanish, Portuguese (doentes, utentes), Polish
            "paziente", "pazienti", "anagrafica", "paciente", "pacientes", "doente", "doentes", "utente", "utentes",
            "pacjent", "pacjenci",
            // Turkish (hasta, hastalar; decision 0125)
            "hasta", "hastalar",
            // Arabic, Persian and Hebrew, in their script and as file names transliterate them (decision 0132)
            "المرضى", "مرضى", "marda", "بیماران", "bimaran", "מטופלים", "metuplim");

    /**
     * What is known about one file.
     *
     * @param textDatesDayFirst whether the slash dates in its free text that do not show their order
     *     ({@code 03/04/2021}) are read day first, as the file's own date columns are written (or, when they show no
     *     order, the run's)
     */
    record FileInsight(List<String> header, ColumnInsight[] columns, int patientColumn, int viaColumn,
            SubjectIndex via, Notice[] notices, boolean textDatesDayFirst) implements java.io.Serializable {
    }

    /**
     * What a file's report says of a column's relation (a problem code and a message that names no value): a link into
     * a partial table, or a column that looks like a link and was found in no table.
     */
    record Notice(String code, String message) implements java.io.Serializable {
    }

    /** By absolute, normalized path (as a string, so that the analysis can travel to a cluster's workers). */
    private final Map<String, FileInsight> files;

    private CsvAnalysis(Map<String, FileInsight> files) {
        this.files = files;
    }

    /** The insight for a file of the analysed run, or {@code null}. */
    FileInsight of(Path file) {
        return files.get(key(file).toString());
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** One file's sample. */
    private static final class Sampled {
        final Path path;
        final String stem;
        final List<String> stemWords;
        final CsvDialect dialect;
        final List<String> header;
        final Classification[] classes;
        final List<Set<String>> distinct = new ArrayList<>();
        final boolean[] complete;
        /**
         * For each column, the part-number column (LINE, SEGMENT, seq_num) with which its identifiers are unique in the
         * sample while they repeat alone: a note over its lines, a claim over its segments; -1 for none.
         */
        final int[] partOf;
        final long estimatedRows;
        final boolean fullyRead;
        int key = -1;
        /** Whether {@link #key} is unique only with its part number ({@link #partOf}), not alone. */
        boolean groupKey;
        int patientColumn = -1;
        /** The column that names the person of each row where rows repeat their persons ({@link #personKey}), or -1. */
        int personKey = -1;
        /** {@link FileInsight#textDatesDayFirst}. */
        boolean textDatesDayFirst;
        /** The fields this table declares, when it is a REDCap project's data dictionary (decision 0176), or null. */
        RedcapDictionary.Fields dictionary;
        /** For each column of a REDCap export, whether it holds the export's own record ids ({@link #recordReferences}). */
        boolean[] recordReferences;
        Relation[] relations;
        /** For each reference column, the table whose key it references. */
        final Sampled[] targets;
        /** For each column, what the file's report must say of its relation, or null. */
        final Notice[] notices;

        Sampled(Path path, CsvDialect dialect, List<String> header, Classification[] classes, List<Set<String>> distinct,
                boolean[] complete, int[] partOf, long estimatedRows, boolean fullyRead) {
            this.path = path;
            String name = path.getFileName().toString();
            int dot = name.lastIndexOf('.');
            this.stem = (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
            this.stemWords = HeaderHints.words(stem);
            this.dialect = dialect;
            this.header = header;
            this.classes = classes;
            this.distinct.addAll(distinct);
            this.complete = complete;
            this.partOf = partOf;
            this.estimatedRows = estimatedRows;
            this.fullyRead = fullyRead;
            this.targets = new Sampled[header.size()];
            this.notices = new Notice[header.size()];
            this.relations = new Relation[header.size()];
            java.util.Arrays.fill(relations, Relation.NONE);
        }

        String name() {
            return path.getFileName().toString();
        }

        boolean isIdentifier(int c) {
            return classes[c].columnClass() == ColumnClass.IDENTIFIER;
        }
    }

    /**
     * Analyses the CSV files of a run (or of a preview and its context). Files that cannot be read are
     * left out: their scan or transform reports why.
     */
    static CsvAnalysis analyze(List<Path> inputs, Deidentifier engine, FileTasks tasks, BooleanSupplier cancelled) {
        Profile profile = engine.profile();
        if (!profile.classification().enabled() || inputs.isEmpty()) {
            return NONE;
        }
        List<Path> sorted = new ArrayList<>(new LinkedHashSet<>(inputs.stream().map(CsvAnalysis::key).toList()));
        sorted.sort(Comparator.comparing(Path::toString));
        // One task per table, run where the analysis's pieces run (a cluster's executors, decision 0041): each
        // returns its table's sample record (bounded by sample-rows), never the file.
        int sampleRows = profile.classification().sampleRows();
        List<FileTasks.Task<Sample>> sampling = new ArrayList<>();
        for (Path p : sorted) {
            sampling.add(sampleTask(p.toString(), sampleRows));
        }
        List<Sampled> samples = new ArrayList<>();
        for (Sample s : tasks.run(sampling, cancelled)) {
            if (s != null) {
                samples.add(s.sampled());
            }
        }
        slashDatesAsTheRun(samples);
        numbersUnderAnIdsHeader(samples);
        chooseKeys(samples, profile);
        Set<Sampled> patients = choosePatientTables(samples, profile);
        Map<Sampled, KeySet> keySets = keySets(samples, tasks, cancelled);
        findReferences(samples, keySets, patients, engine);
        resolveKeyReferences(samples, patients, profile);
        staffIds(samples);
        assignDomains(samples, patients, engine);
        markRemovedKeys(samples, engine);
        redcapRecordIds(samples, engine);
        personKeys(samples, profile, engine);
        redcapDeclarations(samples, engine);
        redcapProjectsSharingIds(samples, engine);
        redcapLogUsers(samples);
        Map<String, FileInsight> out = new HashMap<>();
        Map<Sampled, SubjectIndex> indexes = new HashMap<>();
        for (Sampled s : samples) {
            s.patientColumn = profile.subjectColumn(s.header);
            if (s.patientColumn < 0) {
                for (int c = 0; c < s.header.size(); c++) {
                    if (s.relations[c].patient()) {
                        s.patientColumn = c;
                        break;
                    }
                }
            }
        }
        subjectIndexes(samples, indexes, tasks, cancelled);
        for (Sampled s : samples) {
            int via = -1;
            SubjectIndex index = null;
            if (s.patientColumn < 0) {
                for (int c = 0; c < s.header.size() && index == null; c++) {
                    Sampled target = viaTarget(s, c);
                    if (target != null) {
                        index = indexes.get(target);
                        if (index != null) {
                            via = c;
                        }
                    }
                }
            }
            ColumnInsight[] columns = new ColumnInsight[s.header.size()];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = new ColumnInsight(s.classes[c], s.relations[c]);
            }
            unresolvedLinks(s);
            out.put(s.path.toString(), new FileInsight(s.header, columns, s.patientColumn, via, index, s.notices,
                    s.textDatesDayFirst));
        }
        return new CsvAnalysis(Map.copyOf(out));
    }

    /**
     * A column whose slash dates never show their order ({@code 12/04/2021}: every day and month 12 or less in the
     * sample) is read as its own file's other slash date columns show theirs when they all show one (a Singapore
     * clinic's visit dates of early March beside its birth dates {@code 14/03/1988}, in a run with a Philippine
     * export's {@code 03/14/1979}; decision 0244); in a file without such columns, day first when the run's other slash
     * dates that show an order all show the day first (an NHS or European export whose letters table has only early
     * days of the month), not month first by default: read month first, 12 April would move as 4 December and be
     * written as {@code MM/dd}, unlike every other date of the export or of its file, and the interval between a
     * birth and a visit would be months off. Decided on the whole run's samples, so no file's plan depends on the order
     * files are read in.
     */
    private static void slashDatesAsTheRun(List<Sampled> samples) {
        int[][] orders = new int[samples.size()][]; // per file: its columns day first, month first (or mixed)
        int dayFirst = 0;
        int monthFirst = 0;
        for (int f = 0; f < samples.size(); f++) {
            orders[f] = slashOrders(samples.get(f));
            dayFirst += orders[f][0];
            monthFirst += orders[f][1];
        }
        boolean runDayFirst = dayFirst > 0 && monthFirst == 0;
        for (int f = 0; f < samples.size(); f++) {
            Sampled s = samples.get(f);
            int fileDayFirst = orders[f][0];
            boolean open = fileDayFirst > 0 ? orders[f][1] == 0 : orders[f][1] == 0 && runDayFirst;
            for (int c = 0; c < s.classes.length && open; c++) {
                if (s.classes[c].slashOrder() == ColumnClassifier.SlashOrder.OPEN) {
                    s.classes[c] = fileDayFirst > 0 ? s.classes[c].dayFirstAsItsFile() : s.classes[c].dayFirstAsTheRun();
                }
            }
            s.textDatesDayFirst = textDatesDayFirst(s);
        }
    }

    /** How many of a file's columns show their slash dates day first, and how many month first or mixed. */
    private static int[] slashOrders(Sampled s) {
        int[] counts = new int[2];
        for (Classification c : s.classes) {
            switch (c.slashOrder()) {
                case DAY_FIRST -> counts[0]++;
                case MONTH_FIRST, MIXED -> counts[1]++;
                default -> { }
            }
        }
        return counts;
    }

    /**
     * Whether a file's free text reads slash dates that do not show their order day first: as the file's slash date
     * columns are read (a UK letters table beside its admission dates). Read month first, {@code 03/04/2021} in a
     * letter would move as 4 March where the same day in the file's admission column moves as 3 April, and be written
     * month first. A file without slash date columns does not take the run's order: its text would then read
     * otherwise when the file is run alone later; the text's own dates may still show theirs.
     */
    private static boolean textDatesDayFirst(Sampled s) {
        boolean dayFirst = false;
        for (Classification c : s.classes) {
            switch (c.slashOrder()) {
                case MONTH_FIRST, MIXED -> {
                    return false;
                }
                default -> dayFirst |= c.slashDayFirst();
            }
        }
        return dayFirst;
    }

    /**
     * Identifier columns shaped like links (UUIDs, or a header ending in id, key or ref) that reference no table of the
     * run and no domain of the key file: the classifier removes them, and with them a join the researcher may need
     * (encounters' PAYER in an export without payers.csv). The report says so, and how to keep it.
     */
    private static void unresolvedLinks(Sampled s) {
        for (int c = 0; c < s.header.size(); c++) {
            if (c == s.key || s.notices[c] != null || !s.isIdentifier(c) || s.relations[c].role() != Role.NONE
                    || s.distinct.get(c).isEmpty()) {
                continue;
            }
            List<String> words = HeaderHints.words(s.header.get(c));
            String last = words.isEmpty() ? "" : words.get(words.size() - 1);
            if (Shape.of(s.distinct.get(c)).kind() == 0 || last.equals("id") || last.equals("key") || last.equals("ref")) {
                s.notices[c] = new Notice("UNRESOLVED-LINK", "looks like a link to another table, but its values are keys"
                        + " of no table of this run and of no domain of the key file; an identifier column no rule names is"
                        + " removed, and the join with it. To keep the join, run the table it links to with this one, or"
                        + " name the column in a pseudonymize rule");
            }
        }
    }

    /**
     * One table's sample as it travels from where it was read: its dialect (the charset by name), header,
     * column classes, the distinct values of its identifier columns (at most {@code sample-rows} each) and
     * the row estimate. Serializable, so that the sampling may run on a cluster's executors.
     */
    record Sample(String path, char delimiter, char quote, String recordSeparator, String charset, boolean byteOrderMark,
            boolean endsWithRecordSeparator, int preamble, List<String> header, Classification[] classes,
            List<Set<String>> distinct, boolean[] complete, int[] partOf, int personKey, long estimatedRows,
            boolean fullyRead, RedcapDictionary.Fields dictionary, boolean[] recordReferences)
            implements java.io.Serializable {

        Sampled sampled() {
            CsvDialect dialect = new CsvDialect(delimiter, quote, recordSeparator,
                    java.nio.charset.Charset.forName(charset), byteOrderMark, endsWithRecordSeparator, preamble);
            Sampled s = new Sampled(Path.of(path), dialect, header, classes, distinct, complete, partOf, estimatedRows,
                    fullyRead);
            s.personKey = personKey;
            s.dictionary = dictionary;
            s.recordReferences = recordReferences;
            return s;
        }
    }

    /** Samples one table where {@link FileTasks} puts it; null when it cannot be read as CSV (its scan or transform says why). */
    private static FileTasks.Task<Sample> sampleTask(String path, int sampleRows) {
        return FileTasks.Task.reading(path, cancelled -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("run cancelled");
            }
            try {
                return sample(Path.of(path), sampleRows);
            } catch (IOException | FormatException | RuntimeException e) {
                return null; // Not readable as CSV: the scan or transform of this file reports why.
            }
        });
    }

    private static Sample sample(Path path, int sampleRows) throws IOException, FormatException {
        CsvDialect dialect = CsvSniffer.sniff(path);
        try (CsvRecordReader reader = new CsvRecordReader(path, dialect)) {
            List<String> header = reader.header();
            reader.readLabelRows(); // a survey export's label rows are no answers (decision 0162)
            int n = header.size();
            ValueStats[] stats = new ValueStats[n];
            List<Set<String>> distinct = new ArrayList<>();
            boolean[] complete = new boolean[n];
            for (int c = 0; c < n; c++) {
                stats[c] = new ValueStats(NameDictionary.get(), org.deidworkbench.deid.NationalNumberValues.INSTANCE);
                distinct.add(new HashSet<>());
                complete[c] = true;
            }
            boolean[] part = new boolean[n];
            boolean anyPart = false;
            for (int c = 0; c < n; c++) {
                part[c] = isPartHeader(header.get(c));
                anyPart |= part[c];
            }
            // the sampled rows: for a part-number column that may make a repeating identifier a key with it, and for the
            // person a row is about (decision 0173); at most the sample's rows
            List<String[]> kept = new ArrayList<>();
            long chars = 0;
            int rows = 0;
            String[] row;
            boolean fullyRead = true;
            while (true) {
                if (rows >= sampleRows) {
                    fullyRead = reader.next() == null;
                    break;
                }
                row = reader.next();
                if (row == null) {
                    break;
                }
                rows++;
                kept.add(shortValues(row));
                for (int c = 0; c < n; c++) {
                    String v = row[c];
                    stats[c].add(v);
                    chars += v.length() + 1;
                    if (v.isEmpty()) {
                        complete[c] = false;
                    } else if (!distinct.get(c).add(ColumnClassifier.idForm(v))) {
                        complete[c] = false; // a repeat: not a key
                    }
                }
            }
            Classification[] classes = new Classification[n];
            boolean dictionary = RedcapDictionary.isDictionary(header);
            for (int c = 0; c < n; c++) {
                classes[c] = dictionary && RedcapDictionary.isStructure(header.get(c))
                        ? new Classification(ColumnClass.CATEGORICAL, 1, "a REDCap data dictionary's description of the"
                                + " project's fields: kept as written, so that it still describes the export (decision 0176)",
                                false)
                        : ColumnClassifier.classify(header.get(c), stats[c]);
            }
            PersonRows persons = PersonRows.of(classes, kept);
            List<Integer> withPersons = persons == null ? List.of() : columnsWithPersons(classes, kept, persons);
            int personKey = personKey(classes, withPersons);
            personAliases(classes, kept, persons, withPersons, personKey);
            for (int c = 0; c < n; c++) {
                if (classes[c].columnClass() != ColumnClass.IDENTIFIER && !wholeNumbers(classes[c], distinct.get(c))) {
                    distinct.set(c, Set.of());
                }
                complete[c] &= rows > 0;
            }
            int[] partOf = partKeys(anyPart ? kept : null, classes, complete, part);
            boolean[] recordReferences = recordReferences(header, kept);
            long bytesPerChar = dialect.charset().equals(StandardCharsets.UTF_16LE)
                    || dialect.charset().equals(StandardCharsets.UTF_16BE) || dialect.charset().name().startsWith("UTF-16") ? 2 : 1;
            long size = Files.size(path);
            long estimated = fullyRead || chars == 0 ? rows : Math.max(rows, size * rows / (chars * bytesPerChar));
            return new Sample(path.toString(), dialect.delimiter(), dialect.quote(), dialect.recordSeparator(),
                    dialect.charset().name(), dialect.byteOrderMark(), dialect.endsWithRecordSeparator(), dialect.preamble(),
                    new ArrayList<>(header), classes, distinct, complete, partOf, personKey, estimated,
                    fullyRead, dictionary ? RedcapDictionary.read(path, dialect) : null, recordReferences);
        }
    }

    /**
     * For each column of a REDCap export, whether it holds the export's own record ids: a column other than the record id
     * whose header says {@code record} ({@code sib_record}, "Record ID of enrolled sibling") and whose sampled values are
     * nearly all record ids of the sampled rows (decision 0176). Such a column links a record to another (a sibling, a
     * twin, a mother enrolled with her child); kept as a number, it gave the other record's original id. Null for a
     * table that is no REDCap export.
     */
    private static boolean[] recordReferences(List<String> header, List<String[]> rows) {
        int record = Profile.redcapRecordColumn(header);
        if (record < 0) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        for (String[] row : rows) {
            if (!row[record].isEmpty()) {
                ids.add(row[record].strip());
            }
        }
        boolean[] out = new boolean[header.size()];
        for (int c = 0; c < header.size(); c++) {
            if (c == record || !HeaderHints.words(header.get(c)).contains("record")
                    || FieldSelector.ColumnName.normalize(header.get(c)).startsWith("redcap_")) {
                continue;
            }
            int values = 0;
            int found = 0;
            for (String[] row : rows) {
                String v = row[c].strip();
                if (!v.isEmpty()) {
                    values++;
                    found += ids.contains(v) ? 1 : 0;
                }
            }
            out[c] = values > 0 && found >= MIN_CONTAINMENT * values;
        }
        return out;
    }

    /** Longest value a sampled row keeps: ids, part numbers, names and dates are shorter; notes are not kept. */
    private static final int KEPT_VALUE_CHARS = 128;

    /** A sampled row as kept for the keys and the persons: longer values (notes, documents) as empty ones. */
    private static String[] shortValues(String[] row) {
        String[] out = row.clone();
        for (int c = 0; c < out.length; c++) {
            if (out[c].length() > KEPT_VALUE_CHARS) {
                out[c] = "";
            }
        }
        return out;
    }

    /** Fewest sampled rows with a person's values before {@link #personKey} looks at them. */
    private static final int MIN_PERSON_ROWS = 10;

    /**
     * The column that names the person each row is about, in a table that repeats its persons' names or birth dates over
     * its rows (an encounter extract with the patient's name and birth date on every encounter, a claims extract with the
     * member's): the column whose values go one to one with the persons' values (a person's value always with the same
     * id, an id always with the same person; 2 % of rows may disagree), never empty, repeating, about as many as the
     * persons. An identifier is preferred to a column of another class (an enterprise MPI number taken for a code).
     * -1 when the table holds no person's values, they do not repeat (a table of patients, one row each), or no column
     * goes with them (decision 0173).
     */
    private static int personKey(Classification[] classes, List<Integer> withPersons) {
        int best = -1;
        for (int c : withPersons) {
            if (best < 0 || classes[c].columnClass() == ColumnClass.IDENTIFIER
                    && classes[best].columnClass() != ColumnClass.IDENTIFIER) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The persons of a table's sampled rows: its name and birth date columns, each row's values of them (null where
     * the row has none), how many rows have some and how many different persons there are.
     */
    private record PersonRows(List<Integer> columns, String[] tuples, int withPerson, int persons) {

        /**
         * Null when the table holds no person's values, too few rows have them, or they do not repeat. Where the names
         * and birth dates together do not repeat, a name column that changes over a person's rows is another person's
         * (an attending, a signing nurse: decision 0196): the persons are then the birth dates with the names that go
         * with them, or, without a birth date, the name columns left once those with the fewest names are set aside.
         */
        static PersonRows of(Classification[] classes, List<String[]> rows) {
            List<Integer> person = new ArrayList<>();
            List<Integer> births = new ArrayList<>();
            for (int c = 0; c < classes.length; c++) {
                ColumnClass k = classes[c].columnClass();
                if (k == ColumnClass.PERSON_NAME || k == ColumnClass.BIRTH_DATE) {
                    person.add(c);
                }
                if (k == ColumnClass.BIRTH_DATE) {
                    births.add(c);
                }
            }
            if (person.isEmpty() || rows.size() < MIN_PERSON_ROWS) {
                return null;
            }
            PersonRows all = of(person, rows);
            if (all != null || person.size() == 1) {
                return all;
            }
            if (!births.isEmpty()) {
                List<Integer> withBirths = new ArrayList<>(births);
                for (int c : person) {
                    if (!births.contains(c) && dependsOn(rows, births, c)) {
                        withBirths.add(c);
                    }
                }
                return of(withBirths, rows);
            }
            List<Integer> names = new ArrayList<>(person);
            names.sort(java.util.Comparator.comparingLong((Integer c) -> rows.stream().map(r -> r[c]).distinct().count()));
            while (names.size() > 1) {
                names.remove(0);
                PersonRows fewer = of(names, rows);
                if (fewer != null) {
                    return fewer;
                }
            }
            return null;
        }

        /** The persons of {@code columns}' values; null when too few rows have them or they do not repeat. */
        private static PersonRows of(List<Integer> columns, List<String[]> rows) {
            String[] tuples = tuples(columns, rows);
            Set<String> distinctTuples = new HashSet<>();
            int withPerson = 0;
            for (String t : tuples) {
                if (t != null) {
                    distinctTuples.add(t);
                    withPerson++;
                }
            }
            if (withPerson < MIN_PERSON_ROWS || distinctTuples.size() < 2 || distinctTuples.size() > 0.8 * withPerson) {
                return null;
            }
            return new PersonRows(columns, tuples, withPerson, distinctTuples.size());
        }

        /** Each row's values of {@code columns} as one string; null for a row with none of them. */
        private static String[] tuples(List<Integer> columns, List<String[]> rows) {
            String[] tuples = new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                StringBuilder t = new StringBuilder();
                boolean any = false;
                for (int c : columns) {
                    String v = rows.get(r)[c];
                    any |= !v.isEmpty();
                    t.append(v).append('\u0000');
                }
                tuples[r] = any ? t.toString() : null;
            }
            return tuples;
        }

        /** Whether column {@code c} has one value for each value of {@code keys}' columns on all but 2 % of the rows. */
        private static boolean dependsOn(List<String[]> rows, List<Integer> keys, int c) {
            int[] d = disagreements(tuples(keys, rows), rows, c);
            return d[1] > 0 && d[0] <= 0.02 * d[1];
        }
    }

    /**
     * Of the rows with a key ({@code keys[r]} not null) and a value in column {@code c}: how many have another value than
     * the first row of their key had, and how many there are.
     */
    private static int[] disagreements(String[] keys, List<String[]> rows, int c) {
        Map<String, String> first = new HashMap<>();
        int disagree = 0;
        int counted = 0;
        for (int r = 0; r < rows.size(); r++) {
            String v = rows.get(r)[c].strip();
            if (keys[r] == null || v.isEmpty()) {
                continue;
            }
            counted++;
            String before = first.putIfAbsent(keys[r], v);
            disagree += before != null && !before.equals(v) ? 1 : 0;
        }
        return new int[] {disagree, counted};
    }

    /**
     * The columns (not the persons' own) whose values go one to one with the persons' values: never empty, a person's
     * value always with the same value and a value always with the same person (2 % of rows may disagree), about as
     * many values as persons; in column order, of the classes a person's key may have.
     */
    private static List<Integer> columnsWithPersons(Classification[] classes, List<String[]> rows, PersonRows persons) {
        List<Integer> person = persons.columns();
        String[] tuples = persons.tuples();
        int withPerson = persons.withPerson();
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < classes.length; c++) {
            ColumnClass k = classes[c].columnClass();
            if (person.contains(c) || !(k == ColumnClass.IDENTIFIER || k == ColumnClass.CODE || k == ColumnClass.NUMBER
                    || k == ColumnClass.CATEGORICAL || k == ColumnClass.UNKNOWN)) {
                continue;
            }
            Map<String, String> byId = new HashMap<>();
            Map<String, String> byPerson = new HashMap<>();
            int disagree = 0;
            boolean empty = false;
            for (int r = 0; r < rows.size() && !empty; r++) {
                String id = rows.get(r)[c];
                empty = id.isEmpty();
                if (tuples[r] == null || empty) {
                    continue;
                }
                String p = byId.putIfAbsent(id, tuples[r]);
                String i = byPerson.putIfAbsent(tuples[r], id);
                if (p != null && !p.equals(tuples[r]) || i != null && !i.equals(id)) {
                    disagree++;
                }
            }
            int ids = byId.size();
            if (empty || ids < 2 || ids >= withPerson || disagree > 0.02 * withPerson
                    || Math.abs(ids - persons.persons()) > 0.1 * persons.persons()) {
                continue;
            }
            out.add(c);
        }
        return out;
    }

    /**
     * Where rows repeat their persons and {@code personKey} names them, every other column whose values go one to one
     * with the persons and are shaped as ids (digits of one length of six or more: a bare SSN, a chart number; or
     * letters and digits of six or more characters) is another id of the person, an identifier, not a number or a code
     * to keep (decision 0196): a nursing home's assessments under the MDS's item numbers ({@code A0600A} the SSN,
     * {@code A1300A} the medical record number) kept both as numbers, since each repeats over a resident's assessments.
     */
    static void personAliases(Classification[] classes, List<String[]> rows, PersonRows p, List<Integer> withPersons,
            int personKey) {
        if (p == null || personKey < 0) {
            return;
        }
        for (int c : withPersons) {
            if (c != personKey && classes[c].columnClass() != ColumnClass.IDENTIFIER && idShaped(rows, c)) {
                classes[c] = new Classification(ColumnClass.IDENTIFIER, 0.9, "another id of each row's person: its"
                        + " values go one to one with the rows' names and birth dates, as the person's key's do, and are"
                        + " shaped as ids (decision 0196)", false);
            }
        }
        for (int c = 0; c < classes.length; c++) {
            ColumnClass k = classes[c].columnClass();
            if (c != personKey && (k == ColumnClass.UNKNOWN || k == ColumnClass.CATEGORICAL)
                    && namePartOfPersons(rows, c, p)) {
                classes[c] = new Classification(ColumnClass.PERSON_NAME, 0.8, "another part of each row's person's name:"
                        + " the same capitalised name on every row of a person, about as many as the persons, words the"
                        + " name lists know as names or not as ordinary words (decision 0196)", false);
            }
        }
    }

    /**
     * Whether column {@code c} holds another part of the persons' names (a surname column beside the given names the lists
     * know, under a header that says nothing: the MDS's {@code A0500C}): every row of a person has the same value, there
     * are at least half as many values as persons (a family shares its surname; a sex, a unit, a physician have far
     * fewer), and nearly every value is one to three capitalised words of letters, each a name of the lists or no
     * ordinary word ({@code Smith}, {@code Quillfeather}; not {@code Heart Failure}).
     */
    private static boolean namePartOfPersons(List<String[]> rows, int c, PersonRows p) {
        int[] d = disagreements(p.tuples(), rows, c);
        if (d[1] < MIN_PERSON_ROWS || d[0] > 0.02 * d[1]) {
            return false;
        }
        Set<String> values = new HashSet<>();
        int named = 0;
        NameDictionary names = NameDictionary.get();
        for (int r = 0; r < rows.size(); r++) {
            String v = rows.get(r)[c].strip();
            if (p.tuples()[r] != null && !v.isEmpty()) {
                values.add(v);
                named += nameShaped(v, names) ? 1 : 0;
            }
        }
        return values.size() >= 0.5 * p.persons() && named >= 0.95 * d[1];
    }

    private static boolean nameShaped(String v, NameDictionary names) {
        String[] words = v.split(" ");
        if (words.length > 3) {
            return false;
        }
        for (String w : words) {
            if (w.length() < 2 || !Character.isUpperCase(w.codePointAt(0))) {
                return false;
            }
            for (int i = 0; i < w.length(); i++) {
                char ch = w.charAt(i);
                if (!Character.isLetter(ch) && ch != '-' && ch != '\'' && ch != '\u2019') {
                    return false;
                }
            }
            String token = NameDictionary.normalize(w);
            if (!names.isName(token) && names.isCommonWord(token)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every value of column {@code c} is shaped as an id: six characters or more of digits, ASCII letters and
     * hyphens with a digit; those without a letter all of one length.
     */
    private static boolean idShaped(List<String[]> rows, int c) {
        int digitsLength = -1;
        for (String[] row : rows) {
            String v = row[c];
            if (v.isEmpty()) {
                continue;
            }
            if (v.length() < 6) {
                return false;
            }
            boolean digit = false;
            boolean letter = false;
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                if (ch >= '0' && ch <= '9') {
                    digit = true;
                } else if (ch < 128 && Character.isLetter(ch)) {
                    letter = true;
                } else if (ch != '-') {
                    return false;
                }
            }
            if (!digit) {
                return false;
            }
            if (!letter) {
                if (digitsLength >= 0 && digitsLength != v.length()) {
                    return false;
                }
                digitsLength = v.length();
            }
        }
        return true;
    }

    /** Fewer digits than this and a column of whole numbers is not taken for another table's ids by its header alone. */
    private static final int MIN_ID_DIGITS = 5;

    /**
     * Whether a column taken for numbers holds whole numbers of {@link #MIN_ID_DIGITS} digits or more only: it may be
     * another table's ids under that table's header ({@link #numbersUnderAnIdsHeader}), so its distinct values are kept.
     */
    private static boolean wholeNumbers(Classification c, Set<String> values) {
        if (c.columnClass() != ColumnClass.NUMBER || values.isEmpty()) {
            return false;
        }
        for (String v : values) {
            if (v.length() < MIN_ID_DIGITS || v.length() > 18 || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A column of whole numbers under the very header of another table's identifier column, nearly all of whose values
     * are that column's (a SAS export's {@code PTIDNUM} in the visits, which repeat a patient and so look like numbers,
     * beside {@code PTIDNUM} of the patients, unique): the same ids, to pseudonymize and join alike, not numbers to keep
     * (decision 0138). The other columns of numbers lose their sampled values, as before.
     */
    private static void numbersUnderAnIdsHeader(List<Sampled> samples) {
        for (Sampled s : samples) {
            for (int c = 0; c < s.header.size(); c++) {
                if (s.classes[c].columnClass() != ColumnClass.NUMBER || s.distinct.get(c).isEmpty()) {
                    continue;
                }
                Set<String> values = s.distinct.get(c);
                String header = normalized(s.header.get(c));
                Sampled ids = null;
                for (Sampled t : samples) {
                    for (int k = 0; t != s && ids == null && k < t.header.size(); k++) {
                        if (t.isIdentifier(k) && normalized(t.header.get(k)).equals(header)
                                && contained(values, t.distinct.get(k)) >= MIN_CONTAINMENT) {
                            ids = t;
                        }
                    }
                }
                if (ids != null) {
                    Classification was = s.classes[c];
                    s.classes[c] = new Classification(ColumnClass.IDENTIFIER, was.confidence(), was.evidence()
                            + "; the ids of " + ids.name() + " under its header", was.slashDayFirst(), was.slashOrder(),
                            was.monthLanguage());
                } else {
                    s.distinct.set(c, Set.of());
                }
            }
        }
    }

    private static double contained(Set<String> values, Set<String> in) {
        int n = 0;
        for (String v : values) {
            if (in.contains(v)) {
                n++;
            }
        }
        return values.isEmpty() ? 0 : (double) n / values.size();
    }

    /** Header words of a column that numbers the parts of one thing over several rows. */
    private static final Set<String> PART_WORDS = Set.of("line", "seq", "sequence", "segment", "seg", "part", "chunk",
            "piece");

    private static boolean isPartHeader(String header) {
        List<String> words = HeaderHints.words(header);
        for (String w : words) {
            if (PART_WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * For each identifier column that repeats in the sample, the part-number column (small whole numbers under a
     * header word of {@link #PART_WORDS}, never empty) with which each of its values is unique and never empty: Epic's
     * {@code NOTE_ID} with {@code LINE}, a claim's {@code CLM_ID} with {@code SEGMENT}. The pair is the table's key,
     * and the identifier names one thing (a note, a claim) whose rows the researcher must keep together.
     */
    private static int[] partKeys(List<String[]> rows, Classification[] classes, boolean[] complete, boolean[] part) {
        int n = classes.length;
        int[] partOf = new int[n];
        java.util.Arrays.fill(partOf, -1);
        if (rows == null || rows.size() < 2) {
            return partOf;
        }
        for (int p = 0; p < n; p++) {
            if (!part[p] || classes[p].columnClass() == ColumnClass.IDENTIFIER || !smallWholeNumbers(rows, p)) {
                continue;
            }
            for (int c = 0; c < n; c++) {
                if (c == p || partOf[c] >= 0 || complete[c] || classes[c].columnClass() != ColumnClass.IDENTIFIER) {
                    continue;
                }
                Set<String> pairs = new HashSet<>();
                boolean unique = true;
                for (String[] r : rows) {
                    if (r[c].isEmpty() || !pairs.add(r[c] + '\u0000' + r[p])) {
                        unique = false;
                        break;
                    }
                }
                if (unique && pairs.size() > 1) {
                    partOf[c] = p;
                }
            }
        }
        return partOf;
    }

    private static boolean smallWholeNumbers(List<String[]> rows, int p) {
        for (String[] r : rows) {
            String v = r[p];
            if (v.isEmpty() || v.length() > 4) {
                return false;
            }
            for (int i = 0; i < v.length(); i++) {
                if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Each table's key: a column of identifiers that are unique and never empty in the sample; where none is, one that is
     * unique with a part-number column ({@link #partKeys}), never the subject column. A column that another table of the
     * run also holds unique and never empty, with more values, is that table's key, unique here only because this table
     * is small or 1:1 with it (an ICU stays table's {@code subject_id} and {@code hadm_id}, the keys of patients and
     * admissions): it gives way to a column of this table's own ({@code stay_id}; decision 0110).
     */
    private static void chooseKeys(List<Sampled> samples, Profile profile) {
        Map<String, Integer> mostValues = new HashMap<>(); // per normalized header, the most values of a key candidate
        for (Sampled s : samples) {
            for (int c = 0; c < s.header.size(); c++) {
                if (s.isIdentifier(c) && s.complete[c]) {
                    mostValues.merge(normalized(s.header.get(c)), s.distinct.get(c).size(), Math::max);
                }
            }
        }
        for (Sampled s : samples) {
            chooseKey(s, profile, false, mostValues);
            if (s.key < 0) {
                // no identifier is unique alone: one that is unique with a part number (a note's id over its lines)
                chooseKey(s, profile, true, mostValues);
                s.groupKey = s.key >= 0;
            }
        }
    }

    private static void chooseKey(Sampled s, Profile profile, boolean withPart, Map<String, Integer> mostValues) {
        int subject = profile.subjectColumn(s.header);
        int best = -1;
        int bestScore = -1;
        for (int c = 0; c < s.header.size(); c++) {
            if (!s.isIdentifier(c) || (withPart ? s.partOf[c] < 0 || c == subject : !s.complete[c])) {
                continue;
            }
            List<String> words = HeaderHints.words(s.header.get(c));
            int score = 1;
            if (words.equals(List.of("id")) || words.equals(List.of("key")) || words.equals(List.of("uuid"))) {
                score += 4;
            }
            if (refersToTable(words, s)) {
                score += 3;
            }
            if (HeaderHints.of(s.header.get(c)).has(HeaderHints.Hint.ID)) {
                score += 2;
            }
            if (c == 0) {
                score += 1;
            }
            if (mostValues.getOrDefault(normalized(s.header.get(c)), 0) > s.distinct.get(c).size()) {
                score -= 3; // another table's key
            }
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        s.key = best;
    }

    /** Whether header words name the table ({@code PATIENT}, {@code patient_id} → patients.csv). */
    /** Whether a header's words name the patient or the patient's record number ({@code patient}, {@code mrn}). */
    private static boolean namesPatient(List<String> headerWords) {
        for (String w : headerWords) {
            if (w.equals("mrn") || PATIENT_TABLES.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Header words of a person a patient's record names beside the patient, who may be a patient of the same table: the
     * guarantor, the insured or subscriber, a parent, a spouse, a guardian, the head of the family (decision 0195).
     */
    private static final Set<String> RELATED_PERSON_WORDS = Set.of("guarantor", "guar", "insured", "subscriber",
            "policyholder", "responsible", "respons", "parent", "mother", "father", "spouse", "guardian", "household",
            "superfamily", "family", "head");

    private static boolean namesRelatedPerson(List<String> headerWords) {
        for (String w : headerWords) {
            if (RELATED_PERSON_WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refersToTable(List<String> headerWords, Sampled table) {
        List<String> stem = table.stemWords;
        if (stem.isEmpty()) {
            return false;
        }
        List<String> singular = new ArrayList<>(stem);
        String last = singular.get(singular.size() - 1);
        singular.set(singular.size() - 1, singularOf(last));
        return containsRun(headerWords, stem) || containsRun(headerWords, singular);
    }

    private static String singularOf(String w) {
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("en") && w.length() > 5) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static boolean containsRun(List<String> words, List<String> run) {
        for (int i = 0; i + run.size() <= words.size(); i++) {
            if (words.subList(i, i + run.size()).equals(run)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tables of patients: the one that looks most like it (its name, names and birth dates in it,
     * or the profile's subject column as its key), and in every other folder the one there whose name
     * says it holds patients. Two exports de-identified in one run (two folders, each with its
     * {@code patients.csv}) each keep their patients: their rows get their patients' date offsets, not
     * the project-wide one.
     */
    private static Set<Sampled> choosePatientTables(List<Sampled> samples, Profile profile) {
        Sampled best = null;
        int bestScore = 1;
        Map<Path, Sampled> named = new HashMap<>();
        Map<Path, Integer> namedScores = new HashMap<>();
        for (Sampled s : samples) {
            if (s.key < 0 || s.groupKey || s.personKey >= 0 && profile.subjectColumn(s.header) < 0) {
                continue; // a table that repeats its persons over its rows is no table of patients by its key (0173)
            }
            int subject = profile.subjectColumn(s.header);
            Set<String> subjects = subject >= 0 ? s.distinct.get(subject) : Set.of();
            if (subject != s.key && !subjects.isEmpty() && subjects.size() < s.distinct.get(s.key).size()) {
                // Its rows name their patient in another column, which repeats over them (a UB-04's claims keyed by
                // FL03A_PAT_CNTL_NO, two claims of one FL03B_MED_REC_NO): its key is a claim's or a stay's, and a table
                // referencing it reaches the patient through it (decision 0228), not a patient of its own per claim. A
                // patient table with a local number beside the NHS number, one row each, stays one, as does a table
                // whose subject's values the sample did not keep (a national number's: no identifier class).
                continue;
            }
            boolean patientName = PATIENT_TABLES.contains(s.stem) || s.stemWords.stream().anyMatch(PATIENT_TABLES::contains);
            int score = patientName ? 2 : 0;
            boolean names = false;
            boolean births = false;
            for (Classification c : s.classes) {
                names |= c.columnClass() == ColumnClass.PERSON_NAME;
                births |= c.columnClass() == ColumnClass.BIRTH_DATE;
            }
            score += (names ? 1 : 0) + (births ? 1 : 0);
            if (profile.subjectColumn(s.header) == s.key) {
                score += 3;
            }
            if (score > bestScore) {
                best = s;
                bestScore = score;
            }
            Path folder = s.path.toAbsolutePath().getParent();
            if (patientName && score > namedScores.getOrDefault(folder, 1)) {
                named.put(folder, s);
                namedScores.put(folder, score);
            }
        }
        if (best == null) {
            // none looks like one: the first table keyed by the patient's record number ("MRN", "রেজি নং", "رجسٹر نمبر":
            // a register kept in Bangla or Urdu, named after no patient and holding no birth date; decision 0250)
            for (Sampled s : samples) {
                if (s.key >= 0 && !s.groupKey && s.personKey < 0 && HeaderHints.words(s.header.get(s.key)).contains("mrn")) {
                    best = s;
                    break;
                }
            }
        }
        Set<Sampled> out = new HashSet<>();
        if (best != null) {
            out.add(best);
            named.remove(best.path.toAbsolutePath().getParent());
            out.addAll(named.values());
        }
        return out;
    }

    /** The values of every key that another table's identifiers could reference. */
    private static Map<Sampled, KeySet> keySets(List<Sampled> samples, FileTasks tasks, BooleanSupplier cancelled) {
        Map<Sampled, KeySet> out = new HashMap<>();
        List<Sampled> read = new ArrayList<>();
        for (Sampled s : samples) {
            if (s.key < 0) {
                continue;
            }
            if (s.fullyRead) {
                out.put(s, KeySet.exact(s.distinct.get(s.key)));
                continue;
            }
            if (!anyCompatibleReference(s, samples)) {
                continue;
            }
            read.add(s);
        }
        List<KeySet> sets = tasks.run(read.stream().map(CsvAnalysis::keySetTask).toList(), cancelled);
        for (int i = 0; i < read.size(); i++) {
            if (sets.get(i) != null) {
                out.put(read.get(i), sets.get(i));
            }
        }
        return out;
    }


    /**
     * Reads a table's key column through into a Bloom filter; null when the table cannot be read
     * through (no reference to it is found; its transform reports why). Runs where {@link FileTasks} puts it.
     */
    private static FileTasks.Task<KeySet> keySetTask(Sampled s) {
        String path = s.path.toString();
        int columns = s.header.size();
        int key = s.key;
        long estimatedRows = s.estimatedRows;
        return FileTasks.Task.reading(path, cancelled -> {
            KeySet set = KeySet.filter(estimatedRows);
            boolean[] wanted = new boolean[columns];
            wanted[key] = true;
            try {
                Path file = Path.of(path);
                ColumnPass.run(file, CsvSniffer.sniff(file), wanted, row -> set.add(row[key]), cancelled);
                return set;
            } catch (IOException | FormatException e) {
                return null;
            }
        });
    }

    /** Whether some other table has identifiers shaped like this table's key values. */
    private static boolean anyCompatibleReference(Sampled keyTable, List<Sampled> samples) {
        Shape key = Shape.of(keyTable.distinct.get(keyTable.key));
        for (Sampled s : samples) {
            if (s == keyTable) {
                continue;
            }
            for (int c = 0; c < s.header.size(); c++) {
                if (s.isIdentifier(c) && key.accepts(Shape.of(s.distinct.get(c)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The rough shape of a column's values: UUIDs, digits of some lengths, or other. */
    private record Shape(int kind, int minLength, int maxLength) {
        static Shape of(Set<String> values) {
            int kind = -1;
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (String v : values) {
                int k = v.length() == 36 && v.charAt(8) == '-' ? 0 : v.chars().allMatch(Character::isDigit) ? 1 : 2;
                kind = kind == -1 || kind == k ? k : 2;
                min = Math.min(min, v.length());
                max = Math.max(max, v.length());
            }
            return new Shape(kind, min, max);
        }

        boolean accepts(Shape ref) {
            return ref.kind == kind && ref.kind >= 0 && (kind == 0 || ref.maxLength <= maxLength + 3);
        }
    }

    /** For every identifier column, the key (of another table of the run, or a domain of the key file) it references. */
    private static void findReferences(List<Sampled> samples, Map<Sampled, KeySet> keySets, Set<Sampled> patients,
            Deidentifier engine) {
        for (Sampled s : samples) {
            for (int c = 0; c < s.header.size(); c++) {
                if (!s.isIdentifier(c) || s.distinct.get(c).isEmpty()) {
                    continue;
                }
                Set<String> values = s.distinct.get(c);
                if (patients.contains(s) && c == s.key) {
                    s.relations[c] = new Relation(Role.PATIENT_KEY, "", "key of " + s.name() + " (the patient table)");
                    continue;
                }
                List<String> words = HeaderHints.words(s.header.get(c));
                // Small numbers are contained in every other table's numeric key: they need the header's word.
                Shape shape = Shape.of(values);
                int minScore = shape.kind() == 1 && shape.maxLength() <= 6 || c == s.key ? 3 : 0;
                Sampled best = null;
                int bestScore = -1;
                // a patient's column that names another person and holds the patient table's own keys (Open Dental's
                // patient.Guarantor, the PatNum of the one who pays): another patient of the same table (decision 0195)
                boolean otherPatient = patients.contains(s) && c != s.key && namesRelatedPerson(words);
                for (Sampled t : samples) {
                    KeySet keys = keySets.get(t);
                    if (t == s && !otherPatient || keys == null || containment(values, keys) < MIN_CONTAINMENT) {
                        continue;
                    }
                    int score = t == s ? 3 : 0;
                    if (normalized(s.header.get(c)).equals(normalized(t.header.get(t.key)))) {
                        score += 4;
                    }
                    if (refersToTable(words, t)) {
                        score += 3;
                    }
                    if (patients.contains(t)) {
                        // a column that names the patient (ｶﾙﾃNO, the chart's number; PAT_NO) and whose values are the
                        // patient table's keys references it as its header would (decision 0135)
                        score += namesPatient(words) ? 3 : 1;
                    }
                    // Equal evidence: the smaller key (person_id 1..60 is also within visit ids 1..5000).
                    if (best == null || score > bestScore || score == bestScore && t.estimatedRows < best.estimatedRows) {
                        best = t;
                        bestScore = score;
                    }
                }
                if (best == s && bestScore >= minScore) {
                    // pseudonymized in the subject domain, as the key it holds, so the person joins; not the row's own
                    // patient, so not a patient reference (the row's subject stays its key's)
                    s.relations[c] = new Relation(Role.REFERENCE, "", "references " + s.name() + ":"
                            + s.header.get(s.key) + " (the patient table: another patient of the same table)");
                    s.targets[c] = s;
                } else if (best != null && bestScore >= minScore) {
                    boolean patient = patients.contains(best);
                    s.relations[c] = new Relation(patient ? Role.PATIENT_REFERENCE : Role.REFERENCE, "",
                            "references " + best.name() + ":" + best.header.get(best.key)
                                    + (patient ? " (the patient table)" : ""));
                    s.targets[c] = best;
                } else if (c == s.key) {
                    s.relations[c] = new Relation(Role.KEY, "", "key of " + s.name() + (s.groupKey
                            ? " with " + s.header.get(s.partOf[c]) + " (its rows are numbered parts of one thing)" : ""));
                } else {
                    knownReference(s, c, values, engine);
                    if (s.relations[c].role() == Role.NONE) {
                        partialReference(s, c, values, words, samples, keySets, patients);
                    }
                }
            }
        }
    }

    /**
     * A column whose header names a table of the run and whose values are shaped like that table's key, but fewer of
     * them than {@link #MIN_CONTAINMENT} are keys there: a link into a partial table (medications of every encounter,
     * the encounters of one year). It references that table all the same, so the rows that join still join; the values
     * not found there are pseudonymized in the same domain, and the file's report says how many were found. Without
     * this the column was removed as an unknown identifier, and the join with it, without a word.
     */
    private static void partialReference(Sampled s, int c, Set<String> values, List<String> words, List<Sampled> samples,
            Map<Sampled, KeySet> keySets, Set<Sampled> patients) {
        Shape shape = Shape.of(values);
        Sampled best = null;
        double bestShare = 0;
        for (Sampled t : samples) {
            KeySet keys = keySets.get(t);
            if (t == s || keys == null || t.key < 0
                    || !(refersToTable(words, t) || normalized(s.header.get(c)).equals(normalized(t.header.get(t.key))))
                    || !Shape.of(t.distinct.get(t.key)).accepts(shape)) {
                continue;
            }
            double share = containment(values, keys);
            // one UUID found in the table it names is proof; small numbers are found anywhere, so they need a tenth
            if ((shape.kind() == 0 ? share > 0 : share >= MIN_PARTIAL_CONTAINMENT) && share > bestShare) {
                best = t;
                bestShare = share;
            }
        }
        if (best == null) {
            return;
        }
        boolean patient = patients.contains(best);
        String percent = bestShare < 0.01 ? "less than 1" : Integer.toString((int) Math.floor(bestShare * 100));
        s.relations[c] = new Relation(patient ? Role.PATIENT_REFERENCE : Role.REFERENCE, "",
                "references " + best.name() + ":" + best.header.get(best.key) + (patient ? " (the patient table)" : "")
                        + ", a partial table (" + percent + " % of the sampled values are keys there)");
        s.targets[c] = best;
        s.notices[c] = new Notice("PARTIAL-LINK", "only " + percent + " % of the sampled values are keys of "
                + best.name() + ":" + best.header.get(best.key) + "; the column is pseudonymized in its domain all the same,"
                + " so the rows found there still join, and the others get pseudonyms of their own");
    }

    /**
     * Two tables whose keys hold the same values (cases and one diagnosis per case) would each
     * reference the other: the one that ties its rows to patients (else the larger, else the first
     * by path) keeps its key, the other references it. Then every reference to a key that itself
     * references another key is pointed at that one, so a chain of 1:1 tables shares one domain.
     */
    private static void resolveKeyReferences(List<Sampled> samples, Set<Sampled> patients, Profile profile) {
        for (Sampled s : samples) {
            if (s.key < 0 || s.targets[s.key] == null) {
                continue;
            }
            Sampled t = s.targets[s.key];
            if (t.key >= 0 && t.targets[t.key] == s) {
                Sampled owner = owner(s, t, profile);
                owner.targets[owner.key] = null;
                owner.relations[owner.key] = new Relation(patients.contains(owner) ? Role.PATIENT_KEY : Role.KEY, "",
                        "key of " + owner.name());
            }
        }
        for (Sampled s : samples) {
            for (int c = 0; c < s.header.size(); c++) {
                Sampled t = s.targets[c];
                if (t == null) {
                    continue;
                }
                Sampled start = t;
                for (int hops = 0; hops < samples.size() && t.key >= 0 && t.targets[t.key] != null
                        && t.targets[t.key] != s; hops++) {
                    t = t.targets[t.key];
                }
                if (t != start) {
                    s.targets[c] = t;
                    boolean patient = patients.contains(t);
                    s.relations[c] = new Relation(patient ? Role.PATIENT_REFERENCE : Role.REFERENCE, "",
                            "references " + t.name() + ":" + t.header.get(t.key) + (patient ? " (the patient table)" : ""));
                }
            }
        }
    }

    private static Sampled owner(Sampled a, Sampled b, Profile profile) {
        boolean pa = tiesToPatients(a, profile);
        boolean pb = tiesToPatients(b, profile);
        if (pa != pb) {
            return pa ? a : b;
        }
        if (a.estimatedRows != b.estimatedRows) {
            return a.estimatedRows > b.estimatedRows ? a : b;
        }
        return a.path.toString().compareTo(b.path.toString()) <= 0 ? a : b;
    }

    /** Header words for a member of staff whose id a table may carry without the staff table (decision 0110). */
    private static final Set<String> STAFF = Set.of("provider", "caregiver", "physician", "doctor", "practitioner",
            "clinician", "nurse", "attending", "surgeon", "prescriber", "staff", "prsnl", "personnel");

    /**
     * The id of a member of staff ({@code caregiver_id}, {@code order_provider_id}) in a table run without the staff
     * table: pseudonymized in a domain named after the role ({@code caregiver}, {@code provider}: the domain the staff
     * table's key gets when it is in the run), not removed as an unresolved link. A researcher groups a patient's
     * charted values, orders and admissions by who made them; a pseudonym tells no one who that was (decision 0110).
     * Only a header ending in {@code id} or {@code key}: an NPI is a public number and is removed by its class.
     */
    private static void staffIds(List<Sampled> samples) {
        for (Sampled s : samples) {
            for (int c = 0; c < s.header.size(); c++) {
                if (c == s.key || !s.isIdentifier(c) || s.relations[c].role() != Role.NONE
                        || s.distinct.get(c).isEmpty()) {
                    continue;
                }
                List<String> words = HeaderHints.words(s.header.get(c));
                String last = words.isEmpty() ? "" : words.get(words.size() - 1);
                if (HeaderHints.of(s.header.get(c)).namesAUser()) {
                    // the login of the user who entered the row (decision 0197): a user of the system, by its pseudonym
                    s.relations[c] = new Relation(Role.KEY, domainName("user"), "login of a user of the system (no"
                            + " table of this run holds them; rows still group by it)");
                    continue;
                }
                if (!last.equals("id") && !last.equals("key")) {
                    continue;
                }
                String role = null;
                for (String w : words) {
                    if (STAFF.contains(w)) {
                        role = w;
                    }
                }
                if (role != null) {
                    s.relations[c] = new Relation(Role.KEY, domainName(role), "id of a " + role + " (no table of this"
                            + " run holds them; rows still group by it)");
                }
            }
        }
    }

    /**
     * A REDCap export's record id is its rows' subject (decision 0106): pseudonymized in the subject domain, as a
     * patient table's key is, though it repeats on every event of the record.
     */
    private static void redcapRecordIds(List<Sampled> samples, Deidentifier engine) {
        for (Sampled s : samples) {
            int c = Profile.redcapRecordColumn(s.header);
            if (c >= 0) {
                s.relations[c] = new Relation(Role.PATIENT_KEY, engine.subjectDomain(),
                        "record id of a REDCap export (its rows' subject)");
                for (int r = 0; s.recordReferences != null && r < s.recordReferences.length; r++) {
                    if (s.recordReferences[r]) {
                        s.relations[r] = new Relation(Role.REFERENCE, engine.subjectDomain(), "record ids of the same"
                                + " REDCap export (another record's, as a sibling's): pseudonymized as its record ids are,"
                                + " so the link still resolves (decision 0176)");
                    }
                }
            }
        }
    }

    /**
     * A REDCap project's data dictionary in the run (decision 0176) says of the project's exports — the tables whose
     * first column is its record id field, by variable name or label — which fields the study declared identifiers
     * ({@code Identifier? = y}) and which hold e-mail addresses, phone numbers, SSNs, MRNs or ZIP codes by their
     * validation. Such a column that the classifier took for anything else (a {@code hometown} of town names kept as
     * text, a {@code school}, a sibling's record number kept as a number) gets the dictionary's class; a column the
     * classifier already took for an identifying class, a date, an age, or a relation keeps that (a declared birth date
     * is shifted, a declared MRN that links tables is pseudonymized). A rule naming the column still decides. A table
     * that begins with the record id field is the project's export even without REDCap's own columns (a report): its
     * record id is its rows' subject, as in decision 0106.
     */
    private static void redcapDeclarations(List<Sampled> samples, Deidentifier engine) {
        List<RedcapDictionary.Fields> dictionaries = new ArrayList<>();
        for (Sampled s : samples) {
            if (s.dictionary != null) {
                dictionaries.add(s.dictionary);
            }
        }
        if (dictionaries.isEmpty()) {
            return;
        }
        for (Sampled s : samples) {
            if (s.dictionary != null) {
                continue;
            }
            for (RedcapDictionary.Fields fields : dictionaries) {
                if (!fields.describes(s.header)) {
                    continue;
                }
                if (!s.relations[0].patient() && engine.profile().subjectColumn(s.header) < 0) {
                    s.relations[0] = new Relation(Role.PATIENT_KEY, engine.subjectDomain(),
                            "record id of a REDCap project's export (its first field in the data dictionary)");
                }
                for (int c = 1; c < s.header.size(); c++) {
                    RedcapDictionary.Declared d = fields.declared(s.header.get(c));
                    ColumnClass now = s.classes[c].columnClass();
                    if (d == null || s.relations[c].role() != Role.NONE || now.identifier() || now.isDate()
                            || now == ColumnClass.AGE || now == ColumnClass.BIRTH_YEAR) {
                        continue;
                    }
                    s.classes[c] = new Classification(d.columnClass(), 1, d.evidence() + " (decision 0176); the sample"
                            + " alone said " + now.yamlName(), s.classes[c].slashDayFirst());
                }
                // no break: two projects' dictionaries whose record id fields share a name both apply (flags only add)
            }
        }
    }

    /**
     * A REDCap logging export's users (decision 0177): the login of the staff member who entered, exported or deleted is
     * pseudonymized in the domain {@code user}, so one user's actions still group.
     */
    private static void redcapLogUsers(List<Sampled> samples) {
        for (Sampled s : samples) {
            RedcapLog log = RedcapLog.of(s.header);
            if (log != null && s.relations[log.user].role() == Role.NONE) {
                s.relations[log.user] = new Relation(Role.KEY, domainName("user"), "the REDCap user of a logging"
                        + " export's action: pseudonymized, so one user's actions still group (decision 0177)");
            }
        }
    }

    /** A REDCap export's project, by the name REDCap gives the file ({@code DiabetesCohort_DATA_2023-07-05_1412.csv}). */
    private static final java.util.regex.Pattern REDCAP_EXPORT_NAME = java.util.regex.Pattern.compile("(.+?)_DATA_.*");

    /**
     * Two REDCap projects in one run whose record ids overlap (both number their records 1, 2, 3): their record ids are
     * subjects of one domain, so record 1 of both is one subject — one pseudonym, one date offset, and each other's
     * names scrubbed from the notes. A warning on each such export's record id says so and what to do (decision 0176).
     * Projects are told apart by the names REDCap gives their exports; a renamed export is not compared.
     */
    private static void redcapProjectsSharingIds(List<Sampled> samples, Deidentifier engine) {
        Map<String, Set<String>> ids = new java.util.TreeMap<>();
        Map<String, List<Sampled>> files = new HashMap<>();
        for (Sampled s : samples) {
            java.util.regex.Matcher m = REDCAP_EXPORT_NAME.matcher(s.name());
            if (!m.matches() || s.dictionary != null || !s.relations[0].patient() || s.distinct.get(0).isEmpty()) {
                continue;
            }
            ids.computeIfAbsent(m.group(1), k -> new HashSet<>()).addAll(s.distinct.get(0));
            files.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<String, Set<String>> a : ids.entrySet()) {
            for (Map.Entry<String, Set<String>> b : ids.entrySet()) {
                if (a.getKey().equals(b.getKey()) || java.util.Collections.disjoint(a.getValue(), b.getValue())) {
                    continue;
                }
                for (Sampled s : files.get(a.getKey())) {
                    if (s.notices[0] == null) {
                        s.notices[0] = new Notice("REDCAP-SHARED-RECORD-IDS", "REDCap project '" + a.getKey()
                                + "' numbers its records as project '" + b.getKey() + "' of this run does; both are"
                                + " subjects of the domain '" + engine.subjectDomain() + "', so one record id is one"
                                + " subject in both (one pseudonym, one date offset). Run each project with a profile of"
                                + " its own subject domain");
                    }
                }
            }
        }
    }

    /**
     * In a table without a subject column whose rows repeat their persons, the column that names them
     * ({@link #personKey}) is the rows' subject, pseudonymized in the subject domain as a patient table's key is, unless
     * another column already ties the rows to patients (decision 0173). Before, the table's key, unique per row (an
     * encounter's or a claim's number), was taken for a patient's: every row had its own date offset, a person's birth
     * date came out different on each row, and the person's id was removed or kept as a code.
     */
    private static void personKeys(List<Sampled> samples, Profile profile, Deidentifier engine) {
        for (Sampled s : samples) {
            if (s.personKey < 0 || tiesToPatients(s, profile)) {
                continue;
            }
            s.relations[s.personKey] = new Relation(Role.PATIENT_KEY, engine.subjectDomain(),
                    "the person of each row: its values go with the rows' names and birth dates (decision 0173)");
        }
    }

    private static boolean tiesToPatients(Sampled s, Profile profile) {
        if (profile.subjectColumn(s.header) >= 0) {
            return true;
        }
        for (Relation r : s.relations) {
            if (r.patient()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A column of a table run without its key table: its values may be known in a domain of the key
     * file. Small numbers are known in many domains, so they need the header to name the domain
     * ({@code visit_occurrence_id} → {@code visit_occurrence}); other values need only be known.
     */
    private static void knownReference(Sampled s, int c, Set<String> values, Deidentifier engine) {
        List<String> sample = values.stream().sorted().limit(MAX_KNOWN_CHECKS).toList();
        List<String> words = HeaderHints.words(s.header.get(c));
        Shape shape = Shape.of(values);
        int minScore = shape.kind() == 1 && shape.maxLength() <= 6 ? 3 : 0;
        String best = null;
        int bestScore = -1;
        for (String domain : engine.knownDomains()) {
            int known = 0;
            for (String v : sample) {
                if (engine.knownInDomain(domain, v)) {
                    known++;
                }
            }
            if (known == 0 || known < MIN_CONTAINMENT * sample.size()) {
                continue;
            }
            List<String> domainWords = HeaderHints.words(domain);
            List<String> singular = new ArrayList<>(domainWords);
            if (!singular.isEmpty()) {
                singular.set(singular.size() - 1, singularOf(singular.get(singular.size() - 1)));
            }
            int score = !domainWords.isEmpty() && (containsRun(words, domainWords) || containsRun(words, singular)) ? 3 : 0;
            if (score > bestScore) {
                best = domain;
                bestScore = score;
            }
        }
        if (best != null && bestScore >= minScore) {
            boolean patient = best.equals(engine.subjectDomain());
            s.relations[c] = new Relation(patient ? Role.PATIENT_REFERENCE : Role.REFERENCE, best,
                    "values known in domain '" + best + "' of the key file" + (patient ? " (patients)" : ""));
        }
    }

    private static double containment(Set<String> values, KeySet keys) {
        int in = 0;
        for (String v : values) {
            if (keys.contains(v)) {
                in++;
            }
        }
        return values.isEmpty() ? 0 : (double) in / values.size();
    }

    private static String normalized(String header) {
        return String.join("_", HeaderHints.words(header));
    }

    /**
     * The pseudonym domain of each key and its references: the subject domain for the patients; else
     * the domain a profile rule gives the key or one of its references (so rules and relations agree);
     * else the key table's name.
     */
    private static void assignDomains(List<Sampled> samples, Set<Sampled> patients, Deidentifier engine) {
        Map<Sampled, String> domains = new HashMap<>();
        for (Sampled t : samples) {
            if (t.key < 0) {
                continue;
            }
            String domain = patients.contains(t) ? engine.subjectDomain() : ruleDomain(engine, t, t.key);
            if (domain == null) {
                for (Sampled s : samples) {
                    for (int c = 0; c < s.header.size() && domain == null; c++) {
                        if (s.targets[c] == t) {
                            domain = ruleDomain(engine, s, c);
                        }
                    }
                }
            }
            domains.put(t, domain != null ? domain : domainName(t.stem));
        }
        for (Sampled s : samples) {
            for (int c = 0; c < s.header.size(); c++) {
                Relation r = s.relations[c];
                if (r.role() == Role.NONE || !r.domain().isEmpty()) {
                    continue;
                }
                Sampled target = r.role() == Role.KEY || r.role() == Role.PATIENT_KEY ? s : s.targets[c];
                s.relations[c] = new Relation(r.role(), domains.get(target), r.description());
            }
        }
    }

    /**
     * A reference to a key that a profile rule removes (a member number as the key of a table of insurance
     * transitions) goes too: the key is a direct identifier, and a pseudonym of it would join nothing
     * (decision 0059). References to patient tables keep the subject domain whatever becomes of the key.
     */
    private static void markRemovedKeys(List<Sampled> samples, Deidentifier engine) {
        for (Sampled s : samples) {
            for (int c = 0; c < s.header.size(); c++) {
                Relation r = s.relations[c];
                Sampled t = s.targets[c];
                if (r.role() != Role.REFERENCE || t == null || t.key < 0) {
                    continue;
                }
                ColumnPlan key = engine.plan(t.header.get(t.key), new ColumnInsight(t.classes[t.key], t.relations[t.key]));
                ActionSpec spec = key.spec();
                if (key.decidedBy() == ColumnPlan.DecidedBy.RULE && (spec instanceof ActionSpec.Remove
                        || spec instanceof ActionSpec.Empty || spec instanceof ActionSpec.Replace)) {
                    s.relations[c] = new Relation(r.role(), r.domain(), r.description() + " (its key is removed by rule '" + key.ruleId()
                            + "')", true);
                }
            }
        }
    }

    private static String ruleDomain(Deidentifier engine, Sampled s, int c) {
        ColumnPlan plan = engine.plan(s.header.get(c), ColumnInsight.NONE);
        return plan.decidedBy() == ColumnPlan.DecidedBy.RULE && plan.spec() instanceof ActionSpec.Pseudonymize p
                ? p.domain() : null;
    }

    /** A file name as a pseudonym domain name: letters, digits, '.', '_' and '-' only. */
    static String domainName(String stem) {
        String d = stem.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._-]+", "");
        if (d.isEmpty()) {
            d = "table";
        }
        return d.length() > 64 ? d.substring(0, 64) : d;
    }

    /** Key → patient id of an intermediate table (cases), read in one pass over those two columns. */
    /** The table whose key column {@code c} of {@code s} references, when that table knows its rows' patients. */
    private static Sampled viaTarget(Sampled s, int c) {
        Sampled target = s.relations[c].role() == Role.REFERENCE ? s.targets[c] : null;
        return target != null && target.key >= 0 && target.patientColumn >= 0 ? target : null;
    }

    /**
     * The key → patient indexes of the intermediate tables that tables without a patient column reach
     * their patients through: for each such table its first referenced table whose index can be made
     * (a table that cannot be read through gives none, and the next reference is tried), read in rounds
     * by {@code tasks}. Null values are tables that could not be read.
     */
    private static void subjectIndexes(List<Sampled> samples, Map<Sampled, SubjectIndex> indexes, FileTasks tasks,
            BooleanSupplier cancelled) {
        while (true) {
            Set<Sampled> needed = new java.util.LinkedHashSet<>();
            for (Sampled s : samples) {
                if (s.patientColumn >= 0) {
                    continue;
                }
                for (int c = 0; c < s.header.size(); c++) {
                    Sampled target = viaTarget(s, c);
                    if (target == null) {
                        continue;
                    }
                    if (!indexes.containsKey(target)) {
                        needed.add(target);
                        break;
                    }
                    if (indexes.get(target) != null) {
                        break;
                    }
                }
            }
            if (needed.isEmpty()) {
                return;
            }
            List<Sampled> read = List.copyOf(needed);
            List<SubjectIndex> made = tasks.run(read.stream().map(CsvAnalysis::subjectIndexTask).toList(), cancelled);
            for (int i = 0; i < read.size(); i++) {
                indexes.put(read.get(i), made.get(i));
            }
        }
    }

    /** Reads a table's key and patient columns through; null when it cannot be. Runs where {@link FileTasks} puts it. */
    private static FileTasks.Task<SubjectIndex> subjectIndexTask(Sampled table) {
        String path = table.path.toString();
        int columns = table.header.size();
        int key = table.key;
        int patient = table.patientColumn;
        return FileTasks.Task.reading(path, cancelled -> {
            boolean[] wanted = new boolean[columns];
            wanted[key] = true;
            wanted[patient] = true;
            try {
                Path file = Path.of(path);
                SubjectIndex.Builder builder = new SubjectIndex.Builder();
                ColumnPass.run(file, CsvSniffer.sniff(file), wanted, row -> builder.put(row[key], row[patient]),
                        cancelled);
                return builder.build();
            } catch (IOException | FormatException e) {
                return null;
            }
        });
    }
}
