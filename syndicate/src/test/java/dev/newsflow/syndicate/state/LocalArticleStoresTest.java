package dev.newsflow.syndicate.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.Articles;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalArticleStoresTest {
    @TempDir
    Path stateDir;

    private LocalArticleStores local;
    private final AtomicInteger queryHandleUses = new AtomicInteger();
    private FeedStateDriver fixture;
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> articles;

    /** The interactive-query handle: here the driver's store, counted, so a test sees which path a read took. */
    private final Supplier<ReadOnlyKeyValueStore<String, EnrichedArticle>> queryHandle = () -> {
        queryHandleUses.incrementAndGet();
        return driver.getKeyValueStore(FeedStateTopology.ARTICLES_STORE);
    };

    @BeforeEach
    void start() {
        fixture = FeedStateDriver.start(stateDir);
        local = fixture.feedState().localArticleStores();
        driver = fixture.driver();
        articles = fixture.articles();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aRunningTaskPublishesItsStoreAndReadsSkipTheQueryHandle() {
        articles.pipeInput("a", Articles.story("a", "Ferry treaty agreed").build());
        ReadOnlyKeyValueStore<String, EnrichedArticle> reads = local.readingThrough(queryHandle);

        assertThat(local.published()).isEqualTo(1);
        assertThat(reads.get("a").getHeadline()).isEqualTo("Ferry treaty agreed");
        assertThat(queryHandleUses).hasValue(0);

        // a correction is read at once: the published store is the task's own, not a copy
        articles.pipeInput("a", Articles.story("a", "Ferry treaty agreed by five").setVersion(2).build());
        assertThat(reads.get("a").getHeadline()).isEqualTo("Ferry treaty agreed by five");
        assertThat(queryHandleUses).hasValue(0);
    }

    @Test
    void aMissHasTheQueryHandleAnswer() {
        articles.pipeInput("a", Articles.story("a", "Ferry treaty agreed").build());
        assertThat(local.readingThrough(queryHandle).get("unknown")).isNull();
        assertThat(queryHandleUses).hasValue(1);
    }

    @Test
    void aClosedTaskWithdrawsItsStore() {
        articles.pipeInput("a", Articles.story("a", "Ferry treaty agreed").build());
        assertThat(local.published()).isEqualTo(1);
        fixture.close();
        assertThat(local.published()).isZero();
        start(); // a fresh driver for stop(); its task publishes its own store
        assertThat(local.published()).isEqualTo(1);
    }

    @Test
    void aStoreClosedUnderAReadSendsItToTheQueryHandle() {
        articles.pipeInput("a", Articles.story("a", "Ferry treaty agreed").build());
        KeyValueStore<String, EnrichedArticle> stale = driver.getKeyValueStore(FeedStateTopology.ARTICLES_STORE);
        fixture.close();
        start();
        articles.pipeInput("b", Articles.story("b", "Other story").build());
        // as if a failed task's processor had not withdrawn its store before the task was revived
        local.opened(0, stale);

        assertThat(local.readingThrough(queryHandle).get("b").getHeadline()).isEqualTo("Other story");
        assertThat(queryHandleUses).hasValue(1);
    }
}
