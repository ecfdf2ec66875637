package dev.newsflow.syndicate.render;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Topic;
import dev.newsflow.syndicate.state.ArticleTimes;
import dev.newsflow.syndicate.state.FeedItem;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Atom 1.0 with rel=self/next/hub links, RFC 3339 dates in UTC, the lead as summary and the story as content,
 * Media RSS captions and credits, IPTC Media Topics as categories, and killed stories as RFC 6721
 * {@code at:deleted-entry}.
 */
public final class AtomRenderer implements FeedRenderer {
    public static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";
    static final Namespace TOMBSTONES = Namespace.getNamespace("at", "http://purl.org/atompub/tombstones/1.0");
    static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final DateTimeFormatter NANOS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

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
        List<EnrichedArticle> live = new ArrayList<>();
        List<FeedItem> killed = new ArrayList<>();
        for (FeedItem item : document.items()) {
            if (item.killed()) {
                killed.add(item);
            } else {
                entries.add(entry(item.article(), texts.texts(item.article())));
                live.add(item.article());
            }
        }
        feed.setEntries(entries);
        try {
            Document xml = new WireFeedOutput().outputJDom(feed);
            Element root = xml.getRootElement();
            List<Element> entryElements = root.getChildren("entry", ATOM);
            if (live.stream().anyMatch(MediaRss::hasMedia)) {
                root.addNamespaceDeclaration(MediaRss.MEDIA);
            }
            Set<Instant> updatedValues = new HashSet<>();
            for (int i = 0; i < entryElements.size(); i++) {
                Element entry = entryElements.get(i);
                entry.getChild("updated", ATOM).setText(entryUpdated(live.get(i), updatedValues));
                MediaRss.append(entry, live.get(i));
            }
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

    /**
     * An entry's atom:updated: its last change to the millisecond (what the pipeline records), then six digits
     * that are the article's own, so that stories changed in the same millisecond (a bulk post, embargoes lifted
     * on the hour) do not share a value: readers order and deduplicate by it, and the W3C validator warns about
     * entries that share one. The digits come from the article id, so an entry shows the same value on every page
     * and in every render; in the rare case two entries of one document still meet, the later one moves on by a
     * nanosecond.
     */
    static String entryUpdated(EnrichedArticle article, Set<Instant> taken) {
        int own = Math.floorMod(article.getArticleId().hashCode() * 0x9E3779B9, 1_000_000);
        Instant updated = ArticleTimes.updated(article).truncatedTo(ChronoUnit.MILLIS).plusNanos(own);
        while (!taken.add(updated)) {
            updated = updated.plusNanos(1);
        }
        return NANOS.format(updated);
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
