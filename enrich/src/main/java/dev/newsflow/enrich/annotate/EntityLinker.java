package dev.newsflow.enrich.annotate;

import dev.newsflow.enrich.annotate.ArticleCoreference.ArticleMention;
import dev.newsflow.enrich.annotate.ArticleCoreference.Group;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.EntityType;
import dev.newsflow.schema.Mention;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the recogniser's mentions into the article's entities: one per referent
 * ({@link ArticleCoreference}), each linked to a knowledge-base entity where the evidence is strong
 * and left without an id (NIL) where it is not.
 *
 * <p>Candidates are the knowledge-base entities one of the group's names names ({@link LinkIndex}). Each
 * is scored, in log-odds-like units set by hand and documented in the README:
 * <ul>
 *   <li>prior: {@code 2 ln(prior)}, how likely the entity is meant before any context;</li>
 *   <li>name: +0.4 for its canonical name, +0.2 for a gazetteer alias, +0.6 more when no other entity
 *       has that name;</li>
 *   <li>type: +1 when the recogniser's type agrees; -0.5 for an organisation mention of a place (a country
 *       as an actor) or a place mention of a government body; -1.5 for a place mention of a company ("the
 *       Amazon"); -2 for any other disagreement; nothing for MISC/OTHER;</li>
 *   <li>context: +0.6 for each of up to five words of the article among the entity's context words
 *       (what news linking it talks about, its kind's, role's and sector's words, its country's names);</li>
 *   <li>coherence: +1 when an entity confidently linked elsewhere in the article lies in, or is of,
 *       the candidate's country, +1.5 when a linked city lies in the candidate subdivision (or the
 *       other way round); when the article confidently names countries and none is the candidate's,
 *       -0.7, or -3 for a national party, government body, court or army ("Labour" in Norway);</li>
 *   <li>ordinary word: -1 for a one-word brand name that is also a dictionary word ("Next", "Target").</li>
 * </ul>
 * The margin of the best candidate over the runner-up and over "no entity" (a score of
 * {@value #NIL_SCORE}) becomes a probability through {@link LinkCalibration}; below its threshold the
 * group stays NIL. Coherence needs the other links, so linking runs twice: once without coherence to
 * find the confident links, then with it.
 *
 * <p>Stateless and thread-safe; the per-article working set is small (one object per mention and group,
 * a word-key set of the article reused per thread).
 */
public final class EntityLinker {
    static final double NIL_SCORE = -1.0;
    static final double MIN_MENTION_CONFIDENCE = 0.3;
    private static final double W_PRIOR = 2.0;
    private static final double CANONICAL_NAME = 0.4;
    private static final double ALIAS_NAME = 0.2;
    private static final double UNIQUE_NAME = 0.6;
    private static final double TYPE_AGREES = 1.0;
    private static final double ORG_PLACE = -0.5;
    private static final double TYPE_DISAGREES = -2.0;
    private static final double PLACE_COMPANY = -1.5;
    private static final double PER_CONTEXT_WORD = 0.6;
    private static final int MAX_CONTEXT_WORDS = 5;
    private static final double SAME_COUNTRY = 1.0;
    private static final double SAME_SUBDIVISION = 1.5;
    private static final double ORDINARY_WORD = -1.0;
    /** A candidate of another country than every country the article confidently names. */
    private static final double FOREIGN = -0.7;
    /** A national institution (party, government body, court, army) of another country: "Labour" in Norway. */
    private static final double FOREIGN_INSTITUTION = -3.0;
    /** A link this sure in the first pass counts as evidence of its country for the others. */
    private static final double ANCHOR_PROBABILITY = 0.8;

    private final KnowledgeBase kb;
    private final LinkCalibration calibration;
    private final ThreadLocal<WordSet> articleWords = ThreadLocal.withInitial(WordSet::new);

    public EntityLinker(KnowledgeBase kb, LinkCalibration calibration) {
        this.kb = kb;
        this.calibration = calibration;
    }

    /** What the linker decided for one group of mentions: for evaluation and calibration. */
    record Decision(List<ArticleMention> mentions, KbEntity best, double margin, double probability, boolean linked) {
    }

    /** Entities of the article, most salient first. */
    public List<Entity> link(List<ArticleField> fields, Tokens[] tokens, List<RecognisedMention> mentions,
                             Map<Integer, Double> demonymEvidence) {
        return link(fields, tokens, mentions, demonymEvidence, null);
    }

    List<Entity> link(List<ArticleField> fields, Tokens[] tokens, List<RecognisedMention> mentions,
                      Map<Integer, Double> demonymEvidence, List<Decision> decisions) {
        List<RecognisedMention> kept = new ArrayList<>(mentions.size());
        for (RecognisedMention m : mentions) {
            if (m.tentative() || m.confidence() >= MIN_MENTION_CONFIDENCE) {
                kept.add(m);
            }
        }
        List<Group> groups = ArticleCoreference.group(fields, kept);
        if (groups.isEmpty()) {
            return new ArrayList<>();
        }
        WordSet words = articleWords.get();
        words.fill(fields, tokens);
        Evidence evidence = new Evidence();
        for (Map.Entry<Integer, Double> e : demonymEvidence.entrySet()) {
            evidence.add(kb.entity(e.getKey()), null);
        }

        Scored[] scored = new Scored[groups.size()];
        int[][] candidates = new int[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            candidates[g] = candidates(groups.get(g));
            scored[g] = score(candidates[g], groups.get(g), words, null);
            if (scored[g].best != null && scored[g].probability >= ANCHOR_PROBABILITY) {
                evidence.add(scored[g].best, groups.get(g));
            }
        }
        if (!evidence.isEmpty()) {
            for (int g = 0; g < groups.size(); g++) {
                if (candidates[g].length > 0) {
                    scored[g] = score(candidates[g], groups.get(g), words, evidence);
                }
            }
        }
        return entities(fields, groups, scored, demonymEvidence, decisions);
    }

    // ---------------------------------------------------------------------------------------------
    // Candidates and scores

    private static final class Scored {
        KbEntity best;
        double margin;
        double probability;
    }

    /** Scores the candidates of a group; {@code evidence} is null in the first pass. */
    private Scored score(int[] candidates, Group group, WordSet words, Evidence evidence) {
        Scored result = new Scored();
        if (candidates.length == 0) {
            return result;
        }
        EntityType type = group.type();
        double best = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        KbEntity bestEntity = null;
        for (int packed : candidates) {
            KbEntity e = kb.entity(LinkIndex.entity(packed));
            double s = W_PRIOR * Math.log(Math.max(e.prior(), 1e-3));
            int how = LinkIndex.how(packed);
            s += how == LinkIndex.CANONICAL ? CANONICAL_NAME : how == LinkIndex.ALIAS ? ALIAS_NAME : 0;
            if (candidates.length == 1) {
                s += UNIQUE_NAME;
            }
            s += typeScore(type, e.type(), e.kind());
            s += PER_CONTEXT_WORD * Math.min(MAX_CONTEXT_WORDS, contextWords(e, words));
            if (evidence != null) {
                s += evidence.coherence(e, group);
            }
            if (e.commonWord() && e.linkOnly() && e.name().indexOf(' ') < 0) {
                s += ORDINARY_WORD;
            }
            if (s > best) {
                second = best;
                best = s;
                bestEntity = e;
            } else if (s > second) {
                second = s;
            }
        }
        result.best = bestEntity;
        result.margin = best - Math.max(second, NIL_SCORE);
        result.probability = calibration.probability(result.margin);
        return result;
    }

    /**
     * Candidates for a group: those of its fullest name; if that names nothing, those of its other
     * names, fullest first, then the names without honorifics or "the". For an acronym group both the
     * long form's and the acronym's candidates count.
     */
    private int[] candidates(Group group) {
        LinkIndex index = kb.linkIndex();
        List<ArticleMention> byLength = new ArrayList<>(group.mentions);
        byLength.sort((a, b) -> Integer.compare(b.keyEnd - b.start, a.keyEnd - a.start));
        int[] found = LinkIndex.NONE;
        long tried = 0;
        for (ArticleMention m : byLength) {
            if (m.key == tried) {
                continue;
            }
            tried = m.key;
            int[] c = index.candidates(m.key);
            if (c.length == 0 && m.bareKey != m.key) {
                c = index.candidates(m.bareKey);
            }
            if (c.length > 0) {
                if (!group.acronym || found.length == 0) {
                    if (!group.acronym) {
                        return c;
                    }
                    found = c;
                } else {
                    found = union(found, c);
                }
            }
        }
        return found;
    }

    private static int[] union(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        int n = a.length;
        outer:
        for (int x : b) {
            for (int i = 0; i < n; i++) {
                if (LinkIndex.entity(out[i]) == LinkIndex.entity(x)) {
                    out[i] = Math.min(out[i] & 3, x & 3) | (out[i] & ~3);
                    continue outer;
                }
            }
            out[n++] = x;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static double typeScore(EntityType mention, EntityType entity, String kind) {
        if (mention == null || mention == EntityType.OTHER) {
            return 0;
        }
        if (mention == entity) {
            return TYPE_AGREES;
        }
        if (mention == EntityType.ORGANIZATION && entity == EntityType.PLACE) {
            return ORG_PLACE; // a country or city as an actor: "Russia said"
        }
        if (mention == EntityType.PLACE && entity == EntityType.ORGANIZATION) {
            return "gov".equals(kind) ? ORG_PLACE : PLACE_COMPANY; // "Downing Street" is both; "the Amazon" is no company
        }
        return TYPE_DISAGREES;
    }

    /** How many words of the article are among the entity's context words (its own and its facts'). */
    private int contextWords(KbEntity e, WordSet words) {
        return words.count(kb.context(e.id())) + words.count(kb.factWords(e.id()));
    }

    /** Countries and subdivisions of what the article confidently names, for the coherence score. */
    private static final class Evidence {
        private final Map<String, List<Group>> countries = new HashMap<>();
        private final Map<String, List<Group>> subdivisions = new HashMap<>();

        void add(KbEntity e, Group from) {
            if (e == null) {
                return;
            }
            EntityFacts f = e.facts();
            if (f.country() != null) {
                countries.computeIfAbsent(f.country(), k -> new ArrayList<>(2)).add(from);
            }
            if (f.subdivision() != null) {
                subdivisions.computeIfAbsent(f.subdivision(), k -> new ArrayList<>(2)).add(from);
            }
        }

        boolean isEmpty() {
            return countries.isEmpty() && subdivisions.isEmpty();
        }

        private boolean anyCountry(Group self) {
            for (List<Group> from : countries.values()) {
                if (others(from, self)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean institution(KbEntity e) {
            return switch (e.kind()) {
                case "party", "gov", "court", "military" -> true;
                default -> false;
            };
        }

        /** Evidence from groups other than the one being scored. */
        private static boolean others(List<Group> from, Group self) {
            if (from == null) {
                return false;
            }
            for (Group g : from) {
                if (g != self) {
                    return true;
                }
            }
            return false;
        }

        double coherence(KbEntity e, Group self) {
            EntityFacts f = e.facts();
            double s = 0;
            if (f.country() != null && others(countries.get(f.country()), self)) {
                s += SAME_COUNTRY;
            } else if (f.country() != null && anyCountry(self)) {
                s += institution(e) ? FOREIGN_INSTITUTION : FOREIGN;
            }
            if (f.subdivision() != null && others(subdivisions.get(f.subdivision()), self)) {
                s += SAME_SUBDIVISION;
            }
            return s;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Entities

    private List<Entity> entities(List<ArticleField> fields, List<Group> groups, Scored[] scored,
                                  Map<Integer, Double> demonymEvidence, List<Decision> decisions) {
        // Groups linked to the same entity are one entity ("Britain" … "the UK").
        List<Group> merged = new ArrayList<>(groups.size());
        List<Scored> outcome = new ArrayList<>(groups.size());
        Map<Integer, Integer> byEntity = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            Scored s = scored[g];
            boolean linked = s.best != null && s.probability >= calibration.threshold();
            if (decisions != null) {
                decisions.add(new Decision(List.copyOf(group.mentions), s.best, s.margin, s.probability, linked));
            }
            if (!linked) {
                s.best = null;
            } else {
                Integer at = byEntity.putIfAbsent(s.best.id(), merged.size());
                if (at != null) {
                    merged.get(at).mentions.addAll(group.mentions);
                    Scored other = outcome.get(at);
                    other.probability = Math.max(other.probability, s.probability);
                    continue;
                }
            }
            merged.add(group);
            outcome.add(s);
        }
        List<Entity> entities = new ArrayList<>(merged.size());
        double[] saliences = new double[merged.size()];
        double max = 0;
        for (int g = 0; g < merged.size(); g++) {
            Group group = merged.get(g);
            Scored s = outcome.get(g);
            group.mentions.sort((a, b) -> a.field != b.field ? Integer.compare(a.field, b.field) : Integer.compare(a.start, b.start));
            List<Mention> mentions = new ArrayList<>(group.mentions.size());
            double salience = 0;
            for (ArticleMention m : group.mentions) {
                ArticleField field = fields.get(m.field);
                salience += field.weight();
                mentions.add(new Mention(field.name(), m.start, m.end, field.text().substring(m.start, m.end)));
            }
            String name;
            EntityType type;
            String qid;
            double confidence;
            if (s.best != null) {
                name = s.best.name();
                type = s.best.type();
                qid = s.best.wikidataId();
                confidence = s.probability;
                salience += demonymEvidence.getOrDefault(s.best.id(), 0.0);
            } else {
                ArticleMention longest = group.longest();
                name = fields.get(longest.field).text().substring(longest.bareStart, longest.keyEnd);
                type = group.type();
                qid = null;
                confidence = Math.min(0.99, group.confidence() + 0.03 * (group.mentions.size() - 1));
            }
            saliences[g] = salience;
            max = Math.max(max, salience);
            entities.add(new Entity(name, type, qid, round(confidence), 0.0, mentions));
        }
        for (int k = 0; k < entities.size(); k++) {
            entities.get(k).setSalience(round(max == 0 ? 0 : saliences[k] / max));
        }
        entities.sort((x, y) -> {
            int bySalience = Double.compare(y.getSalience(), x.getSalience());
            return bySalience != 0 ? bySalience : Double.compare(y.getConfidence(), x.getConfidence());
        });
        return entities;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    // ---------------------------------------------------------------------------------------------

    /** Keys of the article's words of three letters or more: an open-addressing set reused per thread. */
    static final class WordSet {
        private long[] slots = new long[2048];
        private int size;

        void fill(List<ArticleField> fields, Tokens[] tokens) {
            java.util.Arrays.fill(slots, 0L);
            size = 0;
            for (int f = 0; f < fields.size(); f++) {
                Tokens t = tokens[f];
                if (t == null || !fields.get(f).prose()) {
                    continue;
                }
                for (int i = 0; i < t.size; i++) {
                    if (t.is(i, Tokens.WORD) && t.end[i] - t.start[i] >= 3) {
                        add(SurfaceKey.of(t.text, t.start[i], t.end[i]));
                    }
                }
            }
        }

        private void add(long key) {
            if (key == 0) {
                return;
            }
            if (size * 2 >= slots.length) {
                long[] old = slots;
                slots = new long[old.length * 2];
                size = 0;
                for (long k : old) {
                    if (k != 0) {
                        add(k);
                    }
                }
            }
            int mask = slots.length - 1;
            int i = spread(key) & mask;
            while (slots[i] != 0) {
                if (slots[i] == key) {
                    return;
                }
                i = (i + 1) & mask;
            }
            slots[i] = key;
            size++;
        }

        boolean contains(long key) {
            int mask = slots.length - 1;
            int i = spread(key) & mask;
            while (slots[i] != 0) {
                if (slots[i] == key) {
                    return true;
                }
                i = (i + 1) & mask;
            }
            return false;
        }

        int count(long[] keys) {
            int n = 0;
            for (long k : keys) {
                if (contains(k)) {
                    n++;
                }
            }
            return n;
        }

        private static int spread(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
