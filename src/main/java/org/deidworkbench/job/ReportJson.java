package org.deidworkbench.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import org.deidworkbench.model.FileReport;
import org.deidworkbench.model.RunReport;

/**
 * Renders a {@link RunReport} to JSON: the one renderer behind {@code deid-report.json} and
 * {@code deid run --json}. Members keep the records' declaration order, so the JSON is the same
 * on every JVM. Thread-safe.
 */
public final class ReportJson {

    /** Leaves out members that are empty in most files (no hash when nothing was written, ...). */
    private abstract static class FileReportMixin {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract String rules();

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract String sha256();

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<String> defaultAppliedTo();

        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        abstract long moreProblems();

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<org.deidworkbench.model.FieldSummary> fields();
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .addMixIn(FileReport.class, FileReportMixin.class)
            .build();

    private ReportJson() {
    }

    /** The report as indented JSON. */
    public static String render(RunReport report) {
        return write(report);
    }

    /**
     * A finished run for {@code deid run --json}: the report itself (as in {@code deid-report.json})
     * and where the run put the report, the manifest and the key file.
     */
    public static String render(RunResult result) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("report", result.report());
        m.put("reportFile", result.reportFile().toString());
        m.put("manifest", result.manifest().toString());
        m.put("keyFile", result.keyFile().toString());
        m.put("keyFileCreated", result.keyFileCreated());
        return write(m);
    }

    /** Reflective calls after which the JDK generates an accessor class (its {@code sun.reflect.inflationThreshold}). */
    private static final int WARM_UP_FILES = 20;

    /**
     * Renders a placeholder report (written files and a failed one, no value from any input) and drops it:
     * Jackson builds and caches its serializers for the report's types, and the JDK generates the accessors of the
     * records' components it calls more than 15 times, on the calling thread, a thread beside a run's work, instead
     * of in the run's last step (decision 0093).
     *
     * @return the length of the placeholder's JSON
     */
    static int warmUp() {
        java.util.SortedMap<String, Long> actions = new java.util.TreeMap<>(java.util.Map.of("keep", 1L));
        List<FileReport> files = new java.util.ArrayList<>();
        for (int i = 1; i <= WARM_UP_FILES; i++) {
            files.add(new FileReport(i + ".dcm", i, "DICOM", "built-in", FileReport.Status.WRITTEN, 1, "00", actions,
                    List.of("Manufacturer"), List.of(), 0, List.of()));
        }
        files.add(new FileReport("b.csv", WARM_UP_FILES + 1, "CSV", FileReport.Status.FAILED, 0, "",
                new java.util.TreeMap<>(), List.of(),
                List.of(new org.deidworkbench.model.Problem("WARM-UP", "b.csv", "line 1", "placeholder")), 1));
        RunReport report = RunReport.of("warm-up", new RunReport.ProfileInfo("p", "00", "keep"), files, 0, 1,
                new RunReport.RunInfo("", "", 0, 1, 0)).withRunActions(new java.util.TreeMap<>(java.util.Map.of("link", 1L)));
        return render(report).length();
    }

    /** Any report-like value (records, maps, lists) as indented JSON with the same conventions. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a report as JSON (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
