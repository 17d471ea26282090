package org.deidworkbench.format.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deidworkbench.format.FormatException;

/**
 * A JSON Bundle read entry by entry with Jackson's streaming parser (see {@link BundleStream}):
 * entries are copied with their exact digits. Not thread-safe: one per file.
 */
final class JsonBundleStream implements BundleStream {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Path file;

    JsonBundleStream(Path file) {
        this.file = file;
    }

    /** Whether the file's top-level object is a Bundle (reads only until {@code resourceType}). */
    static boolean isBundle(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("resourceType")) {
                    return value == JsonToken.VALUE_STRING && "Bundle".equals(p.getText());
                }
                p.skipChildren();
            }
            return false;
        } catch (JsonParseException e) {
            return false;
        }
    }

    @Override
    public boolean xml() {
        return false;
    }

    /** The Bundle's JSON without its entries (pass 1). */
    @Override
    public String shellText() throws IOException, FormatException {
        StringWriter text = new StringWriter();
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in);
                JsonGenerator g = JSON.createGenerator(text)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, p);
            g.writeStartObject();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("entry")) {
                    p.skipChildren();
                } else {
                    g.writeFieldName(name);
                    g.copyCurrentStructureExact(p);
                }
            }
            g.writeEndObject();
        } catch (JsonParseException e) {
            throw parseError(e);
        }
        return text.toString();
    }

    /** Reads the entries' JSON one by one (pass 2). */
    @Override
    public void entryTexts(EntryTextTask task) throws IOException, FormatException {
        String head = "{\"resourceType\":\"Bundle\",\"entry\":[";
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, p);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!name.equals("entry")) {
                    p.skipChildren();
                    continue;
                }
                expect(value == JsonToken.START_ARRAY, p);
                long n = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    n++;
                    StringWriter entry = new StringWriter();
                    try (JsonGenerator g = JSON.createGenerator(entry)) {
                        g.copyCurrentStructureExact(p);
                    }
                    task.accept(head + entry + "]}", n);
                }
            }
        } catch (JsonParseException e) {
            throw parseError(e);
        }
    }

    @Override
    public String entryText(String printedOneEntryBundle) {
        int key = printedOneEntryBundle.indexOf("\"entry\"");
        int start = printedOneEntryBundle.indexOf('{', key);
        int end = printedOneEntryBundle.lastIndexOf(']');
        end = printedOneEntryBundle.lastIndexOf('}', end);
        return printedOneEntryBundle.substring(start, end + 1);
    }

    @Override
    public String[] splitAtPlaceholder(String printedShell) {
        int at = printedShell.indexOf(PLACEHOLDER);
        int start = printedShell.lastIndexOf('{', at);
        int end = printedShell.indexOf('}', at);
        return new String[] {printedShell.substring(0, start), printedShell.substring(end + 1)};
    }

    @Override
    public String separator(String[] aroundPlaceholder, boolean pretty) {
        return pretty ? ", " : ",";
    }

    private static void expect(boolean ok, JsonParser p) throws FormatException {
        if (!ok) {
            throw new FormatException("FHIR-PARSE-ERROR", "line " + p.currentLocation().getLineNr() + " column "
                    + p.currentLocation().getColumnNr(), "not a FHIR JSON Bundle");
        }
    }

    private static FormatException parseError(JsonParseException e) {
        return new FormatException("FHIR-PARSE-ERROR", "line " + e.getLocation().getLineNr() + " column "
                + e.getLocation().getColumnNr(), "not valid JSON");
    }
}
