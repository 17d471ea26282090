package org.deidworkbench.model;

import java.util.Optional;

/**
 * A checker for the expressions of one selector language (e.g. FHIRPath), provided by the format
 * that evaluates them and found by {@code config} through {@link java.util.ServiceLoader}, so that
 * a profile is validated with the evaluating engine's own parser before any data is read while
 * {@code config} stays free of format libraries. Implementations are thread-safe.
 */
public interface ExpressionSyntax {

    /** The language, e.g. {@code fhirpath}. */
    String language();

    /** The first syntax error of {@code expression}, or empty when it parses. */
    Optional<Error> check(String expression);

    /**
     * Where and what: 1-based line and column inside the expression (0 when unknown), and a message
     * that quotes at most the expression itself.
     */
    record Error(int line, int column, String message) {
    }
}
