package dev.newsflow.bench.e2e;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the feed watcher needs of a JSON Feed page: its items' ids, in order, and its {@code next_url}.
 * Read as a token stream, skipping everything else unread: the watcher polls 20 times a second, and
 * building a tree of each ~1 MB page (items' HTML, entities, topics) made it the load generator's
 * busiest thread, on the cores it shares with the pipeline it measures.
 *
 * @param nextUrl the page's {@code next_url}, or empty when it has none
 */
record FeedPageIds(List<String> itemIds, String nextUrl) {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    static FeedPageIds read(byte[] page) throws IOException {
        List<String> ids = new ArrayList<>();
        String next = "";
        try (JsonParser parser = JSON.createParser(page)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a JSON Feed page is an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("items".equals(field) && value == JsonToken.START_ARRAY) {
                    for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                        if (item == JsonToken.START_OBJECT) {
                            ids.add(itemId(parser));
                        } else if (item == null) {
                            throw new IOException("the page ends inside its items");
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else if ("next_url".equals(field) && value == JsonToken.VALUE_STRING) {
                    next = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        }
        return new FeedPageIds(ids, next);
    }

    /** The id of the item whose START_OBJECT the parser is on (empty when it has none); leaves it at its END_OBJECT. */
    private static String itemId(JsonParser parser) throws IOException {
        String id = "";
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("id".equals(field) && value == JsonToken.VALUE_STRING) {
                id = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        return id;
    }
}
