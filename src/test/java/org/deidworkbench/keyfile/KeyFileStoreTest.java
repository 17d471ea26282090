package org.deidworkbench.keyfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.cms.PasswordRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.deidworkbench.keyfile.KeyFileException.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileStoreTest {

    private static TestFixtures.Trustee rsa;
    private static TestFixtures.Trustee ec;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeTrustees() throws Exception {
        rsa = TestFixtures.rsaTrustee("Trustee RSA");
        ec = TestFixtures.ecTrustee("Trustee EC");
    }

    private Path savedSample() throws Exception {
        Path file = dir.resolve("project.deidkey");
        TestFixtures.saveFast(file, TestFixtures.sampleContents(), List.of());
        return file;
    }

    /** For the byte-by-byte tests, which open the file hundreds of times: one PBKDF2 iteration. */
    private Path savedSampleOneIteration() throws Exception {
        Path file = dir.resolve("project.deidkey");
        KeyFileStore.save(file, TestFixtures.sampleContents(), TestFixtures.PASSPHRASE, List.of(),
                new KeyFileStore.SealOptions(1, temp -> { }), true);
        return file;
    }

    private static Reason openReason(Path file) {
        return assertThrows(KeyFileException.class, () -> KeyFileStore.open(file, TestFixtures.PASSPHRASE)).reason();
    }

    // ------------------------------------------------------------------ round trips and parameters

    @Test
    void savedFileOpensToTheSameContents() throws Exception {
        Path file = savedSample();
        assertTrue(KeyFileStore.open(file, TestFixtures.PASSPHRASE).sameAs(TestFixtures.sampleContents()));
    }

    @Test
    void nonAsciiPassphraseRoundTrips() throws Exception {
        Path file = dir.resolve("k.deidkey");
        char[] pass = "pä55 wörd € \uD83D\uDD11".toCharArray();
        KeyFileStore.save(file, TestFixtures.sampleContents(), pass, List.of(), TestFixtures.FAST, true);
        assertTrue(KeyFileStore.open(file, pass).sameAs(TestFixtures.sampleContents()));
        assertEquals(Reason.WRONG_PASSPHRASE, openReason(file));
    }

    /** The public API seals with PBKDF2-HMAC-SHA256, 600,000 iterations and a 16-byte salt, read back from the DER. */
    @Test
    void publicSaveUsesPbkdf2HmacSha256With600kIterationsAndA16ByteSalt() throws Exception {
        Path file = dir.resolve("strong.deidkey");
        KeyFileStore.save(file, TestFixtures.sampleContents(), TestFixtures.PASSPHRASE, List.of());

        ContentInfo ci = ContentInfo.getInstance(Files.readAllBytes(file));
        AuthEnvelopedData aed = AuthEnvelopedData.getInstance(ci.getContent());
        assertEquals(1, aed.getRecipientInfos().size());
        PasswordRecipientInfo pwri = PasswordRecipientInfo.getInstance(
                RecipientInfo.getInstance(aed.getRecipientInfos().getObjectAt(0)).getInfo());
        assertEquals(PKCSObjectIdentifiers.id_PBKDF2, pwri.getKeyDerivationAlgorithm().getAlgorithm());
        PBKDF2Params params = PBKDF2Params.getInstance(pwri.getKeyDerivationAlgorithm().getParameters());
        assertEquals(600_000, params.getIterationCount().intValueExact());
        assertTrue(params.getIterationCount().intValueExact() >= 600_000);
        assertEquals(PKCSObjectIdentifiers.id_hmacWithSHA256, params.getPrf().getAlgorithm());
        assertEquals(16, params.getSalt().length);
        assertEquals("2.16.840.1.101.3.4.1.46", // id-aes256-GCM
                aed.getAuthEncryptedContentInfo().getContentEncryptionAlgorithm().getAlgorithm().getId());
        assertArrayEquals(Files.readAllBytes(file), ci.getEncoded(ASN1Encoding.DER), "file must be DER");

        assertTrue(KeyFileStore.open(file, TestFixtures.PASSPHRASE).sameAs(TestFixtures.sampleContents()));
    }

    @Test
    void everySaveUsesAFreshSalt() throws Exception {
        Path a = dir.resolve("a.deidkey");
        Path b = dir.resolve("b.deidkey");
        TestFixtures.saveFast(a, TestFixtures.sampleContents(), List.of());
        TestFixtures.saveFast(b, TestFixtures.sampleContents(), List.of());
        var sa = (KeyFileInfo.PasswordEntry) KeyFileStore.inspect(a).recipients().get(0);
        assertEquals(16, sa.saltLength());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)));
    }

    // ------------------------------------------------------------------ trustees

    @Test
    void rsaTrusteeOpensTheFile() throws Exception {
        Path file = dir.resolve("t.deidkey");
        TestFixtures.saveFast(file, TestFixtures.sampleContents(), List.of(rsa.certificate(), ec.certificate()));
        assertTrue(KeyFileStore.open(file, rsa.privateKey(), rsa.certificate()).sameAs(TestFixtures.sampleContents()));
    }

    @Test
    void ecTrusteeOpensTheFile() throws Exception {
        Path file = dir.resolve("t.deidkey");
        TestFixtures.saveFast(file, TestFixtures.sampleContents(), List.of(rsa.certificate(), ec.certificate()));
        assertTrue(KeyFileStore.open(file, ec.privateKey(), ec.certificate()).sameAs(TestFixtures.sampleContents()));
    }

    @Test
    void certificateWithoutAnEntryIsNoMatchingRecipient() throws Exception {
        Path file = dir.resolve("t.deidkey");
        TestFixtures.saveFast(file, TestFixtures.sampleContents(), List.of(rsa.certificate()));
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> KeyFileStore.open(file, ec.privateKey(), ec.certificate()));
        assertEquals(Reason.NO_MATCHING_RECIPIENT, e.reason());
    }

    @Test
    void privateKeyOfAnotherTrusteeIsNoMatchingRecipient() throws Exception {
        Path file = dir.resolve("t.deidkey");
        TestFixtures.saveFast(file, TestFixtures.sampleContents(), List.of(rsa.certificate(), ec.certificate()));
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> KeyFileStore.open(file, ec.privateKey(), rsa.certificate()));
        assertEquals(Reason.NO_MATCHING_RECIPIENT, e.reason());
    }

    @Test
    void weakOrUnsupportedTrusteeKeysAreRefused() throws Exception {
        var smallRsa = java.security.KeyPairGenerator.getInstance("RSA");
        smallRsa.initialize(1024);
        var kp = smallRsa.generateKeyPair();
        var cert = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(new org.bouncycastle.asn1.x500.X500Name("CN=small"),
                        java.math.BigInteger.ONE, new java.util.Date(), new java.util.Date(System.currentTimeMillis() + 86_400_000L),
                        new org.bouncycastle.asn1.x500.X500Name("CN=small"), kp.getPublic())
                        .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
        assertThrows(IllegalArgumentException.class, () -> KeyFileStore.checkTrustee(cert));
        var ed = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        var edCert = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(new org.bouncycastle.asn1.x500.X500Name("CN=ed"),
                        java.math.BigInteger.ONE, new java.util.Date(), new java.util.Date(System.currentTimeMillis() + 86_400_000L),
                        new org.bouncycastle.asn1.x500.X500Name("CN=ed"), ed.getPublic())
                        .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("Ed25519").build(ed.getPrivate())));
        assertThrows(IllegalArgumentException.class, () -> KeyFileStore.checkTrustee(edCert));
    }

    @Test
    void inspectListsRecipientsWithoutDecrypting() throws Exception {
        Path file = dir.resolve("t.deidkey");
        TestFixtures.saveFast(file, TestFixtures.sampleContents(), List.of(rsa.certificate(), ec.certificate()));
        KeyFileInfo info = KeyFileStore.inspect(file);
        assertEquals(Files.size(file), info.fileSize());
        assertEquals("AES-256-GCM", info.contentCipher());
        assertEquals(16, info.macLength());
        assertEquals(3, info.recipients().size());
        KeyFileInfo.PasswordEntry pw = info.recipients().stream().filter(KeyFileInfo.PasswordEntry.class::isInstance)
                .map(KeyFileInfo.PasswordEntry.class::cast).findFirst().orElseThrow();
        assertEquals(new KeyFileInfo.PasswordEntry("PBKDF2", "HMAC-SHA256", 1_000, 16, "PWRI-KEK/AES-256-CBC"), pw);
        List<KeyFileInfo.CertificateEntry> certs = info.recipients().stream()
                .filter(KeyFileInfo.CertificateEntry.class::isInstance).map(KeyFileInfo.CertificateEntry.class::cast).toList();
        KeyFileInfo.CertificateEntry r = certs.stream()
                .filter(c -> c.method() == KeyFileInfo.CertificateMethod.KEY_TRANSPORT).findFirst().orElseThrow();
        assertEquals("RSA-OAEP/SHA-256", r.keyEncryption());
        assertEquals(rsa.certificate().getSerialNumber(), r.serialNumber());
        assertTrue(r.subject().orElseThrow().contains("CN=Trustee RSA"), r.subject().toString());
        KeyFileInfo.CertificateEntry e = certs.stream()
                .filter(c -> c.method() == KeyFileInfo.CertificateMethod.KEY_AGREEMENT).findFirst().orElseThrow();
        assertEquals("ECDH-SHA256KDF/AES-256-WRAP", e.keyEncryption());
        assertTrue(e.subject().orElseThrow().contains("CN=Trustee EC"), e.subject().toString());
    }

    @Test
    void trusteesAreReadBackSoAReSealKeepsThem() throws Exception {
        Path file = dir.resolve("t.deidkey");
        TestFixtures.saveFast(file, TestFixtures.sampleContents(), List.of(rsa.certificate(), ec.certificate()));
        List<java.security.cert.X509Certificate> stored = KeyFileStore.trustees(file);
        assertEquals(Set.of(rsa.certificate(), ec.certificate()), Set.copyOf(stored));
        TestFixtures.saveFast(file, KeyFileStore.open(file, TestFixtures.PASSPHRASE), stored);
        assertTrue(KeyFileStore.open(file, ec.privateKey(), ec.certificate()).sameAs(TestFixtures.sampleContents()));
    }

    @Test
    void fileWithoutTrusteesHasNoStoredCertificates() throws Exception {
        assertEquals(List.of(), KeyFileStore.trustees(savedSample()));
    }

    // ------------------------------------------------------------------ distinct errors

    @Test
    void missingFileIsNotFound() {
        assertEquals(Reason.NOT_FOUND, openReason(dir.resolve("nope.deidkey")));
    }

    @Test
    void wrongPassphraseIsReportedAsWrongPassphraseNamingTheFileButNotThePassphrase() throws Exception {
        Path file = savedSample();
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> KeyFileStore.open(file, "Tr0ub4dor&3".toCharArray()));
        assertEquals(Reason.WRONG_PASSPHRASE, e.reason());
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains("project.deidkey"), e.getMessage());
        assertFalse(e.getMessage().contains("Tr0ub4dor"), e.getMessage());
    }

    @Test
    void jsonFileIsNotAKeyFile() throws Exception {
        Path file = Files.writeString(dir.resolve("x.deidkey"), "{\"format\":\"deid-workbench-keyfile\"}");
        assertEquals(Reason.NOT_A_KEY_FILE, openReason(file));
    }

    @Test
    void otherDerStructureIsNotAKeyFile() throws Exception {
        Path file = Files.write(dir.resolve("cert.der"), rsa.certificate().getEncoded());
        assertEquals(Reason.NOT_A_KEY_FILE, openReason(file));
    }

    @Test
    void cmsEnvelopedDataWithoutAuthenticationIsNotAKeyFile() throws Exception {
        var gen = new org.bouncycastle.cms.CMSEnvelopedDataGenerator();
        gen.addRecipientInfoGenerator(new org.bouncycastle.cms.jcajce.JcePasswordRecipientInfoGenerator(
                org.bouncycastle.cms.CMSAlgorithm.AES256_CBC, TestFixtures.PASSPHRASE)
                .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()));
        byte[] der = gen.generate(new org.bouncycastle.cms.CMSProcessableByteArray(new byte[] {1, 2, 3}),
                new org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder(org.bouncycastle.cms.CMSAlgorithm.AES256_CBC)
                        .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).build())
                .toASN1Structure().getEncoded(ASN1Encoding.DER);
        assertEquals(Reason.NOT_A_KEY_FILE, openReason(Files.write(dir.resolve("env.der"), der)));
    }

    @Test
    void emptyFileIsTruncated() throws Exception {
        assertEquals(Reason.TRUNCATED, openReason(Files.write(dir.resolve("empty.deidkey"), new byte[0])));
    }

    /** Every possible truncation of a real key file (with trustee entries) is TRUNCATED, never anything else. */
    @Test
    void everyTruncationIsReportedAsTruncated() throws Exception {
        Path file = dir.resolve("t.deidkey");
        TestFixtures.saveFast(file, TestFixtures.sampleContents(), List.of(rsa.certificate(), ec.certificate()));
        byte[] full = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.deidkey");
        for (int len = 0; len < full.length; len++) {
            Files.write(cut, java.util.Arrays.copyOf(full, len));
            final int n = len;
            KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFileStore.open(cut, TestFixtures.PASSPHRASE),
                    () -> "truncated to " + n + " bytes opened");
            assertEquals(Reason.TRUNCATED, e.reason(), "truncated to " + n + " bytes");
            if (len % 16 == 0) {
                assertEquals(Reason.TRUNCATED, assertThrows(KeyFileException.class, () -> KeyFileStore.inspect(cut)).reason());
            }
        }
    }

    @Test
    void extraBytesAfterTheEndAreTampered() throws Exception {
        Path file = savedSample();
        Files.write(file, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(Reason.TAMPERED, openReason(file));
    }

    /** Every single flipped bit in the encrypted content, the GCM parameters and the MAC gives TAMPERED. */
    @Test
    void everyModifiedByteOfContentNonceOrMacIsTampered() throws Exception {
        Path file = savedSampleOneIteration();
        byte[] full = Files.readAllBytes(file);
        AuthEnvelopedData aed = AuthEnvelopedData.getInstance(ContentInfo.getInstance(full).getContent());
        byte[] eci = aed.getAuthEncryptedContentInfo().getEncoded(ASN1Encoding.DER);
        byte[] mac = aed.getMac().getEncoded(ASN1Encoding.DER);
        int eciStart = indexOf(full, eci);
        int macStart = indexOf(full, mac);
        assertTrue(eciStart > 0 && macStart == eciStart + eci.length && macStart + mac.length == full.length);
        // from the content-type OID of the encrypted content info to the last MAC byte
        Path bad = dir.resolve("bad.deidkey");
        for (int i = eciStart; i < full.length; i++) {
            for (int bit : new int[] {i % 2 == 0 ? 0x01 : 0x80}) {
                byte[] copy = full.clone();
                copy[i] ^= (byte) bit;
                Files.write(bad, copy);
                final int at = i;
                KeyFileException e = assertThrows(KeyFileException.class,
                        () -> KeyFileStore.open(bad, TestFixtures.PASSPHRASE), () -> "flip at " + at + " opened");
                assertEquals(Reason.TAMPERED, e.reason(), "flip at " + i + " of " + full.length);
            }
        }
    }

    /**
     * A flipped byte anywhere: never a silent wrong result. It either fails with a reason that fits the
     * damaged area, or (an unused field such as the version number) opens to exactly the original contents.
     * WRONG_PASSPHRASE only ever comes from the password entry, whose salt and wrapped key are not
     * authenticated (documented in keyfile-format.md).
     */
    @Test
    void everyFlippedByteIsDetectedOrHarmless() throws Exception {
        Path file = savedSampleOneIteration();
        byte[] full = Files.readAllBytes(file);
        AuthEnvelopedData aed = AuthEnvelopedData.getInstance(ContentInfo.getInstance(full).getContent());
        byte[] recipients = aed.getRecipientInfos().getEncoded(ASN1Encoding.DER);
        int riStart = indexOf(full, recipients);
        int riEnd = riStart + recipients.length;
        KeyFileContents expected = TestFixtures.sampleContents();
        Path bad = dir.resolve("bad.deidkey");
        for (int i = 0; i < full.length; i++) {
            byte[] copy = full.clone();
            copy[i] ^= 0x01;
            Files.write(bad, copy);
            try {
                KeyFileContents opened = KeyFileStore.open(bad, TestFixtures.PASSPHRASE);
                assertTrue(opened.sameAs(expected), "flip at " + i + " opened to different contents");
            } catch (KeyFileException e) {
                if (e.reason() == Reason.WRONG_PASSPHRASE) {
                    assertTrue(i >= riStart && i < riEnd, "WRONG_PASSPHRASE for a flip outside the recipient area at " + i);
                } else {
                    assertTrue(Set.of(Reason.TAMPERED, Reason.NOT_A_KEY_FILE, Reason.TRUNCATED).contains(e.reason()),
                            "flip at " + i + " gave " + e.reason());
                }
            }
        }
    }

    /** Seeded random multi-byte damage: never a different result, and only KeyFileException as failure. */
    @Test
    void randomDamageNeverOpensToDifferentContents() throws Exception {
        Path file = savedSampleOneIteration();
        byte[] full = Files.readAllBytes(file);
        KeyFileContents expected = TestFixtures.sampleContents();
        java.util.Random random = new java.util.Random(42);
        Path bad = dir.resolve("bad.deidkey");
        for (int round = 0; round < 300; round++) {
            byte[] copy = full.clone();
            for (int k = 0, n = 2 + random.nextInt(6); k < n; k++) {
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            }
            Files.write(bad, copy);
            try {
                assertTrue(KeyFileStore.open(bad, TestFixtures.PASSPHRASE).sameAs(expected), "round " + round);
            } catch (KeyFileException expectedFailure) {
                assertEquals(bad, expectedFailure.file());
            }
        }
    }

    @Test
    void folderInsteadOfAFileIsIoError() {
        assertEquals(Reason.IO_ERROR, openReason(dir));
    }

    @Test
    void payloadOfANewerVersionIsUnsupportedVersion() throws Exception {
        Path file = dir.resolve("future.deidkey");
        String json = new String(PayloadCodec.write(TestFixtures.sampleContents()), StandardCharsets.UTF_8)
                .replaceFirst("\"version\":\\d+", "\"version\":" + (KeyFileContents.FORMAT_VERSION + 1));
        TestFixtures.sealRaw(file, json.getBytes(StandardCharsets.UTF_8), TestFixtures.PASSPHRASE, 1_000);
        assertEquals(Reason.UNSUPPORTED_VERSION, openReason(file));
    }

    @Test
    void authenticPayloadThatIsNotOurJsonIsCorruptPayload() throws Exception {
        Path file = dir.resolve("other.deidkey");
        TestFixtures.sealRaw(file, "hello".getBytes(StandardCharsets.UTF_8), TestFixtures.PASSPHRASE, 1_000);
        assertEquals(Reason.CORRUPT_PAYLOAD, openReason(file));
    }

    @Test
    void absurdIterationCountIsRefusedQuickly() throws Exception {
        Path file = dir.resolve("slow.deidkey");
        TestFixtures.sealRaw(file, PayloadCodec.write(TestFixtures.sampleContents()), TestFixtures.PASSPHRASE, 1_000);
        byte[] der = Files.readAllBytes(file);
        // rewrite INTEGER 1000 (02 02 03 E8) inside the PBKDF2 parameters to 0x7FE8 * 256 ≈ 8.4M? keep length: 02 02 7F E8
        int at = indexOf(der, new byte[] {0x02, 0x02, 0x03, (byte) 0xE8});
        assertTrue(at > 0);
        byte[] big = der.clone();
        big[at + 2] = 0x7F; // 32,744 iterations: allowed, fails the key check -> WRONG_PASSPHRASE
        Files.write(file, big);
        assertEquals(Reason.WRONG_PASSPHRASE, openReason(file));
        byte[] negative = der.clone();
        negative[at + 2] = (byte) 0x83; // negative INTEGER
        Files.write(file, negative);
        assertEquals(Reason.TAMPERED, openReason(file));
    }

    // ------------------------------------------------------------------ atomic save

    @Test
    void saveLeavesOnlyTheKeyFileInTheFolder() throws Exception {
        Path file = savedSample();
        TestFixtures.saveFast(file, TestFixtures.sampleContents(), List.of());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList());
        }
    }

    @Test
    void failedVerificationKeepsThePreviousFileAndRemovesTheTempFile() throws Exception {
        Path file = savedSample();
        byte[] before = Files.readAllBytes(file);
        KeyFileContents changed = TestFixtures.sampleContents();
        changed.putDateOffset("PAT-NEW", 7);
        KeyFileStore.SealOptions corrupting = new KeyFileStore.SealOptions(1_000, temp -> {
            byte[] b = Files.readAllBytes(temp);
            b[b.length - 1] ^= 1; // damage the written file behind the store's back
            Files.write(temp, b);
        });
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> KeyFileStore.save(file, changed, TestFixtures.PASSPHRASE, List.of(), corrupting, true));
        assertEquals(Reason.IO_ERROR, e.reason());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList());
        }
    }

    /**
     * The streamed verification of the temp file notices every kind of damage: a flipped bit in the middle
     * of the encrypted payload (the GCM tag check at the end of the decrypting stream), in a recipient entry,
     * a byte cut off or one appended; each time the previous file stays and no temp file remains.
     */
    @Test
    void damageToTheTempFileAnywhereFailsTheStreamedVerification() throws Exception {
        Path file = savedSample();
        byte[] before = Files.readAllBytes(file);
        KeyFileContents changed = TestFixtures.sampleContents();
        changed.addEntries(java.util.stream.IntStream.range(0, 2_000)
                .mapToObj(i -> new org.deidworkbench.model.PseudonymEntry("patient", "PAT-" + i, "MRN-" + i)).toList());
        List<java.util.function.UnaryOperator<byte[]>> damages = List.of(
                b -> flip(b, b.length / 2), // inside the ciphertext (about 40 KB), far from its end
                b -> flip(b, 60), // inside the recipient entries near the start
                b -> java.util.Arrays.copyOf(b, b.length - 1),
                b -> java.util.Arrays.copyOf(b, b.length + 1));
        for (var damage : damages) {
            KeyFileStore.SealOptions damaging = new KeyFileStore.SealOptions(1_000,
                    temp -> Files.write(temp, damage.apply(Files.readAllBytes(temp))));
            KeyFileException e = assertThrows(KeyFileException.class,
                    () -> KeyFileStore.save(file, changed, TestFixtures.PASSPHRASE, List.of(), damaging, true));
            assertEquals(Reason.IO_ERROR, e.reason());
            assertArrayEquals(before, Files.readAllBytes(file));
            try (Stream<Path> s = Files.list(dir)) {
                assertEquals(List.of(file), s.toList());
            }
        }
        TestFixtures.saveFast(file, changed, List.of()); // undamaged, the same contents save and open
        assertTrue(KeyFileStore.open(file, TestFixtures.PASSPHRASE).sameAs(changed));
    }

    private static byte[] flip(byte[] b, int at) {
        b[at] ^= 0x10;
        return b;
    }

    /**
     * The streamed writer produces canonical definite-length DER, as the earlier in-memory encoder did:
     * re-encoding the parsed file as DER gives the same bytes, with trustee certificates in originatorInfo,
     * for a small payload and one whose lengths need three octets; and every recipient opens it.
     */
    @Test
    void savedFilesAreCanonicalDerWithDefiniteLengths() throws Exception {
        KeyFileContents big = TestFixtures.sampleContents();
        big.addEntries(java.util.stream.IntStream.range(0, 3_000)
                .mapToObj(i -> new org.deidworkbench.model.PseudonymEntry("visit", "VIS-" + i, "V2026-" + i)).toList());
        for (KeyFileContents contents : List.of(TestFixtures.sampleContents(), big)) {
            Path file = dir.resolve("der-" + contents.entryCount() + ".deidkey");
            TestFixtures.saveFast(file, contents, List.of(rsa.certificate(), ec.certificate()));
            byte[] bytes = Files.readAllBytes(file);
            assertEquals(0x30, bytes[0] & 0xFF);
            assertTrue((bytes[1] & 0xFF) != 0x80, "indefinite outer length");
            assertArrayEquals(bytes, ContentInfo.getInstance(bytes).getEncoded(ASN1Encoding.DER));
            assertTrue(KeyFileStore.open(file, TestFixtures.PASSPHRASE).sameAs(contents));
            assertTrue(KeyFileStore.open(file, ec.privateKey(), ec.certificate()).sameAs(contents));
            assertTrue(KeyFileStore.open(file, rsa.privateKey(), rsa.certificate()).sameAs(contents));
            assertEquals(List.of(rsa.certificate(), ec.certificate()).size(), KeyFileStore.trustees(file).size());
        }
        assertTrue(Files.size(dir.resolve("der-3003.deidkey")) > 65_536, "lengths of three octets not exercised");
    }

    @Test
    void failedWriteKeepsThePreviousFileAndRemovesTheTempFile() throws Exception {
        Path file = savedSample();
        byte[] before = Files.readAllBytes(file);
        KeyFileStore.SealOptions failing = new KeyFileStore.SealOptions(1_000, temp -> {
            throw new java.io.IOException("No space left on device (simulated)");
        });
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> KeyFileStore.save(file, TestFixtures.sampleContents(), TestFixtures.PASSPHRASE, List.of(), failing, true));
        assertEquals(Reason.IO_ERROR, e.reason());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList());
        }
    }

    @Test
    void unsupportedTrusteeLeavesThePreviousFileUntouched() throws Exception {
        Path file = savedSample();
        byte[] before = Files.readAllBytes(file);
        var ed = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        var edCert = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(new org.bouncycastle.asn1.x500.X500Name("CN=ed"),
                        java.math.BigInteger.ONE, new java.util.Date(), new java.util.Date(System.currentTimeMillis() + 86_400_000L),
                        new org.bouncycastle.asn1.x500.X500Name("CN=ed"), ed.getPublic())
                        .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("Ed25519").build(ed.getPrivate())));
        assertThrows(IllegalArgumentException.class,
                () -> TestFixtures.saveFast(file, TestFixtures.sampleContents(), List.of(edCert)));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList());
        }
    }

    @Test
    void saveIntoAMissingFolderIsIoError() throws Exception {
        KeyFileException e = assertThrows(KeyFileException.class, () -> TestFixtures.saveFast(
                dir.resolve("no/such/folder/k.deidkey"), TestFixtures.sampleContents(), List.of()));
        assertEquals(Reason.IO_ERROR, e.reason());
    }

    @Test
    void createRefusesToReplaceAnExistingFile() throws Exception {
        Path file = savedSample();
        byte[] before = Files.readAllBytes(file);
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFileStore.save(file,
                TestFixtures.sampleContents(), TestFixtures.PASSPHRASE, List.of(), TestFixtures.FAST, false));
        assertEquals(Reason.ALREADY_EXISTS, e.reason());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void createNeverReplacesAFileCreatedWhileItSeals() throws Exception {
        Path file = dir.resolve("new.deidkey");
        KeyFileStore.SealOptions raced = new KeyFileStore.SealOptions(1_000, temp -> Files.writeString(file, "theirs"));
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFileStore.save(file,
                TestFixtures.sampleContents(), TestFixtures.PASSPHRASE, List.of(), raced, false));
        assertEquals(Reason.ALREADY_EXISTS, e.reason());
        assertEquals("theirs", Files.readString(file));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList());
        }
    }

    @Test
    void savedKeyFileIsReadableByItsOwnerOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path file = savedSample();
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
    }

    @Test
    void createWritesANewFile() throws Exception {
        Path file = dir.resolve("new.deidkey");
        KeyFileStore.save(file, TestFixtures.sampleContents(), TestFixtures.PASSPHRASE, List.of(), TestFixtures.FAST, false);
        assertTrue(KeyFileStore.open(file, TestFixtures.PASSPHRASE).sameAs(TestFixtures.sampleContents()));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList());
        }
    }

    @Test
    void emptyPassphraseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> KeyFileStore.save(dir.resolve("k"),
                TestFixtures.sampleContents(), new char[0], List.of()));
    }

    @Test
    void wrongPassphraseErrorChainNeverMentionsThePassphrase() throws Exception {
        Path file = savedSample();
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFileStore.open(file, "s3cr3t-pass".toCharArray()));
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("s3cr3t"), t.toString());
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
