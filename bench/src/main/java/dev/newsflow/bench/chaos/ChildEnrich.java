package dev.newsflow.bench.chaos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An enrich instance in a child JVM ({@link EnrichProcess}) with the same classpath, the same application id as
 * the one in the benchmark's JVM and its own state directory, which can be killed with SIGKILL and started again.
 * Its output goes to a log file beside the data, read only for the ready line.
 */
final class ChildEnrich implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChildEnrich.class);

    private final Map<String, String> settings;
    private final Path log;
    private Process process;
    private int starts;

    ChildEnrich(Map<String, String> settings, Path log) {
        this.settings = Map.copyOf(settings);
        this.log = log;
    }

    /** Starts the process and returns once its Kafka Streams has started (or throws after {@code within}). */
    void start(Duration within) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), EnrichProcess.class.getName()));
        settings.forEach((key, value) -> command.add(key + "=" + value));
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the enrich process", e);
        }
        starts++;
        CompletableFuture<Void> ready = copyOutput(process);
        try {
            ready.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the enrich process did not start within " + within + "; see " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the enrich process", e);
        }
        LOG.info("enrich process {} started (pid {})", starts, process.pid());
    }

    /** Copies the child's output to the log file; the future completes when the ready line has passed. */
    private CompletableFuture<Void> copyOutput(Process child) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread copier = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
                 var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                         StandardOpenOption.APPEND)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    if (line.startsWith(EnrichProcess.READY)) {
                        out.flush();
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("the enrich process ended before it was ready"));
        }, "chaos-enrich-output");
        copier.setDaemon(true);
        copier.start();
        return ready;
    }

    /** SIGKILL, as a machine that loses power would: no close, no commit, no leaving the group. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the enrich process survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("enrich process killed (exit {})", process.exitValue());
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
