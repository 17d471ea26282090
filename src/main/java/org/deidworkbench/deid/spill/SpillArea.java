package org.deidworkbench.deid.spill;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

/**
 * A folder for a run's spilled data (decision 0026): every file in it is encrypted with AES-256-CTR
 * under a key that exists only in this object's memory (a fresh random key per run, never written),
 * with a random IV per file, so a file left behind by a killed process cannot be read. {@link #close()}
 * deletes the files and the folder; a run closes its area on success, failure and cancellation.
 * Thread-safe.
 */
public final class SpillArea implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BUFFER = 1 << 16;

    private final Path folder;
    private final SecretKey key;
    private final AtomicLong files = new AtomicLong();
    private volatile boolean closed;
    private final java.util.List<java.io.Closeable> readers = new java.util.concurrent.CopyOnWriteArrayList<>();

    private SpillArea(Path folder, SecretKey key) {
        this.folder = folder;
        this.key = key;
    }

    /**
     * Creates {@code folder} (readable by the owner only where the file system has POSIX permissions)
     * and a fresh key. The folder must not exist: its files are this area's alone.
     */
    public static SpillArea create(Path folder) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(folder);
        }
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return new SpillArea(folder, generator.generateKey());
        } catch (GeneralSecurityException e) {
            Files.deleteIfExists(folder);
            throw new IllegalStateException("AES-256 is not available in this JVM", e);
        }
    }

    /** The folder. */
    public Path folder() {
        return folder;
    }

    /** A new, empty file name in the folder (the file does not exist yet). */
    public Path newFile(String prefix) {
        if (closed) {
            throw new IllegalStateException("the spill area is closed");
        }
        return folder.resolve(prefix + "-" + files.incrementAndGet() + ".spill");
    }

    /** Writes {@code file} (new) through AES-CTR: a random IV first, then the encrypted bytes. */
    public OutputStream encrypt(Path file) throws IOException {
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv);
        OutputStream raw = Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE);
        raw.write(iv);
        return new java.io.BufferedOutputStream(new FilterOutputStream(raw) {
            private final byte[] one = new byte[1];

            @Override
            public void write(int b) throws IOException {
                one[0] = (byte) b;
                write(one, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(cipher.update(b, off, len));
            }
        }, BUFFER);
    }

    /** Reads a file written by {@link #encrypt}. */
    InputStream decrypt(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            byte[] iv = raw.readNBytes(16);
            if (iv.length != 16) {
                throw new IOException("spill file " + file.getFileName() + " is truncated");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, iv);
            return new java.io.BufferedInputStream(new FilterInputStream(raw) {
                private final byte[] chunk = new byte[BUFFER];

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = in.read(chunk, 0, Math.min(len, chunk.length));
                    if (n <= 0) {
                        return n;
                    }
                    try {
                        return cipher.update(chunk, 0, n, b, off);
                    } catch (javax.crypto.ShortBufferException e) {
                        throw new IOException(e);
                    }
                }
            }, BUFFER);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Random access to a file written by {@link #encrypt}: {@code read(dataOffset, length)} decrypts
     * that range of the plaintext (CTR: the counter of any 16-byte block is the IV plus its number).
     * Thread-safe (positional reads, one cipher per call).
     */
    public final class RandomReader implements java.io.Closeable {
        private final java.nio.channels.FileChannel channel;
        private final byte[] iv;

        private RandomReader(Path file) throws IOException {
            channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ);
            java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(16);
            while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
                // positional reads until the IV is complete
            }
            if (head.hasRemaining()) {
                channel.close();
                throw new IOException("spill file " + file.getFileName() + " is truncated");
            }
            iv = head.array();
        }

        /** {@code length} plaintext bytes from {@code offset}. */
        public byte[] read(long offset, int length) throws IOException {
            long aligned = offset - offset % 16;
            int skip = (int) (offset - aligned);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(skip + length);
            long pos = 16 + aligned;
            while (buf.hasRemaining()) {
                int n = channel.read(buf, pos + buf.position());
                if (n < 0) {
                    throw new IOException("a spill file is truncated");
                }
            }
            byte[] counter = iv.clone();
            long add = aligned / 16;
            for (int i = 15; i >= 0 && add != 0; i--) {
                long sum = (counter[i] & 0xffL) + (add & 0xff);
                counter[i] = (byte) sum;
                add = (add >>> 8) + (sum >>> 8);
            }
            try {
                byte[] plain = cipher(Cipher.DECRYPT_MODE, counter).doFinal(buf.array());
                return java.util.Arrays.copyOfRange(plain, skip, skip + length);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot decrypt a spill file", e);
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Opens a file written by {@link #encrypt} for random reads. */
    public RandomReader random(Path file) throws IOException {
        RandomReader reader = new RandomReader(file);
        readers.add(reader);
        return reader;
    }

    private Cipher cipher(int mode, byte[] iv) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(mode, key, new IvParameterSpec(iv));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR is not available in this JVM", e);
        }
    }

    /** Deletes one file of this area (a run merged into another). */
    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the spill file " + file.getFileName(), e);
        }
    }

    /** Deletes every file and the folder; idempotent. */
    @Override
    public void close() throws IOException {
        closed = true;
        for (java.io.Closeable r : readers) {
            r.close();
        }
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(folder);
    }
}
