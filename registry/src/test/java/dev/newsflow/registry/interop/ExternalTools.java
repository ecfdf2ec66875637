package dev.newsflow.registry.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The programs the interop tests run, which newsflow did not write: Debian's Python with
 * Confluent's client ({@code python3-confluent-kafka}, {@code python3-avro},
 * {@code python3-requests}) and {@code kcat}. A missing one fails the test when the
 * environment says {@code CI=true} (CI must prove interop) and otherwise skips it, naming
 * the apt package to install.
 */
final class ExternalTools {
    /** Debian's interpreter: the {@code python3} on PATH may be another build without Debian's modules. */
    static final String PYTHON = "/usr/bin/python3";

    private ExternalTools() {
    }

    /** What a finished program printed. */
    record Run(int exitCode, byte[] stdout, String stderr) {
        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        List<String> stdoutLines() {
            List<String> lines = new ArrayList<>();
            for (String line : stdoutText().split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return lines;
        }

        String describe() {
            return "exit " + exitCode + "\nstdout: " + stdoutText() + "\nstderr: " + stderr;
        }
    }

    /** Skips (or, on CI, fails) unless Debian's Python can import every module Confluent's clients need. */
    static void requireConfluentPython() {
        require(Files.isExecutable(Path.of(PYTHON)), PYTHON + " is missing", "python3");
        requireModule("confluent_kafka", "python3-confluent-kafka");
        requireModule("avro", "python3-avro");
        requireModule("requests", "python3-requests");
        requireModule("confluent_kafka.avro", "python3-confluent-kafka");
    }

    static void requireKcat() {
        boolean present;
        try {
            present = run(Duration.ofSeconds(20), "kcat", "-V").exitCode() == 0;
        } catch (UncheckedIOException e) {
            present = false;
        }
        require(present, "kcat is not on the PATH", "kcat");
    }

    private static void requireModule(String module, String aptPackage) {
        Run probe = run(Duration.ofSeconds(30), PYTHON, "-c", "import " + module);
        String[] errorLines = probe.stderr().trim().split("\n");
        require(probe.exitCode() == 0, "Python module '" + module + "' cannot be imported by " + PYTHON
                + " (" + errorLines[errorLines.length - 1] + ")", aptPackage);
    }

    private static void require(boolean present, String what, String aptPackage) {
        if (present) {
            return;
        }
        String message = what + ": install the Debian package " + aptPackage
                + " (apt-get install " + aptPackage + ") to run this interop test";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and " + message);
        }
        Assumptions.abort(message);
    }

    /** A test resource as a file, for handing to a program. */
    static Path resource(String name) {
        try {
            return Path.of(ExternalTools.class.getResource("/interop/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource interop/" + name, e);
        }
    }

    /** Runs a program to completion (killing it after {@code timeout}) and returns what it printed. */
    static Run run(Duration timeout, String... command) {
        try {
            Path out = Files.createTempFile("interop-out", ".bin");
            Path err = Files.createTempFile("interop-err", ".txt");
            try {
                Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                        .redirectError(err.toFile()).start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                    return new Run(-1, Files.readAllBytes(out), "timed out after " + timeout + "\n"
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return new Run(process.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
