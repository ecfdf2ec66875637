package dev.newsflow.enrich.annotate;

import dev.newsflow.enrich.annotate.ArticleCoreference.ArticleMention;
import dev.newsflow.enrich.annotate.LinkingDataset.Article;
import dev.newsflow.enrich.annotate.LinkingDataset.GoldMention;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.Mention;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Scores entity linking against a {@link LinkingDataset}, mention by mention.
 *
 * <ul>
 *   <li>A predicted link is a mention of an annotated entity that carries a QID. It is right when it
 *       overlaps a gold mention of the same field with that QID; any other link is wrong (a gold NIL,
 *       another id, or a span nobody marked).</li>
 *   <li>Precision = right links / predicted links; recall = gold mentions with a QID that some right
 *       link overlaps / gold mentions with a QID.</li>
 *   <li>The calibration table groups predicted links by their confidence.</li>
 * </ul>
 * It also fits {@link LinkCalibration} on a split: a logistic regression of "the linker's best
 * candidate is the gold referent" (an id-less candidate is right for a gold NIL) on the linker's margin,
 * over every mention of every group that had candidates.
 */
public final class LinkingEvaluation {
    static final double[] BINS = {0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001};

    private LinkingEvaluation() {
    }

    /** One predicted link: its confidence and whether it was right. */
    public record Link(String article, String field, String text, String qid, String gold, double confidence, boolean right) {
    }

    /** The figures of a run. */
    public record Score(int articles, int goldMentions, int goldWithId, int predictedLinks, int rightLinks,
                        int goldFound, int wrongOnNil, List<Link> links) {
        public double precision() {
            return predictedLinks == 0 ? 0 : (double) rightLinks / predictedLinks;
        }

        public double recall() {
            return goldWithId == 0 ? 0 : (double) goldFound / goldWithId;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** Links at or above the confidence, and the share of them that is right. */
        public double precisionAtOrAbove(double confidence) {
            int n = 0;
            int right = 0;
            for (Link l : links) {
                if (l.confidence() >= confidence) {
                    n++;
                    right += l.right() ? 1 : 0;
                }
            }
            return n == 0 ? Double.NaN : (double) right / n;
        }

        public void print(PrintWriter out, boolean errors) {
            out.printf(Locale.ROOT, "articles %d, gold mentions %d (%d with a Wikidata id, %d NIL)%n", articles,
                    goldMentions, goldWithId, goldMentions - goldWithId);
            out.printf(Locale.ROOT, "predicted links %d: right %d, wrong %d (of which on gold NIL mentions %d)%n",
                    predictedLinks, rightLinks, predictedLinks - rightLinks, wrongOnNil);
            out.println();
            out.println("confidence   links  right  precision");
            for (int b = BINS.length - 2; b >= 0; b--) {
                int n = 0;
                int right = 0;
                for (Link l : links) {
                    if (l.confidence() >= BINS[b] && l.confidence() < BINS[b + 1]) {
                        n++;
                        right += l.right() ? 1 : 0;
                    }
                }
                out.printf(Locale.ROOT, "%.1f–%-6s %6d %6d  %s%n", BINS[b], b + 1 == BINS.length - 1 ? "1.0" : String.format(
                        Locale.ROOT, "%.1f", BINS[b + 1]), n, right, n == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) right / n));
            }
            out.printf(Locale.ROOT, "links at confidence ≥ 0.9: precision %.3f%n", precisionAtOrAbove(0.9));
            if (errors) {
                out.println();
                for (Link l : links) {
                    if (!l.right()) {
                        out.printf(Locale.ROOT, "wrong  %s %s \"%s\" -> %s (gold %s) %.3f%n", l.article(), l.field(), l.text(),
                                l.qid(), l.gold() == null ? "NIL" : l.gold(), l.confidence());
                    }
                }
            }
            out.println();
            out.printf(Locale.ROOT, "linking precision %.3f recall %.3f F1 %.3f%n", precision(), recall(), f1());
            out.flush();
        }
    }

    public static Score score(List<Article> articles, KnowledgeBaseAnnotator annotator) {
        int goldMentions = 0;
        int goldWithId = 0;
        int predicted = 0;
        int right = 0;
        int found = 0;
        int wrongOnNil = 0;
        List<Link> links = new ArrayList<>();
        for (Article a : articles) {
            EnrichedArticle.Builder article = EnrichedArticle.newBuilder(a.article());
            List<Entity> entities = annotator.entitiesWithDecisions(article, new ArrayList<>());
            List<GoldMention> gold = a.gold();
            boolean[] goldFound = new boolean[gold.size()];
            for (Entity e : entities) {
                if (e.getWikidataId() == null) {
                    continue;
                }
                for (Mention m : e.getMentions()) {
                    predicted++;
                    GoldMention matched = null;
                    boolean ok = false;
                    for (int g = 0; g < gold.size(); g++) {
                        GoldMention gm = gold.get(g);
                        if (overlaps(gm, m.getField(), m.getStart(), m.getEnd())) {
                            if (matched == null || e.getWikidataId().equals(gm.qid())) {
                                matched = gm;
                            }
                            if (e.getWikidataId().equals(gm.qid())) {
                                ok = true;
                                goldFound[g] = true;
                            }
                        }
                    }
                    right += ok ? 1 : 0;
                    if (!ok && matched != null && matched.qid() == null) {
                        wrongOnNil++;
                    }
                    links.add(new Link(a.id(), m.getField(), m.getText(), e.getWikidataId(), matched == null ? null : matched.qid(),
                            e.getConfidence(), ok));
                }
            }
            for (int g = 0; g < gold.size(); g++) {
                goldMentions++;
                if (gold.get(g).qid() != null) {
                    goldWithId++;
                    found += goldFound[g] ? 1 : 0;
                }
            }
        }
        return new Score(articles.size(), goldMentions, goldWithId, predicted, right, found, wrongOnNil, links);
    }

    private static boolean overlaps(GoldMention g, String field, int start, int end) {
        return g.field().equals(field) && g.start() < end && start < g.end();
    }

    /** Mention-level samples (margin, right) of every group that had candidates. */
    static List<double[]> calibrationSamples(List<Article> articles, KnowledgeBaseAnnotator annotator) {
        List<double[]> samples = new ArrayList<>();
        for (Article a : articles) {
            EnrichedArticle.Builder article = EnrichedArticle.newBuilder(a.article());
            List<EntityLinker.Decision> decisions = new ArrayList<>();
            annotator.entitiesWithDecisions(article, decisions);
            List<ArticleField> fields = KnowledgeBaseAnnotator.fields(article);
            for (EntityLinker.Decision d : decisions) {
                if (d.best() == null) {
                    continue;
                }
                for (ArticleMention m : d.mentions()) {
                    String field = fields.get(m.field).name();
                    GoldMention gold = null;
                    for (GoldMention g : a.gold()) {
                        if (overlaps(g, field, m.start, m.end)) {
                            gold = g;
                            break;
                        }
                    }
                    String goldId = gold == null ? null : gold.qid();
                    boolean right = Objects.equals(d.best().wikidataId(), goldId);
                    samples.add(new double[] {d.margin(), right ? 1 : 0});
                }
            }
        }
        return samples;
    }

    /**
     * Fits the calibration on a split: the logistic fit is repeated with the linker using the previous
     * fit (its first pass counts links above 0.8 as evidence), three rounds from the given start, so
     * the result does not depend on the calibration committed before. The threshold is the one of
     * 0.5, 0.55, … 0.9 with the best F0.5 on the split.
     */
    public static LinkCalibration fit(List<Article> articles, KnowledgeBaseAnnotator annotator, LinkCalibration start) {
        LinkCalibration current = start;
        for (int round = 0; round < 3; round++) {
            List<double[]> samples = calibrationSamples(articles, annotator.withCalibration(current));
            double[] ab = logistic(samples);
            current = new LinkCalibration(round4(ab[0]), round4(ab[1]), current.threshold());
        }
        // A missing id costs a partner less than a wrong one: the threshold maximises F0.5 (precision
        // weighted twice as much as recall) on the split.
        double threshold = 0.5;
        double best = -1;
        for (int step = 0; step <= 8; step++) {
            double t = round4(0.5 + 0.05 * step);
            LinkCalibration candidate = new LinkCalibration(current.slope(), current.intercept(), t);
            Score s = score(articles, annotator.withCalibration(candidate));
            double p = s.precision();
            double r = s.recall();
            double f = p + r == 0 ? 0 : 1.25 * p * r / (0.25 * p + r);
            if (f > best + 1e-9) {
                best = f;
                threshold = t;
            }
        }
        return new LinkCalibration(current.slope(), current.intercept(), threshold);
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** Maximum-likelihood {slope, intercept} of p = 1 / (1 + e^-(slope x + intercept)), Newton's method. */
    static double[] logistic(List<double[]> samples) {
        double a = 1;
        double b = 0;
        for (int iteration = 0; iteration < 100; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-6;
            double hab = 0;
            double hbb = 1e-6;
            for (double[] s : samples) {
                double x = Math.max(-20, Math.min(20, s[0]));
                double p = 1 / (1 + Math.exp(-(a * x + b)));
                double r = s[1] - p;
                ga += r * x;
                gb += r;
                double w = p * (1 - p);
                haa += w * x * x;
                hab += w * x;
                hbb += w;
            }
            // Small ridge on the slope keeps a separable split from running off to infinity.
            ga -= 0.01 * a;
            haa += 0.01;
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a += da;
            b += db;
            if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) {
                break;
            }
        }
        return new double[] {a, b};
    }
}
