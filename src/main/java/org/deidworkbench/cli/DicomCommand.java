package org.deidworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deidworkbench.config.ProfileException;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.job.DicomInspection;
import org.deidworkbench.job.JobException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deid dicom}: DICOM tools for checking files by eye. */
@Command(name = "dicom", mixinStandardHelpOptions = true, description = "DICOM tools.",
        subcommands = {DicomCommand.Dump.class, DicomCommand.Conformance.class})
final class DicomCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code deid dicom dump}. */
    @Command(name = "dump", mixinStandardHelpOptions = true,
            description = {"List a DICOM file's elements like dcmdump: tag, VR, length, keyword, value, nesting.",
                "It shows the values as they are in the file: use it on de-identified output, or on",
                "originals only where you may see patient data."})
    static final class Dump implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The DICOM file.")
        Path file;

        @Override
        public Integer call() {
            try {
                DicomInspection.dump(file, spec.commandLine().getOut());
            } catch (JobException e) {
                throw Failures.of(e);
            }
            return ExitCode.OK;
        }
    }

    /** {@code deid dicom conformance}. */
    @Command(name = "conformance", mixinStandardHelpOptions = true,
            description = {"Write the de-identification section of a DICOM Conformance Statement (PS3.2 Annex N)",
                "for a profile: options supported, the action on every PS3.15 attribute, private attributes,",
                "pixel data, UID consistency scope and key sizes, in Markdown."})
    static final class Conformance implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = {"-p", "--profile"}, defaultValue = "csv-template",
                description = "Profile whose dicom section is described (default: ${DEFAULT-VALUE}, which uses the"
                        + " built-in dicom-basic section).")
        String profile;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to this file instead of the output.")
        Path out;

        @Override
        public Integer call() throws java.io.IOException {
            String text;
            try {
                text = DicomInspection.conformance(ProfileLoader.resolve(profile));
            } catch (ProfileException e) {
                throw Failures.of(e);
            }
            if (out != null) {
                java.nio.file.Files.writeString(out, text, java.nio.charset.StandardCharsets.UTF_8);
            } else {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            }
            return ExitCode.OK;
        }
    }
}
