package org.deidworkbench.deid.method;

import org.deidworkbench.crypto.CryptoException;
import org.deidworkbench.crypto.UidDeriver;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.UnprocessableValueException;

/**
 * {@code remap-uid}: a DICOM UID replaced by a keyed {@code 2.25.} UID derived from it. A value
 * that is only padding (blank, NULs) has no UID to remap and is reported.
 */
public final class RemapUidMethod implements DeidMethod {

    private final UidDeriver deriver;

    /** Binds the method to the project's UID key. */
    public RemapUidMethod(UidDeriver deriver) {
        this.deriver = deriver;
    }

    @Override
    public String apply(String value, FieldContext context) throws UnprocessableValueException {
        try {
            return deriver.derive(value);
        } catch (CryptoException e) {
            throw new UnprocessableValueException(e.code(), e.getMessage());
        }
    }
}
