package dev.newsflow.syndicate.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.FeedSubscription;
import dev.newsflow.schema.PartnerSubscription;
import dev.newsflow.syndicate.Articles;
import dev.newsflow.syndicate.partner.PartnerTokens;
import dev.newsflow.syndicate.render.FeedAssembler;
import dev.newsflow.syndicate.state.FeedStateView;
import dev.newsflow.syndicate.state.FeedQuery;
import dev.newsflow.syndicate.state.FeedStateDriver;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static output and WebSub pings, on feed state from TopologyTestDriver, with a local stub hub. */
class FeedChangeWatcherTest {
    private static final String BASE = "https://feeds.example.com";

    @TempDir
    Path stateDir;
    @TempDir
    Path out;

    private FeedStateDriver fixture;
    private TestInputTopic<String, EnrichedArticle> articles;
    private HttpServer hub;
    private final List<String> pings = new CopyOnWriteArrayList<>();
    private final AtomicInteger hubStatus = new AtomicInteger(204);
    private FeedChangeWatcher watcher;

    private TestInputTopic<String, PartnerSubscription> partners;

    @BeforeEach
    void start() throws Exception {
        fixture = FeedStateDriver.start(stateDir);
        articles = fixture.articles();
        partners = fixture.partners();
        partners.pipeInput("acme", PartnerSubscription.newBuilder().setPartnerId("acme").setDisplayName("Acme")
                .setTokenHash(PartnerTokens.hash("t")).setUpdatedAt(Instant.parse("2026-11-28T00:00:00Z"))
                .setFeeds(List.of(FeedSubscription.newBuilder().setFeedId("all").setTitle("All").setFilter(null)
                        .setMinConfidence(0).setMaxItems(10).build())).build());

        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/hub", exchange -> {
            pings.add(URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(hubStatus.get(), -1);
            exchange.close();
        });
        hub.start();
        URI hubUrl = URI.create("http://127.0.0.1:" + hub.getAddress().getPort() + "/hub");

        FeedStateView state = fixture.view();
        FeedQuery query = new FeedQuery(state, Clock.systemUTC());
        FeedAssembler assembler = new FeedAssembler(query, () -> BASE, 500, Optional.of(hubUrl.toString()));
        watcher = new FeedChangeWatcher(state, query, assembler, () -> BASE, 500,
                Optional.of(new StaticFeedWriter(out)), Optional.of(new WebSubPublisher(hubUrl, Duration.ofSeconds(5))));
    }

    @AfterEach
    void stop() {
        watcher.close();
        hub.stop(0);
        fixture.close();
    }

    @Test
    void aChangedFeedIsWrittenAndThePingSentOnce() throws Exception {
        articles.pipeInput("a", Articles.story("a", "First story").build());
        assertThat(watcher.checkOnce()).isEqualTo(1);
        assertThat(Files.readString(out.resolve("acme/all.rss"))).contains("First story", "rel=\"hub\"");
        assertThat(Files.readString(out.resolve("acme/all.atom"))).contains("First story");
        assertThat(Files.readString(out.resolve("acme/all.json"))).contains("First story", "\"hubs\"");
        assertThat(pings).containsExactlyInAnyOrder(
                "hub.mode=publish&hub.url=" + BASE + "/feeds/acme/all.rss",
                "hub.mode=publish&hub.url=" + BASE + "/feeds/acme/all.atom",
                "hub.mode=publish&hub.url=" + BASE + "/feeds/acme/all.json");
        try (var listing = Files.list(out.resolve("acme"))) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "all.rss", "all.atom", "all.json"); // no temporary files left behind
        }

        assertThat(watcher.checkOnce()).isZero();
        assertThat(pings).hasSize(3);

        articles.pipeInput("a", Articles.story("a", "").setVersion(2).setAction(ArticleAction.KILL).build());
        assertThat(watcher.checkOnce()).isEqualTo(1);
        assertThat(Files.readString(out.resolve("acme/all.rss"))).doesNotContain("First story");
        assertThat(Files.readString(out.resolve("acme/all.atom"))).contains("at:deleted-entry");
        assertThat(pings).hasSize(6);
    }

    @Test
    void aDeletedPartnersStaticFilesAreRemoved() throws Exception {
        articles.pipeInput("a", Articles.story("a", "First story").build());
        watcher.checkOnce();
        Files.writeString(out.resolve("acme/README.txt"), "not ours");
        assertThat(out.resolve("acme/all.rss")).exists();

        partners.pipeInput("acme", (PartnerSubscription) null);
        watcher.checkOnce();
        assertThat(out.resolve("acme/all.rss")).doesNotExist();
        assertThat(out.resolve("acme/all.atom")).doesNotExist();
        assertThat(out.resolve("acme/all.json")).doesNotExist();
        assertThat(out.resolve("acme/README.txt")).exists(); // only feed files are the watcher's to remove
    }

    @Test
    void aRefusedPingIsRetriedOnTheNextPass() {
        hubStatus.set(503);
        articles.pipeInput("a", Articles.story("a", "Story").build());
        watcher.checkOnce();
        assertThat(pings).hasSize(3);
        hubStatus.set(204);
        watcher.checkOnce();
        assertThat(pings).hasSize(6);
        watcher.checkOnce();
        assertThat(pings).hasSize(6);
    }
}
