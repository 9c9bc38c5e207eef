package io.jenkins.plugins.safelambdaupdate.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/** The JVM's peak live threads and peak heap use from {@link #start()} on (the in-process simulator's included). */
final class JvmPeaks {
    private static final long MIB = 1024 * 1024;

    private JvmPeaks() {
    }

    /** @return peaks measured from now on (resets the JVM's peak counters) */
    static JvmPeaks start() {
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        return new JvmPeaks();
    }

    /** @return the most live threads since {@link #start()} */
    int threads() {
        return ManagementFactory.getThreadMXBean().getPeakThreadCount();
    }

    /** @return the sum of the heap pools' peak use since {@link #start()}, in MiB (an upper bound of the heap's peak) */
    int heapMb() {
        return (int) (heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / MIB);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .filter(MemoryPoolMXBean::isValid).toList();
    }
}
