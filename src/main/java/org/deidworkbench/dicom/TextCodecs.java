package org.deidworkbench.dicom;

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

    private TextCodecs() {
    }

    /** The codec for the values of (0008,0005). */
    static TextCodec forDefinedTerms(String[] definedTerms) {
        SpecificCharacterSet cs = SpecificCharacterSet.lenient(definedTerms);
        return new TextCodec(cs::decode, cs::encode, cs::canEncode);
    }
}
