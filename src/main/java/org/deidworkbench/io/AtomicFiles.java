package org.deidworkbench.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes files so that no reader ever sees a half-written one: the content goes to a temporary file
 * in the target's folder (same file system), is written completely and forced to disk, then moved
 * over the target in one atomic rename, and the folder is forced too. On any failure the temporary
 * file is deleted and the target is unchanged. There is no silent fallback: a file system that
 * cannot rename atomically gives an {@link AtomicWriteException} saying so.
 *
 * <p>Thread-safe; each call uses its own temporary file. Cost: one extra fsync of the file and one of
 * the folder per call.
 */
public final class AtomicFiles {

    /** Writes a file's content to a stream (the stream is closed by {@link AtomicFiles}). */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
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
        DEFAULT.writeFile(target, out -> out.write(bytes), true);
    }

    /** Writes what {@code body} produces to {@code target}, replacing it atomically. */
    public static void write(Path target, Body body) throws IOException {
        DEFAULT.writeFile(target, body, true);
    }

    /**
     * Writes what {@code body} produces to a new file {@code target}; fails with
     * {@link FileAlreadyExistsException} (and writes nothing) if {@code target} exists, also when
     * another process creates it meanwhile.
     */
    public static void create(Path target, Body body) throws IOException {
        DEFAULT.writeFile(target, body, false);
    }

    /**
     * Moves a finished file (e.g. a fully written part file) to {@code target} atomically, replacing
     * it, and forces the target's folder. Both must be on one file system.
     */
    public static void move(Path source, Path target) throws IOException {
        DEFAULT.mover.move(source, target, true);
        syncFolder(target.toAbsolutePath().getParent());
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

    void writeFile(Path target, Body body, boolean replace) throws IOException {
        Objects.requireNonNull(body, "body");
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (!replace && Files.exists(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString());
        }
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = opener.open(temp); OutputStream out = new ChannelOutput(ch)) {
                body.writeTo(out);
                out.flush();
                ch.force(true);
            }
            mover.move(temp, absolute, replace);
            moved = true;
            syncFolder(folder);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Moves with ATOMIC_MOVE; "create" mode links first, so an existing target is never replaced. */
    static void atomicMove(Path source, Path target, boolean replace) throws IOException {
        if (!replace) {
            try {
                // A hard link is the one atomic "create if absent" the JDK offers.
                Files.createLink(target, source);
                Files.delete(source);
                return;
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | IOException e) {
                if (Files.exists(target)) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                // no hard links here (FAT, some shares): an atomic rename is still all-or-nothing
            }
        }
        try {
            if (replace) {
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            throw new AtomicWriteException(target, "the file system of " + target.getParent()
                    + " cannot rename files atomically, so " + target.getFileName()
                    + " cannot be written safely; write to a local disk instead", e);
        }
    }

    /** An output stream over a channel that writes every byte (a channel write may write fewer). */
    private static final class ChannelOutput extends FilterOutputStream {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

        ChannelOutput(FileChannel channel) {
            super(OutputStream.nullOutputStream());
            this.channel = channel;
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
            writeFully(buffer);
            buffer.clear();
        }

        private void writeFully(ByteBuffer src) throws IOException {
            while (src.hasRemaining()) {
                channel.write(src);
            }
        }
    }
}
