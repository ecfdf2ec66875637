package dev.newsflow.syndicate.render;

import com.rometools.modules.content.ContentModuleImpl;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Topic;
import dev.newsflow.syndicate.state.ArticleTimes;
import dev.newsflow.syndicate.state.FeedItem;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * RSS 2.0: the summary (the lead) in {@code description} and the whole story in {@code content:encoded}, Media
 * RSS captions and credits, {@code dc:creator} (RSS's author needs an e-mail), non-permalink GUIDs, RFC 822 dates
 * in GMT and {@code atom:link} self/next/hub links. RSS has no way to say that an item was withdrawn, so killed
 * stories are simply absent (partners who must act on kills read Atom, JSON Feed or webhooks).
 */
public final class RssRenderer implements FeedRenderer {
    public static final String CONTENT_TYPE = "application/rss+xml; charset=utf-8";
    static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    static final String IPTC_MEDIA_TOPIC_SCHEME = "http://cv.iptc.org/newscodes/mediatopic/";

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public byte[] render(FeedDocument document, ItemTextCache texts) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(ItemContent.text(document.title()));
        channel.setLink(document.homeUrl());
        channel.setDescription(ItemContent.text(document.title()));
        channel.setLastBuildDate(Date.from(document.updated()));
        channel.setGenerator("newsflow");
        List<Item> items = new ArrayList<>();
        List<EnrichedArticle> live = new ArrayList<>();
        for (FeedItem item : document.items()) {
            if (!item.killed()) {
                items.add(item(item.article(), texts.texts(item.article())));
                live.add(item.article());
            }
        }
        channel.setItems(items);
        try {
            Document xml = new WireFeedOutput().outputJDom(channel);
            Element root = xml.getRootElement();
            root.addNamespaceDeclaration(ATOM);
            Element channelElement = root.getChild("channel");
            List<Element> itemElements = channelElement.getChildren("item");
            for (int i = 0; i < itemElements.size(); i++) {
                MediaRss.append(itemElements.get(i), live.get(i));
            }
            if (live.stream().anyMatch(MediaRss::hasMedia)) {
                root.addNamespaceDeclaration(MediaRss.MEDIA);
            }
            int at = 0;
            channelElement.addContent(at++, atomLink("self", document.selfUrl(), "application/rss+xml"));
            if (document.nextUrl().isPresent()) {
                channelElement.addContent(at++, atomLink("next", document.nextUrl().get(), "application/rss+xml"));
            }
            if (document.hubUrl().isPresent()) {
                channelElement.addContent(at, atomLink("hub", document.hubUrl().get(), null));
            }
            return XmlDocuments.utf8(xml);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot render RSS for " + document.feedUrn(), e);
        }
    }

    static Element atomLink(String rel, String href, String type) {
        Element link = new Element("link", ATOM).setAttribute("href", href).setAttribute("rel", rel);
        if (type != null) {
            link.setAttribute("type", type);
        }
        return link;
    }

    private static Item item(EnrichedArticle article, ItemTexts texts) {
        Item item = new Item();
        item.setTitle(texts.headline());
        ItemContent.link(article).ifPresent(item::setLink);
        Guid guid = new Guid();
        guid.setValue(ItemContent.guid(article));
        guid.setPermaLink(false);
        item.setGuid(guid);
        item.setPubDate(Date.from(ArticleTimes.published(article)));
        Description description = new Description();
        description.setType("text/html");
        description.setValue(ItemContent.escapeHtml(texts.summary()));
        item.setDescription(description);
        item.setCategories(categories(article));
        List<Module> modules = new ArrayList<>();
        ContentModuleImpl content = new ContentModuleImpl();
        content.setEncodeds(List.of(texts.bodyHtml()));
        modules.add(content);
        texts.author().ifPresent(author -> {
            DCModuleImpl dc = new DCModuleImpl();
            dc.setCreator(author);
            modules.add(dc);
        });
        item.setModules(modules);
        return item;
    }

    private static List<Category> categories(EnrichedArticle article) {
        List<Category> categories = new ArrayList<>();
        addCategory(categories, article.getSection(), null);
        addCategory(categories, article.getCategory(), null);
        for (Topic topic : article.getTopics()) {
            addCategory(categories, topic.getLabel(), IPTC_MEDIA_TOPIC_SCHEME);
        }
        return categories;
    }

    private static void addCategory(List<Category> categories, String value, String domain) {
        String clean = ItemContent.text(value);
        if (clean == null || clean.isEmpty()) {
            return;
        }
        Category category = new Category();
        category.setValue(clean);
        category.setDomain(domain);
        categories.add(category);
    }
}
