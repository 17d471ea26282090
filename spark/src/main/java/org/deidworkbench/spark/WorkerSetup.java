package org.deidworkbench.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.deidworkbench.config.ProfileException;
import org.deidworkbench.crypto.PurposeKeys;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.KeyRing;
import org.deidworkbench.deid.KnownIdentifiers;
import org.deidworkbench.deid.PseudonymLedger;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.job.FileWork;
import org.deidworkbench.job.PassRun;

/**
 * What a worker needs to clean files exactly as the driver's run would: the profile's text, the
 * purpose keys (never the project secret or the passphrase), the reference year, each format's
 * analysis and, for the transform pass, the identifiers free text is scrubbed of. Broadcast once per
 * pass. Holds key material and original values (analysis, identifiers): it travels only inside the
 * Spark application (see the module's README on the trust boundary).
 */
final class WorkerSetup implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ProfileSource profile;
    private final PurposeKeys keys;
    private final int referenceYear;
    /** The key file's subjects recorded with another id's offset (decision 0078, addendum): pseudonym → days. */
    private final HashMap<String, Integer> linkedOffsets;
    /** The scan pass notes links between subject ids (decision 0078): its workers' engines note them too. */
    private final boolean linking;
    /** The transform pass: the run's resolved links, linked id → its class's offset (decision 0078). */
    private final HashMap<String, Integer> classOffsets;
    private final boolean scanPass;
    private final Map<FileFormat, Serializable> analyses;
    private final KnownIdentifiers frozen;
    private final String work;
    private final String scanIndex;
    private final int scanIndexBuckets;
    private final int failAttemptsAfter;
    private final boolean failEveryAttempt;
    private final boolean stall;
    /** Where the run's files are when no folder is shared with the driver (decision 0041); null: shared paths. */
    private final RemoteFiles remote;

    /** The setup of one pass: {@code frozen} is null for the scan pass; faults count only in their pass. */
    WorkerSetup(ProfileSource profile, PassRun run, KnownIdentifiers frozen, Faults faults, RemoteFiles remote) {
        this(profile, run, frozen, null, 0, faults, remote);
    }

    /**
     * The setup of the transform pass whose processors look up the scan pass's merged index in
     * {@code scanIndex} ({@link ScanIndexes}; null: the scan pass left none).
     */
    WorkerSetup(ProfileSource profile, PassRun run, KnownIdentifiers frozen, String scanIndex, int scanIndexBuckets,
            Faults faults, RemoteFiles remote) {
        this.profile = profile;
        this.keys = run.keys();
        this.referenceYear = run.referenceYear();
        this.linkedOffsets = new HashMap<>(run.linkedOffsets());
        this.linking = frozen == null && run.linking();
        this.classOffsets = new HashMap<>(frozen == null ? Map.of() : run.classOffsets());
        this.scanPass = run.scanPass();
        this.analyses = run.analyses();
        this.frozen = frozen;
        this.work = run.work().toString();
        this.scanIndex = scanIndex;
        this.remote = remote;
        this.scanIndexBuckets = scanIndexBuckets;
        this.failAttemptsAfter = faults.transformPass() == (frozen != null) ? faults.afterFiles() : -1;
        this.failEveryAttempt = faults.everyAttempt();
        this.stall = faults.stall();
    }

    /**
     * This setup as the bytes that are broadcast: serialized once on the driver and read once per
     * executor JVM ({@link #read}), also in local mode, where Spark would otherwise hand the
     * executors the driver's own object and the tests would not cover what a cluster does.
     */
    byte[] toBytes() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(this);
        }
        return bytes.toByteArray();
    }

    /** The last setups read in this JVM, by id: a pass's partitions share one. */
    private static final Map<String, WorkerSetup> READ = new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, WorkerSetup> eldest) {
            return size() > 2;
        }
    };

    /** The setup broadcast as {@code bytes} under {@code id}, deserialized once per JVM. */
    static WorkerSetup read(String id, byte[] bytes) throws IOException, ClassNotFoundException {
        synchronized (READ) {
            WorkerSetup known = READ.get(id);
            if (known == null) {
                try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                        new java.io.ByteArrayInputStream(bytes))) {
                    known = (WorkerSetup) in.readObject();
                }
                READ.put(id, known);
            }
            return known;
        }
    }

    /** Where the run's files are when no folder is shared with the driver; null: shared paths. */
    RemoteFiles remote() {
        return remote;
    }

    /** The run's work folder, where transformed files are written (a file system every worker and the driver see). */
    Path work() {
        return Path.of(work);
    }

    /**
     * A test's injected fault: whether the task attempt that has just cleaned its {@code done}-th file
     * must fail now (never outside tests: {@link Faults#NONE}).
     */
    boolean failNow(int done, int attemptNumber) {
        return !stall && failAttemptsAfter >= 0 && done >= failAttemptsAfter && (failEveryAttempt || attemptNumber == 0);
    }

    /** A test's injected stall: whether the task that has just cleaned its {@code done}-th file must wait to be killed. */
    boolean stallNow(int done) {
        return stall && failAttemptsAfter >= 0 && done >= failAttemptsAfter;
    }

    /** A worker's engine and processors for one partition; {@link #close()} removes its scratch folder. */
    final class Worker implements AutoCloseable {
        final Deidentifier engine;
        final Map<FileFormat, FileProcessor> processors;
        final Path temp;

        private Worker() throws IOException, ProfileException, DeidException {
            // An empty ledger: the pseudonyms issued here are all reported (notes) and checked against the
            // key file's by the driver, which alone has them.
            engine = new Deidentifier(profile.profile(), KeyRing.from(keys), new PseudonymLedger(), referenceYear);
            if (frozen != null) {
                engine.freezeIdentifiers(frozen);
            }
            if (!linkedOffsets.isEmpty()) {
                // A worker resolves no links (the driver does), so it never asks the key file for more recorded offsets.
                engine.recordedOffsets(linkedOffsets, pseudonyms -> Map.of());
            }
            if (linking) {
                // Noted links go back in the notes; the driver resolves them with every worker's (decision 0078).
                engine.beginLinks();
            }
            if (!classOffsets.isEmpty()) {
                engine.useLinkedOffsets(classOffsets);
            }
            temp = Files.createTempDirectory("deid-spark-");
            processors = FileWork.processors(engine, scanPass, FileWork.scratchFolder(temp));
            analyses.forEach((format, analysis) -> processors.get(format).useAnalysis(analysis));
            if (scanIndex != null) {
                ScanIndexes.use(processors, scanIndex, scanIndexBuckets, remote);
            }
        }

        @Override
        public void close() throws IOException {
            try (Stream<Path> walk = Files.walk(temp)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    Worker worker() throws IOException, ProfileException, DeidException {
        return new Worker();
    }

    /**
     * Faults a test injects into workers (the failure-semantics tests); none in a real run. With
     * {@code stall}, a task does not fail after {@code afterFiles} files but waits (up to two minutes)
     * until Spark kills it, as a long file would when the run is cancelled.
     */
    record Faults(boolean transformPass, int afterFiles, boolean everyAttempt, boolean stall) implements Serializable {
        static final Faults NONE = new Faults(false, -1, false);

        Faults(boolean transformPass, int afterFiles, boolean everyAttempt) {
            this(transformPass, afterFiles, everyAttempt, false);
        }
    }
}
