package dev.newsflow.enrich.ner.conll;

import java.util.ArrayList;
import java.util.List;

/**
 * One sentence of a CoNLL-style file: its tokens and their tags as written (IOB1, IOB2, BIOES or
 * BILOU over any type names).
 */
public record ConllSentence(List<String> tokens, List<String> tags) {

    public int size() {
        return tokens.size();
    }

    /**
     * The names of the sentence, read the way conlleval reads them, so that IOB1 and IOB2 files give the
     * same spans: a name starts at B- (or S-/U-), or at I- (or E-/L-) after a tag of another type or O;
     * it ends before O, before B-/S-/U-, before a tag of another type, and after E-/L-/S-/U-.
     */
    public List<Span> spans() {
        List<Span> spans = new ArrayList<>();
        int start = -1;
        String type = null;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            char prefix = prefix(tag);
            String t = typeOf(tag);
            boolean begins = t != null && (prefix == 'B' || prefix == 'S' || prefix == 'U' || !t.equals(type));
            if (type != null && (t == null || begins)) {
                spans.add(new Span(start, i, type));
                type = null;
            }
            if (begins) {
                start = i;
                type = t;
            }
            if (type != null && (prefix == 'E' || prefix == 'L' || prefix == 'S' || prefix == 'U')) {
                spans.add(new Span(start, i + 1, type));
                type = null;
            }
        }
        return spans;
    }

    /** True when a name starts with I- (after O, another type, or at the start): the file is IOB1. */
    public boolean looksIob1() {
        String previous = null;
        for (String tag : tags) {
            String t = typeOf(tag);
            if (t != null && prefix(tag) == 'I' && !t.equals(previous)) {
                return true;
            }
            char p = prefix(tag);
            previous = p == 'E' || p == 'L' || p == 'S' || p == 'U' ? null : t;
        }
        return false;
    }

    static char prefix(String tag) {
        return tag.length() >= 2 && tag.charAt(1) == '-' ? Character.toUpperCase(tag.charAt(0)) : 0;
    }

    /** The type of a tag, or null for O (and for anything that is not a tag). */
    static String typeOf(String tag) {
        if (tag.length() >= 3 && tag.charAt(1) == '-' && "BIESLU".indexOf(Character.toUpperCase(tag.charAt(0))) >= 0) {
            return tag.substring(2);
        }
        return null;
    }
}
