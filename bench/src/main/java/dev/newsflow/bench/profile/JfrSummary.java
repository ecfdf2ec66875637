package dev.newsflow.bench.profile;

import dev.newsflow.bench.report.TextTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU time goes, from a JDK Flight Recorder file ({@code -XX:StartFlightRecording}): the
 * {@code jdk.ExecutionSample} events, which {@code jfr print --events jdk.ExecutionSample} lists one by one, counted
 * by what JDK 17's {@code jfr} tool cannot group by: thread group (which service), package of the running method,
 * method (self time) and newsflow method anywhere on the stack; plus the time Streams threads and newsflow code
 * spent not running. For single events, stacks or anything else, use {@code jfr print} or {@code jfr summary} on
 * the recording the benchmark script keeps.
 */
public record JfrSummary(long samples, Map<String, Long> byThreadGroup, Map<String, Long> byPackageGroup,
                         Map<String, Long> byMethod, Map<String, Long> newsflowInclusive,
                         Map<String, Long> blockedMillis) {

    /** Events of a thread not running (parked, waiting, in socket I/O), as recorded above JFR's thresholds. */
    private static final java.util.Set<String> BLOCKING_EVENTS = java.util.Set.of("jdk.ThreadPark",
            "jdk.JavaMonitorWait", "jdk.JavaMonitorEnter", "jdk.SocketRead", "jdk.SocketWrite", "jdk.ThreadSleep");

    private static final List<Map.Entry<String, String>> THREAD_GROUPS = List.of(
            Map.entry("newsflow-enrich", "enrich (Kafka Streams threads)"),
            Map.entry("syndicate-push", "syndicate push (Kafka Streams threads)"),
            Map.entry("newsflow-syndicate", "syndicate feed state (Kafka Streams threads)"),
            Map.entry("data-plane", "Kafka broker (request handlers, network)"),
            Map.entry("kafka-", "Kafka broker / client I/O threads"),
            Map.entry("broker-", "Kafka broker (other threads)"),
            Map.entry("quorum", "Kafka controller (KRaft)"),
            Map.entry("raft", "Kafka controller (KRaft)"),
            Map.entry("qtp", "HTTP servers (Jetty: ingest, syndicate, registry)"),
            Map.entry("JettyServerThreadPool", "HTTP servers (Jetty: ingest, syndicate, registry)"),
            Map.entry("JettyVirtual", "HTTP servers (Jetty: ingest, syndicate, registry)"),
            Map.entry("HttpClient", "bench load generator (HTTP client)"),
            Map.entry("bench-", "bench load generator (watchers)"),
            Map.entry("jmh-worker", "JMH benchmark thread"),
            Map.entry("main", "main thread"));

    private static final List<Map.Entry<String, String>> PACKAGE_GROUPS = List.of(
            Map.entry("dev.newsflow.enrich", "newsflow enrich (clean-up, annotators)"),
            Map.entry("dev.newsflow.ingest", "newsflow ingest"),
            Map.entry("dev.newsflow.syndicate", "newsflow syndicate"),
            Map.entry("dev.newsflow.schemas", "newsflow serde / registry client"),
            Map.entry("dev.newsflow.platform", "newsflow platform (registry)"),
            Map.entry("dev.newsflow.bench", "bench itself"),
            Map.entry("dev.newsflow", "newsflow other"),
            Map.entry("com.hankcs", "Aho-Corasick automaton"),
            Map.entry("org.apache.avro", "Avro"),
            Map.entry("org.apache.kafka.streams", "Kafka Streams"),
            Map.entry("org.apache.kafka.common.record", "Kafka record batches (CRC, compression)"),
            Map.entry("org.apache.kafka", "Kafka (clients, broker)"),
            Map.entry("kafka.", "Kafka broker (Scala)"),
            Map.entry("org.rocksdb", "RocksDB (JNI)"),
            Map.entry("com.rometools", "Rome (RSS/Atom)"),
            Map.entry("com.fasterxml.jackson", "Jackson"),
            Map.entry("org.eclipse.jetty", "Jetty"),
            Map.entry("io.javalin", "Javalin"),
            Map.entry("org.jsoup", "jsoup (HTML)"),
            Map.entry("jdk.internal.net.http", "JDK HTTP client"),
            Map.entry("java.util.regex", "JDK regex"),
            Map.entry("sun.nio", "JDK NIO"),
            Map.entry("java.", "JDK (other java.*)"),
            Map.entry("jdk.", "JDK (other jdk.*)"),
            Map.entry("sun.", "JDK (sun.*)"),
            Map.entry("scala.", "Scala runtime"));

    public static JfrSummary read(Path recording) throws IOException {
        long samples = 0;
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> packages = new HashMap<>();
        Map<String, Long> methods = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> blocked = new HashMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (BLOCKING_EVENTS.contains(event.getEventType().getName())) {
                    recordBlocking(event, blocked);
                    continue;
                }
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                RecordedThread thread = event.getThread("sampledThread");
                String threadName = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
                threads.merge(group(threadName, THREAD_GROUPS, "other threads", true), 1L, Long::sum);
                RecordedFrame top = stack.getFrames().get(0);
                String className = top.getMethod().getType().getName();
                packages.merge(group(className, PACKAGE_GROUPS, "other libraries", false), 1L, Long::sum);
                methods.merge(shortName(className) + "." + top.getMethod().getName(), 1L, Long::sum);
                java.util.Set<String> onStack = new java.util.HashSet<>();
                for (RecordedFrame frame : stack.getFrames()) {
                    String owner = frame.getMethod().getType().getName();
                    if (owner.startsWith("dev.newsflow.") && !owner.startsWith("dev.newsflow.bench.jmh.jmh_generated")) {
                        onStack.add(shortName(owner) + "." + frame.getMethod().getName());
                    }
                }
                onStack.forEach(method -> inclusive.merge(method, 1L, Long::sum));
            }
        }
        return new JfrSummary(samples, sorted(threads), sorted(packages), sorted(methods), sorted(inclusive),
                sorted(blocked));
    }

    /**
     * Adds a blocking event's duration under "thread group: event at the first frame outside the JDK", which says
     * who waited for what (e.g. a Streams thread parked in the producer's transaction commit).
     */
    private static void recordBlocking(RecordedEvent event, Map<String, Long> blocked) {
        RecordedThread thread = event.getThread();
        String threadName = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
        String where = "?";
        RecordedStackTrace stack = event.getStackTrace();
        boolean newsflowOnStack = stack != null && stack.getFrames().stream()
                .anyMatch(frame -> frame.getMethod().getType().getName().startsWith("dev.newsflow."));
        // Idle pool threads wait all the time: only the pipeline's own work (Streams threads, newsflow code) counts.
        if (!threadName.contains("StreamThread") && !newsflowOnStack) {
            return;
        }
        if (stack != null) {
            for (RecordedFrame frame : stack.getFrames()) {
                String owner = frame.getMethod().getType().getName();
                if (!owner.startsWith("java.") && !owner.startsWith("jdk.") && !owner.startsWith("sun.")) {
                    where = shortName(owner) + "." + frame.getMethod().getName();
                    break;
                }
            }
        }
        String type = event.getEventType().getName().substring("jdk.".length());
        String key = group(threadName, THREAD_GROUPS, "other threads", true) + ": " + type + " in " + where;
        blocked.merge(key, event.getDuration().toMillis(), Long::sum);
    }

    private static String group(String name, List<Map.Entry<String, String>> groups, String fallback, boolean contains) {
        for (Map.Entry<String, String> group : groups) {
            if (contains ? name.contains(group.getKey()) : name.startsWith(group.getKey())) {
                return group.getValue();
            }
        }
        return fallback;
    }

    private static String shortName(String className) {
        String[] parts = className.split("\\.");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            out.append(parts[i].isEmpty() ? "" : parts[i].substring(0, 1)).append('.');
        }
        return out.append(parts[parts.length - 1]).toString();
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Tables of the top {@code limit} entries of each view, as shares of all samples. */
    public String toText(int limit) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%,d execution samples (jdk.ExecutionSample)%n%n", samples));
        out.append(table("thread group (which part of the system)", byThreadGroup, limit)).append('\n');
        out.append(table("package of the running method (self)", byPackageGroup, limit)).append('\n');
        out.append(table("hottest methods (self)", byMethod, limit)).append('\n');
        out.append(table("newsflow methods anywhere on the stack (inclusive time)", newsflowInclusive, limit + 4));
        if (!blockedMillis.isEmpty()) {
            TextTable waits = new TextTable("time not running in Streams threads and newsflow code, by thread group and "
                    + "where (summed over threads; JFR thresholds apply)",
                    "seconds");
            blockedMillis.entrySet().stream().limit(limit).forEach(e -> waits.row(e.getKey(),
                    String.format(Locale.ROOT, "%.1f", e.getValue() / 1000.0)));
            out.append('\n').append(waits);
        }
        return out.toString();
    }

    private String table(String title, Map<String, Long> counts, int limit) {
        TextTable table = new TextTable(title, "samples", "share");
        counts.entrySet().stream().limit(limit).forEach(e -> table.row(e.getKey(), e.getValue(),
                String.format(Locale.ROOT, "%.1f %%", 100.0 * e.getValue() / Math.max(1, samples))));
        return table.toString();
    }
}
