package dev.newsflow.platform.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.SourceFormat;
import dev.newsflow.schema.SubmittedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ArticleRulesTest {

    static ArticleSubmitted.Builder valid() {
        return ArticleSubmitted.newBuilder()
                .setArticleId("harbour-g-0123456789abcdef01234567")
                .setPublisherId("harbour")
                .setVersion(1)
                .setAction(ArticleAction.PUBLISH)
                .setSourceFormat(SourceFormat.JSON)
                .setReceivedAt(Instant.parse("2026-03-03T10:15:30Z"))
                .setHeadline("Harbour reopens after storm")
                .setBody(new ArrayList<>(List.of("The harbour reopened on Monday.")))
                .setImages(new ArrayList<>())
                .setKeywords(new ArrayList<>())
                .setContentHash("0f3a");
    }

    @Test
    void aRecordAsIngestWritesItBreaksNoRule() {
        assertThat(ArticleRules.check(valid().build())).isEmpty();
        assertThat(ArticleRules.check(valid().setAction(ArticleAction.KILL).setBody(new ArrayList<>()).build()))
                .as("a kill needs no text").isEmpty();
    }

    static Stream<Arguments> rogueRecords() {
        return Stream.of(
                rogue("empty id", b -> b.setArticleId(""), "articleId"),
                rogue("id with a space", b -> b.setArticleId("a b"), "articleId"),
                rogue("empty publisher", b -> b.setPublisherId(""), "publisherId"),
                rogue("version 0", b -> b.setVersion(0), "version"),
                rogue("version -5", b -> b.setVersion(-5), "version"),
                rogue("empty content hash", b -> b.setContentHash(" "), "contentHash"),
                rogue("empty headline", b -> b.setHeadline(""), "headline"),
                rogue("blank headline", b -> b.setHeadline(" \t "), "headline"),
                rogue("empty body", b -> b.setBody(new ArrayList<>()), "body"),
                rogue("empty paragraph", b -> b.setBody(new ArrayList<>(List.of("text", ""))), "body/1"),
                rogue("200,000 paragraphs", b -> b.setBody(new ArrayList<>(Collections.nCopies(200_000, "p"))), "body"),
                rogue("a control character", b -> b.setHeadline("Harbour\u0001 reopens"), "headline"),
                rogue("an unpaired surrogate", b -> b.setBody(new ArrayList<>(List.of("x\uD800y"))), "body/0"),
                rogue("a relative image URL", b -> b.setImages(new ArrayList<>(List.of(SubmittedImage.newBuilder()
                        .setCaption("c").setUrl("/img/a.jpg").build()))), "images/0/url"),
                rogue("a long credit", b -> b.setImages(new ArrayList<>(List.of(SubmittedImage.newBuilder()
                        .setCaption("c").setCredit("x".repeat(301)).build()))), "images/0/credit"),
                rogue("too many keywords", b -> b.setKeywords(new ArrayList<>(Collections.nCopies(101, "k"))), "keywords"),
                rogue("a bad language tag", b -> b.setLanguage("english please"), "language"));
    }

    private static Arguments rogue(String name, UnaryOperator<ArticleSubmitted.Builder> change, String field) {
        return Arguments.of(name, change, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rogueRecords")
    void aRecordThatBreaksARuleIsNamedByItsField(String name, UnaryOperator<ArticleSubmitted.Builder> change,
                                                  String field) {
        var violation = ArticleRules.check(change.apply(valid()).build());
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.detail()).isNotBlank().hasSizeLessThan(300);
        });
    }

    @Test
    void limitsAreNamedInTheDetail() {
        assertThat(ArticleRules.check(valid().setBody(new ArrayList<>(Collections.nCopies(2_001, "p"))).build()))
                .hasValueSatisfying(v -> assertThat(v.detail()).contains("2001 paragraphs", "limit is 2000"));
    }

    @Test
    void aBadValueIsEchoedCutShort() {
        String huge = "x".repeat(10_000);
        var violation = ArticleRules.check(valid().setArticleId(huge).build());
        assertThat(violation).hasValueSatisfying(v -> assertThat(v.detail()).hasSizeLessThan(300)
                .contains("10000 characters"));
    }

    @Test
    void theLargestAcceptedArticleStillFitsOnceEnriched() {
        int recordMax = 1_000_000;
        int submitted = EnrichedSizeBound.maxSubmittedBytes(recordMax);
        assertThat(submitted).isBetween(250_000, 300_000);
        assertThat((long) submitted * EnrichedSizeBound.TEXT_COPIES + EnrichedSizeBound.ANNOTATION_BYTES
                + EnrichedSizeBound.CLEANUP_REPORT_BYTES + EnrichedSizeBound.STRUCTURE_BYTES).isLessThanOrEqualTo(recordMax);
    }
}
