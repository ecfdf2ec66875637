package dev.newsflow.bench.chaos;

import dev.newsflow.enrich.EnrichConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An enrich instance in a child JVM ({@link EnrichProcess}) with the same classpath, the same application id as
 * the one in the benchmark's JVM and its own state directory, which can be killed with SIGKILL and started again.
 * Its output goes to a log file beside the data; it is ready when its {@code /health/ready} says so.
 */
final class ChildEnrich implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChildEnrich.class);
    private static final String HOST = "127.0.0.1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, String> settings;
    private final Path log;
    private Process process;
    private int starts;

    ChildEnrich(Map<String, String> settings, Path log) {
        this.settings = Map.copyOf(settings);
        this.log = log;
    }

    /**
     * Starts the process and returns once its {@code /health/ready} answers 200 (Kafka and the registry reachable,
     * Kafka Streams RUNNING), or throws after {@code within}. Each start takes a free port of its own.
     */
    void start(Duration within) {
        int port = ChaosRun.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), EnrichProcess.class.getName()));
        settings.forEach((key, value) -> command.add(key + "=" + value));
        command.add(EnrichConfig.HOST + "=" + HOST);
        command.add(EnrichConfig.PORT + "=" + port);
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the enrich process", e);
        }
        starts++;
        awaitReady(URI.create("http://" + HOST + ":" + port + "/health/ready"), within);
        LOG.info("enrich process {} started (pid {})", starts, process.pid());
    }

    private void awaitReady(URI ready, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the enrich process ended (exit " + process.exitValue()
                            + ") before it was ready; see " + log);
                }
                try {
                    if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // the process is still starting: ask again
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while starting the enrich process", e);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the enrich process was not ready within " + within + "; see " + log);
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
