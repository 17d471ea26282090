package org.deidworkbench.format.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The single seam between the codec and character set handling. Until the full ISO 2022 support
 * ({@code SpecificCharacterSet}) is merged, the first defined term chooses UTF-8 (ISO_IR 192) or
 * ISO-8859-1 (ISO_IR 100, the default repertoire and every other term), so no byte is ever lost on
 * a round trip: each byte maps to one char and back.
 *
 * <p>To switch to {@code SpecificCharacterSet}, the body of {@link #forDefinedTerms} becomes the
 * one line {@code SpecificCharacterSet cs = SpecificCharacterSet.of(definedTerms); return new
 * TextCodec(cs::decode, cs::encode, cs::canEncode);}
 */
final class TextCodecs {

    /** The default character repertoire (no (0008,0005)). */
    static final TextCodec DEFAULT = forDefinedTerms(new String[0]);

    private TextCodecs() {
    }

    /** The codec for the values of (0008,0005). */
    static TextCodec forDefinedTerms(String[] definedTerms) {
        return interim(definedTerms);
    }

    private static TextCodec interim(String[] definedTerms) {
        String first = definedTerms.length == 0 ? "" : definedTerms[0].strip();
        Charset cs = first.equals("ISO_IR 192") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        return new TextCodec((b, off, len, pn) -> new String(b, off, len, cs), (s, pn) -> s.getBytes(cs),
                s -> cs.newEncoder().canEncode(s));
    }
}
