package dev.newsflow.syndicate.render;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Topic;
import dev.newsflow.syndicate.state.ArticleTimes;
import dev.newsflow.syndicate.state.FeedItem;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Atom 1.0 with rel=self/next/hub links, RFC 3339 dates in UTC, Media RSS captions and credits,
 * IPTC Media Topics as categories, and killed stories as RFC 6721 {@code at:deleted-entry}.
 */
public final class AtomRenderer implements FeedRenderer {
    public static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";
    static final Namespace TOMBSTONES = Namespace.getNamespace("at", "http://purl.org/atompub/tombstones/1.0");

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public byte[] render(FeedDocument document, ItemTextCache texts) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(document.feedUrn());
        feed.setTitle(ItemContent.text(document.title()));
        feed.setUpdated(Date.from(document.updated()));
        Generator generator = new Generator();
        generator.setValue("newsflow");
        feed.setGenerator(generator);
        feed.setAuthors(List.of(person("newsflow")));
        feed.setAlternateLinks(List.of(link("alternate", document.homeUrl(), "text/html")));
        List<Link> other = new ArrayList<>();
        other.add(link("self", document.selfUrl(), "application/atom+xml"));
        document.nextUrl().ifPresent(next -> other.add(link("next", next, "application/atom+xml")));
        document.hubUrl().ifPresent(hub -> other.add(link("hub", hub, null)));
        feed.setOtherLinks(other);
        List<Entry> entries = new ArrayList<>();
        List<FeedItem> killed = new ArrayList<>();
        for (FeedItem item : document.items()) {
            if (item.killed()) {
                killed.add(item);
            } else {
                entries.add(entry(item.article(), texts.texts(item.article())));
            }
        }
        feed.setEntries(entries);
        try {
            Document xml = new WireFeedOutput().outputJDom(feed);
            Element root = xml.getRootElement();
            if (!killed.isEmpty()) {
                root.addNamespaceDeclaration(TOMBSTONES);
                for (FeedItem item : killed) {
                    Element deleted = new Element("deleted-entry", TOMBSTONES)
                            .setAttribute("ref", ItemContent.guid(item.article()))
                            .setAttribute("when", DateTimeFormatter.ISO_INSTANT.format(
                                    ArticleTimes.updated(item.article())));
                    root.addContent(deleted);
                }
            }
            return XmlDocuments.utf8(xml);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot render Atom for " + document.feedUrn(), e);
        }
    }

    private static Entry entry(EnrichedArticle article, ItemTexts texts) {
        Entry entry = new Entry();
        entry.setId(ItemContent.guid(article));
        entry.setTitle(texts.headline());
        entry.setPublished(Date.from(ArticleTimes.published(article)));
        entry.setUpdated(Date.from(ArticleTimes.updated(article)));
        ItemContent.link(article).ifPresent(url -> entry.setAlternateLinks(List.of(link("alternate", url, "text/html"))));
        texts.author().ifPresent(author -> entry.setAuthors(List.of(person(author))));
        Content summary = new Content();
        summary.setType("text");
        summary.setValue(texts.summary());
        entry.setSummary(summary);
        Content content = new Content();
        content.setType("html");
        content.setValue(texts.bodyHtml());
        entry.setContents(List.of(content));
        List<Category> categories = new ArrayList<>();
        for (Topic topic : article.getTopics()) {
            Category category = new Category();
            category.setTerm(ItemContent.text(topic.getQcode()));
            category.setLabel(ItemContent.text(topic.getLabel()));
            category.setScheme(RssRenderer.IPTC_MEDIA_TOPIC_SCHEME);
            categories.add(category);
        }
        for (String plain : new String[] {article.getSection(), article.getCategory()}) {
            String clean = ItemContent.text(plain);
            if (clean != null && !clean.isEmpty()) {
                Category category = new Category();
                category.setTerm(clean);
                categories.add(category);
            }
        }
        entry.setCategories(categories);
        List<Module> modules = new ArrayList<>();
        MediaRss.module(article).ifPresent(modules::add);
        entry.setModules(modules);
        return entry;
    }

    private static SyndPerson person(String name) {
        Person person = new Person();
        person.setName(name);
        return person;
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        if (type != null) {
            link.setType(type);
        }
        return link;
    }
}
