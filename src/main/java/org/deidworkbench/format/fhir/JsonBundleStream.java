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
import org.hl7.fhir.r4.model.Bundle;

/**
 * A JSON Bundle read entry by entry, so that a Bundle larger than the heap (one patient's
 * everything, tens of megabytes) is cleaned with memory for one entry at a time. Pass 1 reads
 * everything but the entries (the shell); pass 2 hands each entry, parsed by HAPI inside a
 * one-entry Bundle, to the caller. Writing splices the cleaned entries, as HAPI prints them, into
 * the printed shell, so the output is byte for byte what cleaning the whole Bundle in memory writes.
 * Not thread-safe: one per file.
 */
final class JsonBundleStream {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    /** Stands in for the entries while the shell is printed; never written. */
    static final String PLACEHOLDER = "urn:uuid:00000000-0000-4000-8000-000000000000";

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

    /** The Bundle without its entries, as HAPI reads it. */
    Bundle shell(FhirParsing.Dropped dropped) throws IOException, FormatException {
        return (Bundle) FhirParsing.parse(shellText(), false, "", dropped);
    }

    /** The Bundle's JSON without its entries (pass 1). */
    String shellText() throws IOException, FormatException {
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

    /** Receives each entry wrapped in a one-entry Bundle (with no other element, so it adds nothing). */
    interface EntryTask {
        /** @param number the entry's 1-based position in the file's Bundle */
        void accept(Bundle oneEntry, long number) throws IOException, FormatException;
    }

    /** Receives each entry's JSON wrapped in a one-entry Bundle, not yet parsed. */
    interface EntryTextTask {
        /** @param number the entry's 1-based position in the file's Bundle */
        void accept(String oneEntryBundle, long number) throws IOException, FormatException;
    }

    /** Reads the entries one by one (pass 2), parsed by HAPI. */
    void entries(EntryTask task) throws IOException, FormatException {
        entryTexts((text, n) -> task.accept(parseEntry(text, n), n));
    }

    /** HAPI's reading of one entry handed out by {@link #entryTexts}. */
    static Bundle parseEntry(String oneEntryBundle, long number) throws FormatException {
        return (Bundle) FhirParsing.parse(oneEntryBundle, false, "entry " + number, new FhirParsing.Dropped());
    }

    /** Reads the entries' JSON one by one (pass 2). */
    void entryTexts(EntryTextTask task) throws IOException, FormatException {
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

    /** The one entry of a printed one-entry Bundle, as it appears inside a printed Bundle. */
    static String entryText(String printedOneEntryBundle) {
        int key = printedOneEntryBundle.indexOf("\"entry\"");
        int start = printedOneEntryBundle.indexOf('{', key);
        int end = printedOneEntryBundle.lastIndexOf(']');
        end = printedOneEntryBundle.lastIndexOf('}', end);
        return printedOneEntryBundle.substring(start, end + 1);
    }

    /** The printed shell with its placeholder entry replaced by the printed entries. */
    static String[] splitAtPlaceholder(String printedShell) {
        int at = printedShell.indexOf(PLACEHOLDER);
        int start = printedShell.lastIndexOf('{', at);
        int end = printedShell.indexOf('}', at);
        return new String[] {printedShell.substring(0, start), printedShell.substring(end + 1)};
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
