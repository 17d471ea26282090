package org.deidworkbench.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileException;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.model.PseudonymEntry;

/**
 * Writes an export key file for one output folder (keyfile-format.md §9): the pseudonym entries whose
 * pseudonyms occur in the output — in any file's bytes or in a file or folder name — and the date offsets
 * of those subjects; no project secret, no run history (its input paths may name patients). Pseudonyms are
 * found as whole words (runs of letters, digits, '-' and '_', and their '-'/'_'-separated parts), in one
 * streaming pass over every file. Not thread-safe; one instance runs once.
 */
public final class ExportJob {

    /** What was exported. */
    public record Result(int files, int entries, int dateOffsets) {
    }

    private final KeyFileContents project;
    private final Path output;
    private final Path target;
    private final char[] passphrase;
    private final List<X509Certificate> trustees;

    /**
     * @param project the opened project key file
     * @param output the output folder the export is for
     * @param target the export key file to create (never replaced)
     * @param passphrase the export key file's passphrase (not kept; the caller wipes it)
     * @param trustees certificates that may also open the export
     */
    public ExportJob(KeyFileContents project, Path output, Path target, char[] passphrase, List<X509Certificate> trustees) {
        this.project = project;
        this.output = output.toAbsolutePath().normalize();
        this.target = target;
        this.passphrase = passphrase;
        this.trustees = List.copyOf(trustees);
    }

    /** Scans the output and writes the export key file. */
    public Result run() throws JobException {
        if (!Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
            throw new JobException(JobException.Reason.INPUT_NOT_FOUND, "no output folder " + output, null);
        }
        if (target.toAbsolutePath().normalize().startsWith(output)) {
            throw new JobException(JobException.Reason.KEY_FILE_INSIDE_OUTPUT, "the export key file " + target
                    + " must not be inside the output folder it re-identifies", null);
        }
        Map<String, List<String>> domainsOf = new HashMap<>();
        for (String domain : project.domains()) {
            for (String pseudonym : project.entries(domain).keySet()) {
                domainsOf.computeIfAbsent(pseudonym, p -> new ArrayList<>(1)).add(domain);
            }
        }
        Set<String> found = new LinkedHashSet<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(output)) {
            for (Path p : walk.sorted().toList()) {
                if (p.equals(output)) {
                    continue;
                }
                words(p.getFileName().toString(), domainsOf, found);
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files++;
                    scan(p, domainsOf, found);
                }
            }
        } catch (IOException e) {
            throw new JobException(JobException.Reason.IO_ERROR, "cannot read the output folder " + output + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        KeyFileContents export = KeyFileContents.newExport(Instant.now(), project.createdAt(),
                output.getFileName().toString());
        List<PseudonymEntry> entries = new ArrayList<>();
        int offsets = 0;
        for (String pseudonym : found) {
            for (String domain : domainsOf.get(pseudonym)) {
                entries.add(new PseudonymEntry(domain, pseudonym, project.original(domain, pseudonym).orElseThrow()));
            }
            if (project.dateOffset(pseudonym).isPresent()) {
                export.putDateOffset(pseudonym, project.dateOffset(pseudonym).getAsInt());
                offsets++;
            }
        }
        try {
            export.addEntries(entries);
            KeyFileStore.create(target, export, passphrase, trustees);
        } catch (KeyFileException e) {
            throw new JobException(JobException.Reason.KEY_FILE, e.getMessage(), e);
        }
        return new Result(files, entries.size(), offsets);
    }

    private static boolean wordByte(int b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '_';
    }

    /** Streams a file's bytes, collecting the pseudonyms among its words. */
    private static void scan(Path file, Map<String, List<String>> domainsOf, Set<String> found) throws IOException {
        byte[] buffer = new byte[1 << 16];
        StringBuilder word = new StringBuilder();
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    if (wordByte(b)) {
                        if (word.length() < 256) {
                            word.append((char) b);
                        }
                    } else if (word.length() > 0) {
                        check(word.toString(), domainsOf, found);
                        word.setLength(0);
                    }
                }
            }
        }
        if (word.length() > 0) {
            check(word.toString(), domainsOf, found);
        }
    }

    private static void words(String text, Map<String, List<String>> domainsOf, Set<String> found) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c < 128 && wordByte(c)) {
                word.append(c);
            } else if (word.length() > 0) {
                check(word.toString(), domainsOf, found);
                word.setLength(0);
            }
        }
    }

    /** The word itself, and its parts between '_' and between '-', may each be a pseudonym. */
    private static void check(String word, Map<String, List<String>> domainsOf, Set<String> found) {
        if (domainsOf.containsKey(word)) {
            found.add(word);
        }
        if (word.indexOf('_') >= 0 || word.indexOf('-') >= 0) {
            for (String part : word.split("_")) {
                if (domainsOf.containsKey(part)) {
                    found.add(part);
                }
                if (part.indexOf('-') >= 0) {
                    for (String piece : part.split("-")) {
                        if (domainsOf.containsKey(piece)) {
                            found.add(piece);
                        }
                    }
                }
            }
        }
    }
}
