package org.deidworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Secrets and originals never escape: a job runs on distinctive values — through success, a broken file,
 * a wrong passphrase, a tampered key file, inspection and re-identification — and every log line (SLF4J
 * writes to the process's standard error, captured here), report, manifest, exception message and
 * standard output/error is searched for each value, the passphrase and the project secret.
 */
class HygieneTest {

    private static final String PASSPHRASE = "Hygiene-Passphrase-Xq93!";
    private static final List<String> DISTINCTIVE = List.of("Zebulon", "Quattlebaum", "7719043", "912-34-5678",
            "912345678", "zq.hygiene@example.org", "555-987-1234", "5559871234", "1931-11-23");

    @TempDir
    Path dir;

    private final StringBuilder printed = new StringBuilder();

    private int deid(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = DeidCommand.commandLine(env, null);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        printed.append(out).append(err);
        return code;
    }

    private int deid(String... args) {
        return deid(Map.of(Passphrases.ENV, PASSPHRASE, "DEID_DEBUG", "1"), args);
    }

    @Test
    void noOriginalSecretOrPassphraseAppearsInAnyLogReportMessageOrOutput() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        String header = "mrn,first_name,last_name,date_of_birth,ssn,phone,email,notes\n";
        String row = "7719043,Zebulon,Quattlebaum,1931-11-23,912-34-5678,555-987-1234,zq.hygiene@example.org,"
                + "\"Zebulon Quattlebaum (MRN 7719043) called from 555-987-1234\"\n";
        Files.writeString(in.resolve("visits.csv"), header + row);
        Files.writeString(in.resolve("broken.csv"), header + row + "7719043,Zebulon,Quattlebaum,\"unterminated\n");
        Path out = dir.resolve("out");
        Path key = dir.resolve("study.deidkey");

        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        String reidentified;
        try {
            assertEquals(ExitCode.OK, deid("init", key.toString()));
            assertEquals(ExitCode.PARTIAL, deid("run", in.toString(), "--out", out.toString(), "--keyfile", key.toString()));
            assertEquals(ExitCode.WRONG_PASSPHRASE, deid(Map.of(Passphrases.ENV, "not-" + PASSPHRASE), "run",
                    in.toString(), "--out", dir.resolve("out2").toString(), "--keyfile", key.toString()));
            Path tampered = dir.resolve("tampered.deidkey");
            byte[] bytes = Files.readAllBytes(key);
            bytes[bytes.length - 30] ^= 1;
            Files.write(tampered, bytes);
            assertEquals(ExitCode.KEY_FILE_TAMPERED, deid("run", in.toString(), "--out", dir.resolve("out3").toString(),
                    "--keyfile", tampered.toString()));
            assertEquals(ExitCode.OK, deid("keyfile", "inspect", key.toString(), "--contents", "--json"));
            // re-identification prints originals on standard output by design; its standard error must not
            int before = printed.length();
            String pseudonym = Files.readAllLines(out.resolve("visits.csv")).get(1).split(",")[0];
            StringWriter answer = new StringWriter();
            StringWriter errors = new StringWriter();
            CommandLine cl = DeidCommand.commandLine(Map.of(Passphrases.ENV, PASSPHRASE), null);
            cl.setOut(new PrintWriter(answer));
            cl.setErr(new PrintWriter(errors));
            assertEquals(ExitCode.OK, cl.execute("reidentify", "--keyfile", key.toString(), "--reason",
                    "Hygiene test: checking the audit path", pseudonym));
            reidentified = answer.toString();
            printed.append(errors);
            assertEquals(before + errors.toString().length(), printed.length());
            assertEquals(ExitCode.OK, deid("keyfile", "inspect", key.toString(), "--verify-audit"));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertTrue(reidentified.contains("7719043"), "reidentify answers with the original");

        List<String> forbidden = new ArrayList<>(DISTINCTIVE);
        forbidden.add(PASSPHRASE);
        KeyFileContents contents = KeyFileStore.open(key, PASSPHRASE.toCharArray());
        byte[] secret = contents.secret().bytes();
        forbidden.add(Base64.getEncoder().encodeToString(secret));
        forbidden.add(HexFormat.of().formatHex(secret));

        StringBuilder everything = new StringBuilder(printed).append(captured.toString(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                everything.append('\n').append(f.getFileName()).append('\n').append(Files.readString(f));
            }
        }
        String haystack = everything.toString().toLowerCase(Locale.ROOT);
        assertTrue(haystack.contains("broken.csv") || haystack.contains("csv-"), "the error path ran and was reported");
        for (String value : forbidden) {
            assertTrue(!haystack.contains(value.toLowerCase(Locale.ROOT)), "found a forbidden value of length "
                    + value.length() + " in logs, reports or output");
        }
    }
}
