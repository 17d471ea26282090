package org.deidworkbench.spark;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Abortable;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.StreamCapabilities;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * Hadoop file systems under schemes of their own over the local disk, for the tests of
 * {@link HadoopRun}: a run that reaches them can only have gone through Hadoop's {@code FileSystem}
 * API (java.nio does not know the schemes; every path is translated to and from {@code file:}), and
 * they count what it asked. {@code deidobj://} behaves
 * as an object store: it has no rename at all, and a file written appears whole when its stream is closed
 * (an upload completes on close; until then nothing is listed), or never when the stream is aborted
 * (S3A's {@link Abortable} stream: the upload is abandoned). {@code deidren://} renames as a local file
 * system does.
 */
final class TestFileSystems {

    private TestFileSystems() {
    }

    /** Registers both schemes in {@code conf} ({@code deidobj} as an object store: direct commit). */
    static void register(Configuration conf) {
        conf.set("fs.deidobj.impl", ObjectStore.class.getName());
        conf.set("fs.deidren.impl", Renaming.class.getName());
        conf.setBoolean("fs.deidobj.impl.disable.cache", false);
        conf.set(HadoopRun.DIRECT_SCHEMES, "deidobj");
    }

    /** A local path as a URI of {@code scheme}. */
    static String uri(String scheme, java.nio.file.Path p) {
        return scheme + "://" + p.toAbsolutePath().normalize().toUri().getPath();
    }

    /** Calls counted over both schemes, since the last {@link #reset()}. */
    static final AtomicLong OPENS = new AtomicLong();
    static final AtomicLong CREATES = new AtomicLong();
    static final AtomicLong RENAMES = new AtomicLong();
    static final AtomicLong LISTINGS = new AtomicLong();

    /** Uploads to {@code deidobj://} begun and neither completed nor aborted (streams open). */
    static final java.util.concurrent.atomic.AtomicInteger UPLOADING = new java.util.concurrent.atomic.AtomicInteger();
    /** Whether {@code deidobj://} streams can be aborted (S3A's can; a store whose streams cannot, when false). */
    static final java.util.concurrent.atomic.AtomicBoolean ABORTABLE =
            new java.util.concurrent.atomic.AtomicBoolean(true);
    /**
     * When set: an upload that a killed Spark task completes (closes) completes only once this path is gone,
     * as a slow store's would after the driver has cleaned up its output, or once the driver has started a
     * fence job (a driver that waits for the killed tasks before it cleans up, {@link GroupTasks}: seen by
     * {@link #JOB_STARTS} since {@link #FENCES} was last reset); at most a minute later.
     */
    static final java.util.concurrent.atomic.AtomicReference<java.nio.file.Path> KILLED_UPLOADS_COMPLETE_AFTER =
            new java.util.concurrent.atomic.AtomicReference<>();
    /**
     * When set: an upload by a Spark task to a file below this path stalls at its first write until Spark
     * kills the task (at most a minute), as an upload to a slow store does; {@link #STALLED} counts them.
     */
    static final java.util.concurrent.atomic.AtomicReference<java.nio.file.Path> STALL_UPLOADS_BELOW =
            new java.util.concurrent.atomic.AtomicReference<>();
    static final AtomicLong STALLED = new AtomicLong();
    /** Counts the fence jobs started ({@link GroupTasks#FENCE}), once registered ({@code addSparkListener}). */
    static final org.apache.spark.scheduler.SparkListener JOB_STARTS = new org.apache.spark.scheduler.SparkListener() {
        @Override
        public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart event) {
            if (event.properties() != null && event.properties().getProperty(GroupTasks.FENCE) != null) {
                FENCES.incrementAndGet();
            }
        }
    };
    static final AtomicLong FENCES = new AtomicLong();
    /** Uploads to {@code deidobj://} that a killed Spark task completed (closed) rather than aborted. */
    static final AtomicLong KILLED_UPLOADS_COMPLETED = new AtomicLong();

    static void reset() {
        OPENS.set(0);
        CREATES.set(0);
        RENAMES.set(0);
        LISTINGS.set(0);
    }

    /**
     * The local file system under another scheme (a {@link FilterFileSystem} over the raw local one that
     * translates paths both ways), counting opens, creates, renames and listings.
     */
    abstract static class Counting extends FilterFileSystem {
        Counting() {
            super(new RawLocalFileSystem());
        }

        abstract String scheme();

        private static Path local(Path p) {
            return new Path("file", null, p.toUri().getPath());
        }

        private Path back(Path p) {
            return new Path(scheme(), null, p.toUri().getPath());
        }

        private FileStatus back(FileStatus s) {
            return new FileStatus(s.getLen(), s.isDirectory(), 1, s.getBlockSize(), s.getModificationTime(),
                    back(s.getPath()));
        }

        @Override
        public void initialize(URI name, Configuration conf) throws IOException {
            fs.initialize(URI.create("file:///"), conf);
            super.initialize(name, conf);
        }

        @Override
        public URI getUri() {
            return URI.create(scheme() + ":///");
        }

        @Override
        public String getScheme() {
            return scheme();
        }

        @Override
        public Path makeQualified(Path path) {
            return back(fs.makeQualified(local(path)));
        }

        @Override
        public Path getWorkingDirectory() {
            return back(fs.getWorkingDirectory());
        }

        @Override
        protected void checkPath(Path path) {
            if (path.toUri().getScheme() != null && !path.toUri().getScheme().equals(scheme())) {
                throw new IllegalArgumentException("not a " + scheme() + " path");
            }
        }

        @Override
        public FileStatus getFileStatus(Path f) throws IOException {
            return back(fs.getFileStatus(local(f)));
        }

        @Override
        public FileStatus[] listStatus(Path f) throws IOException {
            LISTINGS.incrementAndGet();
            FileStatus[] all = fs.listStatus(local(f));
            FileStatus[] out = new FileStatus[all.length];
            for (int i = 0; i < all.length; i++) {
                out[i] = back(all[i]);
            }
            return out;
        }

        @Override
        public RemoteIterator<LocatedFileStatus> listLocatedStatus(Path f) throws IOException {
            Iterator<FileStatus> it = Arrays.asList(listStatus(f)).iterator();
            return new RemoteIterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public LocatedFileStatus next() throws IOException {
                    return new LocatedFileStatus(it.next(), null);
                }
            };
        }

        @Override
        public FSDataInputStream open(Path f, int bufferSize) throws IOException {
            OPENS.incrementAndGet();
            return fs.open(local(f), bufferSize);
        }

        @Override
        public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                short replication, long blockSize, Progressable progress) throws IOException {
            CREATES.incrementAndGet();
            return fs.create(local(f), permission, overwrite, bufferSize, replication, blockSize, progress);
        }

        @Override
        public boolean mkdirs(Path f) throws IOException {
            return fs.mkdirs(local(f));
        }

        @Override
        public boolean mkdirs(Path f, FsPermission permission) throws IOException {
            return fs.mkdirs(local(f), permission);
        }

        @Override
        public boolean delete(Path f, boolean recursive) throws IOException {
            return fs.delete(local(f), recursive);
        }

        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            fs.setPermission(local(p), permission);
        }

        @Override
        public boolean rename(Path src, Path dst) throws IOException {
            RENAMES.incrementAndGet();
            return fs.rename(local(src), local(dst));
        }
    }

    /**
     * {@code deidobj://}: an object store; any rename is an error (the run must not need one), and a file
     * appears only when its upload completes ({@link Upload}).
     */
    public static final class ObjectStore extends Counting {
        @Override
        String scheme() {
            return "deidobj";
        }

        @Override
        public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                short replication, long blockSize, Progressable progress) throws IOException {
            CREATES.incrementAndGet();
            java.nio.file.Path target = java.nio.file.Path.of(f.toUri().getPath());
            if (!overwrite && java.nio.file.Files.exists(target)) {
                throw new org.apache.hadoop.fs.FileAlreadyExistsException(f.toString());
            }
            return new FSDataOutputStream(new Upload(target), statistics);
        }

        @Override
        public boolean rename(Path src, Path dst) throws IOException {
            RENAMES.incrementAndGet();
            throw new IOException("deidobj:// has no rename (an object store)");
        }
    }

    /** {@code deidren://}: renames are atomic, as on HDFS. */
    public static final class Renaming extends Counting {
        @Override
        String scheme() {
            return "deidren";
        }
    }

    /** Uploads in progress, outside every bucket (nothing lists them). */
    private static java.nio.file.Path pending;

    private static synchronized java.nio.file.Path pending() throws IOException {
        if (pending == null) {
            pending = java.nio.file.Files.createTempDirectory("deidobj-uploads-");
        }
        return pending;
    }

    /**
     * One upload to {@code deidobj://}: written beside the buckets, moved to its name whole when closed
     * (creating the "folders" above it, as a key does), deleted when aborted.
     */
    static final class Upload extends java.io.OutputStream implements Abortable, StreamCapabilities {
        private final java.nio.file.Path target;
        private final java.nio.file.Path part;
        private final java.io.OutputStream out;
        private boolean ended;

        Upload(java.nio.file.Path target) throws IOException {
            this.target = target;
            this.part = java.nio.file.Files.createTempFile(pending(), "upload-", ".part");
            this.out = java.nio.file.Files.newOutputStream(part);
            UPLOADING.incrementAndGet();
        }

        @Override
        public void write(int b) throws IOException {
            stallUntilKilled();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            stallUntilKilled();
            out.write(b, off, len);
        }

        private boolean stalled;

        private void stallUntilKilled() {
            java.nio.file.Path below = STALL_UPLOADS_BELOW.get();
            org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
            if (stalled || below == null || task == null || !target.startsWith(below)) {
                return;
            }
            stalled = true;
            STALLED.incrementAndGet();
            long until = System.nanoTime() + 60_000_000_000L;
            while (!task.isInterrupted() && System.nanoTime() < until) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush(); // still not visible: an upload completes on close
        }

        @Override
        public void close() throws IOException {
            if (ended) {
                return;
            }
            ended = true;
            try {
                out.close();
                java.nio.file.Path after = KILLED_UPLOADS_COMPLETE_AFTER.get();
                org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
                boolean killed = task != null && task.isInterrupted();
                if (killed) {
                    KILLED_UPLOADS_COMPLETED.incrementAndGet();
                }
                if (after != null && killed) {
                    long until = System.nanoTime() + 60_000_000_000L;
                    while (java.nio.file.Files.exists(after) && FENCES.get() == 0 && System.nanoTime() < until) {
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                }
                java.nio.file.Files.createDirectories(target.getParent());
                java.nio.file.Files.move(part, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                java.nio.file.Files.deleteIfExists(part);
                UPLOADING.decrementAndGet();
            }
        }

        @Override
        public AbortableResult abort() {
            if (!ABORTABLE.get()) {
                throw new UnsupportedOperationException("this store's uploads cannot be aborted");
            }
            boolean already = ended;
            if (!ended) {
                ended = true;
                try {
                    out.close();
                    java.nio.file.Files.deleteIfExists(part);
                } catch (IOException e) {
                    // a test store over the local disk: nothing to report
                } finally {
                    UPLOADING.decrementAndGet();
                }
            }
            return new AbortableResult() {
                @Override
                public boolean alreadyClosed() {
                    return already;
                }

                @Override
                public IOException anyCleanupException() {
                    return null;
                }
            };
        }

        @Override
        public boolean hasCapability(String capability) {
            return ABORTABLE.get() && StreamCapabilities.ABORTABLE_STREAM.equals(capability);
        }
    }
}
