package org.deidworkbench.dicom;

import java.util.Objects;

/**
 * A DICOM Part 10 file as read: the file meta information group (empty when the file had none),
 * the data set and the transfer syntax the data set was (and by default will be) encoded in.
 *
 * @param fileMeta group 0002 elements
 * @param dataset the data set
 * @param transferSyntax the data set's transfer syntax
 */
public record DicomFile(Dataset fileMeta, Dataset dataset, TransferSyntax transferSyntax) {

    /** Requires all parts. */
    public DicomFile {
        Objects.requireNonNull(fileMeta, "fileMeta");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(transferSyntax, "transferSyntax");
    }
}
