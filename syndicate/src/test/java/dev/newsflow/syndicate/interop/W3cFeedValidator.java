package dev.newsflow.syndicate.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the W3C Feed Validation Service's own code (copied into the test resources with its licence:
 * {@code w3c-feedvalidator/}) over feed documents with Debian's Python 3, and asserts that each has no error
 * and no warning. The validator needs python3-html5lib; without it the check is skipped with the package to
 * install, except under {@code CI=true}, where that is a failure.
 *
 * <p>One warning is expected, and only where it is true: the validator's table of namespaces predates RFC 6721,
 * so an Atom document that carries a kill as {@code at:deleted-entry} gets "Use of unknown namespace" for the
 * tombstones namespace. It is counted apart ({@link Result#tombstoneWarnings()}) and allowed only in documents
 * that do carry a tombstone; every other warning fails.
 */
public final class W3cFeedValidator {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One document to validate: its bytes, the URL it is (or would be) served at, its Content-Type if served. */
    public record Document(String name, byte[] body, String location, String contentType) {
    }

    static final String TOMBSTONES_NAMESPACE = "http://purl.org/atompub/tombstones/1.0";

    /** What the validator said about one document. */
    public record Result(Document document, int feedType, List<String> errors, List<String> warnings) {
        /** The validator's "unknown namespace" warnings about RFC 6721's namespace, in a document using it. */
        public List<String> tombstoneWarnings() {
            boolean hasTombstone = new String(document.body(), StandardCharsets.UTF_8).contains(":deleted-entry ");
            return warnings.stream().filter(warning -> hasTombstone && warning.startsWith("UnknownNamespace:")
                    && warning.endsWith(": " + TOMBSTONES_NAMESPACE)).toList();
        }

        /** Every warning except {@link #tombstoneWarnings()}. */
        public List<String> otherWarnings() {
            List<String> tombstones = tombstoneWarnings();
            return warnings.stream().filter(warning -> !tombstones.contains(warning)).toList();
        }

        boolean clean() {
            return errors.isEmpty() && otherWarnings().isEmpty();
        }

        @Override
        public String toString() {
            return document.name() + " (" + document.location() + "): " + errors.size() + " errors, "
                    + warnings.size() + " warnings" + (clean() ? "" : "\n    " + String.join("\n    ", errors)
                    + (errors.isEmpty() ? "" : "\n    ") + String.join("\n    ", warnings));
        }
    }

    private W3cFeedValidator() {
    }

    public static void requirePython() {
        PythonTools.requireModule("html5lib", "python3-html5lib");
    }

    /** Validates the documents in one Python run; fails if the validator cannot run. */
    public static List<Result> validate(Path workDir, List<Document> documents) throws IOException,
            InterruptedException {
        requirePython();
        Path validatorDir = resourceDirectory("/w3c-feedvalidator");
        Path script = resourceDirectory("/interop/validate_feeds.py");
        ArrayNode jobs = JSON.createArrayNode();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Document document = documents.get(i);
            Path file = workDir.resolve("doc-" + i + "-" + document.name().replaceAll("[^A-Za-z0-9.-]", "_"));
            Files.write(file, document.body());
            files.add(file);
            jobs.addObject().put("path", file.toString()).put("base", document.location())
                    .put("contentType", document.contentType());
        }
        Path jobsFile = workDir.resolve("validator-jobs.json");
        Files.writeString(jobsFile, jobs.toString());
        Path output = workDir.resolve("validator-output.json");
        Path errors = workDir.resolve("validator-errors.txt");
        ProcessBuilder builder = new ProcessBuilder(PythonTools.PYTHON, script.toString(), validatorDir.toString(),
                jobsFile.toString()).redirectOutput(output.toFile()).redirectError(errors.toFile());
        // English messages whatever the machine's locale; no .pyc files written beside the copied sources.
        builder.environment().put("LANGUAGE", "en");
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the W3C feed validator did not finish in 300 s");
        }
        if (process.exitValue() != 0) {
            fail("the W3C feed validator failed: " + Files.readString(errors, StandardCharsets.UTF_8));
        }
        JsonNode answer = JSON.readTree(output.toFile());
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            JsonNode result = answer.get(files.get(i).toString());
            results.add(new Result(documents.get(i), result.path("feedType").asInt(), messages(result.get("errors")),
                    messages(result.get("warnings"))));
        }
        return results;
    }

    /** Validates and asserts 0 errors and 0 warnings for each document; returns the results. */
    public static List<Result> assertValid(Path workDir, List<Document> documents) throws IOException,
            InterruptedException {
        List<Result> results = validate(workDir, documents);
        List<Result> bad = results.stream().filter(result -> !result.clean()).toList();
        assertThat(bad).as("W3C feed validator findings (%d documents checked)", results.size()).isEmpty();
        // A document the validator did not recognise as RSS or Atom would pass vacuously.
        assertThat(results).allSatisfy(result -> assertThat(result.feedType())
                .as("feed type of %s", result.document().name()).isIn(2, 3));
        return results;
    }

    private static List<String> messages(JsonNode events) {
        List<String> messages = new ArrayList<>();
        events.forEach(event -> messages.add(event.get("type").asText() + ": " + event.get("message").asText()));
        return messages;
    }

    private static Path resourceDirectory(String resource) {
        URL url = W3cFeedValidator.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
