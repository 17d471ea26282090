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
        this(generator, ledger, domain, format, false);
    }

    /**
     * @param subjectIds whether the domain is the subject domain, whose ids written in groups of digits are compared
     *     without their separators (decision 0108), as the engine's subjects are
     */
    public PseudonymizeMethod(PseudonymGenerator generator, PseudonymLedger ledger, String domain, PseudonymFormat format,
            boolean subjectIds) {
        this.generator = generator;
        this.ledger = ledger;
        this.domain = domain;
        this.format = format;
        this.subjectIds = subjectIds;
    }

    private final boolean subjectIds;

    @Override
    public String apply(String value, FieldContext context) throws DeidException {
        String normalized = subjectIds ? PseudonymGenerator.normalizeSubjectId(value) : PseudonymGenerator.normalize(value);
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
