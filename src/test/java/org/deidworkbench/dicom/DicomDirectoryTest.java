package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DICOMDIRs made from a tree of records: offsets, record order, File IDs and record types. */
class DicomDirectoryTest {

    private static DicomDirectory.Record record(String type, int instanceNumber) {
        Dataset keys = new Dataset();
        keys.putStrings(0x00200013, VR.IS, Integer.toString(instanceNumber));
        return new DicomDirectory.Record(type, keys);
    }

    /** Two patients; the first with a study holding two images. */
    private static List<Dataset> writtenAndReadBack() throws Exception {
        DicomDirectory.Record first = record("PATIENT", 1);
        DicomDirectory.Record study = first.add(record("STUDY", 2));
        study.add(record("IMAGE", 3));
        study.add(record("IMAGE", 4));
        DicomDirectory.Record second = record("PATIENT", 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter().write(DicomDirectory.of("2.25.1", List.of(first, second)), out);
        return new DicomReader().read(out.toByteArray()).dataset().getItems(DicomDirectory.RECORD_SEQUENCE);
    }

    private static long offset(Dataset record, int tag) {
        return record.getLong(tag, -1);
    }

    @Test
    void recordsAreListedParentFirstInTheOrderGiven() throws Exception {
        assertEquals(List.of("1", "2", "3", "4", "5"), writtenAndReadBack().stream()
                .map(r -> r.getString(0x00200013)).toList());
    }

    @Test
    void lowerLevelOffsetsPointAtTheFirstChild() throws Exception {
        List<Dataset> r = writtenAndReadBack();
        assertEquals(r.get(1).sourceOffset(), offset(r.get(0), DicomDirectory.LOWER_RECORD));
        assertEquals(r.get(2).sourceOffset(), offset(r.get(1), DicomDirectory.LOWER_RECORD));
        assertEquals(0, offset(r.get(2), DicomDirectory.LOWER_RECORD));
    }

    @Test
    void nextOffsetsLinkSiblingsAndEndWithZero() throws Exception {
        List<Dataset> r = writtenAndReadBack();
        assertEquals(r.get(4).sourceOffset(), offset(r.get(0), DicomDirectory.NEXT_RECORD));
        assertEquals(r.get(3).sourceOffset(), offset(r.get(2), DicomDirectory.NEXT_RECORD));
        assertEquals(0, offset(r.get(3), DicomDirectory.NEXT_RECORD));
        assertEquals(0, offset(r.get(4), DicomDirectory.NEXT_RECORD));
    }

    @Test
    void rootOffsetsPointAtTheFirstAndLastPatient() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter().write(DicomDirectory.of("2.25.1", List.of(record("PATIENT", 1), record("PATIENT", 2))), out);
        DicomFile f = new DicomReader().read(out.toByteArray());
        List<Dataset> r = f.dataset().getItems(DicomDirectory.RECORD_SEQUENCE);
        assertEquals(r.get(0).sourceOffset(), f.dataset().getLong(DicomDirectory.FIRST_ROOT_RECORD, -1));
        assertEquals(r.get(1).sourceOffset(), f.dataset().getLong(DicomDirectory.LAST_ROOT_RECORD, -1));
        assertEquals(DicomDirectory.SOP_CLASS, f.fileMeta().getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID));
    }

    @Test
    void fileIdComponentsAreOneToEightUpperCaseLettersDigitsOrUnderscores() {
        assertTrue(DicomDirectory.isFileIdComponent("IM_00001"));
        assertFalse(DicomDirectory.isFileIdComponent("IM000001A"));
        assertFalse(DicomDirectory.isFileIdComponent("im1"));
        assertFalse(DicomDirectory.isFileIdComponent("IM1.DCM"));
        assertFalse(DicomDirectory.isFileIdComponent(""));
    }

    @Test
    void recordTypesFollowTheSopClass() {
        String storage = "1.2.840.10008.5.1.4.1.1.";
        assertEquals(Optional.of("IMAGE"), DicomDirectory.recordType(storage + "2", true));
        assertEquals(Optional.of("RT DOSE"), DicomDirectory.recordType(storage + "481.2", true));
        assertEquals(Optional.of("SR DOCUMENT"), DicomDirectory.recordType(storage + "88.11", false));
        assertEquals(Optional.of("KEY OBJECT DOC"), DicomDirectory.recordType(storage + "88.59", false));
        // a disc with an ECG or a presentation state (decision 0185): PS3.3 Table F.4-1
        assertEquals(Optional.of("WAVEFORM"), DicomDirectory.recordType(storage + "9.1.2", false));
        assertEquals(Optional.of("WAVEFORM"), DicomDirectory.recordType(storage + "9.4.1", false));
        assertEquals(Optional.of("PRESENTATION"), DicomDirectory.recordType(storage + "11.1", false));
        assertEquals(Optional.of("RT TREAT RECORD"), DicomDirectory.recordType(storage + "481.4", false));
        assertEquals(Optional.of("RT PLAN"), DicomDirectory.recordType(storage + "481.8", false));
        assertEquals(Optional.empty(), DicomDirectory.recordType(storage + "66", false)); // raw data
        assertEquals(Optional.empty(), DicomDirectory.recordType(storage + "104.1", false)); // a PDF
    }

    @Test
    void aWaveformsAndAPresentationStatesKeysAreThoseOfTheirRecords() {
        assertEquals(List.of(0x00080005, 0x00200013, 0x00080023, 0x00080033), DicomDirectory.instanceKeys("WAVEFORM")
                .stream().map(DicomDirectory.Key::tag).toList());
        List<DicomDirectory.Key> presentation = DicomDirectory.instanceKeys("PRESENTATION");
        assertTrue(presentation.contains(new DicomDirectory.Key(0x00700080, DicomDirectory.KeyType.TYPE_1)));
        assertTrue(presentation.contains(new DicomDirectory.Key(0x00700084, DicomDirectory.KeyType.TYPE_2)));
        assertTrue(presentation.contains(new DicomDirectory.Key(0x00081115, DicomDirectory.KeyType.TYPE_1C)));
    }
}
