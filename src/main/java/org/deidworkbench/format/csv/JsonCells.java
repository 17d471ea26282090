package org.deidworkbench.format.csv;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deidworkbench.deid.ColumnPlan;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.JsonText;
import org.deidworkbench.deid.ResourceIds;
import org.deidworkbench.deid.XmlText;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.model.FhirSection;

/**
 * The members of a JSON or XML document in a free-text cell (decision 0172), each decided as a column of its name would be when
 * a rule of the profile that marks identifiers or generalizes decides that column (as a name/value table's values are,
 * decision 0161): {@code "last_name"} → the names rule, {@code "dob"} → birth-date, {@code "zip"} → three digits. A FHIR
 * resource's members are named by where they stand: a {@code HumanName}'s {@code family}, {@code given} and {@code text}
 * as a name, an {@code Address}'s {@code line}, {@code city}, {@code district} and {@code postalCode}, a
 * {@code ContactPoint}'s {@code value} by its {@code system}, an {@code Identifier}'s {@code value} as a record number (a
 * social security number's as one), a reference's {@code display} as the name of the person it points at; a CDA
 * document's by its element names ({@code given}, {@code addr}, {@code telecom}, {@code id}, {@code birthTime}). Codes,
 * code systems, units and resource types are kept as written; every other member is scrubbed as the cell's text, alone.
 * Not thread-safe: one per file.
 */
final class JsonCells {

    /** Names remembered per file. */
    private static final int CACHE = 4096;

    private final Deidentifier engine;
    private final Map<String, ColumnPlan> decided = new HashMap<>();
    private static final ColumnPlan NONE = new ColumnPlan("", new org.deidworkbench.model.ActionSpec.Keep(), "",
            ColumnPlan.DecidedBy.DEFAULT, null, 0, "", "", false, false, "");

    JsonCells(Deidentifier engine) {
        this.engine = engine;
    }

    private String lastCell;
    private Document lastDocument;

    /**
     * {@link Document#of} of a cell, the last one remembered: a row without a patient column reads its document once
     * for its patient and again to clean it.
     */
    Document document(String cell) {
        if (cell != lastCell) {
            lastDocument = Document.of(cell);
            lastCell = cell;
        }
        return lastDocument;
    }

    /** The decision for a member by its name where it stands, or null: the cell's own. */
    ColumnPlan decision(JsonText.Member m) {
        String name = contextName(m);
        if (name == null || name.isEmpty()) {
            return null;
        }
        ColumnPlan plan = decided.get(name);
        if (plan == null) {
            plan = NameValueRows.byName(engine, name);
            if (plan == null) {
                plan = NONE;
            }
            if (decided.size() >= CACHE) {
                decided.clear();
            }
            decided.put(name, plan);
        }
        return plan == NONE ? null : plan;
    }

    /** Objects that hold a person's name's parts. */
    private static final Set<String> NAMES = Set.of("name", "names", "humanname", "patientname", "patient_name",
            "contactname", "contact_name", "maidenname");
    private static final Set<String> NAME_PARTS = Set.of("family", "given", "prefix", "suffix", "text", "first",
            "last", "middle", "firstname", "lastname", "middlename", "first_name", "last_name", "middle_name",
            "surname", "forename", "full", "fullname", "full_name", "formatted", "display");
    /** Objects that hold an address. */
    private static final Set<String> ADDRESSES = Set.of("address", "addresses", "addr", "homeaddress", "home_address",
            "mailingaddress", "mailing_address", "residence", "valueaddress");
    /** Objects that hold a phone number or an e-mail address by a {@code system} beside the value. */
    private static final Set<String> CONTACT_POINTS = Set.of("telecom", "contactpoint", "contact_point", "contacts",
            "phones", "phone", "emails");
    /** FHIR resources of a person, whose {@code name} is one. */
    private static final Set<String> PEOPLE = Set.of("Patient", "Practitioner", "RelatedPerson", "Person");
    /** Objects whose {@code name} is no person's. */
    private static final Set<String> NOT_PEOPLE = Set.of("organization", "organisation", "location", "facility",
            "hospital", "clinic", "department", "ward", "unit", "service", "site", "medication", "medications", "drug",
            "drugs", "test", "tests", "lab", "labs", "result", "results", "observation", "observations", "code",
            "coding", "procedure", "procedures", "product", "item", "items", "ingredient", "substance", "specimen",
            "device", "study", "program", "plan", "payer", "insurer", "diagnosis", "diagnoses", "condition",
            "conditions", "panel", "order", "orders", "vaccine", "immunization", "allergy", "allergen", "event");
    /** Resources a reference's display names a person or a room of. */
    private static final Set<String> PERSON_TYPES = Set.of("Patient", "Practitioner", "PractitionerRole",
            "RelatedPerson", "Person", "Location");
    /** Where a reference without a type points at a person: its display is the person's name. */
    private static final Set<String> PERSON_ROLES = Set.of("subject", "patient", "performer", "recorder", "asserter",
            "requester", "author", "generalpractitioner", "practitioner", "individual", "informant", "sender",
            "recipient", "collector", "subscriber", "beneficiary", "party", "who", "enterer", "actor", "attester",
            "operator", "verifiedby", "resultsinterpreter", "orderer", "prescriber", "assessor", "authenticator",
            "legalauthenticator", "referrer", "caremanager", "provider", "contact", "origin", "destination");
    /** Where a reference without a type points at a place: its display names a room, a bed or a ward. */
    private static final Set<String> PLACES = Set.of("location", "locations", "bed", "room", "ward");
    /** The root elements of HTML: a note written as HTML is text with markup (decision 0168), no data document. */
    private static final Set<String> HTML = Set.of("html", "body", "div", "p", "span", "table", "b", "i", "u", "em",
            "strong", "font", "br", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a", "pre", "blockquote",
            "head", "section", "article", "center", "small", "big", "sub", "sup", "hr", "img", "tr", "td", "th", "dl");

    /** A JSON or XML document in a cell (decision 0172): its members, and how a member's new value is written. */
    record Document(String text, java.util.List<JsonText.Member> members, boolean xml, boolean redcap) {

        /** Whether a cell may hold a document: cheap, before {@link #of}. */
        static boolean mayBe(String cell) {
            return JsonText.mayBe(cell) || XmlText.mayBe(cell);
        }

        /** The document in {@code cell}, or null: no JSON document, no XML document, or HTML (text with markup). */
        static Document of(String cell) {
            if (JsonText.mayBe(cell)) {
                java.util.List<JsonText.Member> m = JsonText.members(cell);
                return m == null ? null : new Document(cell, m, false, false);
            }
            if (!XmlText.mayBe(cell) || HTML.contains(rootName(cell))) {
                return null;
            }
            java.util.List<JsonText.Member> m = XmlText.members(cell);
            return m == null ? null : new Document(cell, m, true, false);
        }

        /**
         * A REDCap logging export's list of data changes (decision 0177), or null when the cell is none: its quoted
         * values as members named by their fields.
         */
        static Document redcapChanges(String cell) {
            java.util.List<JsonText.Member> m = RedcapLog.members(cell);
            return m == null ? null : new Document(cell, m, false, true);
        }

        /**
         * How member {@code m} is written with {@code value}: a JSON string, XML text or attribute value, or a REDCap
         * change's value in its quotes.
         */
        String literal(JsonText.Member m, String value) {
            return redcap ? RedcapLog.literal(value) : xml ? XmlText.escape(text, m, value) : JsonText.quote(value);
        }

        /** The document with each of {@code replaced} written as its literal. */
        String rewrite(java.util.List<JsonText.Member> replaced, java.util.List<String> literals) {
            return JsonText.rewrite(text, replaced, literals);
        }
    }

    /** The lower-case local name of the first element of an XML text, or "". */
    private static String rootName(String cell) {
        int i = 0;
        while (true) {
            i = cell.indexOf('<', i);
            if (i < 0 || i + 1 >= cell.length()) {
                return "";
            }
            if (Character.isLetter(cell.charAt(i + 1))) {
                int end = i + 1;
                while (end < cell.length() && (Character.isLetterOrDigit(cell.charAt(end)) || cell.charAt(end) == ':'
                        || cell.charAt(end) == '-' || cell.charAt(end) == '_')) {
                    end++;
                }
                String qname = cell.substring(i + 1, end);
                return qname.substring(qname.indexOf(':') + 1).toLowerCase(Locale.ROOT);
            }
            i++;
        }
    }

    /**
     * The column name that decides member {@code m}, or null: a FHIR or an application's name read where it stands.
     */
    static String contextName(JsonText.Member m) {
        String key = m.key().toLowerCase(Locale.ROOT);
        String parent = m.parentKey().toLowerCase(Locale.ROOT);
        if (NAMES.contains(parent) && NAME_PARTS.contains(key)) {
            return "last_name";
        }
        if (ADDRESSES.contains(parent)) {
            switch (key) {
                case "line", "text", "street", "streetaddress", "street_address", "address", "address1", "address2",
                        "line1", "line2", "house", "housenumber", "house_number", "streetaddressline", "streetname",
                        "housenumbernumeric", "additionallocator", "unitid" -> {
                    return "address";
                }
                case "city", "town", "municipality", "locality" -> {
                    return "city";
                }
                case "district", "county" -> {
                    return "county";
                }
                case "postalcode", "postal_code", "postcode", "zip", "zipcode", "zip_code", "plz" -> {
                    return "zip";
                }
                default -> {
                    return key;
                }
            }
        }
        if (key.equals("value") || key.equals("number")) {
            String system = m.sibling("system").toLowerCase(Locale.ROOT);
            if (CONTACT_POINTS.contains(parent)) {
                return system.equals("email") ? "email" : system.equals("url") ? "web" : "phone";
            }
            if (parent.endsWith("identifier") || parent.equals("identifiers")) {
                return system.contains("ssn") || system.contains("social") ? "ssn" : "mrn";
            }
        }
        if (key.equals("telecom") && m.kind() == JsonText.Kind.ATTRIBUTE) {
            String v = m.value().toLowerCase(Locale.ROOT);
            return v.startsWith("mailto:") ? "email" : v.startsWith("http") ? "web" : "phone"; // CDA's telecom
        }
        if (key.equals("extension") && parent.equals("id") && m.kind() == JsonText.Kind.ATTRIBUTE) {
            // a CDA instance identifier: its root names the issuer (2.16.840.1.113883.4.1: a US social security number)
            return m.sibling("root").equals("2.16.840.1.113883.4.1") ? "ssn" : "mrn";
        }
        if (key.equals("displayname") || key.equals("originaltext")) {
            return null; // a code's words (CDA's displayName): scrubbed as text
        }
        if (key.equals("birthtime")) {
            return "birth_date";
        }
        if (key.equals("name") && (parent.contains("organization") || parent.contains("custodian")
                || parent.contains("manufacturer"))) {
            return null; // an organization's name: scrubbed as text
        }
        if (key.startsWith("value") && key.length() > 5 && !m.sibling("url").isEmpty()) {
            return extensionName(m.sibling("url")); // an extension's value, named by its url
        }
        if (key.equals("data") && (parent.equals("photo") || !m.sibling("contentType").isEmpty())) {
            return "photo"; // an attachment's bytes, in base64: nothing of it can be read as text
        }
        switch (key) {
            case "lotnumber", "lot_number", "serialnumber", "serial_number", "udi", "deviceidentifier", "carrierhrf",
                    "carrieraidc" -> {
                return "device_id";
            }
            case "uid", "studyinstanceuid", "seriesinstanceuid", "sopinstanceuid", "study_uid", "series_uid" -> {
                return "accession"; // a DICOM UID, pseudonymized alike wherever it stands
            }
            default -> {
                // a name of its own
            }
        }
        if (key.equals("name") && (NOT_PEOPLE.contains(parent)
                || !m.sibling("resourceType").isEmpty() && !PEOPLE.contains(m.sibling("resourceType")))) {
            return null; // an organization's, a place's, a drug's or a test's name: scrubbed as text
        }
        if (key.equals("alias") && PERSON_TYPES.contains(m.sibling("resourceType"))) {
            return "name"; // a room's or a ward's other name (4N-412-A), as the FHIR profile removes a Location's alias
        }
        if (key.equals("display") && m.sibling("code").isEmpty() && m.sibling("system").isEmpty()) {
            String type = m.sibling("reference");
            type = type.indexOf('/') > 0 ? type.substring(0, type.indexOf('/')) : "";
            if (PERSON_TYPES.contains(type) || type.isEmpty() && (PERSON_ROLES.contains(parent) || PLACES.contains(parent))) {
                return "name"; // a reference's display: the person or the room it points at
            }
            return null; // an organization's, a coverage's, a medication's: scrubbed as text
        }
        return key;
    }

    /**
     * The name an extension's url gives its value: a name's parts and a maiden name as names, a birth place as a
     * city, an address as one, else the url's last segment.
     */
    private static String extensionName(String url) {
        String segment = url.substring(url.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (segment.contains("maiden")) {
            return "maiden_name";
        }
        if (segment.contains("name") || segment.contains("prefix")) {
            return "last_name";
        }
        if (segment.contains("birthplace")) {
            return "birthPlace";
        }
        if (segment.contains("address")) {
            return "address";
        }
        return segment;
    }

    /**
     * The id of the patient a document is of, or null: a FHIR Patient's own {@code id}, else the first
     * {@code Patient/…} reference of its {@code subject}, {@code patient} or {@code beneficiary}; a CDA document's
     * first {@code recordTarget/patientRole/id}.
     */
    static String patientId(java.util.List<JsonText.Member> members) {
        for (JsonText.Member m : members) {
            if (m.key().equals("id") && m.parentKey().isEmpty() && m.sibling("resourceType").equals("Patient")) {
                return m.value().isBlank() ? null : m.value();
            }
            if (m.kind() == JsonText.Kind.ATTRIBUTE && m.key().equals("extension") && m.parentKey().equals("id")
                    && m.sibling(XmlText.PARENT).equals("patientRole")) {
                return m.value().isBlank() ? null : m.value();
            }
        }
        for (JsonText.Member m : members) {
            if (m.key().equals("reference") && SUBJECTS.contains(m.parentKey()) && m.value().startsWith("Patient/")) {
                String id = referencedId(m.value());
                return id.isEmpty() ? null : id;
            }
        }
        return null;
    }

    private static final Set<String> SUBJECTS = Set.of("subject", "patient", "beneficiary");

    /** The id of a {@code Patient/ID} reference, without a version ({@code /_history/N}). */
    static String referencedId(String reference) {
        String id = reference.substring("Patient/".length());
        int history = id.indexOf("/_history");
        return history >= 0 ? id.substring(0, history) : id;
    }

    /**
     * FHIR resource ids as the run's FHIR files write them: the keyed value of {@code Type/id} in the profile's FHIR id
     * domain ({@link ResourceIds}), recorded in the key file when its {@code resource-ids} say {@code pseudonymize}, as
     * {@code format.fhir.References} does.
     */
    static final class FhirIds {

        /** {@code Type/id[/_history/vid]}, relative: an absolute URL is text. */
        private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile(ResourceIds.RELATIVE);

        private final Deidentifier engine;
        private final String domain;
        private final boolean recorded;

        FhirIds(Deidentifier engine) {
            this.engine = engine;
            FhirSection fhir = engine.profile().section(FhirSection.KEY, FhirSection.class).orElse(null);
            this.domain = fhir == null ? "fhir-id" : fhir.idDomain();
            this.recorded = fhir != null && fhir.resourceIds() == FhirSection.ResourceIds.PSEUDONYMIZE;
        }

        /** The new id of resource {@code type/id}. */
        String id(String type, String id) throws DeidException {
            String original = ResourceIds.original(type, id);
            String pseudonym = engine.keyedValue(domain, original, ResourceIds.FORMAT);
            if (recorded) {
                engine.ledger().record(domain, pseudonym, original);
            }
            return pseudonym;
        }

        /** A relative reference with its id replaced, or null when {@code reference} is none. */
        String reference(String reference) throws DeidException {
            java.util.regex.Matcher m = REFERENCE.matcher(reference);
            if (!m.matches()) {
                return null;
            }
            String rest = m.group("history");
            return m.group("type") + "/" + id(m.group("type"), m.group("id")) + (rest == null ? "" : rest);
        }
    }
}
