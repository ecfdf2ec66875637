package dev.newsflow.syndicate.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.platform.errors.InvalidInputException;
import dev.newsflow.platform.errors.MalformedInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses and validates a feed's JSON filter expression into a {@link FeedFilter}.
 *
 * <pre>
 * filter   := { "all": [filter, ...] } | { "any": [filter, ...] } | { "not": filter } | { field: values, ... }
 * field    := section | category | publisher | language | topic | entity | keyword
 * values   := "one" | ["one", "two", ...]      (a list matches when any value matches)
 * </pre>
 *
 * An object with several keys needs all of them. {@code topic} takes IPTC Media Topic qcodes and
 * matches the topic or any descendant (through the {@code parents} chain); {@code entity} takes a
 * Wikidata QID ({@code Q…}) or a name; topics and entities count only at or above the feed's
 * minimum confidence. A bad filter is an {@link InvalidInputException} naming the path, e.g.
 * {@code filter.all[1].topic} ({@link MalformedInputException} when it is not JSON at all).
 */
public final class FilterParser {
    public static final int MAX_DEPTH = 16;
    public static final int MAX_LENGTH = 16_384;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern QCODE = Pattern.compile("medtop:\\d{8}");
    private static final Pattern QID = Pattern.compile("Q[1-9]\\d*");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final List<String> FIELDS = List.of("section", "category", "publisher", "language", "topic",
            "entity", "keyword");

    private FilterParser() {
    }

    /**
     * @param json          the stored filter, null or blank for everything
     * @param minConfidence minimum entity/topic confidence (0..1)
     * @param field         the name reported in problems
     */
    public static FeedFilter parse(String json, double minConfidence, String field) {
        if (json == null || json.isBlank()) {
            return FeedFilter.ALL;
        }
        if (json.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "filter is longer than " + MAX_LENGTH + " characters");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedInputException(field, "filter is not valid JSON: " + e.getOriginalMessage());
        }
        return node(root, minConfidence, field, 0);
    }

    private static FeedFilter node(JsonNode node, double minConfidence, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException(path, "filter nests deeper than " + MAX_DEPTH);
        }
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw new InvalidInputException(path, "must be a non-empty JSON object");
        }
        List<FeedFilter> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String key = entry.getKey();
            String at = path + "." + key;
            JsonNode value = entry.getValue();
            switch (key) {
                case "all", "any" -> {
                    if (!value.isArray() || value.isEmpty()) {
                        throw new InvalidInputException(at, key + " must be a non-empty array of filters");
                    }
                    List<FeedFilter> children = new ArrayList<>();
                    for (int i = 0; i < value.size(); i++) {
                        children.add(node(value.get(i), minConfidence, at + "[" + i + "]", depth + 1));
                    }
                    parts.add(key.equals("all") ? Matchers.all(children) : Matchers.any(children));
                }
                case "not" -> parts.add(Matchers.not(node(value, minConfidence, at, depth + 1)));
                default -> parts.add(field(key, value, minConfidence, at));
            }
        }
        return parts.size() == 1 ? parts.get(0) : Matchers.all(parts);
    }

    private static FeedFilter field(String key, JsonNode value, double minConfidence, String at) {
        List<String> values = strings(value, at);
        return switch (key) {
            case "section" -> Matchers.section(values);
            case "category" -> Matchers.category(values);
            case "publisher" -> Matchers.publisher(values);
            case "language" -> {
                values.forEach(v -> require(LANGUAGE.matcher(v).matches(), "'" + v + "' is not a BCP 47 language tag",
                        at));
                yield Matchers.language(values);
            }
            case "topic" -> {
                values.forEach(v -> require(QCODE.matcher(v).matches(),
                        "'" + v + "' is not an IPTC Media Topic qcode like medtop:11000000", at));
                yield Matchers.topic(values, minConfidence);
            }
            case "entity" -> Matchers.entity(values, minConfidence, QID);
            case "keyword" -> Matchers.keyword(values);
            default -> throw new InvalidInputException(at, "unknown filter field '" + key + "'; known: all, any, not, "
                    + String.join(", ", FIELDS));
        };
    }

    private static List<String> strings(JsonNode value, String at) {
        List<String> values = new ArrayList<>();
        if (value.isTextual()) {
            values.add(value.asText());
        } else if (value.isArray() && !value.isEmpty()) {
            for (JsonNode element : value) {
                require(element.isTextual(), "must be a string or an array of strings", at);
                values.add(element.asText());
            }
        } else {
            throw new InvalidInputException(at, "must be a string or a non-empty array of strings");
        }
        for (String v : values) {
            require(!v.isBlank(), "values must not be blank", at);
            require(v.length() <= 256, "values must be at most 256 characters", at);
        }
        return values.stream().map(String::strip).toList();
    }

    private static void require(boolean condition, String message, String at) {
        if (!condition) {
            throw new InvalidInputException(at, message);
        }
    }

    static String fold(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
