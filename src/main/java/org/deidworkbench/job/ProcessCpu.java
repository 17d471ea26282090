package org.deidworkbench.job;

import java.lang.management.ManagementFactory;

/** The benchmarks' CPU clock: on a shared machine wall time alone misleads. */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /**
     * CPU time of the whole process so far (every thread: the JIT compilers and the collector included), in
     * seconds, or NaN where the platform does not say.
     */
    static double seconds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    /**
     * CPU time of this process's children that have exited and been waited for (user + system, every thread),
     * in seconds, from Linux's {@code /proc/self/stat} (clock ticks of 1/100 s); NaN elsewhere. The difference
     * over one child's run is that child's CPU.
     */
    static double childrenSeconds() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            // after the command name in parentheses: state is field 3, cutime and cstime are fields 16 and 17
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
