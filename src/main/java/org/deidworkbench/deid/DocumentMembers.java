package org.deidworkbench.deid;

import java.util.Locale;
import java.util.Set;

/**
 * What the members of a JSON or XML document in a text are where they stand (decision 0172): codes, code systems,
 * units, types and a document's structure, kept as written; an XML document's points in time, shifted. Shared by a
 * table's document cells and FHIR's XML attachments (decision 0216).
 */
public final class DocumentMembers {

    private DocumentMembers() {
    }

    /** Members that are codes, code systems, units or types: a researcher's, kept as written when they look like one. */
    private static final Set<String> CODES = Set.of("resourcetype", "system", "code", "version", "unit", "status",
            "gender", "use", "codesystem", "code_system", "valueset", "profile", "language", "contenttype",
            "intent", "priority", "category",
            // a CDA's attributes of codes, identifiers' issuers and structure
            "root", "codesystemname", "codesystemversion", "classcode", "moodcode", "typecode", "determinercode",
            "mediatype", "nullflavor", "representation", "xmlns", "type", "schemalocation", "contextcontrolcode",
            "inversionind", "negationind", "operator", "assigningauthorityname");

    /** A CDA's elements naming what the document conforms to: a template's version date is no patient's. */
    private static final Set<String> STRUCTURE = Set.of("templateid", "typeid", "realmcode", "languagecode",
            "confidentialitycode");

    /** An XML document's element names of points in time: their {@code value} is a date, shifted. */
    private static final Set<String> TIMES = Set.of("effectivetime", "time", "low", "high", "center",
            "deceasedtime", "expectedusetime", "signaturetime");

    /** Whether member {@code m} is an XML document's point in time ({@code <effectiveTime value="20230506143000-0500"/>}). */
    public static boolean time(JsonText.Member m) {
        return m.kind() == JsonText.Kind.ATTRIBUTE && TIMES.contains(m.key().toLowerCase(Locale.ROOT))
                && !m.value().isEmpty() && Character.isDigit(m.value().charAt(0));
    }

    /**
     * Whether member {@code m} is a code, a code system, a unit or a type that is kept as written: one of those names,
     * a value of at most 64 characters without white space; an extension's {@code url}.
     */
    public static boolean code(JsonText.Member m) {
        String key = m.key().toLowerCase(Locale.ROOT);
        boolean named = CODES.contains(key)
                || key.equals("url") && (m.parentKey().equals("extension") || m.parentKey().equals("modifierExtension"))
                || m.kind() == JsonText.Kind.ATTRIBUTE && STRUCTURE.contains(m.parentKey().toLowerCase(Locale.ROOT));
        int limit = key.equals("url") || key.equals("system") || key.equals("profile") ? 256 : 64;
        if (!named || m.value().length() > limit || JsonText.mayBe(m.value())) {
            return false;
        }
        for (int i = 0; i < m.value().length(); i++) {
            if (Character.isWhitespace(m.value().charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
