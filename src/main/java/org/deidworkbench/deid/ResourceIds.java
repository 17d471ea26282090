package org.deidworkbench.deid;

import org.deidworkbench.model.PseudonymFormat;

/**
 * How a FHIR resource's id is keyed, wherever it stands: in a FHIR file ({@code format.fhir.References}) or in a JSON
 * document in a CSV cell (decision 0172) — one place, so the same resource gets the same id in both.
 */
public final class ResourceIds {

    /** The form of a keyed resource id: 20 base32 characters. */
    public static final PseudonymFormat FORMAT = new PseudonymFormat(PseudonymFormat.Encoding.BASE32, 20, "", false);

    /** A relative literal reference, {@code Type/id[/_history/vid]}, as FHIR writes one. */
    public static final String RELATIVE = "(?<type>[A-Z][A-Za-z]{1,63})/(?<id>[A-Za-z0-9\\-.]{1,64})"
            + "(?<history>/_history/[A-Za-z0-9\\-.]{1,64})?";

    private ResourceIds() {
    }

    /** The original keyed for resource {@code type/id}: {@link #escape escaped}. */
    public static String original(String type, String id) {
        return escape(type + "/" + id);
    }

    /** {@code ^} before every upper-case ASCII letter, so upper-casing keeps different ids apart. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                sb.append('^');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
