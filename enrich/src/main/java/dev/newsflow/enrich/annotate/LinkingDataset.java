package dev.newsflow.enrich.annotate;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.CleanupReport;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Image;
import dev.newsflow.schema.SourceFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Articles with hand-checked entity links, in newsflow's linking format:
 * <pre>
 * === article-id topic
 * H: headline with [[Keir Starmer|PER|Q6383803]] …
 * P: a body paragraph, [[Starmer|PER|Q6383803]]'s plan …
 * C: a photo caption
 * R: the photo's credit, "creditline / by" (never marked: credits are not entities of the story)
 * </pre>
 * Every named mention is marked {@code [[surface|TYPE|GOLD]]} with GOLD a Wikidata QID or {@code NIL};
 * lines starting with {@code #} are comments.
 */
public final class LinkingDataset {
    private static final Pattern MARK = Pattern.compile("\\[\\[([^|\\]]+)\\|([A-Z]+)\\|([^\\]]+)\\]\\]");
    private static final Pattern QID = Pattern.compile("Q[1-9][0-9]*");

    private LinkingDataset() {
    }

    /** A marked mention: where it is in the article's fields, and its gold id (null for NIL). */
    public record GoldMention(String field, int start, int end, String text, String type, String qid) {
    }

    /** One article: what the annotator reads, and the gold mentions. */
    public record Article(String id, String topic, EnrichedArticle.Builder article, List<GoldMention> gold) {
    }

    public static List<Article> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    static List<Article> parse(String text, String source) {
        List<Article> articles = new ArrayList<>();
        String id = null;
        String topic = "";
        String headline = null;
        List<String> body = new ArrayList<>();
        List<Image> images = new ArrayList<>();
        List<GoldMention> gold = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("===")) {
                if (id != null) {
                    articles.add(article(id, topic, headline, body, images, gold, source));
                }
                String[] head = line.substring(3).strip().split("\\s+", 2);
                id = head[0];
                topic = head.length > 1 ? head[1] : "";
                headline = null;
                body = new ArrayList<>();
                images = new ArrayList<>();
                gold = new ArrayList<>();
                continue;
            }
            if (id == null || line.length() < 3 || line.charAt(1) != ':') {
                throw new IllegalArgumentException(source + ":" + (n + 1) + ": expected === id, or H:, P:, C:, R: line");
            }
            String content = line.substring(2).strip();
            switch (line.charAt(0)) {
                case 'H' -> headline = strip(content, "headline", gold, source, n);
                case 'P' -> body.add(strip(content, "body[" + body.size() + "]", gold, source, n));
                case 'C' -> images.add(Image.newBuilder()
                        .setCaption(strip(content, "images[" + images.size() + "].caption", gold, source, n)).build());
                case 'R' -> {
                    if (images.isEmpty()) {
                        throw new IllegalArgumentException(source + ":" + (n + 1) + ": credit without a caption before it");
                    }
                    int slash = content.indexOf(" / ");
                    Image last = images.get(images.size() - 1);
                    last.setCreditline(slash < 0 ? content : content.substring(0, slash).strip());
                    last.setBy(slash < 0 ? null : content.substring(slash + 3).strip());
                    last.setRawCredit(content);
                }
                default -> throw new IllegalArgumentException(source + ":" + (n + 1) + ": unknown line kind " + line.charAt(0));
            }
        }
        if (id != null) {
            articles.add(article(id, topic, headline, body, images, gold, source));
        }
        return articles;
    }

    private static Article article(String id, String topic, String headline, List<String> body, List<Image> images,
                                   List<GoldMention> gold, String source) {
        if (headline == null || body.isEmpty()) {
            throw new IllegalArgumentException(source + ": article " + id + " needs a headline and a body");
        }
        EnrichedArticle.Builder article = EnrichedArticle.newBuilder()
                .setArticleId(id)
                .setPublisherId("linking-dev")
                .setVersion(1)
                .setAction(ArticleAction.PUBLISH)
                .setSourceFormat(SourceFormat.TEXT)
                .setReceivedAt(Instant.EPOCH)
                .setEnrichedAt(Instant.EPOCH)
                .setHeadline(headline)
                .setBody(body)
                .setImages(images)
                .setCleanup(CleanupReport.newBuilder().build())
                .setContentHash(id);
        return new Article(id, topic, article, List.copyOf(gold));
    }

    /** The field's text without marks; each mark becomes a gold mention at its place in that text. */
    private static String strip(String marked, String field, List<GoldMention> gold, String source, int line) {
        StringBuilder text = new StringBuilder(marked.length());
        Matcher m = MARK.matcher(marked);
        int from = 0;
        while (m.find()) {
            text.append(marked, from, m.start());
            int start = text.length();
            text.append(m.group(1));
            String id = m.group(3);
            if (!id.equals("NIL") && !QID.matcher(id).matches()) {
                throw new IllegalArgumentException(source + ":" + (line + 1) + ": gold must be a QID or NIL, not " + id);
            }
            gold.add(new GoldMention(field, start, text.length(), m.group(1), m.group(2), id.equals("NIL") ? null : id));
            from = m.end();
        }
        text.append(marked, from, marked.length());
        if (text.indexOf("[[") >= 0) {
            throw new IllegalArgumentException(source + ":" + (line + 1) + ": unclosed or malformed mark");
        }
        return text.toString();
    }
}
