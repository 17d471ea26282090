package org.deidworkbench.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.csv.CsvRecordReader;
import org.deidworkbench.format.csv.CsvSniffer;

/** Reads the header of a CSV file, for {@code deid profile explain} and the GUI's rule preview. */
public final class CsvHeaders {

    private CsvHeaders() {
    }

    /** The column names of a CSV file (only the header is read). */
    public static List<String> read(Path file) throws JobException {
        try (CsvRecordReader reader = new CsvRecordReader(file, CsvSniffer.sniff(file))) {
            return reader.header();
        } catch (FormatException e) {
            throw new JobException(JobException.Reason.IO_ERROR, file + " (" + e.location() + "): " + e.code() + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new JobException(JobException.Reason.IO_ERROR, "cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
