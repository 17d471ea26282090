package org.deidworkbench.format.dicom;

import org.deidworkbench.dicom.VR;

/**
 * The dummy values PS3.15 action D writes: one fixed, non-empty value per VR that is valid for the VR
 * and says nothing about anyone. UIDs are not dummies: a present UID is remapped like U.
 */
final class Dummies {

    /** The text dummy, short enough for SH (16 characters) and made of CS characters too. */
    static final String TEXT = "DEIDENTIFIED";

    private Dummies() {
    }

    /** The dummy text value for a string VR, or null for a VR that is not text. */
    static String text(VR vr) {
        return switch (vr) {
            case AE -> "DEIDENTIFIED";
            case AS -> "000Y";
            case CS, LO, LT, PN, SH, ST, UC, UT -> TEXT;
            case DA -> "19000101";
            case DT -> "19000101000000";
            case TM -> "000000";
            case DS, IS -> "0";
            case UR -> "urn:deidentified";
            case UI -> "2.25.0";
            default -> null;
        };
    }

    /** A dummy binary value for a binary VR: zeros of one value's size (at least 2 bytes, even length). */
    static byte[] binary(VR vr) {
        int size = switch (vr) {
            case FD, SV, UV, OD, OV -> 8;
            case FL, SL, UL, OF, OL, AT -> 4;
            default -> 2;
        };
        return new byte[size];
    }
}
