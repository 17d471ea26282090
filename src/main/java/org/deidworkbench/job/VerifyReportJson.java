package org.deidworkbench.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON form of a {@link VerifyReport}, for {@code deid verify --json} and {@code deid-verify.json}. */
public final class VerifyReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VerifyReportJson() {
    }

    /** The report as JSON; values only when {@code withValues} and the verification revealed them. */
    public static String render(VerifyReport r, boolean withValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", !r.clean() ? "leaks-found" : r.complete() ? "clean" : "incomplete");
        m.put("files", r.files());
        m.put("bytes", r.bytes());
        m.put("seconds", r.seconds());
        m.put("originalsLookedFor", r.values());
        m.put("hitCount", r.hitCount());
        m.put("attestedCoincidences", r.attested());
        m.put("sharedValueCoincidences", r.shared());
        List<Map<String, Object>> files = new ArrayList<>();
        for (VerifyReport.FileHits f : r.hits()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("path", f.path());
            fm.put("count", f.count());
            List<Map<String, Object>> hits = new ArrayList<>();
            for (VerifyReport.Hit h : f.listed()) {
                Map<String, Object> hm = new LinkedHashMap<>();
                hm.put("kind", h.kind());
                hm.put("source", h.source());
                hm.put("location", h.location());
                if (withValues && h.value() != null) {
                    hm.put("value", h.value());
                }
                hits.add(hm);
            }
            fm.put("hits", hits);
            files.add(fm);
        }
        m.put("hits", files);
        List<Map<String, Object>> not = new ArrayList<>();
        for (VerifyReport.NotScanned n : r.notScanned()) {
            not.add(Map.of("path", n.path(), "reason", n.reason()));
        }
        m.put("notScannedCompletely", not);
        try {
            return MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serializes", e);
        }
    }
}
