package org.deidworkbench.spark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOError;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.Partitioner;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.format.FormatHandler;
import org.deidworkbench.format.ScanIndex;
import org.deidworkbench.job.FormatRegistry;
import scala.Tuple2;

/**
 * The processors' scan indexes ({@link FileProcessor#scanIndex()}: FHIR's patient index) on Spark,
 * never in the driver's memory (decision 0027): each scan task sends its processors' entries, keyed
 * {@code <handler name> NUL <key>}, into a shuffle that merges each key's values
 * ({@link ScanIndex#merge}) and leaves the merged keys in buckets by hash ({@link Buckets}); each
 * bucket's task writes its entries, sorted, to {@code <folder>/<bucket>} in the run's work folder. A
 * transform task's processors look keys up there ({@link BucketIndex}), loading a bucket the first
 * time one of its keys is asked for, once per executor JVM.
 *
 * <p>Memory: a scan task holds its partition's entries; a merge task a bucket's; an executor at most
 * the buckets its tasks asked for (the whole index when every file refers to patients all over the
 * export). The files hold original identifiers: they are owner-only, inside the work folder, and go
 * with it.
 */
final class ScanIndexes {

    private static final char SEPARATOR = '\u0000';

    private ScanIndexes() {
    }

    /** The entries of a worker's processors' scan indexes, each key prefixed with its handler's name. */
    static List<Tuple2<String, String>> export(Map<FileFormat, FileProcessor> processors) {
        List<Tuple2<String, String>> out = new ArrayList<>();
        for (FormatHandler handler : FormatRegistry.handlers()) {
            FileProcessor p = processors.get(handler.formats().iterator().next());
            if (p == null) {
                continue;
            }
            String prefix = handler.name() + SEPARATOR;
            p.scanIndex().forEach((key, value) -> out.add(new Tuple2<>(prefix + key, value)));
        }
        return out;
    }

    /** Makes a worker's processors look their keys up in the merged index under {@code folder}. */
    static void use(Map<FileFormat, FileProcessor> processors, String folder, int buckets, RemoteFiles remote) {
        for (FormatHandler handler : FormatRegistry.handlers()) {
            FileProcessor p = processors.get(handler.formats().iterator().next());
            if (p != null) {
                p.useScanIndex(new BucketIndex(folder, buckets, handler.name() + SEPARATOR, remote));
            }
        }
    }

    /** The owner-only folder the merged index is written to, made by the driver before the job. */
    static Path folder(Path work, String id) throws IOException {
        Path folder = work.resolve("scan-index-" + id);
        if (work.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createDirectory(folder);
    }

    /** Keys to buckets by their {@link String#hashCode()}: the same in every JVM, so writer and reader agree. */
    static final class Buckets extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int buckets;

        Buckets(int buckets) {
            this.buckets = buckets;
        }

        @Override
        public int numPartitions() {
            return buckets;
        }

        @Override
        public int getPartition(Object key) {
            return bucket((String) key, buckets);
        }

        static int bucket(String key, int buckets) {
            return Math.floorMod(key.hashCode(), buckets);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Buckets b && b.buckets == buckets;
        }

        @Override
        public int hashCode() {
            return buckets;
        }
    }

    /**
     * Writes one bucket's merged entries, sorted by key, to {@code folder/bucket}: first under this
     * attempt's own name, forced to disk, then renamed (a retried or speculative attempt writes the
     * same bytes). An empty bucket is an empty file, so a missing one is an error, not "no entries".
     *
     * @return how many entries the bucket holds
     */
    static long write(String folderName, int bucket, Iterator<Tuple2<String, String>> entries, long attempt,
            RemoteFiles remote) throws IOException {
        List<Tuple2<String, String>> sorted = new ArrayList<>();
        entries.forEachRemaining(sorted::add);
        sorted.sort((a, b) -> a._1().compareTo(b._1()));
        if (remote != null) {
            // No shared folder (decision 0041): the bucket goes under the run's temporary prefix through Hadoop;
            // on object stores straight to its name (a retried attempt writes the same bytes), else renamed there.
            org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(folderName);
            org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(folder, Integer.toString(bucket));
            org.apache.hadoop.fs.Path temp = remote.direct() ? target
                    : new org.apache.hadoop.fs.Path(folder, bucket + ".attempt-" + attempt);
            org.apache.hadoop.fs.FileSystem fs = remote.fs(target);
            // A killed attempt abandons its upload (decision 0086) rather than complete a truncated bucket.
            HadoopRun.upload(fs, temp, org.apache.spark.TaskContext.get(), os -> {
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16));
                entries(out, sorted);
                out.flush();
                if (!remote.direct()) {
                    os.hsync();
                }
            });
            if (!remote.direct()) {
                fs.delete(target, false);
                if (!fs.rename(temp, target)) {
                    throw new IOException("cannot rename bucket " + bucket + " of the merged scan index into place");
                }
            }
            return sorted.size();
        }
        Path folder = Path.of(folderName);
        Path temp = folder.resolve(bucket + ".attempt-" + attempt);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel),
                    1 << 16));
            entries(out, sorted);
            out.flush();
            channel.force(false);
        }
        Files.move(temp, folder.resolve(Integer.toString(bucket)), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        return sorted.size();
    }

    private static void entries(DataOutputStream out, List<Tuple2<String, String>> sorted) throws IOException {
        out.writeInt(sorted.size());
        for (Tuple2<String, String> e : sorted) {
            bytes(out, e._1());
            bytes(out, e._2());
        }
    }

    private static void bytes(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    static Map<String, String> read(String folder, int bucket, RemoteFiles remote) throws IOException {
        java.io.InputStream stream;
        if (remote != null) {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(folder),
                    Integer.toString(bucket));
            stream = remote.fs(p).open(p);
        } else {
            stream = Files.newInputStream(Path.of(folder).resolve(Integer.toString(bucket)));
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16))) {
            int n = in.readInt();
            Map<String, String> map = new HashMap<>(Math.max(16, n * 4 / 3 + 1));
            for (int i = 0; i < n; i++) {
                map.put(string(in), string(in));
            }
            return map;
        }
    }

    /** The loaded buckets of the last indexes read in this JVM, by folder: a pass's tasks share them. */
    private static final Map<String, Map<Integer, Map<String, String>>> LOADED = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<Integer, Map<String, String>>> eldest) {
            return size() > 2;
        }
    };

    private static Map<Integer, Map<String, String>> loaded(String folder) {
        synchronized (LOADED) {
            return LOADED.computeIfAbsent(folder, f -> new ConcurrentHashMap<>());
        }
    }

    /**
     * One handler's view of the merged index in a folder of buckets. A bucket that cannot be read
     * fails the task ({@link IOError}: not a file's error but the pass's; Spark retries the task, and
     * a job that still fails fails the run).
     */
    static final class BucketIndex implements ScanIndex {
        private final String folder;
        private final int buckets;
        private final String prefix;
        private final RemoteFiles remote;
        private final Map<Integer, Map<String, String>> loaded;

        BucketIndex(String folder, int buckets, String prefix, RemoteFiles remote) {
            this.folder = folder;
            this.buckets = buckets;
            this.prefix = prefix;
            this.remote = remote;
            this.loaded = loaded(folder);
        }

        @Override
        public String get(String key) {
            String full = prefix + key;
            int bucket = Buckets.bucket(full, buckets);
            return loaded.computeIfAbsent(bucket, b -> {
                try {
                    return read(folder, b, remote);
                } catch (IOException e) {
                    throw new IOError(new IOException("cannot read bucket " + b + " of the run's merged scan index ("
                            + e.getClass().getSimpleName() + ")"));
                }
            }).get(full);
        }

        @Override
        public String toString() {
            return "BucketIndex[" + buckets + " buckets]";
        }
    }
}
