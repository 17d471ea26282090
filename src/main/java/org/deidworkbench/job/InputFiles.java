package org.deidworkbench.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FormatDetector;

/** Finds the files of a run's inputs and detects their formats. Stateless. */
final class InputFiles {

    private InputFiles() {
    }

    /**
     * One input file.
     *
     * @param index position in the run (0-based, in name order); names the work file
     * @param input which of the run's inputs it belongs to (1-based, as given on the command line)
     * @param path absolute path
     * @param relative path under its input, '/'-separated; with several inputs prefixed by the input's
     *     own name. May contain identifiers: it becomes an output name only after scrubbing
     * @param size bytes
     * @param format detected format ({@code UNKNOWN} for links and unreadable files)
     */
    record InputFile(int index, int input, Path path, String relative, long size, FileFormat format) {
        /** As the per-file passes see it. */
        RunFile toRunFile() {
            return new RunFile(index, input, path, size, format);
        }

        @Override
        public String toString() {
            return "InputFile[#" + (index + 1) + ", input " + input + ", " + format + "]";
        }
    }

    /** Every file below the inputs, sorted by relative name (then input number) so runs are repeatable. */
    static List<InputFile> walk(List<Path> inputs) throws JobException {
        return walk(inputs, null, null);
    }

    /** The inputs' files as {@code passes} list them where they live; null: walked here. */
    static List<FilePasses.Listed> listed(List<Path> inputs, FilePasses passes) throws JobException {
        try {
            return passes == null ? null : passes.list(inputs);
        } catch (IOException e) {
            throw new JobException(JobException.Reason.IO_ERROR, "cannot list the inputs (" + e.getClass().getSimpleName()
                    + ")", e);
        }
    }

    /**
     * As {@link #walk(List)}, with {@code passes} (null: none) detecting the files' formats where they live
     * ({@link FilePasses#detect}) when they do so, and the files {@code listed} by them ({@link #listed}; null:
     * walked here; sizes and which entries are regular files then come from the listing). Names, order and
     * numbers are the same either way.
     */
    static List<InputFile> walk(List<Path> inputs, FilePasses passes, List<FilePasses.Listed> listed)
            throws JobException {
        return walk(inputs, passes, listed, null, 1);
    }

    /**
     * As {@link #walk(List, FilePasses, List)}, detecting the formats of the files walked here in {@code threads}
     * slices on {@code pool} (null: on this thread). A folder's files are found with their attributes, one
     * {@code lstat} each, by the walk itself. Names, order, sizes and formats are the same either way.
     */
    static List<InputFile> walk(List<Path> inputs, FilePasses passes, List<FilePasses.Listed> listed,
            ExecutorService pool, int threads) throws JobException {
        /* regular and size: null when not known yet (a listed file, or an input named directly). */
        record Found(Path path, String relative, int input, Boolean regular, long size) {
        }
        List<Found> found = new ArrayList<>();
        boolean several = inputs.size() > 1;
        Map<Path, Long> listedSizes = new HashMap<>();
        if (listed != null) {
            for (FilePasses.Listed l : listed) {
                Path in = inputs.get(l.input() - 1).toAbsolutePath().normalize();
                Path p = l.path().toAbsolutePath().normalize();
                String relative = p.equals(in) ? String.valueOf(in.getFileName())
                        : (several ? in.getFileName() + "/" : "") + slashes(in.relativize(p));
                found.add(new Found(p, relative, l.input(), null, 0));
                listedSizes.put(p, l.size());
            }
        }
        for (int i = 0; i < inputs.size() && listed == null; i++) {
            Path in = inputs.get(i).toAbsolutePath().normalize();
            int number = i + 1;
            if (Files.isDirectory(in, LinkOption.NOFOLLOW_LINKS)) {
                String prefix = several ? in.getFileName() + "/" : "";
                try {
                    // Links are not followed: a link (to a folder too) is an entry of its own, as the walk sees it
                    // (lstat); what is neither a folder nor a link nor a regular file is listed, of unknown format.
                    Files.walkFileTree(in, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                            found.add(new Found(p, prefix + slashes(in.relativize(p)), number,
                                    !attrs.isSymbolicLink() && attrs.isRegularFile(), attrs.size()));
                            return FileVisitResult.CONTINUE;
                        }
                    });
                } catch (IOException | UncheckedIOException e) {
                    throw new JobException(JobException.Reason.IO_ERROR, "cannot list the input folder " + inputs.get(i),
                            e);
                }
            } else {
                found.add(new Found(in, String.valueOf(in.getFileName()), number, null, 0));
            }
        }
        found.sort(Comparator.comparing(Found::relative).thenComparingInt(Found::input));
        long[] sizes = new long[found.size()];
        FileFormat[] formats = new FileFormat[found.size()];
        List<Path> regular = new ArrayList<>();
        List<Integer> regularAt = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            formats[i] = FileFormat.UNKNOWN;
            if (listed != null) {
                sizes[i] = listedSizes.get(f.path());
                regular.add(f.path());
                regularAt.add(i);
                continue;
            }
            if (f.regular() != null) {
                if (f.regular()) {
                    sizes[i] = f.size();
                    regular.add(f.path());
                    regularAt.add(i);
                }
                continue;
            }
            try {
                if (!Files.isSymbolicLink(f.path()) && Files.isRegularFile(f.path(), LinkOption.NOFOLLOW_LINKS)) {
                    sizes[i] = Files.size(f.path());
                    regular.add(f.path());
                    regularAt.add(i);
                }
            } catch (IOException e) {
                // unreadable: listed as of unknown format, as a file no format owns
            }
        }
        if (!regular.isEmpty()) {
            List<FileFormat> detected;
            try {
                detected = passes == null ? null : passes.detect(regular);
            } catch (IOException e) {
                throw new JobException(JobException.Reason.IO_ERROR, "cannot detect the formats of the input files ("
                        + e.getClass().getSimpleName() + ")", e);
            }
            if (detected == null && listed != null) {
                throw new IllegalStateException("files listed by the passes must be detected by them");
            }
            if (detected == null) { // no passes, or they leave it to the run
                detected = detect(regular, pool, threads);
            }
            if (detected.size() != regular.size()) {
                throw new IllegalStateException("the detection returned " + detected.size() + " formats for "
                        + regular.size() + " files");
            }
            for (int i = 0; i < regular.size(); i++) {
                formats[regularAt.get(i)] = detected.get(i);
            }
        }
        List<InputFile> files = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            files.add(new InputFile(files.size(), f.input(), f.path(), f.relative(), sizes[i], formats[i]));
        }
        return files;
    }

    /** Fewest files in a detection slice: fewer than two slices' worth are detected on the calling thread alone. */
    static final int DETECT_SLICE = 64;

    /**
     * The formats of {@code paths}, in their order ({@code UNKNOWN} for a file that cannot be read): on this thread,
     * or with {@code pool}, in up to {@code threads} slices of at least {@link #DETECT_SLICE} files, the last of them
     * on this thread.
     */
    private static List<FileFormat> detect(List<Path> paths, ExecutorService pool, int threads) throws JobException {
        FileFormat[] formats = new FileFormat[paths.size()];
        int slices = pool == null ? 1 : Math.max(1, Math.min(threads, paths.size() / DETECT_SLICE));
        List<Future<?>> others = new ArrayList<>();
        int from = 0;
        for (int s = 0; s < slices; s++) {
            int to = (int) ((long) paths.size() * (s + 1) / slices);
            int a = from;
            if (s < slices - 1) {
                others.add(pool.submit(() -> detect(paths, formats, a, to)));
            } else {
                detect(paths, formats, a, to);
            }
            from = to;
        }
        try {
            for (Future<?> f : others) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            others.forEach(f -> f.cancel(true));
            throw new JobException(JobException.Reason.CANCELLED, "interrupted while detecting the formats of the inputs",
                    e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err; // as on one thread
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return List.of(formats);
    }

    private static void detect(List<Path> paths, FileFormat[] formats, int from, int to) {
        for (int i = from; i < to; i++) {
            try {
                formats[i] = FormatDetector.detect(paths.get(i));
            } catch (IOException e) {
                formats[i] = FileFormat.UNKNOWN;
            }
        }
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
