package org.deidworkbench.keyfile;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A key file cannot be opened, read or written, or a change to its contents was refused. Carries a
 * {@link Reason} (stable code {@code KEYFILE-<REASON>}) and the file concerned. The message names the
 * file and what to do; it never contains a passphrase, a secret or an original value.
 */
public final class KeyFileException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the operation failed; each reason is a distinct situation a data steward can act on. */
    public enum Reason {
        /** The file does not exist. */
        NOT_FOUND,
        /** The file is not a DER/BER CMS structure, or not an AuthEnvelopedData. */
        NOT_A_KEY_FILE,
        /** The file ends before the structure it declares (copy or download cut short). */
        TRUNCATED,
        /** The password entry did not unwrap: wrong passphrase (or that entry's salt/wrapped key is damaged). */
        WRONG_PASSPHRASE,
        /** The encrypted content, its MAC, its parameters or the CMS structure was modified or damaged. */
        TAMPERED,
        /** No recipient entry fits the credential given (no password entry, or no entry for that certificate/key). */
        NO_MATCHING_RECIPIENT,
        /** The payload was written by a newer version of the tool. */
        UNSUPPORTED_VERSION,
        /** The decrypted, authenticated payload does not follow the documented JSON schema. */
        CORRUPT_PAYLOAD,
        /** A pseudonym in a domain already maps to a different original value. */
        PSEUDONYM_COLLISION,
        /** A new key file was to be created but the file already exists. */
        ALREADY_EXISTS,
        /** Reading or writing the file failed at the operating-system level. */
        IO_ERROR,
        /** A certificate, private key or key share file cannot be read or does not fit. */
        CREDENTIAL_INVALID,
        /** The recipient to add is already in the file, or the one to remove is not (or is the last way in). */
        RECIPIENT_CONFLICT;

        /** Stable code for reports and scripts, e.g. {@code KEYFILE-WRONG-PASSPHRASE}. */
        public String code() {
            return "KEYFILE-" + name().replace('_', '-').toUpperCase(Locale.ROOT);
        }
    }

    private final Reason reason;
    private final transient Path file;

    /**
     * @param reason why it failed
     * @param file the key file concerned, or {@code null} when no file is involved (e.g. a collision while adding entries)
     * @param message what is wrong and what to do, free of secrets and original values
     */
    public KeyFileException(Reason reason, Path file, String message) {
        this(reason, file, message, null);
    }

    /** As {@link #KeyFileException(Reason, Path, String)}, with the underlying cause (never one whose message may hold data). */
    public KeyFileException(Reason reason, Path file, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.file = file;
    }

    /** Why it failed. */
    public Reason reason() {
        return reason;
    }

    /** The key file concerned; {@code null} when no file is involved. */
    public Path file() {
        return file;
    }

    /** Stable code, e.g. {@code KEYFILE-TRUNCATED}. */
    public String code() {
        return reason.code();
    }
}
