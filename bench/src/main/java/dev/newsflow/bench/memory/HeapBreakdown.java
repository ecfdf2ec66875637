package dev.newsflow.bench.memory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of a JVM (after the full GC that {@code jcmd <pid> GC.class_histogram} runs),
 * split by which part of newsflow the classes belong to. Only objects of a part's own classes
 * count for it: JDK objects (byte[], String, HashMap nodes, ...) that a service holds are
 * reported as "JDK and shared", because a class histogram does not know who references them.
 */
public record HeapBreakdown(long liveBytes, Map<String, Long> bytesByPart, List<ClassRow> largestClasses) {

    /** One row of the class histogram. */
    public record ClassRow(String className, long instances, long bytes) {
    }

    /** How many of the largest classes are kept. */
    static final int LARGEST = 15;

    /** Class-name prefixes per part, first match wins. */
    private static final List<Map.Entry<String, List<String>>> PARTS = List.of(
            Map.entry("ingest", List.of("dev.newsflow.ingest.", "com.optimaize.", "org.jsoup.")),
            Map.entry("enrich (incl. knowledge base)", List.of("dev.newsflow.enrich.", "com.hankcs.")),
            Map.entry("syndicate", List.of("dev.newsflow.syndicate.", "com.rometools.")),
            Map.entry("Kafka Streams + RocksDB (Java side)", List.of("org.apache.kafka.streams.", "org.rocksdb.")),
            Map.entry("Kafka broker + controller", List.of("kafka.", "org.apache.kafka.server.", "org.apache.kafka.storage.",
                    "org.apache.kafka.raft.", "org.apache.kafka.metadata.", "org.apache.kafka.controller.",
                    "org.apache.kafka.image.", "org.apache.kafka.coordinator.", "org.apache.kafka.network.",
                    "org.apache.kafka.security.", "org.apache.kafka.snapshot.", "org.apache.kafka.queue.",
                    "org.apache.kafka.timeline.", "org.apache.kafka.deferred.", "com.yammer.", "scala.")),
            Map.entry("Kafka clients", List.of("org.apache.kafka.")),
            Map.entry("schema registry + Avro", List.of("dev.newsflow.registry.", "dev.newsflow.schema",
                    "org.apache.avro.")),
            Map.entry("HTTP (Javalin/Jetty) + metrics", List.of("io.javalin.", "org.eclipse.jetty.", "io.micrometer.",
                    "io.prometheus.")),
            Map.entry("other newsflow", List.of("dev.newsflow.")));
    static final String SHARED = "JDK and shared";
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    /** Runs jcmd against the process (a full GC happens there) and groups the histogram. */
    public static HeapBreakdown of(long pid) throws IOException, InterruptedException {
        return parse(jcmd(pid, "GC.class_histogram"));
    }

    static HeapBreakdown parse(String histogram) {
        Map<String, Long> parts = new LinkedHashMap<>();
        PARTS.forEach(part -> parts.put(part.getKey(), 0L));
        parts.put(SHARED, 0L);
        long total = 0;
        List<ClassRow> largest = new java.util.ArrayList<>();
        for (String line : histogram.split("\\R")) {
            Matcher row = ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            long bytes = Long.parseLong(row.group(2));
            String className = row.group(3);
            total += bytes;
            if (largest.size() < LARGEST) {
                // jcmd lists classes by size, largest first
                largest.add(new ClassRow(className, Long.parseLong(row.group(1)), bytes));
            }
            parts.merge(partOf(className), bytes, Long::sum);
        }
        return new HeapBreakdown(total, parts, List.copyOf(largest));
    }

    static String partOf(String className) {
        for (Map.Entry<String, List<String>> part : PARTS) {
            for (String prefix : part.getValue()) {
                if (className.startsWith(prefix)) {
                    return part.getKey();
                }
            }
        }
        return SHARED;
    }

    static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path jcmd = javaHome.resolve("bin").resolve("jcmd");
        String executable = Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
        Process process = new ProcessBuilder(executable, Long.toString(pid), command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("jcmd " + pid + " " + command + " failed: " + output.lines().limit(3).toList());
        }
        return output;
    }
}
