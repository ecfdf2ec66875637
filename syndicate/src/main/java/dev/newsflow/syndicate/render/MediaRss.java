package dev.newsflow.syndicate.render;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Image;
import java.util.Optional;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * The Media RSS part of one item (RSS) or entry (Atom): one {@code media:content medium="image"} per photo, holding
 * its caption ({@code media:description}) and credits ({@code media:credit}, EBU roles). The caption stays inside
 * its {@code media:content} even when the publisher sent no image URL (the element then has no {@code url}):
 * at item level feedparser, the most used reader library, takes a {@code media:description} for the item's summary
 * or content, and partners saw the photo caption in place of the story.
 */
final class MediaRss {
    static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");
    static final String EBU_SCHEME = "urn:ebu";
    /** EBU role codes (the scheme's list, as the W3C validator checks it) for the two parts of a split credit. */
    static final String PHOTOGRAPHER = "photographer";
    static final String AGENCY = "distribution company";

    private MediaRss() {
    }

    /** Whether any image of the article gives a media element (the root then declares the namespace once). */
    static boolean hasMedia(EnrichedArticle article) {
        return article.getImages().stream().anyMatch(image -> content(image).isPresent());
    }

    /** Appends the article's images to its item or entry element. */
    static void append(Element item, EnrichedArticle article) {
        for (Image image : article.getImages()) {
            content(image).ifPresent(item::addContent);
        }
    }

    private static Optional<Element> content(Image image) {
        Element content = new Element("content", MEDIA);
        ItemContent.imageUrl(image).ifPresent(url -> content.setAttribute("url", url));
        content.setAttribute("medium", "image");
        String caption = ItemContent.text(image.getCaption());
        String by = ItemContent.text(image.getBy());
        String creditline = ItemContent.text(image.getCreditline());
        if (present(by)) {
            content.addContent(credit(PHOTOGRAPHER, by));
        }
        if (present(creditline)) {
            content.addContent(credit(AGENCY, creditline));
        }
        if (!present(by) && !present(creditline)) {
            // A credit enrich could not split: who is named (photographer, agency, owner) is unknown, so no role.
            ItemContent.credit(image).ifPresent(raw -> content.addContent(new Element("credit", MEDIA).setText(raw)));
        }
        if (present(caption)) {
            content.addContent(new Element("description", MEDIA).setAttribute("type", "plain").setText(caption));
        }
        boolean empty = content.getAttribute("url") == null && content.getChildren().isEmpty();
        return empty ? Optional.empty() : Optional.of(content);
    }

    private static Element credit(String role, String name) {
        return new Element("credit", MEDIA).setAttribute("role", role).setAttribute("scheme", EBU_SCHEME)
                .setText(name);
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
