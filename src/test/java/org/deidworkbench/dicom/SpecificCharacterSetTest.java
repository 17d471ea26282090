package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.deidworkbench.dicom.SpecificCharacterSet.ValueKind;
import org.junit.jupiter.api.Test;

/**
 * Known answers from PS3.5 Annexes H, I, J and K and pydicom's charset test files (whose
 * FileInfo.txt lists the encoded names), in both directions, plus the lenient/strict rules.
 */
class SpecificCharacterSetTest {

    /** Bytes from a mix of strings (ISO 8859-1, one byte per char) and ints. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    private static final int ESC = 0x1B;

    private static SpecificCharacterSet cs(String... terms) throws DicomFormatException {
        return SpecificCharacterSet.of(terms);
    }

    private static String decodePn(SpecificCharacterSet cs, byte[] value) {
        return cs.decode(value, 0, value.length, true);
    }

    private static void assertPersonName(SpecificCharacterSet cs, String text, byte[] encoded) {
        assertEquals(text, decodePn(cs, encoded), "decode");
        assertArrayEquals(encoded, cs.encode(text, true), "encode");
    }

    // --- PS3.5 Annex H: Japanese -------------------------------------------------------------

    @Test
    void japaneseIso2022Ir87PersonNameMatchesPs35H31() throws DicomFormatException {
        byte[] expected = bytes("Yamada^Tarou=", ESC, "$B;3ED", ESC, "(B^", ESC, "$BB@O:", ESC, "(B=",
                ESC, "$B$d$^$@", ESC, "(B^", ESC, "$B$?$m$&", ESC, "(B");
        assertPersonName(cs("", "ISO 2022 IR 87"), "Yamada^Tarou=山田^太郎=やまだ^たろう", expected);
    }

    @Test
    void japaneseKatakanaAndKanjiPersonNameMatchesPs35H32() throws DicomFormatException {
        byte[] expected = bytes(0xD4, 0xCF, 0xC0, 0xDE, "^", 0xC0, 0xDB, 0xB3, "=", ESC, "$B;3ED", ESC, "(J^",
                ESC, "$BB@O:", ESC, "(J=", ESC, "$B$d$^$@", ESC, "(J^", ESC, "$B$?$m$&", ESC, "(J");
        assertPersonName(cs("ISO 2022 IR 13", "ISO 2022 IR 87"), "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", expected);
    }

    @Test
    void jisX0212SupplementaryKanjiRoundTrips() throws DicomFormatException {
        // U+4E02 is JIS X 0212 row 16 cell 1 (0x3021); not in JIS X 0208.
        byte[] expected = bytes(ESC, "$(D", 0x30, 0x21, ESC, "(B");
        assertPersonName(cs("", "ISO 2022 IR 87", "ISO 2022 IR 159"), "丂", expected);
    }

    @Test
    void jisX0208HorizontalBarFollowsTheUnicodeMappingLikePydicom() throws DicomFormatException {
        SpecificCharacterSet japanese = cs("", "ISO 2022 IR 87");
        byte[] value = bytes(ESC, "$B", 0x21, 0x3D, ESC, "(B");
        assertEquals("\u2015", decodePn(japanese, value));
        assertArrayEquals(value, japanese.encode("\u2015", true));
        assertFalse(japanese.canEncode("\u2014")); // the JDK's mapping would not read back the same
    }

    @Test
    void halfWidthKatakanaWithoutCodeExtensions() throws DicomFormatException {
        assertPersonName(cs("ISO_IR 13"), "ﾔﾏﾀﾞ^ﾀﾛｳ", bytes(0xD4, 0xCF, 0xC0, 0xDE, "^", 0xC0, 0xDB, 0xB3));
    }

    // --- PS3.5 Annex I: Korean ---------------------------------------------------------------

    @Test
    void koreanPersonNameMatchesPs35I2() throws DicomFormatException {
        byte[] expected = bytes("Hong^Gildong=", ESC, "$)C", 0xFB, 0xF3, "^", ESC, "$)C", 0xD1, 0xCE, 0xD4, 0xD7,
                "=", ESC, "$)C", 0xC8, 0xAB, "^", ESC, "$)C", 0xB1, 0xE6, 0xB5, 0xBF);
        assertPersonName(cs("", "ISO 2022 IR 149"), "Hong^Gildong=洪^吉洞=홍^길동", expected);
    }

    @Test
    void koreanLongTextOfPs35I3DecodesAndRoundTrips() throws DicomFormatException {
        SpecificCharacterSet korean = cs("", "ISO 2022 IR 149");
        byte[] encoded = bytes(ESC, "$)CThe first line includes ", 0xC7, 0xD1, 0xB1, 0xDB, " .\r\n",
                ESC, "$)CThe second line includes ", 0xC7, 0xD1, 0xB1, 0xDB, ", too.\r\nThe third line");
        String text = "The first line includes 한글 .\r\nThe second line includes 한글, too.\r\nThe third line";
        assertEquals(text, korean.decode(encoded, 0, encoded.length, ValueKind.TEXT));
        byte[] ours = korean.encode(text, ValueKind.TEXT);
        assertEquals(text, korean.decode(ours, 0, ours.length, ValueKind.TEXT));
    }

    // --- PS3.5 Annexes J and K: Chinese ------------------------------------------------------

    @Test
    void chineseGb18030PersonNameMatchesPs35J3() throws DicomFormatException {
        byte[] expected = bytes("Wang^XiaoDong=", 0xCD, 0xF5, "^", 0xD0, 0xA1, 0xB6, 0xAB, "=");
        assertPersonName(cs("GB18030"), "Wang^XiaoDong=王^小东=", expected);
    }

    @Test
    void chineseUtf8PersonNameMatchesPydicomChrX1() throws DicomFormatException {
        byte[] expected = "Wang^XiaoDong=王^小東=".getBytes(StandardCharsets.UTF_8);
        SpecificCharacterSet utf8 = cs("ISO_IR 192");
        assertTrue(utf8.isUtf8());
        assertPersonName(utf8, "Wang^XiaoDong=王^小東=", expected);
    }

    @Test
    void chineseGb2312PersonNameMatchesPs35K2() throws DicomFormatException {
        byte[] expected = bytes("Zhang^XiaoDong=", ESC, "$)A", 0xD5, 0xC5, "^", ESC, "$)A", 0xD0, 0xA1, 0xB6, 0xAB, "=");
        assertPersonName(cs("", "ISO 2022 IR 58"), "Zhang^XiaoDong=张^小东=", expected);
    }

    @Test
    void chineseGb2312LongTextOfPs35K3Decodes() throws DicomFormatException {
        byte[] encoded = bytes("1.", ESC, "$)A", 0xB5, 0xDA, 0xD2, 0xBB, 0xD0, 0xD0, 0xCE, 0xC4, 0xD7, 0xD6, 0xA1, 0xA3,
                ESC, "(B\r\n2.", ESC, "$)A", 0xB5, 0xDA, 0xB6, 0xFE, 0xD0, 0xD0, 0xCE, 0xC4, 0xD7, 0xD6, 0xA1, 0xA3,
                ESC, "(B\r\n3.", ESC, "$)A", 0xB5, 0xDA, 0xC8, 0xFD, 0xD0, 0xD0, 0xCE, 0xC4, 0xD7, 0xD6, 0xA1, 0xA3,
                ESC, "(B\r\n ");
        SpecificCharacterSet chinese = cs("", "ISO 2022 IR 58");
        assertEquals("1.第一行文字。\r\n2.第二行文字。\r\n3.第三行文字。\r\n ",
                chinese.decode(encoded, 0, encoded.length, ValueKind.TEXT));
    }

    @Test
    void gbkEncodesAndDecodes() throws DicomFormatException {
        assertPersonName(cs("GBK"), "王^小东", bytes(0xCD, 0xF5, "^", 0xD0, 0xA1, 0xB6, 0xAB));
    }

    // --- single-byte repertoires (pydicom charset files and ISO 8859 tables) -----------------

    @Test
    void latin1FrenchName() throws DicomFormatException {
        assertPersonName(cs("ISO_IR 100"), "Buc^Jérôme", bytes("Buc^J", 0xE9, "r", 0xF4, "me"));
    }

    @Test
    void greekName() throws DicomFormatException {
        assertPersonName(cs("ISO_IR 126"), "Διονυσιος",
                bytes(0xC4, 0xE9, 0xEF, 0xED, 0xF5, 0xF3, 0xE9, 0xEF, 0xF2));
    }

    @Test
    void arabicName() throws DicomFormatException {
        assertPersonName(cs("ISO_IR 127"), "قباني^لنزار",
                bytes(0xE2, 0xC8, 0xC7, 0xE6, 0xEA, "^", 0xE4, 0xE6, 0xD2, 0xC7, 0xD1));
    }

    @Test
    void hebrewName() throws DicomFormatException {
        assertPersonName(cs("ISO_IR 138"), "שרון^דבורה", bytes(0xF9, 0xF8, 0xE5, 0xEF, "^", 0xE3, 0xE1, 0xE5, 0xF8, 0xE4));
    }

    @Test
    void cyrillicName() throws DicomFormatException {
        assertPersonName(cs("ISO_IR 144"), "Иван", bytes(0xB8, 0xD2, 0xD0, 0xDD));
    }

    @Test
    void otherSingleByteRepertoires() throws DicomFormatException {
        assertPersonName(cs("ISO_IR 101"), "ł", bytes(0xB3));
        assertPersonName(cs("ISO_IR 109"), "ĥ", bytes(0xB6));
        assertPersonName(cs("ISO_IR 110"), "ą", bytes(0xB1));
        assertPersonName(cs("ISO_IR 148"), "ğ", bytes(0xF0));
        assertPersonName(cs("ISO_IR 203"), "€", bytes(0xA4));
        assertPersonName(cs("ISO_IR 166"), "ก", bytes(0xA1));
    }

    // --- code extensions: choice of set and resets ------------------------------------------

    @Test
    void eachRunUsesTheFirstDeclaredSetThatContainsIt() throws DicomFormatException {
        SpecificCharacterSet mixed = cs("", "ISO 2022 IR 100", "ISO 2022 IR 144");
        byte[] expected = bytes("M", ESC, "-A", 0xFC, "ller^", ESC, "-L", 0xB8, 0xD2, 0xD0, 0xDD);
        assertPersonName(mixed, "Müller^Иван", expected);
    }

    @Test
    void initialG1IsDesignatedAgainBeforeDelimiterAndAtEnd() throws DicomFormatException {
        SpecificCharacterSet latinGreek = cs("ISO 2022 IR 100", "ISO 2022 IR 126");
        byte[] expected = bytes(0xE9, ESC, "-F", 0xC4, ESC, "-A", "^", 0xE9, ESC, "-F", 0xC4, ESC, "-A");
        assertPersonName(latinGreek, "éΔ^éΔ", expected);
    }

    @Test
    void valueDelimiterResetsCodeExtensionsInMultiValuedText() throws DicomFormatException {
        SpecificCharacterSet japanese = cs("", "ISO 2022 IR 87");
        byte[] expected = bytes(ESC, "$B;3", ESC, "(B\\", ESC, "$BED", ESC, "(B");
        assertArrayEquals(expected, japanese.encode("山\\田", ValueKind.MULTI_VALUED));
        assertEquals("山\\田", japanese.decode(expected, 0, expected.length, ValueKind.MULTI_VALUED));
    }

    @Test
    void backslashDoesNotResetCodeExtensionsInText() throws DicomFormatException {
        SpecificCharacterSet korean = cs("", "ISO 2022 IR 149");
        byte[] value = bytes(ESC, "$)C", 0xC7, 0xD1, "\\", 0xB1, 0xDB);
        assertEquals("한\\글", korean.decode(value, 0, value.length, ValueKind.TEXT));
        assertEquals("한\\" + (char) 0xB1 + (char) 0xDB, korean.decode(value, 0, value.length, ValueKind.MULTI_VALUED));
    }

    @Test
    void lineBreakResetsCodeExtensionsInText() throws DicomFormatException {
        SpecificCharacterSet korean = cs("", "ISO 2022 IR 149");
        byte[] value = bytes(ESC, "$)C", 0xC7, 0xD1, "\r\n", 0xB1, 0xDB);
        assertEquals("한\r\n" + (char) 0xB1 + (char) 0xDB, korean.decode(value, 0, value.length, ValueKind.TEXT));
    }

    @Test
    void caretInsideJisX0208PairIsNotADelimiter() throws DicomFormatException {
        // "ま" is 0x245E in JIS X 0208: its second byte is '^'.
        SpecificCharacterSet japanese = cs("", "ISO 2022 IR 87");
        byte[] value = bytes(ESC, "$B$^", ESC, "(B");
        assertEquals("ま", decodePn(japanese, value));
    }

    @Test
    void decodeHonoursOffsetAndLength() throws DicomFormatException {
        byte[] value = bytes("xx", "Buc^J", 0xE9, "r", 0xF4, "me", "yy");
        assertEquals("Buc^Jérôme", cs("ISO_IR 100").decode(value, 2, 10, true));
    }

    // --- leniency when decoding ---------------------------------------------------------------

    @Test
    void defaultRepertoireReadsHighBytesAsLatin1LikePydicom() {
        byte[] value = bytes("Buc^J", 0xE9, "r", 0xF4, "me");
        assertEquals("Buc^Jérôme", decodePn(SpecificCharacterSet.DEFAULT, value));
    }

    @Test
    void undeclaredButKnownEscapeSequenceIsFollowed() {
        byte[] value = bytes("Yamada=", ESC, "$B;3ED", ESC, "(B");
        assertEquals("Yamada=山田", decodePn(SpecificCharacterSet.DEFAULT, value));
    }

    @Test
    void unknownEscapeSequenceBecomesReplacementCharacter() throws DicomFormatException {
        byte[] value = bytes("A", ESC, "%GB");
        assertEquals("A\uFFFD%GB", decodePn(cs("", "ISO 2022 IR 87"), value));
    }

    @Test
    void truncatedDoubleByteCharacterBecomesReplacementCharacter() throws DicomFormatException {
        byte[] value = bytes(ESC, "$)C", 0xC7);
        assertEquals("\uFFFD", decodePn(cs("", "ISO 2022 IR 149"), value));
    }

    @Test
    void malformedUtf8BecomesReplacementCharacter() throws DicomFormatException {
        assertEquals("A\uFFFD", decodePn(cs("ISO_IR 192"), bytes("A", 0xC3)));
    }

    @Test
    void wellFormedValuesDecodeStrictly() throws DicomFormatException {
        byte[] h31 = bytes("Yamada=", ESC, "$B;3ED", ESC, "(B");
        assertTrue(cs("", "ISO 2022 IR 87").decodesStrictly(h31, 0, h31.length, ValueKind.PERSON_NAME));
        byte[] latin = bytes("J", 0xE9);
        assertTrue(cs("ISO_IR 100").decodesStrictly(latin, 0, latin.length, ValueKind.PERSON_NAME));
        byte[] utf8 = "洪".getBytes(StandardCharsets.UTF_8);
        assertTrue(cs("ISO_IR 192").decodesStrictly(utf8, 0, utf8.length, ValueKind.PERSON_NAME));
    }

    @Test
    void everyLenientStepMakesStrictDecodingFail() throws DicomFormatException {
        byte[] latin = bytes("J", 0xE9);
        assertFalse(SpecificCharacterSet.DEFAULT.decodesStrictly(latin, 0, latin.length, ValueKind.PERSON_NAME));
        byte[] undeclared = bytes("Yamada=", ESC, "$B;3ED", ESC, "(B");
        assertFalse(SpecificCharacterSet.DEFAULT.decodesStrictly(undeclared, 0, undeclared.length, ValueKind.PERSON_NAME));
        byte[] truncated = bytes(ESC, "$)C", 0xC7);
        assertFalse(cs("", "ISO 2022 IR 149").decodesStrictly(truncated, 0, truncated.length, ValueKind.TEXT));
        byte[] unknownEscape = bytes("A", ESC, "%GB");
        assertFalse(cs("", "ISO 2022 IR 87").decodesStrictly(unknownEscape, 0, unknownEscape.length, ValueKind.TEXT));
        byte[] malformedUtf8 = bytes("A", 0xC3);
        assertFalse(cs("ISO_IR 192").decodesStrictly(malformedUtf8, 0, malformedUtf8.length, ValueKind.TEXT));
    }

    // --- strictness when encoding -------------------------------------------------------------

    @Test
    void defaultRepertoireEncodesAsciiOnly() {
        assertArrayEquals(bytes("Doe^John"), SpecificCharacterSet.DEFAULT.encode("Doe^John", true));
        assertFalse(SpecificCharacterSet.DEFAULT.canEncode("Jérôme"));
        assertThrows(IllegalArgumentException.class, () -> SpecificCharacterSet.DEFAULT.encode("Jérôme", true));
    }

    @Test
    void unencodableCharacterIsReportedByIndexWithoutTheText() throws DicomFormatException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cs("ISO_IR 100").encode("Ab洪", true));
        assertEquals("character at index 2 cannot be encoded with Specific Character Set ISO_IR 100", e.getMessage());
    }

    @Test
    void characterOutsideEveryDeclaredSetCannotBeEncoded() throws DicomFormatException {
        SpecificCharacterSet japanese = cs("", "ISO 2022 IR 87");
        assertFalse(japanese.canEncode("홍"));
        assertTrue(japanese.canEncode("山田"));
    }

    @Test
    void escapeCharacterIsNeverEncodedWithCodeExtensions() throws DicomFormatException {
        assertFalse(cs("", "ISO 2022 IR 87").canEncode("a\u001Bb"));
        assertFalse(cs("ISO_IR 100").canEncode("a\u001Bb"));
    }

    @Test
    void everyEncodableBmpCharacterDecodesBackToItself() throws DicomFormatException {
        List<SpecificCharacterSet> charsets = List.of(SpecificCharacterSet.DEFAULT, cs("ISO_IR 166"), cs("ISO_IR 13"),
                cs("ISO_IR 127"), cs("", "ISO 2022 IR 87", "ISO 2022 IR 159"), cs("", "ISO 2022 IR 149"),
                cs("", "ISO 2022 IR 58"), cs("GBK"), cs("GB18030"));
        List<String> problems = new ArrayList<>();
        for (SpecificCharacterSet charset : charsets) {
            for (int cp = 0x20; cp <= 0xFFFD; cp++) {
                if (Character.isSurrogate((char) cp) || cp == '\\' || cp == '^' || cp == '=') {
                    continue;
                }
                String text = String.valueOf((char) cp);
                if (charset.canEncode(text)) {
                    byte[] encoded = charset.encode(text, true);
                    if (!text.equals(decodePn(charset, encoded))) {
                        problems.add(charset + " U+" + Integer.toHexString(cp));
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void replacementCharacterIsNotEncodableInSingleByteSets() throws DicomFormatException {
        assertFalse(cs("ISO_IR 166").canEncode("\uFFFD"));
        assertFalse(cs("ISO_IR 13").canEncode("\uFFFD"));
    }

    @Test
    void utf8EncodesEverything() {
        assertTrue(SpecificCharacterSet.ISO_IR_192.canEncode("Müller^洪=홍 😀"));
    }

    // --- reading (0008,0005) ------------------------------------------------------------------

    @Test
    void absentOrEmptyValueIsTheDefaultRepertoire() throws DicomFormatException {
        assertEquals(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.of(null));
        assertEquals(SpecificCharacterSet.DEFAULT, cs());
        assertEquals(SpecificCharacterSet.DEFAULT, cs(""));
        assertEquals(0, SpecificCharacterSet.DEFAULT.definedTerms().length);
    }

    @Test
    void unknownTermIsAnErrorWithStableCode() {
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> cs("ISO_IR 999"));
        assertEquals("DICOM-UNKNOWN-CHARSET", e.code());
        assertEquals("(0008,0005) value 1", e.location());
    }

    @Test
    void lenientReadingFallsBackToDefaultWithAWarning() {
        SpecificCharacterSet lenient = SpecificCharacterSet.lenient(new String[] {"KLINGON"});
        assertEquals(1, lenient.warnings().size());
        assertEquals("Buc^Jérôme", decodePn(lenient, bytes("Buc^J", 0xE9, "r", 0xF4, "me")));
    }

    @Test
    void misspelledTermIsCorrectedWithAWarning() throws DicomFormatException {
        SpecificCharacterSet latin1 = cs("ISO IR 100");
        assertArrayEquals(new String[] {"ISO_IR 100"}, latin1.definedTerms());
        assertEquals(1, latin1.warnings().size());
        assertTrue(cs("iso-ir 192").isUtf8());
        assertArrayEquals(new String[] {"", "ISO 2022 IR 87"}, cs("", "ISO_2022_IR_87").definedTerms());
    }

    @Test
    void properTermsGiveNoWarnings() throws DicomFormatException {
        assertEquals(0, cs("ISO 2022 IR 13", "ISO 2022 IR 87").warnings().size());
        assertEquals(0, cs("GB18030").warnings().size());
    }

    @Test
    void standAloneValue1IgnoresOtherValues() throws DicomFormatException {
        SpecificCharacterSet utf8 = cs("ISO_IR 192", "ISO 2022 IR 87");
        assertTrue(utf8.isUtf8());
        assertArrayEquals(new String[] {"ISO_IR 192"}, utf8.definedTerms());
        assertEquals(1, utf8.warnings().size());
    }

    @Test
    void standAloneTermAsExtensionIsIgnored() throws DicomFormatException {
        SpecificCharacterSet japanese = cs("", "ISO_IR 192", "ISO 2022 IR 87");
        assertArrayEquals(new String[] {"", "ISO 2022 IR 87"}, japanese.definedTerms());
        assertEquals(1, japanese.warnings().size());
    }

    @Test
    void singleByteTermAmongSeveralValuesIsReadAsCodeExtension() throws DicomFormatException {
        SpecificCharacterSet mixed = cs("ISO_IR 100", "ISO 2022 IR 87");
        assertArrayEquals(new String[] {"ISO 2022 IR 100", "ISO 2022 IR 87"}, mixed.definedTerms());
        assertTrue(mixed.usesCodeExtensions());
    }

    @Test
    void definedTermsIsADefensiveCopy() throws DicomFormatException {
        SpecificCharacterSet latin1 = cs("ISO_IR 100");
        latin1.definedTerms()[0] = "changed";
        assertArrayEquals(new String[] {"ISO_IR 100"}, latin1.definedTerms());
    }
}
