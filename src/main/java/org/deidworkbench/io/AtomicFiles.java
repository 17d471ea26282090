package org.deidworkbench.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that no reader ever sees a half-written one: the content goes to a temporary file
 * in the target's folder (same file system), is written completely and forced to disk, optionally
 * checked, then moved over the target in one atomic rename, and the folder is forced too. On any
 * failure the temporary file is deleted and the target is unchanged. There is no silent fallback: a
 * file system that cannot rename atomically gives an {@link AtomicWriteException} saying so.
 *
 * <p>Failures of the writer's own steps (creating, writing, forcing or moving the temporary file)
 * are {@link AtomicWriteException}s; what the {@link Body} or the {@link TempCheck} throws passes
 * through unchanged; {@link #create} refuses an existing target with {@link FileAlreadyExistsException}.
 *
 * <p>Thread-safe; each call uses its own temporary file. Cost: one extra fsync of the file and one of
 * the folder per call, plus what the check costs.
 */
public final class AtomicFiles {

    /** Writes a file's content to a stream (the stream is closed by {@link AtomicFiles}). */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Checks the finished, forced temporary file before it is moved into place, e.g. by reading it
     * back; throwing stops the write, the target stays unchanged and the temporary file is deleted.
     */
    @FunctionalInterface
    public interface TempCheck {
        void check(Path temp) throws IOException;
    }

    /**
     * How a file is put in place: replacing or only creating, readable by whom, checked how.
     * Immutable; {@link #replacing()} is what {@link #write(Path, Body)} uses.
     */
    public static final class Options {
        private static final TempCheck NO_CHECK = temp -> { };

        private final boolean replace;
        private final boolean ownerOnly;
        private final TempCheck check;

        private Options(boolean replace, boolean ownerOnly, TempCheck check) {
            this.replace = replace;
            this.ownerOnly = ownerOnly;
            this.check = check;
        }

        /** Replaces an existing target; the new file gets the default permissions (umask). */
        public static Options replacing() {
            return new Options(true, false, NO_CHECK);
        }

        /**
         * Creates the target only if it does not exist, also when another process creates it
         * meanwhile: then {@link FileAlreadyExistsException} and nothing is written.
         */
        public static Options creating() {
            return new Options(false, false, NO_CHECK);
        }

        /** The same, but the file is readable and writable by its owner only (POSIX; elsewhere ignored). */
        public Options ownerOnly() {
            return new Options(replace, true, check);
        }

        /** The same, with {@code check} run on the temporary file before the move. */
        public Options checkedBy(TempCheck check) {
            return new Options(replace, ownerOnly, Objects.requireNonNull(check, "check"));
        }
    }

    /** Opens the channel of a temporary file; a seam so tests can inject faults. */
    @FunctionalInterface
    interface ChannelOpener {
        FileChannel open(Path temp) throws IOException;
    }

    /** Moves a file atomically; a seam so tests can simulate file systems without atomic rename. */
    @FunctionalInterface
    interface Mover {
        void move(Path source, Path target, boolean replace) throws IOException;
    }

    /** Makes a second name for a file ({@link Files#createLink}); a seam for file systems without hard links. */
    @FunctionalInterface
    interface Linker {
        void link(Path link, Path existing) throws IOException;
    }

    /** Longest part of the target's name kept in the temporary file's name (well within 255 bytes). */
    private static final int TEMP_NAME_CHARS = 60;

    private static final AtomicFiles DEFAULT = new AtomicFiles(
            temp -> FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING),
            AtomicFiles::atomicMove);

    private final ChannelOpener opener;
    private final Mover mover;

    AtomicFiles(ChannelOpener opener, Mover mover) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.mover = Objects.requireNonNull(mover, "mover");
    }

    /** Writes {@code bytes} to {@code target}, replacing it atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        DEFAULT.writeFile(target, out -> out.write(bytes), Options.replacing());
    }

    /** Writes what {@code body} produces to {@code target}, replacing it atomically. */
    public static void write(Path target, Body body) throws IOException {
        DEFAULT.writeFile(target, body, Options.replacing());
    }

    /**
     * Writes what {@code body} produces to a new file {@code target}; fails with
     * {@link FileAlreadyExistsException} (and writes nothing) if {@code target} exists, also when
     * another process creates it meanwhile.
     */
    public static void create(Path target, Body body) throws IOException {
        DEFAULT.writeFile(target, body, Options.creating());
    }

    /** Writes what {@code body} produces to {@code target} as {@code options} say. */
    public static void write(Path target, Body body, Options options) throws IOException {
        DEFAULT.writeFile(target, body, options);
    }

    /**
     * Moves a finished file (e.g. a fully written and forced part file) to {@code target} atomically,
     * replacing it, and forces the target's folder. Both must be on one file system.
     *
     * @throws AtomicWriteException when the file system cannot rename atomically or the move fails;
     *         {@code source} is then left where it was
     */
    public static void move(Path source, Path target) throws IOException {
        DEFAULT.moveFile(source, target);
    }

    /**
     * As {@link #move(Path, Path)} but without forcing the target's folder: for moving many files
     * into few folders, the caller forces each folder once with {@link #syncFolder} after the moves
     * and before anything declares them complete.
     */
    public static void moveWithoutFolderSync(Path source, Path target) throws IOException {
        DEFAULT.moveInPlace(source, target.toAbsolutePath(), true);
    }

    /**
     * Forces a folder's entries to disk, so a rename survives a crash. Platforms that cannot open a
     * folder for syncing (Windows) are skipped: there, the rename itself is the durable step.
     */
    public static void syncFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not supported on this platform; see Javadoc
        }
    }

    void writeFile(Path target, Body body, Options options) throws IOException {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(options, "options");
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (!options.replace && Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "exists and was not replaced");
        }
        Path temp = createTemp(absolute, options.ownerOnly);
        try {
            try (FileChannel ch = open(temp, absolute); OutputStream out = new ChannelOutput(ch, absolute)) {
                body.writeTo(out);
                out.flush();
                force(ch, absolute);
            }
            options.check.check(temp);
            moveInPlace(temp, absolute, options.replace);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException d) {
                e.addSuppressed(d);
            }
            throw e;
        }
        syncFolder(folder);
    }

    void moveFile(Path source, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        moveInPlace(source, absolute, true);
        syncFolder(absolute.getParent());
    }

    private void moveInPlace(Path source, Path target, boolean replace) throws IOException {
        try {
            mover.move(source, target, replace);
        } catch (AtomicMoveNotSupportedException e) {
            throw new AtomicWriteException(target, "the file system of " + target.getParent()
                    + " cannot rename files atomically, so " + target.getFileName()
                    + " cannot be written safely; write to a local disk instead", e);
        } catch (FileAlreadyExistsException e) {
            if (replace) {
                throw failure(target, "moving it into place", e);
            }
            throw e;
        } catch (IOException e) {
            throw failure(target, "moving it into place", e);
        }
    }

    /** A new, empty temporary file next to {@code target}, hidden, its name unique to this call. */
    private static Path createTemp(Path target, boolean ownerOnly) throws IOException {
        String name = target.getFileName().toString();
        int keep = Math.min(name.length(), TEMP_NAME_CHARS);
        if (keep > 0 && Character.isHighSurrogate(name.charAt(keep - 1))) {
            keep--;
        }
        String prefix = "." + name.substring(0, keep) + ".";
        boolean posix = target.getFileSystem().supportedFileAttributeViews().contains("posix");
        while (true) {
            Path temp = target.resolveSibling(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try {
                return ownerOnly && posix
                        ? Files.createFile(temp, PosixFilePermissions.asFileAttribute(
                                EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)))
                        : Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                // another writer drew the same name: draw again
            } catch (IOException e) {
                throw failure(target, "creating its temporary file", e);
            }
        }
    }

    private FileChannel open(Path temp, Path target) throws IOException {
        try {
            return opener.open(temp);
        } catch (IOException e) {
            throw failure(target, "opening its temporary file", e);
        }
    }

    private static void force(FileChannel ch, Path target) throws IOException {
        try {
            ch.force(true);
        } catch (IOException e) {
            throw failure(target, "forcing it to disk", e);
        }
    }

    private static AtomicWriteException failure(Path target, String step, IOException cause) {
        return new AtomicWriteException(target, "cannot write " + target + ": " + step + " failed ("
                + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                + "); the previous file, if any, is unchanged", cause);
    }

    /** The default mover: an atomic rename, or for "create" an atomic create-if-absent. */
    static void atomicMove(Path source, Path target, boolean replace) throws IOException {
        if (replace) {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            moveNoReplace(source, target, Files::createLink);
        }
    }

    /**
     * Puts {@code source} at {@code target} only if nothing is there, atomically: a hard link is the
     * JDK's one "create if absent" for a finished file. Without hard links (FAT, some shares) the name
     * is claimed with an exclusive create and then renamed over; a crash between the two leaves an
     * empty file, never a wrong one.
     */
    static void moveNoReplace(Path source, Path target, Linker linker) throws IOException {
        try {
            linker.link(target, source);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | IOException e) {
            claimThenRename(source, target);
            return;
        }
        try {
            Files.delete(source);
        } catch (IOException e) {
            // the target is complete; the leftover temporary name points at the same finished bytes
        }
    }

    private static void claimThenRename(Path source, Path target) throws IOException {
        Files.createFile(target); // FileAlreadyExistsException when another writer was first
        try {
            // ATOMIC_MOVE renames over the target; here that is only our own empty placeholder
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                if (Files.size(target) == 0) {
                    Files.delete(target);
                }
            } catch (IOException d) {
                e.addSuppressed(d);
            }
            throw e;
        }
    }

    /** An output stream over a channel that writes every byte (a channel write may write fewer). */
    private static final class ChannelOutput extends FilterOutputStream {
        private final FileChannel channel;
        private final Path target;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

        ChannelOutput(FileChannel channel, Path target) {
            super(OutputStream.nullOutputStream());
            this.channel = channel;
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            if (!buffer.hasRemaining()) {
                drain();
            }
            buffer.put((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len >= buffer.capacity()) {
                drain();
                writeFully(ByteBuffer.wrap(b, off, len));
                return;
            }
            if (len > buffer.remaining()) {
                drain();
            }
            buffer.put(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            drain();
        }

        @Override
        public void close() throws IOException {
            drain();
        }

        private void drain() throws IOException {
            buffer.flip();
            try {
                writeFully(buffer);
            } finally {
                buffer.clear();
            }
        }

        private void writeFully(ByteBuffer src) throws IOException {
            try {
                while (src.hasRemaining()) {
                    channel.write(src);
                }
            } catch (IOException e) {
                throw failure(target, "writing its temporary file", e);
            }
        }
    }
}
