package dev.newsflow.enrich.cleanup;

import static dev.newsflow.enrich.Articles.CAPTION;
import static dev.newsflow.enrich.Articles.CREDIT;
import static dev.newsflow.enrich.Articles.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.newsflow.enrich.Articles;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.Image;
import dev.newsflow.schema.Removal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleCleanerTest {
    private final ArticleCleaner cleaner = new ArticleCleaner(0.8);

    @Test
    void seedShapedArticleComesOutWithOneCreditedImageAndNoChrome() {
        ArticleCleaner.Result result = cleaner.clean(Articles.seedShaped("a-1", 1));

        assertThat(result.images()).extracting(Image::getCaption, Image::getCreditline, Image::getBy, Image::getRawCredit)
                .containsExactly(tuple(CAPTION, "EPA", "Marta Fonseca", CREDIT));
        assertThat(result.body()).containsExactlyElementsOf(Articles.BODY);
        assertThat(result.removals()).extracting(Removal::getKind, Removal::getText).containsExactly(
                tuple(ArticleCleaner.CHROME, Articles.SHARE_WIDGET),
                tuple(ArticleCleaner.CHROME, Articles.FOOTER),
                tuple(ArticleCleaner.DUPLICATE_CAPTION, CAPTION + " " + CREDIT));
        assertThat(result.removals()).allSatisfy(r -> assertThat(r.getReason()).isNotBlank());
    }

    @Test
    void captionPrintedThreeTimesIsKeptOnce() {
        ArticleCleaner.Result result = cleaner.clean(withImages(image(CAPTION, CREDIT), image(CAPTION, CREDIT),
                image(CAPTION, CREDIT)));

        assertThat(result.images()).hasSize(1);
        assertThat(result.removals()).filteredOn(r -> r.getKind().equals(ArticleCleaner.DUPLICATE_CAPTION))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.getReason()).contains("identical after normalisation"));
    }

    @Test
    void captionsDifferingOnlyInWhitespaceCaseAndQuotesAreOneCaption() {
        String spaced = "  " + CAPTION.replace(" ", "  \u00A0").replace("\u2019", "'") + "\n";
        ArticleCleaner.Result result = cleaner.clean(withImages(image(CAPTION, CREDIT), image(spaced, CREDIT),
                image(CAPTION.toLowerCase(), " Photo:  EPA /Marta Fonseca ")));

        assertThat(result.images()).extracting(Image::getCaption).containsExactly(CAPTION);
    }

    @Test
    void nearDuplicateCaptionIsRemovedWithItsSimilarityInTheReport() {
        String reworded = CAPTION.replace("3 March 2026", "March 3, 2026").replace("shake hands", "shake hands warmly");
        ArticleCleaner.Result result = cleaner.clean(withImages(image(CAPTION, CREDIT), image(reworded, CREDIT)));

        assertThat(result.images()).hasSize(1);
        assertThat(result.removals()).singleElement().satisfies(r -> {
            assertThat(r.getKind()).isEqualTo(ArticleCleaner.DUPLICATE_CAPTION);
            assertThat(r.getReason()).contains("near-duplicate (token-set similarity 0.9");
        });
    }

    @Test
    void differentCaptionsAreBothKept() {
        String other = "Spain\u2019s President Tomas Ibarra arrives for the signing ceremony in Lisbon, 3 March 2026.";
        ArticleCleaner.Result result = cleaner.clean(withImages(image(CAPTION, CREDIT), image(other, "Reuters")));

        assertThat(result.images()).extracting(Image::getCaption, Image::getCreditline)
                .containsExactly(tuple(CAPTION, "EPA"), tuple(other, "Reuters"));
        assertThat(result.removals()).isEmpty();
    }

    @Test
    void keepsTheFirstCopyWithTheFullestCredit() {
        ArticleCleaner.Result result = cleaner.clean(withImages(image(CAPTION, null), image(CAPTION, "EPA"),
                image(CAPTION, CREDIT), image(CAPTION, "Photo: EPA / Someone Else")));

        assertThat(result.images()).singleElement().satisfies(i -> {
            assertThat(i.getCreditline()).isEqualTo("EPA");
            assertThat(i.getBy()).isEqualTo("Marta Fonseca");
        });
        assertThat(result.removals()).extracting(Removal::getReason).containsExactly(
                "same caption as image 1: identical after normalisation; a later copy has the fuller credit",
                "same caption as image 1: identical after normalisation; a later copy has the fuller credit",
                "same caption as image 1: identical after normalisation");
    }

    @Test
    void creditPrintedInsideTheCaptionIsSplitOff() {
        ArticleCleaner.Result result = cleaner.clean(withImages(image(CAPTION + " " + CREDIT, null),
                image(CAPTION, CREDIT)));

        assertThat(result.images()).extracting(Image::getCaption, Image::getCreditline, Image::getBy)
                .containsExactly(tuple(CAPTION, "EPA", "Marta Fonseca"));
    }

    @Test
    void captionScrapedIntoTheBodyIsMovedToAnImageAndRemovedFromTheBody() {
        List<String> body = new ArrayList<>();
        body.add(CAPTION + " " + CREDIT);
        body.add(CAPTION + " " + CREDIT);
        body.addAll(Articles.BODY);
        ArticleSubmitted article = Articles.builder("a-1", 1).setBody(body).build();

        ArticleCleaner.Result result = cleaner.clean(article);

        assertThat(result.images()).extracting(Image::getCaption, Image::getCreditline, Image::getBy)
                .containsExactly(tuple(CAPTION, "EPA", "Marta Fonseca"));
        assertThat(result.body()).containsExactlyElementsOf(Articles.BODY);
        assertThat(result.removals()).extracting(Removal::getKind).containsExactly(
                ArticleCleaner.CAPTION_IN_BODY, ArticleCleaner.CAPTION_IN_BODY, ArticleCleaner.DUPLICATE_CAPTION);
    }

    @Test
    void captionFollowedByABareCreditLineInTheBodyBecomesAnImage() {
        List<String> body = new ArrayList<>(List.of(CAPTION, CREDIT));
        body.addAll(Articles.BODY);
        ArticleCleaner.Result result = cleaner.clean(Articles.builder("a-1", 1).setBody(body).build());

        assertThat(result.images()).extracting(Image::getCaption, Image::getCreditline)
                .containsExactly(tuple(CAPTION, "EPA"));
        assertThat(result.body()).containsExactlyElementsOf(Articles.BODY);
    }

    @Test
    void captionRepeatedAsABodyParagraphWithoutCreditIsRemovedFromTheBody() {
        List<String> body = new ArrayList<>(Articles.BODY);
        body.add(1, CAPTION);
        ArticleCleaner.Result result = cleaner.clean(Articles.builder("a-1", 1).setBody(body)
                .setImages(List.of(image(CAPTION, CREDIT))).build());

        assertThat(result.body()).containsExactlyElementsOf(Articles.BODY);
        assertThat(result.removals()).singleElement().satisfies(r -> {
            assertThat(r.getKind()).isEqualTo(ArticleCleaner.CAPTION_IN_BODY);
            assertThat(r.getReason()).startsWith("repeats the caption of image 1");
        });
    }

    @Test
    void repeatedParagraphsAndBlankOnesAreDropped() {
        List<String> body = new ArrayList<>(Articles.BODY);
        body.add(2, Articles.BODY.get(1));
        body.add(" \u00A0 ");
        ArticleCleaner.Result result = cleaner.clean(Articles.builder("a-1", 1).setBody(body).build());

        assertThat(result.body()).containsExactlyElementsOf(Articles.BODY);
        assertThat(result.removals()).extracting(Removal::getKind)
                .containsExactlyInAnyOrder(ArticleCleaner.DUPLICATE_PARAGRAPH, ArticleCleaner.EMPTY_PARAGRAPH);
    }

    @Test
    void widgetTextGluedToTheLastParagraphIsCutOffAndReported() {
        List<String> body = new ArrayList<>(Articles.BODY);
        body.set(body.size() - 1, body.get(body.size() - 1) + "shareprint");
        ArticleCleaner.Result result = cleaner.clean(Articles.builder("a-1", 1).setBody(body).build());

        assertThat(result.body()).containsExactlyElementsOf(Articles.BODY);
        assertThat(result.removals()).extracting(Removal::getKind, Removal::getText)
                .containsExactly(tuple(ArticleCleaner.CHROME, "shareprint"));
    }

    @Test
    void headlineAndBylineRepeatedInTheBodyAreDropped() {
        ArticleSubmitted.Builder builder = Articles.builder("a-1", 1).setByline("Ana Costa");
        List<String> body = new ArrayList<>();
        body.add(builder.getHeadline().toUpperCase());
        body.add("By Ana Costa");
        body.addAll(Articles.BODY);
        ArticleCleaner.Result result = cleaner.clean(builder.setBody(body).build());

        assertThat(result.body()).containsExactlyElementsOf(Articles.BODY);
        assertThat(result.removals()).extracting(Removal::getKind)
                .containsExactly(ArticleCleaner.HEADLINE_IN_BODY, ArticleCleaner.BYLINE_IN_BODY);
    }

    @Test
    void cleanArticleIsLeftAsItIs() {
        ArticleCleaner.Result result = cleaner.clean(withImages(image(CAPTION, CREDIT)));
        assertThat(result.removals()).isEmpty();
        assertThat(result.body()).containsExactlyElementsOf(Articles.BODY);
    }

    private static ArticleSubmitted withImages(dev.newsflow.schema.SubmittedImage... images) {
        return Articles.builder("a-1", 1).setImages(List.of(images)).build();
    }
}
