package org.deidworkbench.format.fhir;

import java.io.IOException;
import org.deidworkbench.format.FormatException;
import org.hl7.fhir.r4.model.Bundle;

/**
 * A Bundle file read entry by entry (JSON: {@link JsonBundleStream}, XML: {@link XmlBundleStream}),
 * so that a Bundle larger than the heap is cleaned with memory for one entry at a time. Pass 1
 * reads everything but the entries (the shell); pass 2 hands each entry, inside a one-entry Bundle,
 * to the caller. Writing splices the cleaned entries, as HAPI prints them inside a Bundle, into the
 * printed shell at a placeholder entry, so that the output is byte for byte what cleaning the whole
 * Bundle in memory writes. Not thread-safe: one per file.
 */
interface BundleStream {

    /** The fullUrl of the entry that stands in for the entries while the shell is printed; never written. */
    String PLACEHOLDER = "urn:uuid:00000000-0000-4000-8000-000000000000";

    /** Receives each entry's text wrapped in a one-entry Bundle, not yet parsed. */
    interface EntryTextTask {
        /** @param number the entry's 1-based position in the file's Bundle */
        void accept(String oneEntryBundle, long number) throws IOException, FormatException;
    }

    /** Whether this is XML (else JSON). */
    boolean xml();

    /** The Bundle's text without its entries (pass 1). */
    String shellText() throws IOException, FormatException;

    /** Reads the entries' texts one by one (pass 2). */
    void entryTexts(EntryTextTask task) throws IOException, FormatException;

    /** HAPI's reading of a shell or one-entry Bundle text of this stream. */
    default Bundle parse(String text, String where, FhirParsing.Dropped dropped) throws FormatException {
        return (Bundle) FhirParsing.parse(text, xml(), where, dropped);
    }

    /** The one entry of a printed one-entry Bundle, as it appears inside a printed Bundle. */
    String entryText(String printedOneEntryBundle);

    /** The printed shell before and after its placeholder entry. */
    String[] splitAtPlaceholder(String printedShell);

    /** What comes between two printed entries. */
    String separator(String[] aroundPlaceholder, boolean pretty);
}
