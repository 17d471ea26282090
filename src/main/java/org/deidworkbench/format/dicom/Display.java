package org.deidworkbench.format.dicom;

import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.Element;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.dicom.Values;

/**
 * How a preview shows an element's value: text decoded in the data set's character set (values
 * joined with a backslash), numbers of small binary values, and a summary for sequences, pixel
 * data and other binary values (never their bytes). The result holds original values: previews
 * only, never logs.
 */
final class Display {

    /** Binary values up to this many bytes are shown as numbers. */
    private static final int MAX_NUMBERS = 64;

    private Display() {
    }

    static String of(Dataset ds, Element e) {
        if (e.isSequence()) {
            int n = e.items().size();
            return n == 1 ? "1 item" : n + " items";
        }
        if (e.isFragments()) {
            return "<encapsulated pixel data, " + e.fragments().size() + " fragments>";
        }
        if (e.bytes() == null) {
            return "<binary, " + e.valueLength() + " bytes>";
        }
        VR vr = e.vr();
        if (vr.isText()) {
            return String.join("\\", ds.getStrings(e.tag()));
        }
        if (vr.kind() == VR.Kind.BINARY && e.bytes().length <= MAX_NUMBERS) {
            try {
                if (vr == VR.FL || vr == VR.FD) {
                    StringBuilder b = new StringBuilder();
                    for (double d : Values.doubles(e.bytes(), vr)) {
                        b.append(b.length() == 0 ? "" : "\\").append(d);
                    }
                    return b.toString();
                }
                if (vr != VR.AT) {
                    StringBuilder b = new StringBuilder();
                    for (long l : Values.longs(e.bytes(), vr)) {
                        b.append(b.length() == 0 ? "" : "\\").append(l);
                    }
                    return b.toString();
                }
            } catch (RuntimeException x) {
                return "<binary, " + e.bytes().length + " bytes>";
            }
        }
        return "<binary, " + e.bytes().length + " bytes>";
    }
}
