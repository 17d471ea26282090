package org.deidworkbench.format.dicom;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.format.dicom.Decision.Treatment;

/**
 * What a file itself declares about its private blocks in Private Data Element Characteristics
 * Sequence (0008,0300) (PS3.3 C.12.1.1.7): a block is SAFE (nothing identifying), UNSAFE, or MIXED,
 * listing its non-identifying elements and the de-identification action (D, Z, X, U) for its
 * identifying ones. Honoured only with Retain Safe Private; immutable once read.
 */
final class PrivateDeclarations {

    static final int CHARACTERISTICS_SEQUENCE = 0x00080300;
    private static final int GROUP_REFERENCE = 0x00080301;
    private static final int CREATOR_REFERENCE = 0x00080302;
    private static final int STATUS = 0x00080303;
    private static final int NONIDENTIFYING = 0x00080304;
    private static final int ACTION_SEQUENCE = 0x00080305;
    private static final int IDENTIFYING = 0x00080306;
    private static final int ACTION = 0x00080307;

    /** No declarations. */
    static final PrivateDeclarations NONE = new PrivateDeclarations(Map.of());

    private record Block(String status, Set<Integer> safe, Map<Integer, String> actions) {
    }

    private final Map<String, Block> blocks;

    private PrivateDeclarations(Map<String, Block> blocks) {
        this.blocks = blocks;
    }

    /** The declarations of a data set's top level (malformed items are ignored: nothing is then declared safe). */
    static PrivateDeclarations of(Dataset ds) {
        Map<String, Block> blocks = new HashMap<>();
        for (Dataset item : ds.getItems(CHARACTERISTICS_SEQUENCE)) {
            long group = item.getLong(GROUP_REFERENCE, -1);
            String creator = item.getString(CREATOR_REFERENCE);
            String status = item.getString(STATUS);
            if (group < 0 || creator == null || status == null) {
                continue;
            }
            Set<Integer> safe = new HashSet<>();
            for (long v : longs(item, NONIDENTIFYING)) {
                safe.add((int) (v & 0xFF));
            }
            Map<Integer, String> actions = new HashMap<>();
            for (Dataset a : item.getItems(ACTION_SEQUENCE)) {
                String action = a.getString(ACTION);
                if (action == null) {
                    continue;
                }
                for (long v : longs(a, IDENTIFYING)) {
                    actions.put((int) (v & 0xFF), action.strip().toUpperCase(Locale.ROOT));
                }
            }
            blocks.put(key((int) group, creator.strip()), new Block(status.strip().toUpperCase(Locale.ROOT), safe, actions));
        }
        return blocks.isEmpty() ? NONE : new PrivateDeclarations(Map.copyOf(blocks));
    }

    private static long[] longs(Dataset d, int tag) {
        try {
            org.deidworkbench.dicom.Element e = d.get(tag);
            if (e == null || e.bytes() == null) {
                return new long[0];
            }
            return org.deidworkbench.dicom.Values.longs(e.bytes(), e.vr());
        } catch (RuntimeException e) {
            return new long[0];
        }
    }

    private static String key(int group, String creator) {
        return group + "\u0000" + creator;
    }

    /**
     * The declared decision for an element of a block, or null when the file declares nothing about
     * it (the element is then removed like any private element not known to be safe).
     */
    Decision decide(int group, String creator, int offset) {
        Block b = blocks.get(key(group, creator));
        if (b == null) {
            return null;
        }
        String where = String.format(Locale.ROOT, "(%04X,xx%02X) of %s", group, offset, creator);
        if (b.status().equals("SAFE") || b.safe().contains(offset)) {
            return new Decision("declared-private", Treatment.KEEP, null, "K", "the file declares " + where
                    + " non-identifying in (0008,0300): kept (Retain Safe Private)", false, "");
        }
        String action = b.actions().get(offset);
        if (action != null && b.status().equals("MIXED")) {
            Treatment t = switch (action) {
                case "D" -> Treatment.DUMMY;
                case "Z" -> Treatment.EMPTY;
                case "U" -> Treatment.UID;
                default -> Treatment.REMOVE;
            };
            return new Decision("declared-private", t, null, action.equals("D") || action.equals("Z")
                    || action.equals("U") ? action : "X", "the file declares action " + action + " for " + where
                    + " in (0008,0300)", false, "");
        }
        return null;
    }
}
