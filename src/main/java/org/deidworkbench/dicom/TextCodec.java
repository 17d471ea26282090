package org.deidworkbench.dicom;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Converts text values between bytes and strings for one Specific Character Set (0008,0005).
 * Built from three functions whose shapes match {@code SpecificCharacterSet}'s methods, so that
 * {@link TextCodecs#forDefinedTerms} can delegate to it with method references.
 *
 * @param decoder bytes to string; person names switch character sets per component group
 * @param encoder string to bytes
 * @param encodable whether every character of a string can be encoded
 */
record TextCodec(Decoder decoder, Encoder encoder, Predicate<String> encodable) {

    /** Decodes {@code length} bytes at {@code offset}. */
    @FunctionalInterface
    interface Decoder {
        String decode(byte[] bytes, int offset, int length, boolean personName);
    }

    /** Encodes a string; characters the character set cannot represent are replaced. */
    @FunctionalInterface
    interface Encoder {
        byte[] encode(String s, boolean personName);
    }

    TextCodec {
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(encodable, "encodable");
    }

    String decode(byte[] bytes, int offset, int length, boolean personName) {
        return decoder.decode(bytes, offset, length, personName);
    }

    byte[] encode(String s, boolean personName) {
        return encoder.encode(s, personName);
    }

    boolean canEncode(String s) {
        return encodable.test(s);
    }
}
