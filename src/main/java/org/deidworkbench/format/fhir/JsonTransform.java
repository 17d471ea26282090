package org.deidworkbench.format.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.deidworkbench.deid.BoundedMemory;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.Subject;
import org.deidworkbench.deid.UnprocessableValueException;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.ImageText;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.FhirRule;
import ca.uhn.fhir.model.primitive.XhtmlDt;
import org.deidworkbench.deid.FieldContext;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.XhtmlType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * The transform of one compact JSON resource (an NDJSON line) over Jackson tokens, without HAPI
 * objects: it reads the resource into a small tree typed by HAPI's element definitions, decides
 * every value as {@link ResourceCleaner} does (type and element rules, the enclosing element's rule,
 * the default; keyed ids and references; the patient from the compartment references; marks in
 * {@code meta.security}) and prints the result as HAPI prints it: elements in definition order,
 * emptied elements left out. It answers only for resources it reads exactly as HAPI would and whose
 * rules it can evaluate exactly; anything else throws {@link JsonScan.Fallback} before any effect,
 * and the caller cleans that resource with HAPI (decision 0025). {@code JsonTransformTest} compares
 * its output byte for byte with the HAPI path. Not thread-safe: one per file.
 */
final class JsonTransform {

    /** Types whose values HAPI holds exactly as read. */
    private static final Set<String> PLAIN = Set.of("string", "markdown");
    /** Types FHIRPath's {@code =} compares as strings. */
    private static final Set<String> STRING_LIKE = Set.of("string", "markdown", "code", "uri", "url", "canonical", "id",
            "oid", "uuid");
    /** A JSON number HAPI prints back as it was written. */

    /**
     * Whether {@code s} is a JSON number HAPI prints back as it was written: {@code
     * -?(0|[1-9][0-9]{0,17})(\.[0-9]{1,18})?} for a decimal, {@code -?(0|[1-9][0-9]{0,8})} otherwise
     * (by hand rather than by regular expression: one per number read; {@code JsonTransformTest}
     * compares the two).
     */
    static boolean plainNumber(String s, boolean decimal) {
        int n = s.length();
        int i = !s.isEmpty() && s.charAt(0) == '-' ? 1 : 0;
        if (i == n) {
            return false;
        }
        char first = s.charAt(i++);
        if (first != '0') {
            if (first < '1' || first > '9') {
                return false;
            }
            int max = decimal ? 18 : 9;
            int start = i - 1;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i - start > max) {
                return false;
            }
        }
        if (i == n) {
            return true;
        }
        if (!decimal || s.charAt(i) != '.') {
            return false;
        }
        int start = ++i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        return i == n && i - start >= 1 && i - start <= 18;
    }

    /** Whether {@code s} is a plain FHIR id, {@code [A-Za-z0-9\-.]{1,64}} (by hand, as {@link #plainNumber}). */
    static boolean plainId(String s) {
        int n = s.length();
        if (n < 1 || n > 64) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!(isDigit(c) || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
    /** Per composite definition: the position of each child in HAPI's order (the order it prints). */
    private static final Map<BaseRuntimeElementDefinition<?>, Map<BaseRuntimeChildDefinition, Integer>> ORDER =
            new ConcurrentHashMap<>();

    /**
     * Jackson without its duplicate-name check: {@link #object} refuses a second member of one element
     * itself (and every name it does not know), so the check only cost time (decision 0064).
     */
    private static final JsonFactory READ = JsonFactory.builder().build();

    /** The steps of each compartment path below its resource type. */
    private static final Map<String, String[]> STEPS = new ConcurrentHashMap<>();

    private final FhirRun run;
    private final ResourceCleaner cleaner;
    private FileTally tally;

    /**
     * @param cleaner the file's HAPI cleaner, whose caches (method results, subjects) are shared so
     *     that a value gets the same result whichever path cleans it
     */
    JsonTransform(FhirRun run, ResourceCleaner cleaner, FileTally tally) {
        this.run = run;
        this.cleaner = cleaner;
        this.tally = tally;
        this.facts = run.tokenFacts.get();
    }

    // ---------------------------------------------------------------- the tree

    /** A JSON object typed by its element definition. */
    private static final class Obj {
        final JsonScan.Elem elem;
        final List<Field> fields = new ArrayList<>(8);
        /** An extension the policy or the cleaning removed. */
        boolean dropped;
        /** A contained resource (printed with its {@code resourceType} first). */
        boolean contained;

        Obj(JsonScan.Elem elem) {
            this.elem = elem;
        }

        Field field(String name) {
            for (Field f : fields) {
                if (f.child.name().equals(name) && f.child.choiceName() == null) {
                    return f;
                }
            }
            return null;
        }

        String text(String name) {
            Field f = field(name);
            return f == null || !(f.values.get(0) instanceof Prim p) ? null : p.text;
        }
    }

    /** One JSON member: its child definition, its place in HAPI's order, its values. */
    private record Field(String jsonName, JsonScan.Child child, int order, List<Object> values) {
    }

    /** A primitive value: as read, and as it will be written ({@code null}: removed). */
    private static final class Prim {
        final String text;
        final JsonToken token;
        /** Whether FHIRPath compares it as a string (string, code, uri, id and the like). */
        final boolean stringLike;
        /** Whether it is a {@code decimal} or an {@code integer}, which FHIRPath's {@code >} compares as numbers. */
        boolean number;
        /** Its FHIR type ({@code string}, {@code date}, …) for {@code ofType()}; null where it was not noted. */
        String fhirType;
        /** {@code lower()} of it, once asked: a questionnaire's rules ask it of each item's text many times. */
        List<Object> lower;
        String out;
        /**
         * A narrative's {@code div}: HAPI's own objects for it, cleaned as the HAPI path cleans them (null
         * until {@link #model} makes them, for a narrative remembered from before).
         */
        Narrative narrative;
        /**
         * The narrative's value as read ({@code XhtmlType.primitiveValue}), what the cleaning starts from;
         * null for anything but a narrative's {@code div}.
         */
        String xhtml;
        /** A narrative's text as HAPI's first XHTML model writes it back, which {@link #model} reads. */
        String read;
        /** The value the walk meets when cleaning replaced it before the walk got there (an attachment's size). */
        String now;
        /** Removed from its parent before the walk got there (an attachment's hash): cleaned, but not written. */
        boolean gone;

        Prim(String text, JsonToken token, boolean stringLike) {
            this.text = text;
            this.token = token;
            this.stringLike = stringLike;
            this.out = text;
        }
    }

    /**
     * The file's narratives as HAPI's first XHTML model reads and writes them back (a function of the
     * text alone): a bulk export repeats many ({@code Amoxicillin 250 MG for …} once per prescription of
     * one patient), and that model's XML parse is the dearer of the two (decision 0064). Only narratives
     * too long for the run's memory ({@link FhirRun#divs}) are kept here.
     */
    private final BoundedMemory<String, String> readDivs = new BoundedMemory<>(1 << 10);

    /**
     * A narrative's {@code div} as HAPI's JSON parser reads it, a function of its text alone (decision
     * 0081): {@code read}, what HAPI's first XHTML model writes back, which its second model is read
     * from; {@code div}, what that second model writes ({@code Narrative.getDiv().getValueAsString()});
     * {@code value}, what it holds ({@code XhtmlType.primitiveValue}). The scan (which only needs the
     * value to be known valid) and the transform of a later file or entry start from it instead of
     * parsing the text again; a narrative the walk scrubs gets its own model, read from {@code read}.
     */
    record Div(String read, String div, String value) {
    }

    /** The longest narrative text {@link FhirRun#divs} remembers (longer ones: {@link #readDivs}, per file). */
    static final int MAX_REMEMBERED_DIV = 4096;

    /**
     * A narrative's {@code div} read as HAPI's JSON parser reads it (through both of its XHTML
     * models) into a {@link Narrative} of its own, so that the scrubbing and the printing are HAPI's.
     * A text read before in the run ({@link FhirRun#divs}) is not parsed again: its {@link Prim} gets
     * the remembered {@code div} and value, and its model is made only when the walk scrubs it
     * ({@link #model}).
     */
    private Prim narrative(String text) throws JsonScan.Fallback {
        boolean short_ = text.length() <= MAX_REMEMBERED_DIV;
        Div known = short_ ? run.divs.get(text) : null;
        if (known != null) {
            Prim p = new Prim(known.div(), JsonToken.VALUE_STRING, false);
            p.xhtml = known.value();
            p.read = known.read();
            return p;
        }
        Narrative n = new Narrative();
        String read;
        try {
            read = short_ ? null : readDivs.get(text);
            if (read == null) {
                XhtmlDt dt = new XhtmlDt();
                dt.setValueAsString(text);
                read = dt.getValueAsString();
                if (read != null && !short_) {
                    readDivs.put(text, read);
                }
            }
            XhtmlNode node = new XhtmlNode();
            node.setValueAsString(read);
            n.setDiv(node);
        } catch (RuntimeException e) {
            throw JsonScan.fallback(); // HAPI says what is wrong with it, or reads it its own way
        }
        String div = n.hasDiv() ? n.getDiv().getValueAsString() : null;
        String value = div == null ? null : new XhtmlType(n).primitiveValue();
        if (value == null) {
            throw JsonScan.fallback(); // an empty div: HAPI's business
        }
        if (short_ && read != null) {
            run.divs.put(text, new Div(read, div, value));
        }
        Prim p = new Prim(div, JsonToken.VALUE_STRING, false);
        p.narrative = n;
        p.xhtml = value;
        p.read = read;
        return p;
    }

    /**
     * A narrative's own HAPI model: the one read with it, or one read now from what HAPI's first model
     * wrote, then written and asked its value as {@link #narrative} does: writing the model changes what
     * it writes after the scrubbing ({@code </p>\r\n<table>}, decision 0072), so a model that skipped
     * those steps would not print as HAPI's does ({@code JsonTransformTest} caught it).
     */
    private static Narrative model(Prim v) {
        if (v.narrative == null) {
            Narrative n = new Narrative();
            XhtmlNode node = new XhtmlNode();
            node.setValueAsString(v.read);
            n.setDiv(node);
            if (n.hasDiv()) {
                n.getDiv().getValueAsString();
                new XhtmlType(n).primitiveValue();
            }
            v.narrative = n;
        }
        return v.narrative;
    }

    /**
     * What is known of a child under its parent: its place in HAPI's order, its own rule, values HAPI
     * holds as read. Each is a function of the child's definition, the value and the run's rules
     * alone, so it is kept for the whole run ({@link FhirRun#tokenFacts}, one map per worker thread):
     * a run of many small files, or the scan's reading of one resource at a time, learns it once.
     */
    static final class Facts {
        int order = -1;
        int rule = -2;
        /** The parent type {@link #rule} was found for. */
        String ruleParent;
        final Set<String> plainValues = new HashSet<>();
        /** The last value of this child that {@link #plainValues}'s check passed (null: none yet). */
        String lastPlainValue;
        /** What the child's FHIR type is, once known: {@link #PLAIN_TYPE}, {@link #STRING_TYPE} bits (-1: not yet). */
        int typeBits = -1;
        /**
         * The set of types of the resource last read that this child's type was added to: a child met
         * again in the same resource adds nothing (the set is new for each resource).
         */
        Set<String> typesOf;
        /** The composite child's element (its children by JSON name), once looked up. */
        JsonScan.Elem elem;
    }

    /** Held exactly as read ({@link #PLAIN}). */
    private static final int PLAIN_TYPE = 1;
    /** Compared as a string by FHIRPath ({@link #STRING_LIKE}). */
    private static final int STRING_TYPE = 2;
    /** A date, dateTime or instant ({@link PlainDates}). */
    private static final int DATE_TYPE = 4;
    /** A decimal or an integer (compared as numbers by FHIRPath's {@code >}, decision 0146). */
    private static final int NUMBER_TYPE = 8;
    /**
     * A type whose every non-blank value HAPI holds and prints exactly as written ({@link #AS_WRITTEN}): not checked
     * value by value. Not {@code code}, whose child may be an {@code Enumeration} that refuses unknown codes.
     */
    private static final int AS_WRITTEN_TYPE = 16;
    /**
     * Types whose HAPI classes hold any text as written and print it back unchanged (200,000 random texts each, 20,000 in
     * {@code JsonTransformTest}; blank ones aside, which are HAPI's before this check).
     */
    static final Set<String> AS_WRITTEN = Set.of("uri", "url", "canonical", "oid", "uuid");
    /** An {@code id}: a plain one ({@link #plainId}) is held as written ({@code IdType} reads {@code a///b} as {@code a//b}). */
    private static final int ID_TYPE = 32;

    private static int typeBits(Facts f, String fhirType) {
        if (f.typeBits < 0) {
            f.typeBits = (PLAIN.contains(fhirType) ? PLAIN_TYPE : 0) | (STRING_LIKE.contains(fhirType) ? STRING_TYPE : 0)
                    | (fhirType.equals("date") || fhirType.equals("dateTime") || fhirType.equals("instant") ? DATE_TYPE : 0)
                    | (fhirType.equals("decimal") || fhirType.equals("integer") ? NUMBER_TYPE : 0)
                    | (AS_WRITTEN.contains(fhirType) ? AS_WRITTEN_TYPE : 0) | (fhirType.equals("id") ? ID_TYPE : 0);
        }
        return f.typeBits;
    }

    /** Per child definition (interned by {@link JsonScan}): its facts, for this run and thread. */
    private final IdentityHashMap<JsonScan.Child, Facts> facts;
    private static final int MAX_REMEMBERED_VALUES = 1 << 12;

    private Facts facts(JsonScan.Child c) {
        Facts f = facts.get(c);
        if (f == null) {
            f = new Facts();
            facts.put(c, f);
        }
        return f;
    }

    /** The child's own rule ({@link Rules#match}), which depends only on the child and its parent's type. */
    private int match(JsonScan.Child c, String parentType) {
        return rule(run, facts, c, parentType);
    }

    /**
     * {@link Rules#match} for a child under a parent of {@code parentType}, remembered in the run's
     * facts (a child definition is met under one parent type, except the id and extensions of a
     * primitive's {@code "_x"}: those are looked up whenever the parent type is another).
     */
    static int rule(FhirRun run, IdentityHashMap<JsonScan.Child, Facts> facts, JsonScan.Child c, String parentType) {
        Facts f = facts.get(c);
        if (f == null) {
            f = new Facts();
            facts.put(c, f);
        }
        if (f.rule == -2 || !parentType.equals(f.ruleParent)) {
            int r = run.rules.match(c.fhirType(), c.name(), c.choiceName(), parentType);
            if (f.rule != -2) {
                return r; // a second parent type: not remembered
            }
            f.rule = r;
            f.ruleParent = parentType;
        }
        return f.rule;
    }

    /** The new ids of the resource's contained resources by their local id (empty: none). */
    private Map<String, String> local = Map.of();

    /**
     * {@code ResourceCleaner.localIds}: each contained resource's new id, keyed by the container's
     * type and (original) id and the local id.
     */
    private Map<String, String> localIds(Obj root, String type, String id) throws JsonScan.Fallback {
        Field contained = root.field("contained");
        if (contained == null) {
            return Map.of();
        }
        String owner = type + "/" + (id == null ? "" : id);
        Map<String, String> out = new java.util.HashMap<>();
        for (Object v : contained.values) {
            String old = ((Obj) v).text("id");
            String now = run.references.containedId(owner, old);
            if (out.containsValue(now)) {
                throw JsonScan.fallback(); // two local ids with one keyed value: HAPI's error
            }
            out.put(old, now);
        }
        return out;
    }

    /** Tally updates, applied only once the resource was cleaned here (a fallback leaves no trace). */
    private final List<Runnable> effects = new ArrayList<>();

    // ---------------------------------------------------------------- entry point

    /**
     * The cleaned resource as HAPI would print it compact, or {@link JsonScan.Fallback} when HAPI
     * must clean it.
     *
     * @param where the resource's place for messages ({@code line 12})
     * @throws FormatException what the HAPI path throws for the same resource
     */
    String transform(String text, String where) throws JsonScan.Fallback, FormatException {
        return transform(text, where, where);
    }

    /**
     * As {@link #transform(String, String)}, for a resource whose messages name {@code where} but
     * whose cleaner's place is {@code place} (a Bundle entry: {@code entry 3}, in a file whose
     * cleaner's place is empty, as when HAPI cleans the whole Bundle).
     */
    String transform(String text, String where, String place) throws JsonScan.Fallback, FormatException {
        Set<String> types = new HashSet<>();
        Obj root = read(text, types);
        return transform(new Read(root, types), where, place);
    }

    /** A resource read into the tree, with the element types it holds; cleaned by {@link #transform(Read, String, String)}. */
    record Read(Obj root, Set<String> types) {
    }

    /**
     * As {@link #transform(String, String, String)}, for a resource read by {@link #readAt} on the parser of
     * the text around it (a Bundle entry's resource read in the pass that finds the entries, decision 0097):
     * the same tree, so the same cleaning and the same output.
     */
    String transform(Read read, String where, String place) throws JsonScan.Fallback, FormatException {
        effects.clear();
        Obj root = read.root();
        Set<String> types = read.types();
        String type = root.elem.fhirType;
        IdentityHashMap<Object, Integer> hits = pathHits(root, type, types);
        if (type.equals("Patient") && run.section.subjectIdPath() != null) {
            throw JsonScan.fallback(); // the subject-id FHIRPath: HAPI evaluates it
        }
        cleaner.place(place);
        cleanerPlace = place;
        try {
            String out = clean(root, type, where, hits);
            effects.forEach(Runnable::run);
            return out;
        } catch (FormatException e) {
            effects.forEach(Runnable::run); // what the HAPI path had counted when it failed at the same place
            throw e;
        } finally {
            effects.clear();
        }
    }

    /** The cleaner's place for the resource being cleaned (its FHIR-PATIENT-NOT-FOUND warning names it). */
    private String cleanerPlace = "";

    /** Where tally updates go from now on (a Bundle's entries are counted apart until the Bundle is done). */
    void tally(FileTally to) {
        this.tally = to;
    }

    /** Every value read, in the order of the text (null: not recorded). */
    private List<Object> readOrder;

    /**
     * The FHIRPath rule hits of a standalone resource for {@link JsonScan}: the position of each hit
     * value among the values in the order of the text (the order {@code JsonScan} meets them in),
     * to the lowest rule index that selects it; {@link JsonScan.Fallback} where this reader or its
     * FHIRPath evaluation does not answer exactly as HAPI's.
     */
    static Map<Integer, Integer> hitsInTextOrder(FhirRun run, String text) throws JsonScan.Fallback {
        JsonTransform t = new JsonTransform(run, null, null);
        t.readOrder = new ArrayList<>();
        Set<String> types = new HashSet<>();
        Obj root = t.read(text, types);
        IdentityHashMap<Object, Integer> hits = t.pathHits(root, root.elem.fhirType, types);
        Map<Integer, Integer> out = new java.util.HashMap<>();
        for (int i = 0; i < t.readOrder.size(); i++) {
            Integer h = hits.get(t.readOrder.get(i));
            if (h != null) {
                out.put(i, h);
            }
        }
        return out;
    }

    /** The resource read into the tree (not Bundles), or {@link JsonScan.Fallback}. */
    private Obj read(String text, Set<String> types) throws JsonScan.Fallback {
        Obj root;
        try (JsonParser p = READ.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw JsonScan.fallback();
            }
            root = resource(p, types);
            if (p.nextToken() != null) {
                throw JsonScan.fallback();
            }
        } catch (StreamConstraintsException e) {
            throw JsonScan.fallback();
        } catch (IOException e) {
            throw JsonScan.fallback(); // malformed JSON: HAPI says what is wrong with it
        }
        return root;
    }

    /** The resource whose {@code START_OBJECT} the parser is on, read into the tree (not Bundles), or a fallback. */
    private Obj resource(JsonParser p, Set<String> types) throws IOException, JsonScan.Fallback {
        if (p.nextToken() != JsonToken.FIELD_NAME || !"resourceType".equals(p.currentName())
                || p.nextToken() != JsonToken.VALUE_STRING) {
            throw JsonScan.fallback();
        }
        String type = p.getText();
        if (!Fhir.context().getResourceTypes().contains(type) || type.equals("Bundle")) {
            throw JsonScan.fallback(); // Bundles (entries, URLs): HAPI
        }
        return object(p, JsonScan.resourceElem(type), types, true);
    }

    /**
     * The resource whose {@code START_OBJECT} the parser of a larger text is on, read into the tree exactly
     * as {@link #read} reads its text alone (decision 0097); null where that reading falls back, the parser
     * then passed over the rest of the resource. Either way the parser ends on the resource's
     * {@code END_OBJECT}, as after {@code skipChildren}. The caller keeps the text under Jackson's longest
     * string ({@link #read} falls back on {@link StreamConstraintsException}; here it would be thrown).
     *
     * @throws IOException malformed JSON, as {@code skipChildren} would throw it
     */
    Read readAt(JsonParser p) throws IOException {
        com.fasterxml.jackson.core.JsonStreamContext around = p.getParsingContext().getParent();
        Set<String> types = new HashSet<>();
        try {
            return new Read(resource(p, types), types);
        } catch (JsonScan.Fallback e) {
            // the rest of the resource, wherever the reading stopped in it (the context around it is the
            // entry's own, which Jackson does not reuse while the entry is read)
            while (p.getParsingContext() != around) {
                if (p.nextToken() == null) {
                    throw new java.io.EOFException("unexpected end of the resource");
                }
            }
            return null;
        }
    }

    /** {@code ResourceCleaner.clean} on the tree; tally updates go to {@link #effects}. */
    private String clean(Obj root, String type, String where, IdentityHashMap<Object, Integer> hits)
            throws FormatException, JsonScan.Fallback {
        String label = where.isEmpty() ? type : where + " (" + type + ")";
        effects.add(() -> tally.records++);
        this.hits = hits;
        subjectNode = null;
        Subject subject;
        if (type.equals("Patient")) {
            subjectId = subjectId(root);
            subject = subjectId == null ? null : cleaner.subject(subjectId);
        } else {
            subject = subjectOf(root, type, cleanerPlace);
        }
        TreeSet<String> marks = new TreeSet<>();
        String id = root.text("id");
        if (id != null && !plainId(id)) {
            throw JsonScan.fallback(); // HAPI reads (or refuses) ids of another form
        }
        local = localIds(root, type, id);
        if (id != null) {
            String now;
            try {
                now = run.references.id(type, id);
            } catch (DeidException e) {
                throw new FormatException(e.code(), label + ", " + type + ".id", e.getMessage());
            }
            ((Prim) root.field("id").values.get(0)).out = now;
            effects.add(() -> tally.count(ResourceCleaner.IDS_RULE, "pseudonymize"));
            marks.add("PSEUDED");
        }
        children(root, type, Rules.NONE, subject, label, marks);
        dropEmptyNarrative(root);
        return print(type, root, marks);
    }

    // ---------------------------------------------------------------- reading

    private Obj object(JsonParser p, JsonScan.Elem elem, Set<String> types, boolean root)
            throws IOException, JsonScan.Fallback {
        Obj o = new Obj(elem);
        long seen = 0; // the positions (in HAPI's order) of the elements read, below 64
        Set<BaseRuntimeChildDefinition> seenMore = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            JsonScan.Child c = elem.child(name);
            if (t == JsonToken.VALUE_NULL || c == null) {
                throw JsonScan.fallback(); // null, "_x", unknown elements: HAPI
            }
            int order = order(elem, c);
            boolean repeated;
            if (order < 64) {
                repeated = (seen & 1L << order) != 0;
                seen |= 1L << order;
            } else {
                if (seenMore == null) {
                    seenMore = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                }
                repeated = !seenMore.add(c.def());
            }
            boolean div = c.kind() == JsonScan.Kind.XHTML && elem.fhirType.equals("Narrative");
            boolean contained = root && c.kind() == JsonScan.Kind.CONTAINED;
            if (repeated || c.kind() != JsonScan.Kind.PRIMITIVE && c.kind() != JsonScan.Kind.COMPOSITE
                    && c.kind() != JsonScan.Kind.EXTENSION && !div && !contained) {
                // repeated elements (one name twice, or two of a choice), contained resources in contained ones,
                // inner resources: HAPI
                throw JsonScan.fallback();
            }
            if (contained) {
                o.fields.add(new Field(name, c, order, containedResources(p, t, types)));
                continue;
            }
            if (div) {
                if (t != JsonToken.VALUE_STRING) {
                    throw JsonScan.fallback();
                }
                types.add(c.fhirType());
                Prim d = narrative(p.getText());
                if (readOrder != null) {
                    readOrder.add(d);
                }
                o.fields.add(new Field(name, c, order, new ArrayList<>(List.of(d))));
                continue;
            }
            List<Object> values = new ArrayList<>(c.repeats() ? 4 : 1);
            if (!c.repeats()) {
                if (t == JsonToken.START_ARRAY) {
                    throw JsonScan.fallback();
                }
                values.add(value(p, t, c, types));
            } else {
                if (t != JsonToken.START_ARRAY) {
                    throw JsonScan.fallback();
                }
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == JsonToken.VALUE_NULL) {
                        throw JsonScan.fallback();
                    }
                    values.add(value(p, t, c, types));
                }
                if (values.isEmpty()) {
                    throw JsonScan.fallback();
                }
            }
            o.fields.add(new Field(name, c, order, values));
        }
        if (o.fields.isEmpty()) {
            throw JsonScan.fallback(); // "{}": HAPI's handling of empty objects is its own
        }
        if (elem.fhirType.equals("Narrative") && o.field("div") == null) {
            throw JsonScan.fallback(); // a narrative without a div: HAPI's model holds an empty one
        }
        if (elem.fhirType.equals("Extension")) {
            boolean value = false;
            for (Field f : o.fields) {
                value |= f.child.name().equals("value");
            }
            if (o.text("url") == null || value == (o.field("extension") != null)) {
                throw JsonScan.fallback(); // without a URL, with both a value and extensions, or neither: HAPI
            }
        }
        return o;
    }

    /**
     * A resource's {@code contained} list: each resource with {@code resourceType} first, a plain id
     * and no {@code meta} (HAPI drops a contained resource's {@code versionId} and prints what is
     * left its own way), no contained resources of its own; anything else is HAPI's.
     */
    private List<Object> containedResources(JsonParser p, JsonToken t, Set<String> types)
            throws IOException, JsonScan.Fallback {
        if (t != JsonToken.START_ARRAY) {
            throw JsonScan.fallback();
        }
        List<Object> values = new ArrayList<>(2);
        Set<String> ids = new HashSet<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                    || !"resourceType".equals(p.currentName()) || p.nextToken() != JsonToken.VALUE_STRING) {
                throw JsonScan.fallback();
            }
            String type = p.getText();
            if (!Fhir.context().getResourceTypes().contains(type) || type.equals("Bundle")) {
                throw JsonScan.fallback();
            }
            types.add(type);
            int slot = -1;
            if (readOrder != null) {
                slot = readOrder.size();
                readOrder.add(null); // a contained resource is a value of its own for JsonScan, before what it holds
            }
            Obj r = object(p, JsonScan.resourceElem(type), types, false);
            r.contained = true;
            if (slot >= 0) {
                readOrder.set(slot, r);
            }
            String id = r.text("id");
            if (id == null || !plainId(id) || !ids.add(id) || r.field("meta") != null) {
                throw JsonScan.fallback(); // no id, "#id", one id twice, a meta: HAPI
            }
            values.add(r);
        }
        if (values.isEmpty()) {
            throw JsonScan.fallback();
        }
        return values;
    }

    private Object value(JsonParser p, JsonToken t, JsonScan.Child c, Set<String> types)
            throws IOException, JsonScan.Fallback {
        Facts facts = facts(c);
        if (facts.typesOf != types) {
            facts.typesOf = types; // this resource's set of types holds the child's type from now on
            types.add(c.fhirType());
        }
        int slot = -1;
        if (readOrder != null) {
            slot = readOrder.size();
            readOrder.add(null); // a composite comes before what it holds
        }
        Object v = valueOf(p, t, c, facts, types);
        if (slot >= 0) {
            readOrder.set(slot, v);
        }
        return v;
    }

    private Object valueOf(JsonParser p, JsonToken t, JsonScan.Child c, Facts facts, Set<String> types)
            throws IOException, JsonScan.Fallback {
        if (c.kind() == JsonScan.Kind.COMPOSITE || c.kind() == JsonScan.Kind.EXTENSION) {
            if (t != JsonToken.START_OBJECT) {
                throw JsonScan.fallback();
            }
            if (facts.elem == null) {
                facts.elem = c.elem();
            }
            Obj o = object(p, facts.elem, types, false);
            if (c.personReference()) {
                int fields = 0;
                for (Field f : o.fields) {
                    fields |= JsonScan.personField(f.jsonName());
                }
                if (fields == 1) {
                    types.add(Rules.DISPLAY_ONLY_PERSON); // Rules.displayOnlyPerson, on the tree
                }
            }
            return o;
        }
        String text = JsonScan.scalar(p, t, c);
        if (text.isBlank()) {
            throw JsonScan.fallback(); // blank values: HAPI
        }
        if (c.fhirType().equals("base64Binary")) {
            if (!canonicalBase64(text) && !text.equals(JsonScan.checked(c, text).getValueAsString())) {
                throw JsonScan.fallback(); // line breaks, padding HAPI writes otherwise: HAPI
            }
            Prim binary = new Prim(text, t, false);
            binary.fhirType = c.fhirType();
            return binary;
        }
        boolean number = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
        if (number) {
            String raw = p.getText();
            if (!raw.equals(text) || !plainNumber(raw, c.fhirType().equals("decimal"))) {
                throw JsonScan.fallback(); // exponents, long fractions: printed HAPI's way by HAPI
            }
        }
        int bits = typeBits(facts, c.fhirType());
        // a plain number of a decimal or an integer and a plain id are held as written too (DecimalType, IntegerType
        // and IdType keep the text they parsed; JsonTransformTest holds it), as are the types of AS_WRITTEN: none is
        // checked value by value
        if ((bits & (PLAIN_TYPE | AS_WRITTEN_TYPE)) == 0 && !(number && (bits & NUMBER_TYPE) != 0)
                && !((bits & ID_TYPE) != 0 && plainId(text))
                && !((bits & DATE_TYPE) != 0 && PlainDates.heldAsWritten(c.fhirType(), text))) {
            Set<String> known = facts.plainValues;
            // the child's last value first (a code or system repeats from one value to the next): it passed the
            // same check, a function of the child and the text alone, so the set need not be asked
            if (!text.equals(facts.lastPlainValue) && !known.contains(text)) {
                if (!text.equals(JsonScan.checked(c, text).getValueAsString())) {
                    throw JsonScan.fallback(); // HAPI would hold (and print) it in another form
                }
                if (known.size() >= MAX_REMEMBERED_VALUES) {
                    known.clear();
                }
                known.add(text);
            }
            facts.lastPlainValue = text;
        }
        Prim prim = new Prim(text, t, (bits & STRING_TYPE) != 0);
        prim.number = (bits & NUMBER_TYPE) != 0;
        prim.fhirType = c.fhirType();
        return prim;
    }

    private int order(JsonScan.Elem elem, JsonScan.Child c) throws JsonScan.Fallback {
        Facts f = facts(c);
        if (f.order < 0) {
            f.order = definitionOrder(elem, c);
        }
        return f.order;
    }

    private static int definitionOrder(JsonScan.Elem elem, JsonScan.Child c) throws JsonScan.Fallback {
        Integer i = ORDER.computeIfAbsent(elem.def, d -> {
            Map<BaseRuntimeChildDefinition, Integer> m = new IdentityHashMap<>();
            if (d instanceof BaseRuntimeElementCompositeDefinition<?> comp) {
                List<BaseRuntimeChildDefinition> kids = comp.getChildren();
                for (int k = 0; k < kids.size(); k++) {
                    m.put(kids.get(k), k);
                }
            }
            return m;
        }).get(c.def());
        if (i == null) {
            throw JsonScan.fallback();
        }
        return i;
    }

    // ---------------------------------------------------------------- FHIRPath rules on the tree

    /**
     * The elements each possible FHIRPath rule selects, lowest rule index per element, as
     * {@code Rules.evaluate} finds them with HAPI's engine. Only a small part of FHIRPath is
     * evaluated here — {@code descendants().ofType(T)} branches on the {@code T} elements, paths of
     * member names from the resource type, {@code where()}, {@code exists()}, {@code empty()},
     * {@code ofType(T)} of a data type, {@code =} on strings, {@code >}, {@code >=}, {@code <}, {@code <=} on
     * decimals and integers (decision 0146), {@code and}, {@code or} — and anything else falls back to HAPI.
     */
    private IdentityHashMap<Object, Integer> pathHits(Obj root, String type, Set<String> types)
            throws JsonScan.Fallback {
        IdentityHashMap<Object, Integer> out = new IdentityHashMap<>();
        Present present = new Present(root, run.rules);
        pathHits(root, type, types, out, present);
        Field contained = root.field("contained");
        if (contained != null) {
            // Rules.evaluate on each contained resource as a root of its own too (ResourceCleaner.evaluateRules);
            // the guards see the container's types, a superset of the contained resource's: only slower
            for (Object c : contained.values) {
                pathHits((Obj) c, ((Obj) c).elem.fhirType, types, out, present);
            }
        }
        return out;
    }

    /**
     * The values of a resource (contained resources included) that some FHIRPath branch needs ({@link ValueNeeds},
     * decision 0240), noted on the first branch that asks: an Observation without an age or birth-date code is not
     * walked by the age and birth-date rules' branches.
     */
    private static final class Present {
        private final Obj root;
        private final Rules rules;
        /** The needed values it holds, each once (a few at most: a code system, a code, a unit). */
        private List<String> values;

        Present(Obj root, Rules rules) {
            this.root = root;
            this.rules = rules;
        }

        boolean meets(List<Set<String>> needs) {
            if (needs.isEmpty()) {
                return true;
            }
            if (values == null) {
                values = new ArrayList<>(4);
                Set<String> wanted = rules.neededValues();
                note(root, wanted, rules.neededLengths(), values);
            }
            return ValueNeeds.met(needs, values);
        }

        private static void note(Obj node, Set<String> wanted, long lengths, List<String> into) {
            for (Field f : node.fields) {
                for (Object v : f.values) {
                    if (v instanceof Obj o) {
                        note(o, wanted, lengths, into);
                    } else if (v instanceof Prim p && p.text != null
                            && (lengths & 1L << Math.min(p.text.length(), 63)) != 0 && wanted.contains(p.text)
                            && !into.contains(p.text)) {
                        into.add(p.text);
                    }
                }
            }
        }
    }

    private void pathHits(Obj root, String type, Set<String> types, IdentityHashMap<Object, Integer> out,
            Present present) throws JsonScan.Fallback {
        Rules rules = run.rules;
        Map<String, List<Object>> byType = null;
        for (int k = 0; k < rules.pathRuleCount(); k++) {
            if (!rules.possible(k, type, types)) {
                continue;
            }
            int index = rules.pathRuleIndex(k);
            for (Rules.Branch b : rules.union(k)) {
                if (b.idle(types)) {
                    continue; // no display-only subject or patient here
                }
                if (!present.meets(b.needs())) {
                    continue; // no value it compares with is here: it selects nothing (decision 0240)
                }
                List<Object> found;
                if (b.type() == null) {
                    found = path(root, type, b.node());
                } else {
                    if (byType == null) {
                        byType = new java.util.HashMap<>();
                        collect(root, byType);
                    }
                    found = new ArrayList<>();
                    for (Object candidate : byType.getOrDefault(b.type(), List.of())) {
                        if (b.node() == null) {
                            found.add(candidate);
                        } else {
                            found.addAll(eval(List.of(candidate), b.node()));
                        }
                    }
                }
                for (Object f : found) {
                    if (!(f instanceof Prim || f instanceof Obj)) {
                        throw JsonScan.fallback(); // a rule selecting a computed value: HAPI's business
                    }
                    out.merge(f, index, Math::min);
                }
            }
        }
    }

    /** The composites below {@code node} by type, in document order. */
    private static void collect(Obj node, Map<String, List<Object>> byType) {
        for (Field f : node.fields) {
            for (Object v : f.values) {
                if (v instanceof Obj o) {
                    byType.computeIfAbsent(o.elem.fhirType, t -> new ArrayList<>()).add(o);
                    collect(o, byType);
                }
            }
        }
    }

    /** A branch evaluated from the resource: a path starting with a resource type name. */
    private List<Object> path(Obj root, String type, org.hl7.fhir.r4.fhirpath.ExpressionNode node)
            throws JsonScan.Fallback {
        if (node.getKind() != org.hl7.fhir.r4.fhirpath.ExpressionNode.Kind.Name || node.getOperation() != null
                || !Fhir.context().getResourceTypes().contains(node.getName())) {
            throw JsonScan.fallback();
        }
        if (!node.getName().equals(type)) {
            return List.of(); // Coverage.identifier on a Patient: nothing
        }
        return node.getInner() == null ? List.of(root) : eval(List.of(root), node.getInner());
    }

    /** One expression node (with what follows it and its operators) on {@code focus}. */
    private List<Object> eval(List<Object> focus, org.hl7.fhir.r4.fhirpath.ExpressionNode node)
            throws JsonScan.Fallback {
        List<Object> work = switch (node.getKind()) {
            case Name -> {
                if (Character.isUpperCase(node.getName().charAt(0)) || node.getName().startsWith("$")) {
                    throw JsonScan.fallback(); // a type name or a variable: HAPI
                }
                List<Object> next = new ArrayList<>();
                for (Object item : focus) {
                    if (item instanceof Obj o) {
                        for (Field f : o.fields) {
                            if (f.child.name().equals(node.getName())) {
                                next.addAll(f.values);
                            }
                        }
                    } else if (item instanceof Prim && !PRIMITIVE_CHILDREN.contains(node.getName())) {
                        continue; // a primitive holds no element of another name ("linkId" after descendants())
                    } else {
                        throw JsonScan.fallback(); // inside a primitive: its id and extensions
                    }
                }
                yield next;
            }
            case Constant -> {
                if (node.getConstant() instanceof org.hl7.fhir.r4.model.StringType str) {
                    yield List.of(str.getValue());
                }
                if (node.getConstant() instanceof org.hl7.fhir.r4.model.IntegerType
                        || node.getConstant() instanceof org.hl7.fhir.r4.model.DecimalType) {
                    yield List.of(new java.math.BigDecimal(node.getConstant().primitiveValue()));
                }
                throw JsonScan.fallback();
            }
            case Group -> eval(focus, node.getGroup());
            case Function -> function(focus, node);
            default -> throw JsonScan.fallback();
        };
        if (node.getInner() != null) {
            if (work.isEmpty() && !(node.isProximal() && node.getOperation() != null) && staysEmpty(node.getInner())) {
                return work; // Observation.where(<not an age>).value.ofType(Quantity).where(…).value: nothing (decision 0146)
            }
            work = eval(work, node.getInner());
        }
        if (node.isProximal() && node.getOperation() != null) {
            org.hl7.fhir.r4.fhirpath.ExpressionNode last = node;
            org.hl7.fhir.r4.fhirpath.ExpressionNode next = node.getOpNext();
            while (next != null) {
                List<Object> right = eval(focus, next);
                work = operate(work, last.getOperation(), right);
                last = next;
                next = next.getOpNext();
            }
        }
        return work;
    }

    private List<Object> function(List<Object> focus, org.hl7.fhir.r4.fhirpath.ExpressionNode node)
            throws JsonScan.Fallback {
        switch (node.getFunction()) {
            case Where -> {
                if (node.getParameters().size() != 1) {
                    throw JsonScan.fallback();
                }
                if (focus.isEmpty()) {
                    return focus;
                }
                List<Object> out = new ArrayList<>();
                for (Object item : focus) {
                    List<Object> r = eval(List.of(item), node.getParameters().get(0));
                    if (r.size() > 1 || r.size() == 1 && !(r.get(0) instanceof Boolean)) {
                        throw JsonScan.fallback();
                    }
                    if (r.size() == 1 && (Boolean) r.get(0)) {
                        out.add(item);
                    }
                }
                return out;
            }
            case Exists -> {
                if (!node.getParameters().isEmpty()) {
                    throw JsonScan.fallback();
                }
                return List.of(!focus.isEmpty());
            }
            case Empty -> {
                if (!node.getParameters().isEmpty()) {
                    throw JsonScan.fallback();
                }
                return List.of(focus.isEmpty());
            }
            case OfType -> {
                return ofType(focus, node);
            }
            case Descendants -> {
                if (!node.getParameters().isEmpty()) {
                    throw JsonScan.fallback();
                }
                List<Object> out = new ArrayList<>();
                for (Object item : focus) {
                    if (!(item instanceof Obj o)) {
                        throw JsonScan.fallback();
                    }
                    descendants(o, out);
                }
                return out;
            }
            case Lower -> {
                if (!node.getParameters().isEmpty() || focus.size() > 1) {
                    throw JsonScan.fallback();
                }
                if (focus.isEmpty()) {
                    return focus;
                }
                if (focus.get(0) instanceof Prim prim) {
                    string(prim); // a string, else HAPI's
                    if (prim.lower == null) {
                        prim.lower = List.of(prim.text.toLowerCase(java.util.Locale.ROOT)); // once per value
                    }
                    return prim.lower;
                }
                return List.of(string(focus.get(0)).toLowerCase(java.util.Locale.ROOT));
            }
            case Contains -> {
                if (node.getParameters().size() != 1 || focus.size() > 1) {
                    throw JsonScan.fallback();
                }
                if (focus.isEmpty()) {
                    return focus;
                }
                List<Object> part = eval(focus, node.getParameters().get(0));
                if (part.size() != 1) {
                    throw JsonScan.fallback();
                }
                return List.of(string(focus.get(0)).contains(string(part.get(0))));
            }
            default -> throw JsonScan.fallback();
        }
    }

    /** The names FHIRPath finds inside a primitive (its id, extensions and value): HAPI's business. */
    private static final Set<String> PRIMITIVE_CHILDREN = Set.of("id", "extension", "value");

    /**
     * {@code descendants()} of an element, in document order: every value of every field, composites before what they
     * hold, primitives included. The token tree holds no primitive's id or extensions (a resource with them is HAPI's).
     */
    private static void descendants(Obj o, List<Object> out) {
        for (Field f : o.fields) {
            for (Object v : f.values) {
                out.add(v);
                if (v instanceof Obj child) {
                    descendants(child, out);
                }
            }
        }
    }

    /** Abstract types, which {@code ofType} would answer for with their specializations: HAPI's business. */
    private static final Set<String> ABSTRACT_TYPES = Set.of("Base", "Element", "BackboneElement", "Type",
            "BackboneType", "DataType", "PrimitiveType", "Resource", "DomainResource", "MetadataResource");
    /** The specializations of {@code Quantity}, which {@code ofType(Quantity)} may answer for: HAPI's business. */
    private static final Set<String> QUANTITY_KINDS = Set.of("Age", "Count", "Distance", "Duration", "MoneyQuantity",
            "SimpleQuantity");

    /**
     * {@code ofType(T)} of a data or resource type written as a plain name: the composites of type {@code T}. A
     * primitive is never of such a type; a specialization of {@code Quantity} under {@code ofType(Quantity)}, an
     * abstract type, a primitive type or a qualified name falls back (decision 0146).
     */
    private static List<Object> ofType(List<Object> focus, org.hl7.fhir.r4.fhirpath.ExpressionNode node)
            throws JsonScan.Fallback {
        String type = ofTypeName(node);
        if (type == null) {
            throw JsonScan.fallback();
        }
        List<Object> out = new ArrayList<>();
        if (PRIMITIVE_TYPES.contains(type)) {
            for (Object item : focus) {
                if (item instanceof Prim prim && prim.fhirType != null) {
                    if (prim.fhirType.equals(type)) {
                        out.add(prim);
                    }
                } else if (!(item instanceof Obj)) {
                    throw JsonScan.fallback(); // a computed value, a primitive of no noted type
                }
            }
            return out;
        }
        for (Object item : focus) {
            if (item instanceof Obj o) {
                if (o.elem.fhirType.equals(type)) {
                    out.add(o);
                } else if (type.equals("Quantity") && QUANTITY_KINDS.contains(o.elem.fhirType)) {
                    throw JsonScan.fallback();
                }
            } else if (!(item instanceof Prim)) {
                throw JsonScan.fallback(); // a computed value
            }
        }
        return out;
    }

    /**
     * FHIR's primitive types, which {@code ofType()} reads from the tree's primitives by their type as HAPI's engine does:
     * the type itself, not its specializations ({@code ofType(string)} is no {@code code}).
     */
    private static final Set<String> PRIMITIVE_TYPES = Set.of("boolean", "integer", "string", "decimal", "uri", "url",
            "canonical", "base64Binary", "instant", "date", "dateTime", "time", "code", "oid", "id", "markdown",
            "unsignedInt", "positiveInt", "uuid");

    /** The type {@code ofType(T)} names, when {@link #ofType} reads it; else null. */
    private static String ofTypeName(org.hl7.fhir.r4.fhirpath.ExpressionNode node) {
        if (node.getParameters().size() != 1) {
            return null;
        }
        org.hl7.fhir.r4.fhirpath.ExpressionNode param = node.getParameters().get(0);
        String type = param.getName();
        if (param.getKind() != org.hl7.fhir.r4.fhirpath.ExpressionNode.Kind.Name || param.getInner() != null
                || param.getOperation() != null || type == null || type.isEmpty()
                || !Character.isUpperCase(type.charAt(0)) && !PRIMITIVE_TYPES.contains(type)
                || ABSTRACT_TYPES.contains(type)) {
            return null;
        }
        return type;
    }

    /**
     * Whether {@link #eval} gives nothing, without falling back, for {@code n} and what follows it on an empty
     * collection: member names, {@code where()} and {@code ofType(T)}, without operators. Evaluating such a chain on
     * nothing only makes empty lists; most Observations are no age observation, and each of the six branches of the
     * age observation rules would walk its chain after {@code where()} found no age code (decision 0146).
     */
    private static boolean staysEmpty(org.hl7.fhir.r4.fhirpath.ExpressionNode n) {
        for (org.hl7.fhir.r4.fhirpath.ExpressionNode m = n; m != null; m = m.getInner()) {
            if (m.getOperation() != null) {
                return false;
            }
            boolean empty = switch (m.getKind()) {
                case Name -> m.getName() != null && !m.getName().isEmpty() && !Character.isUpperCase(m.getName().charAt(0))
                        && !m.getName().startsWith("$");
                case Function -> m.getFunction() == org.hl7.fhir.r4.fhirpath.ExpressionNode.Function.Where
                        && m.getParameters().size() == 1
                        || m.getFunction() == org.hl7.fhir.r4.fhirpath.ExpressionNode.Function.OfType && ofTypeName(m) != null;
                default -> false;
            };
            if (!empty) {
                return false;
            }
        }
        return true;
    }

    /** {@code =} on strings and {@code and}/{@code or} on booleans, with FHIRPath's empty results. */
    private static List<Object> operate(List<Object> left, org.hl7.fhir.r4.fhirpath.ExpressionNode.Operation op,
            List<Object> right) throws JsonScan.Fallback {
        switch (op) {
            case Equals -> {
                if (left.isEmpty() || right.isEmpty()) {
                    return List.of();
                }
                if (left.size() != right.size()) {
                    return List.of(false);
                }
                for (int i = 0; i < left.size(); i++) {
                    if (!string(left.get(i)).equals(string(right.get(i)))) {
                        return List.of(false);
                    }
                }
                return List.of(true);
            }
            case Or, And -> {
                Boolean l = bool(left);
                Boolean r = bool(right);
                if (op == org.hl7.fhir.r4.fhirpath.ExpressionNode.Operation.Or) {
                    if (Boolean.TRUE.equals(l) || Boolean.TRUE.equals(r)) {
                        return List.of(true);
                    }
                    return l == null || r == null ? List.of() : List.of(false);
                }
                if (Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r)) {
                    return List.of(false);
                }
                return l == null || r == null ? List.of() : List.of(true);
            }
            case Greater, GreaterOrEqual, LessThan, LessOrEqual -> {
                if (left.isEmpty() || right.isEmpty()) {
                    return List.of();
                }
                java.math.BigDecimal l = number(left);
                java.math.BigDecimal r = number(right);
                int c = l.compareTo(r);
                if (Integer.signum(c) != Integer.signum(Double.compare(l.doubleValue(), r.doubleValue()))) {
                    throw JsonScan.fallback(); // beyond a double's precision: compared HAPI's way by HAPI
                }
                return List.of(switch (op) {
                    case Greater -> c > 0;
                    case GreaterOrEqual -> c >= 0;
                    case LessThan -> c < 0;
                    default -> c <= 0;
                });
            }
            default -> throw JsonScan.fallback();
        }
    }

    /**
     * A number operand: a constant, or one decimal or integer value (a JSON number); anything else (several
     * values, strings, dates, quantities) is compared HAPI's way by HAPI.
     */
    private static java.math.BigDecimal number(List<Object> v) throws JsonScan.Fallback {
        if (v.size() == 1) {
            Object o = v.get(0);
            if (o instanceof java.math.BigDecimal d) {
                return d;
            }
            if (o instanceof Prim p && p.number
                    && (p.token == JsonToken.VALUE_NUMBER_INT || p.token == JsonToken.VALUE_NUMBER_FLOAT)) {
                return new java.math.BigDecimal(p.text);
            }
        }
        throw JsonScan.fallback();
    }

    /** A string operand: a constant, or a string-like primitive (codes, uris, strings). */
    private static String string(Object o) throws JsonScan.Fallback {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof Prim p && p.token == JsonToken.VALUE_STRING && p.stringLike) {
            return p.text;
        }
        throw JsonScan.fallback(); // dates, numbers, composites compare HAPI's way
    }

    /** A boolean operand: empty is {@code null}; anything but one boolean falls back. */
    private static Boolean bool(List<Object> v) throws JsonScan.Fallback {
        if (v.isEmpty()) {
            return null;
        }
        if (v.size() == 1 && v.get(0) instanceof Boolean b) {
            return b;
        }
        throw JsonScan.fallback();
    }

    // ---------------------------------------------------------------- the patient

    /** The FHIRPath hits of the resource being cleaned: node (identity) to the lowest rule index. */
    private IdentityHashMap<Object, Integer> hits;
    /** A Patient's subject id, and the value holding it (null when it is the resource's own id). */
    private String subjectId;
    private Prim subjectNode;

    /** {@code ResourceCleaner.subjectId} without a {@code subject-id} FHIRPath. */
    private String subjectId(Obj patient) {
        Field ids = patient.field("identifier");
        Obj chosen = null;
        if (ids != null) {
            for (Object v : ids.values) {
                Obj i = (Obj) v;
                if (i.text("value") != null && mr(i)) {
                    chosen = i;
                    break;
                }
            }
            if (chosen == null) {
                for (Object v : ids.values) {
                    if (((Obj) v).text("value") != null) {
                        chosen = (Obj) v;
                        break;
                    }
                }
            }
        }
        if (chosen != null) {
            subjectNode = (Prim) chosen.field("value").values.get(0);
            return subjectNode.text;
        }
        String id = patient.text("id");
        return id == null ? null : "Patient/" + id;
    }

    /** Whether an Identifier is typed MR (any coding of its type). */
    private static boolean mr(Obj identifier) {
        Field type = identifier.field("type");
        Field coding = type == null ? null : ((Obj) type.values.get(0)).field("coding");
        if (coding != null) {
            for (Object c : coding.values) {
                if ("MR".equals(((Obj) c).text("code"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The fullUrl of the Bundle entry whose resource is cleaned next, or null ({@link JsonBundleTransform}). */
    private String entryFullUrl;

    /** The fullUrl of the Bundle entry whose resource {@link #transform} cleans next; null outside a Bundle. */
    void entryFullUrl(String fullUrl) {
        entryFullUrl = fullUrl;
    }

    /** {@code ResourceCleaner.subjectOf} on the tree (a reference to a contained Patient: HAPI). */
    private Subject subjectOf(Obj root, String type, String where) throws FormatException, JsonScan.Fallback {
        boolean pointsAtPatient = false;
        for (String path : run.compartmentPaths(type)) {
            List<Obj> current = List.of(root);
            String[] steps = STEPS.computeIfAbsent(path, x -> x.substring(x.indexOf('.') + 1).split("\\."));
            for (String step : steps) {
                List<Obj> next = new ArrayList<>();
                for (Obj o : current) {
                    JsonScan.Child c = o.elem.child(step);
                    if (c == null || c.choiceName() != null) {
                        throw JsonScan.fallback(); // HAPI's terser reads such paths
                    }
                    Field f = o.field(step);
                    if (f != null) {
                        for (Object v : f.values) {
                            if (!(v instanceof Obj child)) {
                                current = null;
                                break;
                            }
                            next.add(child);
                        }
                    }
                    if (current == null) {
                        break;
                    }
                }
                if (current == null) {
                    next = List.of();
                }
                current = next;
            }
            for (Obj ref : current) {
                if (!ref.elem.fhirType.equals("Reference")) {
                    continue;
                }
                String reference = ref.text("reference");
                if (reference != null && reference.startsWith("#")) {
                    Field contained = root.field("contained");
                    if (contained != null) {
                        for (Object c : contained.values) {
                            if (((Obj) c).elem.fhirType.equals("Patient")) {
                                throw JsonScan.fallback(); // a contained Patient as the subject: HAPI
                            }
                        }
                    }
                    continue; // points at no Patient
                }
                String key = key(reference);
                if (key != null) {
                    String subjectId = run.patients.subjectId(key).orElse(null);
                    if (subjectId != null) {
                        return cleaner.subject(subjectId);
                    }
                    pointsAtPatient |= "Patient".equals(run.references.type(reference));
                }
                if (reference == null && "Patient".equals(ref.text("type"))) {
                    Field identifier = ref.field("identifier");
                    String value = identifier == null ? null : ((Obj) identifier.values.get(0)).text("value");
                    if (value != null) {
                        return cleaner.subject(value);
                    }
                }
            }
        }
        List<String> targets = new ArrayList<>(2);
        if (FhirRun.followsTargets(type)) {
            Field f = root.field(type.equals("Provenance") ? "target" : "entity");
            for (Object v : f == null ? List.of() : f.values) {
                Field what = type.equals("AuditEvent") && v instanceof Obj entity ? entity.field("what") : null;
                Object ref = type.equals("Provenance") ? v : what == null ? null : what.values.get(0);
                if (ref instanceof Obj r && r.text("reference") != null) {
                    targets.add(r.text("reference"));
                }
            }
        }
        String owner = run.ownerOf(type, root.text("id"), entryFullUrl, targets);
        if (owner != null) {
            return cleaner.subject(owner); // what names it, or its targets (decisions 0214, 0215)
        }
        if (pointsAtPatient) {
            effects.add(() -> tally.warn("FHIR-PATIENT-NOT-FOUND", where.isEmpty() ? type : where + " (" + type + ")",
                    "the resource refers to a Patient that is not in the input (or is ambiguous); its dates are"
                            + " shifted by the offset for records without a patient"));
        }
        return null;
    }

    // ---------------------------------------------------------------- the walk

    private static final Comparator<Field> BY_ORDER = Comparator.comparingInt(Field::order);

    /** {@code ResourceCleaner.children}: the members in HAPI's order, then a Reference's reference. */
    private void children(Obj node, String path, int eff, Subject subject, String label, Set<String> marks)
            throws FormatException, JsonScan.Fallback {
        node.fields.sort(BY_ORDER);
        String parentType = node.elem.fhirType;
        boolean reference = parentType.equals("Reference");
        boolean meta = parentType.equals("Meta");
        boolean extension = parentType.equals("Extension");
        Prim attachmentUrl = null;
        if (parentType.equals("Attachment") && node.field("url") != null
                && node.field("url").values.get(0) instanceof Prim u && run.references.resolvableUrl(u.text)) {
            attachmentUrl = u; // Binary/123: rewritten below as a reference (decision 0122)
        }
        for (Field f : node.fields) {
            String name = f.child.name();
            if (name.equals("id") || reference && name.equals("reference") || meta && name.equals("versionId")
                    || extension && name.equals("url") || attachmentUrl != null && name.equals("url")) {
                continue; // structural: the resource id was done; element ids, versions and extension URLs are kept; references below
            }
            if (f.child.kind() == JsonScan.Kind.EXTENSION) {
                extensions(f, extension, path, eff, subject, label, marks);
                continue;
            }
            if (f.child.kind() == JsonScan.Kind.CONTAINED) {
                for (int i = 0; i < f.values.size(); i++) {
                    containedResource((Obj) f.values.get(i), path + "." + name + "[" + i + "]", eff, subject, label, marks);
                }
                continue;
            }
            int n = f.values.size();
            // the field's path and own rule, once for all its values (a rule depends on the child and the parent type)
            String at = path + "." + name;
            boolean indexed = n > 1 || f.child.repeats();
            int own = Math.min(eff, match(f.child, parentType));
            for (int i = 0; i < n; i++) {
                Object v = f.values.get(i);
                String p = indexed ? at + "[" + i + "]" : at;
                int rule = own;
                Integer hit = hits.isEmpty() ? null : hits.get(v);
                if (hit != null && hit < rule) {
                    rule = hit;
                }
                if (reference && name.equals("display")) {
                    rule = Math.min(rule, run.rules.referenceDisplay(p)); // a performer's, an agent's display (0122)
                }
                if (v instanceof Obj o) {
                    children(o, p, rule, subject, label, marks);
                } else {
                    leaf(node, f.child, (Prim) v, name, p, rule, subject, label, marks);
                }
            }
        }
        if (reference) {
            Field f = node.field("reference");
            if (f != null) {
                Prim ref = (Prim) f.values.get(0);
                Action inherited = eff == Rules.NONE ? null : run.rules.rule(eff).action();
                if (inherited == Action.REMOVE || inherited == Action.EMPTY) {
                    if (ref.text.startsWith("#") && !local.isEmpty()) {
                        throw JsonScan.fallback(); // HAPI holds the contained target beside the string
                    }
                    ref.out = null;
                    marks.add("REDACTED");
                } else {
                    ref.out = rewrite(ref.text, path + ".reference", label);
                    marks.add("PSEUDED");
                }
                effects.add(() -> tally.count(ResourceCleaner.IDS_RULE, "pseudonymize"));
            }
        }
        if (attachmentUrl != null) {
            // ResourceCleaner.attachmentUrl: the url as a reference, removed with its attachment
            Action inherited = eff == Rules.NONE ? null : run.rules.rule(eff).action();
            if (inherited == Action.REMOVE || inherited == Action.EMPTY) {
                attachmentUrl.out = null;
                marks.add("REDACTED");
            } else {
                attachmentUrl.out = rewrite(run.references.attachmentReference(attachmentUrl.text), path + ".url", label);
                marks.add("PSEUDED");
            }
            effects.add(() -> tally.count(ResourceCleaner.IDS_RULE, "pseudonymize"));
        }
    }

    /**
     * {@code ResourceCleaner.contained}: the local id replaced by its keyed one, the members cleaned
     * with the enclosing element's rule (the container's), a narrative without its div left out.
     */
    private void containedResource(Obj r, String path, int eff, Subject subject, String label, Set<String> marks)
            throws FormatException, JsonScan.Fallback {
        Prim id = (Prim) r.field("id").values.get(0);
        id.out = local.get(id.text);
        effects.add(() -> tally.count(ResourceCleaner.IDS_RULE, "pseudonymize"));
        marks.add("PSEUDED");
        children(r, path, eff, subject, label, marks);
        dropEmptyNarrative(r);
    }

    /** ResourceCleaner: a narrative without its div goes whole. */
    private static void dropEmptyNarrative(Obj r) {
        Field text = r.field("text");
        if (text != null) {
            Field div = ((Obj) text.values.get(0)).field("div");
            if (div == null || ((Prim) div.values.get(0)).out == null) {
                r.fields.remove(text);
            }
        }
    }

    /**
     * {@code ResourceCleaner.extensions}: an extension the policy does not keep is removed whole
     * (REDACTED); a kept one is cleaned with the enclosing element's rule and removed when it has
     * neither a value nor extensions left.
     */
    private void extensions(Field f, boolean inExtension, String path, int eff, Subject subject, String label,
            Set<String> marks)
            throws FormatException, JsonScan.Fallback {
        String name = f.child.name();
        for (int i = 0; i < f.values.size(); i++) {
            Obj ext = (Obj) f.values.get(i);
            if (!run.section.extensions().keeps(ext.text("url"), inExtension)) {
                ext.dropped = true;
                effects.add(() -> tally.count(EXTENSIONS_RULE, "remove"));
                marks.add("REDACTED");
                continue;
            }
            children(ext, path + "." + name + "[" + i + "]", eff, subject, label, marks);
            boolean value = false;
            Field nested = null;
            for (Field x : ext.fields) {
                if (x.child.name().equals("value")) {
                    value = present(x.values.get(0));
                } else if (x.child.kind() == JsonScan.Kind.EXTENSION) {
                    nested = x;
                }
            }
            if (!value && (nested == null || nested.values.stream().noneMatch(JsonTransform::present))) {
                ext.dropped = true; // its value was removed by a rule: an extension needs a value or extensions
            }
        }
    }

    private static final String EXTENSIONS_RULE = "extensions";

    /**
     * The file's literal and {@code urn:uuid:} references ({@code Patient/123}, {@code https://x/Patient/123},
     * {@code urn:uuid:…}) as rewritten: a function of the reference and the key alone, and an NDJSON file
     * names one patient or encounter in many lines, a Bundle each entry by its {@code fullUrl} and in the
     * references to it. Not kept: local ({@code #}), conditional and {@code urn:oid:} references, failures.
     * A hit leaves out the ledger's second record of the same id, which adds nothing (decision 0064).
     */
    private final BoundedMemory<String, String> literalReferences = new BoundedMemory<>(MAX_LITERAL_REFERENCES);
    private static final int MAX_LITERAL_REFERENCES = 1 << 12;

    /** The file's references by their key in the patient index ({@link References#key}, a function of the reference). */
    private final BoundedMemory<String, String> keys = new BoundedMemory<>(MAX_LITERAL_REFERENCES);
    private static final String NO_KEY = new String("no key");

    private String key(String reference) {
        if (reference == null) {
            return null;
        }
        String key = keys.get(reference);
        if (key == null) {
            key = run.references.key(reference);
            keys.put(reference, key == null ? NO_KEY : key);
            return key;
        }
        return key == NO_KEY ? null : key;
    }

    private String rewrite(String reference, String path, String label) throws FormatException {
        String known = rememberedRewrite(reference);
        if (known != null) {
            return known;
        }
        return remember(reference, rewriteNow(reference, path, label));
    }

    /** The file's memory of {@code reference} rewritten, or null. */
    private String rememberedRewrite(String reference) {
        return remembered(reference) ? literalReferences.get(reference) : null;
    }

    /** Keeps {@code rewritten} in the file's memory when {@code reference} is of a kind that is remembered. */
    private String remember(String reference, String rewritten) {
        if (rewritten != null && remembered(reference)) {
            literalReferences.put(reference, rewritten);
        }
        return rewritten;
    }

    /**
     * Whether a reference's rewriting is remembered for the file: all but local ({@code #}), conditional
     * ({@code ?}) and {@code urn:oid:} ones, whose rewriting {@link References#rewrite} does not take from
     * the reference and the key alone or which are rare. A Bundle names each of its {@code urn:uuid:}
     * entries by its {@code fullUrl} and again in the references to it (decision 0075).
     */
    private static boolean remembered(String reference) {
        return !reference.startsWith("#") && !reference.startsWith("urn:oid:") && reference.indexOf('?') < 0;
    }

    /**
     * A Bundle entry's {@code fullUrl} or {@code request.url} as {@link References#rewrite} rewrites it with
     * no contained resources and no conditional rewriting, sharing the file's memory of rewritten references
     * (a URL this does not remember is rewritten each time).
     *
     * @throws References.InvalidReference as {@link References#rewrite}, and for a conditional URL
     */
    String bundleUrl(String url) throws References.InvalidReference, DeidException {
        String known = rememberedRewrite(url);
        if (known != null) {
            return known;
        }
        return remember(url, run.references.rewrite(url, java.util.Map.of(), (type, query) -> {
            throw new References.InvalidReference("conditional: HAPI");
        }));
    }

    private String rewriteNow(String reference, String path, String label) throws FormatException {
        try {
            // a conditional reference's query: ResourceCleaner's own rewriting (a probe resource cleaned by HAPI)
            return run.references.rewrite(reference, local, cleaner::conditionalQuery);
        } catch (References.InvalidReference e) {
            throw new FormatException("FHIR-INVALID-REFERENCE", label + ", " + path, e.getMessage());
        } catch (DeidException e) {
            throw new FormatException(e.code(), label + ", " + path, e.getMessage());
        }
    }

    /**
     * Whether {@code text} is base64 as HAPI prints it (RFC 4648 alphabet, padded, no line breaks, unused
     * bits zero): then HAPI's codec reads and prints it unchanged, which the JDK's strict codec checks
     * without HAPI's buffers (decision 0060). False says nothing: HAPI's check decides.
     */
    static boolean canonicalBase64(String text) {
        try {
            return java.util.Base64.getEncoder().encodeToString(java.util.Base64.getDecoder().decode(text)).equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code ResourceCleaner.leaf} and {@code apply} for a value that is neither XHTML nor base64. */
    private void leaf(Obj parent, JsonScan.Child c, Prim v, String name, String path, int ruleIndex, Subject subject, String label,
            Set<String> marks) throws FormatException, JsonScan.Fallback {
        if (v == subjectNode) {
            // ResourceCleaner.subjectLeaf: the patient's subject id becomes the patient pseudonym.
            Subject s = cleaner.subject(subjectId);
            effects.add(() -> tally.count(ResourceCleaner.SUBJECT_RULE, "pseudonymize"));
            v.out = s == null ? null : s.pseudonym();
            marks.add("PSEUDED");
            return;
        }
        FhirRule rule = ruleIndex == Rules.NONE ? null : run.rules.rule(ruleIndex);
        ActionSpec spec = run.effective(rule == null ? run.section.defaultSpec() : rule.spec());
        String ruleId = rule == null ? "default" : rule.id();
        String action = spec.action().yamlName();
        if (rule == null) {
            String typePath = ResourceCleaner.typePath(path);
            effects.add(() -> tally.unmatched(typePath));
        }
        effects.add(() -> tally.count(ruleId, action));
        String before = v.xhtml != null ? v.xhtml : v.now != null ? v.now : v.text;
        String after = apply(parent, c, v, spec, before, path, subject, label);
        if (v.gone) {
            v.out = null; // HAPI's walk cleans the hash it had already listed, but the attachment no longer holds it
        }
        if (after == null || !after.equals(before)) {
            marks.add(ResourceCleaner.mark(spec.action()));
        }
    }

    private String apply(Obj parent, JsonScan.Child c, Prim v, ActionSpec spec, String before, String path, Subject subject,
            String label) throws FormatException, JsonScan.Fallback {
        Action action = spec.action();
        if (action == Action.KEEP) {
            return c.fhirType().equals("base64Binary") ? keptBinary(parent, v, before, path, label) : before;
        }
        if (action == Action.REMOVE || action == Action.EMPTY) {
            v.out = null;
            return null;
        }
        if (v.xhtml != null) {
            // ResourceCleaner.apply on an XhtmlType: scrubbed in HAPI's XHTML model, anything else removes it
            if (action != Action.SCRUB_TEXT) {
                v.out = null;
                return null;
            }
            try {
                TextContent.scrubXhtml(model(v).getDiv(), text -> run.method(new ActionSpec.ScrubText())
                        .apply(text, new FieldContext(subject, path)));
            } catch (DeidException e) {
                throw new FormatException(e.code(), label + ", " + path, e.getMessage());
            }
            if (!v.narrative.hasDiv()) {
                throw JsonScan.fallback(); // emptied by the scrubbing: HAPI's business
            }
            v.out = v.narrative.getDiv().getValueAsString();
            return new XhtmlType(v.narrative).primitiveValue();
        }
        if (c.fhirType().equals("base64Binary")) {
            return binary(parent, c, v, action, before, path, subject, label);
        }
        if (v.now != null) {
            throw JsonScan.fallback(); // a replaced size under a method: HAPI
        }
        String after;
        try {
            after = cleaner.applyMethod(spec, before, subject, path);
        } catch (UnprocessableValueException e) {
            effects.add(() -> tally.warn(e.code(), label + ", " + path, e.getMessage() + "; the value was removed"));
            v.out = null;
            return null;
        } catch (DeidException e) {
            throw new FormatException(e.code(), label + ", " + path, e.getMessage());
        }
        if (after == null) {
            v.out = null;
            return null;
        }
        if (after.startsWith("<=") && spec instanceof ActionSpec.Generalize) {
            after = after.substring(2);
        }
        if (!after.equals(before)) {
            if (v.token != JsonToken.VALUE_STRING && !(v.number && plainNumber(after, c.fhirType().equals("decimal")))) {
                throw JsonScan.fallback(); // a changed boolean or a number not written plainly: printed HAPI's way by HAPI
            }
            if (PlainDates.heldAsWritten(c.fhirType(), after)) {
                v.out = after; // a shifted date HAPI would hold as written (decision 0064)
                return after;
            }
            String held;
            try {
                IPrimitiveType<?> p = (IPrimitiveType<?>) c.target().newInstance(c.def().getInstanceConstructorArguments());
                p.setValueAsString(after);
                held = p.getValueAsString();
            } catch (RuntimeException e) {
                effects.add(() -> tally.warn("FHIR-VALUE-INVALID-FOR-TYPE", label + ", " + path, spec.action().yamlName()
                        + " gave a value that is not a valid " + c.fhirType() + "; the value was removed"));
                v.out = null;
                return null;
            }
            if (held == null || held.isBlank() || !held.equals(after)) {
                throw JsonScan.fallback(); // HAPI would hold it in another form
            }
        }
        v.out = after;
        return after;
    }

    /**
     * {@code ResourceCleaner.binary} for an attachment's data: text content decoded, scrubbed and
     * re-encoded (the attachment's size, if it has one, updated and its hash removed), anything else
     * removed; {@code Binary.data} goes to HAPI.
     */
    private String binary(Obj parent, JsonScan.Child c, Prim v, Action action, String before, String path,
            Subject subject, String label) throws FormatException, JsonScan.Fallback {
        if (parent == null || !parent.elem.fhirType.equals("Attachment")) {
            throw JsonScan.fallback();
        }
        String contentType = out(parent, "contentType");
        if (action != Action.SCRUB_TEXT || !TextContent.isText(contentType)) {
            if (action == Action.SCRUB_TEXT) {
                effects.add(() -> tally.count("binary-attachment", "remove"));
            }
            v.out = null;
            return null;
        }
        // read as canonical base64 (valueOf): HAPI's codec and the JDK's give the same bytes and text for it
        byte[] data;
        try {
            data = java.util.Base64.getDecoder().decode(before);
        } catch (IllegalArgumentException e) {
            throw JsonScan.fallback();
        }
        byte[] scrubbed;
        try {
            scrubbed = TextContent.scrubAttachment(data, contentType, text -> run.method(new ActionSpec.ScrubText())
                    .apply(text, new FieldContext(subject, path)));
        } catch (DeidException e) {
            throw new FormatException(e.code(), label + ", " + path, e.getMessage());
        }
        if (java.util.Arrays.equals(data, scrubbed)) {
            return before;
        }
        return newData(parent, v, scrubbed);
    }

    /** An attachment's data replaced by {@code data}: its size (if it has one) updated, its hash removed. */
    private static String newData(Obj parent, Prim v, byte[] data) {
        String after = java.util.Base64.getEncoder().encodeToString(data);
        Field size = parent.field("size");
        if (size != null) {
            Prim s = (Prim) size.values.get(0);
            s.now = String.valueOf(data.length);
            s.out = s.now;
        }
        Field hash = parent.field("hash");
        if (hash != null) {
            Prim h = (Prim) hash.values.get(0);
            h.gone = true;
            h.out = null;
        }
        v.out = after;
        return after;
    }

    /** {@code ResourceCleaner.keptBinary}: a kept attachment's image without its embedded text (decision 0157). */
    private String keptBinary(Obj parent, Prim v, String before, String path, String label) throws JsonScan.Fallback {
        if (parent == null || !parent.elem.fhirType.equals("Attachment")) {
            throw JsonScan.fallback();
        }
        byte[] data;
        try {
            data = java.util.Base64.getDecoder().decode(before);
        } catch (IllegalArgumentException e) {
            throw JsonScan.fallback();
        }
        byte[] clean;
        try {
            clean = ImageText.withoutText(data);
        } catch (ImageText.Unreadable e) {
            effects.add(() -> tally.warn(ResourceCleaner.IMAGE_TEXT, label + ", " + path,
                    ResourceCleaner.unreadableImage(e)));
            effects.add(() -> tally.count(ResourceCleaner.IMAGE_RULE, "remove"));
            v.out = null;
            return null;
        }
        if (clean == null || clean == data) {
            return before;
        }
        effects.add(() -> tally.count(ResourceCleaner.IMAGE_TEXT_RULE, "remove"));
        return newData(parent, v, clean);
    }

    // ---------------------------------------------------------------- printing

    /**
     * The characters of the resource being printed: one buffer for all the resources of the file,
     * without {@link StringWriter}'s synchronized buffer growing anew for each (decision 0064).
     */
    private static final class Chars extends java.io.Writer {
        final StringBuilder b = new StringBuilder(1024);

        @Override
        public void write(char[] c, int off, int len) {
            b.append(c, off, len);
        }

        @Override
        public void write(String s, int off, int len) {
            b.append(s, off, off + len);
        }

        @Override
        public void write(int c) {
            b.append((char) c);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** Made on the first print: the scan's readers ({@link #hitsInTextOrder}, one per line) never print. */
    private Chars printed;

    private String print(String type, Obj root, Set<String> marks) throws JsonScan.Fallback {
        if (printed == null) {
            printed = new Chars();
        }
        Chars w = printed;
        w.b.setLength(0);
        try (JsonGenerator g = JsonScan.JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("resourceType", type);
            int metaOrder = order(root.elem, root.elem.child("meta"));
            Field existing = root.field("meta");
            boolean metaDone = marks.isEmpty() || existing != null;
            for (Field f : root.fields) {
                if (!metaDone && f.order > metaOrder) {
                    meta(g, marks);
                    metaDone = true;
                }
                if (f == existing) {
                    meta(g, (Obj) f.values.get(0), marks);
                } else {
                    field(g, f);
                }
            }
            if (!metaDone) {
                meta(g, marks);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringBuilder does not fail
        }
        return w.b.toString();
    }

    /** The printed {@code meta} of each set of marks (at most 16 sets). */
    private static final Map<String, String> METAS = new ConcurrentHashMap<>();

    private static void meta(JsonGenerator g, Set<String> marks) throws IOException {
        String printed = METAS.computeIfAbsent(String.join(",", marks), k -> {
            StringWriter w = new StringWriter();
            try (JsonGenerator m = JsonScan.JSON.createGenerator(w)) {
                securityCodes(m, marks);
            } catch (IOException e) {
                throw new IllegalStateException(e); // a StringWriter does not fail
            }
            return w.toString();
        });
        g.writeFieldName("meta");
        g.writeRawValue(printed);
    }

    private static void securityCodes(JsonGenerator g, Set<String> marks) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("security");
        codings(g, marks);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void codings(JsonGenerator g, Iterable<String> marks) throws IOException {
        for (String code : marks) {
            g.writeStartObject();
            g.writeStringField("system", ResourceCleaner.SECURITY_SYSTEM);
            g.writeStringField("code", code);
            g.writeStringField("display", ResourceCleaner.SECURITY_DISPLAY.get(code));
            g.writeEndObject();
        }
    }

    /**
     * The resource's own (cleaned) {@code meta} with the marks it does not carry yet added at the
     * end of {@code meta.security}, as {@code ResourceCleaner.clean} adds them; left out when
     * nothing of it remains and there is no mark to add.
     */
    private void meta(JsonGenerator g, Obj meta, Set<String> marks) throws IOException, JsonScan.Fallback {
        Field security = meta.field("security");
        for (Field f : meta.fields) {
            if (f.child.name().equals("security") || f.child.name().equals("tag")) {
                for (Object v : f.values) {
                    if (present(v) && out((Obj) v, "code") == null) {
                        throw JsonScan.fallback(); // HAPI prints tags and security labels without a code its own way
                    }
                }
            }
        }
        List<String> added = new ArrayList<>(marks.size());
        for (String code : marks) {
            boolean present = false;
            if (security != null) {
                for (Object v : security.values) {
                    Obj c = (Obj) v;
                    if (ResourceCleaner.SECURITY_SYSTEM.equals(out(c, "system")) && code.equals(out(c, "code"))) {
                        present = true;
                        break;
                    }
                }
            }
            if (!present) {
                added.add(code);
            }
        }
        if (added.isEmpty()) {
            if (present(meta)) {
                g.writeFieldName("meta");
                g.writeStartObject();
                for (Field x : meta.fields) {
                    field(g, x);
                }
                g.writeEndObject();
            }
            return;
        }
        int securityOrder = order(meta.elem, meta.elem.child("security"));
        g.writeFieldName("meta");
        g.writeStartObject();
        boolean done = false;
        for (Field x : meta.fields) {
            if (!done && x.order >= securityOrder) {
                g.writeArrayFieldStart("security");
                if (x == security) {
                    for (Object v : x.values) {
                        if (present(v)) {
                            object(g, (Obj) v);
                        }
                    }
                }
                codings(g, added);
                g.writeEndArray();
                done = true;
                if (x == security) {
                    continue;
                }
            }
            field(g, x);
        }
        if (!done) {
            g.writeArrayFieldStart("security");
            codings(g, added);
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** A primitive member's value as it will be written (null: absent or removed). */
    private static String out(Obj o, String name) {
        Field f = o.field(name);
        return f == null || !(f.values.get(0) instanceof Prim p) ? null : p.out;
    }

    private static void object(JsonGenerator g, Obj o) throws IOException {
        g.writeStartObject();
        if (o.contained) {
            g.writeStringField("resourceType", o.elem.fhirType);
        }
        if (o.elem.fhirType.equals("Extension")) {
            // HAPI writes an extension's id and URL first, then its extensions or its value
            Field id = o.field("id");
            Field url = o.field("url");
            if (id != null) {
                field(g, id);
            }
            field(g, url);
            for (Field x : o.fields) {
                if (x != id && x != url) {
                    field(g, x);
                }
            }
        } else {
            for (Field x : o.fields) {
                field(g, x);
            }
        }
        g.writeEndObject();
    }

    private static boolean present(Object v) {
        if (v instanceof Prim p) {
            return p.out != null;
        }
        if (((Obj) v).dropped) {
            return false;
        }
        for (Field f : ((Obj) v).fields) {
            for (Object x : f.values) {
                if (present(x)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void field(JsonGenerator g, Field f) throws IOException {
        List<Object> kept = new ArrayList<>(f.values.size());
        for (Object v : f.values) {
            if (present(v)) {
                kept.add(v);
            }
        }
        if (kept.isEmpty()) {
            return;
        }
        g.writeFieldName(f.jsonName);
        if (f.child.repeats()) {
            g.writeStartArray();
        }
        for (Object v : kept) {
            if (v instanceof Prim p) {
                switch (p.token) {
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.out);
                    case VALUE_TRUE, VALUE_FALSE -> g.writeBoolean(Boolean.parseBoolean(p.out));
                    default -> g.writeString(p.out);
                }
            } else {
                object(g, (Obj) v);
            }
        }
        if (f.child.repeats()) {
            g.writeEndArray();
        }
    }
}
