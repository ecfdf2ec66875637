package dev.newsflow.ingest.article;

import dev.newsflow.platform.digest.Sha256;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The stable article id, the same for every version of one story:
 * <ol>
 *   <li>with a publisher GUID: {@code <publisher>-g-<hash of publisher + GUID>};</li>
 *   <li>else with a canonical URL: {@code <publisher>-u-<hash of publisher + normalised URL>};</li>
 *   <li>else (raw text with neither): {@code <publisher>-h-<hash of publisher + normalised headline>}
 *       — so such an article can only be updated by re-posting it with the same headline.</li>
 * </ol>
 * The hash is the first 24 hex digits (96 bits) of SHA-256; hashing namespaces the GUID by
 * publisher, so two publishers with the same GUID never collide, and keeps ids URL-safe.
 */
public final class ArticleIds {
    private static final int HASH_HEX_DIGITS = 24;

    private ArticleIds() {
    }

    public static String articleId(String publisherId, ArticleDraft draft) {
        if (draft.guid() != null) {
            return publisherId + "-g-" + hash(publisherId, draft.guid());
        }
        if (draft.canonicalUrl() != null) {
            return publisherId + "-u-" + hash(publisherId, normaliseUrl(draft.canonicalUrl()));
        }
        String headline = draft.headline() == null ? "" : draft.headline();
        return publisherId + "-h-" + hash(publisherId, headline.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip());
    }

    /**
     * Lower-case scheme and host, default port, fragment and tracking parameters
     * ({@code utm_*}, {@code fbclid}, {@code gclid}) removed: the same page reached by a
     * campaign link keeps its id.
     */
    public static String normaliseUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return url.strip();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            if ((port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"))) {
                port = -1;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            StringBuilder out = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
            if (port != -1) {
                out.append(':').append(port);
            }
            out.append(path);
            String query = keptQuery(uri.getRawQuery());
            if (!query.isEmpty()) {
                out.append('?').append(query);
            }
            return out.toString();
        } catch (URISyntaxException e) {
            return url.strip();
        }
    }

    private static String keptQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !name.equals("fbclid") && !name.equals("gclid") && !parameter.isEmpty()) {
                kept.add(parameter);
            }
        }
        return String.join("&", kept);
    }

    private static String hash(String publisherId, String value) {
        return Sha256.hex(publisherId + "\n" + value).substring(0, HASH_HEX_DIGITS);
    }
}
