package org.deidworkbench.format.fhir;

import ca.uhn.fhir.context.RuntimeSearchParam;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.deid.method.DeidMethod;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.FhirSection;
import org.deidworkbench.model.Generalization;

/**
 * What all FHIR files of one run share: the engine, the compiled section, the patient index and the
 * reference rewriter. Thread-safe.
 */
final class FhirRun {

    final Deidentifier engine;
    final FhirSection section;
    final Rules rules;
    final PatientIndex patients = new PatientIndex();
    /** What the run's Provenance and AuditEvent resources point at (decision 0215): set before the scan. */
    volatile ProvenanceTargets targets = ProvenanceTargets.NONE;
    final References references;
    private final Map<String, List<String>> compartmentPaths = new ConcurrentHashMap<>();
    private final Map<ActionSpec, DeidMethod> methods = new ConcurrentHashMap<>();
    /** {@link JsonTransform}'s facts per child definition, kept for the run, one map per thread. */
    final ThreadLocal<java.util.IdentityHashMap<JsonScan.Child, JsonTransform.Facts>> tokenFacts =
            ThreadLocal.withInitial(java.util.IdentityHashMap::new);
    /**
     * Per thread, the resource types of Bundle entries whose last scan needed the FHIRPath rules' hits
     * ({@link JsonScan}, decision 0083): a guess of the next such entry's need, which decides only how
     * many times the entry is read, never what is reported.
     */
    final ThreadLocal<java.util.Set<String>> entriesNeedingPaths = ThreadLocal.withInitial(java.util.HashSet::new);
    /**
     * Narrative texts as HAPI's JSON parser reads them ({@link JsonTransform.Div}, a function of the text
     * alone), for the run: the scan's reading of a resource and the transform's of the same resource, and
     * the narratives a run repeats across files, parse each text once (decision 0081).
     */
    final org.deidworkbench.deid.BoundedMemory<String, JsonTransform.Div> divs =
            new org.deidworkbench.deid.BoundedMemory<>(1 << 10);

    /**
     * Queries of conditional references as {@code ResourceCleaner.conditionalQuery} rewrote them, by type and
     * query, kept once {@link #queriesFinal()} said nothing they depend on changes any more (decision 0060).
     */
    private final Map<String, String> queries = new ConcurrentHashMap<>();
    private volatile boolean queriesFinal;
    /** Rewritten queries kept, at most. */
    private static final int MAX_QUERIES = 4096;

    /**
     * Says that the patient index and the identifiers free text is scrubbed of are final for the rest of
     * the run (the transform pass after a scan pass), so that a conditional reference's query, rewritten
     * from them and the key alone, may be rewritten once per run: a run's Bundles repeat the same few
     * ({@code Practitioner?identifier=...} in every Encounter).
     */
    void queriesFinal() {
        queriesFinal = true;
    }

    /** A query rewritten before, or null. */
    String rewrittenQuery(String typeAndQuery) {
        return queriesFinal ? queries.get(typeAndQuery) : null;
    }

    void rewroteQuery(String typeAndQuery, String rewritten) {
        if (queriesFinal && queries.size() < MAX_QUERIES) {
            queries.putIfAbsent(typeAndQuery, rewritten);
        }
    }

    /** Which NDJSON lines the scan pass need not read (decision 0050). */
    private final ScanSkip scanSkip;

    /** Whether a resource of this type takes the one patient its targets belong to (decision 0215). */
    static boolean followsTargets(String type) {
        return type.equals("Provenance") || type.equals("AuditEvent");
    }

    /**
     * The subject id of the patient a resource with no patient of its own belongs to, or null: the owner its own
     * {@code Type/id} or its Bundle entry's {@code fullUrl} was recorded with (what an attachment names, decision 0214),
     * else, for a type that {@link #followsTargets}, the one patient its {@code targets} (references) belong to.
     */
    String ownerOf(String type, String id, String fullUrl, List<String> targets) {
        if (!patients.anyOwned()) {
            return null;
        }
        String own = patients.ownedSubject(id == null ? null : references.key(type + "/" + id), references.key(fullUrl));
        if (own != null || !followsTargets(type)) {
            return own;
        }
        List<String> keys = new ArrayList<>(targets.size());
        for (String t : targets) {
            String key = references.key(t);
            if (key != null) {
                keys.add(key);
            }
        }
        return patients.onlySubject(keys);
    }

    ScanSkip scanSkip() {
        return scanSkip;
    }

    FhirRun(Deidentifier engine, FhirSection section) {
        this.engine = engine;
        this.section = section;
        this.scanSkip = ScanSkip.of(section);
        this.rules = new Rules(section);
        this.references = new References(engine, section);
    }

    private final ThreadLocal<org.hl7.fhir.r4.fhirpath.FHIRPathEngine> subjectEngine =
            ThreadLocal.withInitial(Fhir::newPathEngine);
    private final ThreadLocal<org.hl7.fhir.r4.fhirpath.ExpressionNode> subjectExpression = new ThreadLocal<>();

    /** The elements the section's {@code subject-id} FHIRPath returns for a Patient. */
    List<org.hl7.fhir.r4.model.Base> subjectPath(org.hl7.fhir.r4.model.Patient patient) {
        org.hl7.fhir.r4.fhirpath.FHIRPathEngine e = subjectEngine.get();
        org.hl7.fhir.r4.fhirpath.ExpressionNode x = subjectExpression.get();
        if (x == null) {
            x = e.parse(section.subjectIdPath());
            subjectExpression.set(x);
        }
        return e.evaluate(patient, x);
    }

    /** The spec that really applies: with {@code dates: year} a date shift keeps the year only. */
    ActionSpec effective(ActionSpec spec) {
        return section.yearOnlyDates() && spec.action() == org.deidworkbench.model.Action.SHIFT_DATE
                ? new ActionSpec.Generalize(Generalization.YEAR) : spec;
    }

    /** The engine's method for a spec (after {@link #effective}), made once. */
    DeidMethod method(ActionSpec spec) {
        return methods.computeIfAbsent(spec, engine::method);
    }

    /**
     * Where a resource type points at its patient: the element paths of its search parameters in the
     * Patient compartment, {@code patient} and {@code subject} first (e.g. {@code Observation.subject},
     * then {@code Observation.performer}).
     */
    List<String> compartmentPaths(String resourceType) {
        return compartmentPaths.computeIfAbsent(resourceType, type -> {
            List<RuntimeSearchParam> params = Fhir.context().getResourceDefinition(type)
                    .getSearchParamsForCompartmentName("Patient");
            Set<String> ordered = new LinkedHashSet<>();
            for (String first : List.of("patient", "subject")) {
                for (RuntimeSearchParam p : params) {
                    if (p.getName().equals(first)) {
                        ordered.addAll(simplePaths(p, type));
                    }
                }
            }
            for (RuntimeSearchParam p : params) {
                ordered.addAll(simplePaths(p, type));
            }
            return List.copyOf(ordered);
        });
    }

    /** Compiled element paths: the child definitions to follow, or none where the terser must read the path. */
    private final Map<String, java.util.Optional<List<ca.uhn.fhir.context.BaseRuntimeChildDefinition>>> compiled =
            new ConcurrentHashMap<>();

    /**
     * The values at a simple element path ({@code Encounter.participant.individual}) of a resource,
     * read through HAPI's child accessors; the terser gives the same but parses the path on every call.
     */
    List<org.hl7.fhir.instance.model.api.IBase> values(org.hl7.fhir.r4.model.Resource r, String path,
            ca.uhn.fhir.util.FhirTerser terser) {
        List<ca.uhn.fhir.context.BaseRuntimeChildDefinition> steps = compiled.computeIfAbsent(path, FhirRun::compile)
                .orElse(null);
        if (steps == null || !r.fhirType().equals(path.substring(0, path.indexOf('.')))) {
            return terser.getValues(r, path);
        }
        List<org.hl7.fhir.instance.model.api.IBase> current = List.of(r);
        for (ca.uhn.fhir.context.BaseRuntimeChildDefinition step : steps) {
            List<org.hl7.fhir.instance.model.api.IBase> next = new ArrayList<>();
            for (org.hl7.fhir.instance.model.api.IBase node : current) {
                next.addAll(step.getAccessor().getValues(node));
            }
            current = next;
        }
        return current;
    }

    private static java.util.Optional<List<ca.uhn.fhir.context.BaseRuntimeChildDefinition>> compile(String path) {
        String[] parts = path.split("\\.");
        ca.uhn.fhir.context.BaseRuntimeElementDefinition<?> def = Fhir.context().getResourceDefinition(parts[0]);
        List<ca.uhn.fhir.context.BaseRuntimeChildDefinition> steps = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (!(def instanceof ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition<?> c)) {
                return java.util.Optional.empty();
            }
            ca.uhn.fhir.context.BaseRuntimeChildDefinition child = c.getChildByName(parts[i]);
            if (child == null || child instanceof ca.uhn.fhir.context.RuntimeChildChoiceDefinition) {
                return java.util.Optional.empty();
            }
            steps.add(child);
            def = child.getChildByName(parts[i]);
        }
        return java.util.Optional.of(steps);
    }

    /** The element paths of a search parameter on a resource type, without where() and as(); empty when none is simple. */
    static List<String> simplePaths(RuntimeSearchParam p, String type) {
        List<String> out = new ArrayList<>();
        for (String path : p.getPathsSplitForResourceType(type)) {
            String simple = path.replaceAll("\\.where\\([^)]*\\)", "").replaceAll("\\.as\\([^)]*\\)", "").strip();
            if (simple.startsWith(type + ".") && simple.matches("[A-Za-z.]+")) {
                out.add(simple);
            }
        }
        return out;
    }
}
