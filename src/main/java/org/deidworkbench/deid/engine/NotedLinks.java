package org.deidworkbench.deid.engine;

import java.io.Serializable;

/**
 * The links between subject ids one engine noted in a scan pass (decision 0078), as a value that travels: a
 * cluster's scan workers each return theirs in their {@link Deidentifier.Notes}, the notes are merged on the
 * executors ({@link #merge}), and the driver's engine absorbs the result into its own links before it resolves them
 * ({@link Deidentifier#resolveLinks()}) with the union–find and conflict rule of {@code deid run}. Merging is the
 * union of both graphs (the ids with their best rank, the ids' classes and the classes of ids of one kind that a
 * record gave together), so the resolved classes, offsets and conflicts do not depend on how the records were split
 * over workers or in which order they are merged. Holds original identifiers: never log it.
 */
public final class NotedLinks implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final NotedLinks NONE = new NotedLinks(new String[0], new int[0], new int[0], new String[0],
            new int[0], new int[0], false);

    /** The linked ids (normalized), with their best rank and the index of their class's root id. */
    final String[] values;
    final int[] ranks;
    final int[] idRoot;
    /** The (kind, id) nodes: the kind, the index of its id, and the index of its group's root node. */
    final String[] kinds;
    final int[] kindId;
    final int[] kindRoot;
    /** More ids were linked than are kept: nothing is linked ({@link SubjectLinks#MAX_IDS}). */
    final boolean overflow;

    NotedLinks(String[] values, int[] ranks, int[] idRoot, String[] kinds, int[] kindId, int[] kindRoot,
            boolean overflow) {
        this.values = values;
        this.ranks = ranks;
        this.idRoot = idRoot;
        this.kinds = kinds;
        this.kindId = kindId;
        this.kindRoot = kindRoot;
        this.overflow = overflow;
    }

    /** No links. */
    public static NotedLinks none() {
        return NONE;
    }

    /** Whether nothing was linked (and nothing overflowed). */
    public boolean isEmpty() {
        return values.length == 0 && !overflow;
    }

    /** Both in one, as if one engine had noted every record of both. Associative and commutative. */
    public NotedLinks merge(NotedLinks other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        SubjectLinks both = new SubjectLinks();
        both.absorb(this);
        both.absorb(other);
        return both.export();
    }
}
