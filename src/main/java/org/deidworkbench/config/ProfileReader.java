package org.deidworkbench.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.ClassificationSettings;
import org.deidworkbench.model.DateShiftSettings;
import org.deidworkbench.model.FhirSection;
import org.deidworkbench.model.DicomSection;
import org.deidworkbench.model.FieldSelector;
import org.deidworkbench.model.FormatSection;
import org.deidworkbench.model.Generalization;
import org.deidworkbench.model.Profile;
import org.deidworkbench.model.PseudonymFormat;
import org.deidworkbench.model.Rule;
import org.deidworkbench.model.SourceLocation;
import org.deidworkbench.model.SubjectSettings;

/**
 * Turns a located YAML tree into a {@link Profile}, checking the whole schema (version 1) and the
 * rules against each other. Every problem is collected; nothing is built when there is one.
 * One instance per profile read; not thread-safe (callers create a fresh one per call).
 */
final class ProfileReader {

    /** The only schema version this code reads. */
    static final int SCHEMA_VERSION = 1;

    private static final String KEY_VERSION = "deid-profile";
    private static final List<String> TOP_KEYS = List.of(KEY_VERSION, "name", "description", "subject",
            "date-shift", "rules", "default", "classify", DicomSection.KEY, FhirSection.KEY);
    private static final List<String> CLASSIFY_KEYS = List.of("enabled", "sample-rows");
    private static final List<String> SUBJECT_KEYS = List.of("columns", "domain");
    private static final List<String> DATE_SHIFT_KEYS = List.of("min-days", "max-days");
    private static final List<String> SELECTOR_KEYS = List.of("column", "columns", "column-pattern");
    /** Every action parameter key, from {@link Action.Parameter}, so a new parameter is known everywhere. */
    private static final List<String> PARAMETER_KEYS = Arrays.stream(Action.Parameter.values())
            .map(Action.Parameter::yamlName).toList();
    private static final List<String> RULE_KEYS = concat(List.of("id", "column", "columns", "column-pattern", "action"),
            PARAMETER_KEYS, List.of("identifier", "label"));
    private static final List<String> DEFAULT_KEYS = concat(List.of("action"), PARAMETER_KEYS, List.of("identifier"));
    private static final List<String> FORMAT_KEYS = List.of("encoding", "length", "prefix", "check-digit");

    /** Domains name sections of the key file; keep them to a portable, unambiguous spelling. */
    private static final Pattern DOMAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Named encrypt alphabets; anything else is taken as a literal alphabet. */
    static final Map<String, String> NAMED_ALPHABETS = namedAlphabets();

    private static Map<String, String> namedAlphabets() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("digits", "0123456789");
        m.put("upper-alphanumeric", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        m.put("alphanumeric", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
        return Map.copyOf(m);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }

    private static final List<String> NAMED_ALPHABET_ORDER = List.of("digits", "upper-alphanumeric", "alphanumeric");

    private final String source;
    private final List<ProfileProblem> problems;
    /** Set when a rule could not be built, so whole-profile checks do not guess at its effect. */
    private boolean someRuleInvalid;

    ProfileReader(String source, List<ProfileProblem> problems) {
        this(source, problems, Map.of());
    }

    /**
     * @param builtInSections for each format section key, the section node of that format's built-in
     *     profile, read in place of a section this profile lacks (decision 0006)
     */
    ProfileReader(String source, List<ProfileProblem> problems, Map<String, YamlNode.Entry> builtInSections) {
        this(source, problems, builtInSections, false);
    }

    /**
     * @param expressionsChecked the text is a built-in profile's, whose FHIR expressions the build checks
     *     ({@link ProfileLoader#checkBuiltIns()}): they are not parsed again by HAPI on every load
     */
    ProfileReader(String source, List<ProfileProblem> problems, Map<String, YamlNode.Entry> builtInSections,
            boolean expressionsChecked) {
        this.source = source;
        this.problems = problems;
        this.builtInSections = builtInSections;
        this.expressionsChecked = expressionsChecked;
    }

    private final Map<String, YamlNode.Entry> builtInSections;
    private final boolean expressionsChecked;

    /** A rule as built, with where its selector was written (for "can never match" messages). */
    private record Parsed(Rule rule, SourceLocation selectorAt) {
    }

    /** Builds the profile, or returns {@code null} after adding at least one problem. */
    Profile read(YamlNode root) {
        if (root == null) {
            problem(new SourceLocation(source, 1, 1), null,
                    "the profile is empty: it needs at least 'deid-profile: 1', 'name' and 'default'");
            return null;
        }
        if (!(root instanceof YamlNode.Mapping top)) {
            problem(root.location(), null, "a profile is a mapping of keys (deid-profile, name, rules, default, ...), not "
                    + root.kindName());
            return null;
        }
        int before = problems.size();
        Map<String, YamlNode.Entry> keys = keys(top, TOP_KEYS, "at the top level", null);

        readVersion(top, keys.get(KEY_VERSION));
        String name = requiredText(top, keys.get("name"), "name", null, "at the top level");
        String description = optionalText(keys.get("description"), "description", null, "");
        SubjectSettings subject = readSubject(keys.get("subject"));
        DateShiftSettings dateShift = readDateShift(keys.get("date-shift"));
        List<Parsed> rules = readRules(keys.get("rules"));
        DefaultSpec dflt = readDefault(top, keys.get("default"));
        Map<String, FormatSection> sections = new java.util.TreeMap<>();
        if (keys.containsKey(FhirSection.KEY)) {
            FhirSection fhir = new FhirSectionReader(this, source, expressionsChecked).read(keys.get(FhirSection.KEY));
            if (fhir != null) {
                sections.put(FhirSection.KEY, fhir);
            }
        }
        ClassificationSettings classification = readClassify(keys.get("classify"));

        checkRulesAgainstEachOther(rules);
        List<Rule> ruleList = rules.stream().map(Parsed::rule).collect(Collectors.toList());
        if (subject != null && dflt != null) {
            if (!someRuleInvalid) {
                // With a rule missing, the subject column's real decision is unknown: no guessing.
                checkSubjectColumnsAreProtected(subject, ruleList, dflt);
            }
            checkShiftDateHasSubject(subject, rules, dflt);
        }
        DicomSection dicom = readDicomSection(keys.get(DicomSection.KEY), ruleList, dflt);
        if (problems.size() > before || name == null || subject == null || dateShift == null || dflt == null
                || classification == null) {
            return null;
        }
        if (dicom != null) {
            sections.put(DicomSection.KEY, dicom);
        }
        return new Profile(name, description, ruleList, dflt.spec, dflt.identifier, subject, dateShift, source,
                sections, classification);
    }

    // ---------------------------------------------------------------- top level

    /** The profile's {@code dicom:} section, or the built-in one when it has none (null only on problems). */
    private DicomSection readDicomSection(YamlNode.Entry entry, List<Rule> csvRules, DefaultSpec dflt) {
        YamlNode.Entry node = entry;
        String from = source;
        if (node == null) {
            node = builtInSections.get(DicomSection.KEY);
            if (node == null) {
                return null;
            }
            from = node.keyLocation().file();
        }
        List<ActionSpec> csvSpecs = new ArrayList<>();
        csvRules.forEach(r -> csvSpecs.add(r.spec()));
        if (dflt != null) {
            csvSpecs.add(dflt.spec);
        }
        return new DicomSectionReader(this, from).read(node, csvSpecs);
    }

    private void readVersion(YamlNode.Mapping top, YamlNode.Entry entry) {
        if (entry == null) {
            problem(top.location(), null, "missing '" + KEY_VERSION + ": " + SCHEMA_VERSION
                    + "' (the profile schema version) at the top level");
            return;
        }
        YamlNode v = entry.value();
        if (v instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INTEGER) {
            if (!s.integer().equals(BigInteger.valueOf(SCHEMA_VERSION))) {
                problem(v.location(), null, "unsupported " + KEY_VERSION + " version " + s.text()
                        + ": this DeID Workbench reads version " + SCHEMA_VERSION);
            }
            return;
        }
        problem(v.location(), null, KEY_VERSION + " must be the schema version number " + SCHEMA_VERSION
                + ", not " + v.kindName());
    }

    private SubjectSettings readSubject(YamlNode.Entry entry) {
        if (entry == null || isNull(entry.value())) {
            return new SubjectSettings(List.of(), "patient");
        }
        YamlNode.Mapping m = mapping(entry, null, "subject");
        if (m == null) {
            return null;
        }
        Map<String, YamlNode.Entry> keys = keys(m, SUBJECT_KEYS, "in subject", null);
        List<String> columns = new ArrayList<>();
        boolean ok = true;
        YamlNode.Entry cols = keys.get("columns");
        if (cols != null) {
            List<String> read = textList(cols, null, "subject.columns");
            if (read == null) {
                ok = false;
            } else {
                columns.addAll(read);
                for (YamlNode item : ((YamlNode.Sequence) cols.value()).items()) {
                    subjectColumnLocations.add(item.location());
                }
            }
        }
        String domain = "patient";
        YamlNode.Entry d = keys.get("domain");
        if (d != null) {
            domain = domain(d, null);
            ok &= domain != null;
        }
        return ok ? new SubjectSettings(columns, domain) : null;
    }

    private DateShiftSettings readDateShift(YamlNode.Entry entry) {
        if (entry == null || isNull(entry.value())) {
            return DateShiftSettings.DEFAULT;
        }
        YamlNode.Mapping m = mapping(entry, null, "date-shift");
        if (m == null) {
            return null;
        }
        Map<String, YamlNode.Entry> keys = keys(m, DATE_SHIFT_KEYS, "in date-shift", null);
        Integer min = days(keys.get("min-days"), DateShiftSettings.DEFAULT.minDays());
        Integer max = days(keys.get("max-days"), DateShiftSettings.DEFAULT.maxDays());
        if (min == null || max == null) {
            return null;
        }
        if (min > max) {
            problem(m.location(), null, "date-shift range is empty: min-days " + min + " is greater than max-days "
                    + max);
            return null;
        }
        if (min == 0 && max == 0) {
            problem(m.location(), null, "date-shift range 0..0 would not shift any date: widen it (default -365..365)");
            return null;
        }
        return new DateShiftSettings(min, max);
    }

    /** {@code classify: {enabled: true, sample-rows: 1000}}; absent means off (profiles written before it). */
    private ClassificationSettings readClassify(YamlNode.Entry entry) {
        if (entry == null || isNull(entry.value())) {
            return ClassificationSettings.OFF;
        }
        YamlNode.Mapping m = mapping(entry, null, "classify");
        if (m == null) {
            return null;
        }
        Map<String, YamlNode.Entry> keys = keys(m, CLASSIFY_KEYS, "in classify", null);
        boolean enabled = true;
        if (keys.containsKey("enabled")) {
            Boolean b = bool(keys.get("enabled"), null, "classify.enabled");
            if (b == null) {
                return null;
            }
            enabled = b;
        }
        int rows = ClassificationSettings.DEFAULT_SAMPLE_ROWS;
        YamlNode.Entry r = keys.get("sample-rows");
        if (r != null) {
            YamlNode v = r.value();
            if (!(v instanceof YamlNode.Scalar s) || s.type() != YamlNode.ScalarType.INTEGER
                    || s.integer().compareTo(BigInteger.TEN) < 0 || s.integer().compareTo(BigInteger.valueOf(1_000_000)) > 0) {
                problem(v.location(), null, "classify.sample-rows must be a whole number of rows from 10 to 1000000");
                return null;
            }
            rows = s.integer().intValue();
        }
        return new ClassificationSettings(enabled, rows);
    }

    private Integer days(YamlNode.Entry entry, int dflt) {
        if (entry == null) {
            return dflt;
        }
        YamlNode v = entry.value();
        if (!(v instanceof YamlNode.Scalar s) || s.type() != YamlNode.ScalarType.INTEGER) {
            problem(v.location(), null, entry.key() + " must be a whole number of days, not " + v.kindName());
            return null;
        }
        if (s.integer().abs().compareTo(BigInteger.valueOf(36_500)) > 0) {
            problem(v.location(), null, entry.key() + " " + s.text() + " is out of range: date shifts are limited to"
                    + " ±36500 days");
            return null;
        }
        return s.integer().intValue();
    }

    // ---------------------------------------------------------------- rules

    private List<Parsed> readRules(YamlNode.Entry entry) {
        List<Parsed> out = new ArrayList<>();
        if (entry == null || isNull(entry.value())) {
            return out;
        }
        if (!(entry.value() instanceof YamlNode.Sequence seq)) {
            problem(entry.value().location(), null, "rules must be a list of rules (each starting with '- '), not "
                    + entry.value().kindName());
            return out;
        }
        Map<String, SourceLocation> ids = new HashMap<>();
        for (int i = 0; i < seq.items().size(); i++) {
            out.addAll(readRule(seq.items().get(i), i + 1, ids));
        }
        return out;
    }

    private List<Parsed> readRule(YamlNode node, int position, Map<String, SourceLocation> ids) {
        String fallbackId = "rule-" + position;
        if (!(node instanceof YamlNode.Mapping m)) {
            problem(node.location(), fallbackId, "a rule must be a mapping like {column: ..., action: ...}, not "
                    + node.kindName());
            someRuleInvalid = true;
            return List.of();
        }
        int before = problems.size();
        // The id first: every later message about this rule names it.
        String id = fallbackId;
        YamlNode.Entry idEntry = m.entries().stream().filter(e -> e.key().equals("id")).findFirst().orElse(null);
        if (idEntry != null) {
            String given = text(idEntry, fallbackId, "id");
            if (given != null) {
                id = given;
            }
        }
        SourceLocation idAt = idEntry == null ? m.location() : idEntry.value().location();
        SourceLocation firstUse = ids.putIfAbsent(id, idAt);
        if (firstUse != null) {
            problem(idAt, id, "duplicate rule id '" + id + "' (already used by the rule at " + lineOf(firstUse)
                    + "): give each rule its own id");
        }
        Map<String, YamlNode.Entry> keys = keys(m, RULE_KEYS, "in rule", id);

        List<Selector> selectors = readSelectors(m, keys, id);
        ActionSpec spec = readAction(m, keys, id, "rule", id);
        Boolean identifier = identifier(keys.get("identifier"), id, spec);
        String label = id.toUpperCase(Locale.ROOT);
        if (keys.containsKey("label")) {
            label = text(keys.get("label"), id, "label");
        }
        if (problems.size() > before || spec == null || identifier == null || label == null) {
            someRuleInvalid = true;
            return List.of();
        }
        List<Parsed> rules = new ArrayList<>();
        for (Selector s : selectors) {
            rules.add(new Parsed(new Rule(id, s.selector, spec, identifier, label, m.location()), s.at));
        }
        return rules;
    }

    /** A selector and where it was written. */
    private record Selector(FieldSelector selector, SourceLocation at) {
    }

    private List<Selector> readSelectors(YamlNode.Mapping m, Map<String, YamlNode.Entry> keys, String id) {
        List<YamlNode.Entry> given = SELECTOR_KEYS.stream().filter(keys::containsKey).map(keys::get)
                .collect(Collectors.toList());
        if (given.isEmpty()) {
            if (misspeltKeyFor(m, SELECTOR_KEYS)) {
                return List.of(); // the misspelt key is already reported, with the right suggestion
            }
            problem(m.location(), id, "the rule has no selector: give exactly one of column, columns, column-pattern");
            return List.of();
        }
        if (given.size() > 1) {
            given.sort((a, b) -> compare(a.keyLocation(), b.keyLocation()));
            problem(given.get(1).keyLocation(), id, "the rule has several selectors ("
                    + given.stream().map(YamlNode.Entry::key).collect(Collectors.joining(", "))
                    + "): give exactly one of column, columns, column-pattern (split it into several rules)");
            return List.of();
        }
        YamlNode.Entry e = given.get(0);
        switch (e.key()) {
            case "column": {
                String name = text(e, id, "column");
                if (name == null) {
                    return List.of();
                }
                return List.of(new Selector(new FieldSelector.ColumnName(name), e.value().location()));
            }
            case "columns": {
                if (!(e.value() instanceof YamlNode.Sequence seq) || seq.items().isEmpty()) {
                    problem(e.value().location(), id, "columns must be a non-empty list of column names, like"
                            + " [first_name, last_name]");
                    return List.of();
                }
                List<Selector> out = new ArrayList<>();
                for (YamlNode item : seq.items()) {
                    String name = nonBlankScalarText(item, id, "each entry of columns");
                    if (name != null) {
                        out.add(new Selector(new FieldSelector.ColumnName(name), item.location()));
                    }
                }
                return out.size() == seq.items().size() ? out : List.of();
            }
            default: {
                String regex = text(e, id, "column-pattern");
                if (regex == null) {
                    return List.of();
                }
                try {
                    return List.of(new Selector(FieldSelector.ColumnPattern.of(regex), e.value().location()));
                } catch (PatternSyntaxException x) {
                    problem(e.value().location(), id, "invalid column-pattern regex: " + describe(x));
                    return List.of();
                }
            }
        }
    }

    private static String describe(PatternSyntaxException x) {
        String pattern = x.getPattern();
        int index = x.getIndex();
        if (index < 0 || pattern == null) {
            return x.getDescription();
        }
        int end = Math.min(index, pattern.length());
        return x.getDescription() + " at index " + index + " (just after \"" + pattern.substring(0, end) + "\")";
    }

    // ---------------------------------------------------------------- actions

    /** The default's action and identifier flag. */
    private record DefaultSpec(ActionSpec spec, boolean identifier) {
    }

    private DefaultSpec readDefault(YamlNode.Mapping top, YamlNode.Entry entry) {
        if (entry == null) {
            problem(top.location(), null, "missing 'default' (the action for columns no rule matches), e.g."
                    + " default: {action: scrub-text, identifier: false}");
            return null;
        }
        YamlNode.Mapping m = mapping(entry, null, "default");
        if (m == null) {
            return null;
        }
        int before = problems.size();
        Map<String, YamlNode.Entry> keys = keys(m, DEFAULT_KEYS, "in default", null);
        ActionSpec spec = readAction(m, keys, null, "default", "default");
        if (spec != null && spec.action() == Action.REMAP_UID) {
            problem(keys.get("action").value().location(), null, "remap-uid applies to DICOM UIDs only; it cannot be"
                    + " the default for CSV columns");
        }
        Boolean identifier = identifier(keys.get("identifier"), null, spec);
        if (problems.size() > before || spec == null || identifier == null) {
            return null;
        }
        return new DefaultSpec(spec, identifier);
    }

    /**
     * Reads {@code action} and its parameters.
     *
     * @param owner "rule" or "default", for messages
     * @param defaultDomain the encrypt domain when none is given (the rule id, or "default")
     */
    ActionSpec readAction(YamlNode.Mapping m, Map<String, YamlNode.Entry> keys, String id, String owner,
            String defaultDomain) {
        YamlNode.Entry a = keys.get("action");
        List<String> actionNames = actionNames();
        if (a == null) {
            if (misspeltKeyFor(m, List.of("action"))) {
                return null; // the misspelt key is already reported, with the right suggestion
            }
            problem(m.location(), id, "the " + owner + " has no action: add 'action:' with one of "
                    + String.join(", ", actionNames));
            return null;
        }
        String name = text(a, id, "action");
        if (name == null) {
            return null;
        }
        Optional<Action> found = Action.fromYamlName(name);
        if (found.isEmpty()) {
            problem(a.value().location(), id, "unknown action '" + name + "'" + Suggestions.hint(name, actionNames));
            return null;
        }
        Action action = found.get();
        List<String> takes = names(action.parameters());
        boolean ok = true;
        for (String p : PARAMETER_KEYS) {
            YamlNode.Entry e = keys.get(p);
            if (e != null && !takes.contains(p)) {
                problem(e.keyLocation(), id, "'" + p + "' does not apply to action " + action.yamlName() + " ("
                        + (takes.isEmpty() ? "it takes no parameters" : "it takes: " + String.join(", ", takes)) + ")");
                ok = false;
            }
        }
        for (Action.Parameter p : action.requiredParameters()) {
            if (!keys.containsKey(p.yamlName())) {
                if (!misspeltKeyFor(m, List.of(p.yamlName()))) {
                    problem(a.value().location(), id, "action " + action.yamlName() + " needs '" + p.yamlName() + "'"
                            + example(p));
                }
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        // One arm per action and no default: a new action does not compile until its spec is built here.
        return switch (action) {
            case KEEP -> new ActionSpec.Keep();
            case REMOVE -> new ActionSpec.Remove();
            case EMPTY -> new ActionSpec.Empty();
            case SHIFT_DATE -> new ActionSpec.ShiftDate();
            case SCRUB_TEXT -> new ActionSpec.ScrubText();
            case REMAP_UID -> new ActionSpec.RemapUid();
            case REPLACE -> {
                String value = scalarText(keys.get("value"), id, "value");
                yield value == null ? null : new ActionSpec.Replace(value);
            }
            case PSEUDONYMIZE -> {
                String domain = domain(keys.get("domain"), id);
                PseudonymFormat format = keys.containsKey("format") ? format(keys.get("format"), id)
                        : PseudonymFormat.DEFAULT;
                yield domain == null || format == null ? null : new ActionSpec.Pseudonymize(domain, format);
            }
            case ENCRYPT -> {
                String domain;
                if (keys.containsKey("domain")) {
                    domain = domain(keys.get("domain"), id);
                } else if (DOMAIN_NAME.matcher(defaultDomain).matches()) {
                    domain = defaultDomain;
                } else {
                    problem(a.value().location(), id, "encrypt without 'domain' uses the rule id as domain, but '"
                            + defaultDomain + "' is not a valid domain name: add 'domain:'");
                    domain = null;
                }
                String alphabet = alphabet(keys.get("alphabet"), id);
                yield domain == null || alphabet == null ? null : new ActionSpec.Encrypt(domain, alphabet);
            }
            case GENERALIZE -> {
                Generalization kind = generalization(keys.get("kind"), id);
                yield kind == null ? null : new ActionSpec.Generalize(kind);
            }
        };
    }

    private static List<String> actionNames() {
        List<String> names = new ArrayList<>();
        for (Action a : Action.values()) {
            names.add(a.yamlName());
        }
        return names;
    }

    private static List<String> names(Set<Action.Parameter> parameters) {
        return parameters.stream().map(Action.Parameter::yamlName).toList();
    }

    private static String example(Action.Parameter parameter) {
        return switch (parameter) {
            case VALUE -> ", e.g. value: \"REDACTED\"";
            case DOMAIN -> ", e.g. domain: patient";
            case ALPHABET -> " (digits, upper-alphanumeric, alphanumeric or a literal string of characters)";
            case KIND -> " (" + kindNames() + ")";
            case FORMAT -> ", e.g. format: {encoding: base32, length: 12}";
        };
    }

    Boolean identifier(YamlNode.Entry entry, String id, ActionSpec spec) {
        if (entry == null) {
            return spec == null ? Boolean.FALSE : spec.action().identifierByDefault();
        }
        return bool(entry, id, "identifier");
    }

    String domain(YamlNode.Entry entry, String id) {
        String d = text(entry, id, entry.key());
        if (d == null) {
            return null;
        }
        if (!DOMAIN_NAME.matcher(d).matches()) {
            problem(entry.value().location(), id, "domain '" + d + "' is not a valid domain name: use up to 64"
                    + " letters, digits, '.', '_' or '-', starting with a letter or digit");
            return null;
        }
        return d;
    }

    private PseudonymFormat format(YamlNode.Entry entry, String id) {
        YamlNode.Mapping m = mapping(entry, id, "format");
        if (m == null) {
            return null;
        }
        int before = problems.size();
        Map<String, YamlNode.Entry> keys = keys(m, FORMAT_KEYS, "in format", id);
        PseudonymFormat.Encoding encoding = PseudonymFormat.DEFAULT.encoding();
        YamlNode.Entry enc = keys.get("encoding");
        if (enc != null) {
            String name = text(enc, id, "encoding");
            if (name != null) {
                encoding = null;
                List<String> names = new ArrayList<>();
                for (PseudonymFormat.Encoding e : PseudonymFormat.Encoding.values()) {
                    names.add(e.yamlName());
                    if (e.yamlName().equals(name)) {
                        encoding = e;
                    }
                }
                if (encoding == null) {
                    problem(enc.value().location(), id, "unknown pseudonym encoding '" + name + "'"
                            + Suggestions.hint(name, names));
                }
            }
        }
        int length = PseudonymFormat.DEFAULT.length();
        YamlNode.Entry len = keys.get("length");
        if (len != null) {
            YamlNode v = len.value();
            if (v instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INTEGER) {
                length = s.integer().max(BigInteger.valueOf(-1)).min(BigInteger.valueOf(10_000)).intValue();
            } else {
                problem(v.location(), id, "length must be a whole number, not " + v.kindName());
                length = -1;
            }
        }
        if (encoding != null && length != -1 && (length < encoding.minLength() || length > encoding.maxLength())) {
            SourceLocation at = len != null ? len.value().location() : m.location();
            problem(at, id, "pseudonym length " + (len != null ? ((YamlNode.Scalar) len.value()).text() : length)
                    + " is outside " + encoding.minLength() + ".." + encoding.maxLength() + " for encoding "
                    + encoding.yamlName());
        }
        String prefix = "";
        if (keys.containsKey("prefix")) {
            prefix = scalarText(keys.get("prefix"), id, "prefix");
            if (prefix != null && prefix.codePoints().anyMatch(Character::isISOControl)) {
                problem(keys.get("prefix").value().location(), id, "prefix must not contain control characters");
            }
        }
        boolean checkDigit = false;
        if (keys.containsKey("check-digit")) {
            Boolean b = bool(keys.get("check-digit"), id, "check-digit");
            checkDigit = b != null && b;
        }
        if (problems.size() > before || encoding == null || prefix == null) {
            return null;
        }
        return new PseudonymFormat(encoding, length, prefix, checkDigit);
    }

    private String alphabet(YamlNode.Entry entry, String id) {
        String given = scalarText(entry, id, "alphabet");
        if (given == null) {
            return null;
        }
        String named = NAMED_ALPHABETS.get(given);
        if (named != null) {
            return named;
        }
        SourceLocation at = entry.value().location();
        String hint = Suggestions.closest(given, NAMED_ALPHABET_ORDER).map(c -> " (did you mean '" + c + "'?)")
                .orElse("");
        if (given.chars().anyMatch(c -> Character.isSurrogate((char) c)) || given.chars().anyMatch(Character::isISOControl)) {
            problem(at, id, "encrypt alphabet must consist of printable characters of the Basic Multilingual Plane");
            return null;
        }
        Set<Character> seen = new LinkedHashSet<>();
        Set<Character> repeated = new LinkedHashSet<>();
        for (char c : given.toCharArray()) {
            if (!seen.add(c)) {
                repeated.add(c);
            }
        }
        if (seen.size() < 2) {
            problem(at, id, "encrypt alphabet needs at least 2 distinct characters, found " + seen.size() + hint);
            return null;
        }
        if (!repeated.isEmpty()) {
            problem(at, id, "encrypt alphabet repeats " + repeated.stream().map(c -> "'" + c + "'")
                    .collect(Collectors.joining(", ")) + ": each character may appear once" + hint);
            return null;
        }
        return given;
    }

    private Generalization generalization(YamlNode.Entry entry, String id) {
        String name = text(entry, id, "kind");
        if (name == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Generalization g : Generalization.values()) {
            if (g.yamlName().equals(name)) {
                return g;
            }
            names.add(g.yamlName());
        }
        problem(entry.value().location(), id, "unknown generalize kind '" + name + "'" + Suggestions.hint(name, names));
        return null;
    }

    private static String kindNames() {
        List<String> names = new ArrayList<>();
        for (Generalization g : Generalization.values()) {
            names.add(g.yamlName());
        }
        return String.join(", ", names);
    }

    // ---------------------------------------------------------------- whole-profile checks

    private void checkRulesAgainstEachOther(List<Parsed> rules) {
        for (int i = 0; i < rules.size(); i++) {
            Parsed later = rules.get(i);
            for (int j = 0; j < i; j++) {
                Parsed earlier = rules.get(j);
                if (sameSelector(earlier.rule.selector(), later.rule.selector())) {
                    problem(later.selectorAt, later.rule.id(), "this rule can never match "
                            + later.rule.selector().describe() + ": rule '" + earlier.rule.id() + "' at "
                            + lineOf(earlier.selectorAt) + " has the same selector and comes first");
                    break;
                }
            }
        }
    }

    private static boolean sameSelector(FieldSelector a, FieldSelector b) {
        if (a instanceof FieldSelector.ColumnName x && b instanceof FieldSelector.ColumnName y) {
            return FieldSelector.ColumnName.normalize(x.name()).equals(FieldSelector.ColumnName.normalize(y.name()));
        }
        return a.equals(b);
    }

    /**
     * A subject id column that is kept, scrubbed, shifted or generalized would be written in clear;
     * the subject id is the one identifier every row has, so that is refused here.
     */
    private void checkSubjectColumnsAreProtected(SubjectSettings subject, List<Rule> rules, DefaultSpec dflt) {
        for (int i = 0; i < subject.csvColumns().size(); i++) {
            String column = subject.csvColumns().get(i);
            Rule rule = Profile.firstMatching(rules, column).orElse(null);
            Action action = rule == null ? dflt.spec.action() : rule.action();
            if (!action.hidesValue()) {
                String by = rule == null ? "the default" : "rule '" + rule.id() + "' (" + lineOf(rule.location()) + ")";
                problem(subjectColumnLocations.get(i), null, "subject column '" + column + "' would be written in clear: " + by
                        + " gives it " + action.yamlName() + "; add a rule that pseudonymizes it (domain '"
                        + subject.domain() + "') before that");
            }
        }
    }

    private void checkShiftDateHasSubject(SubjectSettings subject, List<Parsed> rules, DefaultSpec dflt) {
        if (!subject.csvColumns().isEmpty()) {
            return;
        }
        for (Parsed p : rules) {
            if (p.rule.action() == Action.SHIFT_DATE) {
                problem(p.rule.location(), p.rule.id(), "shift-date shifts dates per subject, but no subject column is"
                        + " configured: list the subject id column(s) under subject.columns");
                return;
            }
        }
        if (dflt.spec.action() == Action.SHIFT_DATE) {
            problem(defaultLocation, null, "the default shift-date shifts dates per subject, but no subject column is"
                    + " configured: list the subject id column(s) under subject.columns");
        }
    }

    // ---------------------------------------------------------------- small readers

    private final List<SourceLocation> subjectColumnLocations = new ArrayList<>();
    private SourceLocation defaultLocation;

    Map<String, YamlNode.Entry> keys(YamlNode.Mapping m, List<String> known, String where, String id) {
        Map<String, YamlNode.Entry> out = new LinkedHashMap<>();
        for (YamlNode.Entry e : m.entries()) {
            if (known.contains(e.key())) {
                out.put(e.key(), e);
            } else {
                problem(e.keyLocation(), id, "unknown key '" + e.key() + "' " + where + Suggestions.hint(e.key(), known));
            }
        }
        return out;
    }

    /** Whether the mapping has an unknown key that is a likely misspelling of one of {@code targets}. */
    private static boolean misspeltKeyFor(YamlNode.Mapping m, List<String> targets) {
        for (YamlNode.Entry e : m.entries()) {
            if (!RULE_KEYS.contains(e.key()) && !DEFAULT_KEYS.contains(e.key())
                    && Suggestions.closest(e.key(), RULE_KEYS).filter(targets::contains).isPresent()) {
                return true;
            }
        }
        return false;
    }

    YamlNode.Mapping mapping(YamlNode.Entry entry, String id, String what) {
        if (what.equals("default")) {
            defaultLocation = entry.keyLocation();
        }
        if (entry.value() instanceof YamlNode.Mapping m) {
            return m;
        }
        problem(entry.value().location(), id, what + " must be a mapping of keys, not " + entry.value().kindName());
        return null;
    }

    private String requiredText(YamlNode.Mapping m, YamlNode.Entry entry, String key, String id, String where) {
        if (entry == null) {
            problem(m.location(), id, "missing '" + key + "' " + where);
            return null;
        }
        return text(entry, id, key);
    }

    private String optionalText(YamlNode.Entry entry, String key, String id, String dflt) {
        if (entry == null || isNull(entry.value())) {
            return dflt;
        }
        return scalarText(entry, id, key);
    }

    /** Non-blank text; numbers and booleans are taken as written ({@code column: no} is the column "no"). */
    String text(YamlNode.Entry entry, String id, String what) {
        return nonBlankScalarText(entry.value(), id, what);
    }

    String nonBlankScalarText(YamlNode node, String id, String what) {
        if (node instanceof YamlNode.Scalar s && s.type() != YamlNode.ScalarType.NULL) {
            if (s.text().isBlank()) {
                problem(node.location(), id, what + " must not be empty");
                return null;
            }
            return s.text().strip();
        }
        problem(node.location(), id, what + " must be text, not " + node.kindName());
        return null;
    }

    /** Text that may be empty (a replacement value, a prefix), kept exactly as written. */
    String scalarText(YamlNode.Entry entry, String id, String what) {
        YamlNode node = entry.value();
        if (node instanceof YamlNode.Scalar s && s.type() != YamlNode.ScalarType.NULL) {
            return s.text();
        }
        problem(node.location(), id, what + " must be text, not " + node.kindName()
                + (isNull(node) ? " (write \"\" for empty text)" : ""));
        return null;
    }

    private List<String> textList(YamlNode.Entry entry, String id, String what) {
        if (!(entry.value() instanceof YamlNode.Sequence seq)) {
            problem(entry.value().location(), id, what + " must be a list of column names, like [patient_id, mrn],"
                    + " not " + entry.value().kindName());
            return null;
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            String t = nonBlankScalarText(item, id, "each entry of " + what);
            if (t == null) {
                return null;
            }
            out.add(t);
        }
        return out;
    }

    Boolean bool(YamlNode.Entry entry, String id, String what) {
        if (entry.value() instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.BOOLEAN) {
            return s.bool();
        }
        problem(entry.value().location(), id, what + " must be true or false, not " + entry.value().kindName());
        return null;
    }

    static boolean isNull(YamlNode node) {
        return node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.NULL;
    }

    private static int compare(SourceLocation a, SourceLocation b) {
        return a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column());
    }

    private static String lineOf(SourceLocation at) {
        return at.line() > 0 ? "line " + at.line() : at.file();
    }

    /** Problems reported so far (section readers compare counts to see whether a part was valid). */
    int problemCount() {
        return problems.size();
    }

    void problem(SourceLocation at, String ruleId, String message) {
        problems.add(new ProfileProblem(at, ruleId, message));
    }

    // ---------------------------------------------------------------- for the section readers
    // A format section's rules take the same actions, parameters and flags as the CSV rules; these
    // delegates let its reader (its own class, e.g. FhirSectionReader) use the one implementation.

    /** Adds a problem at {@code at}. */
    void report(SourceLocation at, String ruleId, String message) {
        problem(at, ruleId, message);
    }

    /** The entries of {@code m} whose keys are {@code known}; every other key is reported. */
    Map<String, YamlNode.Entry> knownKeys(YamlNode.Mapping m, List<String> known, String where, String id) {
        return keys(m, known, where, id);
    }

    /** The action and its parameters of a rule or default, as for CSV rules. */
    ActionSpec action(YamlNode.Mapping m, Map<String, YamlNode.Entry> keys, String id, String owner, String defaultDomain) {
        return readAction(m, keys, id, owner, defaultDomain);
    }

    /** The {@code identifier} flag, defaulting by action as for CSV rules. */
    Boolean identifierFlag(YamlNode.Entry entry, String id, ActionSpec spec) {
        return identifier(entry, id, spec);
    }

    /** Non-blank text of a scalar. */
    String nonBlankText(YamlNode.Entry entry, String id, String what) {
        return text(entry, id, what);
    }

    /** A valid pseudonym domain name. */
    String domainName(YamlNode.Entry entry, String id) {
        return domain(entry, id);
    }

    /** The parameter keys every action may take ({@code domain}, {@code format}, ...). */
    static List<String> parameterKeys() {
        return PARAMETER_KEYS;
    }
}
