package dev.newsflow.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.ingest.Fixtures;
import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.DraftImage;
import dev.newsflow.platform.errors.MalformedInputException;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.SourceFormat;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonNormaliserTest {
    private final JsonNormaliser normaliser = new JsonNormaliser();

    @Test
    void readsNewsflowsOwnShapeAndIgnoresUnknownFields() {
        ArticleDraft draft = normaliser.normalise("""
                {"guid": "story-17", "url": "https://coastal-daily.example/a/17", "language": "en",
                 "section": "News", "category": "Politics", "headline": "  Leaders   <b>agree</b> pact ",
                 "byline": "Liisa Saar", "body": ["First paragraph.", "Second\\u0007 paragraph.", " "],
                 "images": [{"caption": "On the quay.", "credit": "Photo: EPA / Kaja Tamm", "url": "https://img.example/q.jpg"}],
                 "keywords": ["baltic", "security"], "publishedAt": "2026-03-14T16:05:00+01:00",
                 "embargoUntil": "2026-03-14T18:00:00Z", "action": "correct", "futureField": [1, 2, 3]}
                """);

        assertThat(draft.sourceFormat()).isEqualTo(SourceFormat.JSON);
        assertThat(draft.guid()).isEqualTo("story-17");
        assertThat(draft.canonicalUrl()).isEqualTo("https://coastal-daily.example/a/17");
        assertThat(draft.headline()).isEqualTo("Leaders agree pact");
        assertThat(draft.body()).containsExactly("First paragraph.", "Second paragraph.");
        assertThat(draft.images()).containsExactly(new DraftImage("On the quay.", "Photo: EPA / Kaja Tamm", "https://img.example/q.jpg"));
        assertThat(draft.keywords()).containsExactly("baltic", "security");
        assertThat(draft.publishedAt()).isEqualTo(Instant.parse("2026-03-14T15:05:00Z"));
        assertThat(draft.embargoUntil()).isEqualTo(Instant.parse("2026-03-14T18:00:00Z"));
        assertThat(draft.action()).isEqualTo(ArticleAction.CORRECT);
    }

    @Test
    void aBodyStringIsSplitIntoParagraphsAtBlankLines() {
        ArticleDraft draft = normaliser.normalise("{\"headline\": \"H\", \"body\": \"One\\nline.\\n\\nTwo.\"}");
        assertThat(draft.body()).containsExactly("One line.", "Two.");
    }

    @Test
    void windowsLineBreaksInABodyStringJoinLinesAndSplitParagraphsLikeUnixOnes() {
        ArticleDraft windows = normaliser.normalise(
                "{\"headline\": \"H\", \"body\": \"One hard-wrapped\\r\\nline.\\r\\n\\r\\nTwo.\"}");

        assertThat(windows.body()).containsExactly("One hard-wrapped line.", "Two.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"headline\": 5}|headline",
            "{\"headline\": \"H\", \"body\": {\"a\": 1}}|body",
            "{\"headline\": \"H\", \"images\": [{\"caption\": 1}]}|images/0/caption",
            "{\"headline\": \"H\", \"images\": \"x\"}|images",
            "{\"headline\": \"H\", \"publishedAt\": \"yesterday\"}|publishedAt",
            "{\"headline\": \"H\", \"action\": \"delete\"}|action",
            "{\"headline\": \"H\", \"keywords\": [\"a\", 2]}|keywords/1"})
    void wrongTypesAreRejectedNamingTheField(String json, String field) {
        assertThatThrownBy(() -> normaliser.normalise(json))
                .isInstanceOf(InvalidArticleException.class)
                .satisfies(e -> assertThat(((InvalidArticleException) e).field()).isEqualTo(field));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"headline\": ", "[1, 2]", "\"text\"", "{} {}", "''"})
    void unreadableJsonIsMalformed(String json) {
        assertThatThrownBy(() -> normaliser.normalise(json)).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void readsNinjs2() {
        ArticleDraft draft = normaliser.normalise(Fixtures.read("json/ninjs-2.json"));

        assertThat(draft.sourceFormat()).isEqualTo(SourceFormat.NINJS);
        assertThat(draft.guid()).isEqualTo("urn:newsml:coastal-daily.example:20260314:baltic-patrols");
        assertThat(draft.canonicalUrl()).isNull();
        assertThat(draft.headline()).isEqualTo("Baltic states pool coastguard patrols");
        assertThat(draft.byline()).isEqualTo("Liisa Saar");
        assertThat(draft.language()).isEqualTo("en");
        assertThat(draft.publishedAt()).isEqualTo(Instant.parse("2026-03-14T15:05:00Z"));
        assertThat(draft.body()).containsExactly("Leaders of eight states agreed on Saturday to pool their patrols.",
                "The pact sets up a joint watch centre in Tallinn.");
        assertThat(draft.keywords()).containsExactly("maritime security", "diplomacy");
        assertThat(draft.images()).containsExactly(new DraftImage("Leaders walk along the quay in Tallinn harbour.",
                "EPA / Kaja Tamm", "https://img.coastal-daily.example/2026/03/quay.jpg"));
    }

    @Test
    void readsNinjs1FlatFields() {
        ArticleDraft draft = normaliser.normalise(Fixtures.read("json/ninjs-1.json"));

        assertThat(draft.sourceFormat()).isEqualTo(SourceFormat.NINJS);
        assertThat(draft.canonicalUrl()).isEqualTo("https://coastal-daily.example/sport/cup-final");
        assertThat(draft.headline()).isEqualTo("Underdogs stun champions");
        assertThat(draft.byline()).isEqualTo("Maria Fernandes");
        assertThat(draft.body()).containsExactly("Rain delayed the kick-off by forty minutes.",
                "The champions lost the shoot-out 4-3.");
        assertThat(draft.images()).containsExactly(new DraftImage("The captain lifts the trophy.", "Agence Sud", null));
    }

    @Test
    void aCanceledNinjsItemIsAKill() {
        ArticleDraft draft = normaliser.normalise("{\"uri\": \"x-1\", \"headline\": \"H\", \"pubstatus\": \"canceled\"}");
        assertThat(draft.action()).isEqualTo(ArticleAction.KILL);
    }
}
