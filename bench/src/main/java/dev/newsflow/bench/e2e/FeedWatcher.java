package dev.newsflow.bench.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a partner's JSON Feed and logs when each article first appears in it. Items are matched
 * to articles by the syndicator's stable GUID, {@code urn:newsflow:article:<articleId>}. The
 * feed is fetched with {@code If-None-Match}; when every item of a page is new, older pages
 * ({@code next_url}) are followed, so that a burst larger than one page is still seen. A feed
 * keeps only its newest items: at high rates an item can leave it before any poll sees it.
 */
final class FeedWatcher implements AutoCloseable {
    static final String GUID_PREFIX = "urn:newsflow:article:";
    private static final Logger LOG = LoggerFactory.getLogger(FeedWatcher.class);
    private static final int MAX_PAGES_PER_POLL = 20;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI feedUrl;
    private final String token;
    private final Duration interval;
    private final ArrivalLog log;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong repeatedItems = new AtomicLong();
    private final Set<String> seen = new HashSet<>();
    private final Thread thread;
    private volatile String lastError;
    private String etag;

    FeedWatcher(URI feedUrl, String token, Duration interval, ArrivalLog log) {
        this.feedUrl = feedUrl;
        this.token = token;
        this.interval = interval;
        this.log = log;
        // What is in the feed before the run is not this run's: remember it without logging it.
        try {
            poll(false);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the feed " + feedUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the feed", e);
        }
        thread = new Thread(this::pollLoop, "bench-feed-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void pollLoop() {
        while (running.get()) {
            long next = System.nanoTime() + interval.toNanos();
            try {
                poll(true);
            } catch (IOException | RuntimeException e) {
                errors.incrementAndGet();
                lastError = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private void poll(boolean logArrivals) throws IOException, InterruptedException {
        polls.incrementAndGet();
        URI page = feedUrl;
        for (int pages = 0; page != null && pages < MAX_PAGES_PER_POLL; pages++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10)).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (pages == 0 && etag != null) {
                request.header("If-None-Match", etag);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            long now = System.nanoTime();
            if (response.statusCode() == 304) {
                return;
            }
            if (response.statusCode() != 200) {
                throw new IOException("feed answered " + response.statusCode() + " for " + page);
            }
            if (pages == 0) {
                etag = response.headers().firstValue("ETag").orElse(null);
            }
            FeedPageIds document = FeedPageIds.read(response.body());
            boolean allNew = true;
            Set<String> onThisPage = new HashSet<>();
            for (String guid : document.itemIds()) {
                String articleId = articleId(guid);
                if (articleId == null) {
                    continue;
                }
                if (!onThisPage.add(articleId)) {
                    repeatedItems.incrementAndGet();
                }
                if (seen.add(articleId)) {
                    if (logArrivals) {
                        log.arrived(articleId, now);
                    }
                } else {
                    allNew = false;
                }
            }
            // Older pages only when the whole first page is new (a burst larger than a page): every distinct
            // cursor is a new feed document for the syndicator, more than a partner would normally ask for.
            String next = document.nextUrl();
            page = allNew && !onThisPage.isEmpty() && !next.isEmpty() ? page.resolve(next) : null;
        }
    }

    /** The article id in a syndicator GUID, or null for an item that is not one of newsflow's. */
    static String articleId(String guid) {
        if (!guid.startsWith(GUID_PREFIX)) {
            return null;
        }
        return URLDecoder.decode(guid.substring(GUID_PREFIX.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    long polls() {
        return polls.get();
    }

    long errors() {
        return errors.get();
    }

    String lastError() {
        return lastError;
    }

    /** Items that appeared twice in one feed document (must stay 0). */
    long repeatedItems() {
        return repeatedItems.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
        if (errors.get() > 0) {
            LOG.warn("{} of {} feed polls failed; last error: {}", errors.get(), polls.get(), lastError);
        }
    }
}
