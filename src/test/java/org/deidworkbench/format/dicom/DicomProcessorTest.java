package org.deidworkbench.format.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.deid.DateValues;
import org.deidworkbench.deid.PseudonymLedger;
import org.deidworkbench.deid.TestKeys;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomReader;
import org.deidworkbench.dicom.DicomWriter;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.format.FileStats;
import org.deidworkbench.format.WithheldException;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.FilePreview;
import org.deidworkbench.model.PreviewField;
import org.deidworkbench.model.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run does to one DICOM file, element by element, through the processor a run uses. */
class DicomProcessorTest {

    static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    @TempDir
    Path dir;

    /** A small CT header with a patient, dates, UIDs and a nested reference. */
    static Dataset ct() {
        Dataset ds = new Dataset();
        ds.putStrings(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 100");
        ds.putStrings(Tag.SOP_CLASS_UID, VR.UI, CT);
        ds.putStrings(Tag.SOP_INSTANCE_UID, VR.UI, "1.2.3.4.5.6.7");
        ds.putStrings(0x0020000D, VR.UI, "1.2.3.4.5.6"); // StudyInstanceUID
        ds.putStrings(0x0020000E, VR.UI, "1.2.3.4.5.6.1"); // SeriesInstanceUID
        ds.putStrings(0x00080060, VR.CS, "CT");
        ds.putStrings(0x00080070, VR.LO, "ACME");
        ds.putStrings(Tag.PATIENT_NAME, VR.PN, "Fictitious^Patricia");
        ds.putStrings(Tag.PATIENT_ID, VR.LO, "PID-0001");
        ds.putStrings(0x00080020, VR.DA, "20200315"); // StudyDate
        ds.putStrings(0x00080030, VR.TM, "101500"); // StudyTime
        ds.putStrings(0x00101010, VR.AS, "093Y"); // PatientAge
        Dataset ref = ds.addItem(0x00081140); // ReferencedImageSequence (X/Z/U*)
        ref.putStrings(0x00081150, VR.UI, CT);
        ref.putStrings(0x00081155, VR.UI, "1.2.3.4.5.6.7");
        return ds;
    }

    static Profile basic() throws Exception {
        return ProfileLoader.builtIn("dicom-basic");
    }

    static Profile withSection(String section) throws Exception {
        return ProfileLoader.parse("deid-profile: 1\nname: t\ndefault: {action: remove}\n" + section, "t.yaml");
    }

    static Deidentifier engine(Profile profile) throws Exception {
        return new Deidentifier(profile, TestKeys.keyRing(), new PseudonymLedger(), 2026);
    }

    Path file(Dataset ds) throws Exception {
        return file(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    Path file(Dataset ds, TransferSyntax ts) throws Exception {
        return file(dir, ds, ts);
    }

    /** {@code ds} written into a new file in {@code dir}, in transfer syntax {@code ts}. */
    static Path file(Path dir, Dataset ds, TransferSyntax ts) throws Exception {
        Path f = Files.createTempFile(dir, "in", ".dcm");
        new DicomWriter().write(new DicomFile(new Dataset(), ds, ts), f);
        return f;
    }

    /** Scans, freezes and transforms one file as a run does; returns the output data set. */
    static Dataset run(Deidentifier engine, Path in) throws Exception {
        DicomProcessor p = (DicomProcessor) new DicomFormat().processor(engine, false);
        p.scan(in, "f", () -> false);
        engine.freezeIdentifiers();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.transform(in, "f", out, () -> false);
        return new DicomReader().read(out.toByteArray()).dataset();
    }

    Dataset run(Profile profile, Dataset ds) throws Exception {
        return run(engine(profile), file(ds));
    }

    @Test
    void patientIdBecomesTheSubjectsPseudonym() throws Exception {
        Deidentifier engine = engine(basic());
        Dataset out = run(engine, file(ct()));
        assertEquals(engine.subject("PID-0001").pseudonym(), out.getString(Tag.PATIENT_ID));
    }

    @Test
    void datesMoveByTheSubjectsOffsetAndTimesOfDayStay() throws Exception {
        Deidentifier engine = engine(basic());
        Dataset out = run(engine, file(ct()));
        assertEquals(DateValues.shift("20200315", engine.subject("PID-0001").dateOffsetDays()), out.getString(0x00080020));
        assertEquals("101500", out.getString(0x00080030));
        assertEquals("MODIFIED", out.getString(0x00280303));
    }

    @Test
    void theNameOfThePatientIsScrubbedFromTextTheTableKeeps() throws Exception {
        Dataset ds = ct();
        ds.putStrings(0x00080070, VR.LO, "ACME for Patricia Fictitious");
        Dataset out = run(basic(), ds);
        assertFalse(out.getString(0x00080070).contains("Fictitious"), out.getString(0x00080070));
        assertTrue(out.getString(0x00080070).startsWith("ACME for "));
    }

    @Test
    void uidsAreReplacedAtEveryDepthTheSameWay() throws Exception {
        Dataset out = run(basic(), ct());
        String sop = out.getString(Tag.SOP_INSTANCE_UID);
        assertTrue(sop.startsWith("2.25."));
        assertEquals(sop, out.getItems(0x00081140).get(0).getString(0x00081155));
        assertEquals(CT, out.getItems(0x00081140).get(0).getString(0x00081150));
    }

    @Test
    void agesOverEightyNineAreGrouped() throws Exception {
        assertEquals("090Y", run(basic(), ct()).getString(0x00101010));
    }

    @Test
    void aCompoundCodeKeepsTheAttributePresentButEmpty() throws Exception {
        Dataset ds = ct();
        ds.putStrings(0x00080022, VR.DA, "20200315"); // AcquisitionDate: X/Z
        Dataset out = run(withSection("dicom:\n  options: {}\n"), ds);
        assertNotNull(out.get(0x00080022));
        assertEquals(0, out.get(0x00080022).bytes().length);
        assertEquals("REMOVED", out.getString(0x00280303));
    }

    @Test
    void privateElementsAreRemovedWithTheirCreator() throws Exception {
        Dataset ds = ct();
        int t = ds.reservePrivateTag(0x0041, "SOMEONE", 0x01);
        ds.putStrings(t, VR.LO, "whatever");
        Dataset out = run(basic(), ds);
        assertNull(out.get(t));
        assertNull(out.get(Tag.of(0x0041, 0x0010)));
    }

    @Test
    void aSafeListedPrivateElementIsKeptWithItsCreator() throws Exception {
        Dataset ds = ct();
        int safe = ds.reservePrivateTag(0x0019, "GEMS_ACQU_01", 0x23);
        ds.putStrings(safe, VR.DS, "12.5");
        int unsafe = ds.reservePrivateTag(0x0019, "GEMS_ACQU_01", 0x30);
        ds.putStrings(unsafe, VR.LO, "name");
        Dataset out = run(basic(), ds);
        assertEquals("12.5", out.getString(safe));
        assertNull(out.get(unsafe));
        assertEquals("GEMS_ACQU_01", out.getString(Tag.of(0x0019, 0x0010)));
    }

    /**
     * A safe-listed slot that holds text of another VR (a vendor's other software version reusing it) is not kept: the
     * starter list's entry is a DS (decision 0185).
     */
    @Test
    void aSafeListedSlotHoldingAnotherVrIsRemoved() throws Exception {
        Dataset ds = ct();
        int reused = ds.reservePrivateTag(0x0019, "GEMS_ACQU_01", 0x23);
        ds.putStrings(reused, VR.LO, "Fictitious^Patricia");
        Dataset out = run(basic(), ds);
        assertNull(out.get(reused));
        assertNull(out.get(Tag.of(0x0019, 0x0010)), "the creator goes with its last element");
    }

    @Test
    void aBlockTheFileDeclaresSafeIsKept() throws Exception {
        Dataset ds = ct();
        int t = ds.reservePrivateTag(0x0043, "VENDOR X", 0x05);
        ds.putLongs(t, VR.US, 7);
        Dataset declaration = ds.addItem(PrivateDeclarations.CHARACTERISTICS_SEQUENCE);
        declaration.putLongs(0x00080301, VR.US, 0x0043);
        declaration.putStrings(0x00080302, VR.LO, "VENDOR X");
        declaration.putStrings(0x00080303, VR.CS, "SAFE");
        assertEquals(7, run(basic(), ds).getLong(t, -1));
    }

    @Test
    void aTextRuleOnBinaryPrivateDataRemovesItRatherThanRewritingIt() throws Exception {
        Dataset ds = ct();
        int t = ds.reservePrivateTag(0x0041, "VENDOR Y", 0x01);
        ds.putBytes(t, VR.OB, new byte[] {1, 2, 3, 4});
        Deidentifier engine = engine(withSection("dicom:\n  rules:\n    - id: vendor-text\n"
                + "      private: {creator: VENDOR Y, group: \"0041\", element: \"01\"}\n      action: scrub-text\n"));
        assertNull(run(engine, file(ds)).get(t));
    }

    @Test
    void anElementTheDictionaryDoesNotKnowIsRemoved() throws Exception {
        Dataset ds = ct();
        ds.putStrings(0x00089999, VR.LO, "unknown");
        assertNull(run(basic(), ds).get(0x00089999));
    }

    @Test
    void aPathRuleAppliesOnlyAtItsPlace() throws Exception {
        Dataset ds = ct();
        Dataset region = ds.addItem(0x00082218); // AnatomicRegionSequence (kept)
        region.putStrings(0x00080104, VR.LO, "nested meaning");
        Profile p = withSection("dicom:\n  rules:\n    - id: nested\n      path: AnatomicRegionSequence/CodeMeaning\n"
                + "      action: replace\n      value: CHEST\n");
        Dataset out = run(p, ds);
        assertEquals("CHEST", out.getItems(0x00082218).get(0).getString(0x00080104));
    }

    @Test
    void aStarStepIsOneSequenceOfAnyTagAndADoubleStarAnyNumber() throws Exception {
        Dataset ds = ct();
        Dataset region = ds.addItem(0x00082218);
        Dataset modifier = region.addItem(0x00082220);
        modifier.putStrings(0x00080104, VR.LO, "deep");
        region.putStrings(0x00080104, VR.LO, "shallow");
        Profile star = withSection("dicom:\n  rules:\n    - id: r\n      path: AnatomicRegionSequence/*/CodeMeaning\n"
                + "      action: replace\n      value: X\n");
        Dataset out = run(star, ds);
        assertEquals("X", out.getItems(0x00082218).get(0).getItems(0x00082220).get(0).getString(0x00080104));
        assertEquals("shallow", out.getItems(0x00082218).get(0).getString(0x00080104));
        Profile any = withSection("dicom:\n  rules:\n    - id: r\n      path: \"**/CodeMeaning\"\n"
                + "      action: replace\n      value: Y\n");
        Dataset all = run(any, ds);
        assertEquals("Y", all.getItems(0x00082218).get(0).getString(0x00080104));
        assertEquals("Y", all.getItems(0x00082218).get(0).getItems(0x00082220).get(0).getString(0x00080104));
    }


    @Test
    void anOverlayWhoseDataIsRemovedLosesItsWholeGroup() throws Exception {
        Dataset ds = ct();
        ds.putLongs(0x60000010, VR.US, 8);
        ds.putLongs(0x60000011, VR.US, 8);
        ds.putBytes(0x60003000, VR.OW, new byte[8]);
        Dataset out = run(withSection("dicom:\n  options: {}\n"), ds);
        assertNull(out.get(0x60003000));
        assertNull(out.get(0x60000010));
    }

    @Test
    void transformBeforeTheIdentifiersAreFrozenIsRefused() throws Exception {
        Path in = file(ct());
        DicomProcessor p = (DicomProcessor) new DicomFormat().processor(engine(basic()), false);
        p.scan(in, "f", () -> false);
        assertThrows(IllegalStateException.class, () -> p.transform(in, "f", new ByteArrayOutputStream(), () -> false));
    }

    @Test
    void theFileMetaKeepsNothingOfTheOriginal() throws Exception {
        Dataset meta = new Dataset();
        meta.putStrings(0x00020016, VR.AE, "SENDER_AE"); // Source Application Entity Title
        Path in = Files.createTempFile(dir, "meta", ".dcm");
        new DicomWriter().write(new DicomFile(meta, ct(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), in);
        Deidentifier engine = engine(basic());
        DicomProcessor p = (DicomProcessor) new DicomFormat().processor(engine, false);
        p.scan(in, "f", () -> false);
        engine.freezeIdentifiers();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.transform(in, "f", out, () -> false);
        DicomFile written = new DicomReader().read(out.toByteArray());
        assertNull(written.fileMeta().get(0x00020016));
        assertEquals(written.dataset().getString(Tag.SOP_INSTANCE_UID),
                written.fileMeta().getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID));
    }

    @Test
    void aSecondaryCaptureWithoutARedactionIsWithheld() throws Exception {
        Dataset ds = ct();
        ds.putStrings(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.putBytes(Tag.PIXEL_DATA, VR.OB, new byte[4]);
        DicomProcessor p = (DicomProcessor) new DicomFormat().processor(engine(basic()), false);
        WithheldException e = assertThrows(WithheldException.class,
                () -> p.transform(file(ds), "f", new ByteArrayOutputStream(), () -> false));
        assertEquals("DICOM-BURNED-IN-ANNOTATION", e.code());
    }

    @Test
    void statisticsCountEveryDecisionByRule() throws Exception {
        Deidentifier engine = engine(basic());
        Path in = file(ct());
        DicomProcessor p = (DicomProcessor) new DicomFormat().processor(engine, false);
        p.scan(in, "f", () -> false);
        engine.freezeIdentifiers();
        FileStats stats = p.transform(in, "f", new ByteArrayOutputStream(), () -> false);
        assertEquals(1L, stats.actionCounts().get("subject (pseudonymize)"));
        assertEquals(1L, stats.actionCounts().get("patient-name (pseudonymize)"));
        assertEquals(1, stats.records());
    }

    @Test
    void previewShowsNestedElementsBeforeAndAfterAndTheMarking() throws Exception {
        Deidentifier engine = engine(basic());
        Path in = file(ct());
        DicomProcessor p = (DicomProcessor) new DicomFormat().processor(engine, false);
        p.scan(in, "f", () -> false);
        engine.freezeIdentifiers();
        FilePreview preview = p.preview(in, "f", 10, () -> false);
        assertEquals(FilePreview.Layout.TREE, preview.layout());
        List<PreviewField> fields = preview.records().get(0).fields();
        PreviewField name = fields.stream().filter(f -> f.name().equals("PatientName")).findFirst().orElseThrow();
        assertEquals(PreviewField.Change.CHANGED, name.change());
        assertEquals("Fictitious^Patricia", name.original());
        PreviewField refs = fields.stream().filter(f -> f.name().equals("ReferencedImageSequence")).findFirst()
                .orElseThrow();
        PreviewField uid = refs.children().get(0).children().get(1);
        assertEquals("(0008,1140)[0]/(0008,1155)", uid.path());
        assertNotEquals(uid.original(), uid.cleaned());
        assertTrue(fields.stream().anyMatch(f -> f.name().equals("PatientIdentityRemoved")
                && f.change() == PreviewField.Change.ADDED));
    }

    @Test
    void explainGivesEveryElementItsRuleAndReason() throws Exception {
        DicomProcessor p = (DicomProcessor) new DicomFormat().processor(engine(basic()), false);
        List<FieldDecision> decisions = p.explain(file(ct()));
        FieldDecision id = decisions.stream().filter(d -> d.name().equals("PatientID")).findFirst().orElseThrow();
        assertTrue(id.subject());
        FieldDecision date = decisions.stream().filter(d -> d.name().equals("StudyDate")).findFirst().orElseThrow();
        assertEquals("annex-e", date.ruleId());
        assertEquals("C", date.action());
        assertTrue(date.reason().contains("Basic Profile Z"), date.reason());
        assertTrue(decisions.stream().anyMatch(d -> d.path().equals("(0008,1140)[0]/(0008,1155)")));
    }

    /** A deflated CT whose pixel data is large enough to stay in the inflated spool file. */
    private Path deflatedCt() throws Exception {
        Dataset ds = ct();
        ds.putBytes(Tag.PIXEL_DATA, VR.OW, new byte[200_000]);
        return file(ds, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
    }

    @Test
    void aDeflatedFileIsInflatedIntoTheScratchFolderItWasGiven() throws Exception {
        Path in = deflatedCt();
        Path missing = dir.resolve("no-such-scratch");
        DicomProcessor p = (DicomProcessor) new DicomFormat().processor(engine(basic()), false, missing);
        assertThrows(java.nio.file.NoSuchFileException.class, () -> p.scan(in, "f", () -> false));
    }

    @Test
    void theScratchFolderIsEmptyAgainAfterADeflatedFileIsTransformed() throws Exception {
        Path in = deflatedCt();
        Path scratch = Files.createDirectory(dir.resolve("scratch"));
        Deidentifier engine = engine(basic());
        DicomProcessor p = (DicomProcessor) new DicomFormat().processor(engine, false, scratch);
        p.scan(in, "f", () -> false);
        engine.freezeIdentifiers();
        p.transform(in, "f", new ByteArrayOutputStream(), () -> false);
        try (java.util.stream.Stream<Path> left = Files.list(scratch)) {
            assertEquals(0, left.count());
        }
    }
}
