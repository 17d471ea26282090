package org.deidworkbench.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deidworkbench.dicom.AttributeTypes;
import org.deidworkbench.dicom.DicomDictionary;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.DicomOption;
import org.deidworkbench.model.DicomRedaction;
import org.deidworkbench.model.DicomRule;
import org.deidworkbench.model.DicomSection;
import org.deidworkbench.model.DicomSelector;
import org.deidworkbench.model.Generalization;
import org.deidworkbench.model.PseudonymFormat;
import org.deidworkbench.model.SourceLocation;

/**
 * Reads and validates a profile's {@code dicom:} section (see {@code profiles.md}): the PS3.15
 * options, the rules with their DICOM selectors, the safe private elements and the pixel
 * redaction rules. Besides the schema, it refuses what makes no sense for DICOM: an unknown
 * keyword, an action the element's VR cannot hold (a date shift on a name, a pseudonym longer than
 * the VR allows), and removing or emptying an attribute an IOD requires unless the rule says
 * {@code allow-non-conformant: true}. Problems go to the owning {@link ProfileReader}; one instance
 * per section read, not thread-safe.
 */
final class DicomSectionReader {

    private static final List<String> SECTION_KEYS = List.of("options", "rules", "safe-private", "redactions");
    private static final List<String> SELECTOR_KEYS = List.of("tag", "tags", "keyword", "keywords", "vr", "private",
            "path");
    private static final List<String> RULE_KEYS = List.of("id", "tag", "tags", "keyword", "keywords", "vr", "private",
            "path", "action", "domain", "format", "alphabet", "value", "kind", "identifier", "label",
            "allow-non-conformant");
    private static final List<String> PRIVATE_KEYS = List.of("creator", "group", "element");
    private static final List<String> REDACTION_KEYS = List.of("id", "when", "rectangles");
    private static final List<String> WHEN_KEYS = List.of("manufacturer", "model", "modality", "sop-class", "rows",
            "columns");
    private static final List<String> RECTANGLE_KEYS = List.of("x", "y", "width", "height");

    /** {@code (gggg,eeee)} with optional x mask digits in the group's low byte. */
    private static final Pattern TAG = Pattern.compile("\\(?([0-9A-Fa-f]{2}(?:[0-9A-Fa-f]{2}|xx|XX)),([0-9A-Fa-f]{4})\\)?");
    /** A private step inside a path: {@code (gggg,"creator",ee)}. */
    private static final Pattern PRIVATE_STEP = Pattern.compile("\\(([0-9A-Fa-f]{4}),\"([^\"]+)\",([0-9A-Fa-f]{2})\\)");
    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private final ProfileReader reader;
    private final String source;
    private final DicomDictionary dictionary = DicomDictionary.standard();
    private final AttributeTypes types = AttributeTypes.standard();

    DicomSectionReader(ProfileReader reader, String source) {
        this.reader = reader;
        this.source = source;
    }

    /**
     * Builds the section, or returns {@code null} after reporting at least one problem.
     *
     * @param otherSpecs the actions of the profile's other rules (CSV), whose pseudonym formats a DICOM
     *     rule adopts for the same domain when it names no format, so one domain has one format
     */
    DicomSection read(YamlNode.Entry entry, List<ActionSpec> otherSpecs) {
        YamlNode.Mapping m = reader.mapping(entry, null, "dicom");
        if (m == null) {
            return null;
        }
        int before = problemCount();
        Map<String, YamlNode.Entry> keys = reader.keys(m, SECTION_KEYS, "in dicom", null);
        Set<DicomOption> options = readOptions(keys.get("options"));
        Map<String, PseudonymFormat> domainFormats = new HashMap<>();
        for (ActionSpec spec : otherSpecs) {
            if (spec instanceof ActionSpec.Pseudonymize p) {
                domainFormats.putIfAbsent(p.domain(), p.format());
            }
        }
        List<DicomRule> rules = readRules(keys.get("rules"), domainFormats);
        List<DicomSection.PrivateElement> safe = readSafePrivate(keys.get("safe-private"));
        List<DicomRedaction> redactions = readRedactions(keys.get("redactions"));
        if (options != null && redactions != null && !redactions.isEmpty()
                && !options.contains(DicomOption.CLEAN_PIXEL_DATA)) {
            reader.problem(keys.get("redactions").keyLocation(), null, "redactions need the option clean-pixel-data:"
                    + " true (redacting pixels is what that option records)");
        }
        if (problemCount() > before || options == null || rules == null || safe == null || redactions == null) {
            return null;
        }
        return new DicomSection(source, options, rules, safe, redactions);
    }

    private int problemCount() {
        return reader.problemCount();
    }

    // ---------------------------------------------------------------- options

    private Set<DicomOption> readOptions(YamlNode.Entry entry) {
        Set<DicomOption> on = EnumSet.noneOf(DicomOption.class);
        if (entry == null || ProfileReader.isNull(entry.value())) {
            return on;
        }
        YamlNode.Mapping m = reader.mapping(entry, null, "dicom.options");
        if (m == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (DicomOption o : DicomOption.values()) {
            names.add(o.yamlName());
        }
        Map<String, YamlNode.Entry> keys = reader.keys(m, names, "in dicom.options (the PS3.15 Annex E options)", null);
        boolean ok = true;
        for (YamlNode.Entry e : keys.values()) {
            Boolean value = reader.bool(e, null, "option " + e.key());
            if (value == null) {
                ok = false;
            } else if (value) {
                on.add(DicomOption.fromYamlName(e.key()).orElseThrow());
            }
        }
        if (on.contains(DicomOption.RETAIN_LONGITUDINAL_FULL_DATES)
                && on.contains(DicomOption.RETAIN_LONGITUDINAL_MODIFIED_DATES)) {
            reader.problem(m.location(), null, "retain-longitudinal-full-dates and retain-longitudinal-modified-dates"
                    + " exclude each other: keep dates as they are, or shift them per patient, not both");
            ok = false;
        }
        return ok ? on : null;
    }

    // ---------------------------------------------------------------- rules

    private List<DicomRule> readRules(YamlNode.Entry entry, Map<String, PseudonymFormat> domainFormats) {
        List<DicomRule> out = new ArrayList<>();
        if (entry == null || ProfileReader.isNull(entry.value())) {
            return out;
        }
        if (!(entry.value() instanceof YamlNode.Sequence seq)) {
            reader.problem(entry.value().location(), null, "dicom.rules must be a list of rules, not "
                    + entry.value().kindName());
            return null;
        }
        Map<String, SourceLocation> ids = new HashMap<>();
        for (int i = 0; i < seq.items().size(); i++) {
            out.addAll(readRule(seq.items().get(i), i + 1, ids, domainFormats));
        }
        return out;
    }

    /** A selector, where it was written, and the VR of the element it names when one is known. */
    private record Selected(DicomSelector selector, SourceLocation at, Optional<VR> vr, OptionalInt tag) {
    }

    private List<DicomRule> readRule(YamlNode node, int position, Map<String, SourceLocation> ids,
            Map<String, PseudonymFormat> domainFormats) {
        String id = "dicom-rule-" + position;
        if (!(node instanceof YamlNode.Mapping m)) {
            reader.problem(node.location(), id, "a DICOM rule must be a mapping like {keyword: ..., action: ...}, not "
                    + node.kindName());
            return List.of();
        }
        int before = problemCount();
        YamlNode.Entry idEntry = m.entries().stream().filter(e -> e.key().equals("id")).findFirst().orElse(null);
        if (idEntry != null) {
            String given = reader.text(idEntry, id, "id");
            if (given != null) {
                id = given;
            }
        }
        SourceLocation idAt = idEntry == null ? m.location() : idEntry.value().location();
        SourceLocation first = ids.putIfAbsent(id, idAt);
        if (first != null) {
            reader.problem(idAt, id, "duplicate DICOM rule id '" + id + "' (already used at line " + first.line() + ")");
        }
        Map<String, YamlNode.Entry> keys = reader.keys(m, RULE_KEYS, "in DICOM rule", id);
        List<Selected> selectors = readSelectors(m, keys, id);
        ActionSpec spec = reader.readAction(m, keys, id, "rule", id);
        if (spec instanceof ActionSpec.Pseudonymize p && !keys.containsKey("format")) {
            // One domain, one format in the whole profile: adopt the format the other rules give it.
            spec = new ActionSpec.Pseudonymize(p.domain(), domainFormats.getOrDefault(p.domain(), p.format()));
        }
        if (spec instanceof ActionSpec.Pseudonymize p) {
            PseudonymFormat known = domainFormats.putIfAbsent(p.domain(), p.format());
            if (known != null && !known.equals(p.format())) {
                reader.problem(keys.get("format").keyLocation(), id, "domain '" + p.domain() + "' has another pseudonym"
                        + " format elsewhere in this profile; one domain needs one format, or the same value would get"
                        + " two pseudonyms (leave 'format' out to use the other one)");
            }
        }
        Boolean identifier = reader.identifier(keys.get("identifier"), id, spec);
        String label = id.toUpperCase(Locale.ROOT);
        if (keys.containsKey("label")) {
            label = reader.text(keys.get("label"), id, "label");
        }
        boolean allowNonConformant = false;
        if (keys.containsKey("allow-non-conformant")) {
            Boolean b = reader.bool(keys.get("allow-non-conformant"), id, "allow-non-conformant");
            allowNonConformant = b != null && b;
        }
        if (spec != null) {
            SourceLocation actionAt = keys.get("action").value().location();
            for (Selected s : selectors) {
                checkApplicable(s, spec, allowNonConformant, actionAt, id);
            }
        }
        if (problemCount() > before || spec == null || identifier == null || label == null) {
            return List.of();
        }
        List<DicomRule> rules = new ArrayList<>();
        for (Selected s : selectors) {
            rules.add(new DicomRule(id, s.selector(), spec, identifier, label.toUpperCase(Locale.ROOT),
                    allowNonConformant, m.location()));
        }
        return rules;
    }

    private List<Selected> readSelectors(YamlNode.Mapping m, Map<String, YamlNode.Entry> keys, String id) {
        List<YamlNode.Entry> given = new ArrayList<>();
        for (String k : SELECTOR_KEYS) {
            if (keys.containsKey(k)) {
                given.add(keys.get(k));
            }
        }
        if (given.isEmpty()) {
            reader.problem(m.location(), id, "the DICOM rule has no selector: give exactly one of "
                    + String.join(", ", SELECTOR_KEYS));
            return List.of();
        }
        if (given.size() > 1) {
            reader.problem(given.get(1).keyLocation(), id, "the DICOM rule has several selectors; give exactly one of "
                    + String.join(", ", SELECTOR_KEYS) + " (split it into several rules)");
            return List.of();
        }
        YamlNode.Entry e = given.get(0);
        List<Selected> out = new ArrayList<>();
        switch (e.key()) {
            case "tag", "keyword" -> addIfPresent(out, attribute(e.value(), id, e.key()));
            case "tags", "keywords" -> {
                if (!(e.value() instanceof YamlNode.Sequence seq) || seq.items().isEmpty()) {
                    reader.problem(e.value().location(), id, e.key() + " must be a non-empty list");
                    return List.of();
                }
                String single = e.key().substring(0, e.key().length() - 1);
                for (YamlNode item : seq.items()) {
                    addIfPresent(out, attribute(item, id, single));
                }
            }
            case "vr" -> {
                String name = reader.text(e, id, "vr");
                VR vr = name == null ? null : vr(name);
                if (name != null && vr == null) {
                    reader.problem(e.value().location(), id, "'" + name + "' is not a DICOM VR (two upper-case letters"
                            + " such as PN, LO, DA, UI)");
                } else if (vr != null) {
                    out.add(new Selected(new DicomSelector.ByVr(vr.name()), e.value().location(), Optional.of(vr),
                            OptionalInt.empty()));
                }
            }
            case "private" -> addIfPresent(out, privateSelector(e, id));
            default -> addIfPresent(out, path(e, id));
        }
        return out;
    }

    private static void addIfPresent(List<Selected> out, Selected s) {
        if (s != null) {
            out.add(s);
        }
    }

    /** A {@code tag:} or {@code keyword:} selector (any depth). */
    private Selected attribute(YamlNode node, String id, String how) {
        String text = reader.nonBlankScalarText(node, id, how);
        if (text == null) {
            return null;
        }
        DicomSelector.TagStep step = how.equals("tag") ? tagStep(text, node.location(), id)
                : keywordStep(text, node.location(), id);
        if (step == null) {
            return null;
        }
        if (step.value() == Tag.PATIENT_ID && step.mask() == -1) {
            reader.problem(node.location(), id, "PatientID is the subject id: it is always replaced by the patient's"
                    + " pseudonym in the profile's subject domain, the same as in CSV and FHIR; select a nested"
                    + " PatientID with a path instead (e.g. OtherPatientIDsSequence/PatientID)");
            return null;
        }
        return new Selected(new DicomSelector.Attribute(step, how), node.location(), vrOf(step), tagOf(step));
    }

    private Optional<VR> vrOf(DicomSelector.TagStep step) {
        return dictionary.entry(step.value()).map(DicomDictionary.Entry::vr).filter(v -> v != VR.UN);
    }

    private static OptionalInt tagOf(DicomSelector.TagStep step) {
        return step.mask() == -1 ? OptionalInt.of(step.value()) : OptionalInt.empty();
    }

    private DicomSelector.TagStep tagStep(String text, SourceLocation at, String id) {
        Matcher t = TAG.matcher(text.strip());
        if (!t.matches()) {
            reader.problem(at, id, "'" + text + "' is not a DICOM tag: write (gggg,eeee) in hex, e.g. (0010,0010),"
                    + " or (60xx,3000) for a repeating group");
            return null;
        }
        String group = t.group(1);
        boolean masked = group.toLowerCase(Locale.ROOT).endsWith("xx");
        int g = Integer.parseInt(masked ? group.substring(0, 2) + "00" : group, 16);
        int e = Integer.parseInt(t.group(2), 16);
        int value = Tag.of(g, e);
        if (masked) {
            boolean repeating = (g == 0x5000 || g == 0x6000);
            if (!repeating) {
                reader.problem(at, id, "'" + text + "': only the repeating groups (50xx,eeee) and (60xx,eeee) take"
                        + " an x mask");
                return null;
            }
            return new DicomSelector.TagStep(value, 0xFF00FFFF, text.strip());
        }
        if ((g & 1) == 1) {
            reader.problem(at, id, "'" + text + "' is in a private (odd) group: private creators assign element"
                    + " numbers per file, so select it with private: {creator, group, element}");
            return null;
        }
        return new DicomSelector.TagStep(value, -1, text.strip());
    }

    private DicomSelector.TagStep keywordStep(String text, SourceLocation at, String id) {
        String k = text.strip();
        OptionalInt tag = KEYWORD.matcher(k).matches() ? dictionary.tag(k) : OptionalInt.empty();
        if (tag.isEmpty()) {
            reader.problem(at, id, "unknown DICOM keyword '" + k + "' (PS3.6 " + dictionary.edition() + "; keywords"
                    + " are case-sensitive, e.g. PatientName)");
            return null;
        }
        int mask = dictionary.entry(tag.getAsInt()).map(DicomDictionary.Entry::mask).orElse(-1);
        return new DicomSelector.TagStep(tag.getAsInt(), mask == 0 ? -1 : mask, k);
    }

    private Selected privateSelector(YamlNode.Entry entry, String id) {
        YamlNode.Mapping m = reader.mapping(entry, id, "private");
        if (m == null) {
            return null;
        }
        DicomSelector.PrivateStep step = privateElement(m, id);
        return step == null ? null : new Selected(new DicomSelector.Attribute(step, "private"), m.location(),
                Optional.empty(), OptionalInt.empty());
    }

    /** {creator, group, element} as a private step, or null after a problem. */
    private DicomSelector.PrivateStep privateElement(YamlNode.Mapping m, String id) {
        Map<String, YamlNode.Entry> keys = reader.keys(m, PRIVATE_KEYS, "in private", id);
        int before = problemCount();
        for (String k : PRIVATE_KEYS) {
            if (!keys.containsKey(k)) {
                reader.problem(m.location(), id, "private needs '" + k + "' (creator: the Private Creator text, group:"
                        + " the odd group in hex like \"0029\", element: the low byte in hex like \"10\")");
            }
        }
        if (problemCount() > before) {
            return null;
        }
        String creator = reader.scalarText(keys.get("creator"), id, "creator");
        Integer group = hex(keys.get("group"), id, 4);
        Integer element = hex(keys.get("element"), id, 2);
        if (creator == null || group == null || element == null) {
            return null;
        }
        creator = creator.stripTrailing();
        if (creator.isBlank() || creator.length() > 64) {
            reader.problem(keys.get("creator").value().location(), id, "creator must be 1 to 64 characters");
            return null;
        }
        if ((group & 1) == 0 || group <= 0x0008 || group == 0xFFFF) {
            reader.problem(keys.get("group").value().location(), id, "private groups are odd and above 0008");
            return null;
        }
        return new DicomSelector.PrivateStep(group, creator, element,
                String.format(Locale.ROOT, "(%04X,\"%s\",%02X)", group, creator, element));
    }

    /** Hex digits written as text (quoted, so YAML does not read "0029" as a number); {@code xx} prefixes allowed. */
    private Integer hex(YamlNode.Entry entry, String id, int digits) {
        YamlNode v = entry.value();
        String text = v instanceof YamlNode.Scalar s ? s.text().strip() : null;
        if (text != null && digits == 2 && text.length() == 4 && text.toLowerCase(Locale.ROOT).startsWith("xx")) {
            text = text.substring(2);
        }
        if (text == null || text.length() != digits || !text.matches("[0-9A-Fa-f]+")) {
            reader.problem(v.location(), id, entry.key() + " must be " + digits + " hex digits in quotes, e.g. \""
                    + (digits == 4 ? "0029" : "10") + "\"");
            return null;
        }
        return Integer.parseInt(text, 16);
    }

    private Selected path(YamlNode.Entry entry, String id) {
        String text = reader.text(entry, id, "path");
        if (text == null) {
            return null;
        }
        SourceLocation at = entry.value().location();
        List<String> parts = splitPath(text);
        List<DicomSelector.Step> steps = new ArrayList<>();
        for (String part : parts) {
            String p = part.strip();
            if (p.equals("*")) {
                steps.add(new DicomSelector.AnyElement());
            } else if (p.equals("**")) {
                steps.add(new DicomSelector.AnyDepth());
            } else if (p.startsWith("(") && p.contains("\"")) {
                Matcher pm = PRIVATE_STEP.matcher(p);
                if (!pm.matches()) {
                    reader.problem(at, id, "path step '" + p + "' is not a private element: write (gggg,\"creator\",ee)");
                    return null;
                }
                int g = Integer.parseInt(pm.group(1), 16);
                if ((g & 1) == 0 || g <= 0x0008) {
                    reader.problem(at, id, "path step '" + p + "': private groups are odd and above 0008");
                    return null;
                }
                steps.add(new DicomSelector.PrivateStep(g, pm.group(2).stripTrailing(), Integer.parseInt(pm.group(3), 16), p));
            } else {
                DicomSelector.TagStep t = p.startsWith("(") || Character.isDigit(p.isEmpty() ? 'x' : p.charAt(0))
                        ? tagStep(p, at, id) : keywordStep(p, at, id);
                if (t == null) {
                    return null;
                }
                steps.add(t);
            }
        }
        DicomSelector.Step last = steps.get(steps.size() - 1);
        if (last instanceof DicomSelector.AnyDepth) {
            reader.problem(at, id, "a path cannot end with **: name the element it selects");
            return null;
        }
        for (int i = 0; i + 1 < steps.size(); i++) {
            if (steps.get(i) instanceof DicomSelector.TagStep t && dictionary.entry(t.value()).map(DicomDictionary.Entry::vr)
                    .filter(v -> v != VR.SQ && v != VR.UN).isPresent()) {
                reader.problem(at, id, "path step '" + t.spelled() + "' is not a sequence, so nothing is nested in it");
                return null;
            }
        }
        if (steps.size() == 1 && last instanceof DicomSelector.TagStep t && t.value() == Tag.PATIENT_ID) {
            reader.problem(at, id, "the top-level PatientID is the subject id: it is always replaced by the patient's"
                    + " pseudonym in the profile's subject domain");
            return null;
        }
        Optional<VR> vr = last instanceof DicomSelector.TagStep t ? vrOf(t) : Optional.empty();
        OptionalInt tag = last instanceof DicomSelector.TagStep t ? tagOf(t) : OptionalInt.empty();
        return new Selected(new DicomSelector.Path(steps), at, vr, tag);
    }

    /** Splits at '/' outside double quotes (a private creator may contain a slash). */
    private static List<String> splitPath(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '/' && !quoted) {
                parts.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        parts.add(b.toString());
        return parts;
    }

    private static VR vr(String name) {
        try {
            return VR.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- what makes sense for DICOM

    /** Refuses an action the selected elements cannot hold, or one that breaks a required attribute. */
    private void checkApplicable(Selected s, ActionSpec spec, boolean allowNonConformant, SourceLocation at, String id) {
        Optional<VR> vr = s.vr();
        String what = s.selector().describe();
        Action action = spec.action();
        if (vr.isPresent() && vr.get() == VR.SQ && action != Action.KEEP && action != Action.REMOVE
                && action != Action.EMPTY) {
            reader.problem(at, id, action.yamlName() + " cannot apply to " + what + ", a sequence: keep it (its items"
                    + " are still cleaned), empty it (no items) or remove it");
            return;
        }
        switch (action) {
            case REMAP_UID -> requireVr(vr, Set.of(VR.UI), at, id, what, action, "UIDs (VR UI)");
            case SHIFT_DATE -> requireVr(vr, Set.of(VR.DA, VR.DT), at, id, what, action,
                    "dates and date-times (VR DA, DT); times of day do not move with a whole-day shift");
            case GENERALIZE -> {
                Generalization kind = ((ActionSpec.Generalize) spec).kind();
                if (kind != Generalization.YEAR) {
                    reader.problem(at, id, "generalize kind " + kind.yamlName() + " gives values no DICOM VR can hold;"
                            + " DICOM takes kind year (dates keep their year; ages over 89 are grouped as 090Y"
                            + " whatever the profile says)");
                } else {
                    requireVr(vr, Set.of(VR.DA, VR.DT), at, id, what, action, "dates and date-times (VR DA, DT)");
                }
            }
            case PSEUDONYMIZE, ENCRYPT, SCRUB_TEXT, REPLACE -> {
                requireVr(vr, STRING_VRS, at, id, what, action, "text (VR " + String.join(", ",
                        STRING_VRS.stream().map(Enum::name).sorted().toList()) + ")");
                if (vr.isPresent() && STRING_VRS.contains(vr.get())) {
                    checkLength(spec, vr.get(), at, id, what);
                }
            }
            case REMOVE, EMPTY -> checkRequired(s, action, allowNonConformant, at, id, what);
            case KEEP -> {
            }
        }
    }

    /** VRs whose values are text the engine's text actions can produce (not CS, AE, UI, dates, numbers). */
    private static final Set<VR> STRING_VRS = EnumSet.of(VR.LO, VR.LT, VR.PN, VR.SH, VR.ST, VR.UC, VR.UT);

    private void requireVr(Optional<VR> vr, Set<VR> allowed, SourceLocation at, String id, String what, Action action,
            String applies) {
        if (vr.isPresent() && !allowed.contains(vr.get())) {
            reader.problem(at, id, action.yamlName() + " applies to " + applies + ", but " + what + " has VR "
                    + vr.get());
        }
    }

    private void checkLength(ActionSpec spec, VR vr, SourceLocation at, String id, String what) {
        int max = vr.maxLength();
        int length = -1;
        if (spec instanceof ActionSpec.Pseudonymize p) {
            length = p.format().prefix().length() + p.format().length() + (p.format().checkDigit() ? 1 : 0);
        } else if (spec instanceof ActionSpec.Replace r) {
            length = r.value().length();
            if (r.value().indexOf('\\') >= 0 && vr != VR.LT && vr != VR.ST && vr != VR.UT) {
                reader.problem(at, id, "the replacement contains a backslash, which separates values in " + vr);
            }
        }
        if (max > 0 && length > max) {
            reader.problem(at, id, "the " + spec.action().yamlName() + " result is " + length + " characters, longer"
                    + " than VR " + vr + " allows (" + max + ") for " + what);
        }
    }

    private void checkRequired(Selected s, Action action, boolean allowNonConformant, SourceLocation at, String id,
            String what) {
        if (allowNonConformant) {
            return;
        }
        List<AttributeTypes.Requirement> hit = new ArrayList<>();
        if (s.tag().isPresent()) {
            types.requirement(s.tag().getAsInt()).ifPresent(hit::add);
        } else if (s.selector() instanceof DicomSelector.ByVr byVr) {
            for (AttributeTypes.Requirement r : requiredOfVr(VR.valueOf(byVr.vr()))) {
                hit.add(r);
            }
        }
        for (AttributeTypes.Requirement r : hit) {
            boolean breaks = action == Action.REMOVE || r.type() == 1;
            if (breaks) {
                reader.problem(at, id, action.yamlName() + " on " + what + " would make instances invalid: "
                        + keywordOf(r.tag()) + " is Type " + r.type() + " in some IOD (" + r.basis() + "); "
                        + (r.type() == 2 ? "use empty, " : "use replace or pseudonymize, ")
                        + "or add allow-non-conformant: true to accept invalid output");
                return;
            }
        }
    }

    private List<AttributeTypes.Requirement> requiredOfVr(VR vr) {
        List<AttributeTypes.Requirement> out = new ArrayList<>();
        for (int tag : REQUIREMENT_PROBES) {
            if (dictionary.vr(tag) == vr) {
                types.requirement(tag).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Required attributes a whole-VR rule is checked against: the subject's and the study's identity. */
    private static final int[] REQUIREMENT_PROBES = {Tag.PATIENT_NAME, 0x00100030, 0x00100040, 0x00080020, 0x00080030,
        0x00080050, 0x00080090, 0x00200010, 0x00080016, Tag.SOP_INSTANCE_UID, 0x0020000D, 0x0020000E, 0x00080060,
        0x00280010, 0x00280011, 0x00280100, 0x00280101, 0x00280102, 0x00280103, 0x00280002, 0x00280004,
        0x00080070, 0x00200011, 0x00200013, 0x0040A075, 0x0040A123, 0x00080023, 0x00080033};

    private String keywordOf(int tag) {
        String k = dictionary.keyword(tag);
        return k.isEmpty() ? Tag.toString(tag) : k + " " + Tag.toString(tag);
    }

    // ---------------------------------------------------------------- safe private elements

    private List<DicomSection.PrivateElement> readSafePrivate(YamlNode.Entry entry) {
        List<DicomSection.PrivateElement> out = new ArrayList<>();
        if (entry == null || ProfileReader.isNull(entry.value())) {
            return out;
        }
        if (!(entry.value() instanceof YamlNode.Sequence seq)) {
            reader.problem(entry.value().location(), null, "safe-private must be a list of {creator, group, element}");
            return null;
        }
        boolean ok = true;
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlNode.Mapping m)) {
                reader.problem(item.location(), null, "each safe-private entry is {creator, group, element}");
                ok = false;
                continue;
            }
            DicomSelector.PrivateStep step = privateElement(m, null);
            if (step == null) {
                ok = false;
            } else {
                out.add(new DicomSection.PrivateElement(step.creator(), step.group(), step.offset()));
            }
        }
        return ok ? out : null;
    }

    // ---------------------------------------------------------------- redactions

    private List<DicomRedaction> readRedactions(YamlNode.Entry entry) {
        List<DicomRedaction> out = new ArrayList<>();
        if (entry == null || ProfileReader.isNull(entry.value())) {
            return out;
        }
        if (!(entry.value() instanceof YamlNode.Sequence seq)) {
            reader.problem(entry.value().location(), null, "redactions must be a list of {id, when, rectangles}");
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < seq.items().size(); i++) {
            DicomRedaction r = readRedaction(seq.items().get(i), "redaction-" + (i + 1));
            if (r == null) {
                ok = false;
            } else {
                out.add(r);
            }
        }
        return ok ? out : null;
    }

    private DicomRedaction readRedaction(YamlNode node, String fallbackId) {
        if (!(node instanceof YamlNode.Mapping m)) {
            reader.problem(node.location(), fallbackId, "a redaction is a mapping {id, when, rectangles}");
            return null;
        }
        int before = problemCount();
        Map<String, YamlNode.Entry> keys = reader.keys(m, REDACTION_KEYS, "in redaction", fallbackId);
        String id = keys.containsKey("id") ? reader.text(keys.get("id"), fallbackId, "id") : fallbackId;
        if (id == null) {
            return null;
        }
        if (!keys.containsKey("when") || !keys.containsKey("rectangles")) {
            reader.problem(m.location(), id, "a redaction needs 'when' (conditions on the image header) and"
                    + " 'rectangles' (the areas to fill; [] states that matching images carry no annotation)");
            return null;
        }
        YamlNode.Mapping when = reader.mapping(keys.get("when"), id, "when");
        if (when == null) {
            return null;
        }
        Map<String, YamlNode.Entry> w = reader.keys(when, WHEN_KEYS, "in when", id);
        Optional<String> manufacturer = optionalText(w.get("manufacturer"), id);
        Optional<String> model = optionalText(w.get("model"), id);
        Optional<String> modality = optionalText(w.get("modality"), id);
        Optional<String> sopClass = optionalText(w.get("sop-class"), id);
        Optional<Integer> rows = optionalInt(w.get("rows"), id, 1, 65535);
        Optional<Integer> columns = optionalInt(w.get("columns"), id, 1, 65535);
        if (manufacturer.isEmpty() && model.isEmpty() && modality.isEmpty() && sopClass.isEmpty()) {
            reader.problem(when.location(), id, "when needs at least one of manufacturer, model, modality, sop-class:"
                    + " a redaction for every image is too broad to be a steward's statement");
        }
        List<DicomRedaction.Rectangle> rectangles = new ArrayList<>();
        YamlNode.Entry rects = keys.get("rectangles");
        if (!(rects.value() instanceof YamlNode.Sequence seq)) {
            reader.problem(rects.value().location(), id, "rectangles must be a list of {x, y, width, height}");
        } else {
            for (YamlNode item : seq.items()) {
                DicomRedaction.Rectangle r = rectangle(item, id, columns, rows);
                if (r != null) {
                    rectangles.add(r);
                }
            }
        }
        if (problemCount() > before) {
            return null;
        }
        return new DicomRedaction(id, manufacturer, model, modality, sopClass, rows, columns, rectangles, m.location());
    }

    private DicomRedaction.Rectangle rectangle(YamlNode item, String id, Optional<Integer> columns,
            Optional<Integer> rows) {
        if (!(item instanceof YamlNode.Mapping m)) {
            reader.problem(item.location(), id, "a rectangle is {x, y, width, height} in pixels");
            return null;
        }
        Map<String, YamlNode.Entry> k = reader.keys(m, RECTANGLE_KEYS, "in rectangle", id);
        int before = problemCount();
        int[] v = new int[4];
        for (int i = 0; i < 4; i++) {
            String key = RECTANGLE_KEYS.get(i);
            if (!k.containsKey(key)) {
                reader.problem(m.location(), id, "rectangle needs '" + key + "'");
                continue;
            }
            v[i] = optionalInt(k.get(key), id, i < 2 ? 0 : 1, 65535).orElse(-1);
        }
        if (problemCount() > before) {
            return null;
        }
        if (columns.isPresent() && v[0] + v[2] > columns.get() || rows.isPresent() && v[1] + v[3] > rows.get()) {
            reader.problem(m.location(), id, "the rectangle reaches outside the " + columns.map(String::valueOf).orElse("?")
                    + " x " + rows.map(String::valueOf).orElse("?") + " image the rule selects");
            return null;
        }
        return new DicomRedaction.Rectangle(v[0], v[1], v[2], v[3]);
    }

    private Optional<String> optionalText(YamlNode.Entry e, String id) {
        if (e == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(reader.text(e, id, e.key()));
    }

    private Optional<Integer> optionalInt(YamlNode.Entry e, String id, int min, int max) {
        if (e == null) {
            return Optional.empty();
        }
        if (e.value() instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INTEGER
                && s.integer().compareTo(BigInteger.valueOf(min)) >= 0 && s.integer().compareTo(BigInteger.valueOf(max)) <= 0) {
            return Optional.of(s.integer().intValue());
        }
        reader.problem(e.value().location(), id, e.key() + " must be a whole number from " + min + " to " + max);
        return Optional.empty();
    }
}
