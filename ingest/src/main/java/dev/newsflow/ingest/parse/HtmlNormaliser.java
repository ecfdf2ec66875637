package dev.newsflow.ingest.parse;

import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.DraftImage;
import dev.newsflow.ingest.text.TextHygiene;
import dev.newsflow.schema.SourceFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reads a publisher's article page with jsoup. Headline from the article's {@code h1}, else
 * {@code og:title}, else {@code <title>}; published time from {@code article:published_time} or
 * a {@code <time datetime>}; byline from author metadata or a byline element; main text from the
 * article container (the {@code <article>}, {@code <main>} or {@code articleBody} with the most
 * paragraph text) after navigation, related links, comments, share widgets and other page chrome
 * are removed; {@code figure}/{@code figcaption} become image blocks (caption + credit as printed).
 * The extraction is measured by {@code MainTextScorer} against expected text.
 */
public final class HtmlNormaliser implements ArticleNormaliser {
    /** Class or id words that mark page chrome rather than the story. */
    private static final Pattern NOISE = Pattern.compile(
            "(?i)(?:^|[\\s_-])(?:share|sharing|social|related|comments?|disqus|newsletter|promo|advert\\w*|ads?|"
                    + "cookie\\w*|breadcrumbs?|menu|nav\\w*|footer|sidebar|subscribe|subscription|recommend\\w*|"
                    + "more-stories|most-read|popular|tags|paywall|outbrain|taboola|sponsored|print)(?:$|[\\s_-])");
    /** Never the story. Not {@code form}: ASP.NET pages wrap the whole page, story included, in one. */
    private static final String REMOVED_TAGS = "script, style, noscript, template, nav, footer, "
            + "aside, iframe, button, input, select, textarea, svg, dialog, [role=navigation], [role=complementary], "
            + "[aria-hidden=true]";
    private static final String PARAGRAPHS = "p, h2, h3, h4, blockquote, li";
    private static final double MAX_LINK_DENSITY = 0.5;
    private static final double INNER_SHARE = 0.6;
    /** In the text-block fallback, shorter blocks are menus, datelines and widgets. */
    private static final int MIN_BLOCK_WORDS = 10;
    private static final char BLOCK_BREAK = '\u2029';
    private static final Pattern TITLE_SUFFIX = Pattern.compile("^(.{12,}?)\\s+[|–—-]\\s+[^|–—]{2,40}$");

    @Override
    public ArticleDraft normalise(String document) {
        Document page = Jsoup.parse(document == null ? "" : document);
        Map<String, String> metas = metaTags(page);
        LinkedData linked = LinkedData.read(page);
        ArticleDraft.Builder draft = ArticleDraft.builder(SourceFormat.HTML);
        String canonical = firstNonNull(attr(page, "link[rel=canonical]", "href"), meta(metas, "og:url"), linked.url());
        draft.canonicalUrl(canonical == null || !canonical.startsWith("http") ? null : canonical);
        draft.language(firstNonNull(TextHygiene.cleanOrNull(page.select("html[lang]").attr("lang")), linked.language()));
        draft.section(firstNonNull(meta(metas, "article:section"), linked.section()));
        draft.keywords(keywords(page, metas));
        draft.publishedAt(firstNonNull(publishedAt(page, metas), linked.datePublished()));
        draft.byline(firstNonNull(byline(page, metas), linked.author()));
        draft.guid(meta(metas, "newsflow:guid"));

        StoryRegion region = storyRegion(page);
        String headline = headline(page, metas, region.outer());
        // A page whose only headline is a <title> with the site's name is better served by its JSON-LD.
        if (linked.headline() != null && page.selectFirst("h1") == null && meta(metas, "og:title") == null) {
            headline = linked.headline();
        }
        draft.headline(headline);
        draft.images(images(region.outer(), canonical));
        draft.body(paragraphs(region.text()));
        return draft.build();
    }

    private static String headline(Document page, Map<String, String> metas, Element container) {
        Element h1 = container.selectFirst("h1");
        if (h1 == null) {
            h1 = page.selectFirst("h1");
        }
        String fromH1 = h1 == null ? null : TextHygiene.cleanOrNull(h1.text());
        return firstNonNull(fromH1, withoutSiteName(meta(metas, "og:title")),
                withoutSiteName(TextHygiene.cleanOrNull(page.title())));
    }

    /** "Harbour crane collapses — Port News" → "Harbour crane collapses": titles carry the site's name. */
    private static String withoutSiteName(String title) {
        if (title == null) {
            return null;
        }
        var matcher = TITLE_SUFFIX.matcher(title);
        return matcher.matches() ? matcher.group(1).strip() : title;
    }

    /**
     * Where the story is: {@code outer} holds it with its lead image and headline, {@code text}
     * (the same or an element inside) holds its paragraphs.
     */
    record StoryRegion(Element outer, Element text) {
    }

    /** Finds the story after chrome is removed from the page. */
    static StoryRegion storyRegion(Document page) {
        Element body = page.body();
        body.select(REMOVED_TAGS).remove();
        // A site header holds the logo and menu; an article's own header holds its headline.
        body.select("header").stream().filter(h -> h.closest("article") == null && h.selectFirst("h1") == null)
                .toList().forEach(Element::remove);
        List<Element> noisy = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            if (element != body && isNoise(element)) {
                noisy.add(element);
            }
        }
        noisy.forEach(Element::remove);
        List<Element> candidates = new ArrayList<>(body.select("[itemprop=articleBody], article, main, [role=main]"));
        if (candidates.isEmpty()) {
            // No semantic container: the element whose own paragraphs hold the most text.
            for (Element paragraph : body.select("p")) {
                if (paragraph.parent() != null && !candidates.contains(paragraph.parent())) {
                    candidates.add(paragraph.parent());
                }
            }
        }
        Element outer = candidates.stream().max(Comparator.comparingInt(HtmlNormaliser::paragraphText)).orElse(body);
        // <main> often holds the story plus more; an inner candidate with most of its text is the story.
        Element text = outer;
        for (Element inner : candidates) {
            if (inner != text && inner.parents().contains(text)
                    && paragraphText(inner) >= INNER_SHARE * paragraphText(text)) {
                text = inner;
            }
        }
        return new StoryRegion(outer, text);
    }

    private static boolean isNoise(Element element) {
        String tag = element.tagName();
        // An <article> can be noise too: some sites mark up each reader comment as one.
        if (tag.equals("main") || tag.equals("body") || tag.equals("html")) {
            return false;
        }
        String marks = element.className() + " " + element.id();
        // The cheap class/id test first; the subtree search for a headline only for suspects.
        return !marks.isBlank() && NOISE.matcher(marks).find() && element.selectFirst("h1") == null;
    }

    private static int paragraphText(Element element) {
        return element.select("p").stream().mapToInt(p -> p.text().length()).sum();
    }

    private static List<String> paragraphs(Element container) {
        List<String> paragraphs = new ArrayList<>();
        for (Element block : container.select(PARAGRAPHS)) {
            if (block.closest("figure") != null || hasBlockInside(block) || block.tagName().equals("h1")) {
                continue;
            }
            String text = TextHygiene.cleanOrNull(block.text());
            if (text == null || SiteChrome.isChrome(text) || linkDensity(block, text) > MAX_LINK_DENSITY) {
                continue;
            }
            if (block.tagName().equals("li") && block.closest("article, main, [itemprop=articleBody]") == null) {
                continue;
            }
            paragraphs.add(text);
        }
        return paragraphs.isEmpty() ? textBlocks(container) : paragraphs;
    }

    /**
     * For pages without paragraph markup (text separated by {@code <br><br>} in table cells):
     * the text between block boundaries and double line breaks, keeping only blocks long enough
     * to be prose.
     */
    private static List<String> textBlocks(Element container) {
        Element copy = container.clone();
        copy.select("figure, a").remove();
        for (Element br : copy.select("br")) {
            br.before(String.valueOf(BLOCK_BREAK));
        }
        for (Element block : copy.select("p, div, td, th, li, h1, h2, h3, h4, h5, h6, table, tr, blockquote, section")) {
            block.prepend(String.valueOf(BLOCK_BREAK));
            block.append(String.valueOf(BLOCK_BREAK));
        }
        List<String> blocks = new ArrayList<>();
        for (String raw : copy.wholeText().split(String.valueOf(BLOCK_BREAK))) {
            String text = TextHygiene.cleanOrNull(raw);
            if (text != null && text.split(" ").length >= MIN_BLOCK_WORDS && !SiteChrome.isChrome(text)) {
                blocks.add(text);
            }
        }
        return blocks;
    }

    private static boolean hasBlockInside(Element block) {
        return block.select(PARAGRAPHS).stream().anyMatch(inner -> inner != block);
    }

    private static double linkDensity(Element block, String text) {
        int linked = block.select("a").stream().mapToInt(a -> a.text().length()).sum();
        return text.isEmpty() ? 0 : (double) linked / text.length();
    }

    private static List<DraftImage> images(Element container, String baseUrl) {
        List<DraftImage> images = new ArrayList<>();
        for (Element figure : container.select("figure")) {
            Element caption = figure.selectFirst("figcaption");
            Element image = figure.selectFirst("img[src]");
            String url = image == null ? null : absolute(image, baseUrl);
            String captionText = null;
            String credit = null;
            if (caption != null) {
                Elements creditElements = caption.select("[class~=(?i)credit|copyright|source|byline], small, cite");
                if (!creditElements.isEmpty()) {
                    credit = TextHygiene.cleanOrNull(creditElements.text());
                    Element copy = caption.clone();
                    copy.select("[class~=(?i)credit|copyright|source|byline], small, cite").remove();
                    captionText = TextHygiene.cleanOrNull(copy.text());
                } else {
                    String text = TextHygiene.clean(caption.text());
                    var split = CreditLine.split(text);
                    captionText = split.map(CreditLine.Split::caption).orElse(text);
                    credit = split.map(CreditLine.Split::credit).orElse(null);
                }
            }
            if (captionText == null && image != null) {
                captionText = TextHygiene.cleanOrNull(image.attr("alt"));
            }
            if (captionText != null || credit != null || url != null) {
                images.add(new DraftImage(captionText == null ? "" : captionText, credit, url));
            }
        }
        return images;
    }

    private static String absolute(Element image, String baseUrl) {
        String absolute = image.absUrl("src");
        if (!absolute.isEmpty()) {
            return absolute;
        }
        String src = image.attr("src");
        if (baseUrl != null && !src.isBlank()) {
            try {
                return java.net.URI.create(baseUrl).resolve(src.strip()).toString();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return src.startsWith("http") ? src : null;
    }

    private static Instant publishedAt(Document page, Map<String, String> metas) {
        List<String> candidates = new ArrayList<>();
        candidates.add(meta(metas, "article:published_time"));
        candidates.add(firstNonNull(meta(metas, "pubdate"), meta(metas, "publish-date"), meta(metas, "date"),
                meta(metas, "dc.date")));
        candidates.add(attr(page, "time[datetime]", "datetime"));
        for (String candidate : candidates) {
            if (candidate == null) {
                continue;
            }
            try {
                return OffsetDateTime.parse(candidate.strip()).toInstant();
            } catch (DateTimeParseException e) {
                // A page's dates are advisory: an unreadable one is skipped, not an error.
            }
        }
        return null;
    }

    private static String byline(Document page, Map<String, String> metas) {
        String author = meta(metas, "author");
        if (author != null) {
            return author;
        }
        Element byline = page.selectFirst("[rel=author], [itemprop=author], .byline, .author, [class~=(?i)byline]");
        if (byline == null) {
            return null;
        }
        String text = TextHygiene.cleanOrNull(byline.text());
        return text == null ? null : text.replaceFirst("(?i)^by\\s+", "");
    }

    private static List<String> keywords(Document page, Map<String, String> metas) {
        Set<String> keywords = new LinkedHashSet<>();
        String list = firstNonNull(meta(metas, "keywords"), meta(metas, "news_keywords"));
        if (list != null) {
            for (String keyword : list.split(",")) {
                String clean = TextHygiene.cleanOrNull(keyword);
                if (clean != null) {
                    keywords.add(clean);
                }
            }
        }
        for (Element tag : page.select("meta[property=article:tag]")) {
            String clean = TextHygiene.cleanOrNull(tag.attr("content"));
            if (clean != null) {
                keywords.add(clean);
            }
        }
        return new ArrayList<>(keywords);
    }

    /**
     * Every {@code <meta property|name=… content=…>} of the page, by lower-cased key, first one winning:
     * read once, because a CSS query per field costs more than parsing the page.
     */
    private static Map<String, String> metaTags(Document page) {
        Map<String, String> metas = new HashMap<>();
        for (Element meta : page.getElementsByTag("meta")) {
            String content = TextHygiene.cleanOrNull(meta.attr("content"));
            if (content == null) {
                continue;
            }
            for (String key : List.of(meta.attr("property"), meta.attr("name"))) {
                if (!key.isBlank()) {
                    metas.putIfAbsent(key.strip().toLowerCase(Locale.ROOT), content);
                }
            }
        }
        return metas;
    }

    private static String meta(Map<String, String> metas, String key) {
        return metas.get(key);
    }

    private static String attr(Document page, String selector, String attribute) {
        Element element = page.selectFirst(selector);
        return element == null ? null : TextHygiene.cleanOrNull(element.attr(attribute));
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
