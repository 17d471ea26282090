package org.deidworkbench.format.fhir;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deidworkbench.format.FormatException;

/**
 * A JSON or XML document as text, with what it takes to write the cleaned document in the same
 * form: character set (XML may declare one; JSON is UTF-8), byte order mark, XML declaration,
 * pretty-printed or compact, final newline. Immutable.
 */
record FhirText(String text, Charset charset, boolean bom, String xmlDeclaration, boolean pretty, String newline,
        boolean finalNewline) {

    private static final Pattern ENCODING = Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern DECLARATION = Pattern.compile("^<\\?xml[^>]*\\?>");

    /** Decodes a file's bytes. */
    static FhirText of(byte[] bytes, boolean xml) throws FormatException {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        int start = bom ? 3 : 0;
        Charset charset = StandardCharsets.UTF_8;
        if (xml && !bom) {
            String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
            Matcher m = ENCODING.matcher(head);
            if (m.find()) {
                try {
                    charset = Charset.forName(m.group(1));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw new FormatException("FHIR-ENCODING", "XML declaration", "the declared character set is not"
                            + " supported by this Java runtime");
                }
            }
        }
        String text = null;
        if (charset == StandardCharsets.UTF_8) {
            // The common case without a decoder's buffers: a malformed sequence becomes U+FFFD, so a text
            // without one was valid; one with it is decoded again strictly (and reported if malformed).
            text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') >= 0) {
                text = null;
            }
        }
        try {
            text = text != null ? text : charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new FormatException("FHIR-ENCODING", "", "the file is not valid " + charset.name() + " text");
        }
        String declaration = null;
        if (xml) {
            Matcher d = DECLARATION.matcher(text);
            if (d.find()) {
                declaration = d.group();
            }
        }
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        String trimmed = text.strip();
        int firstBreak = trimmed.indexOf('\n');
        boolean pretty = xml ? firstBreak >= 0 && (declaration == null || firstBreak > declaration.length() + 1
                || trimmed.indexOf('\n', firstBreak + 1) >= 0) : indented(trimmed);
        boolean finalNewline = text.endsWith("\n");
        return new FhirText(text, charset, bom, declaration, pretty, newline, finalNewline);
    }

    /**
     * Whether JSON text is pretty-printed: a line that starts indented, as a printer nests members. A compact
     * document with line breaks between its parts (an export writing each entry of a Bundle on a line of its own)
     * is no pretty one: pretty-printing its output whole would be further from it than compact output.
     */
    static boolean indented(String json) {
        for (int i = json.indexOf('\n'); i >= 0 && i + 1 < json.length(); i = json.indexOf('\n', i + 1)) {
            char next = json.charAt(i + 1);
            if (next == ' ' || next == '\t') {
                return true;
            }
        }
        return false;
    }

    /**
     * The form of a file too large to read whole: byte order mark, pretty (an indented line within its
     * first 64 KiB), line break style, final newline; {@code text} is empty. JSON only (UTF-8).
     */
    static FhirText sniff(java.nio.file.Path file) throws java.io.IOException {
        byte[] head;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        }
        boolean bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        String text = new String(head, StandardCharsets.UTF_8).strip();
        boolean pretty = indented(text);
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        boolean finalNewline;
        try (java.nio.channels.SeekableByteChannel ch = java.nio.file.Files.newByteChannel(file)) {
            long size = ch.size();
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.position(Math.max(0, size - 1));
            finalNewline = size > 0 && ch.read(last) == 1 && last.get(0) == '\n';
        }
        return new FhirText("", StandardCharsets.UTF_8, bom, null, pretty, newline, finalNewline);
    }

    /**
     * The form of an XML file too large to read whole, as {@link #of} would find it from the whole
     * file: byte order mark, declared character set and declaration, pretty (a line break within its
     * first 64 KiB that is not just after the declaration), line breaks, final newline; {@code text}
     * is empty. {@code null} when the character set is not one this can tell from the first bytes.
     */
    static FhirText sniffXml(java.nio.file.Path file) throws java.io.IOException {
        byte[] head;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        }
        boolean bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        int start = bom ? 3 : 0;
        if (head.length <= start || head[start] != '<') {
            return null; // UTF-16 and other forms: read whole
        }
        Charset charset = StandardCharsets.UTF_8;
        if (!bom) {
            Matcher m = ENCODING.matcher(new String(head, 0, Math.min(head.length, 200), StandardCharsets.ISO_8859_1));
            if (m.find()) {
                try {
                    charset = Charset.forName(m.group(1));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return null;
                }
            }
        }
        String text = new String(head, start, head.length - start, charset);
        Matcher d = DECLARATION.matcher(text);
        String declaration = d.find() ? d.group() : null;
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        String trimmed = text.strip();
        int firstBreak = trimmed.indexOf('\n');
        boolean pretty = firstBreak >= 0 && (declaration == null || firstBreak > declaration.length() + 1
                || trimmed.indexOf('\n', firstBreak + 1) >= 0);
        boolean finalNewline;
        try (java.nio.channels.SeekableByteChannel ch = java.nio.file.Files.newByteChannel(file)) {
            long size = ch.size();
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.position(Math.max(0, size - 1));
            finalNewline = size > 0 && ch.read(last) == 1 && last.get(0) == '\n';
        }
        return new FhirText("", charset, bom, declaration, pretty, newline, finalNewline);
    }

    /** The text before the body: byte order mark and XML declaration. */
    String prefix() {
        return (bom ? "\uFEFF" : "") + (xmlDeclaration == null ? "" : xmlDeclaration + (pretty ? newline : ""));
    }

    /** The cleaned document's bytes in this document's form. */
    byte[] render(String encoded) {
        return (prefix() + body(encoded) + (finalNewline ? newline : "")).getBytes(charset);
    }

    /** The cleaned document with this document's line breaks. */
    private String body(String encoded) {
        return newline.equals("\n") ? encoded : encoded.replace("\n", newline);
    }

    /**
     * Writes {@link #render}'s bytes to {@code out}. In UTF-8 (the form of every JSON file) the parts are
     * encoded one after the other, each whole, without first copying the document into one string: UTF-8
     * is stateless, so the bytes are the same (decision 0075); other character sets go through {@link #render}.
     */
    void write(String encoded, java.io.OutputStream out) throws java.io.IOException {
        if (charset != StandardCharsets.UTF_8) {
            out.write(render(encoded));
            return;
        }
        out.write(prefix().getBytes(StandardCharsets.UTF_8));
        out.write(body(encoded).getBytes(StandardCharsets.UTF_8));
        if (finalNewline) {
            out.write(newline.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public String toString() {
        return "FhirText[" + text.length() + " chars, " + charset + (pretty ? ", pretty" : ", compact") + "]";
    }
}
