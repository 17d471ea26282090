package org.deidworkbench.format.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.deidworkbench.model.FhirRule;
import org.deidworkbench.model.FhirSection;
import org.deidworkbench.model.FhirSelector;
import org.deidworkbench.model.SourceLocation;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.model.Base;

/**
 * The rules of a {@code fhir:} section compiled for matching: type and element selectors in hash
 * maps, FHIRPath selectors parsed once per thread and evaluated once per resource. "First match
 * wins" is "lowest rule index wins"; {@link #NONE} means the default applies. Thread-safe; the
 * per-thread FHIRPath state lives in {@link Evaluator}.
 */
final class Rules {

    /** No rule matches: the section's default applies. */
    static final int NONE = Integer.MAX_VALUE;

    private final List<FhirRule> rules;
    private final Map<String, Integer> byType = new HashMap<>();
    private final Map<String, Integer> byName = new HashMap<>();
    private final Map<String, Integer> byQualifiedName = new HashMap<>();
    private final List<Integer> pathRules = new ArrayList<>();
    /** Per FHIRPath rule: when it can match anything at all (see {@link Guard}). */
    private final List<List<Guard>> guards = new ArrayList<>();
    private final ThreadLocal<Evaluator> evaluators;
    /** Per FHIRPath rule: whether it can change what the scan reports (see {@link #scanNeedsPaths}). */
    private final boolean[] reportRelevant;
    /**
     * Not a FHIR type: the mark that {@link #collectTypes}, {@code JsonScan} and {@code JsonTransform} add to a
     * resource's types where an element named {@code subject} or {@code patient} holds a {@code Reference} with a
     * {@code display} and neither {@code reference} nor {@code identifier}. It guards {@link #DISPLAY_ONLY_BRANCH}.
     */
    static final String DISPLAY_ONLY_PERSON = "#display-only-subject";

    /**
     * The FHIRPath branches guarded by {@link #DISPLAY_ONLY_PERSON} (written so, whitespace aside):
     * {@code subject.ofType(Reference).where(reference.empty() and identifier.empty()).display}, the same for
     * {@code patient}, and both after {@code descendants().} (which does not hold the resource itself). Only resources
     * holding such a reference are evaluated with them (and leave the token path), not every resource with a subject.
     * A rule with such a branch is evaluated branch by branch: a union would keep one of two equal displays.
     */
    private static final java.util.regex.Pattern DISPLAY_ONLY_BRANCH = java.util.regex.Pattern.compile(
            "(descendants\\(\\)\\.)?(subject|patient)\\.ofType\\(Reference\\)"
                    + "\\.where\\(reference\\.empty\\(\\)andidentifier\\.empty\\(\\)\\)\\.display");

    /** Whether a branch of a top-level union is one of {@link #DISPLAY_ONLY_BRANCH}. */
    static boolean displayOnlyBranch(String branch) {
        return DISPLAY_ONLY_BRANCH.matcher(branch.replaceAll("\\s+", "")).matches();
    }

    /** Whether the element {@code name} holding {@code value} is a display-only {@code subject} or {@code patient}. */
    static boolean displayOnlyPerson(String name, Base value) {
        if (!(value instanceof org.hl7.fhir.r4.model.Reference r)) {
            return false;
        }
        if (name.endsWith("[x]")) {
            name = name.substring(0, name.length() - 3);
        }
        // wider than the branches, never narrower: a display that is there, empty or not, and a reference without a
        // value (only extensions) or an empty identifier taken for none
        return (name.equals("subject") || name.equals("patient"))
                && r.getProperty("display".hashCode(), "display", false).length > 0
                && none(r.getProperty("reference".hashCode(), "reference", false))
                && none(r.getProperty("identifier".hashCode(), "identifier", false));
    }

    /** No value, or one that is empty or, for a primitive, has no value (the getters would create one). */
    private static boolean none(Base[] values) {
        return values.length == 0 || values[0] == null || values[0].isEmpty()
                || values[0] instanceof org.hl7.fhir.r4.model.PrimitiveType<?> t && !t.hasValue();
    }

    /** The types of {@code ofType(T)} guards (types without specializations). */
    private final java.util.Set<String> guardedTypes = new java.util.HashSet<>();

    Rules(FhirSection section) {
        this.rules = section.rules();
        for (int i = 0; i < rules.size(); i++) {
            FhirSelector s = rules.get(i).selector();
            if (s instanceof FhirSelector.DataType t) {
                byType.putIfAbsent(t.type(), i);
            } else if (s instanceof FhirSelector.ElementName n) {
                if (n.parentType() == null) {
                    byName.putIfAbsent(n.name(), i);
                } else {
                    byQualifiedName.putIfAbsent(n.parentType() + "." + n.name(), i);
                }
            } else if (s instanceof FhirSelector.FhirPath f) {
                pathRules.add(i);
                guards.add(Guard.of(f.expression()));
            } else {
                throw new IllegalStateException("unhandled selector " + s.getClass().getSimpleName());
            }
        }
        this.evaluators = ThreadLocal.withInitial(Evaluator::new);
        int lastIdentifier = section.defaultIdentifier() ? NONE : -1;
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).identifier()) {
                lastIdentifier = Math.max(lastIdentifier, i);
            }
        }
        for (List<Guard> gs : guards) {
            for (Guard g : gs) {
                if (g.type != null) {
                    guardedTypes.add(g.type);
                }
            }
        }
        this.reportRelevant = new boolean[pathRules.size()];
        for (int k = 0; k < pathRules.size(); k++) {
            int index = pathRules.get(k);
            reportRelevant[k] = rules.get(index).identifier() || lastIdentifier > index;
        }
    }

    /** The rule at {@code index}. */
    FhirRule rule(int index) {
        return rules.get(index);
    }

    /**
     * The lowest index of a type or element rule matching an element.
     *
     * @param type the element's FHIR type ({@code HumanName}, {@code string})
     * @param name the element's name without a choice suffix ({@code value}); {@code null} for a resource root
     * @param choiceName the element's name with its type suffix ({@code valueString}), or {@code null}
     * @param parentType the FHIR type of the enclosing element or resource
     */
    int match(String type, String name, String choiceName, String parentType) {
        int best = NONE;
        Integer i = byType.get(type);
        if (i != null) {
            best = i;
        }
        if (name != null) {
            best = min(best, byName.get(name));
            if (choiceName != null) {
                best = min(best, byName.get(choiceName));
            }
            if (parentType != null && !byQualifiedName.isEmpty()) {
                best = min(best, byQualifiedName.get(parentType + "." + name));
                if (choiceName != null) {
                    best = min(best, byQualifiedName.get(parentType + "." + choiceName));
                }
            }
        }
        return best;
    }

    /**
     * The lowest index of an element rule naming a Reference's {@code display} by the Reference element's own path
     * ({@code Encounter.participant.individual.display}, decision 0122): {@link #match} sees the parent only as a
     * {@code Reference}, so a rule for the display of one kind of reference (a performer's, an agent's) is looked up
     * by the instance path, its indices left out. {@link #NONE} when no rule names one.
     *
     * @param displayPath the display's instance path ({@code Encounter.participant[1].individual.display})
     */
    int referenceDisplay(String displayPath) {
        if (byQualifiedName.isEmpty() || displayPath == null) {
            return NONE;
        }
        StringBuilder b = new StringBuilder(displayPath.length());
        for (int i = 0; i < displayPath.length(); i++) {
            char c = displayPath.charAt(i);
            if (c == '[') {
                int end = displayPath.indexOf(']', i);
                if (end < 0) {
                    break;
                }
                i = end;
            } else {
                b.append(c);
            }
        }
        Integer i = byQualifiedName.get(b.toString());
        return i == null ? NONE : i;
    }

    private static int min(int best, Integer candidate) {
        return candidate != null && candidate < best ? candidate : best;
    }

    /**
     * Evaluates every FHIRPath rule on {@code root} and adds the elements each returns to
     * {@code hits}, keeping the lowest rule index per element (identity, not equality).
     *
     * @throws RuleFailure when an expression fails on this resource
     */
    void evaluate(Base root, IdentityHashMap<Base, Integer> hits) throws RuleFailure {
        if (pathRules.isEmpty()) {
            return;
        }
        Evaluator e = evaluators.get();
        java.util.Set<String> types = null;
        Map<String, List<Base>> byType = null;
        for (int k = 0; k < pathRules.size(); k++) {
            int index = pathRules.get(k);
            if (types == null && needsTypes(k)) {
                types = new java.util.HashSet<>();
                byType = new HashMap<>();
                collectTypes(root, types, byType);
            }
            if (!possible(k, root.fhirType(), types)) {
                continue; // evaluating it could return nothing; skipping it is only faster
            }
            try {
                Branch[] branches = e.branches(k, index);
                if (branches == null) {
                    merge(e.engine.evaluate(root, e.expression(k, index)), index, hits);
                    continue;
                }
                for (Branch b : branches) {
                    if (b.idle(types)) {
                        continue;
                    }
                    if (b.type == null) {
                        merge(e.engine.evaluate(root, b.node), index, hits);
                        continue;
                    }
                    // descendants().ofType(T)<rest>: <rest> on each T element below the root.
                    for (Base candidate : byType.getOrDefault(b.type, List.of())) {
                        if (b.node == null) {
                            hits.merge(candidate, index, Math::min);
                        } else {
                            merge(e.engine.evaluate(candidate, b.node), index, hits);
                        }
                    }
                }
            } catch (RuntimeException x) {
                throw new RuleFailure(rules.get(index), x);
            }
        }
    }

    private static void merge(List<Base> found, int index, IdentityHashMap<Base, Integer> hits) {
        for (Base b : found) {
            hits.merge(b, index, Math::min);
        }
    }

    /**
     * One branch of a FHIRPath rule's top-level union: evaluated from the resource ({@code type}
     * null, {@code node} the branch), or of the shape {@code descendants().ofType(T)<rest>}, where
     * {@code node} is {@code <rest>} (or null) evaluated on each {@code T} element below the
     * resource. The latter gives what the whole branch gives, without HAPI walking the whole
     * resource once per rule; it is used only for types that have no specializations and for a
     * {@code <rest>} that names no variable ({@code %resource} would mean the element there).
     */
    record Branch(String type, ExpressionNode node, boolean person, List<java.util.Set<String>> needs) {
        Branch(String type, ExpressionNode node, boolean person) {
            this(type, node, person, ValueNeeds.toSelect(node));
        }

        /** Whether this branch can return nothing on a resource of these element types (see {@link #DISPLAY_ONLY_PERSON}). */
        boolean idle(java.util.Set<String> types) {
            return person && !types.contains(DISPLAY_ONLY_PERSON);
        }
    }

    /** Whether rule {@code k}'s guards need the element types (else the resource type decides). */
    private boolean needsTypes(int k) {
        for (Guard g : guards.get(k)) {
            if (g.type != null) {
                return true;
            }
        }
        return false;
    }

    /** How many FHIRPath rules there are (numbered {@code k} from 0, in rule order). */
    int pathRuleCount() {
        return pathRules.size();
    }

    /** The rule index of FHIRPath rule {@code k}. */
    int pathRuleIndex(int k) {
        return pathRules.get(k);
    }

    /**
     * FHIRPath rule {@code k} as the branches of its top-level union, each parsed by this thread's
     * engine: {@code descendants().ofType(T)<rest>} as {@code (T, rest)}, any other as {@code (null, branch)}.
     */
    List<Branch> union(int k) {
        return evaluators.get().union(k, pathRules.get(k));
    }

    /**
     * Every constant some branch of a FHIRPath rule needs among a resource's values ({@link Branch#needs}, decision
     * 0240): the values of a resource worth noting before its branches are evaluated.
     */
    java.util.Set<String> neededValues() {
        java.util.Set<String> out = neededValues;
        if (out == null) {
            java.util.Set<String> all = new java.util.HashSet<>();
            for (int k = 0; k < pathRules.size(); k++) {
                for (Branch b : union(k)) {
                    all.addAll(ValueNeeds.constants(b.needs()));
                }
            }
            long lengths = 0;
            for (String c : all) {
                lengths |= 1L << Math.min(c.length(), 63);
            }
            neededLengths = lengths;
            out = java.util.Set.copyOf(all);
            neededValues = out;
        }
        return out;
    }

    /**
     * The lengths of {@link #neededValues()} as bits (bit 63: 63 characters or more), set once those are known: most of
     * a resource's values (ids, references, instants) are passed over without hashing them.
     */
    long neededLengths() {
        neededValues();
        return neededLengths;
    }

    private volatile java.util.Set<String> neededValues;
    private volatile long neededLengths;

    /** Whether FHIRPath rule {@code k} may match a resource of {@code rootType} with elements of {@code types}. */
    boolean possible(int k, String rootType, java.util.Set<String> types) {
        for (Guard g : guards.get(k)) {
            if (g.type == null ? g.resourceType == null || g.resourceType.equals(rootType) : types.contains(g.type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether any FHIRPath rule may match a resource of {@code rootType} whose elements (below the
     * root) have {@code types}: when false, the FHIRPath rules add no hit to it and the type and
     * element rules alone decide every value (what {@link JsonTransform} relies on).
     */
    boolean anyPathPossible(String rootType, java.util.Set<String> types) {
        for (int k = 0; k < pathRules.size(); k++) {
            if (possible(k, rootType, types)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a FHIRPath rule that can change what the scan pass reports may match a resource of
     * {@code rootType} whose elements (below the root, primitives' extensions included) have
     * {@code types}. A FHIRPath rule cannot change the report when it is no identifier rule and no
     * identifier rule (nor an identifier default) comes after it: where it wins, an identifier rule
     * would not have. When this is false, scanning may ignore the FHIRPath rules.
     */
    boolean scanNeedsPaths(String rootType, java.util.Set<String> types) {
        for (int k = 0; k < pathRules.size(); k++) {
            if (reportRelevant[k] && possible(k, rootType, types)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The types of every element below {@code node}, primitives' own extensions included (FHIRPath
     * walks them), and the elements of each guarded type, in document order.
     */
    private void collectTypes(Base node, java.util.Set<String> types, Map<String, List<Base>> byType) {
        for (org.hl7.fhir.r4.model.Property p : ElementChildren.of(node)) {
            if (p.hasValues()) {
                for (Base v : p.getValues()) {
                    String type = v.fhirType();
                    types.add(type);
                    if (displayOnlyPerson(p.getName(), v)) {
                        types.add(DISPLAY_ONLY_PERSON);
                    }
                    if (guardedTypes.contains(type)) {
                        byType.computeIfAbsent(type, t -> new ArrayList<>()).add(v);
                    }
                    if (!v.isPrimitive() || v instanceof org.hl7.fhir.r4.model.Element e && e.hasExtension()) {
                        collectTypes(v, types, byType);
                    }
                }
            }
        }
    }

    /**
     * When one branch of a FHIRPath union can match: always, only on one resource type
     * ({@code Patient.identifier...}), or only where an element of a data type occurs
     * ({@code descendants().ofType(Identifier)...}). A rule is evaluated when any branch can match.
     */
    record Guard(String resourceType, String type) {
        private static final java.util.regex.Pattern RESOURCE = java.util.regex.Pattern.compile("([A-Z][A-Za-z]+)\\..*");
        private static final java.util.regex.Pattern OF_TYPE = java.util.regex.Pattern.compile(
                "descendants\\(\\)\\.ofType\\(([A-Za-z]+)\\).*");

        private static final java.util.Set<String> SPECIALIZED = java.util.Set.of("Quantity", "Element", "BackboneElement",
                "Resource", "DomainResource", "Type", "BackboneType");

        static List<Guard> of(String expression) {
            List<Guard> out = new ArrayList<>();
            for (String branch : topLevelUnion(expression)) {
                java.util.regex.Matcher r = RESOURCE.matcher(branch);
                java.util.regex.Matcher t = OF_TYPE.matcher(branch);
                if (displayOnlyBranch(branch)) {
                    out.add(new Guard(null, DISPLAY_ONLY_PERSON));
                } else if (r.matches() && Fhir.context().getResourceTypes().contains(r.group(1))) {
                    out.add(new Guard(r.group(1), null));
                } else if (t.matches() && Character.isUpperCase(t.group(1).charAt(0))
                        && !SPECIALIZED.contains(t.group(1))) {
                    // ofType also returns specializations (Age for Quantity): only types without any are guarded.
                    out.add(new Guard(null, t.group(1)));
                } else {
                    out.add(new Guard(null, null));
                }
            }
            return out;
        }

        /** The branches of a top-level {@code |}, outside parentheses and quotes. */
        static List<String> topLevelUnion(String expression) {
            List<String> out = new ArrayList<>();
            int depth = 0;
            boolean quoted = false;
            int start = 0;
            for (int i = 0; i < expression.length(); i++) {
                char c = expression.charAt(i);
                if (c == '\'') {
                    quoted = !quoted;
                } else if (!quoted && c == '(') {
                    depth++;
                } else if (!quoted && c == ')') {
                    depth--;
                } else if (!quoted && depth == 0 && c == '|') {
                    out.add(expression.substring(start, i).strip());
                    start = i + 1;
                }
            }
            out.add(expression.substring(start).strip());
            return out;
        }
    }

    /** One thread's FHIRPath engine and parsed expressions. */
    private final class Evaluator {
        final FHIRPathEngine engine = Fhir.newPathEngine();
        final ExpressionNode[] parsed = new ExpressionNode[pathRules.size()];
        final Branch[][] branches = new Branch[pathRules.size()][];
        final boolean[] analysed = new boolean[pathRules.size()];
        final List<List<Branch>> unions = new ArrayList<>(java.util.Collections.nCopies(pathRules.size(), null));

        List<Branch> union(int k, int index) {
            List<Branch> u = unions.get(k);
            if (u == null) {
                String expression = ((FhirSelector.FhirPath) rules.get(index).selector()).expression();
                u = new ArrayList<>();
                for (String text : Guard.topLevelUnion(expression)) {
                    u.add(branch(text));
                }
                unions.set(k, List.copyOf(u));
                u = unions.get(k);
            }
            return u;
        }

        /**
         * The rule's branches when there are several or one of them can be evaluated on its elements, else {@code null}
         * (decision 0124: a union evaluated whole kept one of two equal values).
         */
        Branch[] branches(int k, int index) {
            if (!analysed[k]) {
                analysed[k] = true;
                String expression = ((FhirSelector.FhirPath) rules.get(index).selector()).expression();
                List<String> texts = Guard.topLevelUnion(expression);
                Branch[] out = new Branch[texts.size()];
                boolean any = false;
                for (int i = 0; i < texts.size(); i++) {
                    out[i] = branch(texts.get(i));
                    any |= out[i].type != null || out[i].person;
                }
                // A union keeps one of two equal values (FHIRPath's |): two equal birth dates, a member id equal to
                // the subscriber id. Branch by branch, each element is a hit of its own, as on JsonTransform's tree.
                branches[k] = any || out.length > 1 ? out : null;
            }
            return branches[k];
        }

        private Branch branch(String text) {
            ExpressionNode root = engine.parse(text);
            ExpressionNode ofType = root.getInner();
            if (root.getKind() == ExpressionNode.Kind.Function && root.getFunction() == ExpressionNode.Function.Descendants
                    && root.getOperation() == null && ofType != null && ofType.getKind() == ExpressionNode.Kind.Function
                    && ofType.getFunction() == ExpressionNode.Function.OfType && ofType.getOperation() == null
                    && ofType.getParameters().size() == 1 && !text.contains("%")) {
                String type = ofType.getParameters().get(0).getName();
                if (guardedTypes.contains(type)) {
                    return new Branch(type, ofType.getInner(), false);
                }
            }
            return new Branch(null, root, displayOnlyBranch(text));
        }

        ExpressionNode expression(int k, int index) {
            if (parsed[k] == null) {
                parsed[k] = engine.parse(((FhirSelector.FhirPath) rules.get(index).selector()).expression());
            }
            return parsed[k];
        }
    }

    /** A FHIRPath rule failed on a resource (its message never quotes data). */
    static final class RuleFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient FhirRule rule;

        RuleFailure(FhirRule rule, RuntimeException cause) {
            super("the fhirpath of rule '" + rule.id() + "' failed on this resource (" + cause.getClass().getSimpleName()
                    + ")");
            this.rule = rule;
        }

        FhirRule rule() {
            return rule;
        }
    }

    /** Readable reason for explain: which rule and where it is written. */
    static String reason(FhirRule rule) {
        SourceLocation at = rule.location();
        return "rule '" + rule.id() + "' (" + rule.selector().describe() + " at "
                + (at.line() > 0 ? at.file() + ":" + at.line() : at.file()) + ")";
    }
}
