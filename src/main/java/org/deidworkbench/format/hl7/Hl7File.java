package org.deidworkbench.format.hl7;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deidworkbench.format.FormatException;

/**
 * A file of HL7 v2 messages as interfaces and their archives write it (decision 0182): messages one after another, each
 * an {@code MSH} segment and the segments after it, segments ended by a carriage return (the standard), a line feed or
 * both, messages in MLLP frames ({@code 0x0B} before, {@code 0x1C} and a carriage return after) or separated by blank
 * lines, a batch's {@code FHS}/{@code BHS}/{@code BTS}/{@code FTS} around them. Read piece by piece: a piece is a whole
 * message (its text with the terminators between its segments as written, for {@code Hl7Message}) or one line outside a
 * message (a batch segment, a blank line, a frame's end), each with what stands before and after it, so that writing
 * {@code before + cleaned + after} for every piece rewrites the file byte for byte where nothing changed. Memory: one
 * message. The encoding: UTF-8 when the file's first 64 KiB are UTF-8, else Windows-1252 (HL7's 8859/1 and the
 * interfaces' ANSI); a later byte that does not fit fails the file with its line. Not thread-safe; one per file.
 */
final class Hl7File implements Closeable {

    /** A message larger than this fails its file: one message is held in memory. */
    static final int MAX_MESSAGE_CHARS = 64 << 20;

    /**
     * One piece of the file.
     *
     * @param before what stands before the text: MLLP's start byte
     * @param text a message (segments joined by their terminators) or one line outside a message
     * @param after what follows the text: a frame's end byte and the last terminator
     * @param message whether {@code text} is a message
     * @param number the message's number in the file (1 for the first), 0 for a line outside a message
     * @param line the file's line the text starts on (1 for the first)
     */
    record Piece(String before, String text, String after, boolean message, long number, long line) {
    }

    private final Path path;
    private final java.io.BufferedReader reader;
    private final Charset charset;
    private long lineNumber;
    private long messages;
    private Line pending;
    private boolean ended;

    /** One physical line: its frame bytes before and after, its text, its terminator. */
    private record Line(String start, String core, String end, String terminator, long number) {
        boolean segment() {
            return isSegment(core);
        }

        boolean startsMessage() {
            return core.startsWith("MSH") && isSegment(core);
        }
    }

    Hl7File(Path path) throws IOException {
        this.path = path;
        this.charset = charsetOf(path);
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.reader = new java.io.BufferedReader(new StrictReader(Files.newInputStream(path), decoder), 1 << 16);
    }

    /**
     * A reader that hands over every character before a byte its charset cannot read, and only then fails: an
     * {@code InputStreamReader} fails when its buffer reaches the byte, thousands of characters before the line that
     * holds it, which the error must name.
     */
    private static final class StrictReader extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder;
        private final java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(1 << 16).flip();
        private final java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(1 << 16).flip();
        private boolean eof;
        private boolean done;
        private CharacterCodingException pending;

        StrictReader(InputStream in, CharsetDecoder decoder) {
            this.in = in;
            this.decoder = decoder;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            while (!chars.hasRemaining()) {
                if (pending != null) {
                    throw pending;
                }
                if (done) {
                    return -1;
                }
                chars.clear();
                java.nio.charset.CoderResult r = decoder.decode(bytes, chars, eof);
                if (r.isError()) {
                    pending = new java.nio.charset.MalformedInputException(r.length());
                } else if (r.isUnderflow()) {
                    if (eof) {
                        decoder.flush(chars);
                        done = true;
                    } else {
                        bytes.compact();
                        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                        if (n < 0) {
                            eof = true;
                        } else {
                            bytes.position(bytes.position() + n);
                        }
                        bytes.flip();
                    }
                }
                chars.flip();
            }
            int n = Math.min(length, chars.remaining());
            chars.get(buffer, offset, n);
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** The file's encoding, which the output keeps. */
    Charset charset() {
        return charset;
    }

    /** UTF-8 when the file's first 64 KiB decode as UTF-8 (a character cut at the sample's end aside), else Windows-1252. */
    static Charset charsetOf(Path path) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(1 << 16);
        }
        // not the end of the input: a character the sample cuts is left undecoded, not an error
        boolean utf8 = !StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(head), java.nio.CharBuffer.allocate(head.length), false).isError();
        return utf8 ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
    }

    /** Whether a text begins as a segment does: three capitals or digits, the first a capital, then a separator. */
    static boolean isSegment(String text) {
        if (text.length() < 4) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        char separator = text.charAt(3);
        return separator == '|' || !Character.isLetterOrDigit(separator) && !Character.isWhitespace(separator)
                && separator > ' ' && separator < 0x7F && text.startsWith("MSH");
    }

    /** The next piece, or null at the file's end. */
    Piece next() throws IOException, FormatException {
        Line first = pending != null ? pending : readLine();
        pending = null;
        if (first == null) {
            return null;
        }
        if (!first.startsMessage()) {
            return new Piece(first.start, first.core, first.end + first.terminator, false, 0, first.number);
        }
        messages++;
        StringBuilder text = new StringBuilder(first.core);
        Line last = first;
        while (last.end.isEmpty()) {
            Line line = readLine();
            if (line == null) {
                break;
            }
            // a message ends before the next message, a batch segment, a blank line or a frame's start; a line that is
            // no segment inside it is a field's text broken by a line feed, part of the segment before it
            if (line.startsMessage() || line.core.isEmpty() || !line.start.isEmpty()
                    || line.segment() && (line.core.startsWith("FHS") || line.core.startsWith("BHS")
                            || line.core.startsWith("BTS") || line.core.startsWith("FTS"))) {
                pending = line;
                break;
            }
            if (text.length() + line.core.length() > MAX_MESSAGE_CHARS) {
                throw new FormatException("HL7-MESSAGE-TOO-LARGE", "message " + messages + " (line " + first.number + ")",
                        "a message of more than " + (MAX_MESSAGE_CHARS >> 20) + " Mi characters; the file is not written");
            }
            text.append(last.terminator).append(line.core);
            last = line;
        }
        return new Piece(first.start, text.toString(), last.end + last.terminator, true, messages, first.number);
    }

    /** Messages read so far. */
    long messages() {
        return messages;
    }

    private Line readLine() throws IOException, FormatException {
        if (ended) {
            return null;
        }
        StringBuilder b = new StringBuilder(256);
        String terminator = "";
        int c;
        try {
            while (true) {
                c = reader.read();
                if (c < 0) {
                    ended = true;
                    break;
                }
                if (c == '\n') {
                    terminator = "\n";
                    break;
                }
                if (c == '\r') {
                    reader.mark(1);
                    int d = reader.read();
                    if (d == '\n') {
                        terminator = "\r\n";
                    } else {
                        terminator = "\r";
                        if (d >= 0) {
                            reader.reset();
                        }
                    }
                    break;
                }
                if (b.length() >= MAX_MESSAGE_CHARS) {
                    throw new FormatException("HL7-MESSAGE-TOO-LARGE", "line " + (lineNumber + 1), "a line of more than "
                            + (MAX_MESSAGE_CHARS >> 20) + " Mi characters; the file is not written");
                }
                b.append((char) c);
            }
        } catch (CharacterCodingException e) {
            throw new FormatException("HL7-ENCODING", "line " + (lineNumber + 1), "a byte that is not "
                    + charset.name() + " (the encoding of the file's start); the file is not written", e);
        }
        if (ended && b.length() == 0 && terminator.isEmpty()) {
            return null;
        }
        lineNumber++;
        int s = 0;
        while (s < b.length() && (b.charAt(s) == '\u000b' || b.charAt(s) == '\u001c')) {
            s++;
        }
        int e = b.length();
        while (e > s && (b.charAt(e - 1) == '\u001c' || b.charAt(e - 1) == '\u000b')) {
            e--;
        }
        return new Line(b.substring(0, s), b.substring(s, e), b.substring(e), terminator, lineNumber);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    @Override
    public String toString() {
        return "Hl7File[" + path.getFileName() + "]";
    }
}
