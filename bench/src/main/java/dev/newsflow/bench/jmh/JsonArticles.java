package dev.newsflow.bench.jmh;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The JSON baseline of the serde benchmark: the same generated Avro classes written and read by
 * Jackson through their getters and setters (the Avro plumbing properties hidden), timestamps
 * as ISO-8601 strings, as a JSON-over-Kafka pipeline would carry them.
 */
public final class JsonArticles {
    private JsonArticles() {
    }

    @JsonIgnoreProperties({"schema", "specificData"})
    private abstract static class HideAvroPlumbing {
    }

    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addMixIn(SpecificRecordBase.class, HideAvroPlumbing.class)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
