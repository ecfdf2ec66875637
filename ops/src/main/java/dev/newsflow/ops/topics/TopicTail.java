package dev.newsflow.ops.topics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.ops.decode.RecordDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a topic the way {@code tail} reads a file, each record decoded to one JSON object
 * ({@link RecordDecoder}). The consumer is assigned the partitions by hand: it joins no group and commits nothing.
 */
public final class TopicTail {
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final RecordDecoder decoder;

    public TopicTail(KafkaConsumer<byte[], byte[]> consumer, RecordDecoder decoder) {
        this.consumer = consumer;
        this.decoder = decoder;
    }

    /** Prints what the request selects to {@code out}; returns how many records were printed. */
    public long run(TailRequest request, Consumer<ObjectNode> out, BooleanSupplier stopped) {
        List<TopicPartition> partitions = partitions(request);
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        long printed = 0;
        if (request.fromEnd() && !request.follow()) {
            for (ConsumerRecord<byte[], byte[]> record : last(request, partitions, begin, end)) {
                out.accept(decoder.decode(record));
                printed++;
            }
            return printed;
        }
        for (TopicPartition partition : partitions) {
            if (request.offset() != null) {
                consumer.seek(partition, Math.max(request.offset(), begin.get(partition)));
            } else if (request.fromBeginning()) {
                consumer.seek(partition, begin.get(partition));
            } else {
                consumer.seek(partition, end.get(partition));
            }
        }
        long max = request.max() == null ? Long.MAX_VALUE : request.max();
        while (printed < max && !stopped.getAsBoolean()) {
            if (!request.follow() && reachedEnd(partitions, end)) {
                break;
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (printed >= max) {
                    break;
                }
                if (matches(request, record)) {
                    out.accept(decoder.decode(record));
                    printed++;
                }
            }
        }
        return printed;
    }

    /** The last records: with a key, the last matches over the whole topic; else the last offsets of each partition. */
    private List<ConsumerRecord<byte[], byte[]>> last(TailRequest request, List<TopicPartition> partitions,
                                                       Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {
        int wanted = request.max() == null ? TailRequest.DEFAULT_LAST : request.max();
        for (TopicPartition partition : partitions) {
            long from = request.key() != null ? begin.get(partition)
                    : Math.max(begin.get(partition), end.get(partition) - wanted);
            consumer.seek(partition, from);
        }
        Comparator<ConsumerRecord<byte[], byte[]>> byTime = Comparator
                .comparingLong((ConsumerRecord<byte[], byte[]> r) -> r.timestamp())
                .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset);
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        while (!reachedEnd(partitions, end)) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                        && matches(request, record)) {
                    all.add(record);
                }
            }
            if (request.key() != null && all.size() > 4 * wanted) {
                all.sort(byTime);
                all = new ArrayList<>(all.subList(all.size() - wanted, all.size()));
            }
        }
        all.sort(byTime);
        return all.subList(Math.max(0, all.size() - wanted), all.size());
    }

    private boolean reachedEnd(List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < end.get(partition)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(TailRequest request, ConsumerRecord<byte[], byte[]> record) {
        return request.key() == null || (record.key() != null
                && Arrays.equals(record.key(), request.key().getBytes(StandardCharsets.UTF_8)));
    }

    private List<TopicPartition> partitions(TailRequest request) {
        List<PartitionInfo> infos = consumer.listTopics().get(request.topic());
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("topic " + request.topic() + " does not exist");
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : infos) {
            if (request.partition() == null || request.partition() == info.partition()) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
        }
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("topic " + request.topic() + " has no partition " + request.partition()
                    + " (it has " + infos.size() + ")");
        }
        partitions.sort(Comparator.comparingInt(TopicPartition::partition));
        return partitions;
    }
}
