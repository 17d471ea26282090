package org.deidworkbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileException;
import org.deidworkbench.keyfile.KeyFileStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deid init}: creates a new project key file with a fresh random secret. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a new project key file (a fresh 256-bit secret sealed with a passphrase).",
            "Runs that share a key file give the same person the same pseudonyms and date shift."})
final class InitCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEYFILE", description = "Where to create the key file, e.g. study.deidkey.")
    Path keyFile;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the passphrase from FILE (else DEID_PASSPHRASE, else a prompt).")
    Path passphraseFile;

    private final Passphrases passphrases;

    InitCommand(Passphrases passphrases) {
        this.passphrases = passphrases;
    }

    @Override
    public Integer call() {
        if (Files.exists(keyFile)) {
            throw new CliException(ExitCode.KEY_FILE, "the key file " + keyFile
                    + " already exists; it was left unchanged (a new secret would break pseudonym consistency)", null);
        }
        char[] passphrase = passphrases.forCreating(passphraseFile, keyFile);
        try {
            KeyFileContents contents = KeyFileContents.newProject(Instant.now());
            KeyFileStore.create(keyFile, contents, passphrase, List.of());
        } catch (KeyFileException e) {
            if (e.reason() == KeyFileException.Reason.ALREADY_EXISTS) {
                throw new CliException(ExitCode.KEY_FILE, "the key file " + keyFile
                        + " already exists; it was left unchanged (a new secret would break pseudonym consistency)", e);
            }
            throw Failures.of(e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        spec.commandLine().getOut().println("Created key file " + keyFile
                + ". Keep it and its passphrase safe: without both, pseudonyms cannot be reversed or reproduced.");
        return ExitCode.OK;
    }
}
