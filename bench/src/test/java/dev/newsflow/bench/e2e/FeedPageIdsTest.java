package dev.newsflow.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.newsflow.bench.corpus.ArticleLength;
import dev.newsflow.bench.jmh.SerdeCorpus;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.render.FeedDocument;
import dev.newsflow.syndicate.render.FeedFormat;
import dev.newsflow.syndicate.state.FeedItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The watcher's reading of a page: the items' own ids and next_url, nothing nested taken for either. */
class FeedPageIdsTest {
    @Test
    void readsTheSameIdsAndNextUrlAsTheWholeDocumentFromTheSyndicatorsOwnPage() throws IOException {
        EnrichedArticle[] articles = SerdeCorpus.enriched(ArticleLength.MEDIUM);
        List<FeedItem> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            items.add(new FeedItem(articles[i], String.format("%019d-%s", 1_767_700_000_000L - i,
                    articles[i].getArticleId())));
        }
        String self = "https://feeds.example/feeds/p/all.json";
        byte[] page = FeedFormat.JSON.renderer().render(new FeedDocument("p", "all", "Everything", self,
                "https://news.example/", Optional.of(self + "?before=abc"), Optional.empty(),
                Instant.parse("2026-01-06T12:00:00Z"), items));
        JsonNode tree = JsonMapper.builder().build().readTree(page);
        List<String> expected = new ArrayList<>();
        tree.path("items").forEach(item -> expected.add(item.path("id").asText()));
        // The page carries ids nested below its items too (entities' Wikidata ids): they must not be taken.
        assertThat(new String(page, StandardCharsets.UTF_8)).contains("\"entities\"");

        FeedPageIds read = FeedPageIds.read(page);

        assertThat(read.itemIds()).hasSize(30).containsExactlyElementsOf(expected)
                .allMatch(id -> id.startsWith(FeedWatcher.GUID_PREFIX));
        assertThat(read.nextUrl()).isEqualTo(tree.path("next_url").asText()).endsWith("?before=abc");
    }

    @Test
    void takesOnlyTopLevelItemsIdsAndNextUrlWhateverIsNestedOrMissing() throws IOException {
        String page = """
                {"version":"https://jsonfeed.org/version/1.1","id":"not-an-item",
                 "_ext":{"items":[{"id":"nested-list"}],"next_url":"nested"},
                 "items":[
                   {"title":"first","id":"urn:newsflow:article:a","authors":[{"id":"x","name":"y"}],
                    "_newsflow":{"entities":[{"id":"Q1","mentions":[{"id":"m"}]}]}},
                   {"title":"without an id","tags":["id"]},
                   {"_newsflow":{"id":"inner"},"id":"urn:newsflow:article:b"}
                 ]}""";

        FeedPageIds read = FeedPageIds.read(page.getBytes(StandardCharsets.UTF_8));

        assertThat(read.itemIds()).containsExactly("urn:newsflow:article:a", "", "urn:newsflow:article:b");
        assertThat(read.nextUrl()).isEmpty();
        assertThatThrownBy(() -> FeedPageIds.read("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }
}
