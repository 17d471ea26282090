package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.format.dicom.PixelMetadataTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0171: a nurse pastes a phone's photograph of a wound into a note — Word's RTF keeps it as a JPEG picture,
 * a web editor as a data URI — and the photograph keeps its EXIF: the phone's owner, its serial number, where and when
 * it was taken. No text of the note holds them, so the scrubber passed them and the verifier read nothing of them. Now a
 * run writes each picture without its text, and the verifier reads the text of every picture it finds in a note.
 */
class PicturesInNotesTest {

    @TempDir
    Path dir;

    @Test
    void aPhotographInANoteLosesItsExifInTheRunAndTheVerifierReadsIt() throws Exception {
        byte[] photo = PixelMetadataTest.cameraJpeg();
        String html = "<p>Wound day 3:</p><img src=\"data:image/jpeg;base64," + Base64.getEncoder().encodeToString(photo)
                + "\"><p>Healing well.</p>";
        String rtf = "{\\rtf1\\ansi Wound day 3:\\par {\\pict\\picw847\\pich635\\jpegblip " + HexFormat.of().formatHex(photo)
                + "}\\par Healing well.\\par}";
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("patients.csv"), "patient_id,first_name,last_name,birth_date\n"
                + "P001,Hannelore,Kübler,1951-03-12\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("notes.csv"), "note_id,patient_id,note_text\n1,P001,\"" + html.replace("\"", "\"\"")
                + "\"\n2,P001,\"" + rtf + "\"\n", StandardCharsets.UTF_8);
        Path fhir = Files.createDirectories(in.resolve("fhir"));
        Files.writeString(fhir.resolve("DocumentReference.ndjson"), "{\"resourceType\":\"DocumentReference\",\"id\":\"d1\","
                + "\"status\":\"current\",\"content\":[{\"attachment\":{\"contentType\":\"text/html\",\"data\":\""
                + Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)) + "\"}}]}\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Path key = dir.resolve("k.deidkey");
        NoteRuns.run(in, out, key, ProfileLoader.read("csv-template"));
        String notes = Files.readString(out.resolve("notes.csv"), StandardCharsets.UTF_8);
        String attachment = new String(Base64.getDecoder().decode(Files.readString(out.resolve("fhir")
                .resolve("DocumentReference.ndjson")).replaceAll("(?s).*\"data\":\"([^\"]+)\".*", "$1").strip()),
                StandardCharsets.UTF_8);
        for (String written : List.of(notes, attachment)) {
            String pictures = pictures(written);
            assertTrue(pictures.length() > 500, "the pictures stay");
            for (String planted : PixelMetadataTest.PLANTED) {
                assertFalse(pictures.contains(planted), () -> "a photograph keeps " + planted);
            }
            assertTrue(written.contains("Healing well."), written);
        }
        assertEquals(2, notes.split("data:image/jpeg;base64,|\\\\jpegblip ", -1).length - 1, "both pictures written");
        String digits = notes.substring(notes.indexOf("\\jpegblip ") + 10, notes.indexOf("}\\par Healing"));
        assertArrayEquals(org.deidworkbench.format.ImageText.withoutText(photo), HexFormat.of().parseHex(
                digits.replaceAll("\\s", "")), "the RTF picture is the photograph without its text, no digit of it"
                + " taken for a number");
        assertTrue(NoteRuns.clean(out, key), "the run's output is clean");
        Path planted = Files.createDirectories(dir.resolve("planted"));
        Files.copy(in.resolve("notes.csv"), planted.resolve("notes.csv"));
        Files.createDirectories(planted.resolve("fhir"));
        Files.copy(fhir.resolve("DocumentReference.ndjson"), planted.resolve("fhir").resolve("DocumentReference.ndjson"));
        // a column of photographs as data URIs alone, no markup around them
        Files.writeString(planted.resolve("photos.csv"), "photo_id,image\nF1,\"data:image/jpeg;base64,"
                + Base64.getEncoder().encodeToString(photo) + "\"\n", StandardCharsets.UTF_8);
        List<String> located = NoteRuns.hits(planted, key);
        for (String where : List.of("notes.csv record 1,", "notes.csv record 2,", "photos.csv record 1,",
                "DocumentReference.ndjson DocumentReference.content[0].attachment.data")) {
            assertTrue(located.stream().anyMatch(l -> l.contains(where)), () -> "no hit at " + where + ": " + located);
        }
    }

    /** A column a profile keeps as it is: its photographs lose their EXIF all the same (decision 0171). */
    @Test
    void aKeptColumnsPhotographLosesItsExif() throws Exception {
        byte[] photo = PixelMetadataTest.cameraJpeg();
        Path in = Files.createDirectories(dir.resolve("kept"));
        Files.writeString(in.resolve("wounds.csv"), "wound_id,photo_html\nW1,\"<img src=\"\"data:image/jpeg;base64,"
                + Base64.getEncoder().encodeToString(photo) + "\"\">\"\n", StandardCharsets.UTF_8);
        org.deidworkbench.config.LoadedProfile keep = new org.deidworkbench.config.LoadedProfile(ProfileLoader.parse(
                "deid-profile: 1\nname: keep\nrules:\n  - id: photo\n    column: photo_html\n    action: keep\n"
                + "default: {action: keep}\n", "keep.yaml"), "x");
        Path out = dir.resolve("kept-out");
        NoteRuns.run(in, out, dir.resolve("kept.deidkey"), keep);
        String pictures = pictures(Files.readString(out.resolve("wounds.csv"), StandardCharsets.UTF_8));
        assertTrue(pictures.length() > 500, "the picture stays");
        for (String planted : PixelMetadataTest.PLANTED) {
            assertFalse(pictures.contains(planted), () -> "a kept photograph keeps " + planted);
        }
    }

    /** The pictures' bytes of a note, decoded from base64 and hexadecimal, as ISO 8859-1 text. */
    private static String pictures(String note) {
        StringBuilder b = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("base64,([A-Za-z0-9+/=]+)").matcher(note);
        while (m.find()) {
            b.append(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.ISO_8859_1));
        }
        m = java.util.regex.Pattern.compile("jpegblip ?([0-9a-fA-F\\s]+)\\}").matcher(note);
        while (m.find()) {
            b.append(new String(HexFormat.of().parseHex(m.group(1).replaceAll("\\s", "")), StandardCharsets.ISO_8859_1));
        }
        return b.toString();
    }
}
