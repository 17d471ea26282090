package org.deidworkbench.format.fhir;

import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.deidworkbench.deid.DeidException;

/**
 * Rewrites a FHIR search query — of a conditional reference ({@code Patient?identifier=...}), a
 * conditional request ({@code request.url}, {@code ifNoneExist}) or a Bundle's {@code self} link —
 * parameter by parameter, so that it still finds the cleaned resource: {@code _id} and reference
 * parameters are keyed like the ids they name; identifier tokens become what the identifier becomes
 * in a resource of that type; every other value is kept only where the rules keep that element as
 * it is (a code, a state), because a changed one (a shifted date, a removed name) could no longer
 * match. What cannot be made safe is refused, naming the parameter, never its value. Repeated
 * parameters and comma-separated alternatives are each rewritten. Stateless; thread-safe.
 */
final class SearchQuery {

    /** Parameters that shape the result, not select it: no patient data, kept as written. */
    private static final Set<String> CONTROL = Set.of("_count", "_sort", "_summary", "_elements", "_total", "_format",
            "_pretty", "_include", "_revinclude", "_contained", "_containedType");

    /** How values are rewritten: the cleaner's rules and keys. */
    interface Values {
        /** A resource id of {@code type}, keyed. */
        String id(String type, String id) throws References.InvalidReference, DeidException;

        /** A reference value ({@code Patient/1}, a URL, {@code urn:uuid:...}), keyed. */
        String reference(String value) throws References.InvalidReference, DeidException;

        /** An identifier token ({@code system|value}) as the identifier is cleaned in a {@code type}. */
        String identifier(String type, String token, String parameter) throws References.InvalidReference, DeidException;

        /**
         * Whether the rules keep {@code value} as it is at {@code path} of a {@code type} (its form
         * as the search parameter writes it: {@code system|code} for a token).
         */
        boolean kept(String type, String path, String value, RestSearchParameterTypeEnum kind) throws DeidException;
    }

    private SearchQuery() {
    }

    /**
     * The query rewritten.
     *
     * @param type the resource type searched, or {@code null} (a system-wide search: only control
     *     parameters and {@code _id}-free ones can be kept, so nearly everything is refused)
     * @throws References.InvalidReference naming the parameter that cannot be made safe
     */
    static String rewrite(String type, String query, Values values) throws References.InvalidReference, DeidException {
        StringBuilder out = new StringBuilder();
        for (String part : query.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = References.Query.decode(eq < 0 ? part : part.substring(0, eq));
            String value = References.Query.decode(eq < 0 ? "" : part.substring(eq + 1));
            String rewritten = parameter(type, name, value, values);
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(References.Query.encode(name)).append('=').append(rewritten);
        }
        return out.toString();
    }

    /** One parameter's value, encoded; comma-separated alternatives each rewritten. */
    private static String parameter(String type, String name, String value, Values values)
            throws References.InvalidReference, DeidException {
        if (CONTROL.contains(name)) {
            return References.Query.encode(value);
        }
        int colon = name.indexOf(':');
        String base = colon < 0 ? name : name.substring(0, colon);
        String modifier = colon < 0 ? null : name.substring(colon + 1);
        if (base.indexOf('.') >= 0) {
            throw new References.InvalidReference("a search uses a chained parameter, which cannot be checked");
        }
        if ("missing".equals(modifier)) {
            if (!value.equals("true") && !value.equals("false")) {
                throw refused(name, ":missing takes true or false");
            }
            return value;
        }
        if (type == null) {
            throw refused(name, "a search without a resource type cannot be checked");
        }
        StringBuilder out = new StringBuilder();
        for (String one : alternatives(value)) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(References.Query.encode(one(type, name, base, modifier, one, values)));
        }
        return out.toString();
    }

    private static String one(String type, String name, String base, String modifier, String value, Values values)
            throws References.InvalidReference, DeidException {
        if (base.equals("_id")) {
            if (modifier != null || !References.validId(value)) {
                throw refused(name, "not a resource id");
            }
            return values.id(type, value);
        }
        RuntimeResourceDefinition def = Fhir.context().getResourceDefinition(type);
        RuntimeSearchParam param = def.getSearchParam(base);
        if (param == null) {
            // Its name is not echoed: it is not FHIR's, so it could be anything.
            throw new References.InvalidReference("a search uses a parameter that " + type + " does not define");
        }
        RestSearchParameterTypeEnum kind = param.getParamType();
        if (kind == RestSearchParameterTypeEnum.REFERENCE) {
            if (modifier == null || Fhir.context().getResourceTypes().contains(modifier)) {
                return reference(type, name, param, modifier, value, values);
            }
            if (modifier.equals("identifier")) {
                return values.identifier(null, value, name);
            }
            throw refused(name, "the modifier cannot be checked");
        }
        if (modifier != null && !(kind == RestSearchParameterTypeEnum.STRING && (modifier.equals("exact")
                || modifier.equals("contains")))) {
            throw refused(name, "the modifier cannot be checked");
        }
        List<String> paths = FhirRun.simplePaths(param, type);
        if (paths.isEmpty()) {
            throw refused(name, "its elements cannot be checked");
        }
        if (kind == RestSearchParameterTypeEnum.TOKEN && paths.stream().allMatch(p -> isIdentifier(type, p))) {
            return values.identifier(type, value, name);
        }
        switch (kind) {
            case TOKEN, STRING, URI, DATE, NUMBER, QUANTITY -> {
                for (String path : paths) {
                    if (!values.kept(type, path, value, kind)) {
                        throw refused(name, "the rules change or remove the value, so the condition could not match");
                    }
                }
                return value;
            }
            default -> throw refused(name, "a " + kind.getCode() + " parameter cannot be checked");
        }
    }

    private static String reference(String type, String name, RuntimeSearchParam param, String modifier, String value,
            Values values) throws References.InvalidReference, DeidException {
        if (value.indexOf('/') < 0 && !value.startsWith("urn:")) {
            // A bare id: its type is the modifier, or the one type the parameter can point at.
            String target = modifier;
            if (target == null && param.getTargets().size() == 1) {
                target = param.getTargets().iterator().next();
            }
            if (target == null || !References.validId(value)) {
                throw refused(name, "a bare id whose resource type is not known");
            }
            return values.id(target, value);
        }
        if (modifier != null) {
            throw refused(name, "a type modifier with a typed reference");
        }
        return values.reference(value);
    }

    private static boolean isIdentifier(String type, String path) {
        ca.uhn.fhir.context.BaseRuntimeElementDefinition<?> def = Fhir.context().getResourceDefinition(type);
        String[] parts = path.split("\\.");
        for (int i = 1; i < parts.length && def != null; i++) {
            if (!(def instanceof ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition<?> c)) {
                return false;
            }
            ca.uhn.fhir.context.BaseRuntimeChildDefinition child = c.getChildByName(parts[i]);
            def = child == null ? null : child.getChildByName(parts[i]);
        }
        return def != null && def.getName().equals("Identifier");
    }

    /** Comma-separated alternatives ({@code a,b}); an escaped comma ({@code \,}) stays in its value. */
    private static List<String> alternatives(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                sb.append(c).append(value.charAt(++i));
            } else if (c == ',') {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out;
    }

    /** Names a parameter FHIR defines (with its modifier, if that is one of FHIR's words too). */
    private static References.InvalidReference refused(String parameter, String why) {
        String shown = parameter.matches("[a-z_][a-z0-9_-]{0,63}(:[A-Za-z-]{1,40})?") ? "'" + parameter + "'" : "a parameter";
        return new References.InvalidReference("search parameter " + shown + " cannot be de-identified consistently ("
                + why + ")");
    }
}
