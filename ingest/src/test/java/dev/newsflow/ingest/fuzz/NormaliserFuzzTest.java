package dev.newsflow.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.DraftImage;
import dev.newsflow.ingest.parse.InvalidArticleException;
import dev.newsflow.platform.errors.MalformedInputException;
import dev.newsflow.ingest.parse.Normalisers;
import dev.newsflow.ingest.parse.SectionLine;
import dev.newsflow.ingest.text.OpenNlpLanguageDetector;
import dev.newsflow.ingest.text.TextHygiene;
import dev.newsflow.platform.article.ArticleRules;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing of the four normalisers through ingest's one entry point ({@link Normalisers}: normalise, detect the
 * language, apply {@link ArticleRules}), {@code jqwik.tries.default} generated documents per format (10,000 in
 * {@code mvn verify}; BENCHMARKS.md has the 10^6 run). For every document: either a draft that meets the rules with
 * every text clean (XML-legal, NFC, trimmed, one line), or a refusal a publisher can act on (422/400 naming the
 * problem). Any other exception is a crash, and fails the property with the smallest document that causes it.
 */
class NormaliserFuzzTest {
    private static final Normalisers NORMALISERS = new Normalisers(SectionLine.withDefaults(),
            OpenNlpLanguageDetector.load());

    @Property
    void plainText(@ForAll("plainText") String document) {
        check("text/plain", document);
    }

    @Property
    void newsflowJson(@ForAll("newsflowJson") String document) {
        check("application/json", document);
    }

    @Property
    void ninjs(@ForAll("ninjs") String document) {
        check("application/ninjs+json", document);
    }

    @Property
    void html(@ForAll("htmlPage") String document) {
        check("text/html", document);
    }

    @Provide
    Arbitrary<String> plainText() {
        return HostileDocuments.plainText();
    }

    @Provide
    Arbitrary<String> newsflowJson() {
        return HostileDocuments.newsflowJson();
    }

    @Provide
    Arbitrary<String> ninjs() {
        return HostileDocuments.ninjs();
    }

    @Provide
    Arbitrary<String> htmlPage() {
        return HostileDocuments.htmlPage();
    }

    private static void check(String contentType, String document) {
        Statistics.collect(outcome(contentType, document));
        // The generators must reach both outcomes, or half the property checks nothing.
        Statistics.coverage(coverage -> coverage.check("accepted").percentage(p -> p >= 5));
    }

    private static String outcome(String contentType, String document) {
        ArticleDraft draft;
        try {
            draft = NORMALISERS.normalise(contentType, document);
        } catch (InvalidArticleException refused) {
            assertThat(refused.getMessage()).isNotBlank().hasSizeLessThan(1_000);
            assertThat(refused.field()).isNotBlank();
            return "422";
        } catch (MalformedInputException malformed) {
            assertThat(malformed.getMessage()).isNotBlank().hasSizeLessThan(1_000);
            return "400";
        }
        assertThat(ArticleRules.checkContent(new ArticleRules.Content(draft.action(), draft.guid(),
                draft.canonicalUrl(), draft.language(), draft.section(), draft.category(), draft.headline(),
                draft.byline(), draft.body(), draft.images().stream()
                .map(i -> new ArticleRules.Image(i.caption(), i.credit(), i.url())).toList(), draft.keywords())))
                .isEmpty();
        for (String text : texts(draft)) {
            assertThat(TextHygiene.isXmlLegal(text)).as("XML-legal: %s", text).isTrue();
            assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as("NFC: %s", text).isTrue();
            assertThat(text).as("trimmed").isEqualTo(text.strip());
            assertThat(text).as("one line").doesNotContain("\n", "\r", "\t");
        }
        return "accepted";
    }

    private static List<String> texts(ArticleDraft draft) {
        List<String> texts = new ArrayList<>();
        Stream.of(draft.guid(), draft.canonicalUrl(), draft.language(), draft.section(), draft.category(),
                draft.headline(), draft.byline()).filter(t -> t != null).forEach(texts::add);
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
}
