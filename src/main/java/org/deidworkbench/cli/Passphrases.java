package org.deidworkbench.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Where a key file's passphrase comes from: {@code --passphrase-file}, then the
 * {@code DEID_PASSPHRASE} environment variable, then an interactive prompt. Never a command-line
 * value, which would land in shell history and process lists.
 */
final class Passphrases {

    /** Shortest passphrase accepted for a new key file. */
    static final int MIN_LENGTH = 8;

    static final String ENV = "DEID_PASSPHRASE";
    /** The passphrase of a new export key file ({@code deid keyfile export}), when not typed. */
    static final String EXPORT_ENV = "DEID_EXPORT_PASSPHRASE";
    /** The new passphrase for {@code deid keyfile change-passphrase}, when not typed. */
    static final String NEW_ENV = "DEID_NEW_PASSPHRASE";

    private final Map<String, String> env;
    private final Console console;

    Passphrases(Map<String, String> env, Console console) {
        this.env = env;
        this.console = console;
    }

    /** The passphrase for an existing key file. */
    char[] forOpening(Path passphraseFile, Path keyFile) {
        char[] p = fromFileOrEnv(passphraseFile, ENV);
        if (p != null) {
            return p;
        }
        requireConsole();
        char[] typed = console.readPassword("Passphrase for %s: ", keyFile.getFileName());
        if (typed == null) {
            throw new CliException(ExitCode.USAGE, "no passphrase entered", null);
        }
        return typed;
    }

    /** The passphrase for a new key file; asked twice when typed, and checked for length. */
    char[] forCreating(Path passphraseFile, Path keyFile) {
        return forNew(passphraseFile, ENV, keyFile);
    }

    /** The replacement passphrase of an existing key file: {@code --new-passphrase-file}, {@value #NEW_ENV}, or typed twice. */
    char[] forChanging(Path newPassphraseFile, Path keyFile) {
        return forNew(newPassphraseFile, NEW_ENV, keyFile);
    }

    /** The passphrase of a new export key file: {@code --export-passphrase-file}, {@value #EXPORT_ENV}, or typed twice. */
    char[] forExport(Path file, Path keyFile) {
        return forNew(file, EXPORT_ENV, keyFile);
    }

    private char[] forNew(Path passphraseFile, String envName, Path keyFile) {
        char[] p = fromFileOrEnv(passphraseFile, envName);
        if (p == null) {
            requireConsole();
            char[] first = console.readPassword("New passphrase for %s: ", keyFile.getFileName());
            char[] second = console.readPassword("Repeat the passphrase: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new CliException(ExitCode.USAGE, "the two passphrases differ", null);
            }
            Arrays.fill(second, '\0');
            p = first;
        }
        if (p.length < MIN_LENGTH) {
            Arrays.fill(p, '\0');
            throw new CliException(ExitCode.USAGE, "the passphrase must have at least " + MIN_LENGTH
                    + " characters; it protects every original identifier of the export", null);
        }
        return p;
    }

    private char[] fromFileOrEnv(Path passphraseFile, String envName) {
        if (passphraseFile != null) {
            try {
                String s = Files.readString(passphraseFile, StandardCharsets.UTF_8);
                // Files written with echo end in a line break that is not part of the passphrase.
                s = s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
                if (s.isEmpty()) {
                    throw new CliException(ExitCode.USAGE, "the passphrase file " + passphraseFile + " is empty", null);
                }
                return s.toCharArray();
            } catch (IOException e) {
                throw new CliException(ExitCode.IO, "cannot read the passphrase file " + passphraseFile, e);
            }
        }
        String fromEnv = env.get(envName);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        return null;
    }

    private void requireConsole() {
        if (console == null) {
            throw new CliException(ExitCode.USAGE, "a passphrase is needed: use --passphrase-file FILE, set "
                    + ENV + ", or run in a terminal to be asked", null);
        }
    }
}
