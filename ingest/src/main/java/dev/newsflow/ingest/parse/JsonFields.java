package dev.newsflow.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.ingest.text.Paragraphs;
import dev.newsflow.ingest.text.TextHygiene;
import dev.newsflow.schema.ArticleAction;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Typed reads of optional JSON fields that name the field when its type is wrong. Unknown
 * fields are never looked at, so they are ignored; a field that is present with the wrong
 * type is an {@link InvalidArticleException}, never silently dropped.
 */
final class JsonFields {
    private JsonFields() {
    }

    static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "/" + field;
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** A cleaned string, or null when absent or blank. */
    static String text(JsonNode object, String field, String parent) {
        JsonNode node = object.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidArticleException(path(parent, field), field + " must be a string, not " + kind(node));
        }
        return TextHygiene.cleanOrNull(node.textValue());
    }

    /** A string exactly as sent (for HTML that is parsed later), or null when absent. */
    static String rawText(JsonNode object, String field, String parent) {
        JsonNode node = object.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidArticleException(path(parent, field), field + " must be a string, not " + kind(node));
        }
        return node.textValue();
    }

    /** The first of several accepted names that is present. */
    static String text(JsonNode object, String parent, String... fields) {
        for (String field : fields) {
            String value = text(object, field, parent);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** An RFC 3339 timestamp with an offset, e.g. {@code 2026-01-06T18:30:00Z}. */
    static Instant instant(JsonNode object, String field, String parent) {
        String value = text(object, field, parent);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidArticleException(path(parent, field),
                    field + " must be an RFC 3339 date-time with an offset, e.g. 2026-01-06T18:30:00Z; got '" + value + "'");
        }
    }

    static ArticleAction action(JsonNode object, String field, String parent) {
        String value = text(object, field, parent);
        if (value == null) {
            return null;
        }
        try {
            return ArticleAction.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidArticleException(path(parent, field),
                    field + " must be one of publish, update, correct, kill; got '" + value + "'");
        }
    }

    /** A list of strings; absent is empty. Blank entries are dropped. */
    static List<String> strings(JsonNode object, String field, String parent) {
        JsonNode node = object.get(field);
        List<String> values = new ArrayList<>();
        if (absent(node)) {
            return values;
        }
        if (!node.isArray()) {
            throw new InvalidArticleException(path(parent, field), field + " must be an array of strings, not " + kind(node));
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                throw new InvalidArticleException(path(parent, field) + "/" + i,
                        field + "[" + i + "] must be a string, not " + kind(item));
            }
            String clean = TextHygiene.cleanOrNull(item.textValue());
            if (clean != null) {
                values.add(clean);
            }
        }
        return values;
    }

    /** Body as an array of paragraphs, or one string with paragraphs separated by blank lines. */
    static List<String> paragraphs(JsonNode object, String field, String parent) {
        JsonNode node = object.get(field);
        if (absent(node)) {
            return new ArrayList<>();
        }
        if (node.isTextual()) {
            List<String> paragraphs = new ArrayList<>();
            for (String paragraph : Paragraphs.of(node.textValue())) {
                String clean = TextHygiene.cleanOrNull(paragraph);
                if (clean != null) {
                    paragraphs.add(clean);
                }
            }
            return paragraphs;
        }
        if (node.isArray()) {
            return strings(object, field, parent);
        }
        throw new InvalidArticleException(path(parent, field),
                field + " must be a string or an array of paragraph strings, not " + kind(node));
    }

    static JsonNode array(JsonNode object, String field, String parent) {
        JsonNode node = object.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidArticleException(path(parent, field), field + " must be an array, not " + kind(node));
        }
        return node;
    }

    static JsonNode object(JsonNode object, String field, String parent) {
        JsonNode node = object.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw new InvalidArticleException(path(parent, field), field + " must be an object, not " + kind(node));
        }
        return node;
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            case BINARY -> "binary";
            case NULL, MISSING -> "null";
        };
    }
}
