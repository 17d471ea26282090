package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sample-data/csv} de-identified with {@code csv-template} under a fixed test secret must give
 * exactly the committed expected files, byte for byte (names, contents, manifest, and the report
 * without its run-specific section). A change to any action, rule or writer shows here as a diff a
 * reviewer can read.
 *
 * <p>After an intended change, regenerate the expected files with
 * {@code mvn -B test -Dtest=GoldenFilesTest -Dgolden.update=true}, review the diff and commit it.
 */
class GoldenFilesTest {

    static final Path GOLDEN = Path.of("src", "test", "resources", "org", "deidworkbench", "job", "golden", "csv-template");
    private static final char[] PASSPHRASE = "golden-files-passphrase".toCharArray();

    @Test
    void sampleDataGivesTheCommittedOutputByteForByte(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("golden.deidkey");
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (0xA5 ^ i * 11);
        }
        KeyFileStore.save(key, KeyFileContents.create(ProjectSecret.of(secret), Instant.EPOCH), PASSPHRASE, List.of());
        Path out = dir.resolve("out");
        new RunJob(new RunRequest(List.of(SampleData.CSV), out, key, false, PASSPHRASE,
                ProfileLoader.read("csv-template"), 2), RunListener.NONE).run();
        Map<String, byte[]> actual = comparable(out);
        if (Boolean.getBoolean("golden.update")) {
            Folders.deleteTree(GOLDEN);
            for (Map.Entry<String, byte[]> e : actual.entrySet()) {
                Path target = GOLDEN.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue());
            }
        }
        Map<String, byte[]> expected = comparable(GOLDEN);
        assertTrue(!expected.isEmpty(), "no expected files in " + GOLDEN + "; generate them (see the class Javadoc)");
        assertEquals(expected.keySet(), actual.keySet(), "the output files and their names");
        for (String name : expected.keySet()) {
            assertEquals(new String(expected.get(name), StandardCharsets.ISO_8859_1),
                    new String(actual.get(name), StandardCharsets.ISO_8859_1), name);
        }
    }

    /** Every file under {@code root} by relative name; the report without its run-specific section. */
    private static Map<String, byte[]> comparable(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(".gitattributes"))
                    .forEach(paths::add);
        }
        for (Path p : paths) {
            String name = root.relativize(p).toString().replace('\\', '/');
            byte[] bytes = Files.readAllBytes(p);
            if (name.equals(RunJob.REPORT)) {
                String report = new String(bytes, StandardCharsets.UTF_8)
                        .replaceAll("(?s)\"run\" : \\{[^}]*\\}", "\"run\" : {}")
                        .replaceAll("\"tool\" : \"[^\"]*\"", "\"tool\" : \"deid-workbench\"");
                bytes = report.getBytes(StandardCharsets.UTF_8);
            }
            files.put(name, bytes);
        }
        return files;
    }
}
