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
    /** Children of the root by ASCII character: every word start looks here first. */
    private final int[] rootAscii = new int[128];

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
        for (char c = 0; c < 128; c++) {
            rootAscii[c] = child(0, c, false);
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

    /** Reports every keyword that starts at a word start of the text and ends on a word boundary (or is a prefix keyword). */
    void scan(String field, Sink sink) {
        char[] text = field.toCharArray();
        int n = text.length;
        for (int start = 0; start < n; start++) {
            if (!isWordChar(text[start]) || (start > 0 && isWordChar(text[start - 1]))) {
                continue;
            }
            char first = lower(text[start]);
            int node = first < 128 ? rootAscii[first] : child(0, first, false);
            for (int i = start; node >= 0; ) {
                int keyword = terminal[node];
                if (keyword >= 0 && (prefix[node] || i + 1 == n || !isWordChar(text[i + 1]))) {
                    sink.keyword(keyword, i + 1);
                }
                if (++i == n) {
                    break;
                }
                node = child(node, lower(text[i]), false);
            }
        }
    }

    private static char lower(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return c == '’' ? '\'' : Character.toLowerCase(c);
    }
}
