package dev.newsflow.ingest.parse;

import dev.newsflow.ingest.article.DraftRemoval;
import dev.newsflow.ingest.text.TextHygiene;
import dev.newsflow.text.ChromeFilter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the main text of a page whose chrome was removed, by where its prose is dense rather than by which tags
 * hold it, so that div soup, text separated by line breaks and pages with several {@code <article>}s read as
 * well as tidy semantic markup:
 * <ol>
 *   <li>The page is cut into text blocks: the text between block-level boundaries (a {@code <p>}, a {@code <div>}
 *       with text of its own, a list item, a table cell, text between two line breaks), each with how much of it
 *       is link text.</li>
 *   <li>Every block that reads as prose (long enough, mostly not links) scores its ancestors: more for longer
 *       text and more commas, most for the nearest ancestor and less for each level up. Elements named like
 *       content ({@code article}, {@code content}, {@code entry}, {@code post}, {@code story}, …) and semantic
 *       containers ({@code itemprop=articleBody}, {@code article}, {@code main}) start higher; those named like
 *       page furniture ({@code comment}, {@code sidebar}, {@code footer}, {@code related}, …) lower. A score is
 *       scaled down by the share of the element's text that is links.</li>
 *   <li>The best-scoring element is the story; its siblings join it when they score well too, or are prose
 *       paragraphs themselves (a story whose paragraphs are split over several boxes).</li>
 *   <li>The story's blocks are its paragraphs, without the link-dense ones and those that are site chrome.</li>
 * </ol>
 * All of it is linear in the size of the page: one walk to cut blocks, a fixed number of ancestors per block,
 * and sweeps over the {@link ElementIndex}.
 */
final class MainText {
    /** Site chrome, from the one list ingest and enrich share. */
    private static final ChromeFilter CHROME = new ChromeFilter();
    /** Elements that end one text block and start another. */
    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "header",
            "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table",
            "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "blockquote", "pre", "form", "fieldset", "address",
            "details", "summary", "center", "hr", "body", "figure", "figcaption", "noscript", "menu", "hgroup",
            "legend", "option", "label");
    /** Text that is never the story's body: captions become images, the rest is form furniture. */
    private static final Set<String> SKIPPED_TAGS = Set.of("figure", "figcaption", "select", "option", "label",
            "legend", "button", "textarea", "input");
    /**
     * Blocks that do not vote for where the story is: headings, and list items, which are as often a list of
     * references, links or products as part of a story (a story's own lists are read with it all the same).
     */
    private static final Set<String> UNSCORED_OWNERS = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd",
            "th", "caption", "address", "ul", "ol", "dl");
    /** Names that content containers carry across CMSs (WordPress, Blogger, Drupal, news templates). */
    private static final Pattern CONTENT_NAMES = Pattern.compile(
            "(?i)article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|rich-?text|"
                    + "column-center|single");
    /** Names of page furniture that may sit inside or beside the story. */
    private static final Pattern FURNITURE_NAMES = Pattern.compile(
            "(?i)comment|sidebar|side-bar|footer|foot|footnote|related|recommend|promo|banner|sponsor|advert|"
                    + "share|social|widget|tags?\\b|tool|meta|byline|author|masthead|menu|breadcrumb|pagination|"
                    + "pager|newsletter|subscribe|signup|popup|modal|cookie|gdpr|teaser|more-|outbrain|taboola|"
                    + "reference|bibliograph|citation|next-?post|next-?story|prev-?post|thumbnail");
    /** Elements whose text is a paragraph of the story whatever its length. */
    private static final Set<String> PROSE_OWNERS = Set.of("p", "blockquote", "li", "pre", "h2", "h3", "h4", "h5",
            "h6", "dd", "td");
    /** Longer than this, a line outside paragraph markup is prose, not a label. */
    private static final int MAX_LABEL_CHARS = 40;
    /** Text of one run of blocks outside the story kept for the report (the report cuts it shorter still). */
    private static final int MAX_RUN_CHARS = 1_000;
    /** A block shorter than this is too short to say whether it is prose. */
    private static final int MIN_SCORING_CHARS = 25;
    private static final double MAX_LINK_DENSITY = 0.5;
    /** Levels above a block that its score reaches. */
    private static final int SCORED_LEVELS = 5;
    private static final int NAME_WEIGHT = 25;
    private static final int SEMANTIC_WEIGHT = 15;
    private static final double SIBLING_SHARE = 0.2;
    private static final double CLOSE_SHARE = 0.75;
    private static final int CLOSE_CANDIDATES = 3;
    private static final double MORE_PROSE = 1.5;
    private static final int CLIMB_LEVELS = 4;
    private static final double WRAPPER_GROWTH = 1.1;
    private static final int SIBLING_FLOOR = 10;
    /** An article-like element around the story holds its headline and lead image when it adds at most this much. */
    private static final double OUTER_GROWTH = 1.5;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？\"”»)]\\s*$");
    private static final char SPACE = ' ';

    private MainText() {
    }

    /** One text block: the element that holds it, its text, and how much of it is inside links. */
    record Block(int owner, String text, int linkChars, String ownerTag) {
        double linkDensity() {
            return text.isEmpty() ? 0 : Math.min(1.0, (double) linkChars / text.length());
        }
    }

    /**
     * The story: the element holding its headline and lead image ({@code outer}), its paragraphs, and their length
     * in characters.
     */
    record Story(Element outer, List<String> paragraphs, int textChars) {
    }

    static Story find(Element body, ElementIndex index, PageBudget budget, RemovalLog removals) {
        List<Block> blocks = blocks(body, index, budget);
        int size = index.size();
        long[] textChars = new long[size];
        long[] linkChars = new long[size];
        for (Block block : blocks) {
            textChars[block.owner()] += block.text().length();
            linkChars[block.owner()] += block.linkChars();
        }
        for (int i = size - 1; i > 0; i--) {
            int parent = index.parent(i);
            if (parent >= 0) {
                textChars[parent] += textChars[i];
                linkChars[parent] += linkChars[i];
            }
        }
        double[] score = new double[size];
        boolean[] scored = new boolean[size];
        boolean[] inListItem = index.selfOrAncestor(element -> element.nameIs("li"));
        for (Block block : blocks) {
            budget.tick();
            if (block.text().length() < MIN_SCORING_CHARS || block.linkDensity() > MAX_LINK_DENSITY
                    || UNSCORED_OWNERS.contains(block.ownerTag()) || inListItem[block.owner()]) {
                continue;
            }
            double value = 1 + commas(block.text()) + Math.min(3, block.text().length() / 100);
            int ancestor = index.parent(block.owner());
            for (int level = 0; ancestor >= 0 && level < SCORED_LEVELS; level++) {
                if (!scored[ancestor]) {
                    scored[ancestor] = true;
                    score[ancestor] = initialScore(index.element(ancestor));
                }
                score[ancestor] += value / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
                ancestor = index.parent(ancestor);
            }
        }
        int top = -1;
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            if (scored[i]) {
                score[i] *= 1 - density(linkChars[i], textChars[i]);
                if (score[i] > best) {
                    best = score[i];
                    top = i;
                }
            }
        }
        if (top < 0) {
            return new Story(body, paragraphs(blocks, index, List.of(0), removals), (int) textChars[0]);
        }
        top = settle(top, index, score, scored, textChars, linkChars);
        top = throughWrappers(top, index, textChars, linkChars);
        best = score[top];
        List<Integer> roots = withSiblings(top, best, index, score, scored, textChars, linkChars, blocks);
        List<String> paragraphs = paragraphs(blocks, index, roots, removals);
        int chars = 0;
        for (String paragraph : paragraphs) {
            chars += paragraph.length();
        }
        return new Story(outer(index, roots, textChars), paragraphs, chars);
    }

    /**
     * From the best-scoring element to the one that holds the story: a story split into boxes (a page builder's
     * blocks, a letter with a long table) scores highest in one box, with its other parts close behind.
     * <ol>
     *   <li>When several of the best candidates (within {@link #CLOSE_SHARE} of the best) share an ancestor, that
     *       ancestor is the story.</li>
     *   <li>Then, up the ancestors: one that scores more than the one below is the story; one that still scores at
     *       least half and holds much more prose (×{@link #MORE_PROSE}, with no more links) is too; a wrapper
     *       in between is passed over, up to {@link #CLIMB_LEVELS} levels above the story so far.</li>
     * </ol>
     */
    private static int settle(int top, ElementIndex index, double[] score, boolean[] scored, long[] textChars,
                              long[] linkChars) {
        double best = score[top];
        List<Integer> close = new ArrayList<>();
        for (int i = 0; i < score.length; i++) {
            if (scored[i] && i != top && score[i] >= CLOSE_SHARE * best) {
                close.add(i);
            }
        }
        if (close.size() >= CLOSE_CANDIDATES - 1) {
            for (int ancestor = index.parent(top); ancestor > 0; ancestor = index.parent(ancestor)) {
                int inside = 0;
                for (int other : close) {
                    if (index.isStrictlyInside(other, ancestor)) {
                        inside++;
                    }
                }
                if (inside >= CLOSE_CANDIDATES - 1) {
                    top = ancestor;
                    break;
                }
            }
        }
        double last = score[top];
        int levels = 0;
        for (int parent = index.parent(top); parent > 0 && levels < CLIMB_LEVELS; parent = index.parent(parent)) {
            levels++;
            if (!scored[parent]) {
                continue;
            }
            long prose = textChars[top] - linkChars[top];
            long parentProse = textChars[parent] - linkChars[parent];
            boolean fewerLinks = density(linkChars[parent], textChars[parent])
                    <= density(linkChars[top], textChars[top]) + 0.05;
            if (score[parent] > last || (score[parent] >= last / 2 && parentProse >= MORE_PROSE * prose && fewerLinks)) {
                top = parent;
                last = score[parent];
                levels = 0;
            }
        }
        return top;
    }

    /**
     * Up through the boxes that wrap the story and add little to it: an intro, a standfirst or a last paragraph
     * kept in a box of its own beside the main one. An ancestor is taken while it holds at most
     * {@link #WRAPPER_GROWTH} times the story's prose and its added text is mostly not links.
     */
    private static int throughWrappers(int top, ElementIndex index, long[] textChars, long[] linkChars) {
        long prose = textChars[top] - linkChars[top];
        for (int parent = index.parent(top); parent > 0; parent = index.parent(parent)) {
            long parentProse = textChars[parent] - linkChars[parent];
            long addedText = textChars[parent] - textChars[top];
            long addedLinks = linkChars[parent] - linkChars[top];
            if (parentProse > WRAPPER_GROWTH * prose || (addedText > 0 && addedLinks * 2 > addedText)) {
                break;
            }
            top = parent;
        }
        return top;
    }

    private static double initialScore(Element element) {
        double score = switch (element.normalName()) {
            case "div", "article", "section", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        String names = element.className() + " " + element.id();
        if (!names.isBlank()) {
            if (CONTENT_NAMES.matcher(names).find()) {
                score += NAME_WEIGHT;
            }
            if (FURNITURE_NAMES.matcher(names).find()) {
                score -= NAME_WEIGHT;
            }
        }
        if (element.nameIs("article") || element.nameIs("main") || "articleBody".equals(element.attr("itemprop"))) {
            score += SEMANTIC_WEIGHT;
        }
        return score;
    }

    /**
     * The story's element and those of its siblings that belong to it: siblings that score well themselves, or are
     * prose paragraphs (long and with few links, or short, linkless and ending a sentence).
     */
    private static List<Integer> withSiblings(int top, double topScore, ElementIndex index, double[] score,
                                              boolean[] scored, long[] textChars, long[] linkChars, List<Block> blocks) {
        int parent = index.parent(top);
        List<Integer> roots = new ArrayList<>();
        if (parent < 0) {
            roots.add(top);
            return roots;
        }
        double threshold = Math.max(SIBLING_FLOOR, topScore * SIBLING_SHARE);
        String topClass = index.element(top).className();
        for (int child = parent + 1; child <= index.subtreeEnd(parent); child = index.subtreeEnd(child) + 1) {
            if (child == top) {
                roots.add(child);
                continue;
            }
            Element sibling = index.element(child);
            double bonus = !topClass.isEmpty() && topClass.equals(sibling.className()) ? topScore * SIBLING_SHARE : 0;
            boolean joins = scored[child] && score[child] + bonus >= threshold;
            if (!joins && sibling.nameIs("p")) {
                double density = density(linkChars[child], textChars[child]);
                String text = sibling.text();
                joins = (textChars[child] > 80 && density < 0.25)
                        || (textChars[child] > 0 && textChars[child] <= 80 && density == 0
                        && SENTENCE_END.matcher(text).find());
            }
            if (joins) {
                roots.add(child);
            }
        }
        return roots;
    }

    /**
     * The article-like element around the story, for its headline and lead image: the nearest that holds the whole
     * story, widened to article-like elements around it that add little text (an {@code articleBody} inside an
     * {@code <article>} or {@code <main>} that also holds the headline and lead photo); else the story's parent.
     */
    private static Element outer(ElementIndex index, List<Integer> roots, long[] textChars) {
        int first = roots.get(0);
        for (int at = first; at >= 0; at = index.parent(at)) {
            // The whole story must be inside it, else it is one teaser among many.
            if (isArticleLike(index.element(at)) && roots.get(roots.size() - 1) <= index.subtreeEnd(at)) {
                int outer = at;
                for (int up = index.parent(at); up >= 0; up = index.parent(up)) {
                    if (isArticleLike(index.element(up)) && textChars[up] <= OUTER_GROWTH * textChars[at]) {
                        outer = up;
                    }
                }
                return index.element(outer);
            }
        }
        int parent = index.parent(first);
        return roots.size() > 1 && parent >= 0 ? index.element(parent) : index.element(first);
    }

    private static boolean isArticleLike(Element element) {
        return element.nameIs("article") || element.nameIs("main") || "articleBody".equals(element.attr("itemprop"))
                || "main".equals(element.attr("role"));
    }

    /** The text of the blocks inside the roots, in order, without link lists, headlines and chrome. */
    private static List<String> paragraphs(List<Block> blocks, ElementIndex index, List<Integer> roots,
                                           RemovalLog removals) {
        List<String> paragraphs = new ArrayList<>();
        String outside = "outside the story, which is " + HtmlNormaliser.describe(index.element(roots.get(0)))
                + (roots.size() > 1 ? " and " + (roots.size() - 1) + " of its siblings" : "");
        // Consecutive blocks outside the story are one removal: a sidebar is one thing to a reader, not twenty.
        StringBuilder run = new StringBuilder();
        int root = 0;
        for (Block block : blocks) {
            while (root < roots.size() && index.subtreeEnd(roots.get(root)) < block.owner()) {
                root++;
            }
            if (block.ownerTag().equals("h1")) {
                continue;
            }
            if (root >= roots.size() || block.owner() < roots.get(root)) {
                if (run.length() < MAX_RUN_CHARS) {
                    run.append(run.isEmpty() ? "" : " / ").append(block.text());
                }
                continue;
            }
            flush(run, removals, outside);
            if (block.linkDensity() > MAX_LINK_DENSITY) {
                removals.add(DraftRemoval.LINK_LIST, block.text(), String.format(Locale.ROOT,
                        "mostly links (%.0f%% of its text)", 100 * block.linkDensity()));
                continue;
            }
            Optional<String> chrome = CHROME.classify(block.text());
            if (chrome.isPresent()) {
                removals.add(DraftRemoval.CHROME, block.text(), chrome.get());
                continue;
            }
            if (isLabel(block)) {
                removals.add(DraftRemoval.LABEL, block.text(), "a short line outside paragraph markup that is not a "
                        + "sentence (a kicker, a dateline, a label)");
                continue;
            }
            paragraphs.add(block.text());
        }
        flush(run, removals, outside);
        return paragraphs;
    }

    private static void flush(StringBuilder run, RemovalLog removals, String reason) {
        if (!run.isEmpty()) {
            removals.add(DraftRemoval.OUTSIDE_STORY, run.toString(), reason);
            run.setLength(0);
        }
    }

    /**
     * A short line outside paragraph markup that does not end a sentence: a kicker ("City"), a dateline
     * ("14 March 2026"), a label. Such lines sit between a story's headline and its first paragraph.
     */
    private static boolean isLabel(Block block) {
        return !PROSE_OWNERS.contains(block.ownerTag()) && block.text().length() < MAX_LABEL_CHARS
                && !SENTENCE_END.matcher(block.text()).find();
    }

    /** Cuts the page into text blocks in one walk, noting how much of each block's text is link text. */
    static List<Block> blocks(Element body, ElementIndex index, PageBudget budget) {
        List<Block> blocks = new ArrayList<>();
        Deque<Integer> owners = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        int[] links = {0};
        int[] linkDepth = {0};
        boolean[] lastWasBreak = {false};
        Runnable flush = () -> {
            String clean = TextHygiene.cleanOrNull(text.toString());
            if (clean != null && !owners.isEmpty()) {
                int owner = owners.peek();
                blocks.add(new Block(owner, clean, Math.min(links[0], clean.length()),
                        index.element(owner).normalName()));
            }
            text.setLength(0);
            links[0] = 0;
        };
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                budget.tick();
                if (node instanceof TextNode textNode) {
                    String chunk = textNode.getWholeText();
                    text.append(chunk);
                    if (linkDepth[0] > 0) {
                        links[0] += chunk.strip().length() + 1;
                    }
                    if (!chunk.isBlank()) {
                        lastWasBreak[0] = false;
                    }
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element element)) {
                    return FilterResult.CONTINUE;
                }
                String tag = element.normalName();
                if (SKIPPED_TAGS.contains(tag)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (tag.equals("br")) {
                    // One break is a line in a paragraph; two in a row end it.
                    if (lastWasBreak[0]) {
                        flush.run();
                    } else {
                        text.append(SPACE);
                    }
                    lastWasBreak[0] = true;
                    return FilterResult.CONTINUE;
                }
                if (tag.equals("a")) {
                    linkDepth[0]++;
                } else if (BLOCK_TAGS.contains(tag)) {
                    flush.run();
                    int position = index.indexOf(element);
                    owners.push(position < 0 ? (owners.isEmpty() ? 0 : owners.peek()) : position);
                    lastWasBreak[0] = false;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("a")) {
                        linkDepth[0]--;
                    } else if (BLOCK_TAGS.contains(tag) && !SKIPPED_TAGS.contains(tag)) {
                        flush.run();
                        owners.pop();
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        flush.run();
        return blocks;
    }

    private static int commas(String text) {
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、') {
                commas++;
            }
        }
        return commas;
    }

    private static double density(long links, long text) {
        return text == 0 ? 0 : Math.min(1.0, (double) links / text);
    }
}
