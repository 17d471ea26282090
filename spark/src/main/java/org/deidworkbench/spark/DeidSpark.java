package org.deidworkbench.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileException;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.job.JobException;
import org.deidworkbench.job.RunJob;
import org.deidworkbench.job.RunListener;
import org.deidworkbench.job.RunRequest;
import org.deidworkbench.job.RunResult;

/**
 * {@code deid-spark run --profile P --keyfile K --out OUT INPUT...}: {@code deid run} with its
 * per-file passes on Apache Spark (issue 13). The same profile and key file give byte-identical
 * output files, manifest and key file entries as {@code deid run}; only the report's {@code run}
 * section differs. Runs under {@code spark-submit} (the master comes from Spark's configuration), with
 * {@code java -cp} (then {@code local[*]} unless {@code --master} says otherwise), or in a JVM whose
 * Spark context is already running (a Databricks JAR task, an embedding application): then on that
 * context ({@code --master} is not used), which is left running.
 *
 * <p>The passphrase comes from {@code --passphrase-file} or {@code DEID_PASSPHRASE} and stays on the
 * driver; executors receive derived purpose keys only (README: trust boundary).
 */
public final class DeidSpark {

    static final String USAGE = "usage: deid-spark run --out DIR [--profile PROFILE] [--keyfile FILE]"
            + " [--passphrase-file FILE] [--master URL] [--partitions N] [--stage DIR] INPUT...\n"
            + "       (INPUT, --out and --keyfile may be Hadoop URIs: hdfs://..., s3a://...; with a Hadoop --out or\n"
            + "        --keyfile the tasks read and write through Hadoop, no shared folder needed; --stage DIR: stage\n"
            + "        through a folder the driver and every executor see instead)\n"
            + "       deid-spark bench [--csv-rows N] [--dicom-patients N] [--fhir-patients N] [--fhir-mb N]"
            + " [--rounds N] [--master URL]"
            + " [--sample-data DIR] [--work DIR]";

    private DeidSpark() {
    }

    /**
     * Exit codes as {@code deid}'s: 0 all written, 3 some files failed or withheld, 2 usage, 5 key file,
     * 9 run failed, 130 stopped (SIGINT/SIGTERM: nothing finalized).
     */
    public static void main(String[] args) {
        chooseLogging(DeidSpark.class.getClassLoader());
        System.exit(main(args, System.out, System.err));
    }

    /** Spark's binding of SLF4J to log4j 2, whose configuration Spark's users know. */
    static final String SPARK_LOGGING = "org.apache.logging.slf4j.SLF4JServiceProvider";

    /**
     * Picks Spark's SLF4J provider unless the user picked one ({@code -Dslf4j.provider}). A run with
     * {@code java -cp} also has the workbench's own provider on its class path (its jar's manifest
     * names its libraries), and SLF4J then warns of two providers and takes the first it finds; with
     * {@code spark-submit} only Spark's is there. Must run before anything logs.
     *
     * @return the provider chosen here, or {@code null} when the user's choice (or SLF4J's search) stands
     */
    static String chooseLogging(ClassLoader loader) {
        if (System.getProperty("slf4j.provider") != null) {
            return null;
        }
        try {
            Class.forName(SPARK_LOGGING, false, loader);
        } catch (ClassNotFoundException e) {
            return null;
        }
        System.setProperty("slf4j.provider", SPARK_LOGGING);
        return SPARK_LOGGING;
    }

    static int main(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("bench")) {
            try {
                return SparkBench.main(args, out);
            } catch (Exception e) {
                err.println("deid-spark bench: " + e);
                return 9;
            }
        }
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("deid-spark: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        char[] passphrase = null;
        try {
            LoadedProfile profile = ProfileLoader.read(o.profile);
            boolean remote = o.remote();
            Path key = o.keyFile == null ? RunRequest.defaultKeyFile(HadoopRun.local(o.out))
                    : remote ? null : HadoopRun.local(o.keyFile);
            if (key != null && o.keyFile != null && !Files.exists(key)) {
                err.println("deid-spark: no such key file " + key + "; create one with `deid init " + key + "`");
                return 5;
            }
            passphrase = passphrase(o);
            SparkConf conf = new SparkConf().setAppName("deid-spark");
            if (o.master != null) {
                conf.setMaster(o.master);
            } else if (!conf.contains("spark.master")) {
                conf.setMaster("local[*]");
            }
            // A Spark context already running in this JVM (a Databricks JAR task, a notebook, an application
            // embedding the run) is used as it is and left running; one started here is stopped at the end.
            long asked = System.currentTimeMillis();
            JavaSparkContext spark = JavaSparkContext.fromSparkContext(org.apache.spark.SparkContext.getOrCreate(conf));
            boolean own = spark.sc().startTime() >= asked;
            try {
                int partitions = o.partitions > 0 ? o.partitions : 4 * spark.defaultParallelism();
                RunResult result;
                String keyShown;
                if (remote) {
                    HadoopRun.Locations where = new HadoopRun.Locations(o.inputs, o.out, o.keyFile);
                    keyShown = o.keyFile != null ? o.keyFile : o.out + ".deidkey";
                    HadoopRun.Stop stop = new HadoopRun.Stop();
                    char[] pass = passphrase;
                    result = runCancellable(() -> HadoopRun.run(spark, where, o.keyFile == null, pass, profile,
                            partitions, o.stage, WorkerSetup.Faults.NONE, HadoopRun.IoFaults.NONE, stop), stop::request);
                } else {
                    keyShown = key.toString();
                    RunRequest request = new RunRequest(o.inputs.stream().map(HadoopRun::local).toList(),
                            HadoopRun.local(o.out), key, o.keyFile == null, passphrase, profile,
                            spark.defaultParallelism());
                    RunJob job = job(spark, request, partitions, WorkerSetup.Faults.NONE);
                    result = runCancellable(job::run, job::cancel);
                }
                var n = result.report().files();
                out.println("deid-spark: " + n.total() + " files, " + n.written() + " written, " + n.failed() + " failed, "
                        + n.quarantined() + " withheld; output in " + o.out + " (report " + RunJob.REPORT + "), key file "
                        + keyShown);
                return result.allWritten() ? 0 : 3;
            } finally {
                if (own) {
                    spark.stop();
                }
            }
        } catch (ProfileException e) {
            err.println("deid-spark: " + e.getMessage());
            return 4;
        } catch (JobException e) {
            err.println("deid-spark: " + e.getMessage());
            return e.reason() == JobException.Reason.KEY_FILE || e.reason() == JobException.Reason.KEY_FILE_MISSING
                    ? 5 : e.reason() == JobException.Reason.CANCELLED ? 130 : 9;
        } catch (IOException e) {
            err.println("deid-spark: " + e.getMessage());
            return 9;
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    /**
     * Runs {@code request} with its passes on {@code spark}: the API the tests and embedders use.
     *
     * @param partitions how many partitions the files are spread over (the output does not depend on it)
     */
    public static RunResult run(JavaSparkContext spark, RunRequest request, int partitions)
            throws JobException, IOException {
        return run(spark, request, partitions, WorkerSetup.Faults.NONE);
    }

    static RunResult run(JavaSparkContext spark, RunRequest request, int partitions, WorkerSetup.Faults faults)
            throws JobException, IOException {
        return job(spark, request, partitions, faults).run();
    }

    /**
     * The run of {@code request} with its passes on {@code spark}, not started: {@link RunJob#cancel()}
     * from another thread cancels its Spark jobs and makes it end with nothing finalized.
     */
    static RunJob job(JavaSparkContext spark, RunRequest request, int partitions, WorkerSetup.Faults faults)
            throws IOException {
        SparkPasses passes = new SparkPasses(spark, ProfileSource.of(request.profile()), partitions, faults);
        return new RunJob(request, RunListener.NONE, passes);
    }

    /** A run that may throw what a run throws. */
    interface Body {
        RunResult run() throws JobException, IOException;
    }

    /**
     * Runs {@code body}; a SIGINT or SIGTERM meanwhile (Ctrl-C, YARN or Kubernetes stopping the driver)
     * calls {@code cancel} and waits up to a minute for the run to undo what it wrote (the work folder, an
     * output folder it made; with Hadoop locations also the stage and what the commit uploaded), so a
     * stopped run leaves no output that looks finished and the key file unchanged.
     */
    private static RunResult runCancellable(Body body, Runnable cancel) throws JobException, IOException {
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.run();
            try {
                ended.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "deid-spark-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return body.run();
        } finally {
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running
            }
        }
    }

    private static char[] passphrase(Options o) throws IOException {
        if (o.passphraseFile != null) {
            String text = Files.readString(o.passphraseFile, StandardCharsets.UTF_8);
            int end = text.length();
            while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
                end--;
            }
            return text.substring(0, end).toCharArray();
        }
        String env = System.getenv("DEID_PASSPHRASE");
        if (env == null || env.isEmpty()) {
            throw new IOException("no passphrase: give --passphrase-file FILE or set DEID_PASSPHRASE (a cluster job"
                    + " cannot prompt)");
        }
        return env.toCharArray();
    }

    /** The command line. */
    static final class Options {
        String out;
        String profile = "csv-template";
        String keyFile;
        String stage;
        Path passphraseFile;
        String master;
        int partitions;
        final List<String> inputs = new ArrayList<>();

        /** Whether any location is a Hadoop URI other than {@code file:} (then the run is staged: {@link HadoopRun}). */
        boolean remote() {
            return HadoopRun.remote(out) || (keyFile != null && HadoopRun.remote(keyFile))
                    || inputs.stream().anyMatch(HadoopRun::remote);
        }

        static Options parse(String[] args) {
            if (args.length == 0 || !args[0].equals("run")) {
                throw new IllegalArgumentException("the commands are `run` and `bench`");
            }
            Options o = new Options();
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--out", "-o" -> o.out = value(args, ++i, a);
                    case "--profile", "-p" -> o.profile = value(args, ++i, a);
                    case "--keyfile", "-k" -> o.keyFile = value(args, ++i, a);
                    case "--stage" -> o.stage = value(args, ++i, a);
                    case "--passphrase-file" -> o.passphraseFile = Path.of(value(args, ++i, a));
                    case "--master" -> o.master = value(args, ++i, a);
                    case "--partitions" -> {
                        try {
                            o.partitions = Integer.parseInt(value(args, ++i, a));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--partitions needs a number");
                        }
                        if (o.partitions < 1) {
                            throw new IllegalArgumentException("--partitions must be at least 1");
                        }
                    }
                    default -> {
                        if (a.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        o.inputs.add(a);
                    }
                }
            }
            if (o.out == null) {
                throw new IllegalArgumentException("--out is required");
            }
            if (o.inputs.isEmpty()) {
                throw new IllegalArgumentException("no INPUT given");
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
