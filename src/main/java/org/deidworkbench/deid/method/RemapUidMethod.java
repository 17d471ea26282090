package org.deidworkbench.deid.method;

import org.deidworkbench.crypto.UidDeriver;
import org.deidworkbench.deid.FieldContext;

/** {@code remap-uid}: a DICOM UID replaced by a keyed {@code 2.25.} UID derived from it. */
public final class RemapUidMethod implements DeidMethod {

    private final UidDeriver deriver;

    /** Binds the method to the project's UID key. */
    public RemapUidMethod(UidDeriver deriver) {
        this.deriver = deriver;
    }

    @Override
    public String apply(String value, FieldContext context) {
        return deriver.derive(value);
    }
}
