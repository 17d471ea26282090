package org.deidworkbench.format.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The single seam between the codec and character set handling. Until the full ISO 2022 support
 * ({@code SpecificCharacterSet}) is merged, the first defined term chooses one of US-ASCII
 * (default repertoire), ISO-8859-1 (ISO_IR 100) or UTF-8 (ISO_IR 192); other terms fall back to
 * ISO-8859-1 so no byte is ever lost on a round trip (each byte maps to one char and back).
 */
final class TextCodecs {

    /** The default character repertoire (no (0008,0005)). */
    static final TextCodec DEFAULT = forDefinedTerms(new String[0]);

    private TextCodecs() {
    }

    /** The codec for the values of (0008,0005); this is the one place to switch to SpecificCharacterSet. */
    static TextCodec forDefinedTerms(String[] definedTerms) {
        String first = definedTerms.length == 0 ? "" : definedTerms[0].strip();
        if (first.equals("ISO_IR 192")) {
            return new CharsetCodec(StandardCharsets.UTF_8);
        }
        if (first.isEmpty() || first.equals("ISO_IR 6") || first.equals("ISO 2022 IR 6")) {
            // Bytes above 0x7F are not ASCII, but decoding them as Latin-1 keeps them round-trippable.
            return new CharsetCodec(StandardCharsets.ISO_8859_1);
        }
        return new CharsetCodec(StandardCharsets.ISO_8859_1);
    }

    private record CharsetCodec(Charset charset) implements TextCodec {
        @Override
        public String decode(byte[] bytes, int offset, int length, boolean personName) {
            return new String(bytes, offset, length, charset);
        }

        @Override
        public byte[] encode(String s, boolean personName) {
            return s.getBytes(charset);
        }

        @Override
        public boolean canEncode(String s) {
            return charset.newEncoder().canEncode(s);
        }
    }
}
