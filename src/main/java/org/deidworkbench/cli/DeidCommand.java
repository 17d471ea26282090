package org.deidworkbench.cli;

import java.io.Console;
import java.util.Map;
import org.deidworkbench.job.FormatRegistry;
import org.deidworkbench.job.RunJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code deid} command; subcommands do the work. */
@Command(name = "deid", mixinStandardHelpOptions = true, versionProvider = DeidCommand.Version.class,
        subcommands = {InitCommand.class, RunCommand.class, PreviewCommand.class, ProfileCommand.class,
            KeyFileCommand.class, ReidentifyCommand.class, VerifyCommand.class, DicomCommand.class, BenchCommand.class,
            GuiCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes:", "  0  ok", "  1  internal error (please report)", "  2  usage error",
            "  3  some files failed or were quarantined (run finished; see deid-report.json)", "  4  invalid profile",
            "  5  key file missing, unreadable, of an unsupported version or not writable", "  6  wrong passphrase",
            "  7  key file tampered with", "  8  key file truncated", "  9  input missing or output folder unusable",
            " 10  verify: possible leaks in the output (an original value or a PHI pattern)",
            " 11  verify: nothing found, but some files could only be scanned as raw text",
            "130  cancelled"})
public final class DeidCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What this version cleans, from the format registry: help never claims a format it cannot clean. */
    static String[] description() {
        String withheld = FormatRegistry.withheldDescription();
        return withheld.isEmpty()
                ? new String[] {"De-identify " + FormatRegistry.supportedDescription()
                        + " with keyed pseudonyms and a sealed key file."}
                : new String[] {"De-identify " + FormatRegistry.supportedDescription()
                        + " with keyed pseudonyms and a sealed key file.",
                    "Recognised but not yet cleaned by this version (withheld, never copied): " + withheld + "."};
    }

    /** The version line, from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"deid-workbench " + RunJob.toolVersion(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }

    /**
     * A ready command line with the exception handler and exit codes wired.
     *
     * @param env environment variables (for {@code DEID_PASSPHRASE})
     * @param console the terminal for prompts, or {@code null} when there is none
     */
    public static CommandLine commandLine(Map<String, String> env, Console console) {
        return commandLine(env, console, null);
    }

    /**
     * A ready command line whose {@code deid gui} opens the workbench through {@code desktop}.
     *
     * @param desktop starts the window; {@code null} where there is none (then {@code deid gui} says so)
     */
    public static CommandLine commandLine(Map<String, String> env, Console console, GuiCommand.Desktop desktop) {
        Passphrases passphrases = new Passphrases(env, console);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == InitCommand.class) {
                    return cls.cast(new InitCommand(passphrases));
                }
                if (cls == RunCommand.class) {
                    return cls.cast(new RunCommand(passphrases, console != null));
                }
                if (cls == PreviewCommand.class) {
                    return cls.cast(new PreviewCommand(passphrases));
                }
                if (cls == GuiCommand.class) {
                    return cls.cast(new GuiCommand(desktop));
                }
                // every other command that asks for a passphrase takes the one source of passphrases
                try {
                    java.lang.reflect.Constructor<K> withPassphrases = cls.getDeclaredConstructor(Passphrases.class);
                    return withPassphrases.newInstance(passphrases);
                } catch (NoSuchMethodException e) {
                    return CommandLine.defaultFactory().create(cls);
                }
            }
        };
        CommandLine cl = new CommandLine(new DeidCommand(), factory);
        cl.getCommandSpec().usageMessage().description(description());
        cl.setExecutionExceptionHandler(new ExceptionHandler(env.containsKey("DEID_DEBUG")));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        CommandSummaries.install(cl);
        return cl;
    }

    /**
     * Maps failures to exit codes and a one-line message; never a stack trace for expected errors.
     * With {@code DEID_DEBUG} set, internal errors also show where they happened: exception classes
     * and stack frames only, because library messages can quote the data being parsed.
     */
    static final class ExceptionHandler implements CommandLine.IExecutionExceptionHandler {
        private final boolean debug;

        ExceptionHandler(boolean debug) {
            this.debug = debug;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
            if (ex instanceof CliException ce) {
                if (!ce.getMessage().isEmpty()) {
                    cl.getErr().println("deid: " + ce.getMessage());
                    cl.getErr().flush();
                }
                return ce.exitCode();
            }
            cl.getErr().println("deid: internal error (" + ex.getClass().getName() + "); please report it"
                    + (debug ? "" : " (set DEID_DEBUG=1 to see where it happened)"));
            if (debug) {
                for (Throwable t = ex; t != null; t = t.getCause()) {
                    cl.getErr().println(t == ex ? t.getClass().getName() : "caused by " + t.getClass().getName());
                    for (StackTraceElement frame : t.getStackTrace()) {
                        cl.getErr().println("    at " + frame);
                    }
                }
            }
            cl.getErr().flush();
            return ExitCode.SOFTWARE;
        }
    }
}
