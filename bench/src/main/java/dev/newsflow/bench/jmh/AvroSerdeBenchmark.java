package dev.newsflow.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.bench.corpus.ArticleLength;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schemas.serde.AvroSerdeConfig;
import dev.newsflow.schemas.serde.ConfluentAvroSerde;
import dev.newsflow.schemas.topics.TopicCatalogue;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The project's Confluent-wire Avro serde on {@code EnrichedArticle} records (the largest value
 * type), against Jackson JSON of the same records. Records/s is the score; the {@code bytes}
 * secondary result divided by the score is bytes per record. The registry is the in-memory one
 * ({@code mock://}): after the first record the serializer hits its id cache, as in production.
 */
@State(Scope.Benchmark)
public class AvroSerdeBenchmark extends OneCoreThroughput {
    @Param({"MEDIUM"})
    public ArticleLength length;

    private EnrichedArticle[] records;
    private byte[][] avro;
    private byte[][] json;
    private Serializer<EnrichedArticle> avroSerializer;
    private Deserializer<EnrichedArticle> avroDeserializer;
    private ObjectMapper jackson;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        records = SerdeCorpus.enriched(length);
        ConfluentAvroSerde<EnrichedArticle> serde = ConfluentAvroSerde.forValues(Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://bench-serde-" + System.nanoTime(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true));
        avroSerializer = serde.serializer();
        avroDeserializer = serde.deserializer();
        jackson = JsonArticles.mapper();
        avro = new byte[records.length][];
        json = new byte[records.length][];
        for (int i = 0; i < records.length; i++) {
            avro[i] = avroSerializer.serialize(TopicCatalogue.ARTICLES_ENRICHED, records[i]);
            json[i] = jackson.writeValueAsBytes(records[i]);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        avroSerializer.close();
        avroDeserializer.close();
    }

    /** Bytes written or read; JMH reports it per second, and bytes/s ÷ records/s is bytes per record. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class ByteCounter {
        public long bytes;
    }

    @Benchmark
    public byte[] avroSerialize(ByteCounter counter) {
        byte[] bytes = avroSerializer.serialize(TopicCatalogue.ARTICLES_ENRICHED, records[next++ & (BenchCorpus.ARTICLES - 1)]);
        counter.bytes += bytes.length;
        return bytes;
    }

    @Benchmark
    public EnrichedArticle avroDeserialize(ByteCounter counter) {
        byte[] bytes = avro[next++ & (BenchCorpus.ARTICLES - 1)];
        counter.bytes += bytes.length;
        return avroDeserializer.deserialize(TopicCatalogue.ARTICLES_ENRICHED, bytes);
    }

    @Benchmark
    public byte[] jsonSerialize(ByteCounter counter) throws IOException {
        byte[] bytes = jackson.writeValueAsBytes(records[next++ & (BenchCorpus.ARTICLES - 1)]);
        counter.bytes += bytes.length;
        return bytes;
    }

    @Benchmark
    public EnrichedArticle jsonDeserialize(ByteCounter counter) throws IOException {
        byte[] bytes = json[next++ & (BenchCorpus.ARTICLES - 1)];
        counter.bytes += bytes.length;
        return jackson.readValue(bytes, EnrichedArticle.class);
    }
}
