package dev.newsflow.syndicate.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Image;
import dev.newsflow.schema.Topic;
import dev.newsflow.syndicate.state.ArticleTimes;
import dev.newsflow.syndicate.state.FeedItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * JSON Feed 1.1, with a {@code _newsflow} extension per item carrying what the core format has no
 * place for: section, category, version, images with caption/creditline/by, entities and topics.
 * JSON Feed has no way to say that an item was withdrawn, so a killed story is a tombstone item: its id, a
 * notice in place of the text (what a reader that does not know the extension shows) and
 * {@code "_newsflow": {"deleted": true, "deleted_at": …}}, as Atom's RFC 6721 {@code at:deleted-entry}.
 */
public final class JsonFeedRenderer implements FeedRenderer {
    public static final String CONTENT_TYPE = "application/feed+json; charset=utf-8";
    public static final String VERSION = "https://jsonfeed.org/version/1.1";
    public static final String EXTENSION = "_newsflow";
    /** The text of a tombstone item, for readers that show it without knowing the extension. */
    public static final String WITHDRAWN_NOTICE = "This story has been withdrawn.";

    /** Room for the envelope before the items (links, title), so its buffer is sized once. */
    private static final int ENVELOPE_BYTES = 1024;
    /** What follows the last item: the end of the items array and of the feed object. */
    private static final byte[] CLOSING = {']', '}'};

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    /**
     * Writes the envelope with a generator and each item as its cached bytes: with a shared {@link ItemTextCache}
     * a page changed by one story serialises that story only. The bytes are those of serialising the whole page
     * as one tree, since an item serialised alone is the same bytes it is inside the page. The page is assembled
     * in an array of its exact length: a page is ~1 MB for 100 stories and is rendered after every new story, and
     * a buffer copied out at the end had doubled what each rendering allocated.
     */
    @Override
    public byte[] render(FeedDocument document, ItemTextCache texts) {
        List<FeedItem> feedItems = document.items();
        byte[][] items = new byte[feedItems.size()][];
        byte[] opening = opening(document);
        int size = opening.length + Math.max(0, items.length - 1) + CLOSING.length;
        for (int i = 0; i < items.length; i++) {
            FeedItem item = feedItems.get(i);
            items[i] = texts.itemBytes(FeedFormat.JSON, item.article(), () -> itemBytes(item, texts));
            size += items[i].length;
        }
        byte[] page = new byte[size];
        System.arraycopy(opening, 0, page, 0, opening.length);
        int at = opening.length;
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                page[at++] = ',';
            }
            System.arraycopy(items[i], 0, page, at, items[i].length);
            at += items[i].length;
        }
        System.arraycopy(CLOSING, 0, page, at, CLOSING.length);
        return page;
    }

    /** The page up to its first item: the envelope's fields and the opening of its items, {@code "items":[}. */
    private byte[] opening(FeedDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ENVELOPE_BYTES);
        try (JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            // the generator must not close the object and array left open for the items
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
            json.writeStartObject();
            json.writeStringField("version", VERSION);
            json.writeStringField("title", ItemContent.text(document.title()));
            json.writeStringField("home_page_url", document.homeUrl());
            json.writeStringField("feed_url", document.selfUrl());
            if (document.nextUrl().isPresent()) {
                json.writeStringField("next_url", document.nextUrl().get());
            }
            if (document.hubUrl().isPresent()) {
                json.writeArrayFieldStart("hubs");
                json.writeStartObject();
                json.writeStringField("type", "WebSub");
                json.writeStringField("url", document.hubUrl().get());
                json.writeEndObject();
                json.writeEndArray();
            }
            json.writeArrayFieldStart("items");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render JSON Feed for " + document.feedUrn(), e);
        }
        return out.toByteArray();
    }

    private byte[] itemBytes(FeedItem item, ItemTextCache texts) {
        EnrichedArticle article = item.article();
        try {
            return mapper.writeValueAsBytes(item.killed() ? tombstone(article) : item(article, texts.textsForItemBytes(article)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON Feed item " + article.getArticleId(), e);
        }
    }

    /** One JSON Feed item (with the extension), also the payload of webhook pushes. */
    public ObjectNode item(EnrichedArticle article) {
        return item(article, ItemTexts.of(article));
    }

    /** The tombstone of a killed story, in feeds and in webhook pushes. */
    public ObjectNode tombstone(EnrichedArticle article) {
        String killedAt = rfc3339(ArticleTimes.updated(article));
        ObjectNode item = mapper.createObjectNode();
        item.put("id", ItemContent.guid(article));
        item.put("content_text", WITHDRAWN_NOTICE);
        item.put("date_modified", killedAt);
        ObjectNode extension = item.putObject(EXTENSION);
        extension.put("article_id", ItemContent.text(article.getArticleId()));
        extension.put("publisher", ItemContent.text(article.getPublisherId()));
        extension.put("version", article.getVersion());
        extension.put("deleted", true);
        extension.put("deleted_at", killedAt);
        return item;
    }

    private ObjectNode item(EnrichedArticle article, ItemTexts texts) {
        ObjectNode item = mapper.createObjectNode();
        item.put("id", ItemContent.guid(article));
        ItemContent.link(article).ifPresent(url -> item.put("url", url));
        item.put("title", texts.headline());
        item.put("content_html", texts.bodyHtml());
        item.put("content_text", texts.bodyText());
        item.put("summary", texts.summary());
        article.getImages().stream().map(ItemContent::imageUrl).flatMap(Optional::stream).findFirst()
                .ifPresent(url -> item.put("image", url));
        item.put("date_published", rfc3339(ArticleTimes.published(article)));
        item.put("date_modified", rfc3339(ArticleTimes.updated(article)));
        texts.author().ifPresent(author -> item.putArray("authors").addObject().put("name", author));
        String language = ItemContent.text(article.getLanguage());
        if (language != null && !language.isEmpty()) {
            item.put("language", language);
        }
        ArrayNode tags = mapper.createArrayNode();
        for (String tag : new String[] {article.getSection(), article.getCategory()}) {
            String clean = ItemContent.text(tag);
            if (clean != null && !clean.isEmpty()) {
                tags.add(clean);
            }
        }
        article.getTopics().forEach(topic -> tags.add(ItemContent.text(topic.getLabel())));
        if (!tags.isEmpty()) {
            item.set("tags", tags);
        }
        item.set(EXTENSION, extension(article));
        return item;
    }

    private ObjectNode extension(EnrichedArticle article) {
        ObjectNode extension = mapper.createObjectNode();
        extension.put("article_id", ItemContent.text(article.getArticleId()));
        extension.put("publisher", ItemContent.text(article.getPublisherId()));
        extension.put("version", article.getVersion());
        putText(extension, "section", article.getSection());
        putText(extension, "category", article.getCategory());
        ArrayNode images = extension.putArray("images");
        for (Image image : article.getImages()) {
            ObjectNode node = images.addObject();
            ItemContent.imageUrl(image).ifPresent(url -> node.put("url", url));
            putText(node, "caption", image.getCaption());
            putText(node, "creditline", image.getCreditline());
            putText(node, "by", image.getBy());
        }
        ArrayNode entities = extension.putArray("entities");
        for (Entity entity : article.getEntities()) {
            ObjectNode node = entities.addObject();
            putText(node, "name", entity.getName());
            node.put("type", entity.getType().name());
            putText(node, "wikidata_id", entity.getWikidataId());
            node.put("confidence", entity.getConfidence());
            node.put("salience", entity.getSalience());
        }
        ArrayNode topics = extension.putArray("topics");
        for (Topic topic : article.getTopics()) {
            ObjectNode node = topics.addObject();
            putText(node, "qcode", topic.getQcode());
            putText(node, "label", topic.getLabel());
            node.put("level", topic.getLevel());
            node.put("score", topic.getScore());
        }
        return extension;
    }

    private static void putText(ObjectNode node, String field, String value) {
        String clean = ItemContent.text(value);
        if (clean != null && !clean.isEmpty()) {
            node.put(field, clean);
        }
    }

    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
