package dev.newsflow.syndicate.interop;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Debian's Python (with python3-feedparser and python3-jsonschema) on feed files. When a module
 * is missing the test is skipped with a message naming the apt package, except on CI ({@code CI=true})
 * where it fails: CI must install them.
 */
public final class PythonTools {
    /** Debian's interpreter: the python3 on PATH may be another build without Debian's modules. */
    static final String PYTHON = System.getProperty("newsflow.python", "/usr/bin/python3");

    private PythonTools() {
    }

    public static void requireModule(String module, String aptPackage) {
        boolean present;
        try {
            Process process = new ProcessBuilder(PYTHON, "-c", "import " + module).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            present = process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        if (!present) {
            String message = "Python module '" + module + "' is not importable by " + PYTHON
                    + ": install the apt package " + aptPackage;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI=true, so this is a failure, not a skip)");
            }
            Assumptions.abort(message);
        }
    }

    /** Runs check_feeds.py over the files; returns its JSON result keyed by file path. */
    public static JsonNode checkFeeds(Path workDir, List<Path> files) throws IOException, InterruptedException {
        Path script = copyResource("/interop/check_feeds.py", workDir.resolve("check_feeds.py"));
        Path schema = copyResource("/jsonfeed/schema-v1.1.json", workDir.resolve("schema-v1.1.json"));
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString(), schema.toString()));
        files.forEach(file -> command.add(file.toString()));
        Path output = workDir.resolve("check-output.json");
        Path errors = workDir.resolve("check-errors.txt");
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile())
                .start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("check_feeds.py did not finish in 300 s");
        }
        if (process.exitValue() != 0) {
            fail("check_feeds.py failed: " + Files.readString(errors, StandardCharsets.UTF_8));
        }
        return new ObjectMapper().readTree(output.toFile());
    }

    private static Path copyResource(String resource, Path target) throws IOException {
        try (InputStream in = PythonTools.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
