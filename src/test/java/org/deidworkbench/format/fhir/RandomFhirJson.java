package org.deidworkbench.format.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.RuntimeChildChoiceDefinition;
import ca.uhn.fhir.context.RuntimeChildResourceDefinition;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Base;

/**
 * Random FHIR R4 JSON for differential tests, built from HAPI's element definitions: mostly valid
 * resources with the identifying elements the rules care about (names, identifiers typed MR or SSN,
 * telecom, birth dates, extensions kept and dropped, contained resources, primitives' extensions,
 * Bundles), and now and then what HAPI reads leniently or refuses (a string for a number, an
 * invalid date, an empty value, a list for a single value, an unknown element, a duplicate key).
 * Every choice comes from a {@link Source}, so Jazzer can drive it as well as a seeded random.
 */
final class RandomFhirJson {

    /** Where the choices come from. */
    interface Source {
        /** A number in {@code [0, n)}. */
        int pick(int n);

        /** True with probability {@code percent}/100. */
        default boolean chance(int percent) {
            return pick(100) < percent;
        }
    }

    private static final String[] TYPES = {"Patient", "Patient", "Patient", "Observation", "Observation", "Encounter",
        "Condition", "Practitioner", "RelatedPerson", "DocumentReference", "Organization", "Bundle", "Bundle",
        "MedicationRequest", "Procedure"};
    private static final String[] STRINGS = {"Hortensia", "Quagmire-Blythe", "Hortensia Quagmire", "555-867-5309",
        "MRN-7734219", "Called 555-867-5309 on 02/28/2024", "4417 Wintergreen Lane", "Pemberton Falls", "97321", "OR",
        "x", " padded ", "Zoë Müller"};
    private static final String[] URIS = {"http://hospital.example.org/mrn", "http://hl7.org/fhir/sid/us-ssn",
        "http://terminology.hl7.org/CodeSystem/v2-0203", "urn:oid:2.16.840.1.113883.4.3.41", "http://loinc.org"};
    private static final String[] CODES = {"MR", "SS", "DL", "MB", "final", "official", "phone", "email", "home"};
    private static final String[] EXTENSIONS = {"http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex",
        "http://hl7.org/fhir/StructureDefinition/data-absent-reason", "http://example.org/fhir/dropped",
        "http://hl7.org/fhir/StructureDefinition/patient-mothersMaidenName"};

    private final Source in;
    private int depth;

    private RandomFhirJson(Source in) {
        this.in = in;
    }

    /** One random resource as JSON text. */
    static String resource(Source in) {
        RandomFhirJson g = new RandomFhirJson(in);
        return g.resource(TYPES[in.pick(TYPES.length)], false);
    }

    private static String object(List<String> fields) {
        return "{" + String.join(",", fields) + "}";
    }

    private String resource(String type, boolean contained) {
        BaseRuntimeElementCompositeDefinition<?> def = Fhir.context().getResourceDefinition(type);
        List<String> f = new ArrayList<>();
        f.add("\"resourceType\":\"" + type + "\"");
        if (!contained || in.chance(90)) {
            f.add("\"id\":\"" + (in.chance(3) ? "a b" : type.toLowerCase() + "-" + in.pick(5)) + "\"");
        }
        if (type.equals("Bundle")) {
            f.add("\"type\":\"" + (in.chance(50) ? "collection" : "transaction") + "\"");
            if (in.chance(20)) {
                f.add("\"link\":[{\"relation\":\"self\",\"url\":\"http://x.org/fhir/Patient?name=Hortensia\"}]");
            }
            if (in.chance(15)) {
                f.add("\"identifier\":{\"system\":\"" + URIS[0] + "\",\"value\":\"B-1\"}");
            }
            List<String> entries = new ArrayList<>();
            int n = 1 + in.pick(4);
            for (int i = 0; i < n; i++) {
                List<String> e = new ArrayList<>();
                if (in.chance(80)) {
                    e.add("\"fullUrl\":\"urn:uuid:6f1c2a9e-4b7d-4e0a-9c3b-2d5e8f7a1b0" + i + "\"");
                }
                depth++;
                e.add("\"resource\":" + resource(TYPES[in.pick(TYPES.length - 2)], false));
                depth--;
                if (in.chance(30)) {
                    e.add("\"request\":{\"method\":\"POST\",\"url\":\"Patient\",\"ifMatch\":" + string(pick(STRINGS))
                            + "}");
                }
                if (in.chance(20)) {
                    java.util.Collections.reverse(e);
                }
                entries.add(object(e));
            }
            f.add("\"entry\":[" + String.join(",", entries) + "]");
            return object(f);
        }
        if (type.equals("Patient")) {
            String ids = patientIdentifiers();
            if (ids != null) {
                f.add(ids);
            }
        }
        if (!contained && in.chance(20)) {
            f.add("\"contained\":[" + resource(in.chance(50) ? "Practitioner" : "Patient", true) + "]");
        }
        if (in.chance(25)) {
            f.add("\"text\":{\"status\":\"generated\",\"div\":"
                    + string(in.chance(80) ? "<div xmlns=\"http://www.w3.org/1999/xhtml\">Hortensia 555-867-5309</div>"
                            : in.chance(50) ? "plain text" : "<div>unclosed") + "}");
        }
        if (in.chance(5)) {
            f.add("\"unknownElement\":\"Hortensia\"");
        }
        fields(def, 6, List.of("id", "text", "contained", "identifier", "link", "entry", "type"), f);
        if (in.chance(2) && f.size() > 2) {
            f.add(f.get(f.size() - 1)); // a duplicate key
        }
        return object(f);
    }

    private String patientIdentifiers() {
        List<String> ids = new ArrayList<>();
        int n = in.pick(4);
        for (int i = 0; i < n; i++) {
            List<String> f = new ArrayList<>();
            String code = in.chance(60) ? CODES[in.pick(4)] : null;
            if (code != null) {
                f.add("\"type\":{\"coding\":[{\"system\":\"" + URIS[2] + "\",\"code\":\"" + code + "\"}]}");
            }
            f.add("\"system\":\"" + pick(URIS) + "\"");
            if (in.chance(90)) {
                f.add("\"value\":\"" + (in.chance(50) ? "MRN-7734219" : "987-65-4329") + "\"");
            }
            if (in.chance(50)) {
                java.util.Collections.reverse(f);
            }
            ids.add(object(f));
        }
        return n == 0 ? null : "\"identifier\":[" + String.join(",", ids) + "]";
    }

    /** Random children of a composite into {@code f}; {@code skip} are written by the caller. */
    private void fields(BaseRuntimeElementCompositeDefinition<?> def, int percent, List<String> skip, List<String> f) {
        depth++;
        for (BaseRuntimeChildDefinition child : def.getChildren()) {
            String name = child.getElementName();
            if (skip.contains(name) || name.equals("modifierExtension") || !in.chance(bias(name, percent))) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (String n : child.getValidChildNames()) {
                if (!(child instanceof RuntimeChildResourceDefinition) || n.equals(name)) {
                    names.add(n);
                }
            }
            if (names.isEmpty()) {
                continue;
            }
            String json = child instanceof RuntimeChildChoiceDefinition ? names.get(in.pick(names.size())) : name;
            BaseRuntimeElementDefinition<?> target = child.getChildByName(json);
            boolean primitive = target != null
                    && target.getChildType() == BaseRuntimeElementDefinition.ChildTypeEnum.PRIMITIVE_DATATYPE;
            if (target == null || depth > 5 && !primitive) {
                continue;
            }
            boolean repeats = child.getMax() != 1;
            boolean wrongShape = in.pick(200) == 0;
            if (repeats != wrongShape) {
                List<String> values = new ArrayList<>();
                int n = 1 + in.pick(2);
                for (int i = 0; i < n; i++) {
                    values.add(value(child, target));
                }
                f.add("\"" + json + "\":[" + String.join(",", values) + "]");
            } else {
                f.add("\"" + json + "\":" + value(child, target));
            }
            if (!repeats && primitive && in.chance(8)) {
                f.add("\"_" + json + "\":{\"extension\":[" + extension() + "]}");
            }
            if (in.chance(1)) {
                f.add("\"" + json + "Null\":null");
            }
        }
        depth--;
    }

    /** Elements the rules care about come more often. */
    private static int bias(String name, int percent) {
        return switch (name) {
            case "name", "telecom", "birthDate", "address", "note", "subject", "value", "family", "given", "code",
                    "system", "extension", "type", "coding", "display", "text", "onset", "effective", "valueQuantity" -> 45;
            default -> percent;
        };
    }

    private String value(BaseRuntimeChildDefinition child, BaseRuntimeElementDefinition<?> target) {
        switch (target.getChildType()) {
            case PRIMITIVE_DATATYPE, ID_DATATYPE:
                return primitive(child, target);
            case PRIMITIVE_XHTML_HL7ORG:
                return string("<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>");
            case COMPOSITE_DATATYPE, RESOURCE_BLOCK:
                if (target.getName().equals("Extension")) {
                    return extension();
                }
                List<String> f = new ArrayList<>();
                if (in.chance(10)) {
                    f.add("\"id\":\"e1\"");
                }
                fields((BaseRuntimeElementCompositeDefinition<?>) target, 30, List.of("id"), f);
                if (f.isEmpty() && in.chance(70)) {
                    f.add("\"extension\":[" + extension() + "]");
                }
                return object(f);
            default:
                return "\"x\"";
        }
    }

    private String extension() {
        List<String> f = new ArrayList<>();
        if (in.chance(97)) {
            f.add("\"url\":\"" + pick(EXTENSIONS) + "\"");
        }
        if (depth < 5 && in.chance(25)) {
            depth++;
            f.add("\"extension\":[" + extension() + "]");
            depth--;
            if (in.chance(5)) {
                f.add("\"valueString\":\"both\"");
            }
        } else if (in.chance(40)) {
            f.add("\"valueString\":" + string(pick(STRINGS)));
        } else if (in.chance(50)) {
            f.add("\"valueIdentifier\":{\"system\":\"" + pick(URIS) + "\",\"value\":\"987-65-4329\"}");
        } else {
            f.add("\"valueHumanName\":{\"family\":\"Quagmire\",\"given\":[\"Hortensia\"]}");
        }
        if (in.chance(30)) {
            java.util.Collections.reverse(f);
        }
        return object(f);
    }

    private String primitive(BaseRuntimeChildDefinition child, BaseRuntimeElementDefinition<?> target) {
        String type = ((Base) target.newInstance(child.getInstanceConstructorArguments())).fhirType();
        boolean bad = in.chance(1);
        return switch (type) {
            case "boolean" -> bad ? "\"yes\"" : in.chance(50) ? "true" : "false";
            case "integer", "unsignedInt", "positiveInt" -> bad ? (in.chance(50) ? "1.5" : "\"2\"") : String.valueOf(in.pick(5));
            case "decimal" -> bad ? "\"12\"" : in.chance(50) ? "1.50" : "178.2";
            case "date" -> string(bad ? "1974-13-45" : pick("1931-07-14", "2024-03-02", "2024", "2024-03"));
            case "dateTime" -> string(bad ? "2024-03-02T10:00" : pick("2024-03-02T10:00:00Z", "2024-03-02", "1931-07-14",
                    "2024-03-02T10:00:00+01:00"));
            case "instant" -> string(bad ? "2024-03-02" : "2024-03-02T10:00:00.000Z");
            case "time" -> string(bad ? "25:00" : "10:00:00");
            case "base64Binary" -> string(bad ? "!!notbase64" : "SGVsbG8=");
            case "uri", "url", "canonical", "oid", "uuid" -> string(bad ? "" : pick(URIS));
            case "code" -> string(bad ? "robot" : code(child));
            default -> string(bad ? "" : pick(STRINGS));
        };
    }

    /** A valid code of a bound enumeration (now and then another), else one of the pool. */
    private String code(BaseRuntimeChildDefinition child) {
        Object factory = child.getInstanceConstructorArguments();
        if (factory != null && in.chance(90)) {
            for (Method m : factory.getClass().getMethods()) {
                if (m.getName().equals("fromCode") && !m.isBridge() && m.getReturnType().isEnum()) {
                    Object[] values = m.getReturnType().getEnumConstants();
                    Object v = values[in.pick(values.length)];
                    try {
                        Object code = v.getClass().getMethod("toCode").invoke(v);
                        if (code != null) {
                            return (String) code;
                        }
                    } catch (ReflectiveOperationException e) {
                        return "final";
                    }
                }
            }
        }
        return pick(CODES);
    }

    private String pick(String... options) {
        return options[in.pick(options.length)];
    }

    private static String string(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
