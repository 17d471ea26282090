package org.deidworkbench.cli;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A self-signed RSA trustee written as cert.pem and key.pem (PKCS#8), for command-line tests. */
record TestCertificates(Path cert, Path key, BigInteger serial) {

    static TestCertificates rsa(Path dir, String cn) throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        KeyPair kp = kpg.generateKeyPair();
        X500Name name = new X500Name("CN=" + cn);
        BigInteger serial = BigInteger.valueOf(System.nanoTime());
        var cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, serial,
                new Date(System.currentTimeMillis() - 3_600_000L), new Date(System.currentTimeMillis() + 86_400_000L), name,
                kp.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(cert);
        }
        Path certFile = Files.writeString(dir.resolve(cn.replace(' ', '-') + "-cert.pem"), sw.toString());
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(kp.getPrivate().getEncoded());
        Path keyFile = Files.writeString(dir.resolve(cn.replace(' ', '-') + "-key.pem"),
                "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n");
        return new TestCertificates(certFile, keyFile, serial);
    }
}
