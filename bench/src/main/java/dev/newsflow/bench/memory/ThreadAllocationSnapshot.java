package dev.newsflow.bench.memory;

import dev.newsflow.bench.jmx.ProcessJmx;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * The heap every thread of a JVM has allocated so far, read through its {@code java.lang:type=Threading} MBean
 * (HotSpot's {@code getThreadAllocatedBytes}). Two snapshots around a load run give the bytes the pipeline
 * allocated for it, by component ({@link CpuComponent}): allocation is what sets how often the young generation is
 * collected and how much of it survives, and unlike CPU time it barely moves when other work shares the machine.
 */
public final class ThreadAllocationSnapshot {
    private static final String THREADING = "java.lang:type=Threading";
    private static final String[] LONG_ARRAY = {long[].class.getName()};

    private final Map<Long, ThreadBytes> byThreadId;

    ThreadAllocationSnapshot(Map<Long, ThreadBytes> byThreadId) {
        this.byThreadId = Map.copyOf(byThreadId);
    }

    /** One thread: its name and the bytes it has allocated since it started. */
    record ThreadBytes(String name, double bytes) {
    }

    /** Every live thread of the process's JVM. */
    public static ThreadAllocationSnapshot of(ProcessJmx process) {
        MBeanServerConnection server = process.server();
        try {
            ObjectName threading = new ObjectName(THREADING);
            long[] ids = (long[]) server.getAttribute(threading, "AllThreadIds");
            long[] bytes = (long[]) server.invoke(threading, "getThreadAllocatedBytes", new Object[] {ids}, LONG_ARRAY);
            CompositeData[] infos = (CompositeData[]) server.invoke(threading, "getThreadInfo", new Object[] {ids},
                    LONG_ARRAY);
            Map<Long, ThreadBytes> threads = new HashMap<>();
            for (int i = 0; i < ids.length; i++) {
                // -1 or no info: the thread ended between the two calls
                if (bytes[i] >= 0 && infos[i] != null) {
                    threads.put(ids[i], new ThreadBytes((String) infos[i].get("threadName"), bytes[i]));
                }
            }
            return new ThreadAllocationSnapshot(threads);
        } catch (IOException | JMException e) {
            throw new IllegalStateException("cannot read the threads' allocation: " + e, e);
        }
    }

    /**
     * Bytes allocated between {@code earlier} and this snapshot, by component, largest first
     * ({@link ThreadTotals#sinceByComponent}).
     */
    public Map<CpuComponent, Double> since(ThreadAllocationSnapshot earlier) {
        return ThreadTotals.sinceByComponent(byThreadId, earlier.byThreadId, ThreadBytes::name, ThreadBytes::bytes);
    }
}
