package org.deidworkbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.deidworkbench.keyfile.KeyFileCredential;
import org.deidworkbench.keyfile.KeyFileException;
import org.deidworkbench.keyfile.Pem;
import picocli.CommandLine.Option;

/**
 * How a command opens a key file: the passphrase (default), or a trustee's private key with its
 * certificate ({@code --key} and {@code --cert}, PEM as OpenSSL writes them).
 */
final class CredentialOptions {

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the passphrase from FILE (else DEID_PASSPHRASE, else a prompt).")
    Path passphraseFile;

    @Option(names = "--key", paramLabel = "KEY.pem",
            description = "Open as a trustee with this private key (PEM; needs --cert).")
    Path key;

    @Option(names = "--cert", paramLabel = "CERT.pem", description = "The trustee's certificate (with --key).")
    Path cert;

    @Option(names = "--key-passphrase-file", paramLabel = "FILE",
            description = "Password of an encrypted --key, read from FILE.")
    Path keyPassphraseFile;

    @Option(names = "--share", paramLabel = "SHARE.json",
            description = "Open with custodians' key shares (repeat: as many as the split's threshold).")
    java.util.List<Path> shares = new java.util.ArrayList<>();

    /** Whether the user chose a trustee key instead of the passphrase. */
    boolean trustee() {
        return key != null || cert != null;
    }

    /** The credential to open {@code keyFile} with; the caller wipes it. */
    KeyFileCredential resolve(Passphrases passphrases, Path keyFile) {
        if (!shares.isEmpty()) {
            if (trustee()) {
                throw new CliException(ExitCode.USAGE, "give either --share files or --key/--cert, not both", null);
            }
            java.util.List<org.deidworkbench.keyfile.KeyShare> read = new java.util.ArrayList<>();
            try {
                for (Path s : shares) {
                    read.add(org.deidworkbench.keyfile.KeyShare.read(s));
                }
            } catch (KeyFileException e) {
                read.forEach(org.deidworkbench.keyfile.KeyShare::wipe);
                throw Failures.of(e);
            }
            return new KeyFileCredential.Custodians(read);
        }
        if (trustee()) {
            if (key == null || cert == null) {
                throw new CliException(ExitCode.USAGE, "a trustee opens a key file with both --key and --cert", null);
            }
            char[] password = readKeyPassword();
            try {
                return new KeyFileCredential.Trustee(Pem.privateKey(key, password), Pem.certificate(cert));
            } catch (KeyFileException e) {
                throw Failures.of(e);
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        }
        return new KeyFileCredential.Passphrase(passphrases.forOpening(passphraseFile, keyFile));
    }

    private char[] readKeyPassword() {
        if (keyPassphraseFile == null) {
            return null;
        }
        try {
            String s = Files.readString(keyPassphraseFile, StandardCharsets.UTF_8);
            s = s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
            return s.toCharArray();
        } catch (IOException e) {
            throw new CliException(ExitCode.IO, "cannot read the key password file " + keyPassphraseFile, e);
        }
    }
}
