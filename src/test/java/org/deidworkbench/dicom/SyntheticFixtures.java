package org.deidworkbench.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the synthetic DICOM fixtures under {@code src/test/resources/org/deidworkbench/dicom/fixtures}
 * (all values invented; see the README there). Run {@code main} with the project directory to
 * regenerate them; {@code SyntheticFixturesTest} checks the committed files match this code.
 */
public final class SyntheticFixtures {

    static final String RESOURCE_DIR = "src/test/resources/org/deidworkbench/dicom/fixtures";
    static final String SOP_CLASS_CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String SOP_CLASS_SC = "1.2.840.10008.5.1.4.1.1.7";
    static final String PRIVATE_CREATOR = "DEIDWB TEST";

    private SyntheticFixtures() {
    }

    /** Regenerates the fixture files into {@code args[0]/RESOURCE_DIR}. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : ".").resolve(RESOURCE_DIR);
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> f : all().entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
    }

    /** Every fixture by file name. */
    static Map<String, byte[]> all() throws IOException, DicomFormatException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("ct_explicit_le.dcm", part10(ct(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        m.put("ct_implicit_le.dcm", part10(ct(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN));
        m.put("ct_explicit_be.dcm", part10(ct(), TransferSyntax.EXPLICIT_VR_BIG_ENDIAN));
        m.put("ct_deflated.dcm", part10(ct(), TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN));
        m.put("sc_rle.dcm", part10(scRle(), TransferSyntax.of("1.2.840.10008.1.2.5")));
        byte[] explicit = m.get("ct_explicit_le.dcm");
        byte[] noPreamble = new byte[explicit.length - 132];
        System.arraycopy(explicit, 132, noPreamble, 0, noPreamble.length);
        m.put("ct_no_preamble.dcm", noPreamble);
        ByteArrayOutputStream bare = new ByteArrayOutputStream();
        new DicomWriter().writeDataset(ct(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, bare);
        m.put("ct_no_meta_implicit.dcm", bare.toByteArray());
        m.put("small_seed.dcm", part10(small(), TransferSyntax.of("1.2.840.10008.1.2.5")));
        return m;
    }

    static byte[] part10(Dataset ds, TransferSyntax ts) throws IOException, DicomFormatException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter().write(new DicomFile(new Dataset(), ds, ts), out);
        return out.toByteArray();
    }

    /** A small CT-like data set touching every VR, nested sequences, a private block and native pixels. */
    static Dataset ct() {
        Dataset ds = new Dataset();
        ds.putStrings(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 100");
        ds.putStrings(0x00080008, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.putStrings(0x00080012, VR.DA, "20240131");
        ds.putStrings(0x00080013, VR.TM, "101530.125");
        ds.putStrings(Tag.SOP_CLASS_UID, VR.UI, SOP_CLASS_CT);
        ds.putStrings(Tag.SOP_INSTANCE_UID, VR.UI, "2.25.1000000000000000000001");
        ds.putStrings(0x00080020, VR.DA, "20240131");
        ds.putStrings(0x00080030, VR.TM, "1015");
        ds.putStrings(0x0008002A, VR.DT, "20240131101530.5+0100");
        ds.putStrings(0x00080050, VR.SH, "ACC0001");
        ds.putStrings(0x00080060, VR.CS, "CT");
        ds.putStrings(0x00080070, VR.LO, "Synthetic Devices");
        ds.putStrings(0x00080080, VR.LO, "Clinique Fictive");
        ds.putStrings(0x00080090, VR.PN, "Médecin^Anne^^Dr");
        ds.putStrings(0x00081010, VR.SH, "STATION1");
        ds.putStrings(0x00081030, VR.LO, "Thorax synthetic");
        Dataset ref = ds.addItem(0x00081115);
        Dataset inst = ref.addItem(0x00081140);
        inst.putStrings(0x00081150, VR.UI, SOP_CLASS_CT);
        inst.putStrings(0x00081155, VR.UI, "2.25.1000000000000000000002");
        Dataset inst2 = ref.addItem(0x00081140);
        inst2.undefinedLength(false);
        inst2.putStrings(0x00081150, VR.UI, SOP_CLASS_CT);
        inst2.putStrings(0x00081155, VR.UI, "2.25.1000000000000000000003");
        ref.putStrings(0x0020000E, VR.UI, "2.25.1000000000000000000004");
        ds.putStrings(Tag.PATIENT_NAME, VR.PN, "Doe^Jane=Ideo^Graphic=Pho^Netic");
        ds.putStrings(Tag.PATIENT_ID, VR.LO, "MRN-000123");
        ds.putStrings(0x00100030, VR.DA, "19700101");
        ds.putStrings(0x00100040, VR.CS, "F");
        ds.putStrings(0x00101010, VR.AS, "054Y");
        ds.putDoubles(0x00101020, VR.DS, 1.65);
        ds.putStrings(0x00104000, VR.LT, "Line one\r\nLine two \\ with backslash");
        ds.putStrings(0x00181030, VR.LO, "Protocol A");
        ds.putDoubles(0x00180050, VR.DS, 2.5);
        ds.putStrings(0x00181000, VR.LO, "SN-42");
        ds.putStrings(0x00189367, VR.UC, "unlimited characters");
        ds.putStrings(0x00080120, VR.UR, "http://example.org/synthetic");
        ds.putStrings(0x00204000, VR.LT, "Image comments");
        ds.putStrings(0x0040A160, VR.UT, "Unlimited text value");
        ds.putStrings(0x00321060, VR.LO, "Requested procedure");
        ds.putStrings(0x00400254, VR.LO, "Performed procedure");
        ds.putStrings(0x0040A124, VR.UI, "2.25.77");
        ds.putStrings(0x0020000D, VR.UI, "2.25.1000000000000000000005");
        ds.putStrings(0x0020000E, VR.UI, "2.25.1000000000000000000006");
        ds.putLongs(0x00200013, VR.IS, 7);
        ds.putDoubles(0x00200032, VR.DS, -125.0, -125.0, 42.75);
        ds.putDoubles(0x00200037, VR.DS, 1, 0, 0, 0, 1, 0);
        ds.putBytes(0x00209165, VR.AT, Values.encodeTags(0x00200032, 0x00189151));
        ds.putLongs(0x00280002, VR.US, 1);
        ds.putStrings(0x00280004, VR.CS, "MONOCHROME2");
        ds.putLongs(0x00280010, VR.US, 8);
        ds.putLongs(0x00280011, VR.US, 8);
        ds.putDoubles(0x00280030, VR.DS, 0.5, 0.5);
        ds.putLongs(Tag.BITS_ALLOCATED, VR.US, 16);
        ds.putLongs(0x00280101, VR.US, 12);
        ds.putLongs(0x00280102, VR.US, 11);
        ds.putLongs(Tag.PIXEL_REPRESENTATION, VR.US, 1);
        ds.putLongs(0x00280106, VR.SS, -1024);
        ds.putDoubles(0x00281050, VR.DS, 40);
        ds.putDoubles(0x00281052, VR.DS, -1024);
        ds.putDoubles(0x00281053, VR.DS, 1);
        ds.putDoubles(0x00189306, VR.FD, 0.625);
        ds.putDoubles(0x00189307, VR.FD, 1.25);
        ds.putDoubles(0x00189310, VR.FD, 20.5);
        ds.putDoubles(0x00189327, VR.FD, 100.0);
        ds.putDoubles(0x00189311, VR.FD, 0.5);
        ds.putDoubles(0x00109431, VR.FL, 1.5f);
        ds.putLongs(0x00189219, VR.SS, -3);
        ds.putLongs(0x00181242, VR.IS, 1000);
        ds.putLongs(0x00209057, VR.UL, 3);
        ds.putLongs(0x0040A0B0, VR.US, 1, 2, 3, 4);
        ds.putLongs(0x00720078, VR.UL, 4_000_000_000L);
        ds.putLongs(0x00186020, VR.SL, -123456);
        ds.putLongs(0x0008040D, VR.UV, 1L << 40);
        ds.putLongs(0x00720082, VR.SV, -(1L << 40));
        ds.putDoubles(0x00660016, VR.OF, 1.0, 2.0);
        ds.putDoubles(0x00660022, VR.OD, 3.0);
        ds.putLongs(0x00660040, VR.OL, 5, 6);
        ds.putLongs(0x00720081, VR.OV, 7);
        int p1 = ds.reservePrivateTag(0x0009, PRIVATE_CREATOR, 0x01);
        ds.putStrings(p1, VR.LO, "private text");
        int p2 = ds.reservePrivateTag(0x0009, PRIVATE_CREATOR, 0x02);
        ds.putBytes(p2, VR.UN, new byte[] {1, 2, 3, 4});
        int p3 = ds.reservePrivateTag(0x0009, PRIVATE_CREATOR, 0x03);
        List<Dataset> unItems = new ArrayList<>();
        Dataset unItem = new Dataset();
        unItem.putStrings(0x00100020, VR.LO, "NESTEDID");
        unItems.add(unItem);
        ds.put(Element.ofSequence(p3, VR.UN, unItems, true));
        ds.putBytes(0x7FE00010, VR.OW, pixels16());
        return ds;
    }

    private static byte[] pixels16() {
        byte[] b = new byte[8 * 8 * 2];
        for (int i = 0; i < 64; i++) {
            int v = (i * 37) % 4096 - 1024;
            b[2 * i] = (byte) v;
            b[2 * i + 1] = (byte) (v >> 8);
        }
        return b;
    }

    /** A secondary capture with one real RLE Lossless frame (8x8, 8 bits, literal runs). */
    static Dataset scRle() {
        Dataset ds = new Dataset();
        ds.putStrings(Tag.SOP_CLASS_UID, VR.UI, SOP_CLASS_SC);
        ds.putStrings(Tag.SOP_INSTANCE_UID, VR.UI, "2.25.2000000000000000000001");
        ds.putStrings(0x00080020, VR.DA, "20240201");
        ds.putStrings(0x00080030, VR.TM, "");
        ds.putStrings(0x00080050, VR.SH, "");
        ds.putStrings(0x00080060, VR.CS, "OT");
        ds.putStrings(0x00080064, VR.CS, "WSD");
        ds.putStrings(0x00080090, VR.PN, "");
        ds.putStrings(Tag.PATIENT_NAME, VR.PN, "Roe^Richard");
        ds.putStrings(Tag.PATIENT_ID, VR.LO, "MRN-000456");
        ds.putStrings(0x00100030, VR.DA, "");
        ds.putStrings(0x00100040, VR.CS, "M");
        ds.putStrings(0x0020000D, VR.UI, "2.25.2000000000000000000002");
        ds.putStrings(0x0020000E, VR.UI, "2.25.2000000000000000000003");
        ds.putStrings(0x00200010, VR.SH, "1");
        ds.putLongs(0x00200011, VR.IS, 1);
        ds.putLongs(0x00200013, VR.IS, 1);
        ds.putStrings(0x00200020, VR.CS, "", "");
        ds.putLongs(0x00280002, VR.US, 1);
        ds.putStrings(0x00280004, VR.CS, "MONOCHROME2");
        ds.putLongs(0x00280010, VR.US, 8);
        ds.putLongs(0x00280011, VR.US, 8);
        ds.putLongs(Tag.BITS_ALLOCATED, VR.US, 8);
        ds.putLongs(0x00280101, VR.US, 8);
        ds.putLongs(0x00280102, VR.US, 7);
        ds.putLongs(Tag.PIXEL_REPRESENTATION, VR.US, 0);
        ds.putStrings(0x00282110, VR.CS, "00");
        byte[] frame = new byte[64 + 8 * 9];
        frame[0] = 1;
        frame[4] = 64;
        for (int row = 0; row < 8; row++) {
            frame[64 + row * 9] = 7;
            for (int c = 0; c < 8; c++) {
                frame[64 + row * 9 + 1 + c] = (byte) (row * 32 + c * 4);
            }
        }
        ds.put(Element.ofFragments(Tag.PIXEL_DATA, VR.OB, List.of(Fragment.of(new byte[0]), Fragment.of(frame))));
        return ds;
    }

    /** A small file (under 600 bytes) with a nested sequence and a private element: the fuzz seed. */
    static Dataset small() {
        Dataset ds = new Dataset();
        ds.putStrings(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        ds.putStrings(Tag.SOP_CLASS_UID, VR.UI, SOP_CLASS_SC);
        ds.putStrings(Tag.SOP_INSTANCE_UID, VR.UI, "2.25.3");
        Dataset item = ds.addItem(0x00081115);
        item.undefinedLength(false);
        item.addItem(0x00081140).putStrings(0x00081150, VR.UI, "2.25.4");
        ds.putStrings(Tag.PATIENT_NAME, VR.PN, "Ünal^Zoë");
        ds.putStrings(0x00100030, VR.DA, "20000229");
        int p = ds.reservePrivateTag(0x0011, PRIVATE_CREATOR, 0x10);
        ds.putStrings(p, VR.SH, "x");
        ds.putLongs(0x00280010, VR.US, 2);
        ds.put(Element.ofFragments(Tag.PIXEL_DATA, VR.OB, List.of(Fragment.of(new byte[0]),
                Fragment.of(new byte[] {1, 2, 3, 4}))));
        return ds;
    }
}
