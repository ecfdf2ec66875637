package dev.newsflow.enrich.topology;

import static dev.newsflow.enrich.Articles.CAPTION;
import static dev.newsflow.enrich.Articles.CREDIT;
import static dev.newsflow.enrich.Articles.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.newsflow.enrich.Articles;
import dev.newsflow.enrich.annotate.ArticleAnnotator;
import dev.newsflow.enrich.cleanup.ArticleCleaner;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.Image;
import dev.newsflow.schema.Removal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnrichTopologyTest {
    @TempDir
    Path stateDir;

    private EnrichTopologyHarness harness;

    private EnrichTopologyHarness start(ArticleAnnotator annotator) {
        harness = new EnrichTopologyHarness(stateDir, annotator, Map.of());
        return harness;
    }

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    /** Leaves entities and topics alone: these tests are about the topology, not the annotator. */
    private static final ArticleAnnotator NO_ANNOTATION = article -> {
    };

    @Test
    void seedShapedArticleIsCleanedWithTheReportFilledIn() {
        EnrichTopologyHarness t = start(NO_ANNOTATION);
        t.submit(Articles.seedShaped("demo:seed-1", 1));

        TestRecord<String, EnrichedArticle> out = t.enriched.readRecord();
        assertThat(out.key()).isEqualTo("demo:seed-1");
        EnrichedArticle article = out.value();
        assertThat(article.getSection()).isEqualTo("News");
        assertThat(article.getCategory()).isEqualTo("Politics");
        assertThat(article.getHeadline()).isEqualTo("Portugal and Spain sign treaty to share the Tagus in droughts");
        assertThat(article.getImages()).extracting(Image::getCaption, Image::getCreditline, Image::getBy)
                .containsExactly(tuple(CAPTION, "EPA", "Marta Fonseca"));
        assertThat(article.getBody()).containsExactlyElementsOf(Articles.BODY);
        assertThat(String.join("\n", article.getBody())).doesNotContain("shareprint", "Terms of use", "Editor in chief");
        assertThat(article.getCleanup().getRemovals()).extracting(Removal::getKind).containsExactlyInAnyOrder(
                ArticleCleaner.DUPLICATE_CAPTION, ArticleCleaner.CHROME, ArticleCleaner.CHROME);
        assertThat(article.getEnrichedAt()).isEqualTo(EnrichTopologyHarness.NOW);
        assertThat(article.getEntities()).isEmpty();
        assertThat(article.getTopics()).isEmpty();
        assertThat(t.deadLetters.isEmpty()).isTrue();
        assertThat(t.metrics.enrichedCount()).isEqualTo(1);
    }

    @Test
    void captionsLeftInTheBodyByAScraperComeOutAsOneCreditedImage() {
        EnrichTopologyHarness t = start(NO_ANNOTATION);
        List<String> raw = new ArrayList<>();
        raw.add(CAPTION + " " + CREDIT);
        raw.add(CAPTION + " " + CREDIT);
        raw.addAll(Articles.BODY);
        raw.add(Articles.SHARE_WIDGET);
        raw.add(Articles.FOOTER);
        t.submit(Articles.builder("raw-1", 1).setBody(raw).build());

        EnrichedArticle article = t.enriched.readValue();
        assertThat(article.getImages()).extracting(Image::getCaption, Image::getCreditline, Image::getBy,
                Image::getRawCredit).containsExactly(tuple(CAPTION, "EPA", "Marta Fonseca", CREDIT));
        assertThat(article.getBody()).containsExactlyElementsOf(Articles.BODY);
        assertThat(article.getCleanup().getRemovals()).extracting(Removal::getKind).containsExactlyInAnyOrder(
                ArticleCleaner.CAPTION_IN_BODY, ArticleCleaner.CAPTION_IN_BODY, ArticleCleaner.CHROME,
                ArticleCleaner.CHROME, ArticleCleaner.DUPLICATE_CAPTION);
        assertThat(t.metrics.registry().get("newsflow.enrich.cleanup.removals").tag("kind", "chrome").counter()
                .count()).isEqualTo(2);
    }

    @Test
    void captionPrintedTwiceThreeTimesOrWithDifferentWhitespaceComesOutOnce() {
        EnrichTopologyHarness t = start(NO_ANNOTATION);
        String respaced = " " + CAPTION.replace(" ", "\u00A0 \t") + "  ";
        t.submit(Articles.builder("twice", 1).setImages(List.of(image(CAPTION, CREDIT), image(CAPTION, CREDIT))).build());
        t.submit(Articles.builder("thrice", 1).setImages(List.of(image(CAPTION, CREDIT), image(CAPTION, CREDIT),
                image(CAPTION, CREDIT))).build());
        t.submit(Articles.builder("spaced", 1).setImages(List.of(image(CAPTION, CREDIT), image(respaced, CREDIT)))
                .build());

        List<KeyValue<String, EnrichedArticle>> out = t.enriched.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key).containsExactly("twice", "thrice", "spaced");
        assertThat(out).allSatisfy(kv -> assertThat(kv.value.getImages())
                .extracting(Image::getCaption, Image::getCreditline, Image::getBy)
                .containsExactly(tuple(CAPTION, "EPA", "Marta Fonseca")));
        assertThat(out).extracting(kv -> kv.value.getCleanup().getRemovals().size()).containsExactly(1, 2, 1);
    }

    @Test
    void recordThatCannotBeDeserializedIsDeadLetteredAndTheNextOneIsProcessed() {
        EnrichTopologyHarness t = start(NO_ANNOTATION);
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        t.submittedBytes.pipeInput("broken-1".getBytes(StandardCharsets.UTF_8), garbage);
        t.submit(Articles.seedShaped("after-broken", 1));

        TestRecord<String, DeadLetter> dead = t.deadLetters.readRecord();
        assertThat(dead.key()).isEqualTo("broken-1");
        DeadLetter letter = dead.value();
        assertThat(letter.getService()).isEqualTo("enrich");
        assertThat(letter.getStage()).isEqualTo("deserialization");
        assertThat(letter.getSourceTopic()).isEqualTo("articles-submitted");
        assertThat(letter.getSourcePartition()).isZero();
        assertThat(letter.getSourceOffset()).isZero();
        assertThat(letter.getErrorClass()).isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(letter.getErrorMessage()).contains("magic byte");
        assertThat(bytes(letter.getValue())).isEqualTo(garbage);
        assertThat(bytes(letter.getKey())).isEqualTo("broken-1".getBytes(StandardCharsets.UTF_8));
        assertThat(t.deadLetters.isEmpty()).isTrue();

        assertThat(t.enriched.readRecord().key()).isEqualTo("after-broken");
        assertThat(t.metrics.deadLetteredCount("deserialization")).isEqualTo(1);
    }

    @Test
    void tombstoneAndKeyThatIsNotTheArticleIdAreDeadLettered() {
        EnrichTopologyHarness t = start(NO_ANNOTATION);
        t.submittedBytes.pipeInput("gone".getBytes(StandardCharsets.UTF_8), (byte[]) null);
        t.submitted.pipeInput("wrong-key", Articles.seedShaped("right-id", 1));
        t.submitted.pipeInput(Articles.seedShaped("no-key", 1));

        assertThat(t.deadLetters.readValuesToList()).extracting(DeadLetter::getStage, DeadLetter::getSourceOffset)
                .containsExactly(tuple("deserialization", 0L), tuple("validation", 1L), tuple("validation", 2L));
        assertThat(t.enriched.isEmpty()).isTrue();
    }

    @Test
    void annotatorFailureIsDeadLetteredWithItsStageAndOriginalBytesAndTheNextRecordIsProcessed() {
        ArticleAnnotator failsOnPoison = article -> {
            if (article.getArticleId().startsWith("poison")) {
                throw new IllegalStateException("annotator cannot handle this article");
            }
        };
        EnrichTopologyHarness t = start(failsOnPoison);
        ArticleSubmitted poison = Articles.seedShaped("poison-1", 1);
        t.submit(poison);
        t.submit(Articles.seedShaped("fine-1", 1));

        DeadLetter letter = t.deadLetters.readValue();
        assertThat(letter.getStage()).isEqualTo("annotation");
        assertThat(letter.getErrorClass()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letter.getErrorMessage()).contains("annotator cannot handle this article");
        ArticleSubmitted replayed = t.catalogue.articlesSubmitted().valueSerde().deserializer()
                .deserialize("articles-submitted", bytes(letter.getValue()));
        assertThat(replayed).isEqualTo(poison);
        assertThat(t.enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("fine-1");

        // Not remembered as accepted: a replay of the dead-lettered submission is processed again.
        t.submit(poison);
        assertThat(t.deadLetters.readValue().getStage()).isEqualTo("annotation");
        assertThat(t.metrics.deadLetteredCount("annotation")).isEqualTo(2);
    }

    @Test
    void outputThatCannotBeSerializedIsDeadLetteredWithTheSourceBytesAndTheNextRecordIsProcessed() {
        ArticleAnnotator leavesAnInvalidEntity = article -> {
            if (article.getArticleId().startsWith("invalid")) {
                article.setEntities(new ArrayList<>(List.of(new Entity())));
            }
        };
        EnrichTopologyHarness t = start(leavesAnInvalidEntity);
        ArticleSubmitted invalid = Articles.seedShaped("invalid-1", 1);
        t.submit(invalid);
        t.submit(Articles.seedShaped("valid-1", 1));

        TestRecord<String, DeadLetter> dead = t.deadLetters.readRecord();
        assertThat(dead.key()).isEqualTo("invalid-1");
        assertThat(dead.value().getStage()).isEqualTo("serialization");
        assertThat(dead.value().getSourceTopic()).isEqualTo("articles-submitted");
        assertThat(dead.value().getSourceOffset()).isZero();
        assertThat(dead.value().getErrorMessage()).contains("articles-enriched");
        assertThat(t.catalogue.articlesSubmitted().valueSerde().deserializer()
                .deserialize("articles-submitted", bytes(dead.value().getValue()))).isEqualTo(invalid);
        assertThat(t.enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("valid-1");

        // Not remembered as accepted, so a replay after the annotator is fixed would be processed.
        t.submit(invalid);
        assertThat(t.deadLetters.readValue().getStage()).isEqualTo("serialization");
        assertThat(t.metrics.deadLetteredCount("serialization")).isEqualTo(2);
    }

    /** Records another producer wrote straight to the topic, each breaking one rule ingest would have enforced. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rogueRecords")
    void aRogueRecordIsDeadLetteredNamingTheFieldAndTheNextOneIsEnriched(String name, ArticleSubmitted rogue,
                                                                          String field) {
        EnrichTopologyHarness t = start(NO_ANNOTATION);
        t.submit(rogue);
        t.submit(Articles.seedShaped("after-rogue", 1));

        DeadLetter letter = t.deadLetters.readValue();
        assertThat(letter.getStage()).isEqualTo("validation");
        assertThat(letter.getErrorMessage()).contains("field " + field + ":");
        assertThat(letter.getValue()).as("the original bytes, for a replay once fixed").isNotNull();
        assertThat(t.deadLetters.isEmpty()).isTrue();
        assertThat(t.enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("after-rogue");
    }

    static Stream<Arguments> rogueRecords() {
        return Stream.of(
                Arguments.of("empty id", Articles.builder("", 1).build(), "articleId"),
                Arguments.of("empty headline", Articles.builder("h", 1).setHeadline("").build(), "headline"),
                Arguments.of("empty body", Articles.builder("b", 1).setBody(new ArrayList<>()).build(), "body"),
                Arguments.of("empty publisher", Articles.builder("p", 1).setPublisherId("").build(), "publisherId"),
                Arguments.of("version 0", Articles.builder("v0", 0).build(), "version"),
                Arguments.of("version -5", Articles.builder("v5", -5).build(), "version"),
                Arguments.of("200,000 paragraphs", Articles.builder("many", 1)
                        .setBody(new ArrayList<>(Collections.nCopies(200_000, "p"))).build(), "body"));
    }

    @Test
    void anArticleWhoseEnrichedRecordWouldBeTooLargeIsDeadLetteredWithItsSize() {
        harness = new EnrichTopologyHarness(stateDir, NO_ANNOTATION, Map.of("record.max.bytes", "65536"));
        List<String> body = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            body.add("Paragraph " + i + " of a very long report. " + "It goes on and on. ".repeat(40));
        }
        harness.submit(Articles.builder("long-1", 1).setBody(body).build());
        harness.submit(Articles.seedShaped("after-long", 1));

        DeadLetter letter = harness.deadLetters.readValue();
        assertThat(letter.getStage()).isEqualTo("size");
        assertThat(letter.getErrorMessage()).contains("the limit is 65536 bytes");
        assertThat(letter.getErrorClass()).isEqualTo("org.apache.kafka.common.errors.RecordTooLargeException");
        assertThat(harness.enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("after-long");
    }

    @Test
    void aThousandsOfRemovalsArticleEnrichesToABoundedReport() {
        EnrichTopologyHarness t = start(NO_ANNOTATION);
        List<String> body = new ArrayList<>(Collections.nCopies(1_999, Articles.SHARE_WIDGET));
        body.add(Articles.BODY.get(0));
        t.submit(Articles.builder("chrome-1", 1).setBody(body).build());

        EnrichedArticle article = t.enriched.readValue();
        List<Removal> removals = article.getCleanup().getRemovals();
        assertThat(removals).hasSizeLessThanOrEqualTo(100);
        assertThat(removals.get(removals.size() - 1).getKind()).isEqualTo("unlisted");
        assertThat(removals.get(removals.size() - 1).getReason()).startsWith((1_999 - (removals.size() - 1)) + " more removals");
        assertThat(article.getBody()).containsExactly(Articles.BODY.get(0));
    }

    @Test
    void annotatorRunsAfterTheCleanUpOnTheCleanedArticle() {
        ArticleAnnotator seesCleanBody = article -> {
            assertThat(article.getBody()).doesNotContain(Articles.SHARE_WIDGET);
            assertThat(article.getImages()).hasSize(1);
            article.setKeywords(List.of("annotated"));
        };
        EnrichTopologyHarness t = start(seesCleanBody);
        t.submit(Articles.seedShaped("a-1", 1));

        assertThat(t.deadLetters.isEmpty()).isTrue();
        assertThat(t.enriched.readValue().getKeywords()).containsExactly("annotated");
    }

    @Test
    void topologyNamesArePinned() {
        EnrichTopologyHarness t = start(NO_ANNOTATION);
        String description = t.topology.describe().toString();

        assertThat(description)
                .contains("Source: articles-submitted-source (topics: [articles-submitted])")
                .contains("Processor: decode-submission (stores: [])")
                .contains("Processor: suppress-duplicate-submissions (stores: [article-versions])")
                .contains("Processor: enrich-article (stores: [article-versions])")
                .contains("Sink: articles-enriched-sink (topic: articles-enriched)")
                .contains("Sink: dead-letter-sink (topic: articles-dead-letter)");
        assertThat(t.topology.describe().subtopologies()).hasSize(1);
        assertThat(EnrichTopology.ARTICLE_VERSIONS_STORE).isEqualTo("article-versions");
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
