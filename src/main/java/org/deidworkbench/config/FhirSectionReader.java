package org.deidworkbench.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.ExpressionSyntax;
import org.deidworkbench.model.FhirRule;
import org.deidworkbench.model.FhirSection;
import org.deidworkbench.model.FhirSelector;
import org.deidworkbench.model.SourceLocation;

/**
 * Reads and validates a profile's {@code fhir:} section (see {@code profiles.md}). FHIRPath
 * expressions, type names and qualified element names are checked with the FHIR format's own
 * parser and model, found through {@link ServiceLoader} as {@link ExpressionSyntax} providers, so
 * an expression that would fail at run time fails here, with its line and column. One instance per
 * section read; not thread-safe.
 */
final class FhirSectionReader {

    /** Languages the FHIR format provides checkers for. */
    static final String FHIRPATH = "fhirpath";
    static final String FHIR_TYPE = "fhir-type";
    static final String FHIR_ELEMENT = "fhir-element";

    private static final String BUILT_IN = "fhir-safe-harbor";
    private static final List<String> SECTION_KEYS = List.of("subject-id", "resource-ids", "id-domain", "dates",
            "extensions", "rules", "default");
    private static final List<String> SELECTOR_KEYS = List.of("fhirpath", "type", "types", "element", "elements");
    private static final List<String> RULE_KEYS = ruleKeys();
    private static final List<String> DEFAULT_KEYS = defaultKeys();
    private static final List<String> EXTENSION_KEYS = List.of("default", "keep", "drop");
    private static final Map<String, Optional<ExpressionSyntax>> CHECKERS = new ConcurrentHashMap<>();

    private static List<String> ruleKeys() {
        List<String> keys = new ArrayList<>(List.of("id"));
        keys.addAll(SELECTOR_KEYS);
        keys.add("action");
        keys.addAll(ProfileReader.parameterKeys());
        keys.addAll(List.of("identifier", "label"));
        return List.copyOf(keys);
    }

    private static List<String> defaultKeys() {
        List<String> keys = new ArrayList<>(List.of("action"));
        keys.addAll(ProfileReader.parameterKeys());
        keys.add("identifier");
        return List.copyOf(keys);
    }

    private final ProfileReader profile;
    private final String source;
    /** A built-in profile's section: its expressions were checked by the build, not again here. */
    private final boolean expressionsChecked;

    FhirSectionReader(ProfileReader profile, String source, boolean expressionsChecked) {
        this.profile = profile;
        this.source = source;
        this.expressionsChecked = expressionsChecked;
    }

    /** The section, or {@code null} after reporting at least one problem. */
    FhirSection read(YamlNode.Entry entry) {
        if (!(entry.value() instanceof YamlNode.Mapping m)) {
            profile.report(entry.value().location(), null, "fhir must be a mapping of keys (rules, default, subject-id,"
                    + " ...), not " + entry.value().kindName());
            return null;
        }
        int before = profile.problemCount();
        Map<String, YamlNode.Entry> keys = profile.knownKeys(m, SECTION_KEYS, "in fhir", null);

        String subjectIdPath = null;
        if (keys.containsKey("subject-id")) {
            subjectIdPath = profile.nonBlankText(keys.get("subject-id"), null, "fhir.subject-id");
            if (subjectIdPath != null) {
                checkExpression(FHIRPATH, subjectIdPath, keys.get("subject-id").value().location(), null, "subject-id");
            }
        }
        FhirSection.ResourceIds ids = FhirSection.ResourceIds.KEYED;
        if (keys.containsKey("resource-ids")) {
            ids = resourceIds(keys.get("resource-ids"));
        }
        String idDomain = "fhir-id";
        if (keys.containsKey("id-domain")) {
            idDomain = profile.domainName(keys.get("id-domain"), null);
        }
        boolean yearOnly = false;
        if (keys.containsKey("dates")) {
            String dates = profile.nonBlankText(keys.get("dates"), null, "fhir.dates");
            if ("year".equals(dates)) {
                yearOnly = true;
            } else if (dates != null && !"shift".equals(dates)) {
                profile.report(keys.get("dates").value().location(), null, "fhir.dates must be 'shift' (every date"
                        + " moved by the patient's offset) or 'year' (only the year is kept)"
                        + Suggestions.hint(dates, List.of("shift", "year")));
            }
        }
        FhirSection.ExtensionPolicy extensions = keys.containsKey("extensions") ? extensions(keys.get("extensions"))
                : new FhirSection.ExtensionPolicy(false, List.of(), List.of());

        List<FhirRule> rules;
        ActionSpec defaultSpec;
        boolean defaultIdentifier;
        YamlNode.Entry rulesEntry = keys.get("rules");
        YamlNode.Entry defaultEntry = keys.get("default");
        if (rulesEntry == null && defaultEntry == null && !source.equals("built-in:" + BUILT_IN)) {
            // Options only: the rules and default of the built-in Safe Harbor section apply.
            FhirSection builtIn = builtInSection(m.location());
            if (builtIn == null) {
                return null;
            }
            rules = builtIn.rules();
            defaultSpec = builtIn.defaultSpec();
            defaultIdentifier = builtIn.defaultIdentifier();
        } else {
            rules = rules(rulesEntry);
            if (defaultEntry == null) {
                profile.report(m.location(), null, "fhir has rules but no 'default' (the action for values no rule"
                        + " matches), e.g. default: {action: keep}");
                return null;
            }
            YamlNode.Mapping d = mapping(defaultEntry, "fhir.default");
            if (d == null) {
                return null;
            }
            Map<String, YamlNode.Entry> dk = profile.knownKeys(d, DEFAULT_KEYS, "in fhir.default", null);
            defaultSpec = profile.action(d, dk, null, "default", "fhir-default");
            Boolean flag = profile.identifierFlag(dk.get("identifier"), null, defaultSpec);
            defaultIdentifier = flag != null && flag;
        }
        if (profile.problemCount() > before || ids == null || idDomain == null || extensions == null
                || defaultSpec == null || rules == null) {
            return null;
        }
        return new FhirSection(rules, defaultSpec, defaultIdentifier, subjectIdPath, ids, idDomain, yearOnly, extensions,
                source);
    }

    private FhirSection builtInSection(SourceLocation at) {
        try {
            return ProfileLoader.builtIn(BUILT_IN).section(FhirSection.KEY, FhirSection.class).orElseThrow();
        } catch (ProfileException e) {
            profile.report(at, null, "the built-in profile '" + BUILT_IN + "' cannot be read: " + e.getMessage());
            return null;
        }
    }

    private FhirSection.ResourceIds resourceIds(YamlNode.Entry entry) {
        String given = profile.nonBlankText(entry, null, "fhir.resource-ids");
        if (given == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (FhirSection.ResourceIds v : FhirSection.ResourceIds.values()) {
            if (v.yamlName().equals(given)) {
                return v;
            }
            names.add(v.yamlName());
        }
        profile.report(entry.value().location(), null, "fhir.resource-ids must be one of " + String.join(", ", names)
                + Suggestions.hint(given, names));
        return null;
    }

    private FhirSection.ExtensionPolicy extensions(YamlNode.Entry entry) {
        YamlNode.Mapping m = mapping(entry, "fhir.extensions");
        if (m == null) {
            return null;
        }
        Map<String, YamlNode.Entry> keys = profile.knownKeys(m, EXTENSION_KEYS, "in fhir.extensions", null);
        boolean keepByDefault = false;
        if (keys.containsKey("default")) {
            String d = profile.nonBlankText(keys.get("default"), null, "fhir.extensions.default");
            if ("keep".equals(d)) {
                keepByDefault = true;
            } else if (d != null && !"drop".equals(d)) {
                profile.report(keys.get("default").value().location(), null, "fhir.extensions.default must be 'keep'"
                        + " or 'drop'" + Suggestions.hint(d, List.of("keep", "drop")));
                return null;
            }
        } else {
            profile.report(m.location(), null, "fhir.extensions needs an explicit 'default: keep' or 'default: drop'");
            return null;
        }
        List<String> keep = urls(keys.get("keep"), "fhir.extensions.keep");
        List<String> drop = urls(keys.get("drop"), "fhir.extensions.drop");
        if (keep == null || drop == null) {
            return null;
        }
        if (keepByDefault && !keep.isEmpty()) {
            profile.report(keys.get("keep").keyLocation(), null, "fhir.extensions.keep lists nothing new when the"
                    + " default is keep: list the extensions to remove under 'drop'");
            return null;
        }
        if (!keepByDefault && !drop.isEmpty()) {
            profile.report(keys.get("drop").keyLocation(), null, "fhir.extensions.drop lists nothing new when the"
                    + " default is drop: list the extensions to keep under 'keep'");
            return null;
        }
        return new FhirSection.ExtensionPolicy(keepByDefault, keep, drop);
    }

    private List<String> urls(YamlNode.Entry entry, String what) {
        if (entry == null) {
            return List.of();
        }
        if (!(entry.value() instanceof YamlNode.Sequence seq)) {
            profile.report(entry.value().location(), null, what + " must be a list of extension URLs, not "
                    + entry.value().kindName());
            return null;
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlNode.Scalar s) || s.type() == YamlNode.ScalarType.NULL || s.text().isBlank()) {
                profile.report(item.location(), null, "each entry of " + what + " must be an extension URL");
                return null;
            }
            out.add(s.text().strip());
        }
        return out;
    }

    private YamlNode.Mapping mapping(YamlNode.Entry entry, String what) {
        if (entry.value() instanceof YamlNode.Mapping m) {
            return m;
        }
        profile.report(entry.value().location(), null, what + " must be a mapping of keys, not " + entry.value().kindName());
        return null;
    }

    // ---------------------------------------------------------------- rules

    private List<FhirRule> rules(YamlNode.Entry entry) {
        List<FhirRule> out = new ArrayList<>();
        if (entry == null || entry.value() instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.NULL) {
            return out;
        }
        if (!(entry.value() instanceof YamlNode.Sequence seq)) {
            profile.report(entry.value().location(), null, "fhir.rules must be a list of rules (each starting with"
                    + " '- '), not " + entry.value().kindName());
            return null;
        }
        Map<String, SourceLocation> ids = new HashMap<>();
        boolean ok = true;
        for (int i = 0; i < seq.items().size(); i++) {
            List<FhirRule> rule = rule(seq.items().get(i), i + 1, ids);
            if (rule == null) {
                ok = false;
            } else {
                out.addAll(rule);
            }
        }
        return ok ? out : null;
    }

    private List<FhirRule> rule(YamlNode node, int position, Map<String, SourceLocation> ids) {
        String id = "fhir-rule-" + position;
        if (!(node instanceof YamlNode.Mapping m)) {
            profile.report(node.location(), id, "a fhir rule must be a mapping like {type: HumanName, action: remove},"
                    + " not " + node.kindName());
            return null;
        }
        int before = profile.problemCount();
        YamlNode.Entry idEntry = m.entries().stream().filter(e -> e.key().equals("id")).findFirst().orElse(null);
        if (idEntry != null) {
            String given = profile.nonBlankText(idEntry, id, "id");
            if (given != null) {
                id = given;
            }
        }
        SourceLocation idAt = idEntry == null ? m.location() : idEntry.value().location();
        SourceLocation first = ids.putIfAbsent(id, idAt);
        if (first != null) {
            profile.report(idAt, id, "duplicate fhir rule id '" + id + "' (already used at line " + first.line()
                    + "): give each rule its own id");
        }
        Map<String, YamlNode.Entry> keys = profile.knownKeys(m, RULE_KEYS, "in fhir rule", id);
        List<FhirSelector> selectors = selectors(m, keys, id);
        ActionSpec spec = profile.action(m, keys, id, "rule", id);
        Boolean identifier = profile.identifierFlag(keys.get("identifier"), id, spec);
        String label = id.toUpperCase(Locale.ROOT);
        if (keys.containsKey("label")) {
            label = profile.nonBlankText(keys.get("label"), id, "label");
        }
        // remap-uid is allowed since decision 0122: an ImagingStudy's DICOM UIDs (series.uid, urn:oid: identifiers)
        // get the keyed 2.25. UIDs the same key gives them in the DICOM files; resource ids stay resource-ids' business.
        if (profile.problemCount() > before || spec == null || identifier == null || label == null) {
            return null;
        }
        List<FhirRule> out = new ArrayList<>();
        for (FhirSelector s : selectors) {
            out.add(new FhirRule(id, s, spec, identifier, label, m.location()));
        }
        return out;
    }

    private List<FhirSelector> selectors(YamlNode.Mapping m, Map<String, YamlNode.Entry> keys, String id) {
        List<YamlNode.Entry> given = SELECTOR_KEYS.stream().filter(keys::containsKey).map(keys::get)
                .collect(Collectors.toList());
        if (given.size() != 1) {
            SourceLocation at = given.isEmpty() ? m.location() : given.get(1).keyLocation();
            profile.report(at, id, given.isEmpty()
                    ? "the fhir rule has no selector: give exactly one of " + String.join(", ", SELECTOR_KEYS)
                    : "the fhir rule has several selectors (" + given.stream().map(YamlNode.Entry::key)
                            .collect(Collectors.joining(", ")) + "): give exactly one (split it into several rules)");
            return List.of();
        }
        YamlNode.Entry e = given.get(0);
        List<YamlNode> values;
        if (e.key().endsWith("s")) {
            if (!(e.value() instanceof YamlNode.Sequence seq) || seq.items().isEmpty()) {
                profile.report(e.value().location(), id, e.key() + " must be a non-empty list, like [HumanName, Address]");
                return List.of();
            }
            values = seq.items();
        } else {
            values = List.of(e.value());
        }
        List<FhirSelector> out = new ArrayList<>();
        for (YamlNode v : values) {
            if (!(v instanceof YamlNode.Scalar s) || s.type() == YamlNode.ScalarType.NULL || s.text().isBlank()) {
                profile.report(v.location(), id, e.key() + " must be text, not " + v.kindName());
                continue;
            }
            String text = s.text().strip();
            switch (e.key()) {
                case "fhirpath" -> {
                    if (checkExpression(FHIRPATH, text, v.location(), id, "fhirpath")) {
                        out.add(new FhirSelector.FhirPath(text));
                    }
                }
                case "type", "types" -> {
                    if (checkExpression(FHIR_TYPE, text, v.location(), id, "type")) {
                        out.add(new FhirSelector.DataType(text));
                    }
                }
                default -> {
                    FhirSelector.ElementName name = FhirSelector.ElementName.of(text);
                    if (!name.name().matches("[a-z][A-Za-z0-9]*")) {
                        profile.report(v.location(), id, "element '" + text + "' is not an element name: write"
                                + " 'note' or 'Address.postalCode' (a choice element without its type: 'value')");
                    } else if (name.parentType() == null
                            || checkExpression(FHIR_ELEMENT, text, v.location(), id, "element")) {
                        out.add(name);
                    }
                }
            }
        }
        return out.size() == values.size() ? out : List.of();
    }

    /** Checks an expression with the FHIR format's checker; false (and a problem) when it is invalid. */
    private boolean checkExpression(String language, String expression, SourceLocation at, String id, String what) {
        if (expressionsChecked) {
            // A built-in profile's expressions are checked when the project is built (ProfileLoader.checkBuiltIns,
            // run by the tests): checking them again in every run would load HAPI's R4 model (about a second
            // of processor time) into runs that may hold no FHIR file at all.
            return true;
        }
        Optional<ExpressionSyntax> checker = CHECKERS.computeIfAbsent(language, FhirSectionReader::find);
        if (checker.isEmpty()) {
            profile.report(at, id, "this build cannot check " + what + " expressions (no '" + language
                    + "' checker on the class path)");
            return false;
        }
        Optional<ExpressionSyntax.Error> error = checker.get().check(expression);
        if (error.isEmpty()) {
            return true;
        }
        ExpressionSyntax.Error e = error.get();
        String where = e.line() > 0 ? " (at line " + e.line() + ", column " + e.column() + " of the expression)" : "";
        profile.report(at, id, "invalid " + what + ": " + e.message() + where);
        return false;
    }

    private static Optional<ExpressionSyntax> find(String language) {
        for (ExpressionSyntax s : ServiceLoader.load(ExpressionSyntax.class, FhirSectionReader.class.getClassLoader())) {
            if (s.language().equals(language)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
