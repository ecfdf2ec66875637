package dev.newsflow.bench.corpus;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Renders a {@link CorpusArticle} in the three shapes publishers send. Every caption is printed
 * twice (scraped pages repeat the photo block), and text and HTML pages carry site chrome
 * (share widgets, an editor/terms footer) that the pipeline must drop.
 */
final class ArticleRenderer {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FOOTER = "Editor in chief \u2014 Marta Quennell. Terms of use. Privacy policy.";

    private ArticleRenderer() {
    }

    static String render(CorpusArticle article) {
        return switch (article.shape()) {
            case TEXT -> text(article);
            case JSON -> json(article);
            case HTML -> html(article);
        };
    }

    private static String text(CorpusArticle article) {
        StringBuilder out = new StringBuilder(estimate(article));
        out.append(article.section()).append(article.category()).append("\n\n");
        out.append(article.headline()).append("\n\n");
        if (article.byline() != null) {
            out.append("By ").append(article.byline()).append("\n\n");
        }
        for (CorpusImage image : article.images()) {
            for (int copy = 0; copy < 2; copy++) {
                out.append(image.caption()).append(' ').append(image.credit()).append("\n\n");
            }
        }
        for (String paragraph : article.body()) {
            out.append(paragraph).append("\n\n");
        }
        out.append("shareprint\n").append(FOOTER);
        return out.toString();
    }

    private static String json(CorpusArticle article) {
        ObjectNode root = JSON.createObjectNode();
        root.put("guid", article.guid());
        root.put("url", article.canonicalUrl());
        root.put("language", "en");
        root.put("section", article.section());
        root.put("category", article.category());
        root.put("headline", article.headline());
        if (article.byline() != null) {
            root.put("byline", article.byline());
        }
        ArrayNode body = root.putArray("body");
        article.body().forEach(body::add);
        ArrayNode images = root.putArray("images");
        for (CorpusImage image : article.images()) {
            for (int copy = 0; copy < 2; copy++) {
                images.addObject().put("caption", image.caption()).put("credit", image.credit()).put("url", image.url());
            }
        }
        ArrayNode keywords = root.putArray("keywords");
        article.keywords().forEach(keywords::add);
        root.put("publishedAt", article.publishedAt().toString());
        if (article.action() != null) {
            root.put("action", article.action());
        }
        return root.toString();
    }

    private static String html(CorpusArticle article) {
        StringBuilder out = new StringBuilder(estimate(article) + 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(escape(article.headline())).append(" | The Bench Courier</title>")
                .append("<link rel=\"canonical\" href=\"").append(escape(article.canonicalUrl())).append("\">")
                .append("<meta property=\"article:published_time\" content=\"").append(article.publishedAt()).append("\">")
                .append("<script>window.analytics = {page: 'article'};</script></head>\n<body>")
                .append("<header><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav></header>\n")
                .append("<main><article data-guid=\"").append(escape(article.guid())).append("\">\n")
                .append("<p class=\"kicker\">").append(escape(article.section())).append(" / ")
                .append(escape(article.category())).append("</p>\n")
                .append("<h1>").append(escape(article.headline())).append("</h1>\n");
        if (article.byline() != null) {
            out.append("<p class=\"byline\">By ").append(escape(article.byline())).append("</p>\n");
        }
        for (CorpusImage image : article.images()) {
            for (int copy = 0; copy < 2; copy++) {
                out.append("<figure><img src=\"").append(escape(image.url())).append("\" alt=\"\"><figcaption>")
                        .append(escape(image.caption())).append(" <span class=\"credit\">")
                        .append(escape(image.credit())).append("</span></figcaption></figure>\n");
            }
        }
        for (String paragraph : article.body()) {
            out.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
        out.append("</article></main>\n<div class=\"share\"><button>share</button><button>print</button></div>\n")
                .append("<footer><p>").append(escape(FOOTER)).append("</p></footer></body></html>\n");
        return out.toString();
    }

    private static int estimate(CorpusArticle article) {
        int chars = 256;
        for (String paragraph : article.body()) {
            chars += paragraph.length() + 2;
        }
        return chars;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Visible for tests: the chrome footer every text and HTML page ends with. */
    static List<String> chromeLines() {
        return List.of("shareprint", FOOTER);
    }
}
