package org.deidworkbench.keyfile;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.deidworkbench.keyfile.KeyFileException.Reason;

/**
 * Reads trustee certificates and private keys from PEM files as OpenSSL writes them: certificates
 * ({@code BEGIN CERTIFICATE}, DER also accepted), PKCS#8 keys plain or encrypted ({@code BEGIN PRIVATE KEY},
 * {@code BEGIN ENCRYPTED PRIVATE KEY}) and traditional RSA/EC keys ({@code BEGIN RSA/EC PRIVATE KEY}).
 * Errors name the file, never its contents. Stateless and thread-safe.
 */
public final class Pem {

    private static final Provider BC = new BouncyCastleProvider();

    private Pem() {
    }

    /**
     * The first certificate in a PEM (or DER) file.
     *
     * @throws KeyFileException CREDENTIAL_INVALID when the file is missing or holds no certificate
     */
    public static X509Certificate certificate(Path file) throws KeyFileException {
        try {
            byte[] bytes = Files.readAllBytes(file);
            X509CertificateHolder holder = null;
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN")) {
                try (PEMParser parser = new PEMParser(new java.io.StringReader(text))) {
                    for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                        if (o instanceof X509CertificateHolder h) {
                            holder = h;
                            break;
                        }
                    }
                }
            } else {
                holder = new X509CertificateHolder(bytes);
            }
            if (holder == null) {
                throw invalid(file, "holds no certificate (expected -----BEGIN CERTIFICATE-----)");
            }
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (NoSuchFileException e) {
            throw invalid(file, "does not exist");
        } catch (IOException | CertificateException | RuntimeException e) {
            throw invalid(file, "is not a readable X.509 certificate (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The private key in a PEM file.
     *
     * @param password for an encrypted key, else {@code null}; not kept
     * @throws KeyFileException CREDENTIAL_INVALID when the file is missing, holds no private key, or is encrypted
     *         and the password is missing or wrong
     */
    public static PrivateKey privateKey(Path file, char[] password) throws KeyFileException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            // keys from the platform provider, like the certificates: signatures and ECDH then work with either
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    requirePassword(file, password);
                    InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC)
                            .build(password);
                    try {
                        return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(decryptor));
                    } catch (Exception e) {
                        throw invalid(file, "could not be decrypted: wrong key password, or an unsupported encryption");
                    }
                }
                if (o instanceof PEMEncryptedKeyPair encrypted) {
                    requirePassword(file, password);
                    try {
                        return converter.getKeyPair(encrypted.decryptKeyPair(
                                new JcePEMDecryptorProviderBuilder().setProvider(BC).build(password))).getPrivate();
                    } catch (Exception e) {
                        throw invalid(file, "could not be decrypted: wrong key password, or an unsupported encryption");
                    }
                }
            }
            throw invalid(file, "holds no private key (expected -----BEGIN PRIVATE KEY----- or similar)");
        } catch (NoSuchFileException e) {
            throw invalid(file, "does not exist");
        } catch (KeyFileException e) {
            throw e;
        } catch (Exception e) {
            throw invalid(file, "is not a readable private key (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void requirePassword(Path file, char[] password) throws KeyFileException {
        if (password == null || password.length == 0) {
            throw invalid(file, "is encrypted; give its password (--key-passphrase-file)");
        }
    }

    private static KeyFileException invalid(Path file, String what) {
        return new KeyFileException(Reason.CREDENTIAL_INVALID, file, "The file " + file + " " + what + ".");
    }
}
