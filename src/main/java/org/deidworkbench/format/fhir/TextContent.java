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
        String scrubbed = scrubber.scrub(bom ? text.substring(1) : text);
        return ((bom ? "\uFEFF" : "") + scrubbed).getBytes(charset);
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
        if (node.getChildNodes() != null) {
            List<XhtmlNode> drop = new ArrayList<>();
            for (XhtmlNode child : node.getChildNodes()) {
                if (child.getNodeType() == NodeType.Comment || child.getNodeType() == NodeType.Instruction) {
                    drop.add(child);
                } else {
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
}
