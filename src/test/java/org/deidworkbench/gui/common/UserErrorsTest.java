package org.deidworkbench.gui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.deidworkbench.job.JobException;
import org.deidworkbench.keyfile.KeyFileException;
import org.junit.jupiter.api.Test;

/** Failures as a steward reads them: by cause, details behind a button, no library message. */
class UserErrorsTest {

    @Test
    void wrongPassphraseInsideAJobFailureIsNamedAsSuch() {
        KeyFileException cause = new KeyFileException(KeyFileException.Reason.WRONG_PASSPHRASE, Path.of("k"), "Wrong");
        UserError e = UserErrors.describe(new JobException(JobException.Reason.KEY_FILE, "Wrong", cause));
        assertEquals("error.keyfile.wrongPassphrase", e.message().key());
        assertEquals("KEYFILE-WRONG-PASSPHRASE: Wrong", e.details());
    }

    @Test
    void jobReasonNamesTheMessage() {
        UserError e = UserErrors.describe(new JobException(JobException.Reason.OUTPUT_NOT_EMPTY, "out is not empty", null));
        assertEquals("error.job.outputNotEmpty", e.message().key());
        assertEquals("out is not empty", e.details());
    }

    @Test
    void unexpectedExceptionShowsItsClassButNeverItsMessage() {
        UserError e = UserErrors.describe(new IllegalStateException("value Desmond Delacroix"));
        assertEquals("error.internal", e.message().key());
        assertFalse(e.details().contains("Desmond"));
    }

    @Test
    void reasonBecomesACamelCaseKey() {
        assertEquals("keyFileInsideOutput", UserErrors.key("KEY_FILE_INSIDE_OUTPUT"));
    }
}
