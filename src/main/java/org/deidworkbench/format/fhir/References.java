package org.deidworkbench.format.fhir;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.UnprocessableValueException;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.FhirSection;
import org.deidworkbench.model.PseudonymFormat;

/**
 * Replaces resource ids and every way of pointing at them — relative ({@code Patient/123}) and
 * absolute references, {@code urn:uuid:} and {@code urn:oid:} fullUrls, conditional references,
 * {@code request.url} — by keyed values, so that whatever resolved before resolves after, in one
 * file, across files and across runs with the same key.
 *
 * <p>A resource id becomes the keyed value of its <em>type and id</em> together (HMAC, Crockford
 * base32, 20 characters: a valid FHIR id), so {@code Patient/1} and {@code Encounter/1} never
 * collapse. FHIR ids are case-sensitive while pseudonyms are keyed on upper-cased text, so each
 * upper-case letter is marked with {@code ^} first ({@code Patient/aB} is keyed as
 * {@code ^PATIENT/A^B}); the key file records {@code ^Patient/aB} when the profile says
 * {@code resource-ids: pseudonymize}. A {@code urn:uuid:} gets a keyed UUID (version 8, RFC 9562's
 * custom version), a {@code urn:oid:} a keyed {@code 2.25.} OID; a contained resource's id the keyed
 * value of its container and local id. Thread-safe.
 */
final class References {

    /** Keyed resource ids: 20 Crockford base32 characters (100 bits). */
    static final PseudonymFormat ID_FORMAT = org.deidworkbench.deid.ResourceIds.FORMAT;
    private static final PseudonymFormat UUID_FORMAT = new PseudonymFormat(PseudonymFormat.Encoding.HEX, 32, "", false);

    /** {@code [base/]Type/id[/_history/vid]}. */
    private static final Pattern LITERAL = Pattern.compile("(?<base>.*/)?" + org.deidworkbench.deid.ResourceIds.RELATIVE);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");

    private final Deidentifier engine;
    private final FhirSection section;
    private final Set<String> resourceTypes;

    References(Deidentifier engine, FhirSection section) {
        this.engine = engine;
        this.section = section;
        this.resourceTypes = Fhir.context().getResourceTypes();
    }

    /** A reference that cannot be rewritten safely; the message never quotes it. */
    static final class InvalidReference extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidReference(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------- keys of the patient index

    /**
     * The comparison key of a reference as the patient index stores it: {@code Type/id} for literal
     * references (relative or absolute), the lower-cased {@code urn:uuid:}, the {@code urn:oid:}, or
     * {@code Type?identifier=system|value} for a conditional one; {@code null} when it has none.
     */
    String key(String reference) {
        return keyOf(reference, resourceTypes);
    }

    /** {@link #key} with the resource types {@code resourceTypes} (HAPI's: {@code Fhir.context().getResourceTypes()}). */
    static String keyOf(String reference, Set<String> resourceTypes) {
        if (reference == null || reference.isEmpty() || reference.startsWith("#")) {
            return null;
        }
        if (reference.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
            return reference.toLowerCase(Locale.ROOT);
        }
        if (reference.startsWith("urn:oid:")) {
            return reference;
        }
        int q = reference.indexOf('?');
        if (q > 0) {
            Map<String, String> params = Query.parse(reference.substring(q + 1));
            String identifier = params.get("identifier");
            return params.size() == 1 && identifier != null ? reference.substring(0, q) + "?identifier=" + identifier : null;
        }
        Matcher m = LITERAL.matcher(reference);
        return m.matches() && resourceTypes.contains(m.group("type")) ? m.group("type") + "/" + m.group("id") : null;
    }

    /**
     * Whether an {@code Attachment.url} points at a resource of the export and is rewritten as a reference
     * (decision 0122): a relative literal reference to a known resource type ({@code Binary/123}, as Epic points a
     * DocumentReference at its content), the same under a server's {@code http(s)} base
     * ({@code https://fhir-ehr.cerner.com/r4/<tenant>/Binary/XR-123}, as Oracle Health does; decision 0217) or a
     * {@code urn:uuid:} of a Bundle's entry. Any other URL stays the attachment-url rule's business.
     */
    boolean resolvableUrl(String url) {
        if (url == null || url.isEmpty()) {
            return false;
        }
        if (url.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
            return UUID.matcher(url.substring(9)).matches();
        }
        Matcher m = LITERAL.matcher(url);
        return m.matches() && resourceTypes.contains(m.group("type")) && (m.group("base") == null || serverBase(m));
    }

    /** Whether a literal reference's base is a server's: {@code http://} or {@code https://} and a host. */
    private static boolean serverBase(Matcher m) {
        String base = m.group("base");
        int scheme = base.regionMatches(true, 0, "https://", 0, 8) ? 8 : base.regionMatches(true, 0, "http://", 0, 7) ? 7 : -1;
        return scheme > 0 && base.length() > scheme + 1 && base.charAt(scheme) != '/';
    }

    /**
     * The reference an attachment's {@link #resolvableUrl} is rewritten as: itself, or without its server's base
     * ({@code Binary/XR-123}): the output names no server (as {@code meta.source} names none), and its resource is in
     * the output under the keyed id the reference gets (decision 0217).
     */
    String attachmentReference(String url) {
        Matcher m = LITERAL.matcher(url);
        return m.matches() && m.group("base") != null ? url.substring(m.start("type")) : url;
    }

    /** The resource type a reference names, or {@code null}. */
    String type(String reference) {
        return typeOf(reference, resourceTypes);
    }

    /** {@link #type} with the resource types {@code resourceTypes}. */
    static String typeOf(String reference, Set<String> resourceTypes) {
        if (reference == null) {
            return null;
        }
        int q = reference.indexOf('?');
        if (q > 0) {
            String type = reference.substring(0, q);
            return resourceTypes.contains(type) ? type : null;
        }
        Matcher m = LITERAL.matcher(reference);
        return m.matches() && resourceTypes.contains(m.group("type")) ? m.group("type") : null;
    }

    // ---------------------------------------------------------------- rewriting

    /** The new id of the resource {@code type/id}. */
    String id(String type, String id) throws DeidException {
        String original = escape(type + "/" + id);
        String pseudonym = engine.keyedValue(section.idDomain(), original, ID_FORMAT);
        if (section.resourceIds() == FhirSection.ResourceIds.PSEUDONYMIZE) {
            engine.ledger().record(section.idDomain(), pseudonym, original);
        }
        return pseudonym;
    }

    /**
     * The new id of a contained resource: keyed by its container ({@code Type/id}, the id empty when
     * the container has none) and its local id; never recorded (it has no meaning outside its container).
     */
    String containedId(String container, String localId) {
        return engine.keyedValue(section.idDomain(), escape(container + "#" + localId), ID_FORMAT);
    }

    /**
     * The rewritten reference, fullUrl or {@code request.url}.
     *
     * @param local the new ids of the container's contained resources ({@code #id}), may be empty
     * @param conditional rewrites the query of a conditional reference (identifier values)
     * @throws InvalidReference when it is none of the forms FHIR allows
     */
    String rewrite(String reference, Map<String, String> local, ConditionalRewriter conditional)
            throws InvalidReference, DeidException {
        if (reference.startsWith("#")) {
            if (reference.length() == 1) {
                return reference; // the container itself
            }
            String mapped = local.get(reference.substring(1));
            if (mapped == null) {
                throw new InvalidReference("a local reference (#...) names no contained resource");
            }
            return "#" + mapped;
        }
        if (reference.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
            String uuid = urnUuid(reference);
            if (uuid == null) {
                throw new InvalidReference("a urn:uuid: reference does not hold a UUID");
            }
            return "urn:uuid:" + keyedUuid(uuid);
        }
        if (reference.startsWith("urn:oid:")) {
            String oid = reference.substring(8);
            if (!OID.matcher(oid).matches()) {
                throw new InvalidReference("a urn:oid: reference does not hold an OID");
            }
            try {
                return "urn:oid:" + engine.method(new ActionSpec.RemapUid()).apply(oid, new FieldContext(null, "urn:oid"));
            } catch (UnprocessableValueException e) {
                throw new InvalidReference("a urn:oid: reference cannot be remapped (" + e.code() + ")");
            }
        }
        int q = reference.indexOf('?');
        if (q >= 0) {
            String type = reference.substring(0, q);
            if (!type.isEmpty() && !resourceTypes.contains(type)) {
                throw new InvalidReference("a conditional reference names an unknown resource type");
            }
            return type + "?" + conditional.rewrite(type, reference.substring(q + 1));
        }
        Matcher m = LITERAL.matcher(reference);
        if (!m.matches()) {
            if (resourceTypes.contains(reference)) {
                return reference; // a request.url of a create: "Patient"
            }
            throw new InvalidReference("not a reference FHIR allows ([base/]Type/id, urn:uuid:, urn:oid:, #id or Type?query)");
        }
        String type = m.group("type");
        if (!resourceTypes.contains(type)) {
            throw new InvalidReference("a reference names an unknown resource type");
        }
        String base = m.group("base") == null ? "" : m.group("base");
        String history = m.group("history") == null ? "" : m.group("history");
        return base + type + "/" + id(type, m.group("id")) + history;
    }

    /** Whether {@code id} is a valid FHIR id. */
    static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The UUID, lower-cased, of a {@code urn:uuid:} fullUrl or reference; {@code null} for any other form. */
    static String urnUuid(String fullUrl) {
        if (fullUrl.regionMatches(true, 0, "urn:uuid:", 0, 9) && UUID.matcher(fullUrl.substring(9)).matches()) {
            return fullUrl.substring(9).toLowerCase(Locale.ROOT);
        }
        return null;
    }

    /** The keyed UUID that {@link #rewrite} writes for {@code urn:uuid:} and {@code uuid} (lower case). */
    String keyedUuid(String uuid) throws DeidException {
        return uuid("urn:uuid:" + uuid);
    }

    /** A keyed UUID for an original {@code urn:uuid:} (lower case), version 8 with the RFC variant. */
    private String uuid(String original) throws DeidException {
        char[] h = engine.keyedValue(section.idDomain(), original, UUID_FORMAT).toCharArray();
        h[12] = '8';
        h[16] = "89ab".charAt(Character.digit(h[16], 16) & 0x3);
        String s = new String(h);
        String uuid = s.substring(0, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12, 16) + "-" + s.substring(16, 20)
                + "-" + s.substring(20);
        if (section.resourceIds() == FhirSection.ResourceIds.PSEUDONYMIZE) {
            engine.ledger().record(section.idDomain(), "urn:uuid:" + uuid, original);
        }
        return uuid;
    }

    /** {@code ^} before every upper-case ASCII letter, so upper-casing keeps different ids apart. */
    static String escape(String s) {
        return org.deidworkbench.deid.ResourceIds.escape(s);
    }

    /** Rewrites the query of a conditional reference or request. */
    interface ConditionalRewriter {
        /** The new query; throws when it cannot be kept. */
        String rewrite(String type, String query) throws InvalidReference, DeidException;
    }

    /** Minimal {@code application/x-www-form-urlencoded} handling for conditional references. */
    static final class Query {
        private Query() {
        }

        /** Parameters in order; a repeated name keeps its first value. */
        static Map<String, String> parse(String query) {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            for (String part : query.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String name = eq < 0 ? part : part.substring(0, eq);
                String value = eq < 0 ? "" : part.substring(eq + 1);
                out.putIfAbsent(decode(name), decode(value));
            }
            return out;
        }

        static String decode(String s) {
            try {
                return URLDecoder.decode(s, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return s;
            }
        }

        static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%7C", "|").replace("%3A", ":").replace("%2F", "/");
        }
    }
}
