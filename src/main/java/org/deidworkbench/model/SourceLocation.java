package org.deidworkbench.model;

/**
 * Where something was written in a profile or input: file name, 1-based line and column (0 when
 * unknown). Used in every error a steward has to fix by hand.
 */
public record SourceLocation(String file, int line, int column) {

    /** A location for things that come from code rather than a file (built-in defaults). */
    public static SourceLocation builtIn(String what) {
        return new SourceLocation(what, 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }
}
