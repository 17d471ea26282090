package org.deidworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deidworkbench.keyfile.KeyFileException;
import org.deidworkbench.keyfile.KeyFileInfo;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.keyfile.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deid keyfile}: look at a key file's protection without opening it. */
@Command(name = "keyfile", mixinStandardHelpOptions = true, description = "Key file tools.",
        subcommands = {KeyFileCommand.Inspect.class})
final class KeyFileCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code deid keyfile inspect}. */
    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = {"Show how a key file is sealed — content cipher, password and trustee entries with",
                "their parameters — without a passphrase and without decrypting anything.",
                "With --runs (needs the passphrase): the run history, with where each input file went."})
    static final class Inspect implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "KEYFILE", description = "The key file.")
        Path keyFile;

        @Option(names = "--json", description = "Machine-readable output.")
        boolean json;

        @Option(names = "--runs", description = {"Also list the runs and each input file's output. Input paths may",
            "carry patient names: this is for the key holder's eyes, never for a shared log."})
        boolean runs;

        @Option(names = "--passphrase-file", paramLabel = "FILE",
                description = "With --runs: read the passphrase from FILE (else DEID_PASSPHRASE, else a prompt).")
        Path passphraseFile;

        private final Passphrases passphrases;

        Inspect(Passphrases passphrases) {
            this.passphrases = passphrases;
        }

        /** The run history, opened with the passphrase; empty without {@code --runs}. */
        private List<RunRecord> runHistory() {
            if (!runs) {
                return List.of();
            }
            char[] passphrase = passphrases.forOpening(passphraseFile, keyFile);
            try {
                return KeyFileStore.open(keyFile, passphrase).runs();
            } catch (KeyFileException e) {
                throw Failures.of(e);
            } finally {
                java.util.Arrays.fill(passphrase, '\0');
            }
        }

        private static Map<String, Object> runToMap(RunRecord r) {
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
            return m;
        }

        @Override
        public Integer call() throws IOException {
            KeyFileInfo info;
            try {
                info = KeyFileStore.inspect(keyFile);
            } catch (KeyFileException e) {
                throw Failures.of(e);
            }
            List<RunRecord> history = runHistory();
            PrintWriter out = spec.commandLine().getOut();
            List<Map<String, Object>> entries = new ArrayList<>();
            for (KeyFileInfo.RecipientEntry r : info.recipients()) {
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
                entries.add(m);
            }
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", info.file().toString());
                m.put("bytes", info.fileSize());
                m.put("contentCipher", info.contentCipher());
                m.put("macBytes", info.macLength());
                m.put("recipients", entries);
                if (runs) {
                    m.put("runs", history.stream().map(Inspect::runToMap).toList());
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
                if (runs) {
                    out.printf("%d run%s:%n", history.size(), history.size() == 1 ? "" : "s");
                    for (RunRecord r : history) {
                        out.printf("  %s  %s  profile %s  into %s: %d written, %d failed, %d withheld, %d new pseudonyms%n",
                                r.startedAt(), r.runId(), r.profileName(), r.outputFolderName(), r.filesWritten(),
                                r.filesFailed(), r.filesQuarantined(), r.newEntries());
                        for (RunRecord.FileMapping f : r.files()) {
                            out.printf("      [input %d] %s -> %s (%s)%n", f.input(), f.source(),
                                    f.output().isEmpty() ? "-" : f.output(), f.status());
                        }
                    }
                }
            }
            out.flush();
            return ExitCode.OK;
        }
    }
}
