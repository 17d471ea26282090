package org.deidworkbench.format.dicom;

import java.util.List;
import java.util.Optional;

/**
 * An action code of PS3.15 Table E.1-1, simple or compound.
 *
 * <p>Simple codes: D (replace with a non-zero length dummy consistent with the VR), Z (replace with a
 * zero length value or a dummy), X (remove), K (keep; sequences are still cleaned), C (clean: replace
 * with values of similar meaning known not to identify), U (replace with a non-zero length UID that
 * is consistent within the set of instances).
 *
 * <p>Compound codes leave the choice to the IOD: the first alternative applies unless the attribute's
 * Type in the IOD requires a later one (X for Type 3, Z for Type 2, D or U for Type 1). A writer that
 * knows the Type uses {@link #resolveForType(int)}; one that does not uses {@link #resolveWithoutIod()}.
 */
public enum ConfidentialityAction {
    D("D"),
    Z("Z"),
    X("X"),
    K("K"),
    C("C"),
    U("U"),
    /** Z unless D is required to maintain IOD conformance (Type 2 versus Type 1). */
    Z_D("Z/D"),
    /** X unless Z is required to maintain IOD conformance (Type 3 versus Type 2). */
    X_Z("X/Z"),
    /** X unless D is required to maintain IOD conformance (Type 3 versus Type 1). */
    X_D("X/D"),
    /** X unless Z or D is required to maintain IOD conformance (Type 3 versus Type 2 versus Type 1). */
    X_Z_D("X/Z/D"),
    /**
     * X unless Z, or replacement of the contained instance UIDs (U), is required to maintain IOD
     * conformance (Type 3 versus Type 2 versus Type 1 sequences containing UID references).
     */
    X_Z_U_STAR("X/Z/U*");

    private final String code;

    ConfidentialityAction(String code) {
        this.code = code;
    }

    /** The code as PS3.15 spells it, e.g. {@code X/Z/U*}. */
    public String code() {
        return code;
    }

    /** The action spelled {@code code} in PS3.15 (exact spelling, no surrounding spaces). */
    public static Optional<ConfidentialityAction> fromCode(String code) {
        for (ConfidentialityAction action : values()) {
            if (action.code.equals(code)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    /** Whether the choice among several simple actions depends on the IOD. */
    public boolean isCompound() {
        return alternatives().size() > 1;
    }

    /** The simple actions this code allows, in the standard's order of preference (Type 3 first). */
    public List<ConfidentialityAction> alternatives() {
        return switch (this) {
            case D, Z, X, K, C, U -> List.of(this);
            case Z_D -> List.of(Z, D);
            case X_Z -> List.of(X, Z);
            case X_D -> List.of(X, D);
            case X_Z_D -> List.of(X, Z, D);
            case X_Z_U_STAR -> List.of(X, Z, U);
        };
    }

    /**
     * The simple action for an attribute of the given Type in the IOD being written (1, 2 or 3; treat
     * 1C as 1 and 2C as 2 when the condition holds, as 3 otherwise). Type 3 takes the first
     * alternative, Type 2 takes Z when allowed, Type 1 takes the last alternative (D or U; for X/Z,
     * which the standard lists for Type 3 and 2 only, Z). Simple actions are returned unchanged.
     *
     * @throws IllegalArgumentException if {@code type} is not 1, 2 or 3
     */
    public ConfidentialityAction resolveForType(int type) {
        List<ConfidentialityAction> alternatives = alternatives();
        return switch (type) {
            case 3 -> alternatives.get(0);
            case 2 -> alternatives.contains(Z) ? Z : alternatives.get(alternatives.size() - 1);
            case 1 -> alternatives.get(alternatives.size() - 1);
            default -> throw new IllegalArgumentException("attribute Type must be 1, 2 or 3, was " + type);
        };
    }

    /**
     * The strictest resolution that is safe for a writer that does not know the IOD: the last
     * alternative (Z/D, X/D, X/Z/D → D; X/Z → Z; X/Z/U* → U). None of the alternatives keeps an
     * original value, so privacy is the same whichever is chosen; removing (X) an attribute that the
     * IOD makes Type 1 or 2 would make the output non-conformant, whereas a zero-length value, a dummy
     * or a replaced UID is valid whatever the Type. Simple actions are returned unchanged.
     */
    public ConfidentialityAction resolveWithoutIod() {
        return resolveForType(1);
    }

    /**
     * How much of the original the action may leave (higher = less): K, C, U, D, Z, X. Used to pick the
     * more protective action when two enabled options both override the Basic Profile.
     */
    int restrictiveness() {
        return switch (alternatives().get(0)) {
            case K -> 0;
            case C -> 1;
            case U -> 2;
            case D -> 3;
            case Z -> 4;
            default -> 5;
        };
    }
}
