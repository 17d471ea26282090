package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.format.FileStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An XML Bundle cleaned entry by entry (StAX) is written byte for byte as the same Bundle cleaned in memory. */
class XmlBundleStreamTest {

    @TempDir
    Path dir;

    private static byte[] clean(Path in, long streamFrom, FileStats[] stats) throws Exception {
        Deidentifier engine = FhirFixtures.engine(FhirFixtures.safeHarbor());
        FhirProcessor p = new FhirProcessor(engine, false, streamFrom);
        p.scan(in, "b.xml", () -> false);
        engine.freezeIdentifiers();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stats[0] = p.transform(in, "b.xml", out, () -> false);
        return out.toByteArray();
    }

    private void assertSameAsInMemory(byte[] xml) throws Exception {
        Path in = dir.resolve("b.xml");
        Files.write(in, xml);
        FileStats[] memory = new FileStats[1];
        FileStats[] streamed = new FileStats[1];
        byte[] whole = clean(in, Long.MAX_VALUE, memory);
        byte[] entries = clean(in, 0, streamed);
        assertEquals(new String(whole, StandardCharsets.ISO_8859_1), new String(entries, StandardCharsets.ISO_8859_1));
        assertArrayEquals(whole, entries);
        assertEquals(memory[0], streamed[0]);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void prettyBundleStreamedEqualsInMemory() throws Exception {
        assertSameAsInMemory(utf8(FhirFixtures.xml(FhirFixtures.transaction(), true) + "\n"));
    }

    @Test
    void compactBundleStreamedEqualsInMemory() throws Exception {
        assertSameAsInMemory(utf8(FhirFixtures.xml(FhirFixtures.transaction(), false)));
    }

    @Test
    void bundleWithDeclaredLatin1AndCrLfStreamedEqualsInMemory() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\r\n"
                + FhirFixtures.xml(FhirFixtures.transaction(), true).replace("Dizziness", "Vertige é").replace("\n", "\r\n")
                + "\r\n";
        assertSameAsInMemory(xml.getBytes(Charset.forName("ISO-8859-1")));
    }

    @Test
    void bundleWithByteOrderMarkStreamedEqualsInMemory() throws Exception {
        assertSameAsInMemory(utf8("\uFEFF" + FhirFixtures.xml(FhirFixtures.transaction(), true)));
    }

    @Test
    void commentsBetweenEntriesAreLeftOutAndCountedAsInMemory() throws Exception {
        String xml = FhirFixtures.xml(FhirFixtures.transaction(), true).replace("<entry>", "<!-- Hortensia --><entry>");
        assertSameAsInMemory(utf8("<!-- before -->" + xml + "<!-- after -->"));
    }

    @Test
    void bundleUsingANamespacePrefixStreamedEqualsInMemory() throws Exception {
        String xml = FhirFixtures.xml(FhirFixtures.transaction(), false).replace("<Bundle xmlns=\"http://hl7.org/fhir\">",
                "<f:Bundle xmlns:f=\"http://hl7.org/fhir\" xmlns=\"http://hl7.org/fhir\">").replace("</Bundle>", "</f:Bundle>")
                .replaceFirst("<entry>", "<f:entry>").replaceFirst("</entry>", "</f:entry>");
        assertSameAsInMemory(utf8(xml));
    }
}
