package dev.newsflow.ingest.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.DraftImage;
import dev.newsflow.ingest.parse.ArticleNormaliser;
import dev.newsflow.ingest.parse.HtmlNormaliser;
import dev.newsflow.ingest.parse.InvalidArticleException;
import dev.newsflow.ingest.parse.JsonNormaliser;
import dev.newsflow.ingest.parse.PlainTextNormaliser;
import dev.newsflow.ingest.parse.SectionLine;
import dev.newsflow.ingest.text.TextHygiene;
import dev.newsflow.platform.errors.MalformedInputException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Properties of the three normalisers over many generated hostile inputs (a seeded generator,
 * so every run checks the same cases and a failure names its seed):
 * nothing but a validation error is ever thrown, and every text that comes out is XML-legal,
 * NFC, trimmed and on one line.
 */
class NormaliserPropertiesTest {
    private static final int CASES = 400;

    @TestFactory
    Stream<DynamicTest> arbitraryInputNeverBreaksANormaliser() {
        return Stream.of(
                property("text/plain", new PlainTextNormaliser(SectionLine.withDefaults()), input -> input.text(60)),
                property("application/json", new JsonNormaliser(), ArbitraryInput::json),
                property("text/html", new HtmlNormaliser(), ArbitraryInput::html));
    }

    @TestFactory
    Stream<DynamicTest> cleaningIsIdempotentAndLeavesOnlyLegalText() {
        return Stream.of(DynamicTest.dynamicTest("TextHygiene.clean", () -> {
            for (long seed = 0; seed < CASES * 5; seed++) {
                String raw = new ArbitraryInput(seed).text(30);
                String once = TextHygiene.clean(raw);
                assertThat(TextHygiene.clean(once)).as("seed %d", seed).isEqualTo(once);
                assertCleanText(once, "seed " + seed);
            }
        }));
    }

    private static DynamicTest property(String name, ArticleNormaliser normaliser, Function<ArbitraryInput, String> input) {
        return DynamicTest.dynamicTest(name, () -> {
            int accepted = 0;
            for (long seed = 0; seed < CASES; seed++) {
                String document = input.apply(new ArbitraryInput(seed));
                try {
                    ArticleDraft draft = normaliser.normalise(document);
                    accepted++;
                    texts(draft).forEach(text -> assertCleanText(text, name + " seed " + seedOf(document)));
                } catch (InvalidArticleException | MalformedInputException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                } catch (RuntimeException unexpected) {
                    throw new AssertionError(name + ": seed " + seedOf(document) + " threw " + unexpected, unexpected);
                }
            }
            // The generator must reach the accepting path too, or the text property checks nothing.
            assertThat(accepted).as("inputs that produced a draft").isGreaterThan(CASES / 20);
        });
    }

    private static String seedOf(String document) {
        return "(document of " + document.length() + " chars)";
    }

    private static List<String> texts(ArticleDraft draft) {
        List<String> texts = new ArrayList<>();
        Stream.of(draft.guid(), draft.canonicalUrl(), draft.language(), draft.section(), draft.category(), draft.headline(),
                draft.byline()).filter(t -> t != null).forEach(texts::add);
        texts.addAll(draft.body());
        texts.addAll(draft.keywords());
        for (DraftImage image : draft.images()) {
            texts.add(image.caption());
            if (image.credit() != null) {
                texts.add(image.credit());
            }
            if (image.url() != null) {
                texts.add(image.url());
            }
        }
        return texts;
    }

    private static void assertCleanText(String text, String where) {
        assertThat(TextHygiene.isXmlLegal(text)).as("XML-legal: %s %s", where, text).isTrue();
        assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as("NFC: %s", where).isTrue();
        assertThat(text).as("trimmed: %s", where).isEqualTo(text.strip());
        assertThat(text).as("one line: %s", where).doesNotContain("\n", "\r", "\t");
    }
}
