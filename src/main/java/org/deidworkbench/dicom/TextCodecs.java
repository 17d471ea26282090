package org.deidworkbench.dicom;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single seam between the codec and character set handling: every text value is decoded and
 * encoded through {@link SpecificCharacterSet} (single-byte sets, ISO 2022 code extensions, UTF-8,
 * GB18030/GBK). Unknown defined terms are read leniently, as pydicom does: the default repertoire
 * is used and {@link SpecificCharacterSet#warnings()} says why. Values are written back from their
 * original bytes unless a value is replaced, so decoding never changes what is written.
 */
final class TextCodecs {

    /** The default character repertoire (no (0008,0005)). */
    static final TextCodec DEFAULT = forDefinedTerms(new String[0]);

    /** Distinct (0008,0005) values kept; a file set has a handful, and a hostile one cannot grow the map past this. */
    private static final int CACHED_VALUES = 64;
    private static final ConcurrentHashMap<String, TextCodec> BY_VALUE = new ConcurrentHashMap<>();

    private TextCodecs() {
    }

    /**
     * The codec for the raw bytes of (0008,0005), shared by every data set with the same bytes (codecs are
     * immutable): the defined terms are parsed once per distinct value instead of once per file, and the JIT
     * does not compile the parsing into each caller.
     */
    static TextCodec forValue(byte[] value) {
        String key = new String(value, StandardCharsets.ISO_8859_1);
        TextCodec codec = BY_VALUE.get(key);
        return codec != null ? codec : parse(key, value);
    }

    private static TextCodec parse(String key, byte[] value) {
        TextCodec codec = forDefinedTerms(Values.strings(value, VR.CS, DEFAULT));
        if (BY_VALUE.size() < CACHED_VALUES) {
            BY_VALUE.putIfAbsent(key, codec);
        }
        return codec;
    }

    /** The codec for the values of (0008,0005). */
    static TextCodec forDefinedTerms(String[] definedTerms) {
        SpecificCharacterSet cs = SpecificCharacterSet.lenient(definedTerms);
        return new TextCodec(cs::decode, cs::encode, cs::canEncode);
    }
}
