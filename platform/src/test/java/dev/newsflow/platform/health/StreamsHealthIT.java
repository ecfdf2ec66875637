package dev.newsflow.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.testing.TestKafka;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health of a real Streams application on the in-JVM broker. A poison record kills its stream thread again
 * and again: replaced, the client stays RUNNING (or REBALANCING), which is exactly when a check on the state alone
 * said UP (issue 15: "/health said UP throughout"). Readiness must go DOWN and say why.
 */
class StreamsHealthIT {
    @TempDir
    Path state;

    private KafkaStreams poisoned(String topic, StreamThreadExceptionResponse response, StreamsHealth[] health)
            throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.get().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topic, Consumed.with(Serdes.String(), Serdes.String())).foreach((key, value) -> {
            if ("poison".equals(value)) {
                throw new IllegalStateException("this record kills the thread");
            }
        });
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, TestKafka.unique("health"));
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.get().bootstrapServers());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        properties.put(StreamsConfig.consumerPrefix("max.poll.records"), 1);
        // A dead thread's consumer does not leave the group: its partitions move on after the session timeout.
        properties.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 6000);
        KafkaStreams streams = new KafkaStreams(builder.build(), properties);
        health[0] = new StreamsHealth("probe-streams", streams, Clock.systemUTC(), 2, Duration.ofMinutes(5));
        streams.setUncaughtExceptionHandler(health[0].watching(error -> response));
        streams.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        assertThat(health[0].ready().up()).isTrue();
        assertThat(health[0].live().up()).isTrue();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestKafka.get().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "poison")).get();
        }
        return streams;
    }

    @Test
    void threadsThatKeepDyingMakeTheApplicationNotReadyWhileItsStateStillLooksFine() throws Exception {
        StreamsHealth[] health = new StreamsHealth[1];
        KafkaStreams streams = poisoned(TestKafka.unique("poisoned"), StreamThreadExceptionResponse.REPLACE_THREAD,
                health);
        try {
            // RUNNING again after two deaths: what a check of the state alone reported as UP.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                    .until(() -> streams.state() == KafkaStreams.State.RUNNING && health[0].recentDeaths() >= 2);
            Check ready = health[0].ready();
            assertThat(ready.up()).isFalse();
            assertThat(ready.detail()).contains("probe-streams: ").contains("stream threads died in the last 5 min");
            assertThat(health[0].live().up()).as("threads are replaced: a restart would not help").isTrue();
        } finally {
            streams.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void anApplicationThatShutDownIsNeitherReadyNorAlive() throws Exception {
        StreamsHealth[] health = new StreamsHealth[1];
        KafkaStreams streams = poisoned(TestKafka.unique("stopped"), StreamThreadExceptionResponse.SHUTDOWN_CLIENT,
                health);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.ERROR);
            assertThat(health[0].live().up()).isFalse();
            assertThat(health[0].live().detail()).isEqualTo("probe-streams is ERROR");
            assertThat(health[0].ready().detail()).contains("ERROR, not RUNNING");
        } finally {
            streams.close(Duration.ofSeconds(10));
        }
    }
}
