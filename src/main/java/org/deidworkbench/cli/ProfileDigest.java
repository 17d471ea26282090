package org.deidworkbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.deidworkbench.config.ProfileLoader;

/** SHA-256 of a profile's text, so reports and the key file say exactly which rules were applied. */
final class ProfileDigest {

    private ProfileDigest() {
    }

    static String of(String nameOrPath) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (ProfileLoader.builtInNames().contains(nameOrPath)) {
                try (InputStream in = ProfileLoader.class.getResourceAsStream("profiles/" + nameOrPath + ".yaml")) {
                    if (in == null) {
                        throw new IllegalStateException("built-in profile resource missing: " + nameOrPath);
                    }
                    return HexFormat.of().formatHex(sha.digest(in.readAllBytes()));
                }
            }
            return HexFormat.of().formatHex(sha.digest(Files.readAllBytes(Path.of(nameOrPath))));
        } catch (IOException e) {
            throw new CliException(ExitCode.PROFILE, "cannot read the profile " + nameOrPath, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
