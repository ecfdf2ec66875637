package dev.newsflow.ingest.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.ingest.Fixtures;
import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.parse.HtmlNormaliser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Scores the HTML normaliser's main-text extraction on the project's own fixture pages
 * ({@code fixtures/html/*.html} with the expected text beside each) and prints the table; also
 * written to {@code target/main-text-scores.md}. Run:
 * {@code mvn -B -q -o -pl ingest test -Dtest=MainTextScoreTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class MainTextScoreTest {
    private static final List<String> PAGES = List.of("coastal-daily-article", "div-soup-article", "live-sport-article",
            "br-separated-article", "comments-as-articles", "json-ld-article");

    @Test
    void scoresMainTextExtractionOnTheFixturePages() throws IOException {
        HtmlNormaliser normaliser = new HtmlNormaliser();
        StringBuilder table = new StringBuilder("| page | extracted tokens | expected tokens | precision | recall | F1 |\n"
                + "|---|---|---|---|---|---|\n");
        TokenOverlapScore total = new TokenOverlapScore(0, 0, 0);
        for (String page : PAGES) {
            ArticleDraft draft = normaliser.normalise(Fixtures.read("html/" + page + ".html"));
            TokenOverlapScore score = TokenOverlapScore.of(String.join("\n\n", draft.body()),
                    Fixtures.read("html/" + page + ".expected.txt"));
            total = total.plus(score);
            table.append(row(page, score));
        }
        table.append(row("**all (micro)**", total));
        System.out.println("Main-text extraction, token P/R/F1 against expected text:\n" + table);
        Path report = Path.of("target", "main-text-scores.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table.toString());

        // A floor, not a speed: the fixtures are written so that a correct extractor gets them all.
        assertThat(total.f1()).isGreaterThan(0.9);
    }

    @Test
    void theScoreCountsMissingAndExtraTokens() {
        TokenOverlapScore score = TokenOverlapScore.of("the cat sat share print", "The cat sat on the mat");
        assertThat(score.matchedTokens()).isEqualTo(3);
        assertThat(score.precision()).isEqualTo(3 / 5.0);
        assertThat(score.recall()).isEqualTo(3 / 6.0);
        assertThat(TokenOverlapScore.of("", "").f1()).isEqualTo(1.0);
    }

    private static String row(String page, TokenOverlapScore score) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f |%n", page, score.extractedTokens(),
                score.expectedTokens(), score.precision(), score.recall(), score.f1());
    }
}
