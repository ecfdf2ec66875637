package dev.newsflow.ingest.parse;

import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.DraftImage;
import dev.newsflow.ingest.article.DraftRemoval;
import dev.newsflow.ingest.text.Paragraphs;
import dev.newsflow.ingest.text.TextHygiene;
import dev.newsflow.platform.article.ArticleRules;
import dev.newsflow.schema.SourceFormat;
import dev.newsflow.text.ChromeFilter;
import dev.newsflow.text.CreditLine;
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
import org.jsoup.select.QueryParser;

/**
 * Reads a publisher's article page with jsoup. Headline from the article's {@code h1}, else
 * {@code og:title}, else {@code <title>}; published time from {@code article:published_time} or
 * a {@code <time datetime>}; byline from author metadata or a byline element; main text found by
 * {@link MainText} (where the page's prose is dense) after navigation, related links, comments, share widgets and
 * other page chrome are removed, or the page's JSON-LD {@code articleBody} when the markup holds much less of it;
 * {@code figure}/{@code figcaption} become image blocks (caption + credit as printed).
 * Page chrome is recognised with the one list ingest and enrich share ({@link ChromeFilter}). The extraction is
 * scored against expected text (token-overlap F1, {@code dev.newsflow.ingest.quality.TokenOverlapScore}) by
 * {@code MainTextScoreTest} on the fixture pages.
 *
 * <p>Every step is linear in the size of the page: facts that depend on ancestors or descendants come from an
 * {@link ElementIndex} built in one walk, never from a search per element. Pages nested deeper than
 * {@link HtmlLimits#maxDepth()} are refused, and reading stops when the time budget is spent (both a 422).
 */
public final class HtmlNormaliser implements ArticleNormaliser {
    /** Class or id words that mark page chrome rather than the story. */
    private static final Pattern NOISE = Pattern.compile(
            "(?i)(?:^|[\\s_-])(?:share|sharing|social|related|comments?|disqus|newsletter|promo|advert\\w*|ads?|"
                    + "cookie\\w*|breadcrumbs?|menu|nav\\w*|footer|sidebar|subscribe|subscription|recommend\\w*|"
                    + "more-stories|most-read|popular|tags|paywall|outbrain|taboola|sponsored|print|modal|popup)(?:$|[\\s_-])");
    /** Never the story. Not {@code form}: ASP.NET pages wrap the whole page, story included, in one. */
    private static final String REMOVED_TAGS = "script, style, template, nav, footer, "
            + "aside, iframe, button, input, select, textarea, svg, dialog, [role=navigation], [role=complementary], "
            + "[aria-hidden=true], [hidden], [style~=(?i)display:\\s*none], [style~=(?i)visibility:\\s*hidden]";
    private static final Evaluator REMOVED = QueryParser.parse(REMOVED_TAGS);
    // Selectors parsed once: parsing one costs more than running it on a page (jsoup's Evaluators are thread-safe).
    private static final Evaluator CREDIT_ELEMENTS =
            QueryParser.parse("[class~=(?i)credit|copyright|source|byline], small, cite");
    private static final Evaluator BYLINE_ELEMENTS =
            QueryParser.parse("[rel=author], [itemprop=author], .byline, .author, [class~=(?i)byline]");
    private static final Evaluator CANONICAL_LINK = QueryParser.parse("link[rel=canonical]");
    private static final Evaluator HTML_LANG = QueryParser.parse("html[lang]");
    private static final Evaluator H1 = QueryParser.parse("h1");
    private static final Evaluator TIME_DATETIME = QueryParser.parse("time[datetime]");
    private static final Evaluator ARTICLE_TAGS = QueryParser.parse("meta[property=article:tag]");
    /** A JSON-LD articleBody shorter than this is a summary, not the story. */
    private static final int MIN_LINKED_BODY_CHARS = 200;
    /** The markup's text must reach this share of the JSON-LD articleBody, else the articleBody is the body. */
    private static final double LINKED_BODY_SHARE = 0.5;
    /** A {@code <noscript>} with at least this much text holds the page's text for readers without script. */
    private static final int MIN_NOSCRIPT_PROSE_CHARS = 200;
    /** Longer than this, an element marked as the byline holds the author's biography, not the byline. */
    private static final int MAX_BYLINE_ELEMENT_CHARS = 200;
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$");
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
        String canonical = firstNonNull(attr(page, CANONICAL_LINK, "href"), meta(metas, "og:url"), linked.url());
        draft.canonicalUrl(canonical == null || !canonical.startsWith("http") ? null : canonical);
        draft.language(firstNonNull(languageTag(page.select(HTML_LANG).attr("lang")), languageTag(linked.language())));
        draft.section(firstNonNull(meta(metas, "article:section"), linked.section()));
        draft.keywords(keywords(page, metas));
        draft.publishedAt(firstNonNull(publishedAt(page, metas), linked.datePublished()));
        draft.byline(firstNonNull(byline(page, metas), linkedAuthor(linked)));
        draft.guid(meta(metas, "newsflow:guid"));

        Element body = page.body();
        RemovalLog removals = new RemovalLog();
        removeChrome(body, budget, removals);
        ElementIndex index = ElementIndex.of(body, budget);
        MainText.Story story = MainText.find(body, index, budget, removals);
        String headline = headline(page, metas, story.outer());
        // A page whose only headline is a <title> with the site's name is better served by its JSON-LD.
        if (linked.headline() != null && page.selectFirst(H1) == null && meta(metas, "og:title") == null) {
            headline = linked.headline();
        }
        draft.headline(headline);
        draft.images(images(page, index, story.outer(), canonical, budget));
        draft.body(body(story, linked, removals));
        draft.removals(removals.removals());
        return draft.build();
    }

    /**
     * A page's language attribute as a BCP 47 tag ({@code en_US} → {@code en-US}), or null when it is none (a
     * page's metadata is advisory: an unreadable value leaves the language to detection, it never refuses the page).
     */
    static String languageTag(String value) {
        String clean = TextHygiene.cleanOrNull(value);
        if (clean == null) {
            return null;
        }
        String tag = clean.replace('_', '-');
        return LANGUAGE_TAG.matcher(tag).matches() ? tag : null;
    }

    private static String headline(Document page, Map<String, String> metas, Element container) {
        Element h1 = container.selectFirst(H1);
        if (h1 == null) {
            h1 = page.selectFirst(H1);
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
     * Removes what is never the story: the tags in {@link #REMOVED_TAGS}, a site header (outside any article and
     * without the headline), and elements whose class or id marks them as chrome (unless they hold an h1). Each is
     * decided from per-element facts gathered in two sweeps, then removed once; the same rules applied by searching
     * the page for each element cost time quadratic in its depth.
     */
    private static void removeChrome(Element body, PageBudget budget, RemovalLog removals) {
        ElementIndex index = ElementIndex.of(body, budget);
        int[] ownText = ownTextLengths(index, budget);
        boolean[] proseNoscript = proseNoscripts(index, ownText);
        boolean[] removedTag = index.selfOrAncestor(element -> {
            budget.tick();
            return REMOVED.matches(body, element) || (element.nameIs("noscript") && !proseNoscript[index.indexOf(element)]);
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
        boolean[] holdsTheStory = holdsMostProse(index, ownText, removedTag);
        boolean[] removed = new boolean[index.size()];
        List<Element> topmost = new ArrayList<>();
        for (int i = 0; i < index.size(); i++) {
            budget.tick();
            boolean above = index.parent(i) >= 0 && removed[index.parent(i)];
            Element element = index.element(i);
            boolean siteHeader = element.nameIs("header") && !inArticle[i] && headlines[i] == 0;
            // A class such as "print-active" or "sticky-sidebar" on the box around the story does not make it chrome.
            boolean noisy = i > 0 && headlines[i] == 0 && !holdsTheStory[i] && isNoise(element);
            removed[i] = above || removedTag[i] || siteHeader || noisy;
            if (removed[i] && !above) {
                topmost.add(element);
                // Each removed subtree's text is read once: the text of the page at most once in all.
                removals.add(DraftRemoval.CHROME, element::text,
                        removedTag[i] ? removedTagReason(element) : siteHeader
                                ? "site header: a <header> outside the article, without the headline"
                                : "page chrome: " + describe(element));
            }
        }
        HtmlRemoval.removeAll(topmost);
    }

    /**
     * Which {@code <noscript>} elements hold prose: a page that renders its story by script often prints the same
     * story in one for readers without it (a blog's post body); the others hold tracking pixels and "enable
     * JavaScript" lines. Text lengths summed up the index, so this is linear too.
     */
    private static boolean[] proseNoscripts(ElementIndex index, int[] ownText) {
        long[] text = new long[index.size()];
        boolean[] prose = new boolean[index.size()];
        for (int i = index.size() - 1; i >= 0; i--) {
            text[i] += ownText[i];
            prose[i] = index.element(i).nameIs("noscript") && text[i] >= MIN_NOSCRIPT_PROSE_CHARS;
            if (index.parent(i) >= 0) {
                text[index.parent(i)] += text[i];
            }
        }
        return prose;
    }

    /**
     * The length of each element's own text (its text nodes, not its children's) as jsoup's {@code TextNode.text()}
     * gives it, counted without building those strings: the two sums above and below read every text node of the
     * page, and making each node's text was a quarter of an HTML page's normalisation.
     */
    private static int[] ownTextLengths(ElementIndex index, PageBudget budget) {
        int[] own = new int[index.size()];
        for (int i = 0; i < own.length; i++) {
            budget.tick();
            for (Node child : index.element(i).childNodes()) {
                if (child instanceof TextNode text) {
                    own[i] += normalisedLength(text.getWholeText());
                }
            }
        }
        return own;
    }

    /**
     * The length of jsoup's whitespace-normalised form of the text ({@code StringUtil.normaliseWhitespace}): each
     * run of its whitespace (space, tab, line feed, form feed, carriage return, no-break space) one space, its
     * invisible characters (zero-width space, soft hyphen) dropped. Tests compare it with jsoup's.
     */
    static int normalisedLength(String text) {
        int length = 0;
        boolean lastWasWhite = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00A0') {
                if (!lastWasWhite) {
                    length++;
                    lastWasWhite = true;
                }
            } else if (c != '\u200B' && c != '\u00AD') {
                length += width;
                lastWasWhite = false;
            }
            i += width;
        }
        return length;
    }

    private static String removedTagReason(Element element) {
        String tag = element.normalName();
        if (element.hasAttr("hidden") || "true".equals(element.attr("aria-hidden")) || element.hasAttr("style")) {
            return "hidden from readers: " + describe(element);
        }
        if (element.hasAttr("role") && !Set.of("nav", "aside", "footer").contains(tag)) {
            return "role=" + element.attr("role") + " is never the story: " + describe(element);
        }
        return tag.equals("noscript") ? "<noscript> without prose (a tracking pixel, an \"enable JavaScript\" line)"
                : "<" + tag + "> is never the story";
    }

    /** An element as a reader of the report can find it in the page: its tag, id and classes. */
    static String describe(Element element) {
        StringBuilder described = new StringBuilder("<").append(element.normalName());
        if (!element.id().isBlank()) {
            described.append(" id=\"").append(cutName(element.id())).append('"');
        }
        if (!element.className().isBlank()) {
            described.append(" class=\"").append(cutName(element.className())).append('"');
        }
        return described.append('>').toString();
    }

    private static String cutName(String name) {
        String clean = name.strip().replaceAll("\\s+", " ");
        return clean.length() <= 80 ? clean : clean.substring(0, 80) + "\u2026";
    }

    /**
     * For each element: whether it holds most of the page's prose (its text outside links, in elements the tag
     * removal keeps). Such an element is the story's frame whatever its class says; a real sidebar or comment box
     * holds less than the story, and the comments inside a long thread are each judged on their own.
     */
    private static boolean[] holdsMostProse(ElementIndex index, int[] ownText, boolean[] removedTag) {
        boolean[] inLink = index.selfOrAncestor(element -> element.nameIs("a"));
        long[] prose = new long[index.size()];
        for (int i = index.size() - 1; i >= 0; i--) {
            if (!removedTag[i] && !inLink[i]) {
                prose[i] += ownText[i];
            }
            if (index.parent(i) >= 0 && !removedTag[i]) {
                prose[index.parent(i)] += prose[i];
            }
        }
        boolean[] holds = new boolean[index.size()];
        long total = prose.length == 0 ? 0 : prose[0];
        for (int i = 0; i < holds.length; i++) {
            holds[i] = total > 0 && prose[i] * 2 >= total;
        }
        return holds;
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
     * The story's paragraphs; the page's JSON-LD {@code articleBody} instead when the markup gave much less of it
     * (text rendered by script, or split over markup the extraction could not follow).
     */
    private static List<String> body(MainText.Story story, LinkedData linked, RemovalLog removals) {
        String articleBody = linked.articleBody();
        if (articleBody != null && articleBody.length() >= MIN_LINKED_BODY_CHARS
                && story.textChars() < LINKED_BODY_SHARE * articleBody.length()) {
            if (!story.paragraphs().isEmpty()) {
                removals.add(DraftRemoval.REPLACED_BY_LINKED_DATA, String.join(" ", story.paragraphs()),
                        "the page's JSON-LD articleBody holds much more of the story than its markup (" + story.textChars()
                                + " of " + articleBody.length() + " characters): the articleBody is the body");
            }
            List<String> paragraphs = new ArrayList<>();
            for (String line : Paragraphs.lines(articleBody)) {
                String clean = TextHygiene.cleanOrNull(line);
                if (clean != null) {
                    paragraphs.add(clean);
                }
            }
            return paragraphs;
        }
        return story.paragraphs();
    }

    /**
     * Each {@code figure} in the story with its first {@code figcaption} and first {@code img[src]}. A caption
     * that itself holds figures or captions is markup gone wrong, not a caption; leaving it out keeps every
     * caption's text read once.
     */
    private static List<DraftImage> images(Document page, ElementIndex index, Element outer, String canonicalUrl,
                                           PageBudget budget) {
        ImageSource urls = new ImageSource(page, canonicalUrl);
        int container = Math.max(0, index.indexOf(outer));
        int[] nextCaption = index.nextMatch(element -> element.nameIs("figcaption"));
        int[] nextImage = index.nextMatch(ImageSource::hasSource);
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

    private static Instant publishedAt(Document page, Map<String, String> metas) {
        List<String> candidates = new ArrayList<>();
        candidates.add(meta(metas, "article:published_time"));
        candidates.add(firstNonNull(meta(metas, "pubdate"), meta(metas, "publish-date"), meta(metas, "date"),
                meta(metas, "dc.date")));
        candidates.add(attr(page, TIME_DATETIME, "datetime"));
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
        if (author != null && author.length() <= ArticleRules.MAX_BYLINE_CHARS) {
            return author;
        }
        Element byline = page.selectFirst(BYLINE_ELEMENTS);
        if (byline == null) {
            return null;
        }
        String text = TextHygiene.cleanOrNull(byline.text());
        // An author box with the writer's biography is not a byline; the JSON-LD author may still name them.
        return text == null || text.length() > MAX_BYLINE_ELEMENT_CHARS ? null : text.replaceFirst("(?i)^by\\s+", "");
    }

    /** The page's JSON-LD author when it is short enough to be a byline (metadata is advisory, never a refusal). */
    private static String linkedAuthor(LinkedData linked) {
        String author = linked.author();
        return author == null || author.length() > ArticleRules.MAX_BYLINE_CHARS ? null : author;
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
        for (Element tag : page.select(ARTICLE_TAGS)) {
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

    private static String attr(Document page, Evaluator selector, String attribute) {
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
