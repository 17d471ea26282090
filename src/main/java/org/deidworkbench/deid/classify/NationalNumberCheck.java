package org.deidworkbench.deid.classify;

/**
 * Whether one whole value is a national, insurance or health number that passes its check digits (a CPF, a CURP, a
 * SNILS, an AMKA, an NHS number, an Aadhaar, ...): what lets the classifier take such a column for an identifier
 * whatever its header says (decision 0138). The checks live with the scrubber's finders in {@code deid}
 * ({@code NationalNumberValues}), one implementation each; this package only counts. Implementations are stateless
 * and thread-safe.
 */
@FunctionalInterface
public interface NationalNumberCheck {

    /** No check: no value is taken for a national number by its digits. */
    NationalNumberCheck NONE = value -> false;

    /** Whether {@code value} (stripped, non-empty) is one national or health number whose check digits pass. */
    boolean passes(String value);
}
