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

    /** Any report-like value (records, maps, lists) as indented JSON with the same conventions. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a report as JSON (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
