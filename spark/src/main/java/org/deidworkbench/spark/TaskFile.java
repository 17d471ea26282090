package org.deidworkbench.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.job.RunFile;

/** A {@link RunFile} as it travels to a worker (a path is not serializable; its text is). */
record TaskFile(int index, int input, String path, long size, FileFormat format) implements Serializable {

    static TaskFile of(RunFile f) {
        return new TaskFile(f.index(), f.input(), f.path().toString(), f.size(), f.format());
    }

    RunFile toRunFile() {
        return new RunFile(index, input, Path.of(path), size, format);
    }
}
