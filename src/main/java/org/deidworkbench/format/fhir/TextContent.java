package org.deidworkbench.format.fhir;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.DocumentMembers;
import org.deidworkbench.deid.JsonText;
import org.deidworkbench.deid.MarkupText;
import org.deidworkbench.deid.XmlText;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * Free text that is not a plain string: base64 attachments with a text content type (plain text,
 * HTML, CDA and other XML, RTF, JSON) and XHTML narratives. Both are scrubbed where the text is and
 * written back in their own form. Stateless and thread-safe.
 */
final class TextContent {

    private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

    private TextContent() {
    }

    /** Scrubs one piece of text; the subject and field are bound by the caller. */
    interface Scrubber {
        String scrub(String text) throws DeidException;
    }

    /**
     * Whether an attachment of this MIME type is text that can be decoded, scrubbed and re-encoded:
     * {@code text/*}, XML (CDA), RTF and JSON. Everything else (images, PDF, unknown) is binary.
     */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        String base = (semi < 0 ? t : t.substring(0, semi)).strip();
        return base.startsWith("text/") || base.equals("application/xml") || base.endsWith("+xml")
                || base.equals("application/rtf") || base.equals("application/json") || base.endsWith("+json");
    }

    /**
     * The attachment's bytes with its text scrubbed, in the same character set (the type's
     * {@code charset}, else UTF-8; bytes that are not valid in it are read as ISO-8859-1, which
     * reads every byte).
     */
    static byte[] scrubAttachment(byte[] data, String contentType, Scrubber scrubber) throws DeidException {
        Charset charset = charset(contentType);
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            charset = StandardCharsets.ISO_8859_1;
            text = new String(data, charset);
        }
        boolean bom = !text.isEmpty() && text.charAt(0) == '\uFEFF';
        String body = bom ? text.substring(1) : text;
        String scrubbed = cda(body) ? cleanCda(body, scrubber) : null;
        if (scrubbed == null) {
            // a photograph inside the note (an HTML data URI, an RTF picture) without its EXIF (decision 0171)
            scrubbed = scrubber.scrub(org.deidworkbench.format.EmbeddedImages.clean(body));
        }
        return ((bom ? "\uFEFF" : "") + scrubbed).getBytes(charset);
    }

    /** Whether a text is a CDA document: XML whose first element is {@code ClinicalDocument}. */
    static boolean cda(String text) {
        if (!XmlText.mayBe(text)) {
            return false;
        }
        Matcher m = FIRST_ELEMENT.matcher(text);
        return m.find() && m.group(1).equals("ClinicalDocument");
    }

    private static final Pattern FIRST_ELEMENT = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?([A-Za-z_][\\w.-]*)[\\s/>]");

    /**
     * A CDA document with each text run and attribute value cleaned where it stands (decision 0216), as a table's CDA
     * cell is (decision 0172): codes, code systems, templates and the document's structure kept as written; a point in
     * time's date moved as the scrubber moves the patient's dates, its time of day kept; a person's given and family
     * names {@code [NAME]}; an address's street {@code [ADDRESS]}, its city and county {@code [LOCATION]}, its postal
     * code coarsened to three digits; a telecom {@code [PHONE]}, {@code [EMAIL]} or {@code [URL]}; an instance id the
     * scrubber does not replace, with a digit, {@code [ID]}; every other run and value scrubbed as text, alone. Null
     * when the text is no well-formed document.
     */
    static String cleanCda(String text, Scrubber scrubber) throws DeidException {
        List<JsonText.Member> members = XmlText.members(text);
        if (members == null) {
            return null;
        }
        List<JsonText.Member> replaced = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        for (JsonText.Member m : members) {
            if (m.kind() == JsonText.Kind.LITERAL || m.value().isBlank() || DocumentMembers.code(m)) {
                continue;
            }
            String result = cdaMember(m, scrubber);
            if (!result.equals(m.value())) {
                replaced.add(m);
                literals.add(XmlText.escape(text, m, result));
            }
        }
        return replaced.isEmpty() ? text : JsonText.rewrite(text, replaced, literals);
    }

    /** Elements whose own text is a person's whole name ({@code <name>Ann Smith</name>} in an assigned person). */
    private static final java.util.Set<String> PEOPLE = java.util.Set.of("patient", "assignedperson", "guardianperson",
            "relatedperson", "associatedperson", "maintainingperson", "person");

    private static String cdaMember(JsonText.Member m, Scrubber scrubber) throws DeidException {
        String key = m.key().toLowerCase(Locale.ROOT);
        String parent = m.parentKey().toLowerCase(Locale.ROOT);
        String v = m.value();
        boolean attribute = m.kind() == JsonText.Kind.ATTRIBUTE;
        if (DocumentMembers.time(m)) {
            int digits = 0;
            while (digits < v.length() && Character.isDigit(v.charAt(digits))) {
                digits++;
            }
            if (digits < 8) {
                // a year alone stays what the scrubber makes of it; a month or a day without its hours is no year
                return digits <= 4 ? scrubber.scrub(v) : "[DATE]";
            }
            String day = scrubber.scrub(v.substring(0, 8));
            boolean moved = day.length() == 8 && day.chars().allMatch(Character::isDigit);
            return moved ? day + v.substring(8) : day;
        }
        if (parent.equals("name") && (key.equals("given") || key.equals("family"))
                || key.equals("name") && !attribute && PEOPLE.contains(parent)) {
            return "[NAME]";
        }
        if (parent.equals("addr") && !attribute) {
            switch (key) {
                case "streetaddressline", "streetname", "housenumber", "housenumbernumeric", "unitid", "unittype",
                        "additionallocator", "deliveryaddressline", "postbox", "careof", "buildingnumbersuffix" -> {
                    return "[ADDRESS]";
                }
                case "city", "county", "precinct", "censustract" -> {
                    return "[LOCATION]";
                }
                case "postalcode" -> {
                    try {
                        return org.deidworkbench.deid.method.GeneralizeMethod.zip3(v.strip());
                    } catch (org.deidworkbench.deid.UnprocessableValueException e) {
                        return "[ZIP]";
                    }
                }
                case "state", "country" -> {
                    return v;
                }
                default -> {
                    return scrubber.scrub(v);
                }
            }
        }
        if (key.equals("telecom") && attribute) {
            String lower = v.toLowerCase(Locale.ROOT);
            return lower.startsWith("mailto:") ? "[EMAIL]" : lower.startsWith("http") ? "[URL]" : "[PHONE]";
        }
        if (key.equals("extension") && parent.equals("id") && attribute) {
            String scrubbed = scrubber.scrub(v);
            return scrubbed.equals(v) && v.chars().anyMatch(Character::isDigit) ? "[ID]" : scrubbed;
        }
        return scrubber.scrub(v);
    }

    static Charset charset(String contentType) {
        Matcher m = CHARSET.matcher(contentType);
        if (m.find()) {
            try {
                return Charset.forName(m.group(1));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    /**
     * Scrubs an XHTML tree in place: every text node and attribute value (a {@code data:} URL, an
     * embedded image, is removed); comments and processing instructions are dropped.
     *
     * @return whether anything changed
     */
    static boolean scrubXhtml(XhtmlNode node, Scrubber scrubber) throws DeidException {
        boolean changed = false;
        if (node.getNodeType() == NodeType.Text || node.getNodeType() == NodeType.CData) {
            String content = node.getContent();
            if (content != null && !content.isBlank()) {
                String scrubbed = scrubber.scrub(content);
                if (!scrubbed.equals(content)) {
                    node.setContent(scrubbed);
                    changed = true;
                }
            }
            return changed;
        }
        changed |= scrubAttributes(node, scrubber);
        if (node.getChildNodes() != null) {
            java.util.Set<XhtmlNode> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            changed |= scrubInlineRuns(node, scrubber, done);
            List<XhtmlNode> drop = new ArrayList<>();
            for (XhtmlNode child : node.getChildNodes()) {
                if (child.getNodeType() == NodeType.Comment || child.getNodeType() == NodeType.Instruction) {
                    drop.add(child);
                } else if (!done.contains(child)) {
                    changed |= scrubXhtml(child, scrubber);
                }
            }
            for (XhtmlNode d : drop) {
                node.getChildNodes().remove(d);
                changed = true;
            }
        }
        return changed;
    }

    /** Scrubs an element's attribute values (a {@code data:} URL, an embedded image, is removed); whether any changed. */
    private static boolean scrubAttributes(XhtmlNode node, Scrubber scrubber) throws DeidException {
        boolean changed = false;
        Map<String, String> attributes = node.getAttributes();
        if (attributes != null) {
            for (String name : new ArrayList<>(attributes.keySet())) {
                String value = attributes.get(name);
                if (value == null || name.equals("xmlns") || name.startsWith("xmlns:")) {
                    continue;
                }
                if (value.strip().regionMatches(true, 0, "data:", 0, 5)) {
                    attributes.remove(name);
                    changed = true;
                    continue;
                }
                String scrubbed = scrubber.scrub(value);
                if (!scrubbed.equals(value)) {
                    attributes.put(name, scrubbed);
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** Scrubs the attribute values of a run's elements, at any depth: the run's text was scrubbed as one. */
    private static boolean scrubRunAttributes(XhtmlNode node, Scrubber scrubber) throws DeidException {
        if (node.getNodeType() != NodeType.Element) {
            return false;
        }
        boolean changed = scrubAttributes(node, scrubber);
        if (node.getChildNodes() != null) {
            for (XhtmlNode c : node.getChildNodes()) {
                changed |= scrubRunAttributes(c, scrubber);
            }
        }
        return changed;
    }

    /**
     * Scrubs each run of an element's children that a reader sees as one text — text nodes and inline elements
     * ({@code <b>}, {@code <span lang="de">}: {@link MarkupText#isInlineElement}) holding only such — as one text
     * with its tags (decision 0168): a name written {@code <b>Pe</b>ter Schn<span>eider</span>} is found as the
     * scrubber finds it in an HTML note, and the run is read back from the scrubbed text with every tag where it was.
     * The run's nodes are added to {@code done}: they are not scrubbed again one by one.
     *
     * @return whether a run changed
     */
    private static boolean scrubInlineRuns(XhtmlNode node, Scrubber scrubber, java.util.Set<XhtmlNode> done)
            throws DeidException {
        List<XhtmlNode> children = node.getChildNodes();
        boolean changed = false;
        int i = 0;
        while (i < children.size()) {
            int end = i;
            boolean element = false;
            while (end < children.size() && inline(children.get(end))) {
                element |= children.get(end).getNodeType() == NodeType.Element;
                end++;
            }
            if (!element || end - i < 2) {
                i = Math.max(end, i + 1);
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (int k = i; k < end; k++) {
                write(children.get(k), text);
            }
            String written = text.toString();
            String scrubbed = scrubber.scrub(written);
            List<XhtmlNode> run = new ArrayList<>(children.subList(i, end));
            if (!scrubbed.equals(written)) {
                List<XhtmlNode> read = readBack(scrubbed);
                if (read == null) {
                    i = end; // not read back: its pieces are scrubbed one by one, as before decision 0168
                    continue;
                }
                children.subList(i, end).clear();
                children.addAll(i, read);
                run = read;
                changed = true;
            }
            for (XhtmlNode r : run) {
                changed |= scrubRunAttributes(r, scrubber); // an id or a class is scrubbed as before, on its own
            }
            done.addAll(run);
            i += run.size();
        }
        return changed;
    }

    /** Whether a node is text, or an inline element holding only such. */
    private static boolean inline(XhtmlNode n) {
        if (n.getNodeType() == NodeType.Text) {
            return true;
        }
        if (n.getNodeType() != NodeType.Element || !MarkupText.isInlineElement(n.getName(),
                n.getAttributes() == null ? List.of() : n.getAttributes().keySet())) {
            return false;
        }
        if (n.getChildNodes() != null) {
            for (XhtmlNode c : n.getChildNodes()) {
                if (!inline(c)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A run's node as XHTML: text with its markup characters escaped, an inline element with its attributes. */
    private static void write(XhtmlNode n, StringBuilder out) {
        if (n.getNodeType() == NodeType.Text) {
            out.append(MarkupText.asMarkup(n.getContent() == null ? "" : n.getContent()));
            return;
        }
        out.append('<').append(n.getName());
        if (n.getAttributes() != null) {
            for (Map.Entry<String, String> a : n.getAttributes().entrySet()) {
                out.append(' ').append(a.getKey()).append("=\"")
                        .append(MarkupText.asMarkup(a.getValue() == null ? "" : a.getValue())).append('"');
            }
        }
        out.append('>');
        if (n.getChildNodes() != null) {
            for (XhtmlNode c : n.getChildNodes()) {
                write(c, out);
            }
        }
        out.append("</").append(n.getName()).append('>');
    }

    /** The nodes of a scrubbed run, read back; null when it is not well-formed XHTML any more. */
    private static List<XhtmlNode> readBack(String scrubbed) {
        try {
            XhtmlNode div = new org.hl7.fhir.utilities.xhtml.XhtmlParser().parseFragment(
                    "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + scrubbed + "</div>");
            return div == null || div.getChildNodes() == null ? null : new ArrayList<>(div.getChildNodes());
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
