package org.deidworkbench.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The strictest Type (1 or 2) that some IOD of PS3.3 gives an attribute, as far as the standard
 * data available to the build shows: read from the action codes of PS3.15 Table E.1-1 and the
 * universal image modules (the rule is in {@code tools/dicom/generate_attribute_types.py} and
 * decision record 0009). An attribute that is not listed is not known to be required anywhere
 * (Type 3, or never used in a composite IOD).
 *
 * <p>Used to keep de-identified instances valid: an attribute that may be Type 1 keeps a value, one
 * that may be Type 2 stays present. Immutable and thread-safe; the resource is parsed once.
 */
public final class AttributeTypes {

    /** Name of the generated resource, next to this class. */
    public static final String RESOURCE = "attribute-types.tsv";

    /**
     * One attribute's requirement.
     *
     * @param tag the attribute
     * @param type 1 (must have a value in some IOD) or 2 (must be present in some IOD)
     * @param basis where the Type comes from, e.g. {@code PS3.15 Table E.1-1 Z/D}
     */
    public record Requirement(int tag, int type, String basis) {
    }

    private static final class Holder {
        static final AttributeTypes INSTANCE = load();
    }

    private final String edition;
    private final Map<Integer, Requirement> byTag;

    private AttributeTypes(String edition, Map<Integer, Requirement> byTag) {
        this.edition = edition;
        this.byTag = Map.copyOf(byTag);
    }

    /** The table of the edition shipped with this build. */
    public static AttributeTypes standard() {
        return Holder.INSTANCE;
    }

    /** The edition of the standard the table was generated from, e.g. {@code 2024b}. */
    public String edition() {
        return edition;
    }

    /** The strictest Type some IOD gives {@code tag}, if any IOD is known to require it. */
    public Optional<Requirement> requirement(int tag) {
        return Optional.ofNullable(byTag.get(tag));
    }

    /** Whether some IOD requires {@code tag} to be present (Type 1 or 2). */
    public boolean mayBeRequired(int tag) {
        return byTag.containsKey(tag);
    }

    /** Whether some IOD requires {@code tag} to have a value (Type 1). */
    public boolean mayNeedValue(int tag) {
        Requirement r = byTag.get(tag);
        return r != null && r.type() == 1;
    }

    /** Number of attributes listed. */
    public int size() {
        return byTag.size();
    }

    private static AttributeTypes load() {
        try (InputStream in = AttributeTypes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String edition = null;
            Map<Integer, Requirement> byTag = new HashMap<>();
            String line;
            boolean header = false;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("#")) {
                    String[] meta = line.substring(1).trim().split("\t", -1);
                    if (meta.length == 2 && meta[0].equals("edition")) {
                        edition = meta[1];
                    }
                    continue;
                }
                if (!header) {
                    header = true;
                    continue;
                }
                String[] cells = line.split("\t", -1);
                int tag = Tag.parse(cells[0]);
                byTag.put(tag, new Requirement(tag, Integer.parseInt(cells[2]), cells[3]));
            }
            if (edition == null) {
                throw new IllegalStateException(RESOURCE + " names no edition");
            }
            return new AttributeTypes(edition, byTag);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + RESOURCE, e);
        }
    }

    @Override
    public String toString() {
        return "AttributeTypes[edition=" + edition + ", " + byTag.size() + " attributes]";
    }
}
