package dev.newsflow.bench.memory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of a JVM as the JDK reports it: {@code jcmd <pid> GC.class_histogram} (which runs a full GC first),
 * its total and its largest classes. For the whole histogram run jcmd yourself; which service holds which bytes a
 * histogram cannot tell (JDK arrays and strings belong to no one), so heap per service is {@link ServiceHeapProbe}.
 */
public record HeapHistogram(long liveBytes, List<ClassRow> largestClasses) {

    /** One row of the class histogram. */
    public record ClassRow(String className, long instances, long bytes) {
    }

    /** How many of the largest classes are kept. */
    static final int LARGEST = 15;
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)");

    /** Runs jcmd against the process (a full GC happens there). */
    public static HeapHistogram of(long pid) throws IOException, InterruptedException {
        return parse(jcmd(pid, "GC.class_histogram"));
    }

    static HeapHistogram parse(String histogram) {
        long total = 0;
        List<ClassRow> largest = new ArrayList<>();
        for (String line : histogram.split("\\R")) {
            Matcher row = ROW.matcher(line);
            Matcher sum = TOTAL.matcher(line);
            if (row.find() && largest.size() < LARGEST) {
                // jcmd lists classes by size, largest first
                largest.add(new ClassRow(row.group(3), Long.parseLong(row.group(1)), Long.parseLong(row.group(2))));
            } else if (sum.find()) {
                total = Long.parseLong(sum.group(1));
            }
        }
        return new HeapHistogram(total, List.copyOf(largest));
    }

    static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
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
