package org.deidworkbench.config;

import java.math.BigInteger;
import java.util.List;
import org.deidworkbench.model.SourceLocation;

/**
 * A YAML value with the place it was written, so every validation message can name file, line
 * and column. Only the plain subset profiles need: mappings, sequences and scalars.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    /** Where the value starts. */
    SourceLocation location();

    /** A short name of the node's kind for messages ("a mapping", "a list", "text"). */
    String kindName();

    /** A mapping; entries in file order, keys unique (duplicates are reported by the reader). */
    record Mapping(List<Entry> entries, SourceLocation location) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        @Override
        public String kindName() {
            return "a mapping";
        }
    }

    /** One {@code key: value} pair of a mapping. */
    record Entry(String key, SourceLocation keyLocation, YamlNode value) {
    }

    /** A sequence (YAML list). */
    record Sequence(List<YamlNode> items, SourceLocation location) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kindName() {
            return "a list";
        }
    }

    /** What a scalar was resolved to by YAML's rules. */
    enum ScalarType { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    /**
     * A scalar value.
     *
     * @param text the text as written (for {@code yes}, the text {@code yes} even though YAML calls it a boolean)
     * @param integer the value when {@code type} is {@link ScalarType#INTEGER}, else {@code null}
     * @param bool the value when {@code type} is {@link ScalarType#BOOLEAN}
     */
    record Scalar(String text, ScalarType type, BigInteger integer, boolean bool, SourceLocation location)
            implements YamlNode {
        @Override
        public String kindName() {
            return switch (type) {
                case STRING -> "text";
                case INTEGER -> "a whole number";
                case FLOAT -> "a decimal number";
                case BOOLEAN -> "true/false";
                case NULL -> "nothing";
            };
        }
    }
}
