package org.deidworkbench.format.dicom;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.model.DicomOption;
import org.deidworkbench.model.DicomSection;

/**
 * Records on a cleaned data set what was done to it (PS3.15 E.1.1, PS3.3 C.12.1): Patient Identity
 * Removed YES, De-identification Method, De-identification Method Code Sequence with the CID 7050
 * code of the Basic Profile and of every option applied, Longitudinal Temporal Information Modified
 * as the dates actually came out, Burned In Annotation NO only after a pixel redaction ran, and an
 * item of Contributing Equipment Sequence with purpose 109104 "De-identifying Equipment". Values
 * already present from an earlier de-identification are kept and ours appended. Nothing here
 * depends on the clock, so output stays byte-identical between runs.
 */
final class Marking {

    static final int PATIENT_IDENTITY_REMOVED = 0x00120062;
    static final int DEIDENTIFICATION_METHOD = 0x00120063;
    static final int DEIDENTIFICATION_METHOD_CODES = 0x00120064;
    static final int LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED = 0x00280303;
    static final int BURNED_IN_ANNOTATION = 0x00280301;
    static final int CONTRIBUTING_EQUIPMENT = 0x0018A001;
    private static final int CODE_VALUE = 0x00080100;
    private static final int CODING_SCHEME_DESIGNATOR = 0x00080102;
    private static final int CODE_MEANING = 0x00080104;
    private static final int MANUFACTURER = 0x00080070;
    private static final int MODEL_NAME = 0x00081090;
    private static final int SOFTWARE_VERSIONS = 0x00181020;
    private static final int CONTRIBUTION_DESCRIPTION = 0x0018A003;
    private static final int PURPOSE_OF_REFERENCE = 0x0040A170;

    /** CID 7050 code of the Basic Application Confidentiality Profile. */
    static final String BASIC_PROFILE_CODE = "113100";
    /** The tool's name as written in the data set. */
    static final String TOOL = "DeID Workbench";

    /** How the dates of a file came out. */
    enum Dates {
        /** At least one date was shifted or coarsened. */
        MODIFIED,
        /** Dates were kept as they were and none was changed. */
        UNMODIFIED,
        /** No date is left (removed, emptied or replaced by a dummy). */
        REMOVED
    }

    private Marking() {
    }

    /** The tags this class writes, for previews ({@code ADDED} fields). */
    static List<Integer> tags() {
        return List.of(PATIENT_IDENTITY_REMOVED, DEIDENTIFICATION_METHOD, DEIDENTIFICATION_METHOD_CODES,
                CONTRIBUTING_EQUIPMENT, BURNED_IN_ANNOTATION, LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED);
    }

    /**
     * Marks the top-level data set.
     *
     * @param redacted whether a pixel redaction ran on this file (then Clean Pixel Data is recorded
     *     and Burned In Annotation set to NO)
     */
    static void mark(Dataset ds, DicomSection section, String edition, Dates dates, boolean redacted) {
        ds.putStrings(PATIENT_IDENTITY_REMOVED, VR.CS, "YES");
        Set<String> methods = new LinkedHashSet<>(List.of(ds.getStrings(DEIDENTIFICATION_METHOD)));
        methods.add(TOOL + " " + version() + ", PS3.15 Table E.1-1 " + edition);
        ds.putStrings(DEIDENTIFICATION_METHOD, VR.LO, methods.toArray(new String[0]));

        Set<String> present = new LinkedHashSet<>();
        for (Dataset item : ds.getItems(DEIDENTIFICATION_METHOD_CODES)) {
            present.add(item.getString(CODE_VALUE) + "^" + item.getString(CODING_SCHEME_DESIGNATOR));
        }
        for (String[] code : codes(section, redacted)) {
            if (present.add(code[0] + "^DCM")) {
                Dataset item = ds.addItem(DEIDENTIFICATION_METHOD_CODES);
                item.putStrings(CODE_VALUE, VR.SH, code[0]);
                item.putStrings(CODING_SCHEME_DESIGNATOR, VR.SH, "DCM");
                item.putStrings(CODE_MEANING, VR.LO, code[1]);
            }
        }
        ds.putStrings(LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED, VR.CS, dates.name());
        if (redacted) {
            ds.putStrings(BURNED_IN_ANNOTATION, VR.CS, "NO");
        }
        Dataset equipment = ds.addItem(CONTRIBUTING_EQUIPMENT);
        equipment.putStrings(MANUFACTURER, VR.LO, TOOL);
        equipment.putStrings(MODEL_NAME, VR.LO, TOOL);
        equipment.putStrings(SOFTWARE_VERSIONS, VR.LO, version());
        equipment.putStrings(CONTRIBUTION_DESCRIPTION, VR.ST, "De-identification");
        Dataset purpose = equipment.addItem(PURPOSE_OF_REFERENCE);
        purpose.putStrings(CODE_VALUE, VR.SH, "109104");
        purpose.putStrings(CODING_SCHEME_DESIGNATOR, VR.SH, "DCM");
        purpose.putStrings(CODE_MEANING, VR.LO, "De-identifying Equipment");
    }

    /**
     * The CID 7050 codes (value, meaning) recorded for a file: the Basic Profile, every option of the
     * section that changes attributes, and Clean Pixel Data only when a redaction ran. Clean
     * Recognizable Visual Features is never recorded: the workbench withholds such images instead
     * of changing their pixels.
     */
    static List<String[]> codes(DicomSection section, boolean redacted) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {BASIC_PROFILE_CODE, "Basic Application Confidentiality Profile"});
        for (DicomOption o : DicomOption.values()) {
            boolean applied = switch (o) {
                case CLEAN_PIXEL_DATA -> redacted;
                case CLEAN_RECOGNIZABLE_VISUAL_FEATURES -> false;
                default -> section.has(o);
            };
            if (applied) {
                out.add(new String[] {o.codeValue(), o.codeMeaning()});
            }
        }
        return out;
    }

    /** The dates outcome from what the cleaning did. */
    static Dates dates(boolean shifted, boolean kept) {
        return shifted ? Dates.MODIFIED : kept ? Dates.UNMODIFIED : Dates.REMOVED;
    }

    /** This build's version, e.g. {@code 0.1.0}; {@code dev} when run from classes. At most 16 characters. */
    static String version() {
        String v = Marking.class.getPackage().getImplementationVersion();
        v = v == null ? "dev" : v;
        return v.length() > 16 ? v.substring(0, 16) : v;
    }
}
