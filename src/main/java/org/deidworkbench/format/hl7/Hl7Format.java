package org.deidworkbench.format.hl7;

import java.util.Optional;
import java.util.Set;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.format.FormatHandler;
import org.deidworkbench.format.ValueReader;

/**
 * Files of HL7 v2 messages (an interface's archive, an ADT or ORU feed saved to disk; decision 0182), cleaned message
 * by message with the profile's top-level rules, as messages in CSV cells are (decision 0126). Stateless.
 */
public final class Hl7Format implements FormatHandler {

    @Override
    public String name() {
        return "HL7 v2";
    }

    @Override
    public Set<FileFormat> formats() {
        return Set.of(FileFormat.HL7V2);
    }

    @Override
    public Optional<ValueReader> valueReader() {
        return Optional.of(new Hl7ValueReader());
    }

    /** A message's free text is always scrubbed (its structure decides the rest), so its patients are always noted. */
    @Override
    public boolean needsScanPass(org.deidworkbench.model.Profile profile) {
        return true;
    }

    @Override
    public FileProcessor processor(Deidentifier engine, boolean noteIdentifiersWhileTransforming) {
        return new Hl7Processor(engine);
    }
}
