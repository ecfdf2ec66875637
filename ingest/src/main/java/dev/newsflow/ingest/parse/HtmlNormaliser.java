package dev.newsflow.ingest.parse;

import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.DraftImage;
import dev.newsflow.ingest.text.TextHygiene;
import dev.newsflow.platform.article.ArticleRules;
import dev.newsflow.schema.SourceFormat;
import dev.newsflow.text.ChromeFilter;
import dev.newsflow.text.CreditLine;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * Reads a publisher's article page with jsoup. Headline from the article's {@code h1}, else
 * {@code og:title}, else {@code <title>}; published time from {@code article:published_time} or
 * a {@code <time datetime>}; byline from author metadata or a byline element; main text from the
 * article container (the {@code <article>}, {@code <main>} or {@code articleBody} with the most
 * paragraph text) after navigation, related links, comments, share widgets and other page chrome
 * are removed; {@code figure}/{@code figcaption} become image blocks (caption + credit as printed).
 * Page chrome is recognised with the one list ingest and enrich share ({@link ChromeFilter}). The extraction is
 * scored against expected text (token-overlap F1, {@code dev.newsflow.ingest.quality.TokenOverlapScore}) by
 * {@code MainTextScoreTest} on the fixture pages.
 *
 * <p>Every step is linear in the size of the page: facts that depend on ancestors or descendants come from an
 * {@link ElementIndex} built in one walk, never from a search per element. Pages nested deeper than
 * {@link HtmlLimits#maxDepth()} are refused, and reading stops when the time budget is spent (both a 422).
 */
public final class HtmlNormaliser implements ArticleNormaliser {
    /** Site chrome, from the one list ingest and enrich share. */
    private static final ChromeFilter CHROME = new ChromeFilter();
    /** Class or id words that mark page chrome rather than the story. */
    private static final Pattern NOISE = Pattern.compile(
            "(?i)(?:^|[\\s_-])(?:share|sharing|social|related|comments?|disqus|newsletter|promo|advert\\w*|ads?|"
                    + "cookie\\w*|breadcrumbs?|menu|nav\\w*|footer|sidebar|subscribe|subscription|recommend\\w*|"
                    + "more-stories|most-read|popular|tags|paywall|outbrain|taboola|sponsored|print)(?:$|[\\s_-])");
    /** Never the story. Not {@code form}: ASP.NET pages wrap the whole page, story included, in one. */
    private static final String REMOVED_TAGS = "script, style, noscript, template, nav, footer, "
            + "aside, iframe, button, input, select, textarea, svg, dialog, [role=navigation], [role=complementary], "
            + "[aria-hidden=true]";
    private static final Evaluator REMOVED = QueryParser.parse(REMOVED_TAGS);
    private static final Evaluator STORY_CONTAINER = QueryParser.parse("[itemprop=articleBody], article, main, [role=main]");
    private static final Evaluator STORY_CONTAINER_OR_ARTICLE = QueryParser.parse("article, main, [itemprop=articleBody]");
    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "h2", "h3", "h4", "blockquote", "li");
    /** Where the text-block fallback breaks text. */
    private static final Set<String> TEXT_BLOCK_TAGS = Set.of("p", "div", "td", "th", "li", "h1", "h2", "h3", "h4",
            "h5", "h6", "table", "tr", "blockquote", "section");
    private static final String CREDIT_ELEMENTS = "[class~=(?i)credit|copyright|source|byline], small, cite";
    private static final double MAX_LINK_DENSITY = 0.5;
    private static final double INNER_SHARE = 0.6;
    /** In the text-block fallback, shorter blocks are menus, datelines and widgets. */
    private static final int MIN_BLOCK_WORDS = 10;
    private static final char BLOCK_BREAK = '\u2029';
    private static final Pattern TITLE_SUFFIX = Pattern.compile("^(.{12,}?)\\s+[|–—-]\\s+[^|–—]{2,40}$");

    private final HtmlLimits limits;
    private final LongSupplier nanoClock;

    public HtmlNormaliser() {
        this(HtmlLimits.DEFAULTS);
    }

    /** With these limits, the time budget counted in CPU time of the thread reading the page. */
    public HtmlNormaliser(HtmlLimits limits) {
        this(limits, PageBudget.threadCpuClock());
    }

    /** With the limits of one document and the clock (in nanoseconds) its time budget is read from. */
    public HtmlNormaliser(HtmlLimits limits, LongSupplier nanoClock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    @Override
    public ArticleDraft normalise(String document) {
        PageBudget budget = new PageBudget(limits, nanoClock);
        Document page = Jsoup.parse(document == null ? "" : document);
        budget.checkDepth(page);
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

        StoryRegion region = storyRegion(page, budget);
        String headline = headline(page, metas, region.outer());
        // A page whose only headline is a <title> with the site's name is better served by its JSON-LD.
        if (linked.headline() != null && page.selectFirst("h1") == null && meta(metas, "og:title") == null) {
            headline = linked.headline();
        }
        draft.headline(headline);
        draft.images(images(page, region, canonical, budget));
        draft.body(paragraphs(region, budget));
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
     * (the same or an element inside) holds its paragraphs; {@code index} is the page after chrome was removed.
     */
    record StoryRegion(Element outer, Element text, ElementIndex index) {
    }

    /** Finds the story after chrome is removed from the page. */
    static StoryRegion storyRegion(Document page, PageBudget budget) {
        Element body = page.body();
        removeChrome(body, budget);
        ElementIndex index = ElementIndex.of(body, budget);
        long[] paragraphText = paragraphText(index, budget);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < index.size(); i++) {
            if (STORY_CONTAINER.matches(body, index.element(i))) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            // No semantic container: the element whose own paragraphs hold the most text.
            Set<Integer> parents = new LinkedHashSet<>();
            for (int i = 0; i < index.size(); i++) {
                if (index.element(i).nameIs("p") && index.parent(i) >= 0) {
                    parents.add(index.parent(i));
                }
            }
            candidates.addAll(parents);
        }
        int outer = 0;
        if (!candidates.isEmpty()) {
            outer = candidates.get(0);
            for (int candidate : candidates) {
                if (paragraphText[candidate] > paragraphText[outer]) {
                    outer = candidate;
                }
            }
        }
        // <main> often holds the story plus more; an inner candidate with most of its text is the story.
        int text = outer;
        for (int inner : candidates) {
            if (inner != text && index.isStrictlyInside(inner, text)
                    && paragraphText[inner] >= INNER_SHARE * paragraphText[text]) {
                text = inner;
            }
        }
        return new StoryRegion(index.element(outer), index.element(text), index);
    }

    /**
     * Removes what is never the story: the tags in {@link #REMOVED_TAGS}, a site header (outside any article and
     * without the headline), and elements whose class or id marks them as chrome (unless they hold an h1). Each is
     * decided from per-element facts gathered in two sweeps, then removed once; the same rules applied by searching
     * the page for each element cost time quadratic in its depth.
     */
    private static void removeChrome(Element body, PageBudget budget) {
        ElementIndex index = ElementIndex.of(body, budget);
        boolean[] removedTag = index.selfOrAncestor(element -> {
            budget.tick();
            return REMOVED.matches(body, element);
        });
        // The h1s that survive the tag removal, per subtree: a header or a noisy box holding one is kept.
        int[] headlines = new int[index.size()];
        for (int i = index.size() - 1; i >= 0; i--) {
            if (removedTag[i]) {
                continue;
            }
            if (index.element(i).nameIs("h1")) {
                headlines[i]++;
            }
            if (index.parent(i) >= 0) {
                headlines[index.parent(i)] += headlines[i];
            }
        }
        boolean[] inArticle = index.selfOrAncestor(element -> element.nameIs("article"));
        boolean[] removed = new boolean[index.size()];
        List<Element> topmost = new ArrayList<>();
        for (int i = 0; i < index.size(); i++) {
            budget.tick();
            boolean above = index.parent(i) >= 0 && removed[index.parent(i)];
            Element element = index.element(i);
            boolean siteHeader = element.nameIs("header") && !inArticle[i] && headlines[i] == 0;
            boolean noisy = i > 0 && headlines[i] == 0 && isNoise(element);
            removed[i] = above || removedTag[i] || siteHeader || noisy;
            if (removed[i] && !above) {
                topmost.add(element);
            }
        }
        HtmlRemoval.removeAll(topmost);
    }

    private static boolean isNoise(Element element) {
        String tag = element.tagName();
        // An <article> can be noise too: some sites mark up each reader comment as one.
        if (tag.equals("main") || tag.equals("body") || tag.equals("html")) {
            return false;
        }
        String marks = element.className() + " " + element.id();
        return !marks.isBlank() && NOISE.matcher(marks).find();
    }

    /**
     * For each element: the length of the text of the paragraphs in its subtree (as jsoup's {@code text()}
     * counts it). A paragraph's text is read once; a paragraph nested in another (possible in quirks-mode
     * tables) is counted by its text nodes only, so no text is read more than once.
     */
    private static long[] paragraphText(ElementIndex index, PageBudget budget) {
        int[] paragraphs = index.countInSubtree(element -> element.nameIs("p"));
        long[] lengths = new long[index.size()];
        for (int i = index.size() - 1; i >= 0; i--) {
            Element element = index.element(i);
            if (element.nameIs("p")) {
                budget.tick();
                lengths[i] += paragraphs[i] == 1 ? element.text().length() : ownTextLength(element);
            }
            if (index.parent(i) >= 0) {
                lengths[index.parent(i)] += lengths[i];
            }
        }
        return lengths;
    }

    private static int ownTextLength(Element element) {
        int length = 0;
        for (TextNode node : element.textNodes()) {
            length += node.text().length();
        }
        return length;
    }

    private static List<String> paragraphs(StoryRegion region, PageBudget budget) {
        ElementIndex index = region.index();
        int container = index.indexOf(region.text());
        boolean[] inFigure = index.selfOrAncestor(element -> element.nameIs("figure"));
        boolean[] inStory = index.selfOrAncestor(element -> STORY_CONTAINER_OR_ARTICLE.matches(element, element));
        int[] blocks = index.countInSubtree(HtmlNormaliser::isParagraphBlock);
        List<String> paragraphs = new ArrayList<>();
        for (int i = container; i <= index.subtreeEnd(container); i++) {
            budget.tick();
            Element block = index.element(i);
            // Nested blocks (a <p> inside <li> or <blockquote>) are read once, at the innermost level.
            if (!isParagraphBlock(block) || inFigure[i] || blocks[i] > 1) {
                continue;
            }
            String text = TextHygiene.cleanOrNull(block.text());
            if (text == null || CHROME.isChrome(text) || linkDensity(block, text) > MAX_LINK_DENSITY) {
                continue;
            }
            if (block.nameIs("li") && !inStory[i]) {
                continue;
            }
            paragraphs.add(text);
        }
        return paragraphs.isEmpty() ? textBlocks(region.text(), budget) : paragraphs;
    }

    private static boolean isParagraphBlock(Element element) {
        return PARAGRAPH_TAGS.contains(element.normalName());
    }

    /**
     * For pages without paragraph markup (text separated by {@code <br><br>} in table cells):
     * the text between block boundaries and double line breaks, keeping only blocks long enough
     * to be prose. Figures and links are left out. One walk, the page untouched.
     */
    private static List<String> textBlocks(Element container, PageBudget budget) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                budget.tick();
                if (node instanceof TextNode textNode) {
                    text.append(textNode.getWholeText());
                } else if (node instanceof Element element) {
                    if (depth > 0 && (element.nameIs("figure") || element.nameIs("a"))) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (element.nameIs("br")) {
                        text.append(BLOCK_BREAK).append('\n');
                    } else if (TEXT_BLOCK_TAGS.contains(element.normalName())) {
                        text.append(BLOCK_BREAK);
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element && TEXT_BLOCK_TAGS.contains(element.normalName())) {
                    text.append(BLOCK_BREAK);
                }
                return FilterResult.CONTINUE;
            }
        }, container);
        List<String> blocks = new ArrayList<>();
        for (String raw : text.toString().split(String.valueOf(BLOCK_BREAK))) {
            budget.tick();
            String clean = TextHygiene.cleanOrNull(raw);
            if (clean != null && clean.split(" ").length >= MIN_BLOCK_WORDS && !CHROME.isChrome(clean)) {
                blocks.add(clean);
            }
        }
        return blocks;
    }

    private static double linkDensity(Element block, String text) {
        int linked = block.select("a").stream().mapToInt(a -> a.text().length()).sum();
        return text.isEmpty() ? 0 : (double) linked / text.length();
    }

    /**
     * Each {@code figure} in the story with its first {@code figcaption} and first {@code img[src]}. A caption
     * that itself holds figures or captions is markup gone wrong, not a caption; leaving it out keeps every
     * caption's text read once.
     */
    private static List<DraftImage> images(Document page, StoryRegion region, String canonicalUrl, PageBudget budget) {
        ImageUrls urls = new ImageUrls(page, canonicalUrl);
        ElementIndex index = region.index();
        int container = index.indexOf(region.outer());
        int[] nextCaption = index.nextMatch(element -> element.nameIs("figcaption"));
        int[] nextImage = index.nextMatch(element -> element.nameIs("img") && element.hasAttr("src"));
        int[] nested = index.countInSubtree(element -> element.nameIs("figure") || element.nameIs("figcaption"));
        Map<Integer, String[]> captions = new HashMap<>();
        List<DraftImage> images = new ArrayList<>();
        for (int i = container; i <= index.subtreeEnd(container) && images.size() < ArticleRules.MAX_IMAGES; i++) {
            budget.tick();
            if (!index.element(i).nameIs("figure")) {
                continue;
            }
            int captionAt = index.firstInside(i, nextCaption);
            int imageAt = index.firstInside(i, nextImage);
            String url = imageAt < 0 ? null : urls.resolve(index.element(imageAt));
            String[] caption = captionAt < 0 || nested[captionAt] > 1 ? new String[2]
                    : captions.computeIfAbsent(captionAt, at -> captionAndCredit(index.element(at)));
            String captionText = caption[0];
            String credit = caption[1];
            if (captionText == null && imageAt >= 0) {
                captionText = TextHygiene.cleanOrNull(index.element(imageAt).attr("alt"));
            }
            if (captionText != null || credit != null || url != null) {
                images.add(new DraftImage(captionText == null ? "" : captionText, credit, url));
            }
        }
        return images;
    }

    /** A figcaption's caption and credit, the credit from its own element or split off the text. */
    private static String[] captionAndCredit(Element caption) {
        Elements creditElements = caption.select(CREDIT_ELEMENTS);
        if (!creditElements.isEmpty()) {
            String credit = TextHygiene.cleanOrNull(creditElements.text());
            Element copy = caption.clone();
            copy.select(CREDIT_ELEMENTS).remove();
            return new String[] {TextHygiene.cleanOrNull(copy.text()), credit};
        }
        String text = TextHygiene.clean(caption.text());
        var split = CreditLine.split(text);
        return new String[] {split.map(CreditLine.Split::caption).orElse(text),
                split.map(CreditLine.Split::credit).orElse(null)};
    }

    /**
     * Resolves image sources the way a browser would, against the page's {@code <base>} or else its canonical URL.
     * Both bases are read once per page, and jsoup is asked only when it can succeed (it signals failure with an
     * exception, which costs more than the rest of reading an image).
     */
    private static final class ImageUrls {
        private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
        private final boolean pageHasBase;
        private final URI canonical;
        private final boolean canonicalGiven;

        ImageUrls(Document page, String canonicalUrl) {
            this.pageHasBase = !page.baseUri().isEmpty();
            this.canonicalGiven = canonicalUrl != null;
            URI parsed = null;
            if (canonicalUrl != null) {
                try {
                    parsed = URI.create(canonicalUrl);
                } catch (IllegalArgumentException e) {
                    // An unreadable canonical URL resolves nothing; absolute sources still count.
                }
            }
            this.canonical = parsed;
        }

        String resolve(Element image) {
            String src = image.attr("src");
            if (pageHasBase || SCHEME.matcher(src.strip()).lookingAt()) {
                String absolute = image.absUrl("src");
                if (!absolute.isEmpty()) {
                    return absolute;
                }
            }
            if (canonicalGiven && !src.isBlank()) {
                if (canonical == null) {
                    return null;
                }
                try {
                    return canonical.resolve(src.strip()).toString();
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
            return src.startsWith("http") ? src : null;
        }
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
                if (clean != null && clean.length() <= ArticleRules.MAX_KEYWORD_CHARS) {
                    keywords.add(clean);
                }
            }
        }
        for (Element tag : page.select("meta[property=article:tag]")) {
            String clean = TextHygiene.cleanOrNull(tag.attr("content"));
            if (clean != null && clean.length() <= ArticleRules.MAX_KEYWORD_CHARS) {
                keywords.add(clean);
            }
        }
        // A page's metadata is advisory: the keywords the rules allow, not a refusal of the page.
        return new ArrayList<>(keywords).subList(0, Math.min(keywords.size(), ArticleRules.MAX_KEYWORDS));
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
