package org.deidworkbench.model;

import java.util.Objects;

/**
 * An action together with its parameters. Each action has exactly one record here, so a rule
 * cannot carry parameters its action does not use.
 */
public sealed interface ActionSpec {

    /** Which action this is; the engine switches on it exhaustively. */
    Action action();

    /** Leave the value as it is. */
    record Keep() implements ActionSpec {
        @Override
        public Action action() {
            return Action.KEEP;
        }
    }

    /** Drop the field (CSV: the whole column disappears from the output). */
    record Remove() implements ActionSpec {
        @Override
        public Action action() {
            return Action.REMOVE;
        }
    }

    /** Keep the field but make its value empty. */
    record Empty() implements ActionSpec {
        @Override
        public Action action() {
            return Action.EMPTY;
        }
    }

    /** Replace every non-empty value by a fixed text. */
    record Replace(String value) implements ActionSpec {
        public Replace {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Action action() {
            return Action.REPLACE;
        }
    }

    /**
     * Replace by a keyed pseudonym from a named domain; the same normalized value always gets the
     * same pseudonym in the same domain under the same project key.
     */
    record Pseudonymize(String domain, PseudonymFormat format) implements ActionSpec {
        public Pseudonymize {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(format, "format");
        }

        @Override
        public Action action() {
            return Action.PSEUDONYMIZE;
        }
    }

    /**
     * Format-preserving encryption (FF1): characters of {@code alphabet} are encrypted in place,
     * all other characters (separators) are kept; reversible with the project key.
     */
    record Encrypt(String domain, String alphabet) implements ActionSpec {
        public Encrypt {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(alphabet, "alphabet");
        }

        @Override
        public Action action() {
            return Action.ENCRYPT;
        }
    }

    /** Shift dates and date-times by the subject's offset, keeping the original notation. */
    record ShiftDate() implements ActionSpec {
        @Override
        public Action action() {
            return Action.SHIFT_DATE;
        }
    }

    /** Coarsen the value (year, age band, three-digit ZIP). */
    record Generalize(Generalization kind) implements ActionSpec {
        public Generalize {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public Action action() {
            return Action.GENERALIZE;
        }
    }

    /**
     * Remove identifiers from free text: known identifiers of the study's subjects and PHI
     * patterns (phone, e-mail, SSN, dates, URLs, long numbers).
     */
    record ScrubText() implements ActionSpec {
        @Override
        public Action action() {
            return Action.SCRUB_TEXT;
        }
    }

    /** Replace a DICOM UID by one derived from it with the project key ({@code 2.25.} form). */
    record RemapUid() implements ActionSpec {
        @Override
        public Action action() {
            return Action.REMAP_UID;
        }
    }
}
