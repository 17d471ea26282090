import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The verifier's steady state (performance.md, "Leak verifier (issue #11)", decision 0109): the dictionary built once,
 * then every regular file of TREE scanned ROUNDS times on one thread through VerifyJob.scanFile (the format readers and
 * the scanner, as `deid verify` scans a file), printing each round's thread CPU and wall time. No values are printed.
 * usage: DEID_PASSPHRASE=... java -XX:+UseParallelGC -Xmx512m -cp JAR tools/bench/ScanSteady.java TREE KEYFILE [ROUNDS]
 */
public class ScanSteady {
    public static void main(String[] args) throws Throwable {
        Path tree = Path.of(args[0]);
        Path key = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        Class<?> jobClass = Class.forName("org.deidworkbench.job.VerifyJob");
        Object job = jobClass.getMethod("streamed", Path.class, Path.class, char[].class, boolean.class, int.class)
                .invoke(null, tree, key, System.getenv("DEID_PASSPHRASE").toCharArray(), false, 1);
        Method prepare = jobClass.getDeclaredMethod("prepare");
        prepare.setAccessible(true);
        Object prepared = prepare.invoke(job);
        Method dictionaryOf = prepared.getClass().getDeclaredMethod("dictionary");
        dictionaryOf.setAccessible(true);
        Method budgetOf = prepared.getClass().getDeclaredMethod("budget");
        budgetOf.setAccessible(true);
        Object dictionary = dictionaryOf.invoke(prepared);
        Object budget = budgetOf.invoke(prepared);
        Method scanFile = null;
        for (Method m : jobClass.getDeclaredMethods()) {
            if (m.getName().equals("scanFile")) {
                scanFile = m;
            }
        }
        scanFile.setAccessible(true);
        List<Path> files;
        try (Stream<Path> s = Files.walk(tree)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        var threads = ManagementFactory.getThreadMXBean();
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        for (int r = 1; r <= rounds; r++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (Path f : files) {
                scanFile.invoke(job, f, dictionary, budget);
            }
            double c = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            System.out.printf("round %d: %.3f s thread CPU, %.3f s wall, %.1f MB per CPU-second (%d files, %.1f MB)%n", r, c,
                    (System.nanoTime() - wall) / 1e9, bytes / 1e6 / c, files.size(), bytes / 1e6);
        }
    }
}
