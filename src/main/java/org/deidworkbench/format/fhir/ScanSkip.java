package org.deidworkbench.format.fhir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deidworkbench.model.FhirRule;
import org.deidworkbench.model.FhirSection;
import org.deidworkbench.model.FhirSelector;

/**
 * Decides from an NDJSON line's field names alone that the scan pass would report nothing for it,
 * so that the scan need not read it (decision 0050); the transform pass reads every line anyway.
 *
 * <p>The scan reports a Patient's index keys and subject id (a Patient at the root of a line or in
 * a Bundle), and the values whose deciding rule is an identifier rule (the first rule matching the
 * value or an element it sits in). Such a value needs an element in the line that an identifier
 * rule matches, and every element appears in the line under its JSON name, inside its parent's
 * object. So a line is skipped when its first field is {@code resourceType} (not Patient, not
 * Bundle, not a type a guarded FHIRPath identifier rule names, such as {@code Patient.name.where(...)}),
 * it holds no other resource, and none of its field names (a leading {@code _} taken off) is,
 * under the name its enclosing object has, the JSON name of an element of that resource type an
 * identifier rule can match: a type rule by the element's type, an element rule by its name and
 * parent type, a FHIRPath rule by its guard ({@code descendants().ofType(T)} by {@code T}; any
 * FHIRPath without a guard makes no line skippable), a FHIRPath branch that is a plain path
 * ({@code Encounter.identifier.value}) by its first element at the root (decision 0060). Names HAPI knows but {@link JsonScan} does not
 * read, and anything inside a primitive's extras, count under any parent. With {@code default:
 * identifier: true} or a {@code subject-id} FHIRPath nothing is skipped. The test is weaker than
 * the scan, never stronger: a name may sit where no rule matches it, an element R4 does not define
 * where it stands is dropped by HAPI (it teaches nothing), and a line that is not well-formed JSON
 * is scanned (and, as before, teaches nothing). A line with an attachment's {@code url} is scanned too (the resource
 * it names may be the line's content, decision 0214), and one whose resource a Provenance of the run points at
 * (decision 0215).
 *
 * <p>Thread-safe; one per run ({@link FhirRun#scanSkip}); the names of each resource type are
 * derived from HAPI's definitions on the first line of that type.
 */
final class ScanSkip {

    /**
     * JSON names (without a leading {@code _}) of elements an identifier rule may match, each with
     * the JSON names under which its parent may appear ({@link #ROOT} for a resource's own
     * elements), or {@link #ANY_PARENT}.
     */
    private final Map<String, Map<String, Set<String>>> names;
    /**
     * The names of each resource type by what they are derived from (data types, element rules, plain
     * paths), shared by the runs of one process: they follow from HAPI's definitions alone.
     */
    private static final Map<List<Object>, Map<String, Map<String, Set<String>>>> SHARED =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** The data types and element rules of the identifier rules, from which {@link #names} is derived. */
    private final Set<String> dataTypes;
    private final List<FhirSelector.ElementName> elements;
    /**
     * By resource type, the JSON names of root elements that plain FHIRPath paths of identifier rules start
     * from ({@code Encounter.identifier.value}: {@code identifier} of an Encounter).
     */
    private final Map<String, Set<String>> rootNames;
    /** Resource types whose lines are always scanned. */
    private final Set<String> types;
    /** Whether no line can be skipped. */
    private final boolean never;
    /**
     * Whether no Bundle entry can be skipped: a FHIRPath identifier rule starts from {@code Bundle}
     * (a plain path such as {@code Bundle.entry.fullUrl}, or a guard on the type), so what an entry notes
     * depends on more than its own names.
     */
    private final boolean neverEntries;

    /** The parent name of a resource's own elements. */
    static final String ROOT = "";
    /** A name that counts under any parent. */
    private static final Set<String> ANY_PARENT = java.util.Collections.unmodifiableSet(new HashSet<>());
    /** The parent name of what sits in a primitive's extras ({@code "_birthDate": {...}}): matches any. */
    private static final String EXTRAS = "_";
    private static final int MAX_DEPTH = 64;
    private static final Set<String> RESOURCE_TYPES = Fhir.context().getResourceTypes();

    private ScanSkip(Set<String> dataTypes, List<FhirSelector.ElementName> elements, Set<String> types,
            Map<String, Set<String>> rootNames, boolean never, boolean neverEntries) {
        this.neverEntries = never || neverEntries;
        this.names = SHARED.computeIfAbsent(List.of(dataTypes, elements, rootNames),
                k -> new java.util.concurrent.ConcurrentHashMap<>());
        this.rootNames = rootNames;
        this.dataTypes = dataTypes;
        this.elements = elements;
        this.types = types;
        this.never = never;
    }

    /** The test for a run's section. */
    static ScanSkip of(FhirSection section) {
        if (section.defaultIdentifier() || section.subjectIdPath() != null) {
            return new ScanSkip(Set.of(), List.of(), Set.of(), Map.of(), true, true);
        }
        Set<String> dataTypes = new HashSet<>();
        Set<String> types = new HashSet<>(Set.of("Patient", "Bundle"));
        Map<String, Set<String>> rootNames = new HashMap<>();
        List<FhirSelector.ElementName> elements = new ArrayList<>();
        // an attachment's url may name the resource whose content it is: the scan reports it (decision 0214)
        elements.add(new FhirSelector.ElementName("Attachment", "url"));
        boolean bundlePaths = false;
        Set<String> resourceTypes = RESOURCE_TYPES;
        for (FhirRule r : section.rules()) {
            if (!r.identifier()) {
                continue;
            }
            FhirSelector s = r.selector();
            if (s instanceof FhirSelector.DataType t) {
                dataTypes.add(t.type());
                if (resourceTypes.contains(t.type())) {
                    types.add(t.type());
                }
            } else if (s instanceof FhirSelector.ElementName n) {
                elements.add(n);
            } else if (s instanceof FhirSelector.FhirPath f) {
                for (String branch : Rules.Guard.topLevelUnion(f.expression())) {
                    String[] root = rootElement(branch);
                    if (root != null) {
                        bundlePaths |= root[0].equals("Bundle");
                        // a plain path (Encounter.identifier.value): only a line with that root element (decision 0060)
                        rootNames.computeIfAbsent(root[0], k -> new HashSet<>()).add(root[1]);
                        continue;
                    }
                    Rules.Guard g = Rules.Guard.of(branch).get(0);
                    if (g.type() != null) {
                        dataTypes.add(g.type());
                    } else if (g.resourceType() != null) {
                        bundlePaths |= g.resourceType().equals("Bundle");
                        types.add(g.resourceType());
                    } else {
                        return new ScanSkip(Set.of(), List.of(), Set.of(), Map.of(), true, true);
                    }
                }
            } else {
                return new ScanSkip(Set.of(), List.of(), Set.of(), Map.of(), true, true);
            }
        }
        Map<String, Set<String>> roots = new HashMap<>();
        rootNames.forEach((type, names) -> roots.put(type, Set.copyOf(names)));
        return new ScanSkip(Set.copyOf(dataTypes), List.copyOf(elements), Set.copyOf(types), Map.copyOf(roots), false,
                bundlePaths);
    }

    private static final java.util.regex.Pattern PLAIN_PATH = java.util.regex.Pattern.compile(
            "([A-Z][A-Za-z]+)\\.([a-z][A-Za-z0-9]*)(\\.[a-z][A-Za-z0-9]*)*");

    /**
     * For a FHIRPath branch that is a plain path from a resource type ({@code Encounter.identifier.value}:
     * names only, no function, no index), the type and the JSON name of its first element, which must then
     * stand at the root of a resource of that type for the branch to return anything; else null. Not for a
     * choice element ({@code Observation.value}), whose JSON names carry the type.
     */
    static String[] rootElement(String branch) {
        java.util.regex.Matcher m = PLAIN_PATH.matcher(branch);
        if (!m.matches() || !RESOURCE_TYPES.contains(m.group(1))) {
            return null;
        }
        ca.uhn.fhir.context.BaseRuntimeChildDefinition child = Fhir.context().getResourceDefinition(m.group(1))
                .getChildByName(m.group(2));
        if (child == null || child instanceof ca.uhn.fhir.context.RuntimeChildChoiceDefinition
                || !child.getValidChildNames().equals(Set.of(m.group(2)))) {
            return null;
        }
        return new String[] {m.group(1), m.group(2)};
    }

    /** One child of an element definition under one JSON name. */
    private record Edge(JsonScan.Elem parent, String name, JsonScan.Child child) {
    }

    /**
     * Every JSON name, in every element definition reachable from the resource type, under which an
     * element of one of {@code dataTypes} or matching one of {@code elements} may appear, with the
     * names its parent appears under; every name {@link JsonScan} does not read itself (left to
     * HAPI, or never JSON) and every resource inside a resource, under any parent.
     */
    private Map<String, Set<String>> names(String resourceType) {
        Map<String, Set<String>> out = new HashMap<>();
        IdentityHashMap<JsonScan.Elem, Set<String>> appearsAs = new IdentityHashMap<>();
        List<Edge> edges = new ArrayList<>();
        IdentityHashMap<JsonScan.Elem, Boolean> seen = new IdentityHashMap<>();
        Deque<JsonScan.Elem> todo = new ArrayDeque<>();
        JsonScan.Elem root = JsonScan.resourceElem(resourceType);
        appearsAs.computeIfAbsent(root, k -> new HashSet<>()).add(ROOT);
        todo.add(root);
        while (!todo.isEmpty()) {
            JsonScan.Elem e = todo.poll();
            if (seen.put(e, Boolean.TRUE) != null) {
                continue;
            }
            if (e.def instanceof ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition<?> c) {
                for (ca.uhn.fhir.context.BaseRuntimeChildDefinition child : c.getChildren()) {
                    for (String name : child.getValidChildNames()) {
                        if (!e.children.containsKey(name)) {
                            out.put(name, ANY_PARENT); // HAPI's own names ("subjectGroup"): counted as a match
                        }
                    }
                }
            }
            for (Map.Entry<String, JsonScan.Child> en : e.children.entrySet()) {
                JsonScan.Child child = en.getValue();
                if (child.kind() == JsonScan.Kind.CONTAINED || child.kind() == JsonScan.Kind.RESOURCE) {
                    out.put(en.getKey(), ANY_PARENT); // a resource inside: the line is read
                    continue;
                }
                edges.add(new Edge(e, en.getKey(), child));
                if (child.kind() == JsonScan.Kind.COMPOSITE || child.kind() == JsonScan.Kind.EXTENSION) {
                    JsonScan.Elem target = child.elem();
                    appearsAs.computeIfAbsent(target, k -> new HashSet<>()).add(en.getKey());
                    todo.add(target);
                }
            }
        }
        for (Edge edge : edges) {
            if (!matches(edge.child, edge.parent.fhirType, dataTypes, elements)) {
                continue;
            }
            Set<String> parents = out.get(edge.name);
            if (parents == ANY_PARENT) {
                continue;
            }
            if (parents == null) {
                parents = new HashSet<>();
                out.put(edge.name, parents);
            }
            parents.addAll(appearsAs.getOrDefault(edge.parent, Set.of()));
        }
        if (dataTypes.contains(Rules.DISPLAY_ONLY_PERSON)) {
            // a display-only subject or patient (Rules.DISPLAY_ONLY_PERSON, in dataTypes as a guard's type): its
            // display, under the JSON names a subject or patient Reference appears as
            Set<String> parents = out.get("display");
            if (parents != ANY_PARENT) {
                if (parents == null) {
                    parents = new HashSet<>();
                    out.put("display", parents);
                }
                for (Edge edge : edges) {
                    if (edge.child.personReference()) {
                        parents.add(edge.name);
                    }
                }
            }
        }
        for (String first : rootNames.getOrDefault(resourceType, Set.of())) {
            Set<String> parents = out.get(first);
            if (parents == null) {
                out.put(first, new HashSet<>(Set.of(ROOT)));
            } else if (parents != ANY_PARENT) {
                parents.add(ROOT);
            }
        }
        Map<String, Set<String>> frozen = new HashMap<>();
        out.forEach((name, parents) -> frozen.put(name, parents == ANY_PARENT ? ANY_PARENT : Set.copyOf(parents)));
        return Map.copyOf(frozen);
    }

    /** Whether an identifier rule may match the child (as {@link Rules#match} and the FHIRPath guards do). */
    private static boolean matches(JsonScan.Child c, String parentType, Set<String> dataTypes,
            List<FhirSelector.ElementName> elements) {
        if (c.fhirType() != null && dataTypes.contains(c.fhirType())) {
            return true;
        }
        for (FhirSelector.ElementName n : elements) {
            if ((n.name().equals(c.name()) || n.name().equals(c.choiceName()))
                    && (n.parentType() == null || n.parentType().equals(parentType))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the scan would report nothing for this NDJSON line. False whenever unsure: more than
     * one {@code resourceType}, none, an escape in a field name or in the resource type, nesting
     * deeper than any resource or unbalanced.
     */
    boolean skips(String line) {
        return skips(line, ProvenanceTargets.NONE);
    }

    /**
     * {@link #skips(String)}, and not a line whose resource a Provenance of the run points at (its id at the root,
     * after its type): the scan records its owners (decision 0215).
     */
    boolean skips(String line, ProvenanceTargets targets) {
        if (never) {
            return false;
        }
        String[] rootKey = targets.isEmpty() ? null : new String[1];
        if (!lex(line, 0, line.length(), null, -1, -1, rootKey)) {
            return false;
        }
        return rootKey == null || rootKey[0] == null || !targets.contains(rootKey[0]);
    }

    /**
     * Whether the scan would report nothing for this entry of a JSON Bundle (decision 0067): its
     * resource is one {@link #skips} would skip as a line, and no other member of the entry
     * ({@code fullUrl}, {@code request}, {@code response}, {@code search}, {@code link}, extensions) has a
     * name under which an identifier rule may match an element of {@code Bundle.entry}. The entry is
     * {@code text[from, to)}, an object that holds one {@code resource} member, whose object value is
     * {@code text[resourceFrom, resourceTo)}; the text must be well-formed JSON (the caller's parser read it).
     */
    boolean skipsEntry(String text, int from, int to, int resourceFrom, int resourceTo) {
        if (neverEntries || !lex(text, resourceFrom, resourceTo, null, -1, -1, null)) {
            return false;
        }
        return lex(text, from, to, names.computeIfAbsent("Bundle", this::names), resourceFrom, resourceTo, null);
    }

    /**
     * The lexer of {@link #skips}, over {@code s[from, to)}. With {@code entryNames} null the text is a
     * resource, whose first field names its type; else it is a Bundle's entry, whose names are looked up
     * there as the names of elements of a {@code Bundle} inside an {@code entry}, the value at
     * {@code [jumpFrom, jumpTo)} (the entry's resource) passed over. A resource's {@code Type/id} goes to
     * {@code rootKey[0]} when {@code rootKey} is given and the id is a plain string at its root.
     */
    private boolean lex(String s, int from, int to, Map<String, Set<String>> entryNames, int jumpFrom, int jumpTo,
            String[] rootKey) {
        int n = to;
        String[] stack = new String[MAX_DEPTH];
        int depth = 0;
        String key = null; // the field whose value comes next
        Map<String, Set<String>> names = entryNames; // for a resource, known once its type was read
        String top = entryNames == null ? ROOT : "entry";
        String rootType = null; // a line's resource type, once read
        int i = from;
        while (i < n) {
            if (i == jumpFrom) {
                i = jumpTo;
                key = null;
                continue;
            }
            char ch = s.charAt(i);
            switch (ch) {
                case '{', '[' -> {
                    if (depth == MAX_DEPTH) {
                        return false;
                    }
                    // an object or list is under its field's name; an object in a list under the list's
                    stack[depth] = key != null ? key : depth == 0 ? top : stack[depth - 1];
                    depth++;
                    key = null;
                    i++;
                }
                case '}', ']' -> {
                    if (depth == 0) {
                        return false;
                    }
                    depth--;
                    key = null;
                    i++;
                }
                case '"' -> {
                    int close = closingQuote(s, i + 1, n);
                    if (close < 0) {
                        return false;
                    }
                    int k = close + 1;
                    while (k < n && isSpace(s.charAt(k))) {
                        k++;
                    }
                    if (k == n || s.charAt(k) != ':') {
                        key = null; // a value
                        i = close + 1;
                        continue;
                    }
                    int first = i + 1;
                    for (int j = first; j < close; j++) {
                        if (s.charAt(j) == '\\') {
                            return false;
                        }
                    }
                    boolean extras = first < close && s.charAt(first) == '_';
                    String name = s.substring(extras ? first + 1 : first, close);
                    key = extras ? EXTRAS : name;
                    i = k + 1;
                    if (depth == 0) {
                        return false;
                    }
                    if (names == null) {
                        // the first field: the resource type, which says which names count
                        if (extras || depth != 1 || !name.equals("resourceType")) {
                            return false;
                        }
                        int v = i;
                        while (v < n && isSpace(s.charAt(v))) {
                            v++;
                        }
                        if (v == n || s.charAt(v) != '"') {
                            return false;
                        }
                        int end = closingQuote(s, v + 1, n);
                        if (end < 0) {
                            return false;
                        }
                        String type = s.substring(v + 1, end);
                        if (types.contains(type) || !RESOURCE_TYPES.contains(type)) {
                            return false;
                        }
                        rootType = type;
                        names = this.names.computeIfAbsent(type, this::names);
                        key = null;
                        i = end + 1;
                        continue;
                    }
                    if (name.equals("resourceType")) {
                        return false; // a second resource (in an entry: one outside its resource member)
                    }
                    if (rootKey != null && rootType != null && depth == 1 && !extras && name.equals("id")) {
                        int v = i;
                        while (v < n && isSpace(s.charAt(v))) {
                            v++;
                        }
                        int end = v < n && s.charAt(v) == '"' ? closingQuote(s, v + 1, n) : -1;
                        if (end > v) {
                            rootKey[0] = rootType + "/" + s.substring(v + 1, end);
                        }
                    }
                    if (entryNames != null && depth == 1 && !extras && name.equals("resource")) {
                        continue; // the entry's resource, passed over at jumpFrom (tested as a resource)
                    }
                    Set<String> parents = names.get(name);
                    if (parents != null) {
                        String parent = stack[depth - 1];
                        if (parents == ANY_PARENT || parent == EXTRAS || parents.contains(parent)) {
                            return false;
                        }
                    }
                }
                default -> i++;
            }
        }
        return names != null && depth == 0;
    }

    /** The position of the quote before {@code to} that ends a string whose first character is at {@code from}, or -1. */
    private static int closingQuote(String s, int from, int to) {
        int q = s.indexOf('"', from);
        while (q >= 0 && q < to) {
            int backslashes = 0;
            for (int b = q - 1; b >= from && s.charAt(b) == '\\'; b--) {
                backslashes++;
            }
            if ((backslashes & 1) == 0) {
                return q;
            }
            q = s.indexOf('"', q + 1);
        }
        return -1;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** The names that make a line of this resource type scanned, with their parents' names (for tests). */
    Map<String, Set<String>> namesOf(String resourceType) {
        return names.computeIfAbsent(resourceType, this::names);
    }
}
