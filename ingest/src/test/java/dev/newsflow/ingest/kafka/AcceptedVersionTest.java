package dev.newsflow.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.ArticleRecords;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.SourceFormat;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ledger keeps one AcceptedVersion per article, so it must stay a handful of scalars, never the article. */
class AcceptedVersionTest {

    @Test
    void holdsOnlyScalarsSoNoBodyCanBeKeptPerArticle() {
        List<Class<?>> types = Arrays.stream(AcceptedVersion.class.getRecordComponents())
                .map(RecordComponent::getType).toList();

        assertThat(types).allSatisfy(type -> assertThat(type.isPrimitive() || type == String.class || type.isEnum())
                .as("%s is a primitive, a String or an enum", type.getName()).isTrue());
    }

    @Test
    void keepsWhatTheSubmitDecisionsNeedAndWhereTheArticleIs() {
        ArticleSubmitted article = ArticleRecords.firstVersion("pub", ArticleDraft.builder(SourceFormat.JSON)
                .guid("g-1").headline("Harbour reopens").body(List.of("A long body that must not be kept.")).build(),
                Instant.parse("2026-01-01T00:00:00Z"));

        AcceptedVersion version = AcceptedVersion.of(article, 2, 41L);

        assertThat(version).isEqualTo(new AcceptedVersion(article.getArticleId(), "pub", 1, ArticleAction.PUBLISH,
                article.getContentHash(), 2, 41L));
    }

    @Test
    void theLedgerSharesOnePublisherIdAcrossArticles() {
        ArticleLedger ledger = new ArticleLedger();
        ledger.record(new AcceptedVersion("pub-g-1", new String("pub"), 1, ArticleAction.PUBLISH, "h1", 0, 1));
        ledger.record(new AcceptedVersion("pub-g-2", new String("pub"), 1, ArticleAction.PUBLISH, "h2", 0, 2));

        assertThat(ledger.latest("pub-g-2").orElseThrow().publisherId())
                .isSameAs(ledger.latest("pub-g-1").orElseThrow().publisherId());
    }
}
