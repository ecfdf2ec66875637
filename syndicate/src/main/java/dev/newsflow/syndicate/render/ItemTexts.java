package dev.newsflow.syndicate.render;

import dev.newsflow.schema.EnrichedArticle;
import java.util.List;
import java.util.Optional;

/**
 * The sanitised texts of one article version that the formats show: headline, author and the body as
 * escaped HTML, as plain text and as a summary. They are most of the cost of rendering an item, and
 * they depend only on the article version, so {@link ItemTextCache} keeps them between renders.
 */
public record ItemTexts(String headline, Optional<String> author, String bodyHtml, String bodyText,
                        String summary) {
    public static ItemTexts of(EnrichedArticle article) {
        List<String> paragraphs = ItemContent.paragraphs(article);
        return new ItemTexts(ItemContent.headline(article), ItemContent.author(article),
                ItemContent.bodyHtml(paragraphs), String.join("\n\n", paragraphs), ItemContent.summary(paragraphs));
    }

    /** Approximate heap size in bytes: the characters (two bytes each, to be safe) plus object overhead. */
    long weight() {
        long chars = (long) headline.length() + author.map(String::length).orElse(0) + bodyHtml.length()
                + bodyText.length() + summary.length();
        return 2 * chars + 160;
    }
}
