package dev.newsflow.ops.page;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Records per second on each of newsflow's topics, counted by reading them (read committed, no group): offsets
 * would count the transaction markers enrich and syndicate write with every commit, and aborted records, as
 * records. Reading starts at the end when the page starts; a partition that appears later (a topic created since)
 * is read from its beginning. Each sample reads for at most {@code budget}, so a burst is counted over the next
 * samples rather than holding up the page.
 */
final class TopicThroughput implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<String> topics;
    private final Duration budget;
    /** Read by the metrics scrape while the sampler thread counts. */
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final Map<String, RateWindow> rates = new LinkedHashMap<>();
    private final Set<TopicPartition> assigned = new HashSet<>();
    private boolean first = true;

    /** A topic's figures: records per second over the window, and records read since the page started. */
    record Rate(String topic, boolean exists, double perSecond, long seen) {
    }

    TopicThroughput(KafkaConsumer<byte[], byte[]> consumer, List<String> topics, Duration window, Duration budget) {
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.budget = budget;
        for (String topic : topics) {
            seen.put(topic, 0L);
            rates.put(topic, new RateWindow(window.toMillis()));
        }
    }

    List<String> topics() {
        return topics;
    }

    /** Records of the topic read since the page started. */
    long seen(String topic) {
        return seen.getOrDefault(topic, 0L);
    }

    List<Rate> sample(long nowMillis) {
        Map<String, List<PartitionInfo>> existing = consumer.listTopics();
        List<TopicPartition> added = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo info : existing.getOrDefault(topic, List.of())) {
                TopicPartition partition = new TopicPartition(topic, info.partition());
                if (assigned.add(partition)) {
                    added.add(partition);
                }
            }
        }
        if (!added.isEmpty()) {
            consumer.assign(assigned);
            if (first) {
                consumer.seekToEnd(added);
            } else {
                consumer.seekToBeginning(added);
            }
        }
        first = false;
        if (!assigned.isEmpty()) {
            read();
        }
        List<Rate> result = new ArrayList<>();
        for (String topic : topics) {
            RateWindow window = rates.get(topic);
            window.add(nowMillis, seen.get(topic));
            result.add(new Rate(topic, existing.containsKey(topic), window.perSecond(), seen.get(topic)));
        }
        return result;
    }

    private void read() {
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
        long deadline = System.nanoTime() + budget.toNanos();
        while (assigned.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                seen.merge(record.topic(), 1L, Long::sum);
            }
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
