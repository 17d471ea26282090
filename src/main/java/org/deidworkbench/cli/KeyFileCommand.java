package org.deidworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deidworkbench.keyfile.AuditEntry;
import org.deidworkbench.keyfile.AuditLog;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileCredential;
import org.deidworkbench.keyfile.KeyFileException;
import org.deidworkbench.keyfile.KeyFileInfo;
import org.deidworkbench.keyfile.KeyFileRecipients;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.keyfile.Pem;
import org.deidworkbench.keyfile.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deid keyfile}: inspect a key file and manage who can open it. */
@Command(name = "keyfile", mixinStandardHelpOptions = true, description = "Key file tools.",
        subcommands = {KeyFileCommand.Inspect.class, KeyFileCommand.AddRecipient.class,
            KeyFileCommand.RemoveRecipient.class, KeyFileCommand.ChangePassphrase.class, KeyFileCommand.Split.class,
            KeyFileCommand.Export.class})
final class KeyFileCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs a key file operation, mapping its typed failure to an exit code. */
    interface KeyFileAction<T> {
        T run() throws KeyFileException;
    }

    static <T> T keyFile(KeyFileAction<T> action) {
        try {
            return action.run();
        } catch (KeyFileException e) {
            throw Failures.of(e);
        } catch (IllegalArgumentException e) {
            // unsupported trustee key or empty passphrase: the message names the certificate, never a secret
            throw new CliException(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    /** {@code deid keyfile inspect}. */
    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = {"Show how a key file is sealed — content cipher, password and trustee entries with",
                "their parameters — without a passphrase and without decrypting anything.",
                "With --contents (needs a credential): domains and entry counts, date offsets, runs.",
                "With --runs: also each run's input files and where they went. Never prints a secret or an original."})
    static final class Inspect implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "KEYFILE", description = "The key file.")
        Path keyFile;

        @Option(names = "--json", description = "Machine-readable output.")
        boolean json;

        @Option(names = "--contents", description = "Open the file and list domains, counts and runs (no values).")
        boolean contents;

        @Option(names = "--runs", description = {"Also list the runs and each input file's output (implies --contents).",
            "Input paths may carry patient names: this is for the key holder's eyes, never for a shared log."})
        boolean runs;

        @Option(names = "--verify-audit", description = {"Check the re-identification audit log's hash chain and entry count",
            "(implies --contents) and list its entries; exit code 7 if an entry was edited or removed."})
        boolean verifyAudit;

        @Mixin
        CredentialOptions credentials;

        private final Passphrases passphrases;

        Inspect(Passphrases passphrases) {
            this.passphrases = passphrases;
        }

        private KeyFileContents opened() {
            if (!contents && !runs && !verifyAudit) {
                return null;
            }
            KeyFileCredential credential = credentials.resolve(passphrases, keyFile);
            try {
                return keyFile(() -> KeyFileStore.open(keyFile, credential));
            } finally {
                credential.wipe();
            }
        }

        private static Map<String, Object> runToMap(RunRecord r, boolean withFiles) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("runId", r.runId());
            m.put("startedAt", r.startedAt().toString());
            m.put("finishedAt", r.finishedAt().toString());
            m.put("toolVersion", r.toolVersion());
            m.put("profile", r.profileName());
            m.put("profileSha256", r.profileSha256());
            m.put("outputFolder", r.outputFolderName());
            m.put("filesWritten", r.filesWritten());
            m.put("filesFailed", r.filesFailed());
            m.put("filesQuarantined", r.filesQuarantined());
            m.put("newEntries", r.newEntries());
            if (withFiles) {
                List<Map<String, Object>> files = new ArrayList<>();
                for (RunRecord.FileMapping f : r.files()) {
                    Map<String, Object> fm = new LinkedHashMap<>();
                    fm.put("input", f.input());
                    fm.put("source", f.source());
                    fm.put("output", f.output());
                    fm.put("status", f.status());
                    files.add(fm);
                }
                m.put("files", files);
            }
            return m;
        }

        /** Names, counts and dates only: nothing here is a secret or an original value. */
        static Map<String, Object> summary(KeyFileContents c) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("createdAt", c.createdAt().toString());
            Map<String, Object> domains = new LinkedHashMap<>();
            for (String d : c.domains()) {
                domains.put(d, c.entryCount(d));
            }
            m.put("entries", c.entryCount());
            m.put("domains", domains);
            m.put("dateOffsets", c.dateOffsetCount());
            m.put("runs", c.runs().size());
            if (c.coincidenceCount() > 0) {
                m.put("attestedCoincidences", c.coincidenceCount());
            }
            m.put("auditEntries", c.auditCount());
            c.splitSummary().ifPresent(s -> m.put("custodians", s));
            m.put("kind", c.hasSecret() ? "project" : "export");
            return m;
        }

        @Override
        public Integer call() throws java.io.IOException {
            KeyFileInfo info = keyFile(() -> KeyFileStore.inspect(keyFile));
            KeyFileContents opened = opened();
            audit = verifyAudit ? AuditLog.verify(opened) : null;
            PrintWriter out = spec.commandLine().getOut();
            List<Map<String, Object>> entries = new ArrayList<>();
            for (KeyFileInfo.RecipientEntry r : info.recipients()) {
                entries.add(entryToMap(r));
            }
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", info.file().toString());
                m.put("bytes", info.fileSize());
                m.put("contentCipher", info.contentCipher());
                m.put("macBytes", info.macLength());
                m.put("recipients", entries);
                if (opened != null) {
                    m.put("contents", summary(opened));
                    m.put("runs", opened.runs().stream().map(r -> runToMap(r, runs)).toList());
                }
                if (audit != null) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("intact", audit.intact());
                    a.put("entries", audit.entries());
                    a.put("counter", audit.counter());
                    a.put("head", audit.head());
                    audit.problem().ifPresent(p -> a.put("problem", p));
                    a.put("log", opened.auditEntries().stream().map(Inspect::auditToMap).toList());
                    m.put("audit", a);
                }
                out.println(ProfileCommand.Json.render(m));
            } else {
                out.printf("%s: %,d bytes, CMS AuthEnvelopedData, %s with a %d-byte tag%n", info.file(), info.fileSize(),
                        info.contentCipher(), info.macLength());
                out.printf("Opens with any one of %d entr%s:%n", entries.size(), entries.size() == 1 ? "y" : "ies");
                for (Map<String, Object> e : entries) {
                    StringBuilder line = new StringBuilder("  - " + e.get("type"));
                    e.forEach((k, v) -> {
                        if (!k.equals("type")) {
                            line.append(", ").append(k).append(' ').append(v);
                        }
                    });
                    out.println(line);
                }
                if (opened != null) {
                    printContents(out, opened);
                }
                if (audit != null) {
                    printAudit(out, opened);
                }
            }
            out.flush();
            if (audit != null && !audit.intact()) {
                throw new CliException(ExitCode.KEY_FILE_TAMPERED, "the audit log of " + keyFile + " is broken: "
                        + audit.problem().get(), null);
            }
            return ExitCode.OK;
        }

        private AuditLog.Check audit;

        private static Map<String, Object> auditToMap(AuditEntry e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", e.seq());
            m.put("time", e.time().toString());
            m.put("user", e.user());
            m.put("reason", e.reason());
            m.put("action", e.action());
            m.put("domain", e.domain());
            m.put("items", e.items());
            m.put("found", e.found());
            return m;
        }

        private void printAudit(PrintWriter out, KeyFileContents c) {
            out.printf("Audit log: %d entr%s%n", audit.entries(), audit.entries() == 1 ? "y" : "ies");
            for (AuditEntry e : c.auditEntries()) {
                out.printf("  #%d  %s  %s  %s%s: %d value%s, %d found — %s%n", e.seq(), e.time(), e.user(), e.action(),
                        e.domain() == null ? "" : " in " + e.domain(), e.items().size(), e.items().size() == 1 ? "" : "s",
                        e.found(), e.reason());
            }
            out.println(audit.intact() ? "Audit log intact: every entry chains to the one before, and the sealed counter"
                    + " agrees (head " + audit.head().substring(0, 16) + "…)" : "AUDIT LOG BROKEN: " + audit.problem().get());
        }

        private void printContents(PrintWriter out, KeyFileContents c) {
            out.printf("Project created %s; %,d pseudonym entr%s in %d domain%s, %,d date offset%s%n", c.createdAt(),
                    c.entryCount(), c.entryCount() == 1 ? "y" : "ies", c.domains().size(),
                    c.domains().size() == 1 ? "" : "s", c.dateOffsetCount(), c.dateOffsetCount() == 1 ? "" : "s");
            for (String d : c.domains()) {
                out.printf("  - domain %s: %,d%n", d, c.entryCount(d));
            }
            if (!c.hasSecret()) {
                out.println("An export key file: no project secret (it re-identifies only the entries it holds).");
            }
            c.splitSummary().ifPresent(s -> out.println("Split custody: " + s));
            if (c.coincidenceCount() > 0) {
                out.printf("%,d attested coincidence%s (shifted dates equal to their subject's own date; decision 0029)%n",
                        c.coincidenceCount(), c.coincidenceCount() == 1 ? "" : "s");
            }
            List<RunRecord> history = c.runs();
            if (c.auditCount() > 0 && !verifyAudit) {
                out.printf("%d re-identification%s in the audit log (see --verify-audit)%n", c.auditCount(),
                        c.auditCount() == 1 ? "" : "s");
            }
            out.printf("%d run%s:%n", history.size(), history.size() == 1 ? "" : "s");
            for (RunRecord r : history) {
                out.printf("  %s  %s  profile %s  into %s: %d written, %d failed, %d withheld, %d new pseudonyms%n",
                        r.startedAt(), r.runId(), r.profileName(), r.outputFolderName(), r.filesWritten(),
                        r.filesFailed(), r.filesQuarantined(), r.newEntries());
                if (runs) {
                    for (RunRecord.FileMapping f : r.files()) {
                        out.printf("      [input %d] %s -> %s (%s)%n", f.input(), f.source(),
                                f.output().isEmpty() ? "-" : f.output(), f.status());
                    }
                }
            }
        }

        private static Map<String, Object> entryToMap(KeyFileInfo.RecipientEntry r) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (r instanceof KeyFileInfo.PasswordEntry p) {
                m.put("type", "password");
                m.put("keyDerivation", p.keyDerivation());
                m.put("prf", p.prf());
                m.put("iterations", p.iterationCount());
                m.put("saltBytes", p.saltLength());
                m.put("keyEncryption", p.keyEncryption());
            } else if (r instanceof KeyFileInfo.CertificateEntry c) {
                m.put("type", c.method() == KeyFileInfo.CertificateMethod.KEY_TRANSPORT ? "trustee (key transport)"
                        : "trustee (key agreement)");
                m.put("keyEncryption", c.keyEncryption());
                c.subject().ifPresent(s -> m.put("subject", s));
                m.put("issuer", c.issuer());
                if (c.serialNumber() != null) {
                    m.put("serial", c.serialNumber().toString(16));
                }
            } else if (r instanceof KeyFileInfo.OtherEntry o) {
                m.put("type", o.type());
            }
            return m;
        }
    }

    /** {@code deid keyfile add-recipient}. */
    @Command(name = "add-recipient", mixinStandardHelpOptions = true,
            description = {"Let a trustee open the key file with their private key: RSA (2048 bits or more, sealed with",
                "RSA-OAEP-SHA256) or EC (ECDH). Needs the passphrase; the file is re-sealed with a fresh content key.",
                "The trustee then opens it with `openssl cms -decrypt -inform DER -in KEYFILE -recip CERT -inkey KEY`."})
    static final class AddRecipient implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "KEYFILE", description = "The key file.")
        Path keyFile;

        @Option(names = "--cert", required = true, paramLabel = "CERT.pem", description = "The trustee's certificate (PEM or DER).")
        Path cert;

        @Mixin
        PassphraseOption passphraseFile;

        private final Passphrases passphrases;

        AddRecipient(Passphrases passphrases) {
            this.passphrases = passphrases;
        }

        @Override
        public Integer call() {
            X509Certificate certificate = keyFile(() -> Pem.certificate(cert));
            keyFile(() -> KeyFileStore.inspect(keyFile)); // a missing or foreign file fails before the prompt
            char[] passphrase = passphrases.forOpening(passphraseFile.file, keyFile);
            try {
                keyFile(() -> {
                    KeyFileRecipients.add(keyFile, passphrase, certificate);
                    return null;
                });
            } finally {
                Arrays.fill(passphrase, '\0');
            }
            spec.commandLine().getOut().println("Added trustee " + KeyFileRecipients.describe(certificate) + " to "
                    + keyFile + "; the file was re-sealed with a fresh content key.");
            return ExitCode.OK;
        }
    }

    /** {@code deid keyfile remove-recipient}. */
    @Command(name = "remove-recipient", mixinStandardHelpOptions = true,
            description = {"Remove a trustee. Needs the passphrase; the file is re-sealed with a fresh content key, so",
                "the removed trustee cannot open what is written from now on (copies they already have stay readable)."})
    static final class RemoveRecipient implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "KEYFILE", description = "The key file.")
        Path keyFile;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        static final class Which {
            @Option(names = "--cert", paramLabel = "CERT.pem", description = "The trustee's certificate.")
            Path cert;

            @Option(names = "--serial", paramLabel = "HEX", description = "The trustee's serial number, as inspect shows it.")
            String serial;
        }

        @Mixin
        PassphraseOption passphraseFile;

        private final Passphrases passphrases;

        RemoveRecipient(Passphrases passphrases) {
            this.passphrases = passphrases;
        }

        @Override
        public Integer call() {
            X509Certificate certificate = which.cert == null ? null : keyFile(() -> Pem.certificate(which.cert));
            keyFile(() -> KeyFileStore.inspect(keyFile));
            char[] passphrase = passphrases.forOpening(passphraseFile.file, keyFile);
            X509Certificate removed;
            try {
                removed = keyFile(() -> {
                    if (certificate != null) {
                        KeyFileRecipients.remove(keyFile, passphrase, certificate);
                        return certificate;
                    }
                    return KeyFileRecipients.remove(keyFile, passphrase, which.serial);
                });
            } finally {
                Arrays.fill(passphrase, '\0');
            }
            spec.commandLine().getOut().println("Removed trustee " + KeyFileRecipients.describe(removed) + " from "
                    + keyFile + "; the file was re-sealed with a fresh content key.");
            return ExitCode.OK;
        }
    }

    /** {@code deid keyfile change-passphrase}. */
    @Command(name = "change-passphrase", mixinStandardHelpOptions = true,
            description = {"Replace the key file's passphrase (trustees keep their access). The new passphrase comes from",
                "--new-passphrase-file, DEID_NEW_PASSPHRASE, or is typed twice."})
    static final class ChangePassphrase implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "KEYFILE", description = "The key file.")
        Path keyFile;

        @Option(names = "--passphrase-file", paramLabel = "FILE",
                description = "Read the current passphrase from FILE (else DEID_PASSPHRASE, else a prompt).")
        Path passphraseFile;

        @Option(names = "--new-passphrase-file", paramLabel = "FILE",
                description = "Read the new passphrase from FILE (else DEID_NEW_PASSPHRASE, else a prompt).")
        Path newPassphraseFile;

        private final Passphrases passphrases;

        ChangePassphrase(Passphrases passphrases) {
            this.passphrases = passphrases;
        }

        @Override
        public Integer call() {
            keyFile(() -> KeyFileStore.inspect(keyFile));
            char[] old = passphrases.forOpening(passphraseFile, keyFile);
            char[] fresh = null;
            try {
                fresh = passphrases.forChanging(newPassphraseFile, keyFile);
                char[] replacement = fresh;
                keyFile(() -> {
                    KeyFileRecipients.changePassphrase(keyFile, old, replacement);
                    return null;
                });
            } finally {
                Arrays.fill(old, '\0');
                if (fresh != null) {
                    Arrays.fill(fresh, '\0');
                }
            }
            spec.commandLine().getOut().println("Changed the passphrase of " + keyFile
                    + "; the old one no longer opens it (copies of the file made before still open with the old one).");
            return ExitCode.OK;
        }
    }

    /** {@code deid keyfile split}. */
    @Command(name = "split", mixinStandardHelpOptions = true,
            description = {"Split custody: any THRESHOLD of SHARES custodians open the key file together with their share",
                "files (--share, repeated), without the passphrase. A new random key opens the file through a standard",
                "CMS KEKRecipientInfo; it is split with Shamir's scheme; each share file holds one share and a key-check",
                "value, never the key. Splitting again replaces the earlier split. Needs the passphrase."})
    static final class Split implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "KEYFILE", description = "The key file.")
        Path keyFile;

        @Option(names = {"-k", "--threshold"}, required = true, paramLabel = "K", description = "Shares needed to open.")
        int threshold;

        @Option(names = {"-n", "--shares"}, required = true, paramLabel = "N", description = "Shares to make (one per custodian).")
        int shares;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the share files.")
        Path out;

        @Mixin
        PassphraseOption passphraseFile;

        private final Passphrases passphrases;

        Split(Passphrases passphrases) {
            this.passphrases = passphrases;
        }

        @Override
        public Integer call() {
            if (threshold < 2 || shares < threshold || shares > 255) {
                throw new CliException(ExitCode.USAGE, "a split needs 2 <= --threshold <= --shares <= 255", null);
            }
            if (!java.nio.file.Files.isDirectory(out)) {
                throw new CliException(ExitCode.IO, "no folder " + out + " for the share files", null);
            }
            keyFile(() -> KeyFileStore.inspect(keyFile));
            char[] passphrase = passphrases.forOpening(passphraseFile.file, keyFile);
            List<Path> files;
            try {
                files = keyFile(() -> org.deidworkbench.keyfile.Custody.split(keyFile, passphrase, threshold, shares, out));
            } finally {
                Arrays.fill(passphrase, '\0');
            }
            PrintWriter o = spec.commandLine().getOut();
            o.printf("Split the key of %s: any %d of these %d share files open it (give one to each custodian, and"
                    + " delete the copies here):%n", keyFile, threshold, shares);
            files.forEach(f -> o.println("  " + f));
            o.flush();
            return ExitCode.OK;
        }
    }

    /** {@code deid keyfile export}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write an export key file for one output folder, for a trustee: only the pseudonym entries (and",
                "date offsets) that occur in that output, and no project secret — it re-identifies that output and",
                "nothing else, cannot make new pseudonyms and cannot reverse `encrypt` values. It is sealed with its own",
                "passphrase (--export-passphrase-file, DEID_EXPORT_PASSPHRASE, or typed) and the --trustee certificates."})
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "KEYFILE", description = "The project key file.")
        Path keyFile;

        @Option(names = "--for", required = true, paramLabel = "OUTPUT_DIR", description = "The output folder it is for.")
        Path output;

        @Option(names = "--to", required = true, paramLabel = "EXPORT.deidkey", description = "The export key file to create.")
        Path target;

        @Option(names = "--trustee", paramLabel = "CERT.pem",
                description = "Certificate of a trustee who may open the export (repeatable).")
        List<Path> certs = new ArrayList<>();

        @Option(names = "--export-passphrase-file", paramLabel = "FILE",
                description = "The export key file's passphrase (else DEID_EXPORT_PASSPHRASE, else a prompt).")
        Path exportPassphraseFile;

        @Mixin
        CredentialOptions credentials;

        private final Passphrases passphrases;

        Export(Passphrases passphrases) {
            this.passphrases = passphrases;
        }

        @Override
        public Integer call() {
            List<X509Certificate> trustees = new ArrayList<>();
            for (Path c : certs) {
                trustees.add(keyFile(() -> Pem.certificate(c)));
            }
            keyFile(() -> KeyFileStore.inspect(keyFile));
            KeyFileCredential credential = credentials.resolve(passphrases, keyFile);
            KeyFileContents project;
            try {
                project = keyFile(() -> KeyFileStore.open(keyFile, credential));
            } finally {
                credential.wipe();
            }
            char[] exportPassphrase = passphrases.forExport(exportPassphraseFile, target);
            org.deidworkbench.job.ExportJob.Result result;
            try {
                result = new org.deidworkbench.job.ExportJob(project, output, target, exportPassphrase, trustees).run();
            } catch (org.deidworkbench.job.JobException e) {
                throw Failures.of(e);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.USAGE, e.getMessage(), e);
            } finally {
                Arrays.fill(exportPassphrase, '\0');
            }
            spec.commandLine().getOut().printf("Wrote export key file %s for %s: %,d pseudonym entr%s and %,d date offset%s"
                    + " found in %d files; no project secret.%n", target, output, result.entries(),
                    result.entries() == 1 ? "y" : "ies", result.dateOffsets(), result.dateOffsets() == 1 ? "" : "s",
                    result.files());
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }
}
