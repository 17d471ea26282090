package org.deidworkbench.gui.common;

import java.util.Optional;
import org.deidworkbench.job.DicomImages;
import org.deidworkbench.job.JobException;
import org.deidworkbench.model.DicomImage;

/** A DICOM image made up by a test: frames of constant values, a rule that applies or a withheld reason. */
public final class FakeImageSource implements JobService.ImageSource {

    public final DicomImage.Header header;
    public final String redaction;
    public final DicomImages.Withheld withheld;
    public volatile boolean closed;

    public FakeImageSource(DicomImage.Header header, String redaction, DicomImages.Withheld withheld) {
        this.header = header;
        this.redaction = redaction;
        this.withheld = withheld;
    }

    /** A grayscale image of {@code columns} × {@code rows} and {@code frames} frames, window 40/400. */
    public static DicomImage.Header header(int columns, int rows, int frames) {
        return new DicomImage.Header(columns, rows, frames, DicomImage.Photometric.MONOCHROME2, 12, 1, 0, 40, 400,
                "CT", "ACME", "Scan 5", "1.2.840.10008.5.1.4.1.1.2", null);
    }

    /** Frame {@code f} of the original: every value {@code 100 + f}. */
    @Override
    public DicomImage original(int frame) {
        return frame(frame, 100 + frame);
    }

    @Override
    public Optional<DicomImage> deidentified(int frame) throws JobException {
        return withheld != null ? Optional.empty() : Optional.of(frame(frame, 200 + frame));
    }

    private DicomImage frame(int frame, int value) {
        int[] values = new int[header.columns() * header.rows()];
        java.util.Arrays.fill(values, value);
        return new DicomImage(header, frame, values, value, value);
    }

    @Override
    public DicomImage.Header header() {
        return header;
    }

    @Override
    public Optional<DicomImages.Withheld> withheld() {
        return Optional.ofNullable(withheld);
    }

    @Override
    public Optional<String> redaction() {
        return Optional.ofNullable(redaction);
    }

    @Override
    public void close() {
        closed = true;
    }
}
