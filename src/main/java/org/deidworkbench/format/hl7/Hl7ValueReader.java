package org.deidworkbench.format.hl7;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.ValueReader;

/**
 * The values of a file of HL7 v2 messages for the leak verifier (decision 0182): each message whole, one record (its
 * patient's), as a message in a CSV cell is read (the verifier reads its escapes), and each line outside a message.
 * Memory: one message. Stateless.
 */
final class Hl7ValueReader implements ValueReader {

    @Override
    public void read(Path file, Visitor visitor, BooleanSupplier cancelled) throws IOException, FormatException {
        try (Hl7File f = new Hl7File(file)) {
            for (Hl7File.Piece p = f.next(); p != null; p = f.next()) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                if (p.text().isEmpty()) {
                    continue;
                }
                long number = p.number();
                long line = p.line();
                visitor.value(p.text(), () -> number > 0 ? "message " + number + " (line " + line + ")" : "line " + line);
                visitor.endRecord();
            }
        }
    }
}
