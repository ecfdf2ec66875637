package dev.newsflow.ingest.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of what a careless or hostile publisher sends: text across all of Unicode (controls, unpaired
 * surrogates, non-characters, combining marks, every kind of line break), markup and entities, credit lines and
 * site chrome, and documents built from them in each format ingest reads. jqwik shrinks a failing document to a
 * small one and prints it with its seed.
 */
final class HostileDocuments {
    private static final List<String> PIECES = List.of("\n", "\r\n", "\r", "\n\n", "\u2028", "\u2029", "\u0085", "\t",
            " ", "\u00A0", "\u200B", "\uFEFF", "\u0000", "\u0007", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF",
            "\uD83D\uDE00", "e\u0301", "\u212B", "\uFDFA", "<p>", "</p>", "<b>bold</b>", "<script>x()</script>", "&amp;",
            "&#0;", "&#x1F;", "&lt;b&gt;", "&amp;lt;i&amp;gt;", "<!--", "-->", "<![CDATA[", "]]>", "]]>&", "\"", "'",
            "Photo: EPA / Ludovic Marin", "(Photo by A/B)", "AP Photo/Jane Doe", "Reuters/X", "shareprint",
            "Read more", "Terms of use. Privacy policy.", "NewsPolitics", "By Jane Doe", "{", "}", "[", "]", ":", ",",
            "\\", "\\u0000", "null", "true", "1e309", "https://example.org/a?b=c&d", "javascript:alert(1)",
            "\u202Eevil", "\u0301", "\uDB40\uDC01");
    private static final List<String> WORDS = List.of("harbour", "Minister", "Lisbon", "said", "on", "Monday", "the",
            "treaty", "EPA", "Reuters", "storm", "ferry", "council", "votes", "Zelensky", "Paris", "a", "of");

    private HostileDocuments() {
    }

    /** Characters that markup, JSON and text hygiene treat specially, for mixing into letters. */
    private static final char[] ALPHABET = {' ', ' ', '.', ',', '<', '>', '&', '"', '\'', '/', '\\', '{', '}', '\u0000',
            '\u0007', '\u001F', '\u007F', '\u0085', '\u00A0', '\u200B', '\uFEFF', '\uD800', '\uDFFF', '\uFFFE',
            '\u2028', '\u0301', '\u00E9', '\u4E2D', '\n', '\r', '\t'};

    /**
     * A run of text in one or two generator calls (a list of parts joined costs many): letters with the characters
     * that break things, a piece from the list, words, or any code points.
     */
    static Arbitrary<String> text(int maxParts) {
        Arbitrary<String> mixed = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withChars(ALPHABET).ofMaxLength(maxParts * 6);
        Arbitrary<String> piece = Arbitraries.of(PIECES);
        Arbitrary<String> words = Arbitraries.of(WORDS).list().ofMaxSize(maxParts).map(w -> String.join(" ", w));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, words),
                net.jqwik.api.Tuple.of(3, mixed),
                net.jqwik.api.Tuple.of(2, piece),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(6)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(piece, words, piece).as((a, b, c) -> a + b + " " + c)));
    }

    /** Raw text as a scraper delivers it: lines separated by line breaks of every kind. */
    static Arbitrary<String> plainText() {
        Arbitrary<String> breaks = Arbitraries.of("\n", "\n\n", "\r\n\r\n", "\r", "\u2028", "\n \n");
        return Combinators.combine(text(12).list().ofMaxSize(12), breaks).as((lines, separator) ->
                String.join(separator, lines));
    }

    /** A JSON value of any type, nested a little; strings escaped as JSON requires (or not, sometimes). */
    static Arbitrary<String> jsonValue(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(jsonString(), Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "1e309", "-0", "0.5"));
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<String> array = jsonValue(depth - 1).list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Combinators.combine(Arbitraries.of("caption", "credit", "url", "value", "role",
                        "contenttype", "type", "name", "description_text", "renditions", "href", "headline"),
                jsonValue(depth - 1)).as((k, v) -> "\"" + k + "\":" + v).list().ofMaxSize(4)
                .map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, scalar), net.jqwik.api.Tuple.of(2, array),
                net.jqwik.api.Tuple.of(2, object));
    }

    static Arbitrary<String> jsonString() {
        return text(8).map(HostileDocuments::quote);
    }

    static String quote(String raw) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** newsflow's JSON shape: known fields with values of any type, sometimes not JSON at all. */
    static Arbitrary<String> newsflowJson() {
        Arbitrary<String> member = Combinators.combine(Arbitraries.of("headline", "body", "images", "guid", "url",
                        "language", "section", "category", "byline", "keywords", "publishedAt", "embargoUntil", "action",
                        "bodyHtml", "id", "canonicalUrl"), jsonValue(2))
                .as((k, v) -> "\"" + k + "\":" + v);
        Arbitrary<String> likelyValid = Combinators.combine(jsonString(), text(20).list().ofMinSize(1).ofMaxSize(5),
                        member.list().ofMaxSize(5))
                .as((headline, body, more) -> "{\"headline\":" + headline + ",\"body\":["
                        + String.join(",", body.stream().map(HostileDocuments::quote).toList()) + "]"
                        + (more.isEmpty() ? "" : "," + String.join(",", more)) + "}");
        Arbitrary<String> anyMembers = member.list().ofMaxSize(8).map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, likelyValid), net.jqwik.api.Tuple.of(4, anyMembers),
                net.jqwik.api.Tuple.of(1, text(20)));
    }

    /** IPTC ninjs 1.x and 2.x shapes, with HTML bodies and picture associations. */
    static Arbitrary<String> ninjs() {
        Arbitrary<String> picture = Combinators.combine(jsonString(), jsonString(), jsonString())
                .as((description, credit, href) -> "{\"type\":\"picture\",\"description_text\":" + description
                        + ",\"creditline\":" + credit + ",\"renditions\":{\"original\":{\"href\":" + href + "}}}");
        Arbitrary<String> twoX = Combinators.combine(jsonString(), html(4).map(HostileDocuments::quote),
                        picture.list().ofMaxSize(3), jsonValue(1))
                .as((headline, body, pictures, extra) -> "{\"uri\":\"urn:x\",\"headlines\":[{\"value\":" + headline
                        + "}],\"bodies\":[{\"contenttype\":\"text/html\",\"value\":" + body + "}],\"associations\":{"
                        + String.join(",", pictures.stream().map(p -> "\"p" + p.hashCode() + "\":" + p).toList())
                        + "},\"subjects\":[{\"name\":" + extra + "}]}");
        Arbitrary<String> oneX = Combinators.combine(jsonString(), html(4).map(HostileDocuments::quote),
                        Arbitraries.of("usable", "canceled", "withheld", "\u0000"), jsonString())
                .as((headline, body, status, text) -> "{\"uri\":\"urn:y\",\"headline\":" + headline + ",\"body_html\":"
                        + body + ",\"pubstatus\":\"" + status + "\",\"body_text\":" + text + "}");
        return Arbitraries.oneOf(twoX, oneX);
    }

    /** An HTML page built from the elements article pages have, with chrome classes and odd attributes. */
    static Arbitrary<String> htmlPage() {
        Arbitrary<String> head = Combinators.combine(text(6), text(6), Arbitraries.of("", "en", "pt-BR", "x", "<"))
                .as((title, og, lang) -> "<html lang=\"" + lang + "\"><head><title>" + title
                        + "</title><meta property=\"og:title\" content=\"" + og.replace("\"", "&quot;") + "\">"
                        + "<meta name=\"keywords\" content=\"a, b, " + og.replace("\"", "") + "\">"
                        + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"x\"}</script>"
                        + "</head><body>");
        // Half the pages also have a story where pages usually put it, so that both refusals and drafts are common.
        Arbitrary<String> story = Combinators.combine(text(6), html(3), text(20), Arbitraries.integers().between(0, 1))
                .as((headline, inner, paragraph, present) -> present == 0 ? "" : "<article><h1>" + headline + "</h1>"
                        + inner + "<p>" + paragraph + " the council said on Monday.</p></article>");
        return Combinators.combine(head, html(4), story).as((h, body, article) -> h + body + article + "</body></html>");
    }

    /** An HTML fragment: elements nested up to {@code depth}, siblings of text and tags, sometimes unclosed. */
    static Arbitrary<String> html(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(text(6), Arbitraries.of("<br>", "<img src=\"a.jpg\" alt=\"alt\">",
                "<img src=\"\">", "<hr>", "&nbsp;", "<figcaption>Cap. Photo: A / B</figcaption>"));
        if (depth <= 0) {
            return leaf;
        }
        Arbitrary<String> tag = Arbitraries.of("p", "div", "article", "main", "figure", "figcaption", "h1", "h2", "nav",
                "aside", "section", "span", "li", "ul", "blockquote", "table", "td", "tr", "a", "header", "footer",
                "time", "small", "cite", "pre", "form", "template", "svg", "math");
        Arbitrary<String> attributes = Arbitraries.of("", " class=\"share comments\"", " class=\"story\"",
                " id=\"main\"", " itemprop=\"articleBody\"", " role=\"main\"", " aria-hidden=\"true\"",
                " datetime=\"2026-01-01T00:00:00Z\"", " href=\"https://example.org/x\"", " class=\"credit\"");
        Arbitrary<String> element = Combinators.combine(tag, attributes, html(depth - 1).list().ofMaxSize(3),
                        Arbitraries.integers().between(0, 3))
                .as((name, attrs, children, close) -> "<" + name + attrs + ">" + String.join("", children)
                        + (close == 0 ? "" : "</" + name + ">"));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, leaf), net.jqwik.api.Tuple.of(3, element));
    }
}
