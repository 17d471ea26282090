package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ValuesTest {

    private static final TextCodec LATIN1 = TextCodecs.forDefinedTerms(new String[] {"ISO_IR 100"});
    private static final TextCodec UTF8 = TextCodecs.forDefinedTerms(new String[] {"ISO_IR 192"});

    @Test
    void multiValuedStringsSplitAtBackslashAndDropTrailingPadding() {
        assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY"}, Values.strings(Bytes.ascii("ORIGINAL\\PRIMARY "), VR.CS, LATIN1));
    }

    @Test
    void leadingSpacesAreKeptForPersonNamesAndDroppedForCodeStrings() {
        assertArrayEquals(new String[] {" Doe^J"}, Values.strings(Bytes.ascii(" Doe^J"), VR.PN, LATIN1));
        assertArrayEquals(new String[] {"CT"}, Values.strings(Bytes.ascii(" CT "), VR.CS, LATIN1));
    }

    @Test
    void textVrsAreSingleValuedSoBackslashIsKept() {
        assertArrayEquals(new String[] {"a\\b"}, Values.strings(Bytes.ascii("a\\b "), VR.LT, LATIN1));
        assertArrayEquals(new String[] {"  indented"}, Values.strings(Bytes.ascii("  indented"), VR.ST, LATIN1));
    }

    @Test
    void uidsDropTrailingNulPadding() {
        assertArrayEquals(new String[] {"1.2.3"}, Values.strings(new byte[] {'1', '.', '2', '.', '3', 0}, VR.UI, LATIN1));
    }

    @Test
    void emptyValuesAndEmptyComponentsAreDistinguished() {
        assertEquals(0, Values.strings(new byte[0], VR.CS, LATIN1).length);
        assertArrayEquals(new String[] {"", ""}, Values.strings(Bytes.ascii("\\ "), VR.CS, LATIN1));
    }

    @Test
    void encodingPadsToEvenLengthWithTheVrPaddingByte() {
        assertArrayEquals(Bytes.ascii("CT"), Values.encodeStrings(VR.CS, LATIN1, "CT"));
        assertArrayEquals(Bytes.ascii("ABC "), Values.encodeStrings(VR.SH, LATIN1, "ABC"));
        assertArrayEquals(new byte[] {'1', '.', '2', 0}, Values.encodeStrings(VR.UI, LATIN1, "1.2"));
        assertArrayEquals(Bytes.ascii("A\\BC"), Values.encodeStrings(VR.CS, LATIN1, "A", "BC"));
    }

    @Test
    void characterSetTextUsesTheDataSetCodec() {
        byte[] utf8 = "Zoë".getBytes(StandardCharsets.UTF_8);
        assertEquals("Zoë", Values.strings(utf8, VR.PN, UTF8)[0]);
        assertEquals("Zoë", Values.strings(new byte[] {'Z', 'o', (byte) 0xEB}, VR.LO, LATIN1)[0]);
    }

    @Test
    void binaryIntegersDecodeLittleEndianWithSign() {
        assertArrayEquals(new long[] {0xFFFF}, Values.longs(new byte[] {-1, -1}, VR.US));
        assertArrayEquals(new long[] {-1}, Values.longs(new byte[] {-1, -1}, VR.SS));
        assertArrayEquals(new long[] {4_000_000_000L}, Values.longs(Values.encodeLongs(VR.UL, 4_000_000_000L), VR.UL));
        assertArrayEquals(new long[] {-5, 7}, Values.longs(Values.encodeLongs(VR.SV, -5, 7), VR.SV));
    }

    @Test
    void integerEncodingRejectsValuesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> Values.encodeLongs(VR.US, 70000));
        assertThrows(IllegalArgumentException.class, () -> Values.encodeLongs(VR.SS, -40000));
    }

    @Test
    void floatsRoundTrip() {
        assertArrayEquals(new double[] {1.5, -2.25}, Values.doubles(Values.encodeDoubles(VR.FL, 1.5, -2.25), VR.FL));
        assertArrayEquals(new double[] {Math.PI}, Values.doubles(Values.encodeDoubles(VR.FD, Math.PI), VR.FD));
        assertArrayEquals(new double[] {0.1}, Values.doubles(Values.encodeDoubles(VR.OD, 0.1), VR.OD));
    }

    @Test
    void attributeTagsAreGroupThenElement() {
        byte[] b = Values.encodeTags(0x00200032);
        assertArrayEquals(new byte[] {0x20, 0, 0x32, 0}, b);
        assertArrayEquals(new int[] {0x00200032}, Values.tags(b));
    }

    @Test
    void swapReversesEachUnit() {
        byte[] b = {1, 2, 3, 4, 5, 6, 7, 8};
        Values.swap(b, 0, 8, 4);
        assertArrayEquals(new byte[] {4, 3, 2, 1, 8, 7, 6, 5}, b);
    }

    @Test
    void integerStringsParseWithSignAndSpaces() {
        assertEquals(-12, NumberStrings.parseIS(" -12 "));
        assertEquals(5, NumberStrings.parseIS("+5"));
        assertThrows(NumberFormatException.class, () -> NumberStrings.parseIS("1.5"));
    }

    @Test
    void decimalStringsParseFixedAndExponentForms() {
        assertEquals(new BigDecimal("1.5E3"), NumberStrings.parseDS("1.5E3"));
        assertEquals(new BigDecimal("-0.25"), NumberStrings.parseDS(" -.25"));
        assertThrows(NumberFormatException.class, () -> NumberStrings.parseDS("abc"));
    }

    @Test
    void decimalStringsAreFormattedInAtMostSixteenCharacters() {
        assertEquals("2.5", NumberStrings.formatDS(2.5));
        String pi = NumberStrings.formatDS(Math.PI);
        assertTrue(pi.length() <= 16);
        assertEquals(Math.PI, Double.parseDouble(pi), 1e-13);
        String tiny = NumberStrings.formatDS(1.234567890123e-200);
        assertTrue(tiny.length() <= 16, tiny);
        assertEquals(1.234567890123e-200, Double.parseDouble(tiny), 1e-209);
    }

    @Test
    void personNameHasThreeGroupsOfFiveComponents() {
        PersonName pn = PersonName.parse("Yamada^Tarou=山田^太郎=やまだ^たろう");
        assertEquals("Yamada", pn.familyName());
        assertEquals("Tarou", pn.givenName());
        assertEquals("太郎", pn.component(PersonName.Group.IDEOGRAPHIC, PersonName.Component.GIVEN));
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", pn.toDicomString());
    }

    @Test
    void personNameDropsTrailingEmptyGroupsAndComponents() {
        assertEquals("Doe^John^^Dr", PersonName.ofComponents("Doe", "John", "", "Dr", "").toDicomString());
        assertEquals("Doe", PersonName.parse("Doe==").toDicomString());
        assertThrows(IllegalArgumentException.class, () -> PersonName.parse("a=b=c=d"));
        assertThrows(IllegalArgumentException.class, () -> PersonName.parse("a^b^c^d^e^f"));
    }

    @Test
    void datesParseStandardAndAcrNemaForms() {
        assertEquals(LocalDate.of(2024, 2, 29), DateTimeValue.parseDate("20240229").toLocalDate().orElseThrow());
        assertEquals("20240229", DateTimeValue.parseDate("2024.02.29").toDicomString());
        assertThrows(RuntimeException.class, () -> DateTimeValue.parseDate("20230229"));
    }

    @Test
    void timesKeepTheirPrecision() {
        assertEquals("1015", DateTimeValue.parseTime("1015").toDicomString());
        DateTimeValue t = DateTimeValue.parseTime("101530.125");
        assertEquals(DateTimeValue.Precision.FRACTION, t.precision());
        assertEquals(LocalTime.of(10, 15, 30, 125_000_000), t.toLocalTime().orElseThrow());
        assertEquals("101530", DateTimeValue.parseTime("10:15:30").toDicomString());
    }

    @Test
    void partialDateTimesAndOffsetsRoundTrip() {
        DateTimeValue year = DateTimeValue.parseDateTime("2024");
        assertEquals(DateTimeValue.Precision.YEAR, year.precision());
        assertTrue(year.toLocalDate().isEmpty());
        DateTimeValue dt = DateTimeValue.parseDateTime("20240131101530.5-0530");
        assertEquals(ZoneOffset.ofHoursMinutes(-5, -30), dt.offset());
        assertEquals("20240131101530.5-0530", dt.toDicomString());
        assertEquals("202401+0100", DateTimeValue.parseDateTime("202401+0100").toDicomString());
    }

    @Test
    void ageStringsHaveThreeDigitsAndAUnit() {
        AgeString a = AgeString.parse("045Y");
        assertEquals(45, a.number());
        assertEquals('Y', a.unit());
        assertEquals("003W", new AgeString(3, 'W').toDicomString());
        assertThrows(IllegalArgumentException.class, () -> AgeString.parse("45Y"));
    }

    @Test
    void valueTypesNeverShowTheirValueInToString() {
        assertTrue(!PersonName.parse("Doe^Jane").toString().contains("Doe"));
        assertTrue(!DateTimeValue.parseDate("19700101").toString().contains("1970"));
        assertTrue(!AgeString.parse("091Y").toString().contains("91"));
    }

    @Test
    void tagsParseAndPrintInDicomNotation() {
        assertEquals(0x00081115, Tag.parse("(0008,1115)"));
        assertEquals(0x7FE00010, Tag.parse("7fe00010"));
        assertEquals("(7FE0,0010)", Tag.toString(0x7FE00010));
        assertTrue(Tag.compare(0x7FE00010, 0xFFFEE000) < 0);
    }

    @Test
    void privateTagsMapToTheirCreatorSlot() {
        assertTrue(Tag.isPrivateCreator(0x00090010));
        assertEquals(0x00090011, Tag.privateCreatorOf(0x00091105));
        assertTrue(!Tag.isPrivate(0x00030010));
    }
}
