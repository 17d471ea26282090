package org.deidworkbench.job;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.dicom.BulkData;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomFormatException;
import org.deidworkbench.dicom.DicomReader;
import org.deidworkbench.dicom.Element;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.format.FileStats;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.WithheldException;
import org.deidworkbench.model.DicomImage;

/**
 * The image of a DICOM file, before and after de-identification, for the workbench's image view:
 * the original's frames decoded from its pixel data, and the frames of the file exactly as a run
 * writes it (the format's real transform, redaction rectangles filled), or why a run withholds it.
 * Native pixel data is decoded (grayscale of 1 to 32 bits allocated, signed or not, MONOCHROME1 and
 * 2; RGB and YBR_FULL of 8 or 16 bits, planar or interleaved; YBR_FULL_422); compressed pixel data
 * is reported as {@link DicomImage.Unavailable#COMPRESSED}, never decoded. Stateless.
 */
public final class DicomImages {

    private static final int SAMPLES_PER_PIXEL = 0x00280002;
    private static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
    private static final int PLANAR_CONFIGURATION = 0x00280006;
    private static final int NUMBER_OF_FRAMES = 0x00280008;
    private static final int ROWS = 0x00280010;
    private static final int COLUMNS = 0x00280011;
    private static final int BITS_STORED = 0x00280101;
    private static final int HIGH_BIT = 0x00280102;
    private static final int WINDOW_CENTER = 0x00281050;
    private static final int WINDOW_WIDTH = 0x00281051;
    private static final int RESCALE_INTERCEPT = 0x00281052;
    private static final int RESCALE_SLOPE = 0x00281053;
    private static final int MODALITY = 0x00080060;
    private static final int MANUFACTURER = 0x00080070;
    private static final int MODEL_NAME = 0x00081090;
    /** The suffix of the action count a redaction leaves in the transform's statistics. */
    private static final String REDACT = " (redact)";

    /**
     * Temporary de-identified copies not yet deleted by {@link Source#close()}: whatever an
     * application leaves open (a window closed with an image shown, a task abandoned at exit) is
     * deleted when the JVM exits, so no copy outlives the process that made it (except a killed one).
     */
    private static final Set<Path> LIVE_COPIES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : LIVE_COPIES) {
                deleteQuietly(p);
            }
        }, "deid-image-cleanup"));
    }

    private DicomImages() {
    }

    /** Why a run withholds the file, as it reports it: a stable code and a reason free of values. */
    public record Withheld(String code, String reason) {
    }

    /**
     * Opens {@code file}'s image and de-identifies the file with {@code profile} as a run would (a
     * throwaway key: only the pixels are looked at), into a temporary file that {@link Source#close()}
     * deletes. Cost: one read of the file's header, one transform of the whole file (its size in disk
     * writes).
     *
     * @throws JobException {@code FILE_FAILED} when the file is not DICOM or cannot be read,
     *     {@code CANCELLED} when {@code cancelled} said so
     */
    public static Source open(Path file, LoadedProfile profile, BooleanSupplier cancelled) throws JobException {
        if (PreviewJob.detect(file) != FileFormat.DICOM) {
            throw new JobException(JobException.Reason.FILE_FAILED, file + ": not a DICOM file", null);
        }
        DicomFile original = read(file);
        Path cleaned = null;
        try {
            Instant now = Instant.now();
            Deidentifier engine = KeySession.throwaway(now).engine(profile.profile(), now);
            Map<FileFormat, FileProcessor> processors = RunJob.processors(engine, true);
            FileProcessor processor = processors.get(FileFormat.DICOM);
            processor.scan(file, "", cancelled);
            engine.freezeIdentifiers();
            cleaned = Files.createTempFile("deid-image-", ".dcm");
            LIVE_COPIES.add(cleaned);
            FileStats stats;
            try (OutputStream out = Files.newOutputStream(cleaned)) {
                stats = processor.transform(file, "", out, cancelled);
            }
            String redaction = stats.actionCounts().keySet().stream().filter(k -> k.endsWith(REDACT))
                    .map(k -> k.substring(0, k.length() - REDACT.length())).findFirst().orElse(null);
            Source source = new Source(original, read(cleaned), cleaned, null, redaction);
            cleaned = null;
            return source;
        } catch (WithheldException e) {
            return new Source(original, null, null, new Withheld(e.code(), e.getMessage()), null);
        } catch (FormatException e) {
            closeQuietly(original);
            throw new JobException(JobException.Reason.FILE_FAILED, file + ": " + e.code() + ": " + e.getMessage(), e);
        } catch (CancellationException e) {
            closeQuietly(original);
            throw new JobException(JobException.Reason.CANCELLED, "image cancelled", e);
        } catch (IOException e) {
            closeQuietly(original);
            throw new JobException(JobException.Reason.IO_ERROR, "cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (JobException | RuntimeException e) {
            closeQuietly(original);
            throw e;
        } finally {
            deleteQuietly(cleaned);
        }
    }

    private static DicomFile read(Path file) throws JobException {
        try {
            return new DicomReader().read(file);
        } catch (DicomFormatException e) {
            throw new JobException(JobException.Reason.FILE_FAILED, file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new JobException(JobException.Reason.IO_ERROR, "cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * An opened image: the original's frames and, unless the file is withheld, the de-identified
     * file's. Thread-safe (frames are read with positional reads); close it to delete the temporary
     * de-identified copy.
     */
    public static final class Source implements AutoCloseable {
        private final DicomFile original;
        private final DicomFile cleaned;
        private final Path cleanedFile;
        private final Layout originalLayout;
        private final Layout cleanedLayout;
        private final Withheld withheld;
        private final String redaction;

        private Source(DicomFile original, DicomFile cleaned, Path cleanedFile, Withheld withheld, String redaction) {
            this.original = original;
            this.cleaned = cleaned;
            this.cleanedFile = cleanedFile;
            this.originalLayout = Layout.of(original.dataset());
            this.cleanedLayout = cleaned == null ? null : Layout.of(cleaned.dataset());
            this.withheld = withheld;
            this.redaction = redaction;
        }

        /** What the original file says about its image. */
        public DicomImage.Header header() {
            return originalLayout.header;
        }

        /** Frame {@code frame} (from 0) of the original. */
        public DicomImage original(int frame) throws JobException {
            return originalLayout.frame(frame);
        }

        /** Frame {@code frame} of the file as a run writes it; empty when a run withholds the file. */
        public Optional<DicomImage> deidentified(int frame) throws JobException {
            return cleanedLayout == null ? Optional.empty() : Optional.of(cleanedLayout.frame(frame));
        }

        /** Why a run withholds the file, if it does. */
        public Optional<Withheld> withheld() {
            return Optional.ofNullable(withheld);
        }

        /** The id of the profile's redaction rule a run applies to the file, if one does. */
        public Optional<String> redaction() {
            return Optional.ofNullable(redaction);
        }

        /** Deletes the temporary de-identified copy (and a deflated file's spool); also done at the JVM's exit. */
        @Override
        public void close() {
            closeQuietly(original);
            if (cleaned != null) {
                closeQuietly(cleaned);
            }
            deleteQuietly(cleanedFile);
        }

        @Override
        public String toString() {
            return "DicomImages.Source[" + header().columns() + "x" + header().rows() + ", " + header().frames()
                    + " frames" + (withheld == null ? "" : ", withheld " + withheld.code()) + "]";
        }
    }

    /** Where a data set's frames are and how to decode them. Immutable. */
    private static final class Layout {
        final DicomImage.Header header;
        final Element pixels;
        final int samples;
        final int bitsAllocated;
        final int bitsStored;
        final int shift;
        final boolean signed;
        final boolean planar;
        final String photometric;

        private Layout(DicomImage.Header header, Element pixels, int samples, int bitsAllocated, int bitsStored,
                int shift, boolean signed, boolean planar, String photometric) {
            this.header = header;
            this.pixels = pixels;
            this.samples = samples;
            this.bitsAllocated = bitsAllocated;
            this.bitsStored = bitsStored;
            this.shift = shift;
            this.signed = signed;
            this.planar = planar;
            this.photometric = photometric;
        }

        static Layout of(Dataset ds) {
            int columns = (int) number(ds, COLUMNS, 0);
            int rows = (int) number(ds, ROWS, 0);
            int frames = (int) Math.max(1, number(ds, NUMBER_OF_FRAMES, 1));
            int samples = (int) number(ds, SAMPLES_PER_PIXEL, 1);
            int bitsAllocated = (int) number(ds, Tag.BITS_ALLOCATED, 0);
            int bitsStored = (int) number(ds, BITS_STORED, bitsAllocated);
            int highBit = (int) number(ds, HIGH_BIT, bitsStored - 1);
            boolean signed = number(ds, Tag.PIXEL_REPRESENTATION, 0) == 1;
            boolean planar = number(ds, PLANAR_CONFIGURATION, 0) == 1;
            String photometric = text(ds, PHOTOMETRIC_INTERPRETATION).toUpperCase(Locale.ROOT);
            DicomImage.Photometric shown = switch (photometric) {
                case "MONOCHROME1" -> DicomImage.Photometric.MONOCHROME1;
                case "MONOCHROME2", "" -> DicomImage.Photometric.MONOCHROME2;
                default -> DicomImage.Photometric.COLOUR;
            };
            Element pixels = ds.get(Tag.PIXEL_DATA);
            DicomImage.Unavailable why = null;
            if (pixels == null) {
                why = DicomImage.Unavailable.NO_PIXEL_DATA;
            } else if (pixels.isFragments()) {
                why = DicomImage.Unavailable.COMPRESSED;
            } else if (!supported(photometric, samples, bitsAllocated, bitsStored, highBit) || columns < 1 || rows < 1
                    || (long) columns * rows > Integer.MAX_VALUE / 4) {
                why = DicomImage.Unavailable.UNSUPPORTED;
            } else if (pixels.valueLength() * 8 < frameBits(photometric, columns, rows, samples, bitsAllocated) * frames) {
                why = DicomImage.Unavailable.SHORT;
            }
            double center = decimal(ds, WINDOW_CENTER, Double.NaN);
            double width = decimal(ds, WINDOW_WIDTH, Double.NaN);
            double slope = decimal(ds, RESCALE_SLOPE, 1);
            DicomImage.Header header = new DicomImage.Header(Math.max(columns, 0), Math.max(rows, 0), frames, shown,
                    shown == DicomImage.Photometric.COLOUR ? 8 : bitsStored, slope == 0 ? 1 : slope,
                    decimal(ds, RESCALE_INTERCEPT, 0), center, width, text(ds, MODALITY), text(ds, MANUFACTURER),
                    text(ds, MODEL_NAME), text(ds, Tag.SOP_CLASS_UID), why);
            return new Layout(header, pixels, samples, bitsAllocated, bitsStored, highBit + 1 - bitsStored, signed,
                    planar, photometric);
        }

        private static boolean supported(String photometric, int samples, int bitsAllocated, int bitsStored,
                int highBit) {
            boolean bitsOk = bitsStored >= 1 && bitsStored <= bitsAllocated && highBit >= bitsStored - 1
                    && highBit < bitsAllocated;
            return switch (photometric) {
                case "MONOCHROME1", "MONOCHROME2", "" -> samples == 1 && bitsOk
                        && (bitsAllocated == 1 || bitsAllocated == 8 || bitsAllocated == 16 || bitsAllocated == 32);
                case "RGB", "YBR_FULL" -> samples == 3 && bitsOk && (bitsAllocated == 8 || bitsAllocated == 16);
                case "YBR_FULL_422" -> samples == 3 && bitsAllocated == 8 && bitsOk;
                default -> false;
            };
        }

        /** Bits one frame takes in the pixel data. */
        private static long frameBits(String photometric, int columns, int rows, int samples, int bitsAllocated) {
            if (photometric.equals("YBR_FULL_422")) {
                return (long) rows * ((columns + 1) / 2 * 4) * 8;
            }
            return (long) columns * rows * samples * bitsAllocated;
        }

        DicomImage frame(int frame) throws JobException {
            if (header.unavailable() != null) {
                throw new JobException(JobException.Reason.FILE_FAILED, "the image cannot be shown ("
                        + header.unavailable() + ")", null);
            }
            if (frame < 0 || frame >= header.frames()) {
                throw new IllegalArgumentException("frame " + frame + " of " + header.frames());
            }
            int columns = header.columns();
            int rows = header.rows();
            long bits = frameBits(photometric, columns, rows, samples, bitsAllocated);
            long firstBit = bits * frame;
            long from = firstBit / 8;
            int length = (int) ((firstBit + bits + 7) / 8 - from);
            byte[] raw;
            try {
                raw = bytes(from, length);
            } catch (IOException e) {
                throw new JobException(JobException.Reason.IO_ERROR, "cannot read the pixel data ("
                        + e.getClass().getSimpleName() + ")", e);
            }
            int n = columns * rows;
            int[] out = new int[n];
            if (header.photometric() != DicomImage.Photometric.COLOUR) {
                if (bitsAllocated == 1) {
                    int bit0 = (int) (firstBit % 8);
                    for (int i = 0; i < n; i++) {
                        int b = bit0 + i;
                        out[i] = raw[b >> 3] >> (b & 7) & 1;
                    }
                } else {
                    ByteBuffer in = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
                    for (int i = 0; i < n; i++) {
                        out[i] = stored(sample(in, i));
                    }
                }
                int min = Integer.MAX_VALUE;
                int max = Integer.MIN_VALUE;
                for (int v : out) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                return new DicomImage(header, frame, out, min, max);
            }
            colour(raw, out);
            return new DicomImage(header, frame, out, 0, 255);
        }

        private long sample(ByteBuffer in, int index) {
            return switch (bitsAllocated) {
                case 8 -> in.get(index) & 0xFF;
                case 16 -> in.getShort(index * 2) & 0xFFFF;
                default -> in.getInt(index * 4) & 0xFFFFFFFFL;
            };
        }

        /** The stored value in the allocated bits: Bits Stored wide ending at High Bit, sign-extended when signed. */
        private int stored(long allocated) {
            long v = allocated >>> shift & ((1L << bitsStored) - 1);
            if (signed && bitsStored < 64 && (v & 1L << (bitsStored - 1)) != 0) {
                v -= 1L << bitsStored;
            }
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        }

        private void colour(byte[] raw, int[] out) {
            int n = out.length;
            if (photometric.equals("YBR_FULL_422")) {
                int columns = header.columns();
                int rowBytes = (columns + 1) / 2 * 4;
                for (int y = 0; y < header.rows(); y++) {
                    for (int x = 0; x < columns; x++) {
                        int pair = y * rowBytes + x / 2 * 4;
                        int luma = raw[pair + (x & 1)] & 0xFF;
                        out[y * columns + x] = ybr(luma, raw[pair + 2] & 0xFF, raw[pair + 3] & 0xFF);
                    }
                }
                return;
            }
            ByteBuffer in = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            int down = bitsAllocated == 16 ? Math.max(0, bitsStored - 8) : 0;
            int[] s = new int[3];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < 3; c++) {
                    int index = planar ? c * n + i : i * 3 + c;
                    s[c] = (int) (sample(in, index) >>> shift >>> down) & 0xFF;
                }
                out[i] = photometric.equals("YBR_FULL") ? ybr(s[0], s[1], s[2])
                        : 0xFF000000 | s[0] << 16 | s[1] << 8 | s[2];
            }
        }

        private static int ybr(int luma, int cb, int cr) {
            int r = clamp(luma + 1.402 * (cr - 128));
            int g = clamp(luma - 0.344136 * (cb - 128) - 0.714136 * (cr - 128));
            int b = clamp(luma + 1.772 * (cb - 128));
            return 0xFF000000 | r << 16 | g << 8 | b;
        }

        private static int clamp(double v) {
            return (int) Math.max(0, Math.min(255, Math.round(v)));
        }

        /** {@code length} bytes of the pixel data from {@code from}, multi-byte samples little endian. */
        private byte[] bytes(long from, int length) throws IOException {
            byte[] out = new byte[length];
            if (pixels.bytes() != null) {
                System.arraycopy(pixels.bytes(), (int) from, out, 0, length);
                return out;
            }
            BulkData bulk = pixels.bulk();
            try (FileChannel ch = FileChannel.open(bulk.file(), StandardOpenOption.READ)) {
                ByteBuffer b = ByteBuffer.wrap(out);
                long pos = bulk.offset() + from;
                while (b.hasRemaining()) {
                    int read = ch.read(b, pos);
                    if (read < 0) {
                        throw new IOException("the file is shorter than its pixel data");
                    }
                    pos += read;
                }
            }
            int unit = pixels.vr() == VR.OB ? 1 : bitsAllocated / 8;
            if (bulk.bigEndian() && unit > 1) {
                for (int i = 0; i + unit <= length; i += unit) {
                    for (int a = i, z = i + unit - 1; a < z; a++, z--) {
                        byte t = out[a];
                        out[a] = out[z];
                        out[z] = t;
                    }
                }
            }
            return out;
        }
    }

    private static long number(Dataset ds, int tag, long otherwise) {
        try {
            return ds.getLong(tag, otherwise);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static double decimal(Dataset ds, int tag, double otherwise) {
        try {
            double v = ds.getDouble(tag, otherwise);
            return Double.isFinite(v) ? v : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String text(Dataset ds, int tag) {
        String s = ds.getString(tag);
        return s == null ? "" : s.strip();
    }

    private static void closeQuietly(DicomFile file) {
        try {
            file.close();
        } catch (IOException e) {
            // a spool file in the temporary folder, removed by the system
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
            LIVE_COPIES.remove(file);
        } catch (IOException e) {
            // a de-identified temporary copy; the system's temporary folder is cleaned up
        }
    }
}
