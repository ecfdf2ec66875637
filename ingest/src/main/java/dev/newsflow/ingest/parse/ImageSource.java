package dev.newsflow.ingest.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Where an {@code <img>} really loads its picture from, as an absolute http(s) URL, or null. Pages that load images
 * lazily put a placeholder in {@code src} (a {@code data:} URI of a blank GIF or SVG) and the picture in
 * {@code data-src}, {@code data-lazy-src}, {@code data-original} or a {@code srcset}: those are read first, and a
 * {@code data:} URI is never a picture's address. A URL with characters a URI may not hold ({@code |}, spaces) is
 * percent-encoded; one that still cannot be read is left out, and the image keeps its caption: a page is never
 * refused for what its image markup holds.
 */
final class ImageSource {
    /** Lazy-loading attributes, in the order their scripts prefer them; {@code src} after them. */
    private static final List<String> SOURCE_ATTRIBUTES = List.of("data-src", "data-lazy-src", "data-original",
            "data-lazy", "data-url", "data-hi-res-src", "src");
    private static final List<String> SRCSET_ATTRIBUTES = List.of("data-srcset", "data-lazy-srcset", "srcset");

    private static final Evaluator BASE_HREF = QueryParser.parse("base[href]");

    private final URI base;

    ImageSource(Document page, String canonicalUrl) {
        Element baseElement = page.selectFirst(BASE_HREF);
        URI found = absolute(baseElement == null ? null : baseElement.attr("href"));
        this.base = found != null ? found : absolute(canonicalUrl);
    }

    /** Whether the element is an image with any address to read. */
    static boolean hasSource(Element element) {
        if (!element.nameIs("img")) {
            return false;
        }
        for (String attribute : SOURCE_ATTRIBUTES) {
            if (element.hasAttr(attribute)) {
                return true;
            }
        }
        for (String attribute : SRCSET_ATTRIBUTES) {
            if (element.hasAttr(attribute)) {
                return true;
            }
        }
        return false;
    }

    /** The picture's absolute http(s) URL, or null when the markup names none that can be read. */
    String resolve(Element image) {
        for (String attribute : SOURCE_ATTRIBUTES) {
            String url = usable(image.attr(attribute));
            if (url != null) {
                return url;
            }
        }
        for (String attribute : SRCSET_ATTRIBUTES) {
            String srcset = image.attr(attribute).strip();
            if (!srcset.isEmpty()) {
                // "a.jpg 320w, b.jpg 640w": the first candidate's URL.
                String first = srcset.split(",")[0].strip().split("\\s+")[0];
                String url = usable(first);
                if (url != null) {
                    return url;
                }
            }
        }
        return null;
    }

    private String usable(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty() || value.regionMatches(true, 0, "data:", 0, 5) || value.startsWith("#")
                || value.regionMatches(true, 0, "javascript:", 0, 11)) {
            return null;
        }
        URI uri = parse(value);
        if (uri == null) {
            return null;
        }
        if (!uri.isAbsolute()) {
            if (base == null) {
                return null;
            }
            uri = base.resolve(uri);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
    }

    private static URI absolute(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        URI uri = parse(value.strip());
        return uri != null && uri.isAbsolute() && uri.getHost() != null ? uri : null;
    }

    /** The value as a URI, with characters a URI may not hold percent-encoded first when it needs that. */
    private static URI parse(String value) {
        try {
            return new URI(value.startsWith("//") ? "https:" + value : value);
        } catch (URISyntaxException e) {
            try {
                return new URI(encodeIllegal(value.startsWith("//") ? "https:" + value : value));
            } catch (URISyntaxException stillBad) {
                return null;
            }
        }
    }

    private static String encodeIllegal(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean allowed = c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0;
            if (allowed) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
