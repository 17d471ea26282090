package org.deidworkbench.keyfile;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.deidworkbench.keyfile.KeyFileException.Reason;

/**
 * One custodian's share of a key file's split key-encryption key (keyfile-format.md §8): which split it
 * belongs to ({@code keyId}), how many shares open it ({@code threshold}) of how many ({@code shares}), its
 * x-coordinate ({@code index}), the share bytes, and a key-check value of the whole key so that a wrong or
 * mixed combination is detected before decrypting. Never the key itself. {@code toString()} hides the share.
 *
 * <p>File format (UTF-8 JSON, members in this order):
 * <pre>{"format":"deid-workbench-key-share","version":1,"keyId":"…32 hex…","threshold":2,"shares":3,
 *  "index":1,"share":"…base64 of 32 bytes…","check":"…16 hex…","keyFile":"study.deidkey","createdAt":"…"}</pre>
 */
public final class KeyShare {

    static final String FORMAT = "deid-workbench-key-share";
    static final int VERSION = 1;
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    private final String keyId;
    private final int threshold;
    private final int shares;
    private final int index;
    private final byte[] share;
    private final String check;
    private final String keyFile;
    private final Instant createdAt;

    KeyShare(String keyId, int threshold, int shares, int index, byte[] share, String check, String keyFile,
            Instant createdAt) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.threshold = threshold;
        this.shares = shares;
        this.index = index;
        this.share = share.clone();
        this.check = Objects.requireNonNull(check, "check");
        this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The split's key identifier (hex), also the KEKRecipientInfo's {@code keyIdentifier}. */
    public String keyId() {
        return keyId;
    }

    /** How many shares open the file. */
    public int threshold() {
        return threshold;
    }

    /** How many shares were made. */
    public int shares() {
        return shares;
    }

    /** This share's index (1..shares), its x-coordinate. */
    public int index() {
        return index;
    }

    /** Key-check value of the whole key (hex). */
    public String check() {
        return check;
    }

    /** Name of the key file this share opens (informational). */
    public String keyFile() {
        return keyFile;
    }

    byte[] shareBytes() {
        return share.clone();
    }

    /** Overwrites the share bytes held by this object. */
    public void wipe() {
        Arrays.fill(share, (byte) 0);
    }

    @Override
    public String toString() {
        return "KeyShare[" + index + " of " + shares + ", threshold " + threshold + ", key " + keyId + "]";
    }

    /** The share file's bytes. */
    byte[] encode() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("keyId", keyId);
            g.writeNumberField("threshold", threshold);
            g.writeNumberField("shares", shares);
            g.writeNumberField("index", index);
            g.writeStringField("share", Base64.getEncoder().encodeToString(share));
            g.writeStringField("check", check);
            g.writeStringField("keyFile", keyFile);
            g.writeStringField("createdAt", createdAt.toString());
            g.writeEndObject();
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Reads a share file.
     *
     * @throws KeyFileException CREDENTIAL_INVALID naming the file (never its contents)
     */
    public static KeyShare read(Path file) throws KeyFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw invalid(file, "does not exist");
        } catch (IOException e) {
            throw invalid(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Map<String, Object> m = new HashMap<>();
        try (JsonParser p = JSON.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(file, "is not a key share file");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                Object value = t == JsonToken.VALUE_NUMBER_INT ? (Object) p.getLongValue()
                        : t == JsonToken.VALUE_STRING ? p.getText() : null;
                if (value == null || m.put(name, value) != null) {
                    throw invalid(file, "is not a valid key share file (member \"" + name + "\")");
                }
            }
        } catch (IOException e) {
            throw invalid(file, "is not a key share file (not JSON)");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        if (!FORMAT.equals(m.get("format"))) {
            throw invalid(file, "is not a key share file");
        }
        if (!(m.get("version") instanceof Long v) || v != VERSION) {
            throw invalid(file, "is a key share of a version this DeID Workbench does not read");
        }
        try {
            String keyId = (String) m.get("keyId");
            int threshold = Math.toIntExact((Long) m.get("threshold"));
            int shares = Math.toIntExact((Long) m.get("shares"));
            int index = Math.toIntExact((Long) m.get("index"));
            byte[] share = Base64.getDecoder().decode((String) m.get("share"));
            String check = (String) m.get("check");
            HexFormat.of().parseHex(keyId);
            HexFormat.of().parseHex(check);
            if (threshold < 2 || shares < threshold || shares > 255 || index < 1 || index > shares || share.length != 32) {
                throw invalid(file, "has inconsistent numbers (threshold, shares, index or share length)");
            }
            KeyShare result = new KeyShare(keyId, threshold, shares, index, share, check,
                    (String) m.getOrDefault("keyFile", ""), Instant.parse((String) m.get("createdAt")));
            Arrays.fill(share, (byte) 0);
            return result;
        } catch (ClassCastException | NullPointerException | IllegalArgumentException | ArithmeticException
                | java.time.format.DateTimeParseException e) {
            throw invalid(file, "is not a valid key share file (missing or malformed members)");
        }
    }

    private static KeyFileException invalid(Path file, String what) {
        return new KeyFileException(Reason.CREDENTIAL_INVALID, file, "The key share file " + file + " " + what + ".");
    }
}
