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
}
