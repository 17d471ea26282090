package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void elementsIterateInUnsignedTagOrder() {
        Dataset ds = new Dataset();
        ds.putStrings(0xFFFAFFFA, VR.LO, "x");
        ds.putStrings(0x00100010, VR.PN, "A");
        ds.putStrings(0x00080060, VR.CS, "CT");
        List<Integer> tags = ds.elements().stream().map(Element::tag).toList();
        assertEquals(List.of(0x00080060, 0x00100010, 0xFFFAFFFA), tags);
    }

    @Test
    void itemsInheritTheCharacterSetOfTheEnclosingDataSet() {
        Dataset ds = new Dataset();
        ds.putStrings(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        Dataset item = ds.addItem(0x00081115);
        item.putStrings(Tag.PATIENT_NAME, VR.PN, "Zoë");
        assertArrayEquals("Zoë".getBytes(StandardCharsets.UTF_8), item.get(Tag.PATIENT_NAME).bytes());
        assertEquals("Zoë", item.getString(Tag.PATIENT_NAME));
    }

    @Test
    void changingTheCharacterSetChangesDecoding() {
        Dataset ds = new Dataset();
        ds.putBytes(Tag.PATIENT_NAME, VR.PN, "Zoë".getBytes(StandardCharsets.UTF_8));
        ds.putStrings(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        assertEquals("Zoë", ds.getString(Tag.PATIENT_NAME));
        ds.putStrings(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 100");
        assertEquals("Zo\u00c3\u00ab", ds.getString(Tag.PATIENT_NAME));
    }

    @Test
    void itemsFollowAChangeOfTheEnclosingCharacterSet() {
        Dataset ds = new Dataset();
        Dataset item = ds.addItem(0x00081115);
        Dataset inner = item.addItem(0x00081199);
        inner.putBytes(Tag.PATIENT_NAME, VR.PN, "Zoë".getBytes(StandardCharsets.UTF_8));
        ds.putStrings(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        assertEquals("Zoë", inner.getString(Tag.PATIENT_NAME));
        ds.putStrings(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 100");
        assertEquals("Zo\u00c3\u00ab", inner.getString(Tag.PATIENT_NAME));
        item.putStrings(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        assertEquals("Zoë", inner.getString(Tag.PATIENT_NAME));
        item.remove(Tag.SPECIFIC_CHARACTER_SET);
        assertEquals("Zo\u00c3\u00ab", inner.getString(Tag.PATIENT_NAME));
        ds.remove(Tag.SPECIFIC_CHARACTER_SET);
        ds.putStrings(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        assertEquals("Zoë", inner.getString(Tag.PATIENT_NAME));
    }

    @Test
    void typedAccessorsFallBackWhenAbsent() {
        Dataset ds = new Dataset();
        assertNull(ds.getString(Tag.PATIENT_ID));
        assertEquals(0, ds.getStrings(Tag.PATIENT_ID).length);
        assertEquals(-7, ds.getInt(0x00280010, -7));
        assertEquals(1.5, ds.getDouble(0x00180050, 1.5));
        assertTrue(ds.getItems(0x00081115).isEmpty());
    }

    @Test
    void numericTextValuesAreReadAsNumbers() {
        Dataset ds = new Dataset();
        ds.putLongs(0x00200013, VR.IS, 12);
        ds.putDoubles(0x00180050, VR.DS, 2.5);
        assertEquals(12, ds.getInt(0x00200013, 0));
        assertEquals(2.5, ds.getDouble(0x00180050, 0));
    }

    @Test
    void datesTimesAndNamesAreParsedFromTheirVr() throws Exception {
        Dataset ds = new DicomReader().read(DicomTestFiles.fixture("ct_explicit_le.dcm")).dataset();
        assertEquals(java.time.LocalDate.of(1970, 1, 1), ds.getDateTime(0x00100030).toLocalDate().orElseThrow());
        assertEquals(DateTimeValue.Precision.MINUTE, ds.getDateTime(0x00080030).precision());
        assertEquals(java.time.ZoneOffset.ofHours(1), ds.getDateTime(0x0008002A).offset());
        assertEquals("Ideo^Graphic", ds.getPersonNames(Tag.PATIENT_NAME).get(0).ideographic());
        assertNull(ds.getDateTime(0x00080021));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ds.getDateTime(Tag.PATIENT_ID));
    }

    @Test
    void copyIsDeepForItemsAndIndependent() {
        Dataset ds = new Dataset();
        ds.addItem(0x00081115).putStrings(0x0020000E, VR.UI, "1.2");
        Dataset copy = ds.copy();
        copy.getItems(0x00081115).get(0).putStrings(0x0020000E, VR.UI, "3.4");
        assertEquals("1.2", ds.getItems(0x00081115).get(0).getString(0x0020000E));
        assertNotSame(ds.getItems(0x00081115).get(0), copy.getItems(0x00081115).get(0));
        assertEquals(copy, copy.getItems(0x00081115).get(0).parent());
    }

    @Test
    void explicitVrLongHeaderSetMatchesPs35Table71() {
        Set<VR> longHeader = EnumSet.noneOf(VR.class);
        for (VR vr : VR.values()) {
            if (vr.hasLongHeader()) {
                longHeader.add(vr);
            }
        }
        assertEquals(EnumSet.of(VR.OB, VR.OD, VR.OF, VR.OL, VR.OV, VR.OW, VR.SQ, VR.SV, VR.UC, VR.UN, VR.UR, VR.UT,
                VR.UV), longHeader);
    }

    @Test
    void vrCodesMapBackToTheirVr() {
        for (VR vr : VR.values()) {
            assertEquals(vr, VR.ofCode(vr.name().charAt(0), vr.name().charAt(1)));
        }
        assertNull(VR.ofCode('Z', 'Z'));
        assertNull(VR.ofCode('a', 'e'));
    }
}
