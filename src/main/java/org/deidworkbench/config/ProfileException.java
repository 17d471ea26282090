package org.deidworkbench.config;

import java.util.List;
import java.util.Objects;

/**
 * A rule profile cannot be used: it could not be found or read, or it has one or more problems.
 * All problems of a profile are collected in one pass, so a steward can fix them in one go.
 */
public final class ProfileException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The profile file or built-in name does not exist. */
    public static final String NOT_FOUND = "PROFILE-NOT-FOUND";
    /** The profile file exists but cannot be read (I/O error, too large, not UTF-8). */
    public static final String UNREADABLE = "PROFILE-UNREADABLE";
    /** The profile is not well-formed YAML. */
    public static final String SYNTAX = "PROFILE-SYNTAX";
    /** The profile is YAML but breaks the profile schema or its rules contradict each other. */
    public static final String INVALID = "PROFILE-INVALID";

    private final String code;
    private final transient List<ProfileProblem> problems;

    /**
     * @param code one of the codes above
     * @param problems at least one problem, in file order
     */
    public ProfileException(String code, List<ProfileProblem> problems) {
        super(format(problems));
        this.code = Objects.requireNonNull(code, "code");
        this.problems = List.copyOf(problems);
        if (this.problems.isEmpty()) {
            throw new IllegalArgumentException("a ProfileException needs at least one problem");
        }
    }

    /** Stable code for scripts and reports, e.g. {@code PROFILE-INVALID}. */
    public String code() {
        return code;
    }

    /** Every problem found, in file order. */
    public List<ProfileProblem> problems() {
        return problems;
    }

    private static String format(List<ProfileProblem> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
                .append(" in rule profile:");
        for (ProfileProblem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }
}
