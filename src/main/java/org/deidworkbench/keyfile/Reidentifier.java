package org.deidworkbench.keyfile;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.deidworkbench.crypto.CryptoException;
import org.deidworkbench.crypto.Ff1Cipher;
import org.deidworkbench.keyfile.KeyFileException.Reason;

/**
 * Audited re-identification: turns pseudonyms (or FF1-encrypted values) back into their originals, and
 * first appends a hash-chained entry to the key file's audit log ({@link AuditLog}) and re-seals the file
 * for the same recipients ({@link Resealer}). Nothing is returned unless the entry is safely on disk, so
 * every answer has its record. A reason is mandatory. Stateless and thread-safe (the key file is the
 * state: concurrent lookups on one file are not coordinated, the last re-seal wins).
 */
public final class Reidentifier {

    /** Shortest accepted reason, so "x" or "." is not a justification. */
    public static final int MIN_REASON_LENGTH = 8;

    private Reidentifier() {
    }

    /**
     * Who asks and why.
     *
     * @param user the operating-system user
     * @param reason the stated justification; at least {@value #MIN_REASON_LENGTH} characters besides spaces
     * @param time when (recorded in the audit log)
     */
    public record Request(String user, String reason, Instant time) {
        public Request {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(time, "time");
            if (reason.strip().length() < MIN_REASON_LENGTH) {
                throw new IllegalArgumentException("a reason of at least " + MIN_REASON_LENGTH
                        + " characters is required: it is recorded in the key file's audit log");
            }
        }
    }

    /**
     * One answer: the value asked for, the domain it was found in, and the original (empty when not found).
     * {@code toString()} hides the original.
     */
    public record Answer(String query, String domain, Optional<String> original) {
        @Override
        public String toString() {
            return "Answer[" + query + ", " + domain + (original.isPresent() ? ", found]" : ", not found]");
        }
    }

    /**
     * The answers and the audit entry recorded for them.
     *
     * @param answers one per value asked (several if a pseudonym occurs in several domains), in the order asked
     * @param entry the audit log entry now sealed in the key file
     */
    public record Result(List<Answer> answers, AuditEntry entry) {
    }

    /**
     * Looks pseudonyms up in one domain, or in every domain when {@code domain} is {@code null}.
     *
     * @throws KeyFileException any reason of {@link KeyFileStore#open(Path, KeyFileCredential)}, or IO_ERROR when
     *         the audit entry cannot be sealed (then nothing is returned)
     */
    public static Result lookup(Path file, KeyFileCredential credential, Request request, String domain,
            List<String> pseudonyms) throws KeyFileException {
        KeyFileStore.Opened opened = KeyFileStore.openCapturingKey(file, credential);
        try {
            KeyFileContents contents = opened.contents();
            List<Answer> answers = new ArrayList<>();
            int found = 0;
            for (String p : pseudonyms) {
                String query = p.strip();
                boolean any = false;
                for (String d : domain == null ? contents.domains() : List.of(domain)) {
                    Optional<String> original = contents.original(d, query);
                    if (original.isPresent()) {
                        answers.add(new Answer(query, d, original));
                        any = true;
                    }
                }
                if (any) {
                    found++;
                } else {
                    answers.add(new Answer(query, domain, Optional.empty()));
                }
            }
            AuditEntry entry = AuditLog.append(contents, request.time(), request.user(), request.reason().strip(),
                    AuditLog.LOOKUP, domain, pseudonyms.stream().map(String::strip).toList(), found);
            Resealer.reseal(file, opened, contents);
            return new Result(answers, entry);
        } finally {
            opened.wipeKey();
        }
    }

    /**
     * Decrypts values that an {@code encrypt} rule wrote with FF1 under {@code tweakDomain} (the rule's domain,
     * by default its id) and {@code alphabet} (the characters, as {@link Ff1Cipher} takes them). Needs a project
     * key file: an export key file holds no FF1 key.
     *
     * @throws KeyFileException NO_MATCHING_RECIPIENT for an export key file, and as {@link #lookup}
     */
    public static Result decryptFf1(Path file, KeyFileCredential credential, Request request, String tweakDomain,
            String alphabet, List<String> values) throws KeyFileException {
        KeyFileStore.Opened opened = KeyFileStore.openCapturingKey(file, credential);
        try {
            KeyFileContents contents = opened.contents();
            if (!contents.hasSecret()) {
                throw new KeyFileException(Reason.NO_MATCHING_RECIPIENT, file, "Key file " + file
                        + " is an export key file: it holds no FF1 key, so encrypted values cannot be reversed with it."
                        + " Ask the steward, who holds the project key file.");
            }
            Ff1Cipher cipher = new Ff1Cipher(contents.secret());
            List<Answer> answers = new ArrayList<>();
            int found = 0;
            for (String v : values) {
                String query = v.strip();
                Optional<String> original;
                try {
                    original = Optional.of(cipher.decrypt(tweakDomain, query, alphabet));
                    found++;
                } catch (CryptoException e) {
                    original = Optional.empty();
                }
                answers.add(new Answer(query, tweakDomain, original));
            }
            AuditEntry entry = AuditLog.append(contents, request.time(), request.user(), request.reason().strip(),
                    AuditLog.FF1_DECRYPT, tweakDomain, values.stream().map(String::strip).toList(), found);
            Resealer.reseal(file, opened, contents);
            return new Result(answers, entry);
        } finally {
            opened.wipeKey();
        }
    }

    /** The alphabet of a name as profiles write it ({@code digits}, {@code upper-alphanumeric}, {@code alphanumeric}), else the literal characters. */
    public static String alphabet(String nameOrCharacters) {
        return switch (nameOrCharacters) {
            case "digits" -> Ff1Cipher.DIGITS;
            case "upper-alphanumeric" -> Ff1Cipher.UPPER_ALPHANUMERIC;
            case "alphanumeric" -> Ff1Cipher.ALPHANUMERIC;
            default -> nameOrCharacters;
        };
    }
}
