package org.deidworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deidworkbench.job.JobException;
import org.deidworkbench.job.VerifyJob;
import org.deidworkbench.job.VerifyReport;
import org.deidworkbench.job.VerifyReportJson;
import org.deidworkbench.keyfile.KeyFileCredential;
import org.deidworkbench.keyfile.KeyFileStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deid verify}: prove an output folder holds no original value of the key file and no PHI pattern. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Scan an output folder for the original values its key file records and for PHI patterns.",
            "Every file, file name and folder name is scanned; originals match case-, spacing- and",
            "punctuation-insensitively (names also in another order; dates in common notations); the patterns are",
            "SSN, phone (US, French, UK), e-mail, labelled MRNs and dates of birth, IPv4, IPv6 and MAC addresses,",
            "US MBIs, and by their check digits national and health numbers (Nordic personal numbers, NHS, IHI,",
            "Medicare and DVA, NHI, Ontario and BC health numbers, RAMQ, SIN, CPF, CNS, TC Kimlik, Aadhaar, CURP,",
            "RFC, IMSS, RUT, CUIL, SNILS, OMS, AMKA, AFM, RRN, Chinese resident ID, My Number, Thai ID; also in",
            "Arabic-Indic, Persian, Thai or full-width digits), and CEP and PIN postcodes.",
            "Each hit is reported with its file and location, never with the value (unless --reveal).",
            "Exit code 0: clean; 10: hits; 11: nothing found but some files could only be scanned as raw text."})
final class VerifyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUTPUT_DIR", description = "The output folder to verify.")
    Path output;

    @Option(names = {"-k", "--keyfile"}, required = true, paramLabel = "FILE", description = "The key file of the study.")
    Path keyFile;

    @Option(names = "--reveal", description = "Show the values found (a terminal is a log: only on a protected machine).")
    boolean reveal;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Files scanned in parallel (default: cores).")
    Integer threads;

    @Mixin
    CredentialOptions credentials;

    private final Passphrases passphrases;

    VerifyCommand(Passphrases passphrases) {
        this.passphrases = passphrases;
    }

    @Override
    public Integer call() {
        KeyFileCommand.keyFile(() -> KeyFileStore.inspect(keyFile));
        KeyFileCredential credential = credentials.resolve(passphrases, keyFile);
        int n = Math.max(1, threads != null ? threads : Runtime.getRuntime().availableProcessors());
        VerifyJob job;
        try {
            // with a passphrase the key file is read as a stream into the dictionary (decision 0061); a trustee's key or
            // custodians' shares open it whole
            job = KeyFileCommand.keyFile(() -> credential instanceof KeyFileCredential.Passphrase p
                    ? VerifyJob.streamed(output, keyFile, p.chars(), reveal, n)
                    : new VerifyJob(output, KeyFileStore.open(keyFile, credential), reveal, n));
        } finally {
            credential.wipe();
        }
        VerifyReport report;
        try {
            report = job.run();
        } catch (JobException e) {
            throw Failures.of(e);
        }
        print(spec.commandLine().getOut(), report, reveal, json);
        return exitCode(report);
    }

    static int exitCode(VerifyReport report) {
        return !report.clean() ? ExitCode.LEAKS_FOUND : report.complete() ? ExitCode.OK : ExitCode.VERIFY_INCOMPLETE;
    }

    /** Prints a report: a summary, each file with hits and its locations, and what was not scanned completely. */
    static void print(PrintWriter out, VerifyReport r, boolean reveal, boolean json) {
        if (json) {
            out.println(VerifyReportJson.render(r, reveal));
            out.flush();
            return;
        }
        out.printf("Verified %s: %d files, %,d bytes in %.1f s, against %,d original values and the PHI patterns%n",
                r.output(), r.files(), r.bytes(), r.seconds(), r.values());
        if (r.clean()) {
            out.println(r.complete() ? "No original value and no PHI pattern found." : "No original value and no PHI"
                    + " pattern found in what could be scanned; see the files not scanned completely below.");
        } else {
            out.printf("POSSIBLE LEAKS: %,d hit%s in %d file%s (values not shown%s):%n", r.hitCount(),
                    r.hitCount() == 1 ? "" : "s", r.hits().size(), r.hits().size() == 1 ? "" : "s",
                    reveal ? "" : "; --reveal shows them");
            for (VerifyReport.FileHits f : r.hits()) {
                out.printf("  %s: %,d%n", f.path(), f.count());
                for (VerifyReport.Hit h : f.listed()) {
                    out.printf("    %s: %s (%s)%s%n", h.location(), h.kind().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                            h.source(), reveal && h.value() != null ? ": " + h.value() : "");
                }
                if (f.count() > f.listed().size()) {
                    out.printf("    ... %,d more%n", f.count() - f.listed().size());
                }
            }
        }
        if (r.attested() > 0) {
            out.printf("%,d attested coincidence%s: a date the run shifted from another date that equals its subject's own"
                    + " original date (decision 0029; not a leak)%n", r.attested(), r.attested() == 1 ? "" : "s");
        }
        if (r.shared() > 0) {
            out.printf("%,d shared-value coincidence%s: a one-word name of a subject as the whole value of a field that holds"
                    + " it for many other subjects too (decision 0090; not a leak)%n", r.shared(), r.shared() == 1 ? "" : "s");
        }
        if (!r.complete()) {
            out.println("Not scanned completely (scanned as raw text only):");
            for (VerifyReport.NotScanned s : r.notScanned()) {
                out.println("  " + s.path() + ": " + s.reason());
            }
        }
        out.flush();
    }
}
