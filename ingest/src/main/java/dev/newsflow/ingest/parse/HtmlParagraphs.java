package dev.newsflow.ingest.parse;

import dev.newsflow.ingest.text.TextHygiene;
import dev.newsflow.text.ChromeFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns an HTML body fragment (ninjs {@code body_html}, newsflow {@code bodyHtml}) into plain-text paragraphs,
 * in time linear in its size, within the same {@link HtmlLimits} as a whole page.
 */
final class HtmlParagraphs {
    /** Site chrome, from the one list ingest and enrich share. */
    private static final ChromeFilter CHROME = new ChromeFilter();
    private static final Set<String> BLOCKS = Set.of("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre");
    private static final Set<String> NEVER_TEXT = Set.of("script", "style", "figure", "iframe", "noscript");

    private final HtmlLimits limits;
    private final LongSupplier nanoClock;

    HtmlParagraphs(HtmlLimits limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.nanoClock = nanoClock;
    }

    List<String> paragraphs(String html) {
        List<String> paragraphs = new ArrayList<>();
        if (html == null || html.isBlank()) {
            return paragraphs;
        }
        PageBudget budget = new PageBudget(limits, nanoClock);
        Document fragment = Jsoup.parseBodyFragment(html);
        budget.checkDepth(fragment);
        Element body = fragment.body();
        ElementIndex index = ElementIndex.of(body, budget);
        boolean[] dropped = index.selfOrAncestor(element -> NEVER_TEXT.contains(element.normalName()));
        List<Element> topmost = new ArrayList<>();
        for (int i = 1; i < index.size(); i++) {
            if (dropped[i] && !dropped[index.parent(i)]) {
                topmost.add(index.element(i));
            }
        }
        HtmlRemoval.removeAll(topmost);
        index = ElementIndex.of(body, budget);
        int[] blocks = index.countInSubtree(element -> BLOCKS.contains(element.normalName()));
        for (int i = 0; i < index.size(); i++) {
            budget.tick();
            Element block = index.element(i);
            // Nested blocks (a <p> inside <li> or <blockquote>) are read once, at the innermost level.
            if (!BLOCKS.contains(block.normalName()) || blocks[i] > 1) {
                continue;
            }
            String text = TextHygiene.cleanOrNull(block.text());
            if (text != null && !CHROME.isChrome(text)) {
                paragraphs.add(text);
            }
        }
        if (paragraphs.isEmpty()) {
            String text = TextHygiene.cleanOrNull(body.text());
            if (text != null) {
                paragraphs.add(text);
            }
        }
        return paragraphs;
    }
}
