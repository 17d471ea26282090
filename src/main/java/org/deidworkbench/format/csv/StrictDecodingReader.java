package org.deidworkbench.format.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A {@link Reader} that decodes strictly: bytes that are not valid in the charset raise {@link DecodingFailure}
 * with the line number instead of becoming U+FFFD, because a silently replaced character corrupts data.
 * It also skips a leading UTF-8 byte order mark and guards against unbounded records ({@link RecordTooLong}).
 *
 * <p>Not thread-safe. {@link #lineAt} finds the line of a failure as the CSV parser counts lines: CR, LF, and
 * CRLF as one.
 */
final class StrictDecodingReader extends Reader {

    private static final int BYTE_BUFFER_SIZE = 1 << 16;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BYTE_BUFFER_SIZE);
    private final long maxCharsAheadOfRecord;

    /** Bytes read from the stream so far, including a skipped byte order mark. */
    private long bytesRead;
    private boolean endOfInput;
    private boolean flushed;
    private long charsDelivered;
    private long recordStartChar;
    private IOException pendingFailure;

    /**
     * @param in the file's bytes, positioned at its start; closed with this reader
     * @param charset the file's encoding
     * @param maxCharsAheadOfRecord how many characters may be handed out past the start of the record last
     *        returned before the record is reported as too long
     */
    StrictDecodingReader(InputStream in, Charset charset, long maxCharsAheadOfRecord) throws IOException {
        this.in = in;
        this.maxCharsAheadOfRecord = maxCharsAheadOfRecord;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        fill();
        if (StandardCharsets.UTF_8.equals(charset) && startsWithUtf8Bom()) {
            bytes.position(3);
        } else if (StandardCharsets.UTF_16LE.equals(charset) && startsWith(0xFF, 0xFE)
                || StandardCharsets.UTF_16BE.equals(charset) && startsWith(0xFE, 0xFF)) {
            bytes.position(2);
        }
    }

    /** Tells the reader where (in characters) the record last returned by the parser starts. */
    void recordStarted(long charPosition) {
        this.recordStartChar = charPosition;
    }

    /** Characters handed out so far. */
    long charsDelivered() {
        return charsDelivered;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (pendingFailure != null) {
            throw pendingFailure;
        }
        if (len == 0) {
            return 0;
        }
        if (charsDelivered - recordStartChar > maxCharsAheadOfRecord) {
            pendingFailure = new RecordTooLong();
            throw pendingFailure;
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                int produced = out.position() - off;
                long offset = bytesRead - bytes.limit() + bytes.position();
                DecodingFailure failure = new DecodingFailure(offset);
                if (produced == 0) {
                    pendingFailure = failure;
                    throw failure;
                }
                pendingFailure = failure;
                charsDelivered += produced;
                return produced;
            }
            if (result.isOverflow() || out.position() > off && !endOfInput) {
                break;
            }
            if (endOfInput) {
                decoder.flush(out);
                flushed = true;
                break;
            }
            fill();
        }
        int produced = out.position() - off;
        if (produced == 0) {
            return -1;
        }
        charsDelivered += produced;
        return produced;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Moves unread bytes to the front and reads more; sets {@link #endOfInput} at the end of the stream. */
    private void fill() throws IOException {
        bytes.compact();
        try {
            while (bytes.hasRemaining()) {
                int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                if (n < 0) {
                    endOfInput = true;
                    break;
                }
                bytes.position(bytes.position() + n);
                bytesRead += n;
                if (n == 0) {
                    break;
                }
            }
        } finally {
            bytes.flip();
        }
    }

    /**
     * True when the file starts with a UTF-16 (or UTF-32 little-endian) byte order mark, which no
     * ASCII-compatible charset can read correctly.
     */
    boolean startsWithUtf16Bom() {
        if (bytesRead - bytes.limit() != 0 || bytes.limit() < 2) {
            return false;
        }
        int first = bytes.get(0) & 0xFF;
        int second = bytes.get(1) & 0xFF;
        return first == 0xFE && second == 0xFF || first == 0xFF && second == 0xFE;
    }

    private boolean startsWith(int b0, int b1) {
        return bytes.remaining() >= 2 && (bytes.get(0) & 0xFF) == b0 && (bytes.get(1) & 0xFF) == b1;
    }

    private boolean startsWithUtf8Bom() {
        return bytes.remaining() >= 3 && (bytes.get(0) & 0xFF) == 0xEF && (bytes.get(1) & 0xFF) == 0xBB
                && (bytes.get(2) & 0xFF) == 0xBF;
    }

    /**
     * A sniffer's sample read strictly in {@code cs}: the characters (flipped, ready to read), or null when a byte is
     * not valid there. A character cut at the end of an incomplete sample ({@code complete} false) is no error. The one
     * strict reading of the encoding detectors ({@link EastAsianEncodings}, {@link CyrillicGreekEncodings},
     * {@link MiddleEasternEncodings}).
     */
    static CharBuffer strictly(Charset cs, byte[] sample, int start, int length, boolean complete) {
        CharsetDecoder decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample, start, length - start);
        CharBuffer out = CharBuffer.allocate(length - start + 1);
        CoderResult result = decoder.decode(in, out, complete);
        if (result.isError() || complete && in.hasRemaining()) {
            return null;
        }
        return out.flip();
    }

    /**
     * The 1-based line on which byte {@code byteOffset} of a file stands, as the CSV parser counts lines (CR, LF,
     * and CRLF as one): for the place of a {@link DecodingFailure}. Line ends are not counted while reading, as
     * they are needed only when a file fails, and counting them took a few percent of every pass over every
     * character; the bytes before the failure are decoded again instead (they decoded without error the first
     * time).
     *
     * @param in the file's bytes from its start; read up to {@code byteOffset}, not closed
     */
    static long lineAt(InputStream in, Charset charset, long byteOffset) throws IOException {
        InputStream prefix = new org.deidworkbench.format.LimitedInputStream(in, byteOffset);
        StrictDecodingReader reader = new StrictDecodingReader(prefix, charset, Long.MAX_VALUE);
        char[] buffer = new char[1 << 14];
        long ends = 0;
        boolean lastWasCr = false;
        int n;
        while ((n = reader.read(buffer, 0, buffer.length)) > 0) {
            for (int i = 0; i < n; i++) {
                char c = buffer[i];
                if (c == '\r') {
                    ends++;
                } else if (c == '\n' && !(i == 0 ? lastWasCr : buffer[i - 1] == '\r')) {
                    ends++;
                }
            }
            lastWasCr = buffer[n - 1] == '\r';
        }
        return ends + 1;
    }
}
