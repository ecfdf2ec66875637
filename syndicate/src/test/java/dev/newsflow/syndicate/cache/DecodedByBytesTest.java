package dev.newsflow.syndicate.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class DecodedByBytesTest {
    /** Decodes to a new String each time and counts the calls. */
    private static final class CountingDecoder implements Deserializer<String> {
        final List<String> decoded = new ArrayList<>();

        @Override
        public String deserialize(String topic, byte[] bytes) {
            String value = new String(bytes, StandardCharsets.UTF_8);
            decoded.add(value);
            return value;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void equalBytesInAnotherArrayGiveTheValueDecodedBeforeWithoutDecodingAgain() {
        CountingDecoder decoder = new CountingDecoder();
        DecodedByBytes<String> cached = new DecodedByBytes<>(decoder, 1 << 20, 2);
        String first = cached.deserialize("t", bytes("version one of the story"));
        String again = cached.deserialize("t", bytes("version one of the story"));
        assertThat(again).isSameAs(first);
        assertThat(decoder.decoded).hasSize(1);
    }

    @Test
    void bytesOfTheSameLengthDifferingInOneByteAreDecodedAnew() {
        CountingDecoder decoder = new CountingDecoder();
        DecodedByBytes<String> cached = new DecodedByBytes<>(decoder, 1 << 20, 2);
        // long enough that the difference falls past the eight-byte steps of the hash, and one inside them
        String base = "x".repeat(40);
        assertThat(cached.deserialize("t", bytes(base + "A"))).isEqualTo(base + "A");
        assertThat(cached.deserialize("t", bytes(base + "B"))).isEqualTo(base + "B");
        assertThat(cached.deserialize("t", bytes("y" + base))).isEqualTo("y" + base);
        assertThat(cached.deserialize("t", bytes("z" + base))).isEqualTo("z" + base);
        assertThat(decoder.decoded).hasSize(4);
        assertThat(cached.deserialize("t", bytes(base + "A"))).isEqualTo(base + "A");
        assertThat(decoder.decoded).hasSize(4);
    }

    @Test
    void keysAreEqualByTheirContentsNotByTheArrayOrTheLength() {
        byte[] a = bytes("alpha-1");
        byte[] b = bytes("bravo-2");
        DecodedByBytes.StoredBytes keyA = new DecodedByBytes.StoredBytes(a);
        DecodedByBytes.StoredBytes keyB = new DecodedByBytes.StoredBytes(b);
        assertThat(keyA).isNotEqualTo(keyB);
        assertThat(keyA).isEqualTo(new DecodedByBytes.StoredBytes(a.clone()));
        assertThat(keyA.hashCode()).isEqualTo(new DecodedByBytes.StoredBytes(a.clone()).hashCode());
    }

    @Test
    void valuesWithTheSameHashAreStillToldApartByTheirContents() {
        // the hash samples long values: a change between the samples leaves it alone
        byte[] one = bytes("h".repeat(1000) + "1" + "t".repeat(1000));
        byte[] two = bytes("h".repeat(1000) + "2" + "t".repeat(1000));
        assertThat(new DecodedByBytes.StoredBytes(one).hashCode())
                .isEqualTo(new DecodedByBytes.StoredBytes(two).hashCode());
        CountingDecoder decoder = new CountingDecoder();
        DecodedByBytes<String> cached = new DecodedByBytes<>(decoder, 1 << 20, 2);
        assertThat(cached.deserialize("t", one)).contains("1").doesNotContain("2");
        assertThat(cached.deserialize("t", two)).contains("2").doesNotContain("1");
        assertThat(cached.deserialize("t", one.clone())).contains("1").doesNotContain("2");
        assertThat(decoder.decoded).hasSize(2);
    }

    @Test
    void nullsPassThroughAndABudgetOfNothingDecodesEveryTime() {
        CountingDecoder decoder = new CountingDecoder();
        DecodedByBytes<String> none = new DecodedByBytes<>(new Deserializer<>() {
            @Override
            public String deserialize(String topic, byte[] data) {
                return data == null ? null : decoder.deserialize(topic, data);
            }
        }, 0, 2);
        assertThat(none.deserialize("t", null)).isNull();
        String first = none.deserialize("t", bytes("same"));
        assertThat(none.deserialize("t", bytes("same"))).isEqualTo(first).isNotSameAs(first);
        assertThat(decoder.decoded).hasSize(2);
        assertThat(none.weight()).isZero();
    }

    @Test
    void valuesWithHeadersAreNotKeptByTheirBytesAlone() {
        CountingDecoder decoder = new CountingDecoder();
        DecodedByBytes<String> cached = new DecodedByBytes<>(decoder, 1 << 20, 2);
        RecordHeaders headers = new RecordHeaders();
        headers.add("schema-id", new byte[] {1});
        cached.deserialize("t", headers, bytes("body"));
        cached.deserialize("t", headers, bytes("body"));
        assertThat(decoder.decoded).hasSize(2);
        cached.deserialize("t", new RecordHeaders(), bytes("body"));
        cached.deserialize("t", new RecordHeaders(), bytes("body"));
        assertThat(decoder.decoded).hasSize(3);
    }

    @Test
    void theHeapHeldStaysWithinTheBudget() {
        DecodedByBytes<String> cached = new DecodedByBytes<>(new CountingDecoder(), 10_000, 2);
        for (int i = 0; i < 200; i++) {
            cached.deserialize("t", bytes(i + "-" + "v".repeat(300)));
            assertThat(cached.weight()).isLessThanOrEqualTo(10_000);
        }
        assertThat(cached.weight()).isPositive();
    }
}
