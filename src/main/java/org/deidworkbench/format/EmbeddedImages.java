package org.deidworkbench.format;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pictures inside a text (decision 0171): an HTML note's {@code <img src="data:image/jpeg;base64,…">} (a web editor
 * inserting a photograph from a file keeps its bytes) and an RTF note's {@code {\pict\jpegblip … hex}} (Word and the
 * EHRs' RTF editors keep a pasted JPEG as it was). A phone's photograph of a wound carries its EXIF — when and where it
 * was taken, the camera's serial number, its owner — which is no text of the note: the scrubber cannot read it. Each
 * picture is written back without its text as {@link ImageText#withoutText} takes it out of a whole image (the coded
 * picture unchanged), in the note's own form (base64, hexadecimal); a picture whose structure cannot be followed is
 * taken out. Knows nothing of formats' files; stateless.
 */
public final class EmbeddedImages {

    private EmbeddedImages() {
    }

    /** A data URI of an image; its base64 without white space (in a plain text, the next words would be read as it). */
    private static final Pattern DATA_URI = Pattern.compile(
            "data:image/[A-Za-z0-9.+-]{1,32}(?:;[A-Za-z0-9=.+-]{1,64}){0,4};base64,([A-Za-z0-9+/]+={0,2})",
            Pattern.CASE_INSENSITIVE);
    /** What an image taken out is written as: a data URI of nothing, which shows no picture. */
    static final String NO_IMAGE = "data:,";

    /** Whether a text may hold a picture this class reads: a data URI of an image, or an RTF picture. */
    public static boolean mayHold(String text) {
        return text.indexOf("\\pict") >= 0 || indexOfIgnoreCase(text, "data:image/") >= 0;
    }

    private static int indexOfIgnoreCase(String text, String what) {
        for (int i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
            int start = i - 4;
            if (start >= 0 && text.regionMatches(true, start, what, 0, what.length())) {
                return start;
            }
        }
        return -1;
    }

    /** A picture in a text: where its bytes are written, {@code [from, to)}, and the bytes. */
    private record Picture(int from, int to, byte[] bytes, boolean hex) {
    }

    /** The pictures of a text, in order. */
    private static List<Picture> pictures(String text) {
        List<Picture> out = new ArrayList<>();
        if (indexOfIgnoreCase(text, "data:image/") >= 0) {
            Matcher m = DATA_URI.matcher(text);
            while (m.find()) {
                byte[] b;
                try {
                    b = Base64.getMimeDecoder().decode(m.group(1));
                } catch (IllegalArgumentException notBase64) {
                    continue;
                }
                out.add(new Picture(m.start(1), m.end(1), b, false));
            }
        }
        for (int at = text.indexOf("{\\pict"); at >= 0; at = text.indexOf("{\\pict", at + 1)) {
            Picture p = rtfPicture(text, at);
            if (p != null) {
                out.add(p);
            }
        }
        out.sort(java.util.Comparator.comparingInt(Picture::from));
        return out;
    }

    /**
     * An RTF picture group at {@code at} ({@code {\pict …}}) holding a JPEG or PNG ({@code \jpegblip}, {@code
     * \pngblip}) as hexadecimal digits: its digits' range and bytes; null for another picture (a metafile, a bitmap)
     * or one written as binary ({@code \bin}).
     */
    private static Picture rtfPicture(String text, int at) {
        int n = text.length();
        int depth = 0;
        boolean blip = false;
        int from = -1;
        int to = -1;
        StringBuilder hex = new StringBuilder();
        for (int i = at; i < n; i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    break;
                }
            } else if (c == '\\' && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && Character.isLetter(text.charAt(j))) {
                    j++;
                }
                String word = text.substring(i + 1, j);
                if (depth == 1 && (word.equals("jpegblip") || word.equals("pngblip"))) {
                    blip = true;
                }
                if (word.equals("bin")) {
                    return null;
                }
                while (j < n && (text.charAt(j) == '-' || Character.isDigit(text.charAt(j)))) {
                    j++;
                }
                i = j < n && text.charAt(j) == ' ' ? j : j - 1;
            } else if (c == '\\') {
                i++;
            } else if (depth == 1 && Character.digit(c, 16) >= 0) {
                if (from < 0) {
                    from = i;
                }
                to = i + 1;
                hex.append(c);
            }
        }
        if (!blip || from < 0 || hex.length() % 2 != 0) {
            return null;
        }
        byte[] b = new byte[hex.length() / 2];
        for (int k = 0; k < b.length; k++) {
            b[k] = (byte) (Character.digit(hex.charAt(2 * k), 16) << 4 | Character.digit(hex.charAt(2 * k + 1), 16));
        }
        return new Picture(from, to, b, true);
    }

    /**
     * The text with every picture's text taken out ({@link ImageText#withoutText}); a picture whose structure cannot
     * be followed is taken out whole (a data URI of nothing; an RTF picture without its digits). The text itself when
     * nothing changed.
     */
    public static String clean(String text) {
        if (!mayHold(text)) {
            return text;
        }
        List<Picture> pictures = pictures(text);
        if (pictures.isEmpty()) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        for (Picture p : pictures) {
            if (p.from() < copied) {
                continue;
            }
            String written;
            try {
                byte[] clean = ImageText.withoutText(p.bytes());
                if (clean == null || clean == p.bytes()) {
                    continue; // not an image this reads (its bytes are matched as written), or nothing to take out
                }
                written = p.hex() ? hex(clean) : Base64.getEncoder().encodeToString(clean);
            } catch (ImageText.Unreadable e) {
                written = "";
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            int from = p.from();
            if (!p.hex() && written.isEmpty()) {
                from = text.lastIndexOf("data:", from); // the whole URI: data:,
                written = NO_IMAGE;
            }
            out.append(text, copied, from).append(written);
            copied = p.to();
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * The texts of every picture in a text, as {@link ImageText#texts} finds them; a picture whose structure cannot be
     * followed gives an empty array in its place (for the verifier to report as not looked into).
     */
    public static List<byte[]> texts(String text) {
        List<byte[]> out = new ArrayList<>();
        if (!mayHold(text)) {
            return out;
        }
        for (Picture p : pictures(text)) {
            try {
                List<byte[]> t = ImageText.texts(p.bytes());
                if (t != null) {
                    out.addAll(t);
                }
            } catch (ImageText.Unreadable e) {
                out.add(new byte[0]);
            }
        }
        return out;
    }

    /**
     * Hands the text of every picture in a value to a verifier's visitor as raw bytes ({@link #texts}); a picture
     * whose structure cannot be followed is reported as not looked into. For the value readers of every format.
     */
    public static void visitTexts(String value, ValueReader.Visitor visitor, java.util.function.Supplier<String> where) {
        if (!mayHold(value)) {
            return;
        }
        for (byte[] t : texts(value)) {
            if (t.length == 0) {
                visitor.notScanned(where.get() + ": a picture whose text cannot be read, not looked into");
                continue;
            }
            try {
                visitor.bytes(new java.io.ByteArrayInputStream(t), where);
            } catch (java.io.IOException inMemory) {
                throw new IllegalStateException("reading from memory cannot fail", inMemory);
            }
        }
    }

    /** Bytes as RTF writes a picture's: lower-case hexadecimal digits, a line break after every 64 bytes. */
    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder(b.length * 2 + b.length / 64 * 2);
        for (int k = 0; k < b.length; k++) {
            if (k > 0 && k % 64 == 0) {
                s.append("\r\n");
            }
            s.append(Character.forDigit((b[k] >> 4) & 0xF, 16)).append(Character.forDigit(b[k] & 0xF, 16));
        }
        return s.toString();
    }
}
