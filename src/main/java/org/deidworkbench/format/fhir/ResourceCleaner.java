package org.deidworkbench.format.fhir;

import ca.uhn.fhir.util.FhirTerser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.Subject;
import org.deidworkbench.deid.UnprocessableValueException;
import org.deidworkbench.deid.method.DeidMethod;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.FhirRule;
import org.deidworkbench.model.PreviewField;
import org.deidworkbench.model.PreviewRecord;
import org.deidworkbench.format.ImageText;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BackboneElement;
import org.hl7.fhir.r4.model.BackboneType;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Base64BinaryType;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.XhtmlType;

/**
 * Applies a {@code fhir:} section to resources in place: finds each resource's patient, decides
 * every primitive value by the first rule matching it or an enclosing element, replaces ids and
 * references, drops extensions the policy does not keep, and marks what was done in
 * {@code meta.security}. In scan mode it only reads: it indexes patients and notes identifier
 * values for free-text scrubbing, through the same decisions. Messages name places (paths, entry
 * numbers, rule ids), never values. Not thread-safe: one per file.
 */
final class ResourceCleaner {

    static final String SECURITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";
    static final Map<String, String> SECURITY_DISPLAY = Map.of("ABSTRED", "abstracted", "MASKED", "masked",
            "PSEUDED", "pseudonymized", "REDACTED", "redacted");
    static final String SUBJECT_RULE = "subject-id";
    static final String IDS_RULE = "resource-ids";
    private static final String EXTENSIONS_RULE = "extensions";
    private static final String BUNDLE_LINK_RULE = "bundle-links";
    private static final int SUBJECT_CACHE = 1 << 16;
    /** Results cached per action, per file; longer values rarely repeat. */
    private static final int VALUE_CACHE = 1 << 12;
    private static final int MAX_CACHED_LENGTH = 256;
    /** Stands for a cached {@code null} (the value is removed). */
    private static final String REMOVED = new String("\u0000removed");

    private final FhirRun run;
    private final ScanSink sink;
    private final boolean transform;
    private final FileTally tally;
    private final boolean preview;
    private final FhirTerser terser = Fhir.context().newTerser();
    private final Map<String, Subject> subjects = new HashMap<>();
    private final Map<ActionSpec, Map<String, String>> results = new HashMap<>();
    private final List<PreviewRecord> previews = new ArrayList<>();
    private String place = "";

    /**
     * @param transform false to scan only (index patients, note identifiers), true to clean
     * @param preview whether to build the before/after tree of each resource
     */
    ResourceCleaner(FhirRun run, boolean transform, FileTally tally, boolean preview) {
        this(run, transform, tally, preview, ScanSink.of(run));
    }

    /** @param sink where scan mode reports what it learns (unused when transforming) */
    ResourceCleaner(FhirRun run, boolean transform, FileTally tally, boolean preview, ScanSink sink) {
        this.run = run;
        this.transform = transform;
        this.tally = tally;
        this.preview = preview;
        this.sink = sink;
    }

    /** Sets the place messages name, as {@link #process} does (for {@link JsonTransform}, which shares this cleaner). */
    void place(String where) {
        this.place = where;
    }

    /** The preview records made so far (one per resource, a Bundle's shell as its own record). */
    List<PreviewRecord> previews() {
        return previews;
    }

    /**
     * Scans or cleans one top-level resource (a Bundle with all its entries).
     *
     * @param where the resource's place in the file for messages, e.g. {@code line 12}; may be empty
     */
    void process(Resource resource, String where) throws FormatException {
        this.place = where;
        if (!transform && resource instanceof Bundle b) {
            indexBundle(b);
        }
        if (!transform && resource instanceof Patient p) {
            indexPatient(p, null);
        }
        clean(resource, where.isEmpty() ? resource.fhirType() : where + " (" + resource.fhirType() + ")");
    }

    // ---------------------------------------------------------------- one resource

    /** Per resource: its patient, rule hits, local ids and what was done to it. */
    private final class Res {
        final Resource root;
        final Subject subject;
        final IdentityHashMap<Base, Integer> hits = new IdentityHashMap<>();
        final IdentityHashMap<Base, String> subjectNodes = new IdentityHashMap<>();
        final Map<String, String> local = new HashMap<>();
        final TreeSet<String> marks = new TreeSet<>();
        final String label;

        Res(Resource root, Subject subject, String label) {
            this.root = root;
            this.subject = subject;
            this.label = label;
        }
    }

    private PreviewField clean(Resource resource, String label) throws FormatException {
        tally.records += resource instanceof Bundle ? 0 : 1;
        Subject subject = subjectOf(resource);
        Res res = new Res(resource, subject, label);
        SubjectId own = resource instanceof Patient p && (probeLeaf == null || !transform) ? subjectId(p) : null;
        String outerNoting = notingSubject;
        Resource outerRoot = notingRoot;
        List<String> outerOwners = notingOwners;
        if (!transform) {
            notingSubject = own == null ? null : own.value();
            notingRoot = resource;
            notingOwners = null;
        }
        if (!transform && !(resource instanceof Patient) && !(resource instanceof Bundle) && !run.targets.isEmpty()
                && containedDepth == 0) {
            noteTarget(resource);
        }
        evaluateRules(res, resource);
        if (own != null && probeLeaf == null && own.node() != null) {
            res.subjectNodes.put(own.node(), own.value());
        }
        if (transform && resource instanceof DomainResource dr && dr.hasContained()) {
            localIds(res, dr);
        }
        int slot = previews.size();
        if (preview) {
            previews.add(null); // a Bundle's record comes before its entries'
        }
        List<PreviewField> fields = new ArrayList<>();
        PreviewField idField = resourceId(res, resource, resource.fhirType(), false);
        if (idField != null) {
            fields.add(idField);
        }
        fields.addAll(children(res, resource, resource.fhirType(), Rules.NONE));
        if (transform && resource instanceof DomainResource dr && dr.hasText() && !dr.getText().hasDiv()) {
            dr.setText(null);
        }
        if (transform && !res.marks.isEmpty()) {
            Meta meta = resource.getMeta();
            for (String code : res.marks) {
                boolean present = meta.getSecurity().stream()
                        .anyMatch(c -> SECURITY_SYSTEM.equals(c.getSystem()) && code.equals(c.getCode()));
                if (!present) {
                    meta.addSecurity(new Coding(SECURITY_SYSTEM, code, SECURITY_DISPLAY.get(code)));
                    if (preview) {
                        fields.add(PreviewField.leaf(resource.fhirType() + ".meta.security", "security", null, code,
                                "marking", "add"));
                    }
                }
            }
        }
        if (preview) {
            previews.set(slot, new PreviewRecord(label, fields));
        }
        notingSubject = outerNoting;
        notingRoot = outerRoot;
        notingOwners = outerOwners;
        return null;
    }

    /**
     * New ids for the contained resources: keyed by the container's type and id and the local id,
     * so they do not depend on the order of the contained resources, stay the same in every run
     * with the key (and in a preview), and tell nothing of the original.
     */
    private void localIds(Res res, DomainResource container) throws FormatException {
        String owner = container.fhirType() + "/" + (container.getIdElement().getIdPart() == null ? ""
                : container.getIdElement().getIdPart());
        for (Resource c : container.getContained()) {
            String old = c.getIdElement().getIdPart();
            if (old == null) {
                continue;
            }
            String local = old.startsWith("#") ? old.substring(1) : old;
            String now = run.references.containedId(owner, local);
            if (res.local.containsValue(now) && !now.equals(res.local.get(local))) {
                // Two local ids with one keyed value (odds 2^-100): never merge two resources into one.
                throw new FormatException("FHIR-ID-COLLISION", res.label + ", contained", "two contained resources"
                        + " would get the same id; nothing was written");
            }
            res.local.put(local, now);
        }
    }

    private void evaluateRules(Res res, Resource resource) throws FormatException {
        try {
            if (resource instanceof Bundle b) {
                // Entries are resources of their own; evaluating over them here would do it twice.
                List<Bundle.BundleEntryComponent> entries = b.getEntry();
                b.setEntry(new ArrayList<>());
                try {
                    run.rules.evaluate(b, res.hits);
                } finally {
                    b.setEntry(entries);
                }
            } else {
                run.rules.evaluate(resource, res.hits);
            }
            if (resource instanceof DomainResource dr) {
                for (Resource c : dr.getContained()) {
                    run.rules.evaluate(c, res.hits);
                }
            }
        } catch (Rules.RuleFailure e) {
            throw new FormatException("FHIR-RULE-FAILED", res.label + ", rule '" + e.rule().id() + "'", e.getMessage());
        }
    }

    /** The resource's id, replaced by its keyed value (contained resources by their local one). */
    private PreviewField resourceId(Res res, Resource resource, String path, boolean contained) throws FormatException {
        String old = resource.getIdElement().getIdPart();
        if (old == null) {
            return null;
        }
        String now;
        if (contained) {
            now = res.local.get(old.startsWith("#") ? old.substring(1) : old);
        } else if (!References.validId(old)) {
            throw new FormatException("FHIR-INVALID-ID", res.label + ", " + path + ".id",
                    "the resource id is not a valid FHIR id (1-64 of A-Z a-z 0-9 - .)");
        } else {
            try {
                now = transform ? run.references.id(resource.fhirType(), old) : old;
            } catch (DeidException e) {
                throw new FormatException(e.code(), res.label + ", " + path + ".id", e.getMessage());
            }
        }
        tally.count(IDS_RULE, "pseudonymize");
        tally.decision(path + ".id", "id", IDS_RULE, "pseudonymize", false,
                "resource ids and references are keyed (resource-ids: " + run.section.resourceIds().yamlName() + ")");
        if (transform) {
            resource.setId(now);
            res.marks.add("PSEUDED");
        }
        return preview ? PreviewField.leaf(path + ".id", "id", old, now, IDS_RULE, "pseudonymize") : null;
    }

    // ---------------------------------------------------------------- the walk

    /** Walks the children of {@code node}; {@code eff} is the rule decided by the enclosing elements. */
    private List<PreviewField> children(Res res, Base node, String path, int eff) throws FormatException {
        List<PreviewField> out = preview ? new ArrayList<>() : null;
        String parentType = node.fhirType();
        for (Property property : ElementChildren.of(node)) {
            if (!property.hasValues()) {
                continue;
            }
            String propertyName = property.getName();
            boolean choice = propertyName.endsWith("[x]");
            String name = choice ? propertyName.substring(0, propertyName.length() - 3) : propertyName;
            if (structural(node, name) || node instanceof Attachment a && name.equals("url")
                    && run.references.resolvableUrl(a.getUrl())) {
                continue; // an attachment's Binary/123: below, as a reference
            }
            List<Base> values = property.getValues();
            if (name.equals("extension") || name.equals("modifierExtension")) {
                extensions(res, node, name, values, path, eff, out);
                continue;
            }
            if (node instanceof Bundle && name.equals("link")
                    || node instanceof Bundle.BundleEntryComponent && name.equals("link")) {
                links(res, node, path, out);
                continue;
            }
            for (int i = 0; i < values.size(); i++) {
                Base v = values.get(i);
                String p = path + "." + name + (values.size() > 1 || property.getMaxCardinality() > 1 ? "[" + i + "]" : "");
                String choiceName = choice ? name + capitalize(v.fhirType()) : null;
                PreviewField f = element(res, node, v, name, choiceName, parentType, p, eff);
                if (out != null && f != null) {
                    out.add(f);
                }
            }
        }
        if (node instanceof Reference ref) {
            PreviewField f = reference(res, ref, path, eff);
            if (out != null && f != null) {
                out.add(f);
            }
        }
        if (node instanceof Attachment a && run.references.resolvableUrl(a.getUrl())) {
            if (!transform && containedDepth == 0) {
                noteContent(a.getUrl());
            }
            PreviewField f = attachmentUrl(res, a, path, eff);
            if (out != null && f != null) {
                out.add(f);
            }
        }
        return out == null ? List.of() : out;
    }

    /** Children the rules never see: ids, reference strings, extension URLs (each has its own handling). */
    private static boolean structural(Base node, String name) {
        return switch (name) {
            case "id" -> node instanceof Resource || node instanceof Element;
            case "reference" -> node instanceof Reference;
            case "url" -> node instanceof Extension;
            case "versionId" -> node instanceof Meta;
            case "contained" -> false;
            default -> false;
        };
    }

    private PreviewField element(Res res, Base parent, Base v, String name, String choiceName, String parentType, String path,
            int eff) throws FormatException {
        if (v instanceof Resource r) {
            if (parent instanceof DomainResource dr && dr.getContained().contains(r)) {
                return contained(res, r, path, eff);
            }
            // A resource inside a resource (Bundle entry, Parameters): a record of its own.
            String label = res.label.startsWith("Bundle") || res.root instanceof Bundle
                    ? entryLabel(path, r) : res.label + " " + path;
            String outerFullUrl = entryFullUrl;
            entryFullUrl = parent instanceof Bundle.BundleEntryComponent e ? e.hasFullUrl() ? e.getFullUrl() : oneEntryFullUrl
                    : null;
            try {
                clean(r, label);
            } finally {
                entryFullUrl = outerFullUrl;
            }
            return null;
        }
        String type = v.fhirType();
        int own = run.rules.match(type, name, choiceName, parentType);
        if (parent instanceof Reference && name.equals("display")) {
            own = Math.min(own, run.rules.referenceDisplay(path)); // a performer's, an agent's display (decision 0122)
        }
        Integer hit = res.hits.get(v);
        int rule = Math.min(eff, Math.min(own, hit == null ? Rules.NONE : hit));
        if (parent instanceof Bundle.BundleEntryComponent || parent instanceof Bundle.BundleEntryRequestComponent
                || parent instanceof Bundle.BundleEntryResponseComponent) {
            PreviewField f = bundleUrl(res, parent, name, v, path, rule);
            if (f != null || isBundleUrl(parent, name)) {
                return f;
            }
        }
        if (v instanceof PrimitiveType<?> p) {
            PreviewField leaf = leaf(res, parent, p, name, path, rule);
            // A primitive's own extensions (FHIR JSON "_birthDate") go through the rules too.
            List<PreviewField> ext = children(res, p, path, rule);
            return preview && !ext.isEmpty() ? container(path, name, prepend(leaf, ext)) : leaf;
        }
        if (!transform && v instanceof HumanName n) {
            noteFullName(n, rule);
        }
        List<PreviewField> kids = children(res, v, path, rule);
        return preview ? container(path, name, kids) : null;
    }

    private PreviewField contained(Res res, Resource r, String path, int eff) throws FormatException {
        List<PreviewField> kids = new ArrayList<>();
        PreviewField id = resourceId(res, r, path, true);
        if (id != null) {
            kids.add(id);
        }
        containedDepth++;
        try {
            kids.addAll(children(res, r, path, eff));
        } finally {
            containedDepth--;
        }
        if (transform && r instanceof DomainResource dr && dr.hasText() && !dr.getText().hasDiv()) {
            dr.setText(null);
        }
        return preview ? container(path, r.fhirType(), kids) : null;
    }

    /** The first entry's number in the file: 1, or more when a large Bundle is cleaned entry by entry. */
    private long entryBase = 1;

    /** Numbers entries from {@code first} in labels (the streamed Bundle hands one entry at a time). */
    void entryBase(long first) {
        this.entryBase = first;
    }

    private String entryLabel(String path, Resource r) {
        int open = path.indexOf("entry[");
        if (open >= 0) {
            int close = path.indexOf(']', open);
            return "entry " + (Long.parseLong(path.substring(open + 6, close)) + entryBase) + " (" + r.fhirType() + ")";
        }
        return path + " (" + r.fhirType() + ")";
    }

    // ---------------------------------------------------------------- leaves

    private PreviewField leaf(Res res, Base parent, PrimitiveType<?> p, String name, String path, int ruleIndex)
            throws FormatException {
        String before = p instanceof XhtmlType x ? xhtmlText(x) : p.getValueAsString();
        if (before == null) {
            return null;
        }
        String subjectId = res.subjectNodes.get(p);
        if (subjectId != null) {
            return subjectLeaf(res, p, name, path, subjectId, before);
        }
        FhirRule rule = ruleIndex == Rules.NONE ? null : run.rules.rule(ruleIndex);
        ActionSpec spec = run.effective(rule == null ? run.section.defaultSpec() : rule.spec());
        if (p == probeLeaf) {
            probeSpec = spec;
            probeRule = rule;
        }
        String ruleId = rule == null ? "default" : rule.id();
        String action = spec.action().yamlName();
        if (tally.explaining()) {
            tally.decision(typePath(path), name, ruleId, action, false,
                    rule == null ? "default action (no rule matched)" : Rules.reason(rule));
        }
        if (!transform) {
            boolean identifier = rule == null ? run.section.defaultIdentifier() : rule.identifier();
            if (identifier && notable(parent, p, name)) {
                note(spec, rule == null ? "REDACTED" : rule.label(), before);
            }
            return null;
        }
        if (rule == null) {
            tally.unmatched(typePath(path));
        }
        tally.count(ruleId, action);
        String after = apply(res, parent, p, spec, before, path);
        if (after == null || !after.equals(before)) {
            res.marks.add(mark(spec.action()));
        }
        return preview ? PreviewField.leaf(path, name, summary(p, before), after == null ? null : summary(p, after), ruleId,
                action) : null;
    }

    private PreviewField subjectLeaf(Res res, PrimitiveType<?> p, String name, String path, String subjectId,
            String before) throws FormatException {
        if (tally.explaining()) {
            tally.decision(typePath(path), name, SUBJECT_RULE, "pseudonymize", true,
                    "the patient's subject id: replaced by the patient pseudonym (domain '"
                            + run.engine.profile().subject().domain() + "'), the same as in CSV and DICOM exports");
        }
        if (!transform) {
            try {
                sink.subject(subjectId);
            } catch (DeidException e) {
                throw new FormatException(e.code(), place, e.getMessage());
            }
            return null;
        }
        Subject subject = subject(subjectId);
        tally.count(SUBJECT_RULE, "pseudonymize");
        String after = subject == null ? null : subject.pseudonym();
        if (after == null) {
            p.setValue(null);
        } else {
            p.setValueAsString(after);
        }
        res.marks.add("PSEUDED");
        return preview ? PreviewField.leaf(path, name, before, after, SUBJECT_RULE, "pseudonymize") : null;
    }

    /** Applies {@code spec} to a value in place; returns the value written, or {@code null} when removed. */
    private String apply(Res res, Base parent, PrimitiveType<?> p, ActionSpec spec, String before, String path)
            throws FormatException {
        Action action = spec.action();
        if (action == Action.KEEP) {
            return p instanceof Base64BinaryType b64 ? keptBinary(res, parent, b64, before, path) : before;
        }
        if (action == Action.REMOVE || action == Action.EMPTY) {
            remove(parent, p);
            return null;
        }
        if (p instanceof XhtmlType) {
            if (action == Action.SCRUB_TEXT && parent instanceof Narrative n) {
                try {
                    TextContent.scrubXhtml(n.getDiv(), text -> scrub(res, text, path));
                } catch (DeidException e) {
                    throw failure(e, res, path);
                }
                return xhtmlText((XhtmlType) p);
            }
            remove(parent, p);
            return null;
        }
        if (p instanceof Base64BinaryType b64) {
            return binary(res, parent, b64, action, path);
        }
        String after;
        try {
            after = applyMethod(spec, before, res.subject, path);
        } catch (UnprocessableValueException e) {
            tally.warn(e.code(), res.label + ", " + path, e.getMessage() + "; the value was removed");
            remove(parent, p);
            return null;
        } catch (DeidException e) {
            throw failure(e, res, path);
        }
        if (after == null) {
            remove(parent, p);
            return null;
        }
        if (after.startsWith("<=") && spec instanceof ActionSpec.Generalize) {
            // birth-year "<=1935": FHIR dates hold a year, so the limit year itself stands for "90 or older".
            after = after.substring(2);
        }
        if (!after.equals(before)) {
            try {
                p.setValueAsString(after);
            } catch (RuntimeException e) {
                tally.warn("FHIR-VALUE-INVALID-FOR-TYPE", res.label + ", " + path, spec.action().yamlName()
                        + " gave a value that is not a valid " + p.fhirType() + "; the value was removed");
                remove(parent, p);
                return null;
            }
        }
        return after;
    }

    /**
     * The method's result for a value, from the file's cache when the result cannot depend on the
     * subject (free text without a date, codes, identifiers): values repeat a lot (displays, units,
     * notes), and a cached result is exactly what the method would return again.
     */
    private static final String URN_OID = "urn:oid:";

    String applyMethod(ActionSpec spec, String value, Subject subject, String path) throws DeidException {
        if (spec instanceof ActionSpec.RemapUid && value.startsWith(URN_OID)) {
            // a DICOM UID written as a URI (ImagingStudy.identifier of system urn:dicom:uid): the UID remapped as in
            // the DICOM files, its prefix kept (decision 0122)
            String uid = applyMethod(spec, value.substring(URN_OID.length()), subject, path);
            return uid == null ? null : URN_OID + uid;
        }
        DeidMethod method = run.method(spec);
        if (value.length() > MAX_CACHED_LENGTH) {
            return method.apply(value, new FieldContext(subject, path));
        }
        Map<String, String> memo = results.computeIfAbsent(spec, s -> new HashMap<>());
        String cached = memo.get(value);
        if (cached != null) {
            return cached == REMOVED ? null : cached;
        }
        String after = method.apply(value, new FieldContext(subject, path));
        if (!method.dependsOnSubject(value)) {
            if (memo.size() >= VALUE_CACHE) {
                memo.clear();
            }
            memo.put(value, after == null ? REMOVED : after);
        }
        return after;
    }

    /** base64 data: text attachments decoded, scrubbed and re-encoded; binary ones removed unless kept. */
    private String binary(Res res, Base parent, Base64BinaryType b64, Action action, String path) throws FormatException {
        String contentType = parent instanceof Attachment a ? a.getContentType()
                : parent instanceof Binary b ? b.getContentType() : null;
        if (action != Action.SCRUB_TEXT || !TextContent.isText(contentType)) {
            if (action == Action.SCRUB_TEXT) {
                tally.count("binary-attachment", "remove");
            }
            remove(parent, b64);
            return null;
        }
        byte[] data = b64.getValue();
        byte[] scrubbed;
        try {
            scrubbed = TextContent.scrubAttachment(data, contentType, text -> scrub(res, text, path));
        } catch (DeidException e) {
            throw failure(e, res, path);
        }
        if (java.util.Arrays.equals(data, scrubbed)) {
            return b64.getValueAsString();
        }
        return newData(parent, b64, scrubbed);
    }

    /** Base64 data replaced by {@code data}: an attachment's size (if it has one) updated, its hash removed. */
    private static String newData(Base parent, Base64BinaryType b64, byte[] data) {
        b64.setValue(data);
        if (parent instanceof Attachment a) {
            if (a.hasSize()) {
                a.setSize(data.length);
            }
            a.setHashElement(null);
        }
        return b64.getValueAsString();
    }

    /**
     * Kept base64 data that is an image (by its first bytes): its embedded text taken out — EXIF, XMP, comments, PNG
     * text chunks, bytes after its end (decision 0157) —, its attachment's {@code size} updated and {@code hash}
     * removed; an image whose structure cannot be followed is removed with {@link #IMAGE_TEXT}. Other data as it is.
     */
    private String keptBinary(Res res, Base parent, Base64BinaryType b64, String before, String path) {
        byte[] data = b64.getValue();
        if (data == null) {
            return before;
        }
        byte[] clean;
        try {
            clean = ImageText.withoutText(data);
        } catch (ImageText.Unreadable e) {
            tally.warn(IMAGE_TEXT, res.label + ", " + path, unreadableImage(e));
            tally.count(IMAGE_RULE, "remove");
            remove(parent, b64);
            return null;
        }
        if (clean == null || clean == data) {
            return before;
        }
        tally.count(IMAGE_TEXT_RULE, "remove");
        return newData(parent, b64, clean);
    }

    /** The warning code of a kept image whose embedded text could not be found (decision 0157). */
    static final String IMAGE_TEXT = "FHIR-IMAGE-TEXT";
    /** The report's rule for text taken out of kept images. */
    static final String IMAGE_TEXT_RULE = "image-attachment-text";
    /** The report's rule for kept images removed because their text could not be found. */
    static final String IMAGE_RULE = "image-attachment";

    static String unreadableImage(ImageText.Unreadable e) {
        return "a kept image whose embedded text cannot be found (" + e.getMessage() + "); the value was removed";
    }

    private String scrub(Res res, String text, String path) throws DeidException {
        return run.method(new ActionSpec.ScrubText()).apply(text, new FieldContext(res.subject, path));
    }

    private static void remove(Base parent, PrimitiveType<?> p) {
        if (p instanceof XhtmlType && parent instanceof Narrative n) {
            n.setDiv(null);
        } else {
            p.setValue(null);
        }
    }

    private static String xhtmlText(XhtmlType x) {
        return x.primitiveValue();
    }

    /** A base64 value is shown by size in previews. */
    private static String summary(PrimitiveType<?> p, String value) {
        if (p instanceof Base64BinaryType && value != null) {
            return "<base64, " + Base64.getDecoder().decode(value.replaceAll("\\s", "")).length + " bytes>";
        }
        return value;
    }

    static String mark(Action action) {
        return switch (action) {
            case PSEUDONYMIZE -> "PSEUDED";
            case GENERALIZE -> "ABSTRED";
            case SHIFT_DATE, ENCRYPT, REMAP_UID -> "MASKED";
            case KEEP, REMOVE, EMPTY, REPLACE, SCRUB_TEXT -> "REDACTED";
        };
    }

    private FormatException failure(DeidException e, Res res, String path) {
        return new FormatException(e.code(), res.label + ", " + path, e.getMessage());
    }

    // ---------------------------------------------------------------- references and bundle URLs

    private PreviewField reference(Res res, Reference ref, String path, int eff) throws FormatException {
        String before = ref.getReference();
        if (before == null) {
            return null;
        }
        if (!transform) {
            return null;
        }
        String after = rewrittenOrRemoved(res, before, path + ".reference", eff);
        ref.setReference(after);
        ref.setResource(null);
        tally.count(IDS_RULE, "pseudonymize");
        return preview ? PreviewField.leaf(path + ".reference", "reference", before, after, IDS_RULE, "pseudonymize") : null;
    }

    /**
     * An attachment's url that names a resource of the export ({@code Binary/123}, {@link References#resolvableUrl}):
     * rewritten as a reference, so a DocumentReference still finds its content (decision 0122); removed with its
     * attachment.
     */
    private PreviewField attachmentUrl(Res res, Attachment a, String path, int eff) throws FormatException {
        if (!transform) {
            return null;
        }
        String before = a.getUrl();
        String after = rewrittenOrRemoved(res, run.references.attachmentReference(before), path + ".url", eff);
        a.setUrl(after);
        tally.count(IDS_RULE, "pseudonymize");
        return preview ? PreviewField.leaf(path + ".url", "url", before, after, IDS_RULE, "pseudonymize") : null;
    }

    /**
     * A reference (or an attachment's url naming one) rewritten to its target's new id, or null when the rule its
     * element inherits removes or empties it; the resource is marked accordingly.
     */
    private String rewrittenOrRemoved(Res res, String before, String path, int eff) throws FormatException {
        Action inherited = eff == Rules.NONE ? null : run.rules.rule(eff).action();
        if (inherited == Action.REMOVE || inherited == Action.EMPTY) {
            res.marks.add("REDACTED");
            return null;
        }
        String after = rewrite(res, before, path);
        res.marks.add("PSEUDED");
        return after;
    }

    private String rewrite(Res res, String reference, String path) throws FormatException {
        try {
            return run.references.rewrite(reference, res.local, (type, query) -> conditional(res, type, query, path));
        } catch (References.InvalidReference e) {
            throw new FormatException("FHIR-INVALID-REFERENCE", res.label + ", " + path, e.getMessage());
        } catch (DeidException e) {
            throw failure(e, res, path);
        }
    }

    private static boolean isBundleUrl(Base parent, String name) {
        return parent instanceof Bundle.BundleEntryComponent && name.equals("fullUrl")
                || parent instanceof Bundle.BundleEntryRequestComponent && (name.equals("url") || name.equals("ifNoneExist"))
                || parent instanceof Bundle.BundleEntryResponseComponent && name.equals("location");
    }

    /** {@code fullUrl}, {@code request.url}, {@code request.ifNoneExist}, {@code response.location}. */
    private PreviewField bundleUrl(Res res, Base parent, String name, Base v, String path, int rule) throws FormatException {
        if (!isBundleUrl(parent, name) || !(v instanceof PrimitiveType<?> p) || p.getValueAsString() == null) {
            return null;
        }
        String before = p.getValueAsString();
        if (!transform) {
            return null;
        }
        String after;
        if (name.equals("ifNoneExist")) {
            String type = null;
            Base entry = parentEntry(res, parent);
            if (entry instanceof Bundle.BundleEntryComponent e && e.hasResource()) {
                type = e.getResource().fhirType();
            }
            after = conditionalOrDrop(res, type, before, path);
        } else {
            after = rewrite(res, before, path);
        }
        if (after == null) {
            p.setValue(null);
        } else {
            p.setValueAsString(after);
        }
        // Not marked on the Bundle: its entries' URLs belong to the entries, and a Bundle cleaned
        // entry by entry (JsonBundleStream) must come out the same.
        tally.count(IDS_RULE, "pseudonymize");
        return preview ? PreviewField.leaf(path, name, before, after, IDS_RULE, "pseudonymize") : null;
    }

    private Base parentEntry(Res res, Base request) {
        if (res.root instanceof Bundle b) {
            for (Bundle.BundleEntryComponent e : b.getEntry()) {
                if (e.getRequest() == request) {
                    return e;
                }
            }
        }
        return null;
    }

    private String conditionalOrDrop(Res res, String type, String query, String path) throws FormatException {
        try {
            return conditional(res, type, query, path);
        } catch (References.InvalidReference e) {
            throw new FormatException("FHIR-INVALID-REFERENCE", res.label + ", " + path, e.getMessage());
        } catch (DeidException e) {
            throw failure(e, res, path);
        }
    }

    /**
     * {@link #conditional} for {@link JsonTransform}: the query of a conditional reference, rewritten
     * exactly as for a reference this cleaner meets (nothing in it depends on the resource holding it).
     */
    String conditionalQuery(String type, String query) throws References.InvalidReference, DeidException {
        String key = type + '\u0000' + query;
        String done = run.rewrittenQuery(key);
        if (done != null) {
            return done;
        }
        String rewritten = conditional(null, type, query, "");
        run.rewroteQuery(key, rewritten);
        return rewritten;
    }

    /**
     * The query of a conditional reference or request rewritten by {@link SearchQuery}: identifier
     * values replaced exactly as the identifiers themselves are (the patient's MRN by the patient
     * pseudonym), ids and references keyed, other values kept only where the rules keep them.
     */
    private String conditional(Res res, String type, String query, String path)
            throws References.InvalidReference, DeidException {
        return SearchQuery.rewrite(type, query, new SearchQuery.Values() {
            @Override
            public String id(String t, String id) throws DeidException {
                return run.references.id(t, id);
            }

            @Override
            public String reference(String value) throws References.InvalidReference, DeidException {
                return run.references.rewrite(value, Map.of(), (t, q) -> {
                    throw new References.InvalidReference("a reference inside a search is itself a search");
                });
            }

            @Override
            public String identifier(String t, String token, String parameter)
                    throws References.InvalidReference, DeidException {
                return identifierToken(res, t, token);
            }

            @Override
            public boolean kept(String t, String elementPath, String value,
                    ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum kind) throws DeidException {
                Probe p = probe(t, elementPath, value, kind);
                return p != null && p.before.equals(p.after);
            }
        });
    }

    /** A value cleaned alone at its place in a resource that holds nothing else, and the action applied. */
    private record Probe(String before, String after, ActionSpec spec, FhirRule rule) {
    }

    /** Set in a cleaner that probes: the value whose action is wanted; subjects are not looked for. */
    private Base probeLeaf;
    private ActionSpec probeSpec;
    private FhirRule probeRule;

    /**
     * What the rules (FHIRPath ones included) do to {@code value} at {@code elementPath} of a
     * {@code type}: a resource holding only that value is cleaned. {@code null} when such a value
     * cannot be built (a composite search value, an invalid form).
     */
    private Probe probe(String type, String elementPath, String value,
            ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum kind) throws DeidException {
        Resource probe;
        Base leaf;
        try {
            probe = (Resource) Fhir.context().getResourceDefinition(type).newInstance();
            Base element = terser.addElement(probe, elementPath.substring(type.length() + 1));
            leaf = fill(element, value, kind);
        } catch (RuntimeException e) {
            return null;
        }
        if (leaf == null) {
            return null;
        }
        String before = ((PrimitiveType<?>) leaf).getValueAsString();
        ResourceCleaner c = new ResourceCleaner(run, true, new FileTally("probe", false), false);
        c.probeLeaf = leaf;
        try {
            c.process(probe, "");
        } catch (FormatException e) {
            return null;
        }
        return new Probe(before, ((PrimitiveType<?>) leaf).getValueAsString(), c.probeSpec, c.probeRule);
    }

    /** Puts a search value into a new element; returns the primitive that holds it, or null. */
    private static Base fill(Base element, String value, ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum kind) {
        int bar = value.indexOf('|');
        String system = bar < 0 ? null : value.substring(0, bar);
        String code = bar < 0 ? value : value.substring(bar + 1);
        if (element instanceof Identifier i) {
            return i.setSystem(system).setValue(code).getValueElement();
        }
        if (element instanceof Coding c) {
            return c.setSystem(system).setCode(code).getCodeElement();
        }
        if (element instanceof org.hl7.fhir.r4.model.CodeableConcept cc) {
            return cc.addCoding().setSystem(system).setCode(code).getCodeElement();
        }
        if (element instanceof org.hl7.fhir.r4.model.ContactPoint cp) {
            return cp.setValue(value).getValueElement();
        }
        if (element instanceof HumanName n) {
            return n.setFamily(value).getFamilyElement();
        }
        if (element instanceof org.hl7.fhir.r4.model.Address a) {
            return a.setText(value).getTextElement();
        }
        if (element instanceof PrimitiveType<?> p) {
            String v = kind == ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum.TOKEN ? code : value;
            if ((kind == ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum.DATE
                    || kind == ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum.NUMBER)
                    && v.matches("(eq|ne|gt|lt|ge|le|sa|eb|ap)[0-9].*")) {
                v = v.substring(2);
            }
            p.setValueAsString(v);
            return p;
        }
        return null;
    }

    /**
     * An identifier token of a conditional reference as the identifier is cleaned in a resource of
     * that type (FHIRPath rules included): a known patient's by the patient pseudonym; a removed or
     * otherwise changed one is refused, as the reference could not resolve.
     */
    private String identifierToken(Res res, String type, String token) throws References.InvalidReference, DeidException {
        int bar = token.indexOf('|');
        String system = bar < 0 ? null : token.substring(0, bar);
        String value = bar < 0 ? token : token.substring(bar + 1);
        if ("Patient".equals(type)) {
            // A known patient (by any of its identifiers) is found after cleaning by its pseudonym,
            // which replaces its subject id whatever the system.
            String subjectId = run.patients.subjectId("Patient?identifier=" + token).orElse(null);
            Subject s = subjectId == null ? null : run.engine.subject(subjectId);
            if (s != null) {
                return s.pseudonym();
            }
        }
        Probe p = probe(type == null ? "Basic" : type, (type == null ? "Basic" : type) + ".identifier", token,
                ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum.TOKEN);
        String rule = p == null || p.rule == null ? "default" : p.rule.id();
        if (p == null || p.after == null || p.after.isEmpty()) {
            throw new References.InvalidReference("the identifier of a conditional reference is removed by rule '" + rule
                    + "', so the reference could not resolve");
        }
        if (p.after.equals(p.before)) {
            return token;
        }
        Action action = p.spec == null ? null : p.spec.action();
        if (action != Action.PSEUDONYMIZE && action != Action.ENCRYPT) {
            throw new References.InvalidReference("the identifier of a conditional reference is changed by rule '" + rule
                    + "' (" + (action == null ? "?" : action.yamlName()) + "), so the reference could not resolve");
        }
        return (system == null ? "" : system + "|") + p.after;
    }

    /**
     * Bundle and entry links. {@code self} is kept with its URL rewritten as a reference or a
     * conditional request is (ids keyed, search values as in conditional references), so it still
     * names the cleaned data; where that cannot be done safely it is removed. Every other relation
     * ({@code next}, {@code previous}, {@code first}, {@code last}: the original server's paging
     * state, often an opaque token that may encode the search) is removed.
     */
    private void links(Res res, Base node, String path, List<PreviewField> out) {
        if (!transform) {
            return;
        }
        List<Bundle.BundleLinkComponent> links = node instanceof Bundle b ? b.getLink()
                : ((Bundle.BundleEntryComponent) node).getLink();
        List<Bundle.BundleLinkComponent> kept = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            Bundle.BundleLinkComponent link = links.get(i);
            String before = link.getUrl();
            String after = "self".equals(link.getRelation()) && before != null ? selfUrl(res, before) : null;
            String p = path + ".link[" + i + "].url";
            if (after != null) {
                link.setUrl(after);
                link.setExtension(null);
                link.setModifierExtension(null);
                kept.add(link);
                tally.count(BUNDLE_LINK_RULE, "pseudonymize");
                res.marks.add("PSEUDED");
            } else {
                tally.count(BUNDLE_LINK_RULE, "remove");
                res.marks.add("REDACTED");
            }
            if (out != null) {
                out.add(PreviewField.leaf(p, "url", before, after, BUNDLE_LINK_RULE, after != null ? "pseudonymize" : "remove"));
            }
        }
        links.clear();
        links.addAll(kept);
    }

    /** A self link's URL with its id or search rewritten, or {@code null} when that is not safe. */
    private String selfUrl(Res res, String url) {
        try {
            int q = url.indexOf('?');
            if (q < 0) {
                return run.references.rewrite(url, Map.of(), (t, query) -> {
                    throw new References.InvalidReference("no search here");
                });
            }
            String path = url.substring(0, q);
            String type = path.substring(path.lastIndexOf('/') + 1);
            if (!Fhir.context().getResourceTypes().contains(type)) {
                return null;
            }
            return path + "?" + conditional(res, type, url.substring(q + 1), "link");
        } catch (References.InvalidReference | DeidException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- extensions

    private void extensions(Res res, Base node, String name, List<Base> values, String path, int eff,
            List<PreviewField> out) throws FormatException {
        List<Extension> drop = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Extension ext = (Extension) values.get(i);
            String p = path + "." + name + "[" + i + "]";
            if (!run.section.extensions().keeps(ext.getUrl(), node instanceof Extension)) {
                drop.add(ext);
                tally.decision(typePath(p), name, EXTENSIONS_RULE, "remove", false,
                        "extension not kept by the extensions policy (default " + (run.section.extensions().keepByDefault()
                                ? "keep" : "drop") + ")");
                if (transform) {
                    tally.count(EXTENSIONS_RULE, "remove");
                    res.marks.add("REDACTED");
                }
                if (out != null) {
                    out.add(PreviewField.leaf(p, name, ext.getUrl(), null, EXTENSIONS_RULE, "remove"));
                }
                continue;
            }
            List<PreviewField> kids = children(res, ext, p, eff);
            if (transform && !ext.hasValue() && !ext.hasExtension()) {
                drop.add(ext); // its value was removed by a rule: an extension needs a value or extensions
            }
            if (out != null) {
                out.add(container(p, name, kids));
            }
        }
        if (transform && !drop.isEmpty()) {
            extensionList(node, name).removeAll(drop);
        }
    }

    private static List<Extension> extensionList(Base node, String name) {
        boolean modifier = name.equals("modifierExtension");
        if (node instanceof DomainResource dr) {
            return modifier ? dr.getModifierExtension() : dr.getExtension();
        }
        if (modifier && node instanceof BackboneElement be) {
            return be.getModifierExtension();
        }
        if (modifier && node instanceof BackboneType bt) {
            return bt.getModifierExtension();
        }
        if (node instanceof Element e) {
            return e.getExtension();
        }
        throw new IllegalStateException("extensions on " + node.fhirType());
    }

    // ---------------------------------------------------------------- subjects

    /** A subject id value and the element holding it (replaced by the patient pseudonym). */
    private record SubjectId(String value, PrimitiveType<?> node) {
    }

    Subject subject(String subjectId) throws FormatException {
        Subject s = subjects.get(subjectId);
        if (s == null) {
            try {
                s = run.engine.subject(subjectId);
            } catch (DeidException e) {
                throw new FormatException(e.code(), place, e.getMessage());
            }
            if (subjects.size() >= SUBJECT_CACHE) {
                subjects.clear();
            }
            if (s != null) {
                subjects.put(subjectId, s);
            }
        }
        return s;
    }

    /** The patient a resource belongs to: the Patient itself, or what its compartment references point at. */
    private Subject subjectOf(Resource r) throws FormatException {
        if (!transform || probeLeaf != null) {
            return null; // scanning needs no subject: what it reports does not depend on one
        }
        if (r instanceof Patient p) {
            SubjectId id = subjectId(p);
            return id == null ? null : subject(id.value());
        }
        if (r instanceof Bundle) {
            return null;
        }
        boolean pointsAtPatient = false;
        for (String path : run.compartmentPaths(r.fhirType())) {
            for (org.hl7.fhir.instance.model.api.IBase v : run.values(r, path, terser)) {
                if (!(v instanceof Reference ref)) {
                    continue;
                }
                String reference = ref.getReference();
                if (reference != null && reference.startsWith("#") && r instanceof DomainResource dr) {
                    for (Resource c : dr.getContained()) {
                        String cid = c.getIdElement().getIdPart();
                        if (c instanceof Patient cp && cid != null && reference.substring(1).equals(cid.replace("#", ""))) {
                            SubjectId id = subjectId(cp);
                            if (id != null) {
                                return subject(id.value());
                            }
                        }
                    }
                    continue;
                }
                String key = run.references.key(reference);
                if (key != null) {
                    String subjectId = run.patients.subjectId(key).orElse(null);
                    if (subjectId != null) {
                        return subject(subjectId);
                    }
                    pointsAtPatient |= "Patient".equals(run.references.type(reference));
                }
                if (reference == null && "Patient".equals(ref.getType()) && ref.hasIdentifier()
                        && ref.getIdentifier().hasValue()) {
                    return subject(ref.getIdentifier().getValue());
                }
            }
        }
        List<String> targets = new ArrayList<>(2);
        if (r instanceof org.hl7.fhir.r4.model.Provenance pv) {
            pv.getTarget().forEach(t -> targets.add(t.getReference()));
        } else if (r instanceof org.hl7.fhir.r4.model.AuditEvent ae) {
            ae.getEntity().stream().filter(e -> e.hasWhat()).forEach(e -> targets.add(e.getWhat().getReference()));
        }
        String owner = run.ownerOf(r.fhirType(), r.getIdElement().getIdPart(), entryFullUrl, targets);
        if (owner != null) {
            return subject(owner); // what names it, or its targets (decisions 0214, 0215)
        }
        if (pointsAtPatient && transform) {
            tally.warn("FHIR-PATIENT-NOT-FOUND", place.isEmpty() ? r.fhirType() : place + " (" + r.fhirType() + ")",
                    "the resource refers to a Patient that is not in the input (or is ambiguous); its dates are"
                            + " shifted by the offset for records without a patient");
        }
        return null;
    }

    /**
     * The subject id of a Patient: the section's {@code subject-id} FHIRPath, or else the first
     * identifier typed MR, else the first identifier with a value, else the resource's own
     * {@code Patient/id} (so a FHIR-only export still shifts each patient's dates by one offset).
     */
    private SubjectId subjectId(Patient p) throws FormatException {
        if (run.section.subjectIdPath() != null) {
            List<Base> found;
            try {
                found = run.subjectPath(p);
            } catch (RuntimeException e) {
                throw new FormatException("FHIR-RULE-FAILED", place + ", subject-id",
                        "the subject-id fhirpath failed on a Patient (" + e.getClass().getSimpleName() + ")");
            }
            for (Base b : found) {
                PrimitiveType<?> node = b instanceof Identifier i ? i.getValueElement()
                        : b instanceof PrimitiveType<?> pt ? pt : null;
                if (node != null && node.getValueAsString() != null && !node.getValueAsString().isBlank()) {
                    return new SubjectId(node.getValueAsString(), node);
                }
            }
        } else {
            Identifier chosen = null;
            for (Identifier i : p.getIdentifier()) {
                if (i.hasValue() && i.getType().getCoding().stream().anyMatch(c -> "MR".equals(c.getCode()))) {
                    chosen = i;
                    break;
                }
            }
            if (chosen == null) {
                chosen = p.getIdentifier().stream().filter(Identifier::hasValue).findFirst().orElse(null);
            }
            if (chosen != null) {
                return new SubjectId(chosen.getValue(), chosen.getValueElement());
            }
        }
        String id = p.getIdElement().getIdPart();
        return id == null ? null : new SubjectId("Patient/" + id, null);
    }

    private void indexBundle(Bundle b) throws FormatException {
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            if (e.getResource() instanceof Patient p) {
                indexPatient(p, e.getFullUrl());
            } else if (e.getResource() instanceof Bundle nested) {
                indexBundle(nested);
            }
        }
    }

    /** Records every way the input may refer to this Patient: Patient/id, its fullUrl, its identifiers. */
    private void indexPatient(Patient p, String fullUrl) throws FormatException {
        SubjectId id = subjectId(p);
        if (id == null) {
            return;
        }
        String own = p.getIdElement().getIdPart();
        if (own != null) {
            sink.patient("Patient/" + own, id.value());
        }
        try {
            sink.ownIds(id.value(), own, fullUrl);
        } catch (DeidException e) {
            throw new FormatException(e.code(), place, e.getMessage());
        }
        String key = run.references.key(fullUrl);
        if (key != null) {
            sink.patient(key, id.value());
        }
        if (id.node() != null && p.getIdentifier().size() > 1) {
            List<String[]> others = new ArrayList<>();
            String system = null;
            for (Identifier i : p.getIdentifier()) {
                others.add(new String[] {i.hasSystem() ? i.getSystem() : null, i.hasValue() ? i.getValue() : null});
                if (i.getValueElement() == id.node()) {
                    system = i.hasSystem() ? i.getSystem() : null;
                }
            }
            sink.link(ScanSink.patientIds(id.value(), system, others));
        }
        for (Identifier i : p.getIdentifier()) {
            if (i.hasValue()) {
                sink.patient("Patient?identifier=" + i.getValue(), id.value());
                if (i.hasSystem()) {
                    sink.patient("Patient?identifier=" + i.getSystem() + "|" + i.getValue(), id.value());
                }
            }
        }
    }

    // ---------------------------------------------------------------- identifiers for scrubbing

    /** String-like values outside codings are worth finding again in free text. */
    private static boolean notable(Base parent, PrimitiveType<?> p, String name) {
        if (describes(parent.fhirType(), name)) {
            return false;
        }
        return switch (p.fhirType()) {
            case "string", "markdown", "date", "dateTime", "uri", "url" -> true;
            default -> false;
        };
    }

    /**
     * Whether a value under an identifying element describes it rather than identifies the person, so it is not a known
     * identifier to scrub from text and to look for in the output: a code's {@code Coding} and a {@code CodeableConcept}'s
     * {@code text} (an identifier's type, "Medical Record Number" or "Passport Number", shared by every patient), and an
     * identifier's {@code system}; a name's {@code prefix} and {@code suffix}, titles and degrees many people share
     * ({@code Dr. med.}, {@code Prof.}, {@code Jr.}, {@code MD}): as known identifiers they made every {@code Dr. med.}
     * of an export's notes a name (decision 0151). The same on the token path ({@link JsonScan}) and here.
     */
    static boolean describes(String parentType, String name) {
        return parentType.equals("Coding") || parentType.equals("CodeableConcept")
                || parentType.equals("Identifier") && "system".equals(name)
                || parentType.equals("HumanName") && ("prefix".equals(name) || "suffix".equals(name));
    }

    /** The subject id of the Patient being scanned (its values are its subject's, decision 0099), or null. */
    private String notingSubject;

    /** The resource being scanned, and the keys of its references into the Patient compartment once looked up. */
    private Resource notingRoot;
    private List<String> notingOwners;

    /** How deep in contained resources the walk is: their attachments name no content of the resource's own. */
    private int containedDepth;
    /** The fullUrl of the Bundle entry whose resource is being cleaned, or null. */
    private String entryFullUrl;
    /** The fullUrl of the entry of a larger Bundle that the one-entry Bundle cleaned next stands for, or null. */
    private String oneEntryFullUrl;

    /**
     * The fullUrl of the entry of a larger Bundle whose resource is cleaned next in a one-entry Bundle without it
     * ({@link JsonBundleTransform}): the resource's own key, if an attachment named it (decision 0214).
     */
    void oneEntryFullUrl(String fullUrl) {
        oneEntryFullUrl = fullUrl;
    }

    /**
     * An attachment of the resource being scanned names a resource of the export ({@code Binary/7}): that resource
     * is this one's content, owned as this one is (decision 0214).
     */
    private void noteContent(String url) throws FormatException {
        List<String> owners;
        if (notingRoot instanceof Patient p) {
            owners = new ArrayList<>(2);
            String id = p.getIdElement().getIdPart();
            if (id != null) {
                owners.add("Patient/" + id);
            }
            String key = run.references.key(entryFullUrl);
            if (key != null) {
                owners.add(key);
            }
        } else {
            owners = owners();
        }
        if (!owners.isEmpty()) {
            sink.owned(run.references.key(url), owners);
        }
    }

    /** A resource a Provenance of the run points at: its owners, for the Provenance (decision 0215). */
    private void noteTarget(Resource r) throws FormatException {
        String id = r.getIdElement().getIdPart();
        String key = id == null ? null : run.references.key(r.fhirType() + "/" + id);
        if (key != null && run.targets.contains(key)) {
            List<String> owners = owners();
            if (!owners.isEmpty()) {
                sink.owned(key, owners);
            }
        }
    }

    /** {@link #notingOwners}, looked up the first time a value is noted outside a Patient (decision 0164). */
    private List<String> owners() throws FormatException {
        if (notingOwners == null) {
            List<String> keys = new ArrayList<>(2);
            Resource r = notingRoot;
            if (r != null && !(r instanceof Patient) && !(r instanceof Bundle)) {
                for (String path : run.compartmentPaths(r.fhirType())) {
                    for (org.hl7.fhir.instance.model.api.IBase v : run.values(r, path, terser)) {
                        if (v instanceof Reference ref && ref.getReference() != null) {
                            ScanSink.addOwner(run, keys, ref.getReference());
                        }
                    }
                }
            }
            notingOwners = keys;
        }
        return notingOwners;
    }

    private void note(ActionSpec spec, String label, String value) throws FormatException {
        try {
            sink.identifier(spec, label.toUpperCase(Locale.ROOT), value, notingSubject,
                    notingSubject == null ? owners() : List.of());
        } catch (DeidException e) {
            throw new FormatException(e.code(), place, e.getMessage());
        }
    }

    /** A name is also written whole in text ("Ann Smith"), not only word by word. */
    private void noteFullName(HumanName n, int rule) throws FormatException {
        FhirRule r = rule == Rules.NONE ? null : run.rules.rule(rule);
        if (r == null || !r.identifier()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        n.getGiven().forEach(g -> {
            if (g.getValue() != null) {
                sb.append(g.getValue()).append(' ');
            }
        });
        if (n.getFamily() != null) {
            sb.append(n.getFamily());
        }
        String full = sb.toString().strip();
        if (!full.isEmpty()) {
            note(r.spec(), r.label(), full);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static PreviewField container(String path, String name, List<PreviewField> kids) {
        return new PreviewField(path, name, null, null, PreviewField.Change.UNCHANGED, "", "", kids);
    }

    private static List<PreviewField> prepend(PreviewField first, List<PreviewField> rest) {
        List<PreviewField> out = new ArrayList<>();
        if (first != null) {
            out.add(first);
        }
        out.addAll(rest);
        return out;
    }

    /** {@code Patient.name[0].given[1]} as {@code Patient.name.given}. */
    static String typePath(String path) {
        int open = path.indexOf('[');
        if (open < 0) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path.length());
        int from = 0;
        while (open >= 0) {
            int close = path.indexOf(']', open);
            if (close < 0) {
                break;
            }
            if (digits(path, open + 1, close)) {
                sb.append(path, from, open);
                from = close + 1;
            }
            open = path.indexOf('[', open + 1);
        }
        return sb.append(path, from, path.length()).toString();
    }

    private static boolean digits(String s, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
