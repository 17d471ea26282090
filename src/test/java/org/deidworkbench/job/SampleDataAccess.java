package org.deidworkbench.job;

import java.io.IOException;
import java.util.List;

/** Lets tests of other packages use {@link SampleData}'s list of original identifiers. */
public final class SampleDataAccess {

    private SampleDataAccess() {
    }

    /** Every original identifying value of the sample patients. */
    public static List<String> identifiers() throws IOException {
        return SampleData.identifiers();
    }
}
