package dev.newsflow.enrich.annotate;

import java.util.Arrays;
import java.util.Map;

/**
 * Topic keywords (lower case, possibly several words, possibly prefixes such as {@code econom*}) in
 * a character trie walked from word starts only, lower-casing as it goes. A keyword can only begin
 * where a word begins, so scanning from every character, as an Aho-Corasick automaton does, would
 * be wasted work; and no lower-cased copy of the text is made.
 */
final class KeywordTrie {
    /** Reported for each keyword found: its index and where it ends. */
    interface Sink {
        void keyword(int keyword, int end);
    }

    // Node n: children are labels[n][k] -> targets[n][k]; terminal[n] is a keyword index or -1.
    private char[][] labels = new char[1024][];
    private int[][] targets = new int[1024][];
    private int[] terminal = new int[1024];
    private boolean[] prefix = new boolean[1024];
    private int nodes = 1;
    // While scanning, a node is known by its "step": the node number, with TERMINAL set when a
    // keyword ends there, so that the many nodes without one are passed without reading terminal[].
    private static final int TERMINAL = 1 << 30;
    private static final int NODE = TERMINAL - 1;
    /** Steps to the children of the root by ASCII character: every word start looks here first. */
    private final int[] rootAscii = new int[128];
    /** Second level by ASCII characters, for the first-level nodes reached by ASCII: most walks end here. */
    private final int[][] secondAscii = new int[128][];
    // All edges in one open-addressing table keyed by (node, char), key and step side by side
    // (edges[2 * slot], edges[2 * slot + 1]): one cache line per step while scanning.
    private long[] edges;
    private int edgeMask;
    /**
     * Per node, which ASCII characters it has a child by (bit c of words 2n and 2n + 1): most walks
     * end on a character with no child, and this answers that from a small table, not a probe of
     * the edge table.
     */
    private long[] asciiChildren;

    KeywordTrie(Map<String, Integer> keywords, boolean[] isPrefix) {
        Arrays.fill(terminal, -1);
        labels[0] = new char[0];
        targets[0] = new int[0];
        for (Map.Entry<String, Integer> e : keywords.entrySet()) {
            int node = 0;
            for (char c : e.getKey().toCharArray()) {
                node = child(node, c, true);
            }
            terminal[node] = e.getValue();
            prefix[node] = isPrefix[e.getValue()];
        }
        if (nodes > NODE) {
            throw new IllegalStateException("too many keyword trie nodes: " + nodes);
        }
        for (char c = 0; c < 128; c++) {
            rootAscii[c] = step(child(0, c, false));
        }
        for (char c = 0; c < 128; c++) {
            if (rootAscii[c] >= 0) {
                secondAscii[c] = new int[128];
                for (char d = 0; d < 128; d++) {
                    secondAscii[c][d] = step(child(rootAscii[c] & NODE, d, false));
                }
            }
        }
        int edgeCount = 0;
        for (int node = 0; node < nodes; node++) {
            edgeCount += labels[node].length;
        }
        int capacity = Integer.highestOneBit(Math.max(16, edgeCount * 2)) << 1;
        edges = new long[capacity * 2];
        edgeMask = capacity - 1;
        for (int slot = 0; slot < capacity; slot++) {
            edges[2 * slot] = -1L;
        }
        asciiChildren = new long[2 * nodes];
        for (int node = 0; node < nodes; node++) {
            for (int k = 0; k < labels[node].length; k++) {
                char label = labels[node][k];
                if (label < 128) {
                    asciiChildren[2 * node + (label >>> 6)] |= 1L << label;
                }
                long key = edgeKey(node, labels[node][k]);
                int slot = slot(key);
                while (edges[2 * slot] != -1L) {
                    slot = (slot + 1) & edgeMask;
                }
                edges[2 * slot] = key;
                edges[2 * slot + 1] = step(targets[node][k]);
            }
        }
    }

    /** The node as the scan knows it (see {@link #TERMINAL}); -1 stays -1. */
    private int step(int node) {
        return node < 0 ? -1 : terminal[node] >= 0 ? node | TERMINAL : node;
    }

    private static long edgeKey(int node, char c) {
        return ((long) node << 16) | c;
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & edgeMask;
    }

    /** The step to the child of a node by character while scanning, or -1. */
    private int next(int node, char c) {
        long key = edgeKey(node, c);
        int slot = slot(key);
        long[] table = edges;
        while (true) {
            long k = table[2 * slot];
            if (k == key) {
                return (int) table[2 * slot + 1];
            }
            if (k == -1L) {
                return -1;
            }
            slot = (slot + 1) & edgeMask;
        }
    }

    private int child(int node, char c, boolean create) {
        char[] l = labels[node];
        for (int k = 0; k < l.length; k++) {
            if (l[k] == c) {
                return targets[node][k];
            }
        }
        if (!create) {
            return -1;
        }
        if (nodes == labels.length) {
            int size = nodes * 2;
            labels = Arrays.copyOf(labels, size);
            targets = Arrays.copyOf(targets, size);
            prefix = Arrays.copyOf(prefix, size);
            int old = terminal.length;
            terminal = Arrays.copyOf(terminal, size);
            Arrays.fill(terminal, old, size, -1);
        }
        int created = nodes++;
        labels[created] = new char[0];
        targets[created] = new int[0];
        labels[node] = Arrays.copyOf(l, l.length + 1);
        labels[node][l.length] = c;
        targets[node] = Arrays.copyOf(targets[node], l.length + 1);
        targets[node][l.length] = created;
        return created;
    }

    static boolean isWordChar(char c) {
        return c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                : Character.isLetterOrDigit(c);
    }

    /**
     * Reports every keyword that starts at a word start of the field (its tokens) and ends on a word
     * boundary, or anywhere for a prefix keyword.
     */
    void scan(Tokens tokens, Sink sink) {
        char[] text = tokens.chars;
        int n = text.length;
        for (int w = 0; w < tokens.size; w++) {
            if (!tokens.is(w, Tokens.WORD)) {
                continue;
            }
            int start = tokens.start[w];
            walk(start, text, n, sink);
            // A word joined by a hyphen or apostrophe is several words here: "anti-war", "post-war".
            for (int p = start + 1; p < tokens.end[w]; p++) {
                char c = text[p - 1];
                if (c == '-' || c == '\'' || c == '’' || c == '.') {
                    walk(p, text, n, sink);
                }
            }
        }
    }

    private void walk(int start, char[] text, int n, Sink sink) {
        {
            char first = lower(text[start]);
            int step;
            int i = start;
            if (first < 128) {
                step = rootAscii[first];
                if (step < 0) {
                    return;
                }
                report(step, i, text, n, sink);
                if (++i == n) {
                    return;
                }
                char second = lower(text[i]);
                step = second < 128 ? secondAscii[first][second] : next(step & NODE, second);
            } else {
                step = next(0, first);
            }
            while (step >= 0) {
                report(step, i, text, n, sink);
                if (++i == n) {
                    break;
                }
                char c = lower(text[i]);
                int node = step & NODE;
                if (c < 128 && (asciiChildren[2 * node + (c >>> 6)] & (1L << c)) == 0) {
                    break;
                }
                step = next(node, c);
            }
        }
    }

    private void report(int step, int i, char[] text, int n, Sink sink) {
        if ((step & TERMINAL) == 0) {
            return;
        }
        int node = step & NODE;
        int keyword = terminal[node];
        if (keyword >= 0 && (prefix[node] || i + 1 == n || !isWordChar(text[i + 1]))) {
            sink.keyword(keyword, i + 1);
        }
    }

    private static char lower(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return c == '’' ? '\'' : Character.toLowerCase(c);
    }
}
