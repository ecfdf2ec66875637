package dev.newsflow.enrich.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Quality floors on the committed linking data (src/test/resources/linking): the figures themselves, with
 * the command that prints them, are in BENCHMARKS.md.
 */
class LinkingQualityTest {
    private static List<LinkingDataset.Article> read(String name) throws IOException {
        try (InputStream in = LinkingQualityTest.class.getResourceAsStream("/linking/" + name)) {
            return LinkingDataset.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        }
    }

    @Test
    void theDevSetIsLargeEnoughAndVaried() throws IOException {
        List<LinkingDataset.Article> dev = read("dev.txt");
        assertThat(dev).hasSizeGreaterThanOrEqualTo(30);
        assertThat(dev.stream().mapToInt(a -> a.gold().size()).sum()).isGreaterThanOrEqualTo(300);
        assertThat(dev).extracting(a -> a.topic().split("-")[0]).contains("politics", "business", "sport", "culture",
                "science", "disaster");
        List<LinkingDataset.Article> calibration = read("calibration.txt");
        assertThat(calibration).extracting(LinkingDataset.Article::id).doesNotContainAnyElementsOf(
                dev.stream().map(LinkingDataset.Article::id).toList());
    }

    @Test
    void linksOnTheDevSetAreRightAtLeast85PercentOfTheTimeAndConfidentOnesAt90() throws IOException {
        LinkingEvaluation.Score score = LinkingEvaluation.score(read("dev.txt"), (KnowledgeBaseAnnotator) ArticleAnnotators.standard());
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.85);
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.6);
        assertThat(score.precisionAtOrAbove(0.9)).isGreaterThanOrEqualTo(0.9);
    }
}
