package org.deidworkbench.job;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import org.deidworkbench.dicom.DicomDumper;
import org.deidworkbench.dicom.DicomFormatException;

/** Looks inside one DICOM file for a person: the listing behind {@code deid dicom dump}. */
public final class DicomInspection {

    private DicomInspection() {
    }

    /**
     * Writes a dcmdump-like listing of {@code file} (tag, VR, length, keyword, value, nesting) to
     * {@code out}. It shows the file's values as they are.
     *
     * @throws JobException {@code IO_ERROR} naming the file and the place when it cannot be read
     */
    public static void dump(Path file, Writer out) throws JobException {
        try {
            DicomDumper.dump(file, out);
        } catch (DicomFormatException e) {
            // A DICOM format error already names its code, offset and tag path.
            throw new JobException(JobException.Reason.IO_ERROR, file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new JobException(JobException.Reason.IO_ERROR, "cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
