package org.deidworkbench.job;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.dicom.DicomDumper;
import org.deidworkbench.dicom.DicomFormatException;
import org.deidworkbench.format.dicom.ConformanceStatement;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.model.Profile;

/**
 * DICOM for a person to read: the listing behind {@code deid dicom dump} and the conformance
 * statement behind {@code deid dicom conformance}.
 */
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

    /**
     * The de-identification section of a DICOM Conformance Statement (PS3.2 Annex N) for the
     * profile's {@code dicom:} section, in Markdown, with the key sizes this build uses.
     */
    public static String conformance(Profile profile) {
        List<String> keys = List.of(
                "One project secret of " + ProjectSecret.LENGTH * 8 + " random bits per key file; purpose keys (pseudonyms,"
                        + " UIDs, date offsets, format-preserving encryption) derived from it with HKDF-SHA-256.",
                "Pseudonyms, replacement UIDs and date offsets: HMAC-SHA-256 with 256-bit keys; a replacement UID keeps"
                        + " 122 bits of the HMAC (a version 8 UUID).",
                "Reversible encryption (encrypt action): FF1 (NIST SP 800-38G) with AES-256.",
                "The key file is a CMS AuthEnvelopedData (AES-256-GCM); its password entry uses PBKDF2-HMAC-SHA-256 with "
                        + String.format(java.util.Locale.ROOT, "%,d", KeyFileStore.PBKDF2_ITERATIONS)
                        + " iterations; trustees may hold RSA-OAEP or ECDH certificate entries.");
        return ConformanceStatement.write(profile, keys);
    }
}
