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
 * {@code deid profile explain --file}: which rule decides each field of one file, through the
 * registered format's own {@code explain} (the decision code a run uses). Needs no key file: the
 * engine gets a throwaway key, and nothing is written.
 */
public final class FileExplanation {

    private FileExplanation() {
    }

    /** The decisions for the fields of {@code file} under {@code profile}. */
    public static List<FieldDecision> explain(Profile profile, Path file) throws JobException {
        FileFormat format;
        try {
            format = FormatDetector.detect(file);
        } catch (IOException e) {
            throw new JobException(JobException.Reason.INPUT_NOT_FOUND, "cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        FormatHandler handler = FormatRegistry.handler(format).orElseThrow(() -> new JobException(
                JobException.Reason.INPUT_NOT_FOUND, file + ": " + FormatRegistry.withheldReason(format)[1], null));
        try {
            Deidentifier engine = new Deidentifier(profile, KeyRing.from(ProjectSecret.generate(new SecureRandom())),
                    new PseudonymLedger(), Year.now().getValue());
            return handler.processor(engine, true).explain(file);
        } catch (DeidException e) {
            throw new JobException(JobException.Reason.PROFILE_NOT_APPLICABLE, e.getMessage(), e);
        } catch (FormatException e) {
            throw new JobException(JobException.Reason.IO_ERROR, file + " (" + e.location() + "): " + e.code() + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new JobException(JobException.Reason.IO_ERROR, "cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
