package dev.newsflow.enrich.ner.conll;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Exact-span precision, recall and F1 per type: a predicted name counts only with the gold start, end
 * and type (as conlleval). Types are compared by name after a mapping that the caller chooses.
 */
public final class SpanScores {
    /** Per type: true positives, false positives, false negatives. */
    private final Map<String, int[]> counts = new TreeMap<>();

    public void add(List<Span> gold, List<Span> predicted) {
        Set<Span> g = new HashSet<>(gold);
        Set<Span> p = new HashSet<>(predicted);
        for (Span s : p) {
            of(s.type())[g.contains(s) ? 0 : 1]++;
        }
        for (Span s : g) {
            if (!p.contains(s)) {
                of(s.type())[2]++;
            }
        }
    }

    public int[] of(String type) {
        return counts.computeIfAbsent(type, k -> new int[3]);
    }

    public List<String> types() {
        return new ArrayList<>(counts.keySet());
    }

    public int[] micro() {
        int[] all = new int[3];
        for (int[] c : counts.values()) {
            for (int k = 0; k < 3; k++) {
                all[k] += c[k];
            }
        }
        return all;
    }

    public static double precision(int[] c) {
        return c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
    }

    public static double recall(int[] c) {
        return c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
    }

    public static double f1(int[] c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double f1(String type) {
        return f1(of(type));
    }

    public double microF1() {
        return f1(micro());
    }

    /** The table, one row a type and the micro average, and {@code micro-F1 0.xxx} as the last line. */
    public void print(PrintWriter out) {
        out.println("| type | P | R | F1 | tp | fp | fn |");
        out.println("|---|---|---|---|---|---|---|");
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            out.println(row(e.getKey(), e.getValue()));
        }
        out.println(row("micro", micro()));
        out.printf(Locale.ROOT, "micro-F1 %.3f%n", microF1());
    }

    private static String row(String name, int[] c) {
        return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d | %d | %d |", name, precision(c), recall(c), f1(c),
                c[0], c[1], c[2]);
    }
}
