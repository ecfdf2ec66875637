package dev.newsflow.syndicate.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The partner guide ({@code docs/partners.md} in the repository, bundled in the jar): {@code GET /docs} as an HTML
 * page that needs nothing from elsewhere (styles inline, no scripts, no CDN) and {@code GET /docs/partners.md} as
 * written. Public, like the formats it describes; rendered once at start.
 */
public final class PartnerGuideRoutes {
    static final String RESOURCE = "/dev/newsflow/syndicate/docs/partners.md";
    private static final String STYLE = "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
            + "padding:0 1rem;color:#222}code,pre{font:14px/1.4 ui-monospace,monospace;background:#f4f4f4}"
            + "pre{padding:.8rem;overflow-x:auto}table{border-collapse:collapse;margin:1rem 0}"
            + "th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}"
            + "h1,h2{border-bottom:1px solid #ddd}";

    private final String markdown;
    private final String html;

    private PartnerGuideRoutes(String markdown) {
        this.markdown = markdown;
        this.html = page(markdown);
    }

    public static PartnerGuideRoutes fromJar() {
        try (InputStream in = PartnerGuideRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the syndicate jar");
            }
            return new PartnerGuideRoutes(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void install(JavalinConfig config) {
        config.routes.get("/docs", this::html);
        config.routes.get("/docs/partners.md", ctx -> headers(ctx).contentType("text/markdown; charset=utf-8")
                .result(markdown));
    }

    private void html(Context ctx) {
        headers(ctx).contentType("text/html; charset=utf-8").result(html);
    }

    private static Context headers(Context ctx) {
        // Nothing on the page may load or run anything: it is documentation, served from partners' browsers.
        return ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "public, max-age=300");
    }

    static String page(String markdown) {
        List<Extension> extensions = List.of(TablesExtension.create());
        Parser parser = Parser.builder().extensions(extensions).build();
        // The guide is ours, but raw HTML in it is escaped all the same: the page has no reason to carry any.
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).build();
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>newsflow feeds: a guide for partners</title><style>" + STYLE + "</style></head><body>\n"
                + renderer.render(parser.parse(markdown)) + "</body></html>\n";
    }
}
