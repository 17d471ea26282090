package org.deidworkbench.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.deidworkbench.format.dicom.PixelMetadataTest;
import org.junit.jupiter.api.Test;

/**
 * Decision 0171: a photograph inside a note — an HTML data URI, an RTF picture — loses its camera's text (EXIF: the
 * owner, the serial number, the place, the time) and keeps its picture; one that cannot be read is taken out.
 */
class EmbeddedImagesTest {

    private static final String OWNER = PixelMetadataTest.PLANTED.get(4);

    @Test
    void aDataUriPhotographLosesItsExifAndKeepsItsPicture() throws Exception {
        byte[] photo = PixelMetadataTest.cameraJpeg();
        String html = "<p>Wound day 3:</p><img src=\"data:image/jpeg;base64," + Base64.getEncoder().encodeToString(photo)
                + "\" alt=\"wound\"><p>Healing well.</p>";
        assertTrue(joined(EmbeddedImages.texts(html)).contains(OWNER), "the verifier reads the owner");
        String clean = EmbeddedImages.clean(html);
        assertTrue(clean.startsWith("<p>Wound day 3:</p><img src=\"data:image/jpeg;base64,")
                && clean.endsWith("\" alt=\"wound\"><p>Healing well.</p>"), clean);
        byte[] out = Base64.getDecoder().decode(clean.substring(clean.indexOf(',') + 1, clean.indexOf('"', 30)));
        assertArrayEquals(ImageText.withoutText(photo), out, "the photograph as a whole image loses its text");
        assertEquals(List.of(), EmbeddedImages.texts(clean));
        assertFalse(new String(out, StandardCharsets.ISO_8859_1).contains("Kuebler"));
        assertSame(clean, EmbeddedImages.clean(clean), "nothing left to take out");
    }

    @Test
    void anRtfPictureLosesItsExifWrittenAgainInHexadecimal() throws Exception {
        byte[] photo = PixelMetadataTest.cameraJpeg();
        String hex = HexFormat.of().formatHex(photo);
        StringBuilder wrapped = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 128) {
            wrapped.append(hex, i, Math.min(hex.length(), i + 128)).append("\r\n");
        }
        String rtf = "{\\rtf1\\ansi Wound day 3:\\par {\\*\\shppict{\\pict{\\*\\picprop\\shplid1025}\\picw847\\pich635"
                + "\\picwgoal480\\pichgoal360\\jpegblip\\bliptag-1234{\\*\\blipuid 00112233445566778899aabbccddeeff}"
                + wrapped + "}}\\par Healing well.\\par}";
        assertTrue(joined(EmbeddedImages.texts(rtf)).contains(OWNER));
        String clean = EmbeddedImages.clean(rtf);
        assertTrue(clean.contains("\\jpegblip\\bliptag-1234{\\*\\blipuid 00112233445566778899aabbccddeeff}"), clean);
        assertTrue(clean.endsWith("}}\\par Healing well.\\par}"), clean);
        assertEquals(List.of(), EmbeddedImages.texts(clean));
        String digits = clean.substring(clean.indexOf("eeff}") + 5, clean.indexOf("}}\\par Healing")).replaceAll("\\s", "");
        assertArrayEquals(ImageText.withoutText(photo), HexFormat.of().parseHex(digits));
    }

    @Test
    void aPictureThatCannotBeReadIsTakenOutAndOtherTextStays() throws Exception {
        byte[] photo = PixelMetadataTest.cameraJpeg();
        byte[] cut = java.util.Arrays.copyOf(photo, 40); // a JPEG segment that runs past the end
        String html = "<img src=\"data:image/jpeg;base64," + Base64.getEncoder().encodeToString(cut) + "\">";
        assertEquals("<img src=\"data:,\">", EmbeddedImages.clean(html));
        String plain = "photo: data:image/jpeg;base64," + Base64.getEncoder().encodeToString(cut).replace("=", "")
                + " see the wound chart";
        assertEquals("photo: data:, see the wound chart", EmbeddedImages.clean(plain), "the words after it stay");
        String none = "<p>see data:image/png in the manual; {\\pict is a word here</p>";
        assertSame(none, EmbeddedImages.clean(none));
        String gif = "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">";
        assertSame(gif, EmbeddedImages.clean(gif), "a picture this does not read stays as written");
    }

    private static String joined(List<byte[]> texts) {
        StringBuilder b = new StringBuilder();
        texts.forEach(t -> b.append(new String(t, StandardCharsets.ISO_8859_1)).append('\n'));
        return b.toString();
    }
}
