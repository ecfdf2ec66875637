package dev.newsflow.ops.lag;

/**
 * One partition a group consumes: the offset it committed (null when it has none yet), the partition's end (the
 * last stable offset: what a read_committed consumer can reach) and the difference.
 */
public record PartitionLag(String topic, int partition, Long committed, long end) {
    /** Records the group has still to read; the whole partition when it has committed nothing. */
    public long lag() {
        return Math.max(0, end - (committed == null ? 0 : committed));
    }
}
