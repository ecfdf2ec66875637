package dev.newsflow.ops.lag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag of every group on the cluster, from the admin API alone (no consumer joins any group): the groups
 * and their states, each group's committed offsets, and the partitions' last stable offsets. Share groups have no
 * committed offsets in this sense and are left out.
 */
public final class ConsumerLag {
    private final Admin admin;
    private final OwnedGroups owned;
    private final Duration timeout;

    public ConsumerLag(Admin admin, OwnedGroups owned, Duration timeout) {
        this.admin = admin;
        this.owned = owned;
        this.timeout = timeout;
    }

    public LagReport report() {
        Collection<GroupListing> listings = await(admin.listGroups().all());
        Map<String, GroupListing> groups = new LinkedHashMap<>();
        for (GroupListing listing : listings) {
            GroupType type = listing.type().orElse(GroupType.UNKNOWN);
            if (type != GroupType.SHARE) {
                groups.put(listing.groupId(), listing);
            }
        }
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = committedOffsets(groups.values());
        Set<String> topics = new HashSet<>();
        committed.values().forEach(offsets -> offsets.keySet().forEach(p -> topics.add(p.topic())));
        Map<String, Integer> partitionCounts = partitionCounts(topics);
        Set<TopicPartition> partitions = new HashSet<>();
        partitionCounts.forEach((topic, count) -> {
            for (int i = 0; i < count; i++) {
                partitions.add(new TopicPartition(topic, i));
            }
        });
        Map<TopicPartition, Long> ends = endOffsets(partitions);

        List<GroupLag> result = new ArrayList<>();
        for (GroupListing listing : groups.values()) {
            // Every partition of each topic the group has committed on: a partition it has not committed on yet
            // (nothing arrived there since it started) is shown too, with no committed offset.
            Map<TopicPartition, OffsetAndMetadata> offsets = committed.getOrDefault(listing.groupId(), Map.of());
            Set<String> groupTopics = new HashSet<>();
            offsets.keySet().forEach(p -> groupTopics.add(p.topic()));
            List<PartitionLag> lags = new ArrayList<>();
            for (String topic : groupTopics) {
                for (int i = 0; i < partitionCounts.getOrDefault(topic, 0); i++) {
                    TopicPartition partition = new TopicPartition(topic, i);
                    OffsetAndMetadata offset = offsets.get(partition);
                    Long end = ends.get(partition);
                    if (end != null) {
                        lags.add(new PartitionLag(topic, i, offset == null ? null : offset.offset(), end));
                    }
                }
            }
            lags.sort(Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition));
            result.add(new GroupLag(listing.groupId(),
                    listing.type().map(t -> t.toString().toLowerCase(java.util.Locale.ROOT)).orElse("unknown"),
                    listing.groupState().map(Object::toString).orElse("Unknown"),
                    owned.patternOf(listing.groupId()).orElse(null), lags));
        }
        result.sort(Comparator.comparingInt((GroupLag g) -> g.owned() ? owned.patterns().indexOf(g.ownedAs())
                : Integer.MAX_VALUE).thenComparing(GroupLag::groupId));
        List<String> missing = new ArrayList<>();
        for (String pattern : owned.patterns()) {
            if (result.stream().noneMatch(g -> pattern.equals(g.ownedAs()))) {
                missing.add(pattern);
            }
        }
        return new LagReport(result, missing);
    }

    private Map<String, Map<TopicPartition, OffsetAndMetadata>> committedOffsets(Collection<GroupListing> groups) {
        Map<String, ListConsumerGroupOffsetsSpec> consumerGroups = new HashMap<>();
        Map<String, ListStreamsGroupOffsetsSpec> streamsGroups = new HashMap<>();
        for (GroupListing group : groups) {
            if (group.type().orElse(GroupType.UNKNOWN) == GroupType.STREAMS) {
                streamsGroups.put(group.groupId(), new ListStreamsGroupOffsetsSpec());
            } else {
                consumerGroups.put(group.groupId(), new ListConsumerGroupOffsetsSpec());
            }
        }
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        if (!consumerGroups.isEmpty()) {
            committed.putAll(await(admin.listConsumerGroupOffsets(consumerGroups).all()));
        }
        if (!streamsGroups.isEmpty()) {
            committed.putAll(await(admin.listStreamsGroupOffsets(streamsGroups).all()));
        }
        return committed;
    }

    /** Partitions per topic; a topic deleted since the group committed on it is left out. */
    private Map<String, Integer> partitionCounts(Set<String> topics) {
        Map<String, Integer> counts = new HashMap<>();
        if (topics.isEmpty()) {
            return counts;
        }
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(topics).topicNameValues();
        described.forEach((topic, future) -> {
            try {
                counts.put(topic, await(future).partitions().size());
            } catch (IllegalStateException e) {
                // unknown topic: nothing to show
            }
        });
        return counts;
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        ListOffsetsResult result = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED));
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (TopicPartition partition : partitions) {
            try {
                ends.put(partition, await(result.partitionResult(partition)).offset());
            } catch (IllegalStateException e) {
                // a partition of a deleted topic still has offsets committed: leave it out
            }
        }
        return ends;
    }

    private <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
