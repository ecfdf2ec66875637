package dev.newsflow.ops.lag;

import java.util.List;

/**
 * A consumer group: its id, type (classic, consumer, streams) and state (Stable, Empty, PreparingRebalance, ...),
 * the partitions it has committed offsets for, and the pattern of {@code ops.owned.groups} it answers to (null
 * for a group newsflow does not own).
 */
public record GroupLag(String groupId, String type, String state, String ownedAs, List<PartitionLag> partitions) {
    public GroupLag {
        partitions = List.copyOf(partitions);
    }

    public long totalLag() {
        return partitions.stream().mapToLong(PartitionLag::lag).sum();
    }

    public boolean owned() {
        return ownedAs != null;
    }
}
