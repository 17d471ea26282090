package org.deidworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deidworkbench.job.DicomInspection;
import org.deidworkbench.job.JobException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code deid dicom}: DICOM tools for checking files by eye. */
@Command(name = "dicom", mixinStandardHelpOptions = true, description = "DICOM tools.",
        subcommands = {DicomCommand.Dump.class})
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
}
