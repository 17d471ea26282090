package org.deidworkbench.format.dicom;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.format.FormatHandler;
import org.deidworkbench.model.DicomSection;
import org.deidworkbench.model.Profile;

/**
 * DICOM Part 10 files (and bare data sets), cleaned by the profile's {@code dicom:} section: PS3.15
 * Annex E with its options, the profile's DICOM rules, keyed pseudonyms, UIDs and date shifts shared
 * with every other format. Stateless.
 */
public final class DicomFormat implements FormatHandler {

    @Override
    public String name() {
        return "DICOM";
    }

    @Override
    public Set<FileFormat> formats() {
        return Set.of(FileFormat.DICOM);
    }

    @Override
    public java.util.Optional<org.deidworkbench.format.ValueReader> valueReader() {
        return java.util.Optional.of(new DicomValueReader());
    }

    /**
     * @throws IllegalStateException when the profile has no {@code dicom:} section; profiles loaded by
     *     {@code config} always have one (their own or the built-in {@code dicom-basic})
     */
    @Override
    public FileProcessor processor(Deidentifier engine, boolean noteIdentifiersWhileTransforming) {
        return new DicomProcessor(engine, section(engine), null);
    }

    /** Deflated data sets are inflated into {@code scratch} ({@link org.deidworkbench.dicom.DicomReader#withSpool}). */
    @Override
    public FileProcessor processor(Deidentifier engine, boolean noteIdentifiersWhileTransforming, Path scratch) {
        return new DicomProcessor(engine, section(engine), scratch);
    }

    private static DicomSection section(Deidentifier engine) {
        return engine.profile().section(DicomSection.KEY, DicomSection.class)
                .orElseThrow(() -> new IllegalStateException("the profile has no dicom section; load it through"
                        + " config.ProfileLoader, which adds the built-in one"));
    }

    @Override
    public Optional<String> sectionKey() {
        return Optional.of(DicomSection.KEY);
    }

    /** DICOM text is always scrubbed of the patients' known identifiers, so a run scans first. */
    @Override
    public boolean needsScanPass(Profile profile) {
        return true;
    }
}
