package dev.newsflow.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import dev.newsflow.schemas.serde.AvroSerdeConfig;
import dev.newsflow.schemas.serde.ConfluentAvroSerde;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Avro value serde of the catalogue is chosen by configuration, so Confluent's can be swapped in. */
class TopicCatalogueSerdeClassTest {
    private static final String URL = "mock://catalogue-serde-class";

    /** Stands in for Confluent's SpecificAvroSerde, which Maven Central does not serve. */
    public static final class StandInSerde<T extends SpecificRecord> implements Serde<T> {
        private final ConfluentAvroSerde<T> delegate = new ConfluentAvroSerde<>();
        Map<String, Object> configuredWith;
        Boolean configuredForKeys;

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
            configuredWith = new java.util.HashMap<>(configs);
            configuredForKeys = isKey;
            delegate.configure(configs, isKey);
        }

        @Override
        public Serializer<T> serializer() {
            return delegate.serializer();
        }

        @Override
        public Deserializer<T> deserializer() {
            return delegate.deserializer();
        }
    }

    @AfterEach
    void forget() {
        InMemorySchemaRegistryClient.dropScope("catalogue-serde-class");
    }

    @Test
    void newsflowsSerdeIsTheDefault() {
        TopicCatalogue catalogue = TopicCatalogue.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL));
        catalogue.all().forEach(topic -> assertThat(topic.valueSerde()).isInstanceOf(ConfluentAvroSerde.class));
    }

    @Test
    void anotherSerdeClassIsUsedForEveryAvroValueAndConfiguredWithTheSameSettings() {
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL,
                AvroSerdeConfig.VALUE_SERDE_CLASS, StandInSerde.class.getName());
        TopicCatalogue catalogue = TopicCatalogue.create(config);
        catalogue.all().forEach(topic -> {
            assertThat(topic.valueSerde()).isInstanceOf(StandInSerde.class);
            StandInSerde<?> serde = (StandInSerde<?>) topic.valueSerde();
            assertThat(serde.configuredForKeys).isFalse();
            assertThat(serde.configuredWith).containsEntry(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL);
        });
    }

    @Test
    void aClassThatIsNotASerdeIsAConfigError() {
        assertThatThrownBy(() -> TopicCatalogue.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL,
                AvroSerdeConfig.VALUE_SERDE_CLASS, String.class.getName())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("avro.value.serde.class");
    }
}
