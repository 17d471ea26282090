package org.deidworkbench.dicom;

import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Throughput harness (not a unit test): read+write of a few thousand small files and of one large
 * multi-frame file, each next to a plain file copy of the same bytes, with peak heap. Writes a
 * Markdown report (no console output). Usage, from the project directory after test-compile:
 *
 * <pre>
 * java -Xmx64m -cp target/classes:target/test-classes org.deidworkbench.dicom.DicomBenchmark \
 *      target/dicom-benchmark.md 3000 2147483648
 * </pre>
 *
 * Arguments: report file, number of small files, pixel data bytes of the large file. Small files
 * cycle through the synthetic fixtures and, when installed, pydicom's test corpus.
 */
public final class DicomBenchmark {

    private DicomBenchmark() {
    }

    private record Result(String what, int files, long bytes, double seconds, long peakHeap) {
        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %.1f | %.2f | %.0f | %.1f | %.1f |", what, files,
                    bytes / 1e6, seconds, files / seconds, bytes / 1e6 / seconds, peakHeap / 1e6);
        }
    }

    /** Runs the benchmark; see the class comment for arguments. */
    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "target/dicom-benchmark.md");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        long largeBytes = args.length > 2 ? Long.parseLong(args[2]) : 2L << 30;
        Path work = Files.createTempDirectory("dicom-bench");
        List<Result> results = new ArrayList<>();
        try {
            List<Path> small = prepareSmall(work.resolve("small"), count);
            results.add(measure("small files: plain copy", small, work.resolve("copy-small"), false));
            results.add(measure("small files: read + write", small, work.resolve("out-small"), true));
            results.add(measure("small files: read + write (warm)", small, work.resolve("out-small2"), true));
            results.add(inMemory(small));
            Path large = work.resolve("large").resolve("multiframe.dcm");
            Files.createDirectories(large.getParent());
            createLarge(large, largeBytes);
            results.add(measure("large multi-frame: plain copy", List.of(large), work.resolve("copy-large"), false));
            results.add(measure("large multi-frame: read + write", List.of(large), work.resolve("out-large"), true));
            results.add(measure("large multi-frame: plain copy (again)", List.of(large), work.resolve("copy-large"),
                    false));
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
            w.write(String.format(Locale.ROOT, "Java %s, max heap %d MB, %d processors%n%n",
                    System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors()));
            w.write("| run | files | MB | seconds | files/s | MB/s | peak heap MB |\n");
            w.write("|---|---|---|---|---|---|---|\n");
            for (Result r : results) {
                w.write(r.row() + "\n");
            }
        }
    }

    private static List<Path> prepareSmall(Path dir, int count) throws Exception {
        Files.createDirectories(dir);
        List<byte[]> sources = new ArrayList<>(SyntheticFixtures.all().values());
        Path corpus = DicomTestFiles.PYDICOM_DATA.resolve("test_files");
        if (Files.isDirectory(corpus)) {
            for (String name : new String[] {"CT_small.dcm", "MR_small.dcm", "rtplan.dcm", "JPEG2000.dcm",
                "MR_small_bigendian.dcm", "SC_rgb_rle.dcm", "waveform_ecg.dcm", "rtdose.dcm"}) {
                Path p = corpus.resolve(name);
                if (Files.isRegularFile(p)) {
                    sources.add(Files.readAllBytes(p));
                }
            }
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path p = dir.resolve(String.format("f%05d.dcm", i));
            Files.write(p, sources.get(i % sources.size()));
            files.add(p);
        }
        return files;
    }

    private static void createLarge(Path file, long pixelBytes) throws Exception {
        Dataset ds = new Dataset();
        ds.putStrings(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7.2");
        ds.putStrings(Tag.SOP_INSTANCE_UID, VR.UI, "2.25.4242");
        ds.putLongs(0x00280010, VR.US, 1024);
        ds.putLongs(0x00280011, VR.US, 1024);
        ds.putLongs(Tag.BITS_ALLOCATED, VR.US, 16);
        ds.putStrings(0x00280008, VR.IS, Long.toString(pixelBytes / (2L << 20)));
        byte[] header = SyntheticFixtures.part10(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] pixelHeader = new Bytes().explicitHeader(Tag.PIXEL_DATA, "OW", pixelBytes).toBytes();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(header));
            ch.write(ByteBuffer.wrap(pixelHeader));
            ByteBuffer frame = ByteBuffer.allocate(1 << 20);
            for (int i = 0; i < frame.capacity(); i++) {
                frame.put((byte) (i * 31 + (i >> 10)));
            }
            long left = pixelBytes;
            while (left > 0) {
                frame.clear();
                frame.limit((int) Math.min(frame.capacity(), left));
                left -= ch.write(frame);
            }
        }
    }

    /** Codec cost alone: the same files read from byte arrays and written to a null stream. */
    private static Result inMemory(List<Path> files) throws Exception {
        // The distinct sources only (the file list cycles through them), so a small heap holds them.
        List<byte[]> data = new ArrayList<>();
        for (Path p : files.subList(0, Math.min(files.size(), 16))) {
            data.add(Files.readAllBytes(p));
        }
        long bytes = 0;
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        DicomReader reader = new DicomReader();
        DicomWriter writer = new DicomWriter();
        for (int i = 0; i < files.size(); i++) {
            byte[] b = data.get(i % data.size());
            writer.write(reader.read(b), OutputStream.nullOutputStream());
            bytes += b.length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Result("small files: in memory, codec only", files.size(), bytes, seconds, peak);
    }

    private static Result measure(String what, List<Path> files, Path outDir, boolean codec) throws Exception {
        Files.createDirectories(outDir);
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long bytes = 0;
        long start = System.nanoTime();
        DicomReader reader = new DicomReader();
        DicomWriter writer = new DicomWriter();
        for (Path p : files) {
            Path target = outDir.resolve(p.getFileName());
            if (codec) {
                DicomFile f = reader.read(p);
                try (OutputStream out = Files.newOutputStream(target)) {
                    writer.write(f, out);
                }
            } else {
                Files.copy(p, target);
            }
            bytes += Files.size(p);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        try (Stream<Path> s = Files.list(outDir)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        return new Result(what, files.size(), bytes, seconds, peak);
    }
}
