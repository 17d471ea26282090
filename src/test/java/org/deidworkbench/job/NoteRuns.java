package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.keyfile.KeyFileStore;

/** A run of notes through {@code deid run} and the verifier, as the tests of notes written as markup use it. */
final class NoteRuns {

    static final char[] PASSPHRASE = "correct horse battery".toCharArray();

    private NoteRuns() {
    }

    /** {@code deid run} of {@code in} into {@code out} with a new key file {@code key}; every file is written. */
    static RunResult run(Path in, Path out, Path key, LoadedProfile profile) throws Exception {
        RunResult r = new RunJob(new RunRequest(List.of(in), out, key, true, PASSPHRASE.clone(), profile, 1),
                RunListener.NONE).run();
        assertTrue(r.allWritten(), () -> r.files().toString());
        return r;
    }

    /** Where the run reported a problem with {@code code} (file and location; empty when it reported none). */
    static List<String> problems(RunResult r, String code) {
        return r.files().stream().flatMap(f -> f.problems().stream()).filter(p -> p.code().equals(code))
                .map(p -> p.file() + " " + p.location()).toList();
    }

    /** The planted values that one of the texts still holds (in the planted order): empty when none is left. */
    static List<String> left(List<String> planted, String... texts) {
        return planted.stream().filter(p -> java.util.Arrays.stream(texts).anyMatch(t -> t.contains(p))).toList();
    }

    /** Whether {@code deid verify} with the key file finds nothing in the folder. */
    static boolean clean(Path folder, Path key) throws Exception {
        return new VerifyJob(folder, KeyFileStore.open(key, PASSPHRASE.clone()), false, 1).run().clean();
    }

    /**
     * The verifier's hits in a run's output after another tool wrote {@code file} into it ({@code text}, UTF-8): {@code
     * in} run with {@code profile} into {@code dir/out} with a new key file {@code dir/k.deidkey}.
     */
    static List<String> hitsAfterWriting(Path in, Path dir, LoadedProfile profile, String file, String text)
            throws Exception {
        Path out = dir.resolve("out");
        Path key = dir.resolve("k.deidkey");
        run(in, out, key, profile);
        java.nio.file.Files.writeString(out.resolve(file), text, java.nio.charset.StandardCharsets.UTF_8);
        return hits(out, key);
    }

    /** The verifier's hits in a folder, each as its file's path (with {@code /}) and its location. */
    static List<String> hits(Path folder, Path key) throws Exception {
        VerifyReport v = new VerifyJob(folder, KeyFileStore.open(key, PASSPHRASE.clone()), false, 1).run();
        return v.hits().stream().flatMap(f -> f.listed().stream().map(h -> f.path().replace('\\', '/') + " "
                + h.location())).toList();
    }
}
