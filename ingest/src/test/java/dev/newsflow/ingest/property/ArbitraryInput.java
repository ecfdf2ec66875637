package dev.newsflow.ingest.property;

import java.util.List;
import java.util.Random;

/**
 * Generates hostile input for the property tests from a seed: random code points across the
 * planes (controls, unpaired surrogates, non-characters, combining marks), markup, JSON
 * fragments, credit lines, chrome and line breaks of every kind. The seed is printed by the
 * test that fails, so any failure can be replayed.
 */
final class ArbitraryInput {
    private static final List<String> PIECES = List.of("\n", "\r\n", "\r", "\n\n", "\u2028", "\u0085", "\t", " ",
            "\u00A0", "\u200B", "\uFEFF", "\u0000", "\u0007", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF",
            "\uD83D\uDE00", "e\u0301", "\u212B", "<p>", "</p>", "<b>bold</b>", "<script>x()</script>", "&amp;", "&#0;",
            "&#x1F;", "<!--", "-->", "<![CDATA[", "]]>", "Photo: EPA / Ludovic Marin", "(Photo by A/B)",
            "AP Photo/Jane Doe", "Reuters/X", "shareprint", "Read more", "Terms of use. Privacy policy.",
            "NewsPolitics", "By Jane Doe", "{", "}", "[", "]", "\"", ":", ",", "\\", "\\u0000", "null", "true", "1e309",
            "<figure><img src=x><figcaption>Cap. Photo: A / B</figcaption></figure>", "<h1>", "</h1>", "<article>",
            "<time datetime=\"nonsense\">", "<meta property=\"og:title\" content=\"\u0001T\">");

    private final Random random;

    ArbitraryInput(long seed) {
        this.random = new Random(seed);
    }

    String text(int maxPieces) {
        StringBuilder out = new StringBuilder();
        int pieces = random.nextInt(maxPieces + 1);
        for (int i = 0; i < pieces; i++) {
            switch (random.nextInt(4)) {
                case 0 -> out.append(PIECES.get(random.nextInt(PIECES.size())));
                case 1 -> out.appendCodePoint(randomCodePoint());
                case 2 -> out.append(word());
                default -> out.append(' ').append(word()).append(random.nextBoolean() ? ". " : " ");
            }
        }
        return out.toString();
    }

    /** A JSON document that is often valid, with known fields holding values of random types. */
    String json() {
        if (random.nextInt(10) == 0) {
            return text(20);
        }
        StringBuilder out = new StringBuilder("{");
        List<String> fields = List.of("headline", "body", "images", "guid", "url", "language", "section", "category",
                "byline", "keywords", "publishedAt", "embargoUntil", "action", "uri", "body_html", "headlines", "bodies",
                "associations", "subjects", "pubstatus", "versioncreated", "bodyHtml");
        int count = random.nextInt(8);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(fields.get(random.nextInt(fields.size()))).append("\":").append(jsonValue(2));
        }
        return out.append('}').toString();
    }

    private String jsonValue(int depth) {
        int kind = random.nextInt(depth <= 0 ? 4 : 6);
        return switch (kind) {
            case 0 -> jsonString();
            case 1 -> Integer.toString(random.nextInt());
            case 2 -> random.nextBoolean() ? "true" : "null";
            case 3 -> jsonString();
            case 4 -> {
                StringBuilder array = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    array.append(i > 0 ? "," : "").append(jsonValue(depth - 1));
                }
                yield array.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                List<String> keys = List.of("caption", "credit", "url", "value", "role", "contenttype", "type", "name",
                        "description_text", "renditions", "href");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    object.append(i > 0 ? "," : "").append('"').append(keys.get(random.nextInt(keys.size())))
                            .append("\":").append(jsonValue(depth - 1));
                }
                yield object.append('}').toString();
            }
        };
    }

    private String jsonString() {
        StringBuilder out = new StringBuilder("\"");
        String raw = text(8);
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

    String html() {
        StringBuilder out = new StringBuilder(random.nextBoolean() ? "<html><body>" : "");
        List<String> tags = List.of("p", "div", "article", "main", "figure", "figcaption", "h1", "h2", "nav", "aside",
                "section", "span", "li", "ul", "blockquote", "table", "td");
        int blocks = random.nextInt(12);
        for (int i = 0; i < blocks; i++) {
            String tag = tags.get(random.nextInt(tags.size()));
            out.append('<').append(tag);
            if (random.nextInt(3) == 0) {
                out.append(" class=\"").append(random.nextBoolean() ? "share comments" : "story").append('"');
            }
            out.append('>').append(text(6));
            if (random.nextInt(4) != 0) {
                out.append("</").append(tag).append('>');
            }
        }
        return out.toString();
    }

    private String word() {
        int length = 1 + random.nextInt(9);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ((random.nextBoolean() ? 'a' : 'A') + random.nextInt(26)));
        }
        return word.toString();
    }

    private int randomCodePoint() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(0x80);
            case 1 -> random.nextInt(0x800);
            case 2 -> random.nextInt(0x10000);
            default -> random.nextInt(0x110000);
        };
    }
}
