package dev.newsflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.testing.TestKafka;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.schemas.topics.TopicSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

class AvroRoundTripThroughBrokerIT {

    @Test
    void aRecordWrittenWithTheCatalogueSerdesReadsBackThroughTheBrokerAndRegistry() throws Exception {
        TestKafka kafka = TestKafka.get();
        TopicCatalogue catalogue = TopicCatalogue.create(Map.of(
                "schema.registry.url", kafka.schemaRegistryUrl(), "auto.register.schemas", true));
        TopicSpec<String, DeadLetter> spec = catalogue.articlesDeadLetter();
        String topic = TestKafka.unique("round-trip");

        Map<String, Object> producerConfig = new HashMap<>();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        DeadLetter sent = DeadLetter.newBuilder().setService("test").setStage("unit").setErrorClass("X")
                .setErrorMessage("why").setFailedAt(Instant.ofEpochMilli(1_700_000_000_000L)).build();
        try (var producer = new KafkaProducer<>(producerConfig, spec.keySerde().serializer(),
                spec.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic, "k1", sent)).get();
        }

        Map<String, Object> consumerConfig = new HashMap<>();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, TestKafka.unique("group"));
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, DeadLetter>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(consumerConfig, spec.keySerde().deserializer(),
                spec.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
        }
        assertThat(received.get(0).key()).isEqualTo("k1");
        assertThat(received.get(0).value()).isEqualTo(sent);
    }
}
