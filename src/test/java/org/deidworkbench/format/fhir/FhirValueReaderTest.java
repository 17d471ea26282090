package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.RecordingVisitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FHIR value reader hands the verifier every primitive value, decoded attachments too, with its element path. */
class FhirValueReaderTest {

    private static final String PATIENT = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Quillfeather\","
            + "\"given\":[\"Avery\"]}],\"telecom\":[{\"system\":\"phone\",\"value\":\"555-604-6018\"}]}";

    @TempDir
    Path dir;

    private RecordingVisitor read(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        RecordingVisitor r = new RecordingVisitor();
        new FhirValueReader().read(file, r, () -> false);
        return r;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String documentReference(String attachment) {
        return "{\"resourceType\":\"DocumentReference\",\"status\":\"current\",\"content\":[{\"attachment\":{"
                + attachment + "}}]}";
    }

    @Test
    void aJsonValueIsLocatedByItsElementPath() throws Exception {
        assertEquals("Patient.name[0].given[0]", read("p.json", PATIENT).where("Avery"));
    }

    @Test
    void aValueInABundleEntryNamesTheEntrysResourceType() throws Exception {
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Organization\",\"name\":\"Clinic\"}},{\"resource\":" + PATIENT + "}]}";
        assertEquals("Bundle.entry[1].resource(Patient).name[0].family", read("b.json", bundle).where("Quillfeather"));
    }

    @Test
    void theLinesOfAnNdjsonPartAreNumberedAsInTheWholeFileWhateverTheLineBreaks() throws Exception {
        // LF, CR LF and a lone CR each end a line, as the whole file's parser counts them
        String head = "{\"resourceType\":\"Patient\",\"id\":\"a\"}\r\n{\"resourceType\":\"Patient\",\"id\":\"b\"}\r"
                + "{\"resourceType\":\"Patient\",\"id\":\"c\"}\n\n";
        String ndjson = head + PATIENT + "\n{\"resourceType\":\"Patient\",\"id\":\"d\"}\n";
        Path file = dir.resolve("Patient.ndjson");
        Files.writeString(file, ndjson);
        FhirValueReader reader = new FhirValueReader();
        RecordingVisitor whole = new RecordingVisitor();
        reader.read(file, whole, () -> false);
        long from = head.length();
        assertEquals(4, reader.lineBreaks(file, 0, from));
        RecordingVisitor part = new RecordingVisitor();
        long before = reader.lineBreaks(file, 0, from);
        reader.readLines(file, from, ndjson.length(), () -> before, part, () -> false);
        assertEquals("line 5, Patient.telecom[0].value", part.where("555-604-6018"));
        assertEquals(whole.seen.subList(whole.seen.size() - part.seen.size(), whole.seen.size()), part.seen);
        assertEquals(List.of("d"), part.records.get(part.records.size() - 1));
        // the verifier reads such a file in parts once it has found it to be NDJSON
        assertEquals(org.deidworkbench.format.FileFormat.FHIR_NDJSON, org.deidworkbench.format.FormatDetector.detect(file));
    }

    @Test
    void anNdjsonPartEndingInsideARecordIsNotReadable() throws Exception {
        Path file = dir.resolve("Patient.ndjson");
        Files.writeString(file, "{\"resourceType\":\"Patient\",\"id\":\"a\"}\n" + PATIENT + "\n");
        FhirValueReader reader = new FhirValueReader();
        assertThrows(FormatException.class, () -> reader.readLines(file, 0, 60, () -> 0, new RecordingVisitor(),
                () -> false));
    }

    @Test
    void anNdjsonValueNamesItsLine() throws Exception {
        String ndjson = "{\"resourceType\":\"Patient\",\"id\":\"a\"}\n" + PATIENT + "\n";
        assertEquals("line 2, Patient.telecom[0].value", read("Patient.ndjson", ndjson).where("555-604-6018"));
    }

    @Test
    void aTextAttachmentIsDecoded() throws Exception {
        RecordingVisitor r = read("d.json", documentReference("\"contentType\":\"text/plain; charset=utf-8\",\"data\":\""
                + base64("Letter about Jürgen Müller") + "\""));
        assertEquals("DocumentReference.content[0].attachment.data", r.where("Jürgen Müller"));
    }

    @Test
    void anAttachmentWhoseTypeFollowsItsDataIsDecodedToo() throws Exception {
        RecordingVisitor r = read("d.json", documentReference("\"data\":\"" + base64("Avery Quillfeather")
                + "\",\"contentType\":\"text/plain\""));
        assertEquals("DocumentReference.content[0].attachment.data", r.where("Avery Quillfeather"));
    }

    @Test
    void anAttachmentOfAnUnknownTypeIsReadAsRawBytes() throws Exception {
        RecordingVisitor r = read("d.json", documentReference("\"contentType\":\"application/octet-stream\",\"data\":\""
                + base64("NAME=Avery Quillfeather") + "\""));
        assertTrue(r.first("Avery Quillfeather").raw());
    }

    @Test
    void aPdfAttachmentIsReportedAsNotLookedInto() throws Exception {
        RecordingVisitor r = read("d.json", documentReference("\"contentType\":\"application/pdf\",\"data\":\""
                + base64("%PDF-1.7 ...") + "\""));
        assertEquals(List.of("DocumentReference.content[0].attachment.data: a base64 attachment that is a PDF document,"
                + " not looked into"), r.notScanned);
    }

    @Test
    void aJpegAttachmentsCameraTextIsReadAndItsPictureIsNot() throws Exception {
        String jpeg = Base64.getEncoder().encodeToString(org.deidworkbench.format.dicom.PixelMetadataTest.cameraJpeg());
        RecordingVisitor r = read("m.json", documentReference("\"contentType\":\"image/jpeg\",\"data\":\"" + jpeg
                + "\""));
        assertTrue(r.first("SN 0123456789").raw(), "handed over as bytes");
        assertEquals("DocumentReference.content[0].attachment.data", r.where("Photo: Hannelore Kuebler"));
        assertEquals("not seen", r.where("JFIF"), "the segments decoders need are not text");
    }

    @Test
    void aJpegAttachmentWhoseSegmentsCannotBeReadIsReportedAsNotLookedInto() throws Exception {
        byte[] truncated = java.util.Arrays.copyOf(org.deidworkbench.format.dicom.PixelMetadataTest.cameraJpeg(), 40);
        RecordingVisitor r = read("m.json", documentReference("\"contentType\":\"image/jpeg\",\"data\":\""
                + Base64.getEncoder().encodeToString(truncated) + "\""));
        assertEquals(List.of("DocumentReference.content[0].attachment.data: an image attachment whose text cannot be"
                + " read (a JPEG segment runs past the end of the image), not looked into"), r.notScanned);
    }

    @Test
    void anImageAttachmentOfAKindWhoseTextIsNotReadIsReportedAsNotLookedInto() throws Exception {
        RecordingVisitor r = read("d.json", documentReference("\"contentType\":\"image/tiff; name=quillfeather.tif\","
                + "\"data\":\"" + base64("II*\0QUILLFEATHER") + "\""));
        assertEquals("not seen", r.where("QUILLFEATHER"));
        assertEquals(List.of("DocumentReference.content[0].attachment.data: an attachment of type image/tiff whose"
                + " embedded text is not read, not looked into"), r.notScanned, "the type's parameters are not shown");
    }

    @Test
    void aPngAttachmentsTextChunksAreReadWhateverItsDeclaredType() throws Exception {
        byte[] png = org.deidworkbench.format.ImageTextWholeTest.png(List.of(
                org.deidworkbench.format.ImageTextWholeTest.chunk("tEXt", "Author\0Avery Quillfeather".getBytes(
                        StandardCharsets.ISO_8859_1))));
        RecordingVisitor r = read("d.json", documentReference("\"contentType\":\"application/octet-stream\","
                + "\"data\":\"" + Base64.getEncoder().encodeToString(png) + "\""));
        assertEquals("DocumentReference.content[0].attachment.data", r.where("Avery Quillfeather"));
        assertEquals("not seen", r.where("IHDR"), "the picture's chunks are not read");
    }

    @Test
    void characterReferencesInAJsonNarrativeAreResolved() throws Exception {
        String patient = "{\"resourceType\":\"Patient\",\"text\":{\"status\":\"generated\",\"div\":"
                + "\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">J&#252;rgen M&#xFC;ller</div>\"}}";
        assertEquals("Patient.text.div", read("p.json", patient).where("Jürgen Müller"));
    }

    @Test
    void anXmlValueIsLocatedByItsElementPath() throws Exception {
        String xml = "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"Quillfeather\"/><given value=\"A\"/>"
                + "<given value=\"Avery\"/></name></Patient>";
        assertEquals("Patient.name.given[1]", read("p.xml", xml).where("Avery"));
    }

    @Test
    void anXmlBundleEntryNamesItsResourceType() throws Exception {
        String xml = "<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"collection\"/><entry><resource><Organization>"
                + "<name value=\"Clinic\"/></Organization></resource></entry><entry><resource><Patient><name>"
                + "<family value=\"Quillfeather\"/></name></Patient></resource></entry></Bundle>";
        assertEquals("Bundle.entry[1].resource(Patient).name.family", read("b.xml", xml).where("Quillfeather"));
    }

    @Test
    void anXmlNarrativeIsOneValueAcrossItsMarkup() throws Exception {
        String xml = "<Patient xmlns=\"http://hl7.org/fhir\"><text><status value=\"generated\"/>"
                + "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Seen: <b>Avery</b> Quillfeather</p></div></text></Patient>";
        RecordingVisitor.Seen narrative = read("p.xml", xml).first("Avery");
        assertEquals("Patient.text.div", narrative.where());
        assertTrue(narrative.value().contains("Quillfeather"), "the whole narrative is one value");
    }

    @Test
    void anXmlTextAttachmentIsDecoded() throws Exception {
        String xml = "<DocumentReference xmlns=\"http://hl7.org/fhir\"><content><attachment>"
                + "<contentType value=\"text/plain\"/><data value=\"" + base64("Avery Quillfeather") + "\"/>"
                + "</attachment></content></DocumentReference>";
        assertEquals("DocumentReference.content.attachment.data", read("d.xml", xml).where("Avery Quillfeather"));
    }

    @Test
    void anXmlFileWithADoctypeIsReadWithoutFetchingIt() throws Exception {
        // a fetch of the DTD (a closed local port) would fail the read
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE Patient SYSTEM \"http://127.0.0.1:9/x.dtd\">"
                + "<Patient xmlns=\"http://hl7.org/fhir\"><name><given value=\"Avery\"/></name></Patient>";
        assertEquals("Patient.name.given", read("p.xml", xml).where("Avery"));
    }

    @Test
    void eachResourceIsARecordABundleEntrysOneAndAContainedOneBelongsToItsHolder() throws Exception {
        String observation = "{\"resourceType\":\"Observation\",\"subject\":{\"reference\":\"Patient/B\"},"
                + "\"contained\":[{\"resourceType\":\"Practitioner\",\"id\":\"pr\"}]}";
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Patient\",\"id\":\"A\"}},{\"resource\":" + observation + "}]}";
        assertEquals(List.of(List.of("collection", "A"), List.of("Patient/B", "pr"), List.of()),
                read("b.json", bundle).records);
        assertEquals(List.of(List.of("x"), List.of("y")), read("o.ndjson", "{\"resourceType\":\"Patient\",\"id\":\"x\"}\n"
                + "{\"resourceType\":\"Patient\",\"id\":\"y\"}\n").records);
        String xml = "<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"collection\"/><entry><resource><Patient>"
                + "<id value=\"A\"/></Patient></resource></entry><entry><resource><Observation><subject><reference "
                + "value=\"Patient/B\"/></subject><contained><Practitioner><id value=\"pr\"/></Practitioner></contained>"
                + "</Observation></resource></entry></Bundle>";
        assertEquals(List.of(List.of("collection", "A"), List.of("Patient/B", "pr"), List.of()), read("b.xml", xml).records);
    }

    @Test
    void malformedJsonIsAFormatException() {
        assertThrows(FormatException.class, () -> read("p.json", "{\"resourceType\":\"Patient\",\"name\":[{"));
    }
}
