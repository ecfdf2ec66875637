package dev.newsflow.syndicate.interop;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every RSS and Atom document a test class fetched from a running syndicate (through
 * {@code SyndicateTestSupport.get}) is checked by the W3C feed validator when the class ends: 0 errors and 0
 * warnings, as served (with its Content-Type, at the address the service's own links use).
 */
public final class ServedFeedsAreValid implements AfterAllCallback {
    private static final Logger LOG = LoggerFactory.getLogger(ServedFeedsAreValid.class);
    private static final List<W3cFeedValidator.Document> SERVED = new ArrayList<>();

    /** Records a 200 answer that is RSS or Atom; {@code location} is where the service's links say it lives. */
    public static void record(String location, HttpResponse<String> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != 200
                || !(contentType.startsWith("application/rss+xml") || contentType.startsWith("application/atom+xml"))) {
            return;
        }
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        synchronized (SERVED) {
            // a test polling until an item shows gets the same document many times: check each once
            boolean seen = SERVED.stream().anyMatch(document -> document.location().equals(location)
                    && java.util.Arrays.equals(document.body(), body));
            if (!seen) {
                SERVED.add(new W3cFeedValidator.Document("served-" + SERVED.size(), body, location, contentType));
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        List<W3cFeedValidator.Document> documents;
        synchronized (SERVED) {
            documents = List.copyOf(SERVED);
            SERVED.clear();
        }
        if (documents.isEmpty()) {
            return;
        }
        Path work = Files.createTempDirectory("served-feeds");
        try {
            List<W3cFeedValidator.Result> results = W3cFeedValidator.assertValid(work, documents);
            LOG.info("W3C feed validator over the feeds {} fetched: {} documents, {} errors, {} warnings "
                            + "(and {} 'unknown namespace' for RFC 6721 tombstones)",
                    context.getRequiredTestClass().getSimpleName(), results.size(),
                    results.stream().mapToInt(r -> r.errors().size()).sum(),
                    results.stream().mapToInt(r -> r.otherWarnings().size()).sum(),
                    results.stream().mapToInt(r -> r.tombstoneWarnings().size()).sum());
        } finally {
            delete(work);
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
