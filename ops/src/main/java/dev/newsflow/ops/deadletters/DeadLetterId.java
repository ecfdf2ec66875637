package dev.newsflow.ops.deadletters;

import dev.newsflow.schemas.topics.TopicCatalogue;

/**
 * A dead letter's id: where it sits on the dead-letter topic, {@code articles-dead-letter/<partition>/<offset>}.
 * Offsets never change or repeat, so the id names one dead letter for as long as the topic keeps it.
 */
public record DeadLetterId(int partition, long offset) {
    private static final String PREFIX = TopicCatalogue.ARTICLES_DEAD_LETTER + "/";

    public DeadLetterId {
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("a dead letter id has a partition and an offset of 0 or more");
        }
    }

    public static DeadLetterId parse(String text) {
        String[] parts = text.startsWith(PREFIX) ? text.substring(PREFIX.length()).split("/", -1) : new String[0];
        try {
            if (parts.length == 2) {
                return new DeadLetterId(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
            }
        } catch (IllegalArgumentException e) {
            // the message below says what an id looks like
        }
        throw new IllegalArgumentException("'" + text + "' is not a dead letter id: expected " + PREFIX
                + "<partition>/<offset>, e.g. " + PREFIX + "0/12");
    }

    @Override
    public String toString() {
        return PREFIX + partition + "/" + offset;
    }
}
