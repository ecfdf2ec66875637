package dev.newsflow.syndicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.platform.config.ConfigLoader;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class SyndicateConfigTest {
    @Test
    void defaultsAreSafe() {
        SyndicateConfig config = new SyndicateConfig(Map.of());
        assertThat(config.port()).isEqualTo(8082);
        assertThat(config.adminToken()).isEmpty();
        assertThat(config.publicBaseUrl()).isEmpty();
        assertThat(config.instanceApplicationId()).isEqualTo("newsflow-syndicate-0");
        assertThat(config.streamsConfig())
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "newsflow-syndicate-0");
    }

    @Test
    void environmentAndOverridesApplyInOrder() {
        ConfigLoader loader = new ConfigLoader(Map.of("NEWSFLOW_SYNDICATE_PORT", "9000",
                "NEWSFLOW_SYNDICATE_ADMIN_TOKEN", "from-env", "NEWSFLOW_SYNDICATE_INSTANCE_ID", "b"));
        SyndicateConfig config = SyndicateConfig.load(loader, null,
                Map.of("syndicate.public.base.url", "https://feeds.example.com/"));
        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.adminToken()).isEqualTo("from-env");
        assertThat(config.publicBaseUrl()).isEqualTo("https://feeds.example.com");
        assertThat(config.instanceApplicationId()).isEqualTo("newsflow-syndicate-b");
    }

    @Test
    void pushWebSubAndStaticOutputSettings() {
        SyndicateConfig defaults = new SyndicateConfig(Map.of());
        assertThat(defaults.pushEnabled()).isTrue();
        assertThat(defaults.pushSuspendAfterFailures()).isEqualTo(10);
        assertThat(defaults.websubHubUrl()).isEmpty();
        assertThat(defaults.staticOutDir()).isNull();
        assertThat(defaults.pushStreamsConfig()).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "newsflow-syndicate-push");

        SyndicateConfig set = new SyndicateConfig(Map.of(SyndicateConfig.WEBSUB_HUB_URL, "https://hub.example.com/",
                SyndicateConfig.STATIC_OUT_DIR, "feeds-out", SyndicateConfig.PUSH_SUSPEND_AFTER_FAILURES, "3"));
        assertThat(set.websubHubUrl()).isEqualTo("https://hub.example.com/");
        assertThat(set.staticOutDir()).hasToString("feeds-out");
        assertThat(set.pushSuspendAfterFailures()).isEqualTo(3);
        assertThatThrownBy(() -> new SyndicateConfig(Map.of(SyndicateConfig.WEBSUB_HUB_URL, "hub")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(SyndicateConfig.WEBSUB_HUB_URL);
        assertThatThrownBy(() -> new SyndicateConfig(Map.of(SyndicateConfig.PUSH_SUSPEND_AFTER_FAILURES, "0")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> new SyndicateConfig(Map.of(SyndicateConfig.INSTANCE_ID, "push")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(SyndicateConfig.INSTANCE_ID);
        assertThatThrownBy(() -> new SyndicateConfig(Map.of(SyndicateConfig.INSTANCE_ID, "a b")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void rejectsARelativeBaseUrlAndABadPort() {
        assertThatThrownBy(() -> new SyndicateConfig(Map.of("syndicate.public.base.url", "/feeds")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("syndicate.public.base.url");
        assertThatThrownBy(() -> new SyndicateConfig(Map.of("syndicate.port", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("syndicate.port");
    }

    @Test
    void cacheBudgetsAreBytesWithDefaultsAndValidation() {
        SyndicateConfig defaults = new SyndicateConfig(Map.of());
        assertThat(defaults.renderCacheMaxBytes()).isEqualTo(32L << 20);
        assertThat(defaults.itemCacheMaxBytes()).isEqualTo(16L << 20);
        SyndicateConfig set = new SyndicateConfig(Map.of(SyndicateConfig.RENDER_CACHE_MAX_BYTES, "1048576",
                SyndicateConfig.ITEM_CACHE_MAX_BYTES, "0"));
        assertThat(set.renderCacheMaxBytes()).isEqualTo(1L << 20);
        assertThat(set.itemCacheMaxBytes()).isZero();
        assertThatThrownBy(() -> new SyndicateConfig(Map.of(SyndicateConfig.RENDER_CACHE_MAX_BYTES, "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(SyndicateConfig.RENDER_CACHE_MAX_BYTES);
        assertThatThrownBy(() -> new SyndicateConfig(Map.of(SyndicateConfig.ITEM_CACHE_MAX_BYTES, "lots")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(SyndicateConfig.ITEM_CACHE_MAX_BYTES);
        assertThat(defaults.pageCacheMaxItems()).isEqualTo(2_000);
        assertThat(new SyndicateConfig(Map.of(SyndicateConfig.PAGE_CACHE_MAX_ITEMS, "0")).pageCacheMaxItems()).isZero();
        assertThatThrownBy(() -> new SyndicateConfig(Map.of(SyndicateConfig.PAGE_CACHE_MAX_ITEMS, "-5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(SyndicateConfig.PAGE_CACHE_MAX_ITEMS);
    }

    @Test
    void bothStreamsApplicationsPutTheirRocksDbStoresUnderTheProcessBudget() {
        SyndicateConfig config = new SyndicateConfig(Map.of("rocksdb.memory.bytes", "16777216"));
        for (Map<String, Object> streams : java.util.List.of(config.streamsConfig(), config.pushStreamsConfig())) {
            assertThat(streams).containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
                            dev.newsflow.platform.kafka.BoundedRocksDbMemory.class)
                    .containsEntry(dev.newsflow.platform.kafka.BoundedRocksDbMemory.MEMORY_BYTES, 16L << 20);
        }
    }

    @Test
    void processingErrorsOnTheGlobalPartnerTableGetTheSameHandlerInBothStreamsApplications() {
        SyndicateConfig config = new SyndicateConfig(Map.of());
        for (Map<String, Object> streams : java.util.List.of(config.streamsConfig(), config.pushStreamsConfig())) {
            assertThat(streams).containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
            StreamsConfig parsed = new StreamsConfig(streams);
            assertThat(parsed.getBoolean(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG)).isTrue();
            // the partition assignor re-reads the settings from the main consumer's configuration
            assertThat(parsed.getMainConsumerConfigs("group", "client", 0))
                    .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        }
    }
}
