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
                "their parameters — without a passphrase and without decrypting anything."})
    static final class Inspect implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "KEYFILE", description = "The key file.")
        Path keyFile;

        @Option(names = "--json", description = "Machine-readable output.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            KeyFileInfo info;
            try {
                info = KeyFileStore.inspect(keyFile);
            } catch (KeyFileException e) {
                throw Failures.of(e);
            }
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
            }
            out.flush();
            return ExitCode.OK;
        }
    }
}
