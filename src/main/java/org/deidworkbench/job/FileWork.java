package org.deidworkbench.job;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.format.DeferredException;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.format.FileStats;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.FormatHandler;
import org.deidworkbench.format.WithheldException;
import org.deidworkbench.io.LeavesOpen;
import org.deidworkbench.model.FileReport;
import org.deidworkbench.model.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of a run on one file — scan it, transform it into a part file — and what becomes of a
 * file that fails: the one implementation, used by {@link RunJob}'s threads and by a cluster's
 * workers alike ({@link FilePasses}), so a file ends the same way wherever it is cleaned. Stateless.
 */
public final class FileWork {

    private static final Logger LOGGER = LoggerFactory.getLogger(FileWork.class);

    private FileWork() {
    }

    /**
     * What transforming one file came to.
     *
     * @param report the file's report (without its output name, set when the run names its outputs)
     * @param deferred whether the transform was deferred to the processor's finish step
     */
    public record Outcome(FileReport report, boolean deferred) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** One processor per registered format, bound to {@code engine} (scratch: the processors' temporary folder, or null). */
    public static Map<FileFormat, FileProcessor> processors(Deidentifier engine, boolean scanPass, Path scratch) {
        Map<FileFormat, FileProcessor> processors = new EnumMap<>(FileFormat.class);
        for (FormatHandler handler : FormatRegistry.handlers()) {
            FileProcessor processor = scratch == null ? handler.processor(engine, !scanPass)
                    : handler.processor(engine, !scanPass, scratch);
            handler.formats().forEach(f -> processors.put(f, processor));
        }
        return processors;
    }

    /**
     * A folder for the processors' temporary files (e.g. inflated copies of compressed inputs, which
     * hold original values in clear): {@code parent/scratch}, readable by the owner only where the file
     * system has POSIX permissions. The caller deletes it with {@code parent}.
     */
    public static Path scratchFolder(Path parent) throws IOException {
        Path scratch = parent.resolve("scratch");
        if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createDirectory(scratch, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createDirectory(scratch);
    }

    /**
     * Pass 1 on one file: its identifiers go to the processor's engine.
     *
     * @return null when the file was scanned, else the report of a file that failed (it is not transformed)
     * @throws CancellationException when {@code cancelled} says so
     */
    public static FileReport scan(RunFile f, FileProcessor processor, BooleanSupplier cancelled) {
        if (processor == null) {
            return null;
        }
        try {
            processor.scan(f.path(), "", cancelled);
            return null;
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            return internalError(f, e);
        } catch (FormatException e) {
            return failed(f, e.code(), e.location(), e.getMessage());
        } catch (IOException e) {
            return failed(f, "IO-READ", "", "cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Pass 2 on one file: writes its de-identified content to {@code part}, forced to disk, or says why
     * there is none (then no {@code part} is left).
     *
     * @throws IOException only when {@code part}'s folder is gone (the run is over); every other
     *     failure is the file's and is reported in the outcome
     */
    public static Outcome transform(RunFile f, FileProcessor processor, Path part, BooleanSupplier cancelled)
            throws IOException {
        return transform(f, processor, part, cancelled, null);
    }

    /**
     * As {@link #transform(RunFile, FileProcessor, Path, BooleanSupplier)}, with a written part handed, still
     * open, to {@code syncer}, which forces it on a thread of its own (null: forced here); the caller waits for
     * the syncer before the part may be renamed into the output.
     */
    static Outcome transform(RunFile f, FileProcessor processor, Path part, BooleanSupplier cancelled,
            PartSyncer syncer) throws IOException {
        if (processor == null) {
            String[] reason = FormatRegistry.withheldReason(f.format(), f.path());
            return new Outcome(ended(f, FileReport.Status.QUARANTINED, new Problem(reason[0], "", "", reason[1])), false);
        }
        try {
            return new Outcome(writePart(f, part, os -> processor.transform(f.path(), "", os, cancelled), syncer), false);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            return new Outcome(internalError(f, e), false);
        } catch (WithheldException e) {
            // Read correctly but not safe to release (e.g. burned-in annotation without a redaction): never copied.
            // A deferred file stays so unless its processor's finish step makes its output.
            return new Outcome(withheld(f, e.code(), e.location(), e.getMessage()), e instanceof DeferredException);
        } catch (FormatException e) {
            return new Outcome(failed(f, e.code(), e.location(), e.getMessage()), false);
        } catch (IOException e) {
            if (!Files.isDirectory(part.getParent())) {
                throw e;
            }
            return new Outcome(failed(f, "IO-READ", "", "cannot read the file (" + e.getClass().getSimpleName() + ")"),
                    false);
        }
    }

    /** Produces a part's content and says what was done. */
    interface PartBody {
        FileStats write(OutputStream out) throws IOException, FormatException;
    }

    /**
     * Writes {@code part} with {@code body}, forced to disk, and returns the report of a written file;
     * on any failure the part is deleted and the exception passes.
     */
    static FileReport writePart(RunFile f, Path part, PartBody body) throws IOException, FormatException {
        return writePart(f, part, body, null);
    }

    /**
     * As {@link #writePart(RunFile, Path, PartBody)}; with {@code syncer} null the part is forced here, else it is
     * handed, still open, to {@code syncer}, which forces and closes it.
     */
    static FileReport writePart(RunFile f, Path part, PartBody body, PartSyncer syncer)
            throws IOException, FormatException {
        MessageDigest sha256 = takeSha256();
        FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        boolean released = false; // closed here, or handed to the syncer, which closes it whatever happens
        try {
            FileStats stats;
            // The streams over the channel leave it open: it is forced below or by the syncer, then closed.
            OffloadedDigest hashed = new OffloadedDigest(new PartBuffer(
                    new EarlyWriteback(new LeavesOpen(Channels.newOutputStream(channel)), channel)), sha256);
            try (OutputStream os = hashed) {
                stats = body.write(os);
                os.flush();
                // fdatasync: the bytes and what reading them back needs (size, blocks) are on disk before
                // the part can be renamed; the name itself is made durable by the folder sync after the
                // renames. Timestamps are not part of the guarantee (decision 0004). A run's workers leave it to
                // a PartSyncer, which forces the part on a thread of its own before the run renames it.
                if (syncer == null) {
                    channel.force(false);
                }
            }
            if (syncer == null) {
                released = true;
                channel.close();
            }
            String hash = HexFormat.of().formatHex(hashed.digest());
            SPARE_SHA256.set(sha256); // digest() has reset it: the next part of this thread starts from nothing
            FileReport written = new FileReport("", f.input(), f.format().name(), FileReport.Status.WRITTEN,
                    stats.records(), hash, stats.actionCounts(), stats.unmatchedFields(),
                    stats.warnings(), stats.warningCount() - stats.warnings().size(), stats.fields());
            if (syncer != null) {
                released = true;
                syncer.submit(f.index(), part, channel);
            }
            return written;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Files.deleteIfExists(part);
            throw new CancellationException("interrupted");
        } catch (IOException | FormatException | RuntimeException e) {
            if (!released) {
                released = true;
                PartSyncer.closeQuietly(channel); // before the deletion, which an open file would prevent on some systems
            }
            Files.deleteIfExists(part);
            throw e;
        } finally {
            if (!released) {
                PartSyncer.closeQuietly(channel);
            }
        }
    }

    static FileReport withheld(RunFile f, String code, String location, String message) {
        return ended(f, FileReport.Status.QUARANTINED, new Problem(code, "", location, message + "; withheld, never copied"));
    }

    static FileReport failed(RunFile f, String code, String location, String message) {
        return ended(f, FileReport.Status.FAILED, new Problem(code, "", location,
                message + "; nothing was written for this file"));
    }

    static FileReport ended(RunFile f, FileReport.Status status, Problem why) {
        return new FileReport("", f.input(), f.format().name(), status, 0, "", new TreeMap<>(), List.of(), List.of(why), 0);
    }

    /** A defect in deid itself must not stop the other files, nor leak a value through its message. */
    static FileReport internalError(RunFile f, RuntimeException e) {
        LOGGER.error("internal error on input file #{} ({})", f.index() + 1, e.getClass().getName());
        return failed(f, "INTERNAL-ERROR", "", "deid failed on this file (" + e.getClass().getSimpleName()
                + "); please report it");
    }

    /**
     * One SHA-256 per thread, lent to a part and given back only once the part's digest has been taken
     * (which resets it): a part that fails leaves its digest behind, half-fed or still in a hashing thread's
     * hands, and the thread's next part gets a new one. Asking the providers for a new digest per part
     * (3,000 CT slices a run) cost a lookup and its allocations per file (decision 0071).
     */
    private static final ThreadLocal<MessageDigest> SPARE_SHA256 = new ThreadLocal<>();

    private static MessageDigest takeSha256() {
        MessageDigest d = SPARE_SHA256.get();
        if (d == null) {
            return sha256();
        }
        SPARE_SHA256.set(null);
        return d;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
