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
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The watcher's reading of a page: the items' own ids and next_url, nothing nested taken for either, as a whole
 * tree reads them.
 */
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

    /**
     * Random JSON texts (nested objects and arrays, strings holding quotes, backslashes, brackets and non-ASCII,
     * numbers, literals, white space anywhere), read as a whole tree would read them.
     */
    @Property(tries = 400)
    void readsWhatTheWholeTreeReadsOfAnyJsonText(@ForAll long seed) throws IOException {
        RandomJson json = new RandomJson(new Random(seed));
        String page = json.page();
        JsonNode tree = JsonMapper.builder().build().readTree(page);
        List<String> expected = new ArrayList<>();
        if (tree.path("items").isArray()) {
            tree.path("items").forEach(item -> {
                if (item.isObject()) {
                    expected.add(item.path("id").isTextual() ? item.path("id").asText() : "");
                }
            });
        }
        String expectedNext = tree.path("next_url").isTextual() ? tree.path("next_url").asText() : "";

        FeedPageIds read = FeedPageIds.read(page.getBytes(StandardCharsets.UTF_8));

        assertThat(read.itemIds()).as(page).containsExactlyElementsOf(expected);
        assertThat(read.nextUrl()).as(page).isEqualTo(expectedNext);
        int cut = new Random(seed).nextInt(page.lastIndexOf('}'));
        assertThatThrownBy(() -> FeedPageIds.read(page.substring(0, cut).getBytes(StandardCharsets.UTF_8)))
                .as("a page cut short at %d: %s", cut, page).isInstanceOf(IOException.class);
    }

    /** Writes random JSON whose top-level object may have items, ids and next_url where the watcher looks. */
    private static final class RandomJson {
        private static final String[] NAMES = {"id", "items", "next_url", "title", "x", "\\\"id\\\""};
        private final Random random;
        private final StringBuilder out = new StringBuilder();

        RandomJson(Random random) {
            this.random = random;
        }

        String page() {
            space();
            out.append('{');
            List<String> names = new ArrayList<>(List.of("items", "next_url", "id", "title", "_ext"));
            java.util.Collections.shuffle(names, random);
            int members = random.nextInt(names.size() + 1);
            for (int i = 0; i < members; i++) {
                separator(i);
                member(names.get(i));
                if (names.get(i).equals("items") && random.nextInt(4) > 0) {
                    items();
                } else {
                    value(3);
                }
            }
            space();
            out.append('}');
            return out.toString();
        }

        private void items() {
            out.append('[');
            int n = random.nextInt(6);
            for (int i = 0; i < n; i++) {
                separator(i);
                if (random.nextInt(8) == 0) {
                    value(2);
                } else {
                    object(2, true);
                }
            }
            space();
            out.append(']');
        }

        private void object(int depth, boolean item) {
            out.append('{');
            List<String> names = new ArrayList<>(List.of(NAMES));
            java.util.Collections.shuffle(names, random);
            int members = random.nextInt(4);
            for (int i = 0; i < members; i++) {
                separator(i);
                // "id" is sometimes written with an escape, which names the same member.
                member(names.get(i).equals("id") && random.nextInt(4) == 0 ? "i\\u0064" : names.get(i));
                if (item && names.get(i).equals("id") && random.nextInt(4) > 0) {
                    string();
                } else {
                    value(depth - 1);
                }
            }
            space();
            out.append('}');
        }

        private void value(int depth) {
            space();
            int kind = random.nextInt(depth > 0 ? 7 : 5);
            switch (kind) {
                case 0, 1 -> string();
                case 2 -> out.append(random.nextInt(3) == 0 ? "-1.5e3" : String.valueOf(random.nextInt(1000)));
                case 3 -> out.append(random.nextBoolean() ? "true" : "false");
                case 4 -> out.append("null");
                case 5 -> object(depth, false);
                default -> {
                    out.append('[');
                    int n = random.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        separator(i);
                        value(depth - 1);
                    }
                    space();
                    out.append(']');
                }
            }
        }

        private void member(String name) {
            space();
            out.append('"').append(name).append('"');
            space();
            out.append(':');
            space();
        }

        private void string() {
            String[] pieces = {"urn:newsflow:article:", "a", "%2B", "\\\"", "\\\\", "{", "}", "[", "]", ",", ":",
                "\\u00e9", "é", "水", "\\n", "\\/", "\"id\"".replace("\"", "\\\"")};
            out.append('"');
            int n = random.nextInt(5);
            for (int i = 0; i < n; i++) {
                out.append(pieces[random.nextInt(pieces.length)]);
            }
            out.append('"');
        }

        private void separator(int index) {
            space();
            if (index > 0) {
                out.append(',');
                space();
            }
        }

        private void space() {
            if (random.nextInt(3) == 0) {
                out.append(" \n\t\r".charAt(random.nextInt(4)));
            }
        }
    }
}
