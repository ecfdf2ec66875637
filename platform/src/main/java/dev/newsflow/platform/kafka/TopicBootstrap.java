package dev.newsflow.platform.kafka;

import dev.newsflow.schemas.topics.TopicSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics a service needs when they are missing; existing topics are left as they are. */
public final class TopicBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(TopicBootstrap.class);

    private final Map<String, Object> adminConfig;
    private final int partitions;
    private final short replicationFactor;
    private final int minInsyncReplicas;
    private final Integer maxMessageBytes;

    public TopicBootstrap(Map<String, Object> adminConfig, int partitions, short replicationFactor,
                          int minInsyncReplicas) {
        this(adminConfig, partitions, replicationFactor, minInsyncReplicas, null);
    }

    /** With {@code max.message.bytes} for created topics (null: the broker's default). */
    public TopicBootstrap(Map<String, Object> adminConfig, int partitions, short replicationFactor,
                           int minInsyncReplicas, Integer maxMessageBytes) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.minInsyncReplicas = minInsyncReplicas;
        this.maxMessageBytes = maxMessageBytes;
    }

    public void ensure(Collection<? extends TopicSpec<?, ?>> topics) {
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec<?, ?> topic : topics) {
                if (!existing.contains(topic.name())) {
                    missing.add(newTopic(topic));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    LOG.info("created topic {} ({} partitions, replication {})", entry.getKey(), partitions,
                            replicationFactor);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topics " + topics + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /**
     * A created topic is in the controller's metadata before every broker serves it; a Streams application started
     * in that gap fails ("no partitions available ... when initializing global store"). Returns once every partition
     * of the topics has a leader.
     */
    private static void awaitLeaders(Admin admin, List<String> names)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                boolean led = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                        .allMatch(topic -> !topic.partitions().isEmpty()
                                && topic.partitions().stream().allMatch(partition -> partition.leader() != null));
                if (led) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("topics " + names + " have partitions without a leader after 30 s");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private NewTopic newTopic(TopicSpec<?, ?> topic) {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas));
        if (maxMessageBytes != null) {
            configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes));
        }
        if (topic.compacted()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        return new NewTopic(topic.name(), partitions, replicationFactor).configs(configs);
    }
}
