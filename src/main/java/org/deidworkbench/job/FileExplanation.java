package org.deidworkbench.job;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Year;
import java.util.List;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.Deidentifier;
import org.deidworkbench.deid.KeyRing;
import org.deidworkbench.deid.PseudonymLedger;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FormatDetector;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.FormatHandler;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.Profile;

/**
 * {@code deid profile explain --dicom FILE}: which rule decides each field of one file, and why,
 * through the registered handler of the file's format, so it is the run's own decision. Nothing is
 * written and no key file is opened: an explanation issues no pseudonym.
 */
public final class FileExplanation {

    private FileExplanation() {
    }

    /**
     * The decisions for every field of {@code file} under {@code profile}.
     *
     * @throws JobException {@code IO_ERROR} when the file cannot be read or is of a format this version
     *     cannot clean, naming the file and the place
     */
    public static List<FieldDecision> explain(Profile profile, Path file) throws JobException {
        try {
            FileFormat format = FormatDetector.detect(file);
            FormatHandler handler = FormatRegistry.handler(format).orElseThrow(() -> new JobException(
                    JobException.Reason.IO_ERROR, file + ": " + FormatRegistry.withheldReason(format)[1], null));
            // Explaining issues no pseudonym, so a throwaway key is enough for the engine it needs.
            Deidentifier engine = new Deidentifier(profile, KeyRing.from(ProjectSecret.generate(new SecureRandom())),
                    new PseudonymLedger(), Year.now().getValue());
            return handler.processor(engine, false).explain(file);
        } catch (FormatException e) {
            throw new JobException(JobException.Reason.IO_ERROR, file + " (" + e.location() + "): " + e.code() + ": "
                    + e.getMessage(), e);
        } catch (DeidException e) {
            throw new JobException(JobException.Reason.PROFILE_NOT_APPLICABLE, e.getMessage(), e);
        } catch (IOException e) {
            throw new JobException(JobException.Reason.IO_ERROR, "cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
