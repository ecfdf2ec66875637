package dev.newsflow.platform.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.Entity;
import dev.newsflow.schema.EntityType;
import dev.newsflow.schema.Mention;
import dev.newsflow.schema.Removal;
import dev.newsflow.schema.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EncodedSizeCeilingTest {
    /** Texts whose UTF-8 is 1, 2, 3 and 4 bytes a character, an unpaired surrogate, nothing at all. */
    private static final List<String> TEXTS = List.of("", "Harbour", "Zürich naïve", "東京 · ‘quotes’ — €",
            "flags 🇺🇦 and 😀", "broken \uD800 half", "x".repeat(600));

    static Stream<SpecificRecord> records() {
        List<SpecificRecord> records = new ArrayList<>();
        for (String text : TEXTS) {
            records.add(Removal.newBuilder().setKind("chrome").setText(text).setReason(text + " reason").build());
            List<Mention> mentions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                mentions.add(Mention.newBuilder().setField("body[" + i + "]").setStart(i * 1_000_000)
                        .setEnd(Integer.MAX_VALUE).setText(text).build());
            }
            records.add(Entity.newBuilder().setName(text).setType(EntityType.PLACE).setConfidence(0.9)
                    .setSalience(1.0).setWikidataId(null).setMentions(mentions).build());
            records.add(Entity.newBuilder().setName(text).setType(EntityType.PERSON).setConfidence(0.5)
                    .setSalience(0.25).setWikidataId("Q" + text.length()).setMentions(new ArrayList<>()).build());
            records.add(Topic.newBuilder().setQcode("medtop:" + text).setLabel(text).setLevel(-1)
                    .setParents(new ArrayList<>(List.of(text, "medtop:20000001"))).setScore(0.7).build());
        }
        return records.stream();
    }

    @ParameterizedTest
    @MethodSource("records")
    void neverBelowTheEncodedSize(SpecificRecord record) {
        assertThat(EncodedSizeCeiling.of(record)).isGreaterThanOrEqualTo(CleanupReportBound.encodedSize(record));
    }

    @Test
    void aRecordThatDoesNotEncodeIsReadWithoutFailing() {
        // Built without the builder's checks: a required string left null.
        Removal broken = new Removal("chrome", null, "reason");
        assertThat(CleanupReportBound.encodedSize(broken)).isZero();
        assertThat(EncodedSizeCeiling.of(broken)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void closeEnoughToSettleOrdinaryArticlesWithoutEncoding() {
        Removal removal = Removal.newBuilder().setKind("chrome").setText("Share this article").setReason("widget").build();
        // An ASCII text may take three times its encoded bytes: the ceiling stays a small multiple of the size.
        assertThat(EncodedSizeCeiling.of(removal)).isLessThanOrEqualTo(4 * CleanupReportBound.encodedSize(removal));
    }
}
