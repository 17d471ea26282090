package org.deidworkbench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --passphrase-file} of the commands that need the key file's passphrase (and no other credential). */
final class PassphraseOption {

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the passphrase from FILE (else DEID_PASSPHRASE, else a prompt).")
    Path file;
}
