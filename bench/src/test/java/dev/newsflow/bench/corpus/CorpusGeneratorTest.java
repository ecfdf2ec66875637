package dev.newsflow.bench.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorpusGeneratorTest {
    private final CorpusGenerator generator = new CorpusGenerator(42);

    @Test
    void sameSeedAndIndexGiveTheSameArticle() {
        CorpusArticle first = generator.article(7, ArticleShape.JSON, ArticleLength.MEDIUM);
        CorpusArticle again = new CorpusGenerator(42).article(7, ArticleShape.JSON, ArticleLength.MEDIUM);
        assertThat(again).isEqualTo(first);
        assertThat(again.payload()).isEqualTo(first.payload());
        assertThat(new CorpusGenerator(43).article(7, ArticleShape.JSON, ArticleLength.MEDIUM).headline())
                .isNotEqualTo(first.headline());
    }

    @Test
    void lengthsHitTheirWordTargets() {
        for (ArticleLength length : ArticleLength.values()) {
            CorpusArticle article = generator.article(3, ArticleShape.TEXT, length);
            int bodyWords = article.body().stream().mapToInt(Words::count).sum();
            assertThat(bodyWords).isBetween(length.targetWords(), length.targetWords() + 60);
        }
    }

    @Test
    void everyShapePrintsEachCaptionTwiceAndTextAndHtmlCarryChrome() {
        for (ArticleShape shape : ArticleShape.values()) {
            CorpusArticle article = generator.article(11, shape, ArticleLength.SHORT);
            String payload = article.payload();
            String caption = shape == ArticleShape.HTML
                    ? ArticleRenderer.escape(article.images().get(0).caption()) : article.images().get(0).caption();
            assertThat(payload.split(java.util.regex.Pattern.quote(caption), -1)).as(shape.name()).hasSize(3);
            if (shape != ArticleShape.JSON) {
                assertThat(payload).contains("Terms of use. Privacy policy.");
            }
        }
        assertThat(generator.article(11, ArticleShape.TEXT, ArticleLength.SHORT).payload()).startsWith(
                generator.article(11, ArticleShape.TEXT, ArticleLength.SHORT).section());
    }

    @Test
    void headlinesGuidsAndUrlsAreUnique() {
        Set<String> headlines = new HashSet<>();
        Set<String> guids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            CorpusArticle article = generator.article(i, ArticleShape.TEXT, ArticleLength.SHORT);
            headlines.add(article.headline());
            guids.add(article.guid() + article.canonicalUrl());
        }
        assertThat(headlines).hasSize(1_000);
        assertThat(guids).hasSize(1_000);
    }

    @Test
    void planHasTheMixedKindsAndDuplicatesRepeatEarlierPayloadsByteForByte() {
        SubmissionPlan plan = SubmissionPlan.generate(generator, 1_000, CorpusMix.realistic());
        assertThat(plan.countsByKind().get(Submission.Kind.DUPLICATE)).isBetween(25, 75);
        assertThat(plan.countsByKind().get(Submission.Kind.UPDATE)).isBetween(25, 75);
        assertThat(plan.countsByShape()).containsOnlyKeys(ArticleShape.values());
        for (Submission submission : plan.submissions()) {
            if (submission.kind() == Submission.Kind.DUPLICATE) {
                Submission target = plan.submissions().get(submission.target());
                assertThat(submission.payload()).isEqualTo(target.payload());
                assertThat(target.kind()).isNotEqualTo(Submission.Kind.DUPLICATE);
            } else if (submission.kind() == Submission.Kind.UPDATE) {
                Submission target = plan.submissions().get(submission.target());
                assertThat(submission.article().headline()).isEqualTo(target.article().headline());
                assertThat(submission.article().guid()).isEqualTo(target.article().guid());
                assertThat(submission.payload()).isNotEqualTo(target.payload());
            }
        }
        assertThat(SubmissionPlan.generate(new CorpusGenerator(42), 1_000, CorpusMix.realistic()).payloadSizes())
                .isEqualTo(plan.payloadSizes());
    }

    @Test
    void submittedRecordKeepsBothCopiesOfEveryPhotoAndTheChrome() {
        CorpusArticle article = generator.article(5, ArticleShape.JSON, ArticleLength.MEDIUM);
        var record = SubmittedRecords.of(article, "bench");
        assertThat(record.getImages()).hasSize(article.images().size() * 2);
        assertThat(record.getBody()).contains("shareprint");
        assertThat(record.getHeadline()).isEqualTo(article.headline());
    }
}
