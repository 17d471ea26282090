package org.deidworkbench.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;

/**
 * A run's files on Hadoop file systems as its tasks see them when no folder is shared between the driver
 * and the executors (decision 0041). The driver's run knows each input by a <em>task path</em>: below
 * {@code <executor scratch>/deid-spark-<run>/in/<n>/<name>}, a path that does not exist on the driver and
 * that it never opens. A task that reads a file copies it from its Hadoop URI into that path on its own
 * machine ({@link #materialize}), reads it there, and deletes it ({@link #release}); its transformed
 * parts go to the output's temporary prefix ({@link #temp}) through Hadoop.
 *
 * <p>Serializable: it travels to the executors with the passes' setup (the Hadoop configuration with it).
 */
final class RemoteFiles implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One input: its task path and its Hadoop URI. */
    record Root(String taskPath, String uri) implements Serializable {
    }

    private final HadoopRun.Conf conf;
    private final List<Root> roots;
    private final String base;
    private final String temp;
    private final boolean direct;
    private final HadoopRun.IoFaults faults;

    /**
     * @param base the run's folder of task paths ({@code <executor scratch>/deid-spark-<run>})
     * @param temp the Hadoop URI of the run's temporary prefix in the output ({@code <out>/_deid-temporary/<run>})
     * @param direct whether the output's file system has no atomic rename (an object store: direct writes)
     */
    RemoteFiles(HadoopRun.Conf conf, List<Root> roots, String base, String temp, boolean direct,
            HadoopRun.IoFaults faults) {
        this.conf = conf;
        List<Root> all = new java.util.ArrayList<>(roots);
        all.add(new Root(base + "/parts", new Path(temp, "parts").toString()));
        this.roots = List.copyOf(all);
        this.base = base;
        this.temp = temp;
        this.direct = direct;
        this.faults = faults;
    }

    /** The task path of the folder of transformed parts ({@code <base>/parts}, for {@code <temp>/parts}). */
    String partsRoot() {
        return base + "/parts";
    }

    /** The run's temporary prefix in the output (Hadoop URI). */
    String temp() {
        return temp;
    }

    /** Whether files are written straight to their names (object stores) rather than renamed there. */
    boolean direct() {
        return direct;
    }

    HadoopRun.Conf conf() {
        return conf;
    }

    /** The Hadoop URI a task path stands for. */
    Path uri(String taskPath) throws IOException {
        for (Root r : roots) {
            if (taskPath.equals(r.taskPath())) {
                return new Path(r.uri());
            }
            if (taskPath.startsWith(r.taskPath() + "/")) {
                return new Path(new Path(r.uri()), new Path(null, null, taskPath.substring(r.taskPath().length() + 1)));
            }
        }
        throw new IOException("not a file of the run's inputs");
    }

    FileSystem fs(Path p) throws IOException {
        return HadoopRun.fs(p, conf.get());
    }

    /** Up to {@code n} first bytes of the input file at {@code taskPath}, read through its file system. */
    byte[] head(String taskPath, int n) throws IOException {
        Path p = uri(taskPath);
        try (InputStream in = fs(p).open(p)) {
            return in.readNBytes(n);
        }
    }

    /**
     * On an executor: copies the input file at {@code taskPath} from its file system to that path on this
     * machine (folders owner-only), first under a name of its own beside it, then renamed (a retried task
     * writes the same bytes). Returns the path.
     */
    java.nio.file.Path materialize(String taskPath) throws IOException {
        java.nio.file.Path target = java.nio.file.Path.of(taskPath);
        if (!target.startsWith(java.nio.file.Path.of(base))) {
            throw new IOException("not a task path of this run");
        }
        Path from = uri(taskPath);
        TaskContext task = TaskContext.get();
        int attempt = task == null ? 0 : task.attemptNumber();
        for (int tries = 0;; tries++) {
            java.nio.file.Path part = target.resolveSibling("." + target.getFileName() + ".deid-" + UUID.randomUUID());
            try {
                ownerOnlyFolders(target.getParent());
                try (InputStream in = fs(from).open(from);
                        FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    OutputStream os = Channels.newOutputStream(ch);
                    if (faults.failNow(false, attempt)) {
                        os.write(in.readNBytes(1 << 10));
                        faults.fail(task, "stage-in");
                    }
                    HadoopRun.copy(in, os, task);
                }
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return target;
            } catch (NoSuchFileException e) {
                // Another task of this machine removed an (empty) folder on the way meanwhile: make it again.
                Files.deleteIfExists(part);
                if (tries >= 20) {
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(part);
                throw e;
            }
        }
    }

    /** On an executor: deletes a materialized file, and its folders up to the run's as they become empty. */
    void release(java.nio.file.Path file) {
        try {
            Files.deleteIfExists(file);
            java.nio.file.Path stop = java.nio.file.Path.of(base).getParent();
            for (java.nio.file.Path p = file.getParent(); p != null && !p.equals(stop) && p.startsWith(base);
                    p = p.getParent()) {
                Files.delete(p);
            }
        } catch (DirectoryNotEmptyException | NoSuchFileException e) {
            // another task's file is still there, or it removed the folder first
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(RemoteFiles.class).warn("could not remove a task's copy of an input ({})",
                    e.getClass().getSimpleName());
        }
    }

    /**
     * On an executor: uploads a transformed part to the temporary prefix; returns its URI. Object stores:
     * straight to {@code parts/<index>.part} (visible whole when the upload completes; a retried attempt
     * writes the same bytes); else under the attempt's own folder, renamed into place by the driver only
     * for the attempt Spark accepted.
     */
    String upload(java.nio.file.Path part, int index, String attemptId) throws IOException {
        Path target = direct ? new Path(new Path(temp, "parts"), index + ".part")
                : new Path(new Path(temp, "attempt-" + attemptId), index + ".part");
        FileSystem fs = fs(target);
        TaskContext task = TaskContext.get();
        try (InputStream in = Files.newInputStream(part)) {
            // A killed or failed attempt abandons its upload (decision 0086): on an object store it would
            // otherwise complete a truncated part under the name the accepted attempt's part has.
            HadoopRun.upload(fs, target, task, os -> {
                HadoopRun.copy(in, os, task);
                if (!direct) {
                    os.hsync();
                }
            });
        }
        return target.toString();
    }

    private java.nio.file.Path ownerOnlyFolders(java.nio.file.Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return folder;
        }
        ownerOnlyFolders(folder.getParent());
        try {
            if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(folder);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // made by another task meanwhile
        }
        return folder;
    }
}
