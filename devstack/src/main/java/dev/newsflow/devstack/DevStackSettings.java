package dev.newsflow.devstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link DevStack} runs on and with. Either its own broker and registry (ports given; a Kafka or
 * controller port of 0 picks a free one) keeping their data under {@code dataDir}, or a cluster that is already
 * there ({@link Builder#cluster}); the services' ports and their management (metrics) listeners' (0 = any free
 * one, on loopback unless told otherwise), the demo publisher and partner, an
 * application-id suffix for stacks that share a broker with others, and settings for every service, under which
 * the stack's own choices (addresses, ports, state directories) win.
 */
public record DevStackSettings(Path dataDir, String host, int kafkaPort, int controllerPort, int registryPort,
                               String clusterBootstrapServers, String clusterSchemaRegistryUrl,
                               int ingestPort, int enrichPort, int syndicatePort, int opsPort,
                               String managementHost, int ingestManagementPort, int enrichManagementPort,
                               int syndicateManagementPort, int opsManagementPort, int topicPartitions,
                               String publisherId, String publisherKey, String adminToken,
                               String partnerId, String partnerName, String feedId, String applicationIdSuffix,
                               Map<String, String> serviceSettings) {
    public DevStackSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        serviceSettings = Map.copyOf(serviceSettings);
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** True when the stack starts a broker and registry of its own. */
    public boolean ownCluster() {
        return clusterBootstrapServers == null;
    }

    /** Defaults: loopback, free ports everywhere, 3 partitions, the demo's publisher, partner and feed ids. */
    public static final class Builder {
        private final Path dataDir;
        private String host = "127.0.0.1";
        private int kafkaPort;
        private int controllerPort;
        private int registryPort;
        private String clusterBootstrapServers;
        private String clusterSchemaRegistryUrl;
        private int ingestPort;
        private int enrichPort;
        private int syndicatePort;
        private int opsPort;
        private String managementHost = "127.0.0.1";
        private int ingestManagementPort;
        private int enrichManagementPort;
        private int syndicateManagementPort;
        private int opsManagementPort;
        private int topicPartitions = 3;
        private String publisherId = "demo";
        private String publisherKey = "demo-publisher-key";
        private String adminToken = "";
        private String partnerId = "demo";
        private String partnerName = "Demo partner";
        private String feedId = "all";
        private String applicationIdSuffix = "";
        private final Map<String, String> serviceSettings = new HashMap<>();

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder kafkaPorts(int kafkaPort, int controllerPort) {
            this.kafkaPort = kafkaPort;
            this.controllerPort = controllerPort;
            return this;
        }

        public Builder registryPort(int registryPort) {
            this.registryPort = registryPort;
            return this;
        }

        /** Runs the services on a Kafka cluster and registry that are already there, instead of its own. */
        public Builder cluster(String bootstrapServers, String schemaRegistryUrl) {
            this.clusterBootstrapServers = Objects.requireNonNull(bootstrapServers);
            this.clusterSchemaRegistryUrl = Objects.requireNonNull(schemaRegistryUrl);
            return this;
        }

        public Builder servicePorts(int ingestPort, int enrichPort, int syndicatePort) {
            this.ingestPort = ingestPort;
            this.enrichPort = enrichPort;
            this.syndicatePort = syndicatePort;
            return this;
        }

        /** The ops page's port (0: any free one). */
        public Builder opsPort(int opsPort) {
            this.opsPort = opsPort;
            return this;
        }

        /**
         * Where each service serves /metrics: a management listener of its own on {@code host} (loopback by default,
         * whatever the services' own address), at these ports (0: any free one).
         */
        public Builder management(String host, int ingest, int enrich, int syndicate, int ops) {
            this.managementHost = host;
            this.ingestManagementPort = ingest;
            this.enrichManagementPort = enrich;
            this.syndicateManagementPort = syndicate;
            this.opsManagementPort = ops;
            return this;
        }

        public Builder topicPartitions(int topicPartitions) {
            this.topicPartitions = topicPartitions;
            return this;
        }

        public Builder publisher(String publisherId, String publisherKey) {
            this.publisherId = publisherId;
            this.publisherKey = publisherKey;
            return this;
        }

        /** The admin API's bearer token; empty (the default) leaves the admin API off. */
        public Builder adminToken(String adminToken) {
            this.adminToken = adminToken;
            return this;
        }

        /** The partner created (or re-issued a token) at start, with one feed of everything. */
        public Builder partner(String partnerId, String partnerName, String feedId) {
            this.partnerId = partnerId;
            this.partnerName = partnerName;
            this.feedId = feedId;
            return this;
        }

        /**
         * Appended to the Streams application ids ({@code newsflow-enrich-<suffix>}), so that stacks sharing one
         * broker keep their state apart; empty (the default) keeps the services' own ids.
         */
        public Builder applicationIdSuffix(String suffix) {
            this.applicationIdSuffix = suffix;
            return this;
        }

        /** A setting for every service, e.g. {@code ingest.rate.limit.per.minute=0}. */
        public Builder serviceSetting(String key, String value) {
            serviceSettings.put(key, value);
            return this;
        }

        public Builder serviceSettings(Map<String, String> settings) {
            serviceSettings.putAll(settings);
            return this;
        }

        public DevStackSettings build() {
            return new DevStackSettings(dataDir, host, kafkaPort, controllerPort, registryPort,
                    clusterBootstrapServers, clusterSchemaRegistryUrl, ingestPort, enrichPort, syndicatePort, opsPort,
                    managementHost, ingestManagementPort, enrichManagementPort, syndicateManagementPort,
                    opsManagementPort, topicPartitions, publisherId, publisherKey, adminToken, partnerId, partnerName, feedId, applicationIdSuffix,
                    serviceSettings);
        }
    }
}
