package org.deidworkbench.job;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomFormatException;
import org.deidworkbench.dicom.DicomReader;
import org.deidworkbench.dicom.DicomWriter;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.VR;

/**
 * Test corpus: pydicom's real test files (every modality and transfer syntax Debian ships: CT, MR,
 * RT plan/structure set/dose, SR, waveform, multi-frame, deflated, big endian, JPEG family, RLE,
 * character set files, private and nested private sequences) with fake identifiers planted in
 * names, ids, dates, addresses, institution and device fields, a private block, nested sequences
 * and SR content. Every planted value contains one of {@link #TOKENS}, so a scan of the output for
 * those tokens finds any leak. The fake identifiers are invented; the files stay pydicom's.
 */
final class PlantedDicomCorpus {

    static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data");

    /** Every planted identifier contains one of these (case-insensitively). */
    static final List<String> TOKENS = List.of("QUIXLEY", "ZEBULON", "ARCHIBALD", "MRN84736251", "OTH55521987",
            "ACC77123459", "WOBBLESTONE", "FROBISHER", "555-0142", "GRIMSBY", "WOMBLETHORPE", "DOROTHEA",
            "SERIAL99887766", "STATIONXYZZY", "STY9911337", "19610413", "20210705", "QXPRIVATE", "FENWICK");

    /** Files pydicom ships that are not readable DICOM on purpose (truncated, directories, not DICOM). */
    private static final List<String> SKIPPED = List.of("MR_truncated.dcm", "rtplan_truncated.dcm", "no_meta.dcm",
            "ExplVR_BigEndNoMeta.dcm");

    private PlantedDicomCorpus() {
    }

    /** Whether pydicom's data is installed (python3-pydicom). */
    static boolean available() {
        return Files.isDirectory(PYDICOM.resolve("test_files"));
    }

    /** Writes the planted corpus into {@code dir}; returns the file names written. */
    static List<String> build(Path dir) throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String sub : List.of("test_files", "charset_files")) {
            try (Stream<Path> s = Files.list(PYDICOM.resolve(sub))) {
                s.filter(p -> p.getFileName().toString().endsWith(".dcm"))
                        .filter(p -> !SKIPPED.contains(p.getFileName().toString())).sorted().forEach(sources::add);
            }
        }
        DicomReader reader = new DicomReader().withBulkThreshold(Long.MAX_VALUE);
        List<String> written = new ArrayList<>();
        for (Path source : sources) {
            DicomFile file;
            try {
                file = reader.read(Files.readAllBytes(source));
            } catch (DicomFormatException e) {
                throw new IllegalStateException(source.getFileName() + " no longer reads: " + e.getMessage(), e);
            }
            plant(file.dataset());
            String name = source.getParent().getFileName() + "_" + source.getFileName();
            try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
                new DicomWriter().write(new DicomFile(file.fileMeta(), file.dataset(), file.transferSyntax()), out);
            } catch (DicomFormatException e) {
                throw new IllegalStateException(name + " cannot be written: " + e.getMessage(), e);
            }
            written.add(name);
        }
        return written;
    }

    /** Plants the fake identifiers at the top level, in nested sequences, a private block and SR content. */
    static void plant(Dataset ds) {
        ds.putStrings(Tag.PATIENT_NAME, VR.PN, "QUIXLEY^ZEBULON^ARCHIBALD");
        ds.putStrings(Tag.PATIENT_ID, VR.LO, "MRN84736251");
        ds.putStrings(0x00101000, VR.LO, "OTH55521987"); // OtherPatientIDs
        Dataset other = ds.addItem(0x00101002); // OtherPatientIDsSequence
        other.putStrings(Tag.PATIENT_ID, VR.LO, "OTH55521987");
        ds.putStrings(0x00101040, VR.LO, "4417 WOBBLESTONE LANE FROBISHER"); // PatientAddress
        ds.putStrings(0x00102154, VR.SH, "(617) 555-0142"); // PatientTelephoneNumbers
        ds.putStrings(0x00100030, VR.DA, "19610413"); // PatientBirthDate
        ds.putStrings(0x00101060, VR.PN, "FENWICK^ZEBULINA"); // PatientMotherBirthName
        ds.putStrings(0x00080080, VR.LO, "GRIMSBY GENERAL"); // InstitutionName
        ds.putStrings(0x00080081, VR.ST, "1 GRIMSBY ROAD, FROBISHER"); // InstitutionAddress
        ds.putStrings(0x00080090, VR.PN, "WOMBLETHORPE^DOROTHEA"); // ReferringPhysicianName
        ds.putStrings(0x00081050, VR.PN, "WOMBLETHORPE^DOROTHEA"); // PerformingPhysicianName
        ds.putStrings(0x00081070, VR.PN, "WOMBLETHORPE^DOROTHEA"); // OperatorsName
        ds.putStrings(0x00081010, VR.SH, "STATIONXYZZY"); // StationName
        ds.putStrings(0x00181000, VR.LO, "SERIAL99887766"); // DeviceSerialNumber
        ds.putStrings(0x00080050, VR.SH, "ACC77123459"); // AccessionNumber
        ds.putStrings(0x00200010, VR.SH, "STY9911337"); // StudyID
        ds.putStrings(0x00080020, VR.DA, "20210705"); // StudyDate
        ds.putStrings(0x0008002A, VR.DT, "20210705083000"); // AcquisitionDateTime
        ds.putStrings(0x00081030, VR.LO, "CT for QUIXLEY ZEBULON MRN84736251"); // StudyDescription
        ds.putStrings(0x0008103E, VR.LO, "Zebulon Quixley follow-up"); // SeriesDescription
        ds.putStrings(0x00204000, VR.LT, "Patient Zebulon Quixley, MRN84736251, tel (617) 555-0142, seen 20210705");
        ds.putStrings(0x00104000, VR.LT, "Mother FENWICK, lives at 4417 Wobblestone Lane"); // PatientComments
        // A text the table does not list (kept, so it must lose the known identifiers).
        ds.putStrings(0x00081080, VR.LO, "QUIXLEY MRN84736251"); // AdmittingDiagnosesDescription
        // Nested: a kept sequence (Anatomic Region) whose code meaning names the patient, and an item
        // two levels down.
        Dataset region = ds.addItem(0x00082218);
        region.putStrings(0x00080100, VR.SH, "T-D3000");
        region.putStrings(0x00080102, VR.SH, "SRT");
        region.putStrings(0x00080104, VR.LO, "Chest of Zebulon Quixley");
        Dataset modifier = region.addItem(0x00082220);
        modifier.putStrings(0x00080100, VR.SH, "G-A101");
        modifier.putStrings(0x00080102, VR.SH, "SRT");
        modifier.putStrings(0x00080104, VR.LO, "Left, per WOMBLETHORPE");
        Dataset request = ds.addItem(0x00400275); // RequestAttributesSequence
        request.putStrings(0x00401001, VR.SH, "ACC77123459"); // RequestedProcedureID
        request.putStrings(0x00400007, VR.LO, "for QUIXLEY"); // ScheduledProcedureStepDescription
        // A private block: text, binary and a nested private sequence, all naming the patient.
        int text = ds.reservePrivateTag(0x0041, "QXPRIVATE PHI 1", 0x01);
        ds.putStrings(text, VR.LO, "QUIXLEY ZEBULON");
        int binary = ds.reservePrivateTag(0x0041, "QXPRIVATE PHI 1", 0x02);
        ds.putBytes(binary, VR.OB, "..MRN84736251..".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        int sequence = ds.reservePrivateTag(0x0041, "QXPRIVATE PHI 1", 0x03);
        Dataset nested = ds.addItem(sequence);
        nested.putStrings(Tag.PATIENT_NAME, VR.PN, "QUIXLEY^ZEBULON");
        // SR content: a text item naming the patient (SR documents only).
        if (ds.contains(0x0040A730)) {
            Dataset item = ds.addItem(0x0040A730);
            item.putStrings(0x0040A010, VR.CS, "CONTAINS");
            item.putStrings(0x0040A040, VR.CS, "TEXT");
            Dataset concept = item.addItem(0x0040A043);
            concept.putStrings(0x00080100, VR.SH, "121106");
            concept.putStrings(0x00080102, VR.SH, "DCM");
            concept.putStrings(0x00080104, VR.LO, "Comment");
            item.putStrings(0x0040A160, VR.UT, "Seen QUIXLEY ZEBULON MRN84736251, call (617) 555-0142");
            Dataset person = ds.addItem(0x0040A730);
            person.putStrings(0x0040A010, VR.CS, "HAS OBS CONTEXT");
            person.putStrings(0x0040A040, VR.CS, "PNAME");
            Dataset observer = person.addItem(0x0040A043);
            observer.putStrings(0x00080100, VR.SH, "121008");
            observer.putStrings(0x00080102, VR.SH, "DCM");
            observer.putStrings(0x00080104, VR.LO, "Person Observer Name");
            person.putStrings(0x0040A123, VR.PN, "WOMBLETHORPE^DOROTHEA");
        }
    }
}
