package org.deidworkbench.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A DICOM Part 10 file as read: the file meta information group (empty when the file had none),
 * the data set and the transfer syntax the data set was (and by default will be) encoded in. A
 * deflated file read from a path is inflated into a spool file that its bulk values refer to;
 * {@link #close()} deletes it (use try-with-resources).
 *
 * @param fileMeta group 0002 elements
 * @param dataset the data set
 * @param transferSyntax the data set's transfer syntax
 * @param spool the inflated copy of a deflated data set that bulk values refer to, or null
 */
public record DicomFile(Dataset fileMeta, Dataset dataset, TransferSyntax transferSyntax, Path spool)
        implements AutoCloseable {

    /** Requires all parts but the spool. */
    public DicomFile {
        Objects.requireNonNull(fileMeta, "fileMeta");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(transferSyntax, "transferSyntax");
    }

    /** A file whose values are in memory or in its source. */
    public DicomFile(Dataset fileMeta, Dataset dataset, TransferSyntax transferSyntax) {
        this(fileMeta, dataset, transferSyntax, null);
    }

    /** Deletes the spool file, if any; the data set's bulk values are unusable afterwards. */
    @Override
    public void close() throws IOException {
        if (spool != null) {
            Files.deleteIfExists(spool);
        }
    }
}
