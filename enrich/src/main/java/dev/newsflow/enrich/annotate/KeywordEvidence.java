package dev.newsflow.enrich.annotate;

import java.util.Arrays;
import java.util.List;

/**
 * Hits of the IPTC keyword lexicon in an article's prose fields, weighted by field, with diminishing
 * returns for repeats (a word said ten times is not ten times the evidence). Thread-safe: the dense
 * per-concept sums live in per-thread scratch arrays, cleared after each article.
 */
final class KeywordEvidence {
    private final KnowledgeBase kb;
    private final ThreadLocal<Scratch> scratch;

    private static final class Scratch {
        final double[] own;
        int[] touched = new int[32];
        int count;

        Scratch(int n) {
            own = new double[n];
        }
    }

    KeywordEvidence(KnowledgeBase kb) {
        this.kb = kb;
        int n = kb.topicCount();
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(n));
    }

    TopicEvidence evidence(List<ArticleField> fields, Tokens[] tokens, List<dev.newsflow.schema.Entity> entities) {
        return new TopicEvidence(fields, tokens, entities, this);
    }

    void scan(List<ArticleField> fields, Tokens[] tokens, TopicEvidence evidence) {
        Scratch s = scratch.get();
        try {
            for (int f = 0; f < fields.size(); f++) {
                if (fields.get(f).prose() && tokens[f] != null) {
                    scan(fields.get(f).weight(), tokens[f], s);
                }
            }
            int[] topics = Arrays.copyOf(s.touched, s.count);
            Arrays.sort(topics); // concept order, whatever order the words came in
            double[] weights = new double[topics.length];
            for (int k = 0; k < topics.length; k++) {
                weights[k] = s.own[topics[k]];
            }
            evidence.keywordHits(topics, weights);
        } finally {
            for (int k = 0; k < s.count; k++) {
                s.own[s.touched[k]] = 0;
            }
            s.count = 0;
        }
    }

    private void scan(double weight, Tokens tokens, Scratch s) {
        kb.keywords().scan(tokens, (keyword, end) -> {
            int[] topics = kb.keywordTopics(keyword);
            double[] weights = kb.keywordWeights(keyword);
            for (int k = 0; k < topics.length; k++) {
                int t = topics[k];
                double before = s.own[t];
                if (before == 0) {
                    if (s.count == s.touched.length) {
                        s.touched = Arrays.copyOf(s.touched, s.count * 2);
                    }
                    s.touched[s.count++] = t;
                }
                s.own[t] = before + weights[k] * weight / (1 + before / 8.0);
            }
        });
    }
}
