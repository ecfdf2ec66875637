package dev.newsflow.ops;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The Kafka clients the ops tools use, from one {@link OpsConfig}: consumers that join no group and commit
 * nothing (they only look), read committed records only (enrich and syndicate write in transactions), and an
 * admin client; every one with the pass-through {@code kafka.*} settings (security), named after what it does.
 */
public final class OpsClients {
    private final OpsConfig config;

    public OpsClients(OpsConfig config) {
        this.config = config;
    }

    public OpsConfig config() {
        return config;
    }

    /** A consumer of raw bytes that is assigned partitions by hand: no group, no commits. */
    public KafkaConsumer<byte[], byte[]> lookingConsumer(String purpose) {
        Map<String, Object> settings = new HashMap<>(config.kafkaClientConfig());
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-ops-" + purpose);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.requestTimeout().toMillis());
        settings.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.requestTimeout().toMillis());
        return new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    public Admin admin() {
        Map<String, Object> settings = new HashMap<>(config.kafkaClientConfig());
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-ops-admin");
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.requestTimeout().toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.requestTimeout().toMillis());
        return Admin.create(settings);
    }
}
