package dev.newsflow.ingest.article;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.ingest.parse.InvalidArticleException;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.SourceFormat;
import org.junit.jupiter.api.Test;

class ArticleValidatorTest {

    @Test
    void aKillNeedsOnlyAGuidOrUrl() {
        assertThatCode(() -> ArticleValidator.validate(ArticleDraft.builder(SourceFormat.JSON).guid("g-1")
                .action(ArticleAction.KILL).build())).doesNotThrowAnyException();
        assertThatCode(() -> ArticleValidator.validate(ArticleDraft.builder(SourceFormat.JSON)
                .canonicalUrl("https://news.example/a").action(ArticleAction.KILL).build())).doesNotThrowAnyException();
    }

    @Test
    void aKillThatNamesNoStoryIsRefusedNamingTheGuid() {
        assertThatThrownBy(() -> ArticleValidator.validate(ArticleDraft.builder(SourceFormat.JSON)
                .action(ArticleAction.KILL).build()))
                .isInstanceOfSatisfying(InvalidArticleException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("guid"));
    }

    @Test
    void everyOtherActionStillNeedsHeadlineAndBody() {
        assertThatThrownBy(() -> ArticleValidator.validate(ArticleDraft.builder(SourceFormat.JSON).guid("g-1").build()))
                .isInstanceOfSatisfying(InvalidArticleException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("headline"));
        assertThatThrownBy(() -> ArticleValidator.validate(ArticleDraft.builder(SourceFormat.JSON).guid("g-1")
                .headline("H").action(ArticleAction.UPDATE).build()))
                .isInstanceOfSatisfying(InvalidArticleException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("body"));
    }
}
