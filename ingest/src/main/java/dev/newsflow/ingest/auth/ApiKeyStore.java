package dev.newsflow.ingest.auth;

import dev.newsflow.platform.digest.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys ingest accepts: an inline list from config plus, optionally, a key file that is
 * re-read when it changes (checked every reload interval), so keys are added, rotated and
 * revoked without a restart. A key file that becomes unreadable or invalid keeps the last
 * good keys and logs why, rather than locking every publisher out.
 */
public final class ApiKeyStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyStore.class);

    private final ApiKeys inline;
    private final Path file;
    private final ScheduledExecutorService reloader;
    private volatile ApiKeys current;
    private volatile byte[] loadedDigest;

    private ApiKeyStore(ApiKeys inline, Path file, long reloadIntervalMs) {
        this.inline = inline;
        this.file = file;
        this.current = inline;
        if (file != null) {
            current = inline.plus(readFile());
            reloader = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "ingest-api-key-reloader");
                thread.setDaemon(true);
                return thread;
            });
            reloader.scheduleWithFixedDelay(this::reloadIfChanged, reloadIntervalMs, reloadIntervalMs,
                    TimeUnit.MILLISECONDS);
        } else {
            reloader = null;
        }
        if (current.size() == 0) {
            LOG.warn("no publisher API keys are configured: every article POST will be answered 401");
        }
    }

    /** Inline keys plus, when {@code file} is not null, the file's keys, re-read when it changes. */
    public static ApiKeyStore create(ApiKeys inline, Path file, long reloadIntervalMs) {
        return new ApiKeyStore(inline, file, reloadIntervalMs);
    }

    public Optional<String> publisherFor(String presentedKey) {
        return current.publisherFor(presentedKey);
    }

    /** Re-reads the key file now if its content changed; the scheduled reload calls this too. */
    public void reloadIfChanged() {
        try {
            byte[] content = Files.readAllBytes(file);
            if (Arrays.equals(Sha256.of(content), loadedDigest)) {
                return;
            }
            current = inline.plus(parse(content));
            LOG.info("reloaded publisher API keys from {}", file);
        } catch (IOException | RuntimeException e) {
            LOG.error("could not reload publisher API keys from {}; keeping the previous keys: {}", file, e.getMessage());
        }
    }

    private ApiKeys readFile() {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the API key file " + file + ": " + e.getMessage(), e);
        }
    }

    private ApiKeys parse(byte[] content) {
        // Compared by content digest, not modification time: a rewrite within the same second counts.
        ApiKeys keys = ApiKeys.parse(new String(content, StandardCharsets.UTF_8).lines().toList(), "key file " + file);
        loadedDigest = Sha256.of(content);
        return keys;
    }

    @Override
    public void close() {
        if (reloader != null) {
            reloader.shutdownNow();
        }
    }
}
