package org.deidworkbench.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.deidworkbench.config.LoadedProfile;

/**
 * Everything a run needs.
 *
 * @param inputs files and folders to de-identify (never modified)
 * @param output the output folder (created if missing; must be empty or an earlier output of deid)
 * @param keyFile the sealed key file
 * @param createKeyFile whether the run may create {@code keyFile} (with a new project secret) when it
 *     does not exist; false when the user named the key file, so a typo is an error, not a new study
 * @param passphrase the key file's passphrase; the job does not keep or wipe it
 * @param profile the validated rule profile and the digest of its text
 * @param threads worker threads (1 or more); the output does not depend on it
 * @param inputNames how the key file's run record names each input (same order as {@code inputs}; a
 *     file below an input is named {@code <its input's name>/<path under it>}); empty: by their paths.
 *     Set when the inputs are local copies of files elsewhere (deid-spark's Hadoop URIs, decision 0028)
 */
public record RunRequest(List<Path> inputs, Path output, Path keyFile, boolean createKeyFile, char[] passphrase,
        LoadedProfile profile, int threads, List<String> inputNames) {

    /** A request whose inputs are named by their paths. */
    public RunRequest(List<Path> inputs, Path output, Path keyFile, boolean createKeyFile, char[] passphrase,
            LoadedProfile profile, int threads) {
        this(inputs, output, keyFile, createKeyFile, passphrase, profile, threads, List.of());
    }

    public RunRequest {
        inputs = List.copyOf(inputs);
        inputNames = List.copyOf(inputNames);
        if (!inputNames.isEmpty() && inputNames.size() != inputs.size()) {
            throw new IllegalArgumentException("one name per input");
        }
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(profile, "profile");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    /** The default key file of an output folder: {@code <out>.deidkey} beside it, never inside it. */
    public static Path defaultKeyFile(Path output) {
        Path abs = output.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".deidkey");
    }

    @Override
    public String toString() {
        return "RunRequest[" + inputs.size() + " inputs, out " + output + ", " + threads + " threads]";
    }
}
