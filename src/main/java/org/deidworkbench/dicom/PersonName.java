package org.deidworkbench.dicom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A PN value: up to three component groups (alphabetic, ideographic, phonetic) separated by
 * {@code =}, each with five components (family, given, middle, prefix, suffix) separated by
 * {@code ^}. Parsing then {@link #toDicomString()} gives the same text for well-formed values;
 * {@link #toString()} never shows the name.
 *
 * @param alphabetic the single-byte group, may be empty
 * @param ideographic the ideographic group, may be empty
 * @param phonetic the phonetic group, may be empty
 */
public record PersonName(String alphabetic, String ideographic, String phonetic) {

    /** Index of each component within a group. */
    public enum Component { FAMILY, GIVEN, MIDDLE, PREFIX, SUFFIX }

    /** Component group, in encoding order. */
    public enum Group { ALPHABETIC, IDEOGRAPHIC, PHONETIC }

    /** Nulls become empty groups. */
    public PersonName {
        alphabetic = alphabetic == null ? "" : alphabetic;
        ideographic = ideographic == null ? "" : ideographic;
        phonetic = phonetic == null ? "" : phonetic;
    }

    /**
     * Parses one PN value (not a backslash-separated list).
     *
     * @throws IllegalArgumentException when there are more than three groups or five components
     */
    public static PersonName parse(String value) {
        String[] groups = value.split("=", -1);
        if (groups.length > 3) {
            throw new IllegalArgumentException("a person name has at most three component groups");
        }
        for (String g : groups) {
            if (g.split("\\^", -1).length > 5) {
                throw new IllegalArgumentException("a component group has at most five components");
            }
        }
        return new PersonName(groups[0], groups.length > 1 ? groups[1] : "", groups.length > 2 ? groups[2] : "");
    }

    /** Builds the alphabetic group from components (trailing empty components are dropped). */
    public static PersonName ofComponents(String... components) {
        if (components.length > 5) {
            throw new IllegalArgumentException("a component group has at most five components");
        }
        return new PersonName(join(Arrays.asList(components), '^'), "", "");
    }

    /** The text of a group. */
    public String group(Group g) {
        return switch (g) {
            case ALPHABETIC -> alphabetic;
            case IDEOGRAPHIC -> ideographic;
            case PHONETIC -> phonetic;
        };
    }

    /** One component of a group, empty when absent. */
    public String component(Group g, Component c) {
        String[] parts = group(g).split("\\^", -1);
        return c.ordinal() < parts.length ? parts[c.ordinal()] : "";
    }

    /** The alphabetic family name. */
    public String familyName() {
        return component(Group.ALPHABETIC, Component.FAMILY);
    }

    /** The alphabetic given name. */
    public String givenName() {
        return component(Group.ALPHABETIC, Component.GIVEN);
    }

    /** The DICOM encoding with trailing empty groups removed. */
    public String toDicomString() {
        return join(List.of(alphabetic, ideographic, phonetic), '=');
    }

    /** Shape only, so a logged name never leaks. */
    @Override
    public String toString() {
        return "PersonName[" + (alphabetic.isEmpty() ? "" : "alphabetic") + (ideographic.isEmpty() ? "" : " ideographic")
                + (phonetic.isEmpty() ? "" : " phonetic") + "]";
    }

    private static String join(List<String> parts, char sep) {
        List<String> p = new ArrayList<>(parts);
        while (!p.isEmpty() && (p.get(p.size() - 1) == null || p.get(p.size() - 1).isEmpty())) {
            p.remove(p.size() - 1);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < p.size(); i++) {
            if (i > 0) {
                b.append(sep);
            }
            b.append(p.get(i) == null ? "" : p.get(i));
        }
        return b.toString();
    }
}
