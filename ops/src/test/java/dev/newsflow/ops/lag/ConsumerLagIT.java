package dev.newsflow.ops.lag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.ops.OpsConfig;
import dev.newsflow.ops.OpsTestKitAccess;
import dev.newsflow.ops.OpsTools;
import dev.newsflow.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** {@code newsflow topics lag} against the real broker: committed, end and lag per partition, owned groups. */
class ConsumerLagIT {
    @Test
    void aGroupsLagIsTheEndLessWhatItCommittedOnEveryPartitionOfItsTopics() throws Exception {
        String topic = TestKafka.unique("lag");
        String group = TestKafka.unique("lag-group");
        String absent = TestKafka.unique("never-ran");
        OpsTestKitAccess.createTopic(topic, 3);
        try (KafkaProducer<byte[], byte[]> producer = OpsTestKitAccess.producer()) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, 0, null, ("r" + i).getBytes(StandardCharsets.UTF_8))).get();
            }
            producer.send(new ProducerRecord<>(topic, 1, null, "x".getBytes(StandardCharsets.UTF_8))).get();
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2)), Duration.ofSeconds(30));
        }
        OpsConfig config = OpsTestKitAccess.config(Map.of(OpsConfig.OWNED_GROUPS, group + "," + absent + "-*"));

        LagReport report;
        try (OpsTools tools = new OpsTools(config, Clock.systemUTC())) {
            report = tools.lag();
        }

        GroupLag lag = report.groups().get(0);
        assertThat(lag.groupId()).as("owned groups first").isEqualTo(group);
        assertThat(lag.ownedAs()).isEqualTo(group);
        assertThat(lag.state()).isEqualTo("Empty");
        assertThat(lag.partitions()).containsExactly(
                new PartitionLag(topic, 0, 2L, 5),
                new PartitionLag(topic, 1, null, 1),
                new PartitionLag(topic, 2, null, 0));
        assertThat(lag.totalLag()).isEqualTo(4);
        assertThat(report.missingOwned()).containsExactly(absent + "-*");
        assertThat(report.groups()).filteredOn(g -> !g.owned()).allMatch(g -> g.ownedAs() == null);
    }

    @Test
    void withEveryOwnedGroupPresentNothingIsMissing() throws Exception {
        String topic = TestKafka.unique("lag-all");
        String group = TestKafka.unique("present");
        OpsTestKitAccess.createTopic(topic, 1);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0)), Duration.ofSeconds(30));
        }
        try (OpsTools tools = new OpsTools(OpsTestKitAccess.config(Map.of(OpsConfig.OWNED_GROUPS, group)),
                Clock.systemUTC())) {
            LagReport report = tools.lag();
            assertThat(report.missingOwned()).isEmpty();
            assertThat(report.groups()).extracting(GroupLag::groupId).contains(group);
            assertThat(List.copyOf(report.groups())).first().extracting(GroupLag::groupId).isEqualTo(group);
        }
    }
}
