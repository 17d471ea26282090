package org.deidworkbench.format.dicom;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.deidworkbench.dicom.BulkFilter;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.Element;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.format.DeferredException;
import org.deidworkbench.format.WithheldException;
import org.deidworkbench.model.DicomOption;
import org.deidworkbench.model.DicomRedaction;
import org.deidworkbench.model.DicomSection;

/**
 * Decides from the header whether an image may carry identifying text in its pixels and what to do
 * about it: pass it, redact it with the first matching redaction rule, or withhold it. An image that
 * declares Burned In Annotation YES, a capture (secondary capture, ultrasound, endoscopy and
 * photographs, screen saves) whatever it declares, and an angiography, fluoroscopy or "other" image
 * that does not declare Burned In Annotation NO, is withheld unless a redaction rule matches it; a
 * matching rule is applied to an image of any kind; a rule with no rectangles is the steward's statement that matching images carry none. Redaction fills rectangles with zeros in every frame of native
 * pixel data of any bit depth, samples per pixel, planar configuration and frame count, streaming
 * from the source file frame by frame; encapsulated (compressed) pixel data cannot be redacted
 * without decoding it and is withheld. Encapsulated documents are withheld too; a DICOMDIR is deferred,
 * to be made anew from the outputs ({@link DicomdirRegeneration}).
 * Stateless and thread-safe.
 */
final class PixelSafety {

    static final int IMAGE_TYPE = 0x00080008;
    static final int MODALITY = 0x00080060;
    static final int MANUFACTURER = 0x00080070;
    static final int MODEL_NAME = 0x00081090;
    static final int SAMPLES_PER_PIXEL = 0x00280002;
    static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
    static final int PLANAR_CONFIGURATION = 0x00280006;
    static final int NUMBER_OF_FRAMES = 0x00280008;
    static final int ROWS = 0x00280010;
    static final int COLUMNS = 0x00280011;
    static final int BITS_ALLOCATED = 0x00280100;
    static final int RECOGNIZABLE_VISUAL_FEATURES = 0x00280302;
    static final int DIRECTORY_RECORD_SEQUENCE = 0x00041220;
    private static final String DIRECTORY_STORAGE = "1.2.840.10008.1.3.10";
    private static final String ENCAPSULATED_DOCUMENT_PREFIX = "1.2.840.10008.5.1.4.1.1.104.";

    /**
     * Captures: SOP Classes whose pixels are a picture of a screen, a page or a scene, where text
     * (and faces) are routine and Burned In Annotation, when present at all, is written by capture
     * software that cannot know what is in the picture. Withheld unless a redaction rule matches,
     * whatever Burned In Annotation says.
     */
    private static final Map<String, String> CAPTURE_CLASSES = Map.ofEntries(
            Map.entry("1.2.840.10008.5.1.4.1.1.7", "Secondary Capture"),
            Map.entry("1.2.840.10008.5.1.4.1.1.7.1", "Multi-frame Single Bit Secondary Capture"),
            Map.entry("1.2.840.10008.5.1.4.1.1.7.2", "Multi-frame Grayscale Byte Secondary Capture"),
            Map.entry("1.2.840.10008.5.1.4.1.1.7.3", "Multi-frame Grayscale Word Secondary Capture"),
            Map.entry("1.2.840.10008.5.1.4.1.1.7.4", "Multi-frame True Color Secondary Capture"),
            Map.entry("1.2.840.10008.5.1.4.1.1.6", "Ultrasound (retired)"),
            Map.entry("1.2.840.10008.5.1.4.1.1.6.1", "Ultrasound"),
            Map.entry("1.2.840.10008.5.1.4.1.1.3", "Ultrasound Multi-frame (retired)"),
            Map.entry("1.2.840.10008.5.1.4.1.1.3.1", "Ultrasound Multi-frame"),
            Map.entry("1.2.840.10008.5.1.4.1.1.77.1.1", "VL Endoscopic"),
            Map.entry("1.2.840.10008.5.1.4.1.1.77.1.1.1", "Video Endoscopic"),
            Map.entry("1.2.840.10008.5.1.4.1.1.77.1.4", "VL Photographic"),
            Map.entry("1.2.840.10008.5.1.4.1.1.77.1.4.1", "Video Photographic"));

    /** Modalities of captures (see {@link #CAPTURE_CLASSES}). */
    private static final List<String> CAPTURE_MODALITIES = List.of("US", "ES", "XC", "GM", "DOC");

    /**
     * Annotated acquisitions: SOP Classes whose devices often burn the patient's name and the date
     * into the image, and which say so in Burned In Annotation. Released when the image declares
     * Burned In Annotation NO; withheld unless a redaction rule matches when it declares YES or
     * nothing.
     */
    private static final Map<String, String> ANNOTATED_CLASSES = Map.ofEntries(
            Map.entry("1.2.840.10008.5.1.4.1.1.12.1", "X-Ray Angiographic"),
            Map.entry("1.2.840.10008.5.1.4.1.1.12.1.1", "Enhanced XA"),
            Map.entry("1.2.840.10008.5.1.4.1.1.12.2", "X-Ray Radiofluoroscopic"),
            Map.entry("1.2.840.10008.5.1.4.1.1.12.2.1", "Enhanced XRF"));

    /** Modalities of annotated acquisitions (see {@link #ANNOTATED_CLASSES}); OT is "other", which says nothing. */
    private static final List<String> ANNOTATED_MODALITIES = List.of("XA", "RF", "OT");

    private PixelSafety() {
    }

    /** What to do with a file's pixels. */
    sealed interface Plan permits Pass, Redact {
    }

    /** Nothing to do. */
    record Pass() implements Plan {
    }

    /** Apply this rule (no rectangles: pass, by the steward's statement). */
    record Redact(DicomRedaction rule) implements Plan {
    }

    /**
     * The plan for a data set, read from its original header.
     *
     * @throws WithheldException when the file must not be released
     */
    static Plan plan(Dataset ds, DicomSection section) throws WithheldException {
        String sopClass = trim(ds.getString(Tag.SOP_CLASS_UID));
        if (DIRECTORY_STORAGE.equals(sopClass) || ds.contains(DIRECTORY_RECORD_SEQUENCE)) {
            throw new DeferredException(DicomdirRegeneration.NOT_REGENERATED, "", "a DICOMDIR indexes the patients'"
                    + " names, ids and dates and the files of the input; it is never copied, only made anew from the"
                    + " output at the end of the run");
        }
        if (sopClass != null && sopClass.startsWith(ENCAPSULATED_DOCUMENT_PREFIX)) {
            throw new WithheldException("DICOM-ENCAPSULATED-DOCUMENT", Tag.toString(0x00420011), "an encapsulated"
                    + " document (PDF, CDA, 3D model) cannot be cleaned of the identifiers inside it");
        }
        checkEmbeddedOverlays(ds);
        if (!ds.contains(Tag.PIXEL_DATA)) {
            return new Pass();
        }
        // A matching redaction applies to any image, as the rule says; only images at risk need one.
        DicomRedaction rule = section.has(DicomOption.CLEAN_PIXEL_DATA) ? matching(ds, section) : null;
        if (rule == null) {
            String risk = burnedInRisk(ds, sopClass, section);
            if (risk == null) {
                return new Pass();
            }
            throw new WithheldException("DICOM-BURNED-IN-ANNOTATION", "", risk + "; no redaction rule of the profile"
                    + " (dicom.redactions) matches it");
        }
        if (!rule.rectangles().isEmpty() && ds.get(Tag.PIXEL_DATA).isFragments()) {
            throw new WithheldException("DICOM-CANNOT-REDACT-COMPRESSED", Tag.toString(Tag.PIXEL_DATA), "redaction '"
                    + rule.id() + "' matches, but the pixel data is compressed (encapsulated) and cannot be redacted"
                    + " without decoding it; convert it to an uncompressed transfer syntax first");
        }
        return new Redact(rule);
    }

    /**
     * Why the image may carry burned-in text, or null when nothing says so (decision 0009, table
     * "Which images may carry burned-in text"): Burned In Annotation YES; a capture (by SOP Class,
     * Modality, or an Image Type that names a screen save) whatever it declares; an annotated
     * acquisition (XA, RF, OT) that does not declare Burned In Annotation NO; with Clean Recognizable
     * Visual Features, any image that does not declare Recognizable Visual Features NO.
     */
    private static String burnedInRisk(Dataset ds, String sopClass, DicomSection section) {
        String burnedIn = upper(ds.getString(Marking.BURNED_IN_ANNOTATION));
        if ("YES".equals(burnedIn)) {
            return "the image declares Burned In Annotation (0028,0301) YES";
        }
        String modality = upper(ds.getString(MODALITY));
        if (sopClass != null && CAPTURE_CLASSES.containsKey(sopClass)) {
            return "a " + CAPTURE_CLASSES.get(sopClass) + " image (a capture, which often carries burned-in text"
                    + " whatever Burned In Annotation says)";
        }
        if (modality != null && CAPTURE_MODALITIES.contains(modality)) {
            return "a " + modality + " image (a capture modality, which often carries burned-in text whatever Burned"
                    + " In Annotation says)";
        }
        for (String type : ds.getStrings(IMAGE_TYPE)) {
            if (upper(type).contains("SAVE")) {
                return "an image whose Image Type (0008,0008) names a screen save, which shows what a screen showed";
            }
        }
        if (!"NO".equals(burnedIn)) {
            if (sopClass != null && ANNOTATED_CLASSES.containsKey(sopClass)) {
                return "a " + ANNOTATED_CLASSES.get(sopClass) + " image that does not declare Burned In Annotation"
                        + " (0028,0301) NO";
            }
            if (modality != null && ANNOTATED_MODALITIES.contains(modality)) {
                return "a " + modality + " image that does not declare Burned In Annotation (0028,0301) NO";
            }
        }
        if (section.has(DicomOption.CLEAN_RECOGNIZABLE_VISUAL_FEATURES)
                && !"NO".equals(upper(ds.getString(RECOGNIZABLE_VISUAL_FEATURES)))) {
            return "the image does not declare Recognizable Visual Features NO (Clean Recognizable Visual Features"
                    + " is on)";
        }
        return null;
    }

    /** Old-style overlays in unused high bits of the pixel data cannot be removed with their group. */
    private static void checkEmbeddedOverlays(Dataset ds) throws WithheldException {
        for (int g = 0x6000; g <= 0x601E; g += 2) {
            if (ds.contains(Tag.of(g, 0x0102)) && !ds.contains(Tag.of(g, 0x3000)) && ds.contains(Tag.of(g, 0x0010))) {
                throw new WithheldException("DICOM-EMBEDDED-OVERLAY", Tag.toString(Tag.of(g, 0x0102)), "an overlay is"
                        + " stored in the pixel data's unused bits, where it cannot be removed without rewriting pixels");
            }
        }
    }

    /** The first redaction rule whose conditions all hold. */
    static DicomRedaction matching(Dataset ds, DicomSection section) {
        for (DicomRedaction r : section.redactions()) {
            if (equal(r.manufacturer(), ds.getString(MANUFACTURER)) && equal(r.model(), ds.getString(MODEL_NAME))
                    && equal(r.modality(), ds.getString(MODALITY)) && equal(r.sopClassUid(), ds.getString(Tag.SOP_CLASS_UID))
                    && number(r.rows(), ds, ROWS) && number(r.columns(), ds, COLUMNS)) {
                return r;
            }
        }
        return null;
    }

    private static boolean equal(Optional<String> wanted, String actual) {
        return wanted.isEmpty() || actual != null && wanted.get().strip().equalsIgnoreCase(actual.strip());
    }

    private static boolean number(Optional<Integer> wanted, Dataset ds, int tag) {
        return wanted.isEmpty() || ds.getLong(tag, -1) == wanted.get();
    }

    /**
     * Fills the rule's rectangles with zeros in every frame of the (native) pixel data, in place:
     * in memory for a value held there, as a streaming filter for one left in the source file.
     *
     * @throws WithheldException when the image description does not allow a safe redaction
     */
    static void redact(Dataset ds, DicomRedaction rule) throws WithheldException {
        Element pixels = ds.get(Tag.PIXEL_DATA);
        Geometry g = Geometry.of(ds, rule);
        long needed = g.frameBytes * g.frames;
        if (pixels.valueLength() < needed) {
            throw new WithheldException("DICOM-PIXEL-DATA-SHORT", Tag.toString(Tag.PIXEL_DATA), "the pixel data is"
                    + " shorter than Rows x Columns x Samples x Bits Allocated x Frames declare; it cannot be redacted"
                    + " safely");
        }
        BulkFilter filter = g::fill;
        if (pixels.bytes() != null) {
            byte[] copy = pixels.bytes().clone();
            filter.filter(copy, 0, copy.length, 0);
            ds.put(Element.ofBytes(Tag.PIXEL_DATA, pixels.vr(), copy));
        } else {
            ds.put(Element.ofBulk(Tag.PIXEL_DATA, pixels.vr(), pixels.bulk(), filter));
        }
    }

    /**
     * The byte layout of native pixel data and the byte spans of the rectangles in one frame, so a
     * chunk anywhere in the value is filtered without knowing the others.
     */
    private static final class Geometry {
        final long frameBytes;
        final long frames;
        /** Sorted, non-overlapping [start, end) byte spans within one frame. */
        final long[][] spans;

        private Geometry(long frameBytes, long frames, long[][] spans) {
            this.frameBytes = frameBytes;
            this.frames = frames;
            this.spans = spans;
        }

        static Geometry of(Dataset ds, DicomRedaction rule) throws WithheldException {
            int rows = (int) ds.getLong(ROWS, -1);
            int columns = (int) ds.getLong(COLUMNS, -1);
            int bits = (int) ds.getLong(BITS_ALLOCATED, -1);
            int samples = (int) ds.getLong(SAMPLES_PER_PIXEL, 1);
            int planar = (int) ds.getLong(PLANAR_CONFIGURATION, 0);
            long frames;
            try {
                String f = ds.getString(NUMBER_OF_FRAMES);
                frames = f == null || f.isBlank() ? 1 : Long.parseLong(f.strip());
            } catch (NumberFormatException e) {
                frames = -1;
            }
            if (rows < 1 || columns < 1 || samples < 1 || samples > 4 || frames < 1
                    || bits != 8 && bits != 16 && bits != 32 && bits != 64) {
                throw new WithheldException("DICOM-CANNOT-REDACT", Tag.toString(Tag.PIXEL_DATA), "the image"
                        + " description (rows, columns, samples per pixel, bits allocated " + bits + ", frames) does not"
                        + " allow a safe redaction; only 8, 16, 32 and 64 bits allocated are redacted");
            }
            int bytesPerSample = bits / 8;
            String photometric = upper(ds.getString(PHOTOMETRIC_INTERPRETATION));
            boolean subsampled = photometric != null && photometric.endsWith("_422");
            if (subsampled && (samples != 3 || bits != 8 || planar != 0)) {
                throw new WithheldException("DICOM-CANNOT-REDACT", Tag.toString(Tag.PIXEL_DATA), "4:2:2 colour"
                        + " other than 8-bit interleaved cannot be redacted safely");
            }
            if (subsampled) {
                // Y0 Y1 Cb Cr: two pixels in four bytes, so a rectangle covers whole pairs.
                return subsampled422(rows, columns, frames, rule);
            }
            long frameBytes = (long) rows * columns * samples * bytesPerSample;
            java.util.List<long[]> spans = new java.util.ArrayList<>();
            for (DicomRedaction.Rectangle r : rule.rectangles()) {
                int x0 = Math.min(r.x(), columns);
                int x1 = Math.min(r.x() + r.width(), columns);
                int y0 = Math.min(r.y(), rows);
                int y1 = Math.min(r.y() + r.height(), rows);
                for (int y = y0; y < y1 && x1 > x0; y++) {
                    if (planar == 1 && samples > 1) {
                        long plane = (long) rows * columns * bytesPerSample;
                        for (int s = 0; s < samples; s++) {
                            long start = s * plane + ((long) y * columns + x0) * bytesPerSample;
                            spans.add(new long[] {start, start + (long) (x1 - x0) * bytesPerSample});
                        }
                    } else {
                        long start = ((long) y * columns + x0) * samples * bytesPerSample;
                        spans.add(new long[] {start, start + (long) (x1 - x0) * samples * bytesPerSample});
                    }
                }
            }
            return new Geometry(frameBytes, frames, merge(spans));
        }

        private static Geometry subsampled422(int rows, int columns, long frames, DicomRedaction rule) {
            java.util.List<long[]> spans = new java.util.ArrayList<>();
            long rowBytes = (long) columns * 2;
            for (DicomRedaction.Rectangle r : rule.rectangles()) {
                int x0 = Math.min(r.x(), columns) & ~1;
                int x1 = Math.min((Math.min(r.x() + r.width(), columns) + 1) & ~1, columns + (columns & 1));
                for (int y = Math.min(r.y(), rows); y < Math.min(r.y() + r.height(), rows) && x1 > x0; y++) {
                    spans.add(new long[] {y * rowBytes + x0 * 2L, Math.min(y * rowBytes + x1 * 2L, (y + 1) * rowBytes)});
                }
            }
            return new Geometry(rows * rowBytes, frames, merge(spans));
        }

        private static long[][] merge(java.util.List<long[]> spans) {
            spans.sort((a, b) -> Long.compare(a[0], b[0]));
            java.util.List<long[]> merged = new java.util.ArrayList<>();
            for (long[] s : spans) {
                if (!merged.isEmpty() && merged.get(merged.size() - 1)[1] >= s[0]) {
                    long[] last = merged.get(merged.size() - 1);
                    last[1] = Math.max(last[1], s[1]);
                } else {
                    merged.add(s.clone());
                }
            }
            return merged.toArray(new long[0][]);
        }

        /** Zeroes the parts of {@code chunk} that fall inside a rectangle of any frame. */
        void fill(byte[] chunk, int off, int len, long valueOffset) {
            long end = valueOffset + len;
            long limit = frameBytes * frames;
            long pos = valueOffset;
            while (pos < end && pos < limit) {
                long frame = pos / frameBytes;
                long frameStart = frame * frameBytes;
                long inFrame = pos - frameStart;
                long frameEnd = Math.min(end, frameStart + frameBytes);
                for (long[] s : spans) {
                    if (s[1] <= inFrame) {
                        continue;
                    }
                    long from = Math.max(frameStart + s[0], pos);
                    long to = Math.min(frameStart + s[1], frameEnd);
                    if (from >= frameEnd) {
                        break;
                    }
                    if (to > from) {
                        java.util.Arrays.fill(chunk, off + (int) (from - valueOffset), off + (int) (to - valueOffset),
                                (byte) 0);
                    }
                }
                pos = frameEnd;
            }
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    private static String upper(String s) {
        return s == null ? null : s.strip().toUpperCase(Locale.ROOT);
    }
}
