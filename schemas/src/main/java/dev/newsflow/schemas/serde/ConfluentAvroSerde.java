package dev.newsflow.schemas.serde;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Serde for generated Avro classes in the Confluent wire format (like Confluent's SpecificAvroSerde). */
public final class ConfluentAvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final ConfluentAvroSerializer<T> serializer = new ConfluentAvroSerializer<>();
    private final ConfluentAvroDeserializer<T> deserializer = new ConfluentAvroDeserializer<>();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> withSpecific = new HashMap<>(configs);
        withSpecific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        serializer.configure(withSpecific, isKey);
        deserializer.configure(withSpecific, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    /** A value serde configured from the given client settings. */
    public static <T extends SpecificRecord> ConfluentAvroSerde<T> forValues(Map<String, ?> config) {
        ConfluentAvroSerde<T> serde = new ConfluentAvroSerde<>();
        serde.configure(config, false);
        return serde;
    }
}
