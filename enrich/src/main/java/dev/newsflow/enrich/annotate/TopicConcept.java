package dev.newsflow.enrich.annotate;

import java.util.List;

/**
 * A live (not retired) IPTC Media Topic.
 *
 * @param index     position in the knowledge base's topic table
 * @param qcode     e.g. {@code medtop:11000000}
 * @param level     1 for a top-level topic
 * @param parent    index of the broader concept, -1 for a top-level topic
 * @param label     English label
 * @param ancestors indexes of the broader concepts, nearest first
 */
public record TopicConcept(int index, String qcode, int level, int parent, String label, List<Integer> ancestors) {

    int topLevel() {
        return ancestors.isEmpty() ? index : ancestors.get(ancestors.size() - 1);
    }
}
