package dev.newsflow.enrich.topics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a labelled topics file ({@code data/topics/*.jsonl}, and what {@code newsflow eval topics}
 * reads): {@code {"id", "headline", "body", "topics"}}, body a string or an array of paragraphs,
 * topics IPTC qcodes with the expected top level first.
 *
 * @param id       optional
 * @param headline may be empty
 * @param body     paragraphs
 * @param topics   qcodes as given
 */
public record LabelledJson(String id, String headline, List<String> body, List<String> topics) {

    /** Parses a line; {@code where} (file:line) goes into the message of a bad line, with the field. */
    public static LabelledJson parse(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": not a JSON object");
        }
        JsonNode headline = node.get("headline");
        if (headline != null && !headline.isNull() && !headline.isTextual()) {
            throw new IllegalArgumentException(where + ": field headline must be a string");
        }
        List<String> body = new ArrayList<>();
        JsonNode b = node.get("body");
        if (b == null || b.isNull()) {
            throw new IllegalArgumentException(where + ": field body is missing");
        } else if (b.isTextual()) {
            for (String paragraph : b.asText().split("\n\\s*\n")) {
                if (!paragraph.isBlank()) {
                    body.add(paragraph.trim());
                }
            }
        } else if (b.isArray()) {
            for (JsonNode p : b) {
                if (!p.isTextual()) {
                    throw new IllegalArgumentException(where + ": field body must hold strings only");
                }
                body.add(p.asText());
            }
        } else {
            throw new IllegalArgumentException(where + ": field body must be a string or an array of strings");
        }
        JsonNode t = node.get("topics");
        if (t == null || !t.isArray() || t.isEmpty()) {
            throw new IllegalArgumentException(where + ": field topics must be a non-empty array of qcodes");
        }
        List<String> topics = new ArrayList<>();
        for (JsonNode q : t) {
            String qcode = q.asText("");
            if (!qcode.startsWith("medtop:")) {
                throw new IllegalArgumentException(where + ": field topics: '" + qcode + "' is not a qcode like medtop:11000000");
            }
            topics.add(qcode);
        }
        JsonNode id = node.get("id");
        return new LabelledJson(id == null || id.isNull() ? null : id.asText(),
                headline == null || headline.isNull() ? "" : headline.asText(), body, topics);
    }
}
