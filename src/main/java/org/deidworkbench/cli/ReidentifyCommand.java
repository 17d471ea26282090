package org.deidworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deidworkbench.keyfile.KeyFileCredential;
import org.deidworkbench.keyfile.Reidentifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code deid reidentify}: pseudonyms (or FF1-encrypted values) back to their originals, with a
 * mandatory reason recorded first in the key file's sealed audit log. The one command besides
 * {@code preview --reveal} that prints original values: that is its purpose.
 */
@Command(name = "reidentify", mixinStandardHelpOptions = true,
        description = {"Print the original values behind pseudonyms, once the reason is in the key file's audit log.",
            "Also the values an `encrypt` rule wrote (with --ff1-domain). A reason is mandatory; who, when, why and",
            "which pseudonyms are appended to the key file's hash-chained audit log, and the key file is re-sealed,",
            "before anything is printed.",
            "Output: one line per value, tab-separated: value, domain, original (or NOT FOUND).",
            "Exit code 0 when every value was found, 3 when some were not."})
final class ReidentifyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-k", "--keyfile"}, required = true, paramLabel = "FILE", description = "The key file.")
    Path keyFile;

    @Option(names = "--reason", required = true, paramLabel = "TEXT",
            description = "Why the originals are needed (ticket, ethics approval...); recorded in the audit log.")
    String reason;

    @Parameters(arity = "0..*", paramLabel = "VALUE", description = "Pseudonyms (or encrypted values) to look up.")
    List<String> values = new ArrayList<>();

    @Option(names = "--input", paramLabel = "FILE",
            description = "Also read values from FILE: one per line, or the column --column of a CSV with a header.")
    Path input;

    @Option(names = "--column", paramLabel = "NAME", description = "With --input: the CSV column holding the values.")
    String column;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "Only this pseudonym domain (default: every domain).")
    String domain;

    @Option(names = "--ff1-domain", paramLabel = "DOMAIN",
            description = "Decrypt FF1 values of the `encrypt` rule with this domain (the rule's domain, by default its id).")
    String ff1Domain;

    @Option(names = "--alphabet", paramLabel = "ALPHABET", defaultValue = "digits",
            description = "With --ff1-domain: the rule's alphabet (digits, upper-alphanumeric, alphanumeric or the"
                    + " characters; default ${DEFAULT-VALUE}).")
    String alphabet;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Mixin
    CredentialOptions credentials;

    private final Passphrases passphrases;

    ReidentifyCommand(Passphrases passphrases) {
        this.passphrases = passphrases;
    }

    @Override
    public Integer call() throws IOException {
        List<String> asked = new ArrayList<>(values);
        if (input != null) {
            asked.addAll(InputValues.read(input, column));
        }
        asked.removeIf(v -> v.isBlank());
        if (asked.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "no value to look up: give pseudonyms or --input FILE", null);
        }
        Reidentifier.Request request;
        try {
            request = new Reidentifier.Request(System.getProperty("user.name", "unknown"), reason, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage(), e);
        }
        KeyFileCommand.keyFile(() -> org.deidworkbench.keyfile.KeyFileStore.inspect(keyFile));
        KeyFileCredential credential = credentials.resolve(passphrases, keyFile);
        Reidentifier.Result result;
        try {
            result = KeyFileCommand.keyFile(() -> ff1Domain != null
                    ? Reidentifier.decryptFf1(keyFile, credential, request, ff1Domain, Reidentifier.alphabet(alphabet), asked)
                    : Reidentifier.lookup(keyFile, credential, request, domain, asked));
        } finally {
            credential.wipe();
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean allFound = result.answers().stream().allMatch(a -> a.original().isPresent());
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Reidentifier.Answer a : result.answers()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("value", a.query());
                m.put("domain", a.domain());
                m.put("original", a.original().orElse(null));
                rows.add(m);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("answers", rows);
            doc.put("auditEntry", result.entry().seq());
            doc.put("auditHead", result.entry().hash());
            out.println(ProfileCommand.Json.render(doc));
        } else {
            for (Reidentifier.Answer a : result.answers()) {
                out.println(a.query() + "\t" + (a.domain() == null ? "-" : a.domain()) + "\t"
                        + a.original().orElse("NOT FOUND"));
            }
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("deid: recorded as audit entry #" + result.entry().seq() + " in " + keyFile + " (chain head "
                + result.entry().hash().substring(0, 16) + "…)");
        err.flush();
        return allFound ? ExitCode.OK : ExitCode.PARTIAL;
    }

    /** Reads the values of {@code --input}. */
    static final class InputValues {
        private InputValues() {
        }

        static List<String> read(Path file, String column) throws IOException {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliException(ExitCode.IO, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
            }
            if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
                lines.set(0, lines.get(0).substring(1));
            }
            if (column == null) {
                return lines.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            }
            if (lines.isEmpty()) {
                throw new CliException(ExitCode.USAGE, file + " is empty; it has no column " + column, null);
            }
            char delimiter = delimiter(lines.get(0));
            List<String> header = split(lines.get(0), delimiter);
            int index = header.indexOf(column);
            if (index < 0) {
                throw new CliException(ExitCode.USAGE, file + " has no column '" + column + "' (columns: "
                        + String.join(", ", header) + ")", null);
            }
            List<String> result = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                List<String> cells = split(line, delimiter);
                if (index < cells.size()) {
                    result.add(cells.get(index).strip());
                }
            }
            return result;
        }

        private static char delimiter(String header) {
            for (char d : new char[] {',', ';', '\t', '|'}) {
                if (header.indexOf(d) >= 0) {
                    return d;
                }
            }
            return ',';
        }

        /** One line of simple CSV: fields may be quoted with doubled quotes inside; no line breaks in fields. */
        static List<String> split(String line, char delimiter) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == delimiter) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            return cells;
        }
    }
}
