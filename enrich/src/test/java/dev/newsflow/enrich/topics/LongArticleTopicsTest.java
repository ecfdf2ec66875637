package dev.newsflow.enrich.topics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.enrich.Articles;
import dev.newsflow.enrich.offline.OfflineEnricher;
import dev.newsflow.schema.EnrichedArticle;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An article with more distinct model features than the assigner's first work arrays hold (512) is scored, not
 * failed: a long real page (an essay of ~9,000 words) failed enrichment with an ArrayIndexOutOfBoundsException when
 * the arrays grew in the middle of an update.
 */
class LongArticleTopicsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anArticleWithThousandsOfDistinctWordsGetsTopics() throws IOException {
        List<String> body = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(DevSetTest.devSet())) {
            String line;
            while ((line = lines.readLine()) != null && body.size() < 400) {
                for (JsonNode paragraph : JSON.readTree(line).get("body")) {
                    body.add(paragraph.asText());
                }
            }
        }
        assertThat(String.join(" ", body).split("\\s+").length).as("words").isGreaterThan(9_000);

        EnrichedArticle enriched = OfflineEnricher.standard().enrich(Articles.builder("long-1", 1).setBody(body).build());

        assertThat(enriched.getTopics()).isNotEmpty();
    }
}
