package org.deidworkbench.format.dicom;

/**
 * Converts text values between bytes and strings for one Specific Character Set (0008,0005). The
 * method shapes match {@code SpecificCharacterSet} so that {@link TextCodecs#forDefinedTerms} can
 * delegate to it.
 */
interface TextCodec {

    /** Decodes {@code length} bytes at {@code offset}; person names switch character sets per component group. */
    String decode(byte[] bytes, int offset, int length, boolean personName);

    /** Encodes a string; characters the character set cannot represent are replaced. */
    byte[] encode(String s, boolean personName);

    /** True when every character of {@code s} can be encoded. */
    boolean canEncode(String s);
}
