package dev.newsflow.enrich.annotate;

import dev.newsflow.schema.Entity;
import dev.newsflow.schema.EntityType;
import dev.newsflow.schema.Topic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The lexicon topic assigner (before the trained model, {@code dev.newsflow.enrich.topics}, replaced it
 * as the standard; kept as the baseline {@code newsflow eval topics --assigner lexicon} compares with):
 * keyword lexicon hits (Aho-Corasick over the lower-cased text, see {@link KeywordEvidence}) plus
 * priors from the entities (a head of government counts for politics, an army for conflict, war and
 * peace). Evidence for a concept also counts for its ancestors. The best top-level topic is always
 * given when there is any evidence; other top-level topics when close to it; deeper concepts only
 * when their own evidence is strong. Retired concepts are not in the knowledge base, so they are
 * never emitted.
 */
public final class TopicClassifier implements TopicAssigner {
    /** Evidence a top-level topic needs, relative to the best one, to be given too. */
    static final double RELATIVE_TOP_LEVEL = 0.4;
    static final double MIN_TOP_LEVEL = 2.0;
    /** Own evidence a deeper concept needs, and its share of its parent's evidence. */
    static final double MIN_DEEPER = 3.0;
    static final double RELATIVE_DEEPER = 0.2;
    static final int MAX_TOPICS = 8;
    /** Least score a deeper concept is given with: below it, it is noise next to the article's main topic. */
    static final double MIN_DEEPER_SCORE = 0.1;

    private final KnowledgeBase kb;
    private final int politics;
    private final int government;
    private final int internationalRelations;
    private final int conflict;
    private final int economy;
    private final int sport;
    private final int crime;
    private final int health;
    private final int science;
    private final int religion;
    private final int arts;
    private final int massMedia;
    private final int environment;

    public TopicClassifier(KnowledgeBase kb) {
        this.kb = kb;
        politics = index("medtop:11000000");
        government = index("medtop:20000593");
        internationalRelations = index("medtop:20000638");
        conflict = index("medtop:16000000");
        economy = index("medtop:04000000");
        sport = index("medtop:15000000");
        crime = index("medtop:02000000");
        health = index("medtop:07000000");
        science = index("medtop:13000000");
        religion = index("medtop:12000000");
        arts = index("medtop:01000000");
        massMedia = index("medtop:20000045");
        int n = kb.topicCount();
        scratch = ThreadLocal.withInitial(() -> new Scratch(n));
        environment = index("medtop:06000000");
    }

    private int index(String qcode) {
        TopicConcept c = kb.topic(qcode);
        if (c == null) {
            throw new IllegalStateException("IPTC concept missing from the knowledge base: " + qcode);
        }
        return c.index();
    }

    @Override
    public List<Topic> assign(TopicEvidence evidence) {
        Scratch s = scratch.get();
        s.touchedCount = -1;
        try {
            return classify(evidence, s);
        } finally {
            clear(s);
        }
    }

    /** Per-thread scratch arrays, cleared after each article: no 20 kB of zeroing per article. */
    private final ThreadLocal<Scratch> scratch;

    private static final class Scratch {
        final double[] own;
        final double[] total;
        final boolean[] seen;
        final boolean[] chosen;
        int[] touched = new int[64];
        int touchedCount;

        Scratch(int n) {
            own = new double[n];
            total = new double[n];
            seen = new boolean[n];
            chosen = new boolean[n];
        }
    }

    private static void clear(Scratch s) {
        if (s.touchedCount < 0) { // failed before the touched list was made: clear everything
            java.util.Arrays.fill(s.own, 0);
            java.util.Arrays.fill(s.total, 0);
            java.util.Arrays.fill(s.seen, false);
            java.util.Arrays.fill(s.chosen, false);
            s.touchedCount = 0;
        }
        // Every concept with evidence, and each of its ancestors, is in the touched list.
        for (int k = 0; k < s.touchedCount; k++) {
            int i = s.touched[k];
            s.own[i] = 0;
            s.total[i] = 0;
            s.seen[i] = false;
            s.chosen[i] = false;
        }
        s.touchedCount = 0;
    }

    private List<Topic> classify(TopicEvidence evidence, Scratch s) {
        int n = kb.topicCount();
        double[] own = s.own;
        for (int k = 0; k < evidence.keywordHits(); k++) {
            own[evidence.keywordTopic(k)] += evidence.keywordWeight(k);
        }
        addEntityPriors(evidence.entities(), own);

        // Evidence for a concept counts for each of its ancestors. Only concepts with evidence and
        // their ancestors are visited: most of the 1,100 concepts have none.
        double[] total = s.total;
        int[] touched = s.touched;
        int touchedCount = 0;
        boolean[] seen = s.seen;
        for (int i = 0; i < n; i++) {
            if (own[i] == 0) {
                continue;
            }
            total[i] += own[i];
            touchedCount = touch(i, seen, touched, touchedCount);
            touched = touchedCount == touched.length ? java.util.Arrays.copyOf(touched, touched.length * 2) : touched;
            for (int ancestor : kb.topicAncestors(i)) {
                total[ancestor] += own[i];
                touchedCount = touch(ancestor, seen, touched, touchedCount);
                touched = touchedCount == touched.length ? java.util.Arrays.copyOf(touched, touched.length * 2) : touched;
            }
        }
        s.touched = touched;
        s.touchedCount = touchedCount;
        double best = 0;
        for (int k = 0; k < touchedCount; k++) {
            int i = touched[k];
            if (kb.topicLevel(i) == 1) {
                best = Math.max(best, total[i]);
            }
        }
        List<Topic> topics = new ArrayList<>();
        if (best <= 0) {
            return topics;
        }
        boolean[] chosen = s.chosen;
        for (int k = 0; k < touchedCount; k++) {
            int i = touched[k];
            if (kb.topicLevel(i) == 1 && (total[i] == best || (total[i] >= MIN_TOP_LEVEL && total[i] >= RELATIVE_TOP_LEVEL * best))) {
                chosen[i] = true;
            }
        }
        for (int k = 0; k < touchedCount; k++) {
            int i = touched[k];
            if (kb.topicLevel(i) > 1 && chosen[kb.topicTop(i)] && total[i] >= MIN_DEEPER
                    && total[i] >= RELATIVE_DEEPER * total[kb.topicParent(i)] && score(total[i], best) >= MIN_DEEPER_SCORE) {
                chosen[i] = true;
            }
        }
        for (int k = 0; k < touchedCount; k++) {
            int i = touched[k];
            if (!chosen[i]) {
                continue;
            }
            TopicConcept c = kb.topic(i);
            int[] ancestors = kb.topicAncestors(i);
            List<String> parents = new ArrayList<>(ancestors.length);
            for (int a : ancestors) {
                parents.add(kb.topic(a).qcode());
            }
            topics.add(new Topic(c.qcode(), c.label(), c.level(), parents, score(total[i], best)));
        }
        topics.sort(Comparator.comparingInt(Topic::getLevel).thenComparing(Comparator.comparingDouble(Topic::getScore).reversed())
                .thenComparing(Topic::getQcode));
        return topics.size() > MAX_TOPICS ? new ArrayList<>(topics.subList(0, MAX_TOPICS)) : topics;
    }

    private static int touch(int i, boolean[] seen, int[] touched, int count) {
        if (!seen[i]) {
            seen[i] = true;
            touched[count++] = i;
        }
        return count;
    }

    /** Relative to the article's best topic, damped so that thin evidence scores low. */
    private static double score(double evidence, double best) {
        double strength = 1 - Math.exp(-evidence / 4.0);
        return Math.round(strength * (evidence / best) * 1000) / 1000.0;
    }

    private void addEntityPriors(List<Entity> entities, double[] own) {
        for (Entity entity : entities) {
            if (entity.getType() == EntityType.PLACE || entity.getType() == EntityType.OTHER) {
                continue;
            }
            KbEntity kbEntity = kb.entityFor(entity);
            if (kbEntity == null) {
                continue;
            }
            double w = 0.5 + entity.getSalience();
            switch (kbEntity.kind()) {
                case "leader" -> own[government] += 1.5 * w;
                case "politician", "party", "gov", "politics" -> own[politics] += 1.0 * w;
                case "war" -> own[conflict] += 1.0 * w;
                case "environment" -> own[environment] += 1.0 * w;
                case "diplomat", "intl" -> own[internationalRelations] += 1.0 * w;
                case "military", "armed-group" -> own[conflict] += 1.5 * w;
                case "business", "company" -> own[economy] += 1.0 * w;
                case "sport" -> own[sport] += 1.5 * w;
                case "court" -> own[crime] += 1.0 * w;
                case "health" -> own[health] += 1.0 * w;
                case "science" -> own[science] += 1.0 * w;
                case "religion" -> own[religion] += 1.0 * w;
                case "arts" -> own[arts] += 1.0 * w;
                case "news" -> own[massMedia] += 0.1 * w; // agencies are credited everywhere: barely evidence
                default -> {
                }
            }
        }
    }
}
