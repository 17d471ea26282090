package org.deidworkbench.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deidworkbench.model.SourceLocation;

/**
 * Reads YAML text into located {@link YamlNode}s with Jackson's streaming parser, refusing the YAML
 * features a profile has no use for (anchors, aliases, tags, several documents) so that what a
 * steward reads is exactly what runs. Thread-safe: the factory is shared, parsers are per call.
 */
final class YamlTreeReader {

    /** Configured once; {@link YAMLFactory} is thread-safe after construction. */
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String source;
    private final List<ProfileProblem> problems;

    private YamlTreeReader(String source, List<ProfileProblem> problems) {
        this.source = source;
        this.problems = problems;
    }

    /**
     * Parses one YAML document. Unsafe-but-parseable constructs are added to {@code problems} and
     * parsing goes on, so they are reported together with schema problems.
     *
     * @return the root node, or {@code null} when the text is empty
     * @throws ProfileException with code {@link ProfileException#SYNTAX} when the text is not YAML
     */
    @SuppressWarnings("deprecation") // Jackson's wrapper is the only way to reach snakeyaml's problem text.
    static YamlNode read(String yaml, String source, List<ProfileProblem> problems) throws ProfileException {
        YamlTreeReader reader = new YamlTreeReader(source, problems);
        try (YAMLParser parser = FACTORY.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            YamlNode root = reader.readValue(parser, first);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                problems.add(new ProfileProblem(reader.location(parser), null,
                        "a profile is one YAML document, but a second document starts here (remove the '---' line)"));
            }
            return root;
        } catch (com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException e) {
            throw syntaxError(reader.location(e.getLocation()), describe(e));
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Expected a field name") && message.contains("AliasEvent")) {
                message = "a YAML alias is used as a key; aliases are not allowed in profiles";
            } else if (message != null && message.startsWith("Expected a field name")) {
                message = "mapping keys must be plain text, not lists or mappings";
            } else {
                message = firstLine(message);
            }
            throw syntaxError(reader.location(e.getLocation()), message);
        } catch (IOException e) {
            // Parsing an in-memory string has no I/O; this is a parser failure without a location.
            throw syntaxError(new SourceLocation(source, 0, 0), firstLine(e.getMessage()));
        }
    }

    @SuppressWarnings("deprecation") // see read()
    private static String describe(com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException e) {
        String problem = e.getProblem();
        String context = e.getContext();
        String text = problem == null ? firstLine(e.getOriginalMessage()) : problem;
        return context == null ? text : text + " (" + context + ")";
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable YAML";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    private static ProfileException syntaxError(SourceLocation at, String message) {
        return new ProfileException(ProfileException.SYNTAX,
                List.of(new ProfileProblem(at, null, "YAML syntax error: " + message)));
    }

    private YamlNode readValue(YAMLParser p, JsonToken token) throws IOException {
        SourceLocation at = location(p);
        checkSafe(p, token, at);
        switch (token) {
            case START_OBJECT:
                return readMapping(p, at);
            case START_ARRAY:
                return readSequence(p, at);
            case VALUE_STRING:
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarType.STRING, null, false, at);
            case VALUE_NUMBER_INT:
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarType.INTEGER,
                        new BigInteger(p.getNumberValue().toString()), false, at);
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarType.FLOAT, null, false, at);
            case VALUE_TRUE:
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarType.BOOLEAN, null, true, at);
            case VALUE_FALSE:
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarType.BOOLEAN, null, false, at);
            case VALUE_NULL:
                return new YamlNode.Scalar(p.getText() == null ? "" : p.getText(), YamlNode.ScalarType.NULL,
                        null, false, at);
            default:
                // Embedded objects and the like do not occur in YAML text; treat them as plain text.
                return new YamlNode.Scalar(String.valueOf(p.getText()), YamlNode.ScalarType.STRING, null, false, at);
        }
    }

    private void checkSafe(YAMLParser p, JsonToken token, SourceLocation at) throws IOException {
        if (p.isCurrentAlias()) {
            problems.add(new ProfileProblem(at, null, "YAML alias '*" + p.getText()
                    + "' is not allowed in profiles: write the value out in full"));
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY || token.isScalarValue()) {
            String anchor = p.getObjectId();
            if (anchor != null) {
                problems.add(new ProfileProblem(at, null, "YAML anchor '&" + anchor
                        + "' is not allowed in profiles: write every value out in full"));
            }
            String tag = p.getTypeId();
            if (tag != null) {
                problems.add(new ProfileProblem(at, null, "YAML tag '" + shortTag(tag)
                        + "' is not allowed in profiles: remove it (quote the value if it must stay text)"));
            }
        }
    }

    private static String shortTag(String tag) {
        return tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : "!" + tag;
    }

    private YamlNode.Mapping readMapping(YAMLParser p, SourceLocation at) throws IOException {
        List<YamlNode.Entry> entries = new ArrayList<>();
        Map<String, SourceLocation> seen = new HashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            SourceLocation keyAt = location(p);
            YamlNode value = readValue(p, p.nextToken());
            SourceLocation first = seen.putIfAbsent(key, keyAt);
            if (first != null) {
                problems.add(new ProfileProblem(keyAt, null, "duplicate key '" + key + "' (first given at line "
                        + first.line() + "): give each key once"));
            } else {
                entries.add(new YamlNode.Entry(key, keyAt, value));
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IOException("unexpected end of mapping");
        }
        return new YamlNode.Mapping(entries, at);
    }

    private YamlNode.Sequence readSequence(YAMLParser p, SourceLocation at) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new IOException("unexpected end of list");
            }
            items.add(readValue(p, t));
        }
        return new YamlNode.Sequence(items, at);
    }

    private SourceLocation location(YAMLParser p) {
        return location(p.currentTokenLocation());
    }

    private SourceLocation location(JsonLocation l) {
        if (l == null) {
            return new SourceLocation(source, 0, 0);
        }
        return new SourceLocation(source, Math.max(l.getLineNr(), 0), Math.max(l.getColumnNr(), 0));
    }
}
