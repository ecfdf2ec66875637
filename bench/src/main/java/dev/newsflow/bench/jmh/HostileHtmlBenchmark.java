package dev.newsflow.bench.jmh;

import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.parse.HtmlNormaliser;
import dev.newsflow.ingest.parse.InvalidArticleException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading an HTML page built to be slow, at ingest's body limit (2 MiB): the answer (a draft, or a 422 naming the
 * depth limit) must come in well under a second whatever the shape. Shapes: {@code NESTED_*} nest one element
 * ~100,000 deep (refused at the depth limit after parsing); {@code WIDE_*} put ~40,000-100,000 siblings in one
 * parent (scripts to remove, chrome boxes, figures, br-separated text, one-paragraph divs). Score: pages/s on one
 * core; the report adds ms per page.
 */
@State(Scope.Benchmark)
public class HostileHtmlBenchmark extends OneCoreThroughput {
    static final int BODY_LIMIT = 2 * 1024 * 1024;

    /** A hostile page: a repeated piece, and the close it needs. */
    public enum Shape {
        NESTED_FIGURE("<figure>"),
        NESTED_DIV("<div>"),
        NESTED_LIST("<ul><li>"),
        NESTED_CAPTION("<figure><figcaption>"),
        WIDE_SCRIPT("<script>x</script>"),
        WIDE_CHROME("<div class=\"share\">x</div>"),
        WIDE_FIGURE("<figure><img src=\"a.jpg\"><figcaption>Caption. Photo: A / B</figcaption></figure>"),
        WIDE_BR("words in a table cell separated by line breaks only, as old sites do<br>"),
        WIDE_DIV_P("<div><p>One more short paragraph of the story.</p></div>");

        final String piece;

        Shape(String piece) {
            this.piece = piece;
        }

        String page() {
            String head = "<html><body><h1>Hostile</h1><table><tr><td><article>";
            String tail = "<p>The one real paragraph of this page, long enough to be the story.</p></article></td></tr>"
                    + "</table></body></html>";
            return head + piece.repeat((BODY_LIMIT - head.length() - tail.length()) / piece.length()) + tail;
        }
    }

    @Param
    public Shape shape;

    private String page;
    private HtmlNormaliser normaliser;

    @Setup(Level.Trial)
    public void setUp() {
        page = shape.page();
        normaliser = new HtmlNormaliser();
    }

    @Benchmark
    public Object read() {
        try {
            ArticleDraft draft = normaliser.normalise(page);
            return draft;
        } catch (InvalidArticleException refused) {
            return refused.getMessage();
        }
    }
}
