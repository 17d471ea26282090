package org.deidworkbench.format.csv;

import java.util.Optional;
import java.util.Set;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.format.FormatHandler;
import org.deidworkbench.format.ValueReader;

/** CSV exports: delimited text with a header row, cleaned column by column. Stateless. */
public final class CsvFormat implements FormatHandler {

    @Override
    public String name() {
        return "CSV";
    }

    @Override
    public Set<FileFormat> formats() {
        return Set.of(FileFormat.CSV);
    }

    @Override
    public Optional<ValueReader> valueReader() {
        return Optional.of(new CsvValueReader());
    }

    @Override
    public FileProcessor processor(Deidentifier engine, boolean noteIdentifiersWhileTransforming) {
        return new CsvProcessor(engine, noteIdentifiersWhileTransforming);
    }
}
