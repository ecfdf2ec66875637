package dev.newsflow.ingest.parse;

import dev.newsflow.ingest.text.TextHygiene;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Turns an HTML body fragment (ninjs {@code body_html}, newsflow {@code bodyHtml}) into plain-text paragraphs. */
final class HtmlParagraphs {
    private static final String BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre";

    private HtmlParagraphs() {
    }

    static List<String> paragraphs(String html) {
        List<String> paragraphs = new ArrayList<>();
        if (html == null || html.isBlank()) {
            return paragraphs;
        }
        Document fragment = Jsoup.parseBodyFragment(html);
        fragment.select("script, style, figure, iframe, noscript").remove();
        for (Element block : fragment.body().select(BLOCKS)) {
            // Nested blocks (a <p> inside <li> or <blockquote>) are read once, at the innermost level.
            if (!block.select(BLOCKS).stream().filter(e -> e != block).findAny().isEmpty()) {
                continue;
            }
            String text = TextHygiene.cleanOrNull(block.text());
            if (text != null && !SiteChrome.isChrome(text)) {
                paragraphs.add(text);
            }
        }
        if (paragraphs.isEmpty()) {
            String text = TextHygiene.cleanOrNull(fragment.body().text());
            if (text != null) {
                paragraphs.add(text);
            }
        }
        return paragraphs;
    }
}
