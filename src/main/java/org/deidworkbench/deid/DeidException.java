package org.deidworkbench.deid;

import java.util.Objects;

/**
 * The engine cannot proceed: a profile that cannot be applied (e.g. one domain with two pseudonym
 * formats) or a pseudonym collision. Carries a stable code; the message names domains, rules and
 * pseudonyms, never an original value.
 */
public class DeidException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    /** @param code stable code such as {@code DEID-PSEUDONYM-COLLISION} */
    public DeidException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Stable code for reports and scripts. */
    public String code() {
        return code;
    }
}
