package dev.newsflow.enrich.topics.train;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One labelled text the topic model learns from.
 *
 * @param id        stable id: decides the held-out split and the cross-validation fold
 * @param source    where it comes from ({@code written}, {@code wikipedia-current-events}, {@code iptc},
 *                  {@code crossner}): reports and source weights go by it
 * @param headline  headline (or the story headings of a summary), may be empty
 * @param body      paragraphs
 * @param topLevel  top-level qcode → share of the label (1 for a single label; a summary filed under
 *                  "health and environment" is half health, half environment)
 * @param level2    second-level qcodes the text is about (deeper codes already mapped to their
 *                  second-level ancestor); empty when the source does not say
 * @param level2Not second-level qcodes the text is known not to be about, where the source says so
 *                  without naming the ones it is about (a portal's "Politics and elections" summary
 *                  is not international relations)
 * @param weight    how much the text counts, before class weighting
 */
public record TrainingArticle(String id, String source, String headline, List<String> body,
                              Map<String, Double> topLevel, Set<String> level2, Set<String> level2Not,
                              double weight) {
}
