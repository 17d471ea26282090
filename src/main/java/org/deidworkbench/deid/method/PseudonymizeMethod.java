package org.deidworkbench.deid.method;

import org.deidworkbench.crypto.PseudonymGenerator;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.PseudonymLedger;
import org.deidworkbench.model.PseudonymFormat;

/**
 * {@code pseudonymize}: a keyed HMAC pseudonym in a named domain, recorded in the ledger so it can
 * be sealed into the key file and checked for collisions.
 */
public final class PseudonymizeMethod implements DeidMethod {

    private final PseudonymGenerator generator;
    private final PseudonymLedger ledger;
    private final String domain;
    private final PseudonymFormat format;

    /** Binds the method to its domain, format and the run's ledger. */
    public PseudonymizeMethod(PseudonymGenerator generator, PseudonymLedger ledger, String domain, PseudonymFormat format) {
        this.generator = generator;
        this.ledger = ledger;
        this.domain = domain;
        this.format = format;
    }

    @Override
    public String apply(String value, FieldContext context) throws DeidException {
        String normalized = PseudonymGenerator.normalize(value);
        if (normalized.isEmpty()) {
            return "";
        }
        return ledger.issue(generator, domain, format, normalized);
    }

    /** The domain pseudonyms are issued in. */
    public String domain() {
        return domain;
    }
}
