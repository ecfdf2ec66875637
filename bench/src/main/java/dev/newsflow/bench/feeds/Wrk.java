package dev.newsflow.bench.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the wrk HTTP load tool once against one URL and parses what it prints. */
final class Wrk {
    private final Path executable;

    Wrk(Path executable) {
        this.executable = executable;
    }

    WrkResult run(URI url, Map<String, String> headers, int threads, int connections, Duration duration)
            throws IOException, InterruptedException {
        if (!isLoopback(url)) {
            throw new IllegalArgumentException("the feeds benchmark only loads loopback addresses, not " + url.getHost());
        }
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-t" + threads, "-c" + connections,
                "-d" + Math.max(1, duration.toSeconds()) + "s", "--latency", "--timeout", "5s"));
        headers.forEach((name, value) -> {
            command.add("-H");
            command.add(name + ": " + value);
        });
        command.add(url.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("wrk did not finish");
        }
        if (process.exitValue() != 0) {
            throw new IOException("wrk exited with " + process.exitValue() + ": " + output);
        }
        return WrkResult.parse(output);
    }

    static boolean isLoopback(URI url) {
        String host = url.getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1"));
    }
}
