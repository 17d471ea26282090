package org.deidworkbench.format.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.RuntimeChildChoiceDefinition;
import ca.uhn.fhir.context.RuntimeChildResourceDefinition;
import ca.uhn.fhir.model.primitive.XhtmlDt;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.FhirRule;
import org.hl7.fhir.instance.model.api.IBaseXhtml;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Base;

/**
 * The scan pass over FHIR JSON without building HAPI objects: reads the tokens once with Jackson,
 * follows HAPI's element definitions to know each element's type, and reports to a
 * {@link ScanSink} exactly what {@link ResourceCleaner} reports when scanning the parsed resource
 * (the patient index, identifier values, subject ids). It answers only where it is sure to agree:
 * a resource it does not fully understand — an element HAPI would drop or complain about, a value
 * HAPI would refuse, JSON HAPI reads leniently (numbers as strings, a lone value for a list), a
 * FHIRPath rule that could change the report (it cannot evaluate FHIRPath), a {@code subject-id}
 * FHIRPath — is handed back ({@link Fallback}) for HAPI to scan. A Bundle's entries are handed back
 * one at a time. {@code JsonScanTest} checks the agreement on the corpus and on fuzzed input.
 * Not thread-safe: one per file (the definitions it derives are shared and thread-safe).
 */
final class JsonScan {

    /** This text (or entry) must be scanned by HAPI instead. Carries nothing of the input. */
    static final class Fallback extends Exception {
        private static final long serialVersionUID = 1L;

        Fallback() {
            super(null, null, false, DEBUG);
        }
    }

    /** With {@code -Ddeid.jsonscan.debug=true} each fallback records where it was decided (for tests). */
    private static final boolean DEBUG = Boolean.getBoolean("deid.jsonscan.debug");

    static Fallback fallback() {
        return DEBUG ? new Fallback() : FALLBACK;
    }

    /** Scans one Bundle entry that {@link JsonScan} handed back, with HAPI. */
    interface EntryFallback {
        /**
         * @param oneEntryBundle the entry inside {@code {"resourceType":"Bundle","entry":[...]}}
         * @param number the entry's 1-based position in the text scanned
         * @param into where to report (kept until the whole text was read)
         */
        void scan(String oneEntryBundle, long number, ScanSink into) throws FormatException;
    }

    private static final Fallback FALLBACK = new Fallback();
    static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Map<BaseRuntimeElementDefinition<?>, Elem> ELEMS = new ConcurrentHashMap<>();
    private static final Set<String> NOTABLE = Set.of("string", "markdown", "date", "dateTime", "uri", "url");
    /** Types whose every value HAPI accepts as it is (nothing to check). */
    private static final Set<String> PLAIN = Set.of("string", "markdown");

    private final FhirRun run;
    private final ScanSink sink;
    private final Set<String> resourceTypes;
    /** Whether each resource must be checked as HAPI would read it even when it reports nothing. */
    private boolean strict;

    /** {@link JsonTransform}'s facts for this run and thread (the rules of each child). */
    private final java.util.IdentityHashMap<Child, JsonTransform.Facts> facts;

    JsonScan(FhirRun run, ScanSink sink) {
        this.facts = run.tokenFacts.get();
        this.guessedPaths = run.entriesNeedingPaths.get();
        this.run = run;
        this.sink = sink;
        this.resourceTypes = Fhir.context().getResourceTypes();
    }

    // ---------------------------------------------------------------- entry points

    /**
     * Scans one JSON resource (an NDJSON line, a whole file). A Bundle's entries that must be read
     * by HAPI go to {@code entries}; anything else HAPI must read throws {@link Fallback}, before
     * anything was reported.
     *
     * @throws FormatException only from {@code entries} (HAPI refused an entry)
     */
    void scan(String text, EntryFallback entries) throws Fallback, FormatException, DeidException {
        String type = leadingType(text, 0);
        if (type != null && type.equals("Bundle")) {
            type = null; // its entries are guessed one by one
        }
        if (type != null && guessedPaths.contains(type) && guessedScan(text, entries)) {
            return;
        }
        hits = null;
        needsPaths = false;
        try {
            scanOnce(text, entries);
            if (type != null) {
                guessedPaths.remove(type);
            }
        } catch (Fallback e) {
            if (!needsPaths) {
                throw e;
            }
            if (type != null) {
                guessedPaths.add(type);
            }
            // A FHIRPath rule may decide what is noted: evaluated on JsonTransform's tree, where it can be.
            hits = JsonTransform.hitsInTextOrder(run, text);
            try {
                scanOnce(text, entries);
            } finally {
                hits = null;
            }
        }
    }

    /**
     * Reads a standalone resource whose type needed the FHIRPath hits last time with its hits at once,
     * as {@link #scan} reads one that needs them after a first reading without (decision 0083); false,
     * nothing reported, when the guess was wrong or the reading fell back: then it is read as before.
     */
    private boolean guessedScan(String text, EntryFallback entries) throws FormatException, DeidException {
        try {
            hits = JsonTransform.hitsInTextOrder(run, text);
        } catch (Fallback e) {
            return false;
        }
        pathsGuessed = true;
        try {
            scanOnce(text, entries);
            return true;
        } catch (Fallback e) {
            return false;
        } finally {
            pathsGuessed = false;
            hits = null;
        }
    }

    /**
     * The FHIRPath hits of the standalone resource being read, by the position of the value in the
     * text (see {@link JsonTransform#hitsInTextOrder}); null: none evaluated, and a resource whose
     * notes a FHIRPath rule could change falls back.
     */
    private Map<Integer, Integer> hits;
    /** The position of the next value in the text. */
    private int ordinal;
    /** Whether the last fallback was only for want of FHIRPath hits. */
    private boolean needsPaths;

    private void scanOnce(String text, EntryFallback entries) throws Fallback, FormatException, DeidException {
        ordinal = 0;
        ScanSink.Buffer report = new ScanSink.Buffer();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw fallback();
            }
            String type = resourceType(p);
            if (type.equals("Bundle")) {
                if (hits != null) {
                    throw fallback(); // positions are of standalone resources only
                }
                strict = true; // one bad entry fails the whole file in HAPI: every entry must be read as HAPI would
                bundle(p, text, report, entries);
            } else {
                strict = false;
                finish(resource(p, type), null, report, hits != null);
            }
            if (p.nextToken() != null) {
                throw fallback(); // trailing content
            }
        } catch (StreamConstraintsException e) {
            throw fallback();
        } catch (IOException e) {
            throw fallback(); // malformed JSON: HAPI reports it in its own words
        }
        report.replay(sink);
    }

    // ---------------------------------------------------------------- definitions

    /** What an element is, for scanning. */
    enum Kind { PRIMITIVE, XHTML, COMPOSITE, EXTENSION, CONTAINED, RESOURCE }

    /** An element definition with its children by JSON name. */
    static final class Elem {
        final BaseRuntimeElementDefinition<?> def;
        final String fhirType;
        final Map<String, Child> children = new HashMap<>();

        Elem(BaseRuntimeElementDefinition<?> def, String fhirType) {
            this.def = def;
            this.fhirType = fhirType;
        }

        Child child(String name) {
            return children.get(name);
        }
    }

    /** A child element under one JSON name ({@code valueQuantity}). */
    record Child(String name, String choiceName, int max, Kind kind, BaseRuntimeChildDefinition def,
            BaseRuntimeElementDefinition<?> target, String fhirType) {

        boolean repeats() {
            return max != 1;
        }

        Elem elem() {
            return JsonScan.elem(target, fhirType);
        }

        /**
         * Whether this is a {@code subject} or {@code patient} Reference: where a display-only one marks its resource
         * with {@link Rules#DISPLAY_ONLY_PERSON} (as {@link Rules#displayOnlyPerson} does on HAPI's model).
         */
        boolean personReference() {
            return "Reference".equals(fhirType) && (name.equals("subject") || name.equals("patient"));
        }
    }

    static Elem resourceElem(String type) {
        BaseRuntimeElementDefinition<?> def = Fhir.context().getResourceDefinition(type);
        return elem(def, type);
    }

    static Elem elem(BaseRuntimeElementDefinition<?> def, String fhirType) {
        Elem e = ELEMS.get(def);
        if (e != null) {
            return e;
        }
        e = new Elem(def, fhirType);
        if (def instanceof BaseRuntimeElementCompositeDefinition<?> c) {
            for (BaseRuntimeChildDefinition child : c.getChildren()) {
                // HAPI lists an extension child under names that are no JSON names ("extensionString").
                Set<String> names = child instanceof ca.uhn.fhir.context.RuntimeChildExtension
                        ? Set.of(child.getElementName()) : child.getValidChildNames();
                for (String name : names) {
                    if (child instanceof RuntimeChildResourceDefinition && !name.equals(child.getElementName())) {
                        continue; // "subjectResource": HAPI's own name for the resolved target, never in JSON
                    }
                    BaseRuntimeElementDefinition<?> target = child instanceof ca.uhn.fhir.context.RuntimeChildExtension
                            ? Fhir.context().getElementDefinition("Extension") : child.getChildByName(name);
                    if (target == null) {
                        continue;
                    }
                    Kind kind = kind(target);
                    if (kind == null) {
                        continue;
                    }
                    String type = kind == Kind.XHTML ? "xhtml" : kind == Kind.CONTAINED || kind == Kind.RESOURCE ? null
                            : ((Base) target.newInstance(child.getInstanceConstructorArguments())).fhirType();
                    boolean choice = child instanceof RuntimeChildChoiceDefinition
                            && !(child instanceof ca.uhn.fhir.context.RuntimeChildExtension);
                    String base = choice ? child.getElementName() : name;
                    String choiceName = choice ? base + capitalize(type) : null;
                    if (choice && !name.equals(choiceName)) {
                        continue; // the JSON name does not follow from the type: leave such values to HAPI
                    }
                    // interned as Jackson interns the names it reads: the lookup then ends at an identity check
                    e.children.put(name.intern(), new Child(base, choiceName, child.getMax(), kind, child, target, type));
                }
            }
        }
        ELEMS.putIfAbsent(def, e);
        return ELEMS.get(def);
    }

    private static Kind kind(BaseRuntimeElementDefinition<?> target) {
        return switch (target.getChildType()) {
            case PRIMITIVE_DATATYPE, ID_DATATYPE -> Kind.PRIMITIVE;
            case PRIMITIVE_XHTML_HL7ORG -> Kind.XHTML;
            case COMPOSITE_DATATYPE, RESOURCE_BLOCK -> target.getName().equals("Extension") ? Kind.EXTENSION
                    : Kind.COMPOSITE;
            case CONTAINED_RESOURCE_LIST -> Kind.CONTAINED;
            case RESOURCE -> Kind.RESOURCE;
            default -> null;
        };
    }

    private static final Map<String, Elem> EXTRAS = new ConcurrentHashMap<>();

    /** What a primitive holds besides its value ({@code "_birthDate"}): an id and extensions. */
    private static Elem primitiveExtras(String primitiveType) {
        return EXTRAS.computeIfAbsent(primitiveType, t -> {
            Elem extension = elem(Fhir.context().getElementDefinition("Extension"), "Extension");
            Elem e = new Elem(Fhir.context().getElementDefinition(t), t);
            e.children.put("id", extension.child("id"));
            e.children.put("extension", extension.child("extension"));
            return e;
        });
    }

    private static String capitalize(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ---------------------------------------------------------------- one resource

    /** An identifier value reported by a resource, kept until the resource is known to be fine. */
    private record Note(ActionSpec spec, String label, String value, int identifierIndex) {
    }

    /** A Patient identifier, for the subject id and the patient index. */
    private static final class PatientIdentifier {
        String system;
        String value;
        boolean mr;
    }

    /** A value HAPI checks when it reads it; checked here only where it matters. */
    private record Check(Child child, String text) {
    }

    /**
     * One resource (with its contained ones) or one Bundle entry's own elements: what it would
     * report, and what decides whether that can be trusted.
     */
    private static final class Unit {
        final String type;
        final List<Note> notes = new ArrayList<>();
        final List<Check> checks = new ArrayList<>();
        final List<Frame> frames = new ArrayList<>();
        /** The resource's own references (not its contained ones'): each one's element path and text. */
        List<String[]> references;
        /** The keys of the resources its own attachments name ({@code Binary/7}, decision 0214), or null. */
        List<String> contents;

        Unit(String type) {
            this.type = type;
        }
    }

    /** A resource being read inside a unit: the unit's resource itself or one it contains. */
    private static final class Frame {
        final String type;
        final boolean root;
        final Set<String> types = new HashSet<>();
        String id;
        /** The root Patient's identifiers (null for anything else). */
        List<PatientIdentifier> identifiers;
        /** While reading a root Patient's identifier: its index, and the walk's depth inside it. */
        int identifierIndex = -1;
        int identifierDepth;

        Frame(String type, boolean root) {
            this.type = type;
            this.root = root;
            if (root && type.equals("Patient")) {
                identifiers = new ArrayList<>();
            }
        }
    }

    /** Where the walk is: the unit and resource being read, and whether values and types count. */
    private record At(Unit unit, Frame frame, boolean notes, boolean types, boolean entry) {
        At quiet() {
            return notes ? new At(unit, frame, false, types, false) : this;
        }
    }

    /** The first field must be {@code resourceType} (HAPI finds it anywhere, but it comes first in practice). */
    private String resourceType(JsonParser p) throws IOException, Fallback {
        if (p.nextToken() != JsonToken.FIELD_NAME || !"resourceType".equals(p.currentName())
                || p.nextToken() != JsonToken.VALUE_STRING) {
            throw fallback();
        }
        String type = p.getText();
        if (!resourceTypes.contains(type)) {
            throw fallback();
        }
        return type;
    }

    /** The names of the composite elements the walk is in (below the resource), {@code depth} of them. */
    private final String[] path = new String[64];
    private int depth;

    /** While reading a {@code subject} or {@code patient} Reference: its depth (else -1), and which fields it has. */
    private int personDepth = -1;
    private int personFields;

    /**
     * A Reference's field as a bit: display 1 ({@code _display} alike), reference 2, identifier 4. A
     * {@code _reference} (extensions without a value) is no reference: the mark may be wider than the rule.
     */
    static int personField(String name) {
        return switch (name) {
            case "display", "_display" -> 1;
            case "reference" -> 2;
            case "identifier" -> 4;
            default -> 0;
        };
    }

    private void push(String name) throws Fallback {
        if (depth == path.length) {
            throw fallback(); // deeper than any real resource
        }
        path[depth++] = name;
    }

    /** Reads the fields of an object up to its end. */
    private void fields(JsonParser p, Elem elem, int eff, At at) throws IOException, Fallback {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            field(p, name, p.nextToken(), elem, eff, at);
        }
    }

    /** Reads one field, the parser on its value's first token. */
    private void field(JsonParser p, String name, JsonToken t, Elem elem, int eff, At at) throws IOException, Fallback {
        if (t == JsonToken.VALUE_NULL) {
            throw fallback();
        }
        if (depth == personDepth) {
            personFields |= personField(name);
        }
        if (name.startsWith("_")) {
            extras(p, t, elem, elem.child(name.substring(1)), eff, at);
            return;
        }
        Child c = elem.child(name);
        if (c == null) {
            throw fallback(); // HAPI drops what R4 does not define, with a warning: its business
        }
        if (elem.fhirType.equals("Extension")) {
            if (c.choiceName != null) {
                extensionHasValue = true;
            } else if (c.kind == Kind.EXTENSION) {
                extensionHasNested = true;
            }
        }
        if (!c.repeats()) {
            if (t == JsonToken.START_ARRAY) {
                throw fallback(); // HAPI takes a list for a single value, with a complaint
            }
            value(p, t, elem, c, eff, at, 0);
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            throw fallback();
        }
        int i = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.VALUE_NULL) {
                throw fallback();
            }
            value(p, t, elem, c, eff, at, i++);
        }
        if (i == 0) {
            throw fallback(); // "[]": HAPI's handling of empty lists is its own
        }
    }

    /** A primitive's id and extensions: {@code "_birthDate": {"extension": [...]}}. */
    private void extras(JsonParser p, JsonToken t, Elem parent, Child c, int eff, At at) throws IOException, Fallback {
        if (c == null || c.kind != Kind.PRIMITIVE || c.repeats() || t != JsonToken.START_OBJECT
                || parent.fhirType.equals("Extension")) {
            throw fallback();
        }
        addType(at, c.fhirType);
        boolean walked = !structural(parent, c.name) && !isBundleUrl(at, parent, c);
        int rule = Math.min(eff, JsonTransform.rule(run, facts, c, parent.fhirType));
        fields(p, primitiveExtras(c.fhirType), rule, walked ? at : at.quiet());
    }

    /** Children the rules never see (each has its own handling), as {@link ResourceCleaner} skips them. */
    private static boolean structural(Elem parent, String name) {
        return switch (name) {
            case "id" -> true;
            case "reference" -> parent.fhirType.equals("Reference");
            case "url" -> parent.fhirType.equals("Extension");
            case "versionId" -> parent.fhirType.equals("Meta");
            default -> false;
        };
    }

    /** {@code fullUrl}, {@code request.url}, {@code request.ifNoneExist}, {@code response.location}: references, not values. */
    private static boolean isBundleUrl(At at, Elem parent, Child c) {
        if (!at.entry) {
            return false;
        }
        return switch (parent.fhirType) {
            case "Bundle.entry" -> c.name.equals("fullUrl");
            case "Bundle.entry.request" -> c.name.equals("url") || c.name.equals("ifNoneExist");
            case "Bundle.entry.response" -> c.name.equals("location");
            default -> false;
        };
    }

    private static void addType(At at, String type) {
        if (at.types) {
            at.frame.types.add(type);
        }
    }

    /** One value of a child, the parser on its first token. */
    private void value(JsonParser p, JsonToken t, Elem parent, Child c, int eff, At at, int index)
            throws IOException, Fallback {
        int hit = Rules.NONE;
        if (hits != null) {
            Integer h = hits.get(ordinal);
            hit = h == null ? Rules.NONE : h;
        }
        ordinal++;
        switch (c.kind) {
            case PRIMITIVE, XHTML -> primitive(p, t, parent, c, eff, at, hit);
            case COMPOSITE -> composite(p, t, parent, c, eff, at, index, hit);
            case EXTENSION -> extension(p, t, c, eff, at, parent.fhirType.equals("Extension"));
            case CONTAINED -> contained(p, t, eff, at);
            case RESOURCE -> {
                if (entryResource != null && parent.fhirType.equals("Bundle.entry") && at.entry) {
                    entryResource.read(p, t);
                } else {
                    throw fallback(); // a resource inside a resource (Parameters, response.outcome): HAPI
                }
            }
        }
    }

    private void composite(JsonParser p, JsonToken t, Elem parent, Child c, int eff, At at, int index, int hit)
            throws IOException, Fallback {
        if (t != JsonToken.START_OBJECT) {
            throw fallback();
        }
        addType(at, c.fhirType);
        int rule = Math.min(hit, Math.min(eff, JsonTransform.rule(run, facts, c, parent.fhirType)));
        boolean link = c.name.equals("link") && (parent.fhirType.equals("Bundle") || parent.fhirType.equals("Bundle.entry"));
        Frame f = at.frame;
        boolean patientIdentifier = f.identifiers != null && c.name.equals("identifier") && parent.fhirType.equals("Patient");
        push(c.name);
        if (patientIdentifier) {
            f.identifierIndex = index;
            f.identifierDepth = depth;
            f.identifiers.add(new PatientIdentifier());
        }
        NameParts outer = name;
        boolean humanName = c.fhirType.equals("HumanName");
        if (humanName) {
            name = new NameParts();
        }
        boolean person = c.personReference();
        int outerPersonDepth = personDepth;
        int outerPersonFields = personFields;
        if (person) {
            personDepth = depth;
            personFields = 0;
        }
        fields(p, c.elem(), rule, link ? new At(at.unit, f, false, at.types, false) : at);
        if (person) {
            if (personFields == 1) {
                addType(at, Rules.DISPLAY_ONLY_PERSON); // Rules.displayOnlyPerson, on the text
            }
            personDepth = outerPersonDepth;
            personFields = outerPersonFields;
        }
        depth--;
        if (patientIdentifier) {
            f.identifierIndex = -1;
        }
        if (humanName) {
            NameParts parts = name;
            name = outer;
            if (at.notes && !link) {
                fullName(at.unit, rule, parts);
            }
        }
    }

    private void primitive(JsonParser p, JsonToken t, Elem parent, Child c, int eff, At at, int hit)
            throws IOException, Fallback {
        String text = scalar(p, t, c);
        addType(at, c.fhirType);
        if (at.entry && c.name.equals("fullUrl") && parent.fhirType.equals("Bundle.entry")) {
            entryFullUrl = text;
        }
        Frame f = at.frame;
        if (structural(parent, c.name)) {
            if (c.name.equals("id") && parent.def instanceof ca.uhn.fhir.context.RuntimeResourceDefinition) {
                f.id = text;
            } else if (c.name.equals("reference") && f.root && at.notes) {
                // the resource's owner, if it has notes (decision 0164), content (0214) or a
                // Provenance pointing at it (0215)
                if (at.unit.references == null) {
                    at.unit.references = new ArrayList<>(4);
                }
                String elementPath = String.join(".", java.util.Arrays.asList(path).subList(0, depth));
                at.unit.references.add(new String[] {elementPath, text});
            } else if (c.name.equals("url") && parent.fhirType.equals("Extension")) {
                extensionUrl = text;
            }
            return;
        }
        if (!PLAIN.contains(c.fhirType)) {
            at.unit.checks.add(new Check(c, text));
        }
        // an attachment's Binary/123 is a reference, as HAPI's scan takes it (decision 0122): no value to note, but the
        // resource it names is this one's content (decision 0214)
        boolean contentUrl = c.name.equals("url") && parent.fhirType.equals("Attachment")
                && run.references.resolvableUrl(text);
        if (contentUrl && f.root && at.notes) {
            if (at.unit.contents == null) {
                at.unit.contents = new ArrayList<>(2);
            }
            at.unit.contents.add(run.references.key(text));
        }
        boolean identifierValue = false;
        if (f.identifierIndex >= 0) {
            // Only Patient.identifier.system/value and Patient.identifier.type.coding.code count, as in ResourceCleaner.
            PatientIdentifier id = f.identifiers.get(f.identifiers.size() - 1);
            int d = f.identifierDepth;
            if (depth == d && c.name.equals("system")) {
                id.system = text;
            } else if (depth == d && c.name.equals("value")) {
                id.value = text;
                identifierValue = true;
            } else if (depth == d + 2 && path[d].equals("type") && path[d + 1].equals("coding") && c.name.equals("code")
                    && text.equals("MR")) {
                id.mr = true;
            }
        }
        if (name != null && parent.fhirType.equals("HumanName")) {
            if (c.name.equals("given")) {
                name.given.add(text);
            } else if (c.name.equals("family")) {
                name.family = text;
            }
        }
        if (!at.notes || contentUrl || isBundleUrl(at, parent, c)) {
            return;
        }
        int ruleIndex = Math.min(hit, Math.min(eff, JsonTransform.rule(run, facts, c, parent.fhirType)));
        FhirRule rule = ruleIndex == Rules.NONE ? null : run.rules.rule(ruleIndex);
        boolean identifier = rule == null ? run.section.defaultIdentifier() : rule.identifier();
        if (!identifier || ResourceCleaner.describes(parent.fhirType, c.name) || !NOTABLE.contains(c.fhirType)) {
            return;
        }
        ActionSpec spec = run.effective(rule == null ? run.section.defaultSpec() : rule.spec());
        String value = PLAIN.contains(c.fhirType) ? text : checked(c, text).getValueAsString();
        if (value == null) {
            return;
        }
        at.unit.notes.add(new Note(spec, (rule == null ? "REDACTED" : rule.label()).toUpperCase(Locale.ROOT), value,
                identifierValue ? f.identifierIndex : -1));
    }

    /** The text of a scalar as HAPI's JSON tree hands it to the primitive, if its JSON type is the one FHIR gives it. */
    static String scalar(JsonParser p, JsonToken t, Child c) throws IOException, Fallback {
        String text;
        switch (c.fhirType) {
            case "boolean" -> {
                if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                    throw fallback();
                }
                text = p.getText();
            }
            case "integer", "positiveInt", "unsignedInt" -> {
                if (t != JsonToken.VALUE_NUMBER_INT) {
                    throw fallback();
                }
                text = p.getNumberValue().toString();
            }
            case "decimal" -> {
                if (t == JsonToken.VALUE_NUMBER_INT) {
                    text = p.getNumberValue().toString();
                } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                    text = p.getDecimalValue().toString();
                } else {
                    throw fallback();
                }
            }
            default -> {
                if (t != JsonToken.VALUE_STRING) {
                    throw fallback();
                }
                text = p.getText();
            }
        }
        if (text.isEmpty()) {
            throw fallback(); // HAPI refuses empty values
        }
        return text;
    }

    /** The value as HAPI reads it; {@link Fallback} where HAPI would refuse it. */
    static IPrimitiveType<?> checked(Child c, String text) throws Fallback {
        try {
            IPrimitiveType<?> v = (IPrimitiveType<?>) c.target.newInstance(c.def.getInstanceConstructorArguments());
            v.setValueAsString(text);
            return v;
        } catch (RuntimeException e) {
            throw fallback();
        }
    }

    /**
     * Checks a value as HAPI's parser would (an XHTML narrative through both of HAPI's XHTML models). A narrative the
     * run's memory of them ({@link FhirRun#divs}) holds was read through both models without an error, most often by
     * this very scan's reading of the resource for its FHIRPath rules: it is not parsed twice more (decision 0151).
     */
    private void check(Check k) throws Fallback {
        if (k.child.kind == Kind.XHTML) {
            if (k.text.length() <= JsonTransform.MAX_REMEMBERED_DIV && run.divs.get(k.text) != null) {
                return;
            }
            try {
                XhtmlDt dt = new XhtmlDt();
                dt.setValueAsString(k.text);
                ((IBaseXhtml) k.child.target.newInstance()).setValueAsString(dt.getValueAsString());
            } catch (RuntimeException e) {
                throw fallback();
            }
        } else {
            checked(k.child, k.text);
        }
    }

    /** The parts of the HumanName being read. */
    private static final class NameParts {
        final List<String> given = new ArrayList<>();
        String family;
    }

    private NameParts name;

    /** A HumanName is also reported whole ("Ann Marie Smith"), as {@link ResourceCleaner} does. */
    private void fullName(Unit u, int ruleIndex, NameParts parts) {
        FhirRule r = ruleIndex == Rules.NONE ? null : run.rules.rule(ruleIndex);
        if (r == null || !r.identifier()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (String g : parts.given) {
            sb.append(g).append(' ');
        }
        if (parts.family != null) {
            sb.append(parts.family);
        }
        String full = sb.toString().strip();
        if (!full.isEmpty()) {
            u.notes.add(new Note(r.spec(), r.label().toUpperCase(Locale.ROOT), full, -1));
        }
    }

    private String extensionUrl;
    private boolean extensionHasValue;
    private boolean extensionHasNested;

    /** An extension: what it holds counts only when the policy keeps its URL, which may come last. */
    private void extension(JsonParser p, JsonToken t, Child c, int eff, At at, boolean inExtension)
            throws IOException, Fallback {
        if (t != JsonToken.START_OBJECT) {
            throw fallback();
        }
        addType(at, "Extension");
        String outerUrl = extensionUrl;
        boolean outerValue = extensionHasValue;
        boolean outerNested = extensionHasNested;
        extensionUrl = null;
        extensionHasValue = false;
        extensionHasNested = false;
        int notesBefore = at.unit.notes.size();
        push(c.name);
        fields(p, c.elem(), eff, at);
        depth--;
        String url = extensionUrl;
        boolean both = extensionHasValue && extensionHasNested;
        extensionUrl = outerUrl;
        extensionHasValue = outerValue;
        extensionHasNested = outerNested;
        if (url == null || both) {
            throw fallback(); // HAPI refuses an extension with both; one without a URL is left to it
        }
        if (!run.section.extensions().keeps(url, inExtension)) {
            List<Note> notes = at.unit.notes;
            notes.subList(notesBefore, notes.size()).clear(); // dropped: never walked when cleaning
        }
    }

    /** Contained resources: read with their container's rules and notes, each guarded on its own too. */
    private void contained(JsonParser p, JsonToken t, int eff, At at) throws IOException, Fallback {
        if (t != JsonToken.START_OBJECT || !at.frame.root) {
            throw fallback(); // contained in contained: HAPI's business
        }
        Frame c = new Frame(resourceType(p), false);
        push("contained");
        fields(p, resourceElem(c.type), eff, new At(at.unit, c, at.notes, true, false));
        depth--;
        if (c.id == null) {
            throw fallback(); // HAPI refuses a contained resource without an id
        }
        at.unit.frames.add(c);
        if (at.types) {
            at.frame.types.add(c.type);
            at.frame.types.addAll(c.types);
        }
    }

    // ---------------------------------------------------------------- finishing a resource

    /** Reads a whole resource as its own unit (the parser after its {@code resourceType}). */
    private Unit resource(JsonParser p, String type) throws IOException, Fallback {
        Unit u = new Unit(type);
        Frame f = new Frame(type, true);
        u.frames.add(f);
        int outer = depth;
        depth = 0;
        fields(p, resourceElem(type), Rules.NONE, new At(u, f, true, true, false));
        depth = outer;
        return u;
    }

    /**
     * Reports a resource read without falling back: its notes, and for a Patient its subject id and
     * index keys. Nothing is reported when it falls back.
     *
     * @param fullUrl the Bundle entry's fullUrl, for a Patient entry
     */
    private void finish(Unit u, String fullUrl, ScanSink out, boolean pathsEvaluated) throws Fallback {
        Frame root = u.frames.get(0);
        if (root.id != null && !References.validId(root.id)) {
            throw fallback(); // HAPI's scan fails the file with FHIR-INVALID-ID
        }
        if (!pathsEvaluated || pathsGuessed) {
            boolean need = false;
            for (Frame f : u.frames) {
                if (run.rules.scanNeedsPaths(f.type, f.types)) {
                    need = true;
                    break;
                }
            }
            if (need && !pathsEvaluated) {
                // the hits of the resource and its contained ones, from JsonTransform's tree
                needsPaths = true;
                throw fallback();
            }
            if (!need && pathsGuessed) {
                throw fallback(); // the entry's hits were evaluated on a wrong guess: it is read as before
            }
        }
        boolean patient = root.identifiers != null;
        if (patient && run.section.subjectIdPath() != null) {
            throw fallback();
        }
        if (strict || patient || !u.notes.isEmpty()) {
            for (Check k : u.checks) {
                check(k);
            }
        }
        int subjectIndex = -1;
        String subjectId = null;
        if (patient) {
            subjectIndex = subjectIdentifier(root.identifiers);
            subjectId = subjectIndex >= 0 ? root.identifiers.get(subjectIndex).value
                    : root.id == null ? null : "Patient/" + root.id;
        }
        report(u, subjectIndex, subjectId, patient ? List.of() : owners(u), out);
        if (!patient && root.id != null && !run.targets.isEmpty() && run.targets.contains(u.type + "/" + root.id)) {
            List<String> owners = ownerKeys(u); // a Provenance's target: its owners (decision 0215)
            if (!owners.isEmpty()) {
                out.owned(u.type + "/" + root.id, owners);
            }
        }
        if (u.contents != null) {
            List<String> owners = patient ? ownKeys(root.id, fullUrl) : ownerKeys(u);
            if (!owners.isEmpty()) {
                for (String key : u.contents) {
                    out.owned(key, owners);
                }
            }
        }
        if (subjectId == null) {
            return;
        }
        try {
            if (subjectIndex >= 0) {
                out.subject(subjectId);
            }
            if (root.id != null) {
                out.patient("Patient/" + root.id, subjectId);
            }
            out.ownIds(subjectId, root.id, fullUrl);
            String key = run.references.key(fullUrl);
            if (key != null) {
                out.patient(key, subjectId);
            }
            if (subjectIndex >= 0 && root.identifiers.size() > 1) {
                List<String[]> others = new ArrayList<>();
                for (PatientIdentifier i : root.identifiers) {
                    others.add(new String[] {i.system, i.value});
                }
                out.link(ScanSink.patientIds(subjectId, root.identifiers.get(subjectIndex).system, others));
            }
            for (PatientIdentifier i : root.identifiers) {
                if (i.value != null) {
                    out.patient("Patient?identifier=" + i.value, subjectId);
                    if (i.system != null) {
                        out.patient("Patient?identifier=" + i.system + "|" + i.value, subjectId);
                    }
                }
            }
        } catch (DeidException e) {
            throw new IllegalStateException(e); // reports go to a buffer, which does not fail
        }
    }

    /** The first identifier typed MR with a value, else the first with a value (as {@link ResourceCleaner} chooses). */
    private static int subjectIdentifier(List<PatientIdentifier> ids) {
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).mr && ids.get(i).value != null) {
                return i;
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).value != null) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The keys of a resource's references into the Patient compartment, in the order of
     * {@link FhirRun#compartmentPaths} and then of the resource's text, as {@link ResourceCleaner} finds them
     * (decision 0164); none when it has no notes.
     */
    private List<String> owners(Unit u) {
        return u.notes.isEmpty() ? List.of() : ownerKeys(u);
    }

    /** A Patient's keys as the owner of its photo's resource: {@code Patient/id}, then its entry's fullUrl's. */
    private List<String> ownKeys(String id, String fullUrl) {
        List<String> keys = new ArrayList<>(2);
        if (id != null) {
            keys.add("Patient/" + id);
        }
        String key = run.references.key(fullUrl);
        if (key != null) {
            keys.add(key);
        }
        return keys;
    }

    /** {@link #owners}, whether or not the resource has notes. */
    private List<String> ownerKeys(Unit u) {
        if (u.references == null || u.type.startsWith("Bundle")) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(2);
        for (String compartmentPath : run.compartmentPaths(u.type)) {
            String steps = compartmentPath.substring(compartmentPath.indexOf('.') + 1);
            for (String[] r : u.references) {
                if (r[0].equals(steps)) {
                    ScanSink.addOwner(run, keys, r[1]);
                }
            }
        }
        return keys;
    }

    /** Reports a unit's notes: a Patient's ({@code subjectId} not null) as its subject's, another's with its owners. */
    private static void report(Unit u, int subjectIndex, String subjectId, List<String> owners, ScanSink out) {
        try {
            for (Note n : u.notes) {
                if (subjectIndex < 0 || n.identifierIndex != subjectIndex) {
                    out.identifier(n.spec, n.label, n.value, subjectId, subjectId == null ? owners : List.of());
                }
            }
        } catch (DeidException e) {
            throw new IllegalStateException(e); // reports go to a buffer, which does not fail
        }
    }

    // ---------------------------------------------------------------- Bundles

    /** Reads the resource of the Bundle entry being read. */
    private interface EntryResource {
        void read(JsonParser p, JsonToken t) throws IOException, Fallback;
    }

    /** Set while reading a Bundle's entry. */
    private EntryResource entryResource;
    /** The fullUrl of the Bundle entry being read. */
    private String entryFullUrl;

    /**
     * A Bundle: its own elements are one unit, each entry another (its own elements and its
     * resource), handed to HAPI alone when it cannot be read here, as a large Bundle is read entry
     * by entry.
     */
    private void bundle(JsonParser p, String source, ScanSink.Buffer report, EntryFallback fallback)
            throws IOException, Fallback, FormatException {
        Unit shell = new Unit("Bundle");
        Frame f = new Frame("Bundle", true);
        shell.frames.add(f);
        Elem elem = resourceElem("Bundle");
        At at = new At(shell, f, true, true, false);
        ScanSkip skip = run.scanSkip();
        long n = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (!name.equals("entry")) {
                field(p, name, t, elem, Rules.NONE, at);
                continue;
            }
            if (t != JsonToken.START_ARRAY) {
                throw fallback();
            }
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    throw fallback();
                }
                n++;
                // the entry's own text (the parser reads a String: offsets are characters), and where its
                // resource member is in it (-1: none, or more than one)
                int start = (int) p.currentTokenLocation().getCharOffset();
                int[] resource = {-1, -1};
                int resources = 0;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    boolean member = p.currentName().equals("resource");
                    if (p.nextToken() == JsonToken.START_OBJECT && member) {
                        resource[0] = (int) p.currentTokenLocation().getCharOffset() - start;
                        p.skipChildren();
                        resource[1] = (int) p.currentLocation().getCharOffset() - start;
                    } else {
                        p.skipChildren();
                    }
                    resources += member ? 1 : 0;
                }
                if (resources != 1) {
                    resource[0] = -1;
                }
                int end = (int) p.currentLocation().getCharOffset();
                if (resource[0] >= 0 && skip.skipsEntry(source, start, end, start + resource[0], start + resource[1])) {
                    // Nothing in it can be noted (decision 0067): the transform reads it, and reports it if it is bad.
                    continue;
                }
                String entryText = source.substring(start, end);
                if (!entry(entryText, resource, report)) {
                    fallback.scan("{\"resourceType\":\"Bundle\",\"entry\":[" + entryText + "]}", n, report);
                }
            }
        }
        finish(shell, null, report, false);
    }

    /**
     * Reads one entry (its JSON object) and reports it to {@code report}; false when HAPI must read
     * it (nothing reported then).
     */
    private boolean entry(String text, int[] resourceAt, ScanSink.Buffer report) throws IOException {
        String type = resourceAt[0] >= 0 ? leadingType(text, resourceAt[0]) : null;
        if (type != null && guessedPaths.contains(type)) {
            Boolean read = guessedEntry(text, resourceAt, report);
            if (read != null) {
                return read;
            }
        }
        needsPaths = false;
        boolean read = entryOnce(text, report, null);
        boolean paths = needsPaths;
        needsPaths = false; // the Bundle's own reading is not decided by an entry's
        if (type != null) {
            if (paths) {
                guessedPaths.add(type);
            } else if (read) {
                guessedPaths.remove(type);
            }
        }
        if (read || !paths) {
            return read;
        }
        // The entry's resource may have notes a FHIRPath rule decides: evaluated on JsonTransform's
        // tree of the resource alone (positions counted from its first value), where it can be.
        if (resourceAt[0] >= 0 && run.scanSkip().skips(text.substring(resourceAt[0], resourceAt[1]))) {
            // Its field names show that no identifier rule, FHIRPath or other, can match anything in it
            // (ScanSkip, decision 0050): it notes nothing whatever the FHIRPath rules pick, so they are not
            // evaluated; the entry is read again with none, every value still checked (decision 0063).
            return entryOnce(text, report, Map.of());
        }
        // the resource's own text where the Bundle's reader found it (no copy through a generator: decision 0072)
        String resource = resourceAt[0] >= 0 ? text.substring(resourceAt[0], resourceAt[1]) : entryResourceText(text);
        if (resource == null) {
            return false;
        }
        Map<Integer, Integer> resourceHits;
        try {
            resourceHits = JsonTransform.hitsInTextOrder(run, resource);
        } catch (Fallback e) {
            return false;
        }
        return entryOnce(text, report, resourceHits);
    }

    /**
     * Resource types whose last entry on this thread needed the FHIRPath hits (a Bundle's Patients and
     * claims: their identifiers): such an entry is read with its hits at once (decision 0083).
     */
    private final Set<String> guessedPaths;
    /** Whether the entry being read was given its FHIRPath hits on a guess (see {@link #finish}). */
    private boolean pathsGuessed;

    /**
     * Reads an entry whose resource's type needed the FHIRPath hits last time with its hits at once,
     * as {@link #entry} reads one that needs them after a first reading without: the same outcome,
     * without that first reading. Null when the guess was wrong or the reading fell back: then the
     * entry is read as before, so that a wrong guess changes nothing but the time.
     */
    private Boolean guessedEntry(String text, int[] resourceAt, ScanSink.Buffer report) throws IOException {
        String resource = text.substring(resourceAt[0], resourceAt[1]);
        if (run.scanSkip().skips(resource)) {
            // as entry() reads it after a first reading that needed paths, and the same as that first reading
            // when it did not: no identifier rule can match anything in it, and no hits were evaluated
            return entryOnce(text, report, Map.of());
        }
        Map<Integer, Integer> resourceHits;
        try {
            resourceHits = JsonTransform.hitsInTextOrder(run, resource);
        } catch (Fallback e) {
            return null;
        }
        pathsGuessed = true;
        try {
            return entryOnce(text, report, resourceHits) ? Boolean.TRUE : null;
        } finally {
            pathsGuessed = false;
        }
    }

    /**
     * The resource type of an entry's resource when its text starts with it ({@code {"resourceType":"X"}},
     * whitespace allowed between the tokens, X of letters only), else null.
     */
    static String leadingType(String text, int at) {
        int i = skipSpace(text, at);
        if (i >= text.length() || text.charAt(i) != '{') {
            return null;
        }
        i = skipSpace(text, i + 1);
        if (!text.startsWith("\"resourceType\"", i)) {
            return null;
        }
        i = skipSpace(text, i + 14);
        if (i >= text.length() || text.charAt(i) != ':') {
            return null;
        }
        i = skipSpace(text, i + 1);
        if (i >= text.length() || text.charAt(i) != '"') {
            return null;
        }
        int end = i + 1;
        while (end < text.length() && (text.charAt(end) >= 'A' && text.charAt(end) <= 'Z'
                || text.charAt(end) >= 'a' && text.charAt(end) <= 'z')) {
            end++;
        }
        return end < text.length() && text.charAt(end) == '"' ? text.substring(i + 1, end) : null;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    /** The text of an entry's {@code resource} member, or null when it has none. */
    private static String entryResourceText(String entry) throws IOException {
        try (JsonParser p = JSON.createParser(entry)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("resource")) {
                    java.io.StringWriter w = new java.io.StringWriter();
                    try (com.fasterxml.jackson.core.JsonGenerator g = JSON.createGenerator(w)) {
                        g.copyCurrentStructureExact(p);
                    }
                    return w.toString();
                }
                p.skipChildren();
            }
        }
        return null;
    }

    /**
     * One reading of an entry; {@code resourceHits} the FHIRPath hits of its resource (null: none
     * evaluated, and a resource whose notes a FHIRPath rule could change falls back, setting
     * {@link #needsPaths}).
     */
    private boolean entryOnce(String text, ScanSink.Buffer report, Map<Integer, Integer> resourceHits)
            throws IOException {
        Unit own = new Unit("Bundle.entry");
        Frame f = new Frame("Bundle.entry", false);
        own.frames.add(f);
        Unit[] resource = {null};
        entryFullUrl = null;
        Elem entry = elem(Fhir.context().getResourceDefinition("Bundle").getChildByName("entry").getChildByName("entry"),
                "Bundle.entry");
        int rule = run.rules.match("Bundle.entry", "entry", null, "Bundle");
        EntryResource outer = entryResource;
        try (JsonParser p = JSON.createParser(text)) {
            entryResource = (q, t) -> {
                if (t != JsonToken.START_OBJECT) {
                    throw fallback();
                }
                String type = resourceType(q);
                if (type.equals("Bundle")) {
                    throw fallback(); // a Bundle in a Bundle: HAPI indexes its Patients
                }
                EntryResource saved = entryResource;
                entryResource = null;
                Map<Integer, Integer> savedHits = hits;
                hits = resourceHits;
                ordinal = 0; // the hits count values from the resource's first
                try {
                    resource[0] = resource(q, type);
                } finally {
                    hits = savedHits;
                }
                entryResource = saved;
            };
            p.nextToken();
            fields(p, entry, rule, new At(own, f, true, false, true));
            entryResource = outer;
            ScanSink.Buffer mine = new ScanSink.Buffer();
            for (Check k : own.checks) {
                check(k);
            }
            report(own, -1, null, List.of(), mine); // the entry's own fields (fullUrl, request): no Patient's
            if (resource[0] != null) {
                finish(resource[0], entryFullUrl, mine, resourceHits != null);
            }
            mine.replay(report);
            return true;
        } catch (Fallback e) {
            entryResource = outer;
            return false;
        } catch (DeidException e) {
            throw new IllegalStateException(e); // buffers do not fail
        }
    }
}
