package dev.newsflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedRocksDbMemoryTest {

    @Test
    void aRealRocksDbStoreOpensAndWorksUnderTheSharedBudget(@TempDir Path stateDir) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table("in", Consumed.with(Serdes.String(), Serdes.String()),
                Materialized.<String, String, KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as("latest"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bounded-rocksdb-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        props.put(BoundedRocksDbMemory.MEMORY_BYTES, Long.toString(16L * 1024 * 1024));

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in",
                    Serdes.String().serializer(), Serdes.String().serializer());
            for (int i = 0; i < 1_000; i++) {
                in.pipeInput("k" + (i % 100), "v" + i);
            }
            KeyValueStore<String, String> store = driver.getKeyValueStore("latest");
            assertThat(store.get("k7")).isEqualTo("v907");
            assertThat(store.get("k99")).isEqualTo("v999");
            // a persistent store really was opened with RocksDB (it writes its options file), configured by us
            try (var files = Files.walk(stateDir)) {
                assertThat(files.anyMatch(p -> p.getFileName().toString().startsWith("OPTIONS-"))).isTrue();
            }
            assertThat(BoundedRocksDbMemory.budgetBytes()).isEqualTo(16L * 1024 * 1024);
        }
    }

    @Test
    void theBudgetIsValidated() {
        assertThat(BoundedRocksDbMemory.memoryBytes(null)).isEqualTo(BoundedRocksDbMemory.DEFAULT_MEMORY_BYTES);
        assertThat(BoundedRocksDbMemory.memoryBytes(" 33554432 ")).isEqualTo(32L * 1024 * 1024);
        assertThatThrownBy(() -> BoundedRocksDbMemory.memoryBytes("lots"))
                .hasMessageContaining(BoundedRocksDbMemory.MEMORY_BYTES).hasMessageContaining("lots");
        assertThatThrownBy(() -> BoundedRocksDbMemory.memoryBytes(1024))
                .hasMessageContaining("at least 8 MiB");
    }
}
