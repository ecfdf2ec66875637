package dev.newsflow.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.CleanupReport;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.EntityType;
import dev.newsflow.schema.Image;
import dev.newsflow.schema.Mention;
import dev.newsflow.schema.Removal;
import dev.newsflow.schema.SourceFormat;
import dev.newsflow.schema.Topic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class BufferedAvroEncodingTest {
    private static final DatumWriter<DeadLetter> WRITER = new SpecificDatumWriter<>(DeadLetter.getClassSchema(),
            SpecificData.getForClass(DeadLetter.class));

    private static DeadLetter letter(String message) {
        return DeadLetter.newBuilder().setService("enrich").setStage("cleanup").setErrorClass("IllegalStateException")
                .setErrorMessage(message).setSourceTopic("articles-submitted").setSourcePartition(3)
                .setSourceOffset(42L).setFailedAt(Instant.ofEpochMilli(1_700_000_000_123L)).build();
    }

    /** What Avro's own direct encoder writes after the same header. */
    private static byte[] direct(byte[] header, DeadLetter letter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        WRITER.write(letter, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @Test
    void writesTheSameBytesAsAvrosDirectEncoderWhateverCameBeforeOnTheThread() throws IOException {
        byte[] header = BufferedAvroEncoding.wireFormatHeader(0x01020304);
        assertThat(header).containsExactly(0, 1, 2, 3, 4);
        // large (grows the kept buffer), huge (beyond what is kept), then small: each exactly its own bytes
        for (int chars : List.of(40_000, BufferedAvroEncoding.MAX_KEPT_BYTES + 10, 12, 0, 70_000, 3)) {
            DeadLetter letter = letter("é".repeat(chars / 2) + "x".repeat(chars - chars / 2));
            assertThat(BufferedAvroEncoding.encode(header, WRITER, letter)).isEqualTo(direct(header, letter));
        }
    }

    @Test
    void aWriteThatFailsPartWayLeavesNothingForTheNextDatum() throws IOException {
        DatumWriter<DeadLetter> failing = new DatumWriter<>() {
            @Override
            public void setSchema(org.apache.avro.Schema schema) {
            }

            @Override
            public void write(DeadLetter datum, org.apache.avro.io.Encoder out) throws IOException {
                out.writeString("half a record");
                throw new IOException("cannot write the rest");
            }
        };
        byte[] header = BufferedAvroEncoding.wireFormatHeader(7);
        DeadLetter letter = letter("after the failure");
        BufferedAvroEncoding.encode(header, WRITER, letter);

        assertThatThrownBy(() -> BufferedAvroEncoding.encode(header, failing, letter))
                .hasMessage("cannot write the rest");

        assertThat(BufferedAvroEncoding.encode(header, WRITER, letter)).isEqualTo(direct(header, letter));
    }

    @Test
    void threadsDoNotShareABuffer() throws Exception {
        byte[] header = BufferedAvroEncoding.wireFormatHeader(7);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                tasks.add(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        DeadLetter letter = letter(("thread " + thread + " call " + i + " ").repeat(1 + i % 50));
                        if (!java.util.Arrays.equals(BufferedAvroEncoding.encode(header, WRITER, letter),
                                direct(header, letter))) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSingleObjectHeaderIsTheOneTheGeneratedClassesWrite() throws IOException {
        DeadLetter letter = letter("no body");
        java.nio.ByteBuffer generated = letter.toByteBuffer();
        byte[] expected = new byte[generated.remaining()];
        generated.get(expected);
        assertThat(BufferedAvroEncoding.encode(BufferedAvroEncoding.singleObjectHeader(DeadLetter.getClassSchema()),
                WRITER, letter)).isEqualTo(expected);
    }

    @Test
    void aWriterWhoseNestedRecordsWriteThemselvesWritesTheSameBytes() throws IOException {
        Instant at = Instant.ofEpochMilli(1_700_000_000_123L);
        EnrichedArticle article = EnrichedArticle.newBuilder().setArticleId("a-1").setPublisherId("p").setVersion(2)
                .setAction(ArticleAction.PUBLISH).setSourceFormat(SourceFormat.TEXT).setReceivedAt(at)
                .setEnrichedAt(at).setHeadline("Zoë in Lisbon").setBody(List.of("One.", "Two."))
                .setImages(List.of(Image.newBuilder().setCaption("Harbour").setBy("Ana").build()))
                .setEntities(List.of(Entity.newBuilder().setName("Lisbon").setType(EntityType.PLACE)
                        .setWikidataId("Q597").setConfidence(0.93).setSalience(0.5).setMentions(List.of(
                                Mention.newBuilder().setField("headline").setStart(7).setEnd(13).setText("Lisbon")
                                        .build())).build()))
                .setTopics(List.of(Topic.newBuilder().setQcode("medtop:11000000").setLabel("politics").setLevel(1)
                        .setParents(List.of()).setScore(0.8).build()))
                .setCleanup(CleanupReport.newBuilder().setRemovals(List.of(Removal.newBuilder().setKind("chrome")
                        .setText("Share").setReason("button").build())).build())
                .setKeywords(List.of("ferry")).setContentHash("h").build();
        DatumWriter<EnrichedArticle> plain = new SpecificDatumWriter<>(EnrichedArticle.getClassSchema(),
                SpecificData.getForClass(EnrichedArticle.class));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        plain.write(article, encoder);
        encoder.flush();

        DatumWriter<EnrichedArticle> customCoded = BufferedAvroEncoding.specificWriter(EnrichedArticle.class,
                EnrichedArticle.getClassSchema());

        assertThat(BufferedAvroEncoding.encode(new byte[0], customCoded, article)).isEqualTo(out.toByteArray());
        assertThat(((SpecificDatumWriter<EnrichedArticle>) customCoded).getSpecificData().useCustomCoders())
                .as("nested records write themselves").isTrue();
    }
}
