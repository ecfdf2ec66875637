package dev.newsflow.enrich;

import dev.newsflow.platform.digest.Sha256;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.SourceFormat;
import dev.newsflow.schema.SubmittedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test articles in the shape a publisher's scraper delivers (section, headline, a photo caption
 * printed twice with its credit, body paragraphs, site chrome). Written for these tests; the
 * people, places and quotes are invented.
 */
public final class Articles {
    public static final String CAPTION = "Portugal\u2019s Prime Minister Helena Duarte and Spain\u2019s President "
            + "Tomas Ibarra shake hands after signing a water-sharing treaty for the Tagus river at the "
            + "Palacio de Sao Bento in Lisbon, Portugal, 3 March 2026.";
    public static final String CREDIT = "Photo: EPA / Marta Fonseca";
    public static final List<String> BODY = List.of(
            "Portugal and Spain signed a treaty on Tuesday that fixes how much water each country may draw "
                    + "from the Tagus during droughts, ending a dispute that has lasted two decades.",
            "The agreement creates a joint commission that will publish river flows every week and can order "
                    + "emergency releases from reservoirs on either side of the border.",
            "\u201CNo farmer in the Alentejo should again wake up to a dry canal because of a decision taken in "
                    + "another capital,\u201D Duarte said at a news conference.",
            "Environmental groups welcomed the treaty but said the minimum flows were still too low to protect "
                    + "the estuary, REUTERS reported.");
    public static final String SHARE_WIDGET = "shareprint";
    public static final String FOOTER = "Editor in chief \u2014 Joana Prata. Terms of use. Privacy policy.";

    private Articles() {
    }

    /** The seed-shaped article: the caption twice (each with its credit), body, then chrome. */
    public static ArticleSubmitted seedShaped(String articleId, int version) {
        List<String> body = new ArrayList<>(BODY);
        body.add(SHARE_WIDGET);
        body.add(FOOTER);
        return builder(articleId, version)
                .setImages(List.of(image(CAPTION, CREDIT), image(CAPTION, CREDIT)))
                .setBody(body)
                .build();
    }

    public static ArticleSubmitted.Builder builder(String articleId, int version) {
        return ArticleSubmitted.newBuilder()
                .setArticleId(articleId)
                .setPublisherId("demo-publisher")
                .setVersion(version)
                .setAction(ArticleAction.PUBLISH)
                .setSourceFormat(SourceFormat.TEXT)
                .setReceivedAt(Instant.parse("2026-03-03T10:15:30Z"))
                .setSection("News")
                .setCategory("Politics")
                .setHeadline("Portugal and Spain sign treaty to share the Tagus in droughts")
                .setBody(new ArrayList<>(BODY))
                .setImages(new ArrayList<>())
                .setContentHash("hash-" + articleId + "-" + version);
    }

    /** The article with its content hash computed over headline, body and images, like ingest does. */
    public static ArticleSubmitted withContentHash(ArticleSubmitted.Builder builder) {
        StringBuilder content = new StringBuilder(builder.getHeadline());
        builder.getBody().forEach(p -> content.append('\n').append(p));
        builder.getImages().forEach(i -> content.append('\n').append(i.getCaption()).append('|').append(i.getCredit()));
        return builder.setContentHash(Sha256.hex(content.toString())).build();
    }

    public static SubmittedImage image(String caption, String credit) {
        return SubmittedImage.newBuilder().setCaption(caption).setCredit(credit).build();
    }
}
