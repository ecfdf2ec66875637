package dev.newsflow.enrich.annotate;

import dev.newsflow.enrich.ner.NerInput;
import dev.newsflow.enrich.ner.NerModel;
import dev.newsflow.enrich.ner.NerTagger;
import dev.newsflow.enrich.ner.NerType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finds the names of an article with the trained recogniser ({@link NerModel}): the headline, the body
 * paragraphs and the captions are tagged together as one document, so that what the body says about a
 * word (written "Storm" in lower case, "Witkoff" typed a person) informs the headline and the rest;
 * credit lines are not read (they name agencies and photographers, not the story's entities). A
 * headline in Title Case is read as it would be written in a sentence ({@link #trueCased}).
 *
 * <p>Thread-safe: each thread tags with its own scratch space.
 */
public final class NameRecognizer {
    private final NerModel model;
    private final KnowledgeBase kb;
    private final ThreadLocal<Scratch> scratch;

    private static final class Scratch {
        final NerTagger tagger;
        final NerInput input = new NerInput();
        int[] field = new int[256];
        int[] token = new int[256];

        Scratch(NerModel model) {
            tagger = model.newTagger();
        }

        void ensure(int n) {
            if (field.length < n) {
                field = Arrays.copyOf(field, Math.max(n, field.length * 2));
                token = Arrays.copyOf(token, field.length);
            }
        }
    }

    public NameRecognizer(NerModel model, KnowledgeBase kb) {
        this.model = model;
        this.kb = kb;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(model));
    }

    public NerModel model() {
        return model;
    }

    /** The names of the article's prose fields, in field and text order (the fields tokenized here). */
    public List<EntitySpan> recognise(List<ArticleField> fields) {
        return recognise(fields, EntityRecognizer.tokenize(fields));
    }

    /** As {@link #recognise(List)}, with the fields already tokenized. */
    List<EntitySpan> recognise(List<ArticleField> fields, Tokens[] tokens) {
        Scratch s = scratch.get();
        NerInput in = s.input;
        in.clear();
        for (int f = 0; f < fields.size(); f++) {
            Tokens t = tokens[f];
            ArticleField field = fields.get(f);
            if (t == null || t.size == 0 || !field.prose()) {
                continue;
            }
            boolean titleCase = field.name().equals("headline") && isTitleCase(t);
            in.beginText(titleCase ? trueCased(f, t, fields, tokens) : t.chars);
            s.ensure(in.size() + t.size);
            for (int i = 0; i < t.size; i++) {
                if (i > 0 && t.is(i, Tokens.SENTENCE_START)) {
                    in.sentenceBreak();
                }
                int k = in.add(t.start[i], t.end[i]);
                s.field[k] = f;
                s.token[k] = i;
            }
        }
        List<EntitySpan> spans = new ArrayList<>();
        if (in.size() == 0) {
            return spans;
        }
        int[] labels = s.tagger.tag(in);
        int first = -1;
        for (int k = 0; k < in.size(); k++) {
            int y = labels[k];
            if (NerTagger.isStart(y)) {
                first = k;
            }
            if (NerTagger.isEnd(y) && first >= 0 && s.field[first] == s.field[k]) {
                NerType type = NerTagger.type(y);
                int a = first;
                int b = k;
                // A name starts and ends with a capitalised word (or a particle such as "von"), not with "of",
                // "the" or another lower-case word ("[Secretary] of State Marco Rubio", "northern Italy").
                while (a < b && isLowerCaseEdge(tokens[s.field[a]], s.token[a])) {
                    a++;
                }
                while (b > a && isLowerCaseEdge(tokens[s.field[b]], s.token[b])) {
                    b--;
                }
                if (!isLowerCaseEdge(tokens[s.field[a]], s.token[a])) {
                    spans.add(new EntitySpan(s.field[k], in.start(a), in.end(b), type, s.tagger.confidence(first, k),
                            s.token[a], s.token[b]));
                }
                first = -1;
            }
        }
        return spans;
    }

    private static final String[] PARTICLES = {"de", "von", "van", "der", "den", "al", "bin", "ibn", "da", "di", "del",
            "la", "le", "du", "dos", "das", "y", "e", "ter", "ten", "zu"};

    /**
     * A token that neither starts nor ends a name: a word of lower-case letters only that is not a name
     * particle ("of", "northern"), or a punctuation mark other than a full stop ("Inc.").
     */
    private static boolean isLowerCaseEdge(Tokens t, int i) {
        if (!t.is(i, Tokens.WORD)) {
            return t.end[i] - t.start[i] == 1 && t.text.charAt(t.start[i]) != '.';
        }
        if (t.is(i, Tokens.UPPER)) {
            return false;
        }
        for (int k = t.start[i]; k < t.end[i]; k++) {
            char c = t.text.charAt(k);
            if (!Character.isLetter(c) || !Character.isLowerCase(c)) {
                return false;
            }
        }
        for (String particle : PARTICLES) {
            if (t.equals(i, particle)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A Title Case headline as it would be written in a sentence: a capitalised word goes to lower case
     * when the article writes it in lower case elsewhere, or when it is an ordinary dictionary word the
     * article never capitalises in mid-sentence ("Floods Close Schools Across Northern Italy" reads
     * "floods close schools across northern Italy"). Same length, so offsets stay those of the headline.
     */
    private char[] trueCased(int headline, Tokens t, List<ArticleField> fields, Tokens[] tokens) {
        char[] chars = t.chars.clone();
        for (int i = 0; i < t.size; i++) {
            if (!t.is(i, Tokens.UPPER) || t.is(i, Tokens.ALL_CAPS)) {
                continue;
            }
            int seen = seenElsewhere(headline, t, i, tokens);
            boolean lower = seen == LOWER
                    || (seen == NOT_SEEN && kb.isCommonWord(t.text(i).toLowerCase(Locale.ROOT)) && !kb.isGivenName(t.text(i)));
            if (lower) {
                chars[t.start[i]] = Character.toLowerCase(chars[t.start[i]]);
            }
        }
        return chars;
    }

    private static final int NOT_SEEN = 0;
    private static final int LOWER = 1;
    private static final int CAPITALISED = 2;

    /** How the other fields write token i of the headline: capitalised in mid-sentence, in lower case, or not at all. */
    private static int seenElsewhere(int headline, Tokens h, int i, Tokens[] tokens) {
        int length = h.end[i] - h.start[i];
        boolean lower = false;
        for (int f = 0; f < tokens.length; f++) {
            Tokens t = tokens[f];
            if (f == headline || t == null) {
                continue;
            }
            for (int k = 0; k < t.size; k++) {
                if (t.end[k] - t.start[k] != length) {
                    continue;
                }
                boolean sameWord = t.text.regionMatches(true, t.start[k], h.text, h.start[i], length);
                if (!sameWord) {
                    continue;
                }
                if (t.is(k, Tokens.UPPER) && !t.is(k, Tokens.SENTENCE_START)) {
                    return CAPITALISED;
                }
                lower |= !t.is(k, Tokens.UPPER);
            }
        }
        return lower ? LOWER : NOT_SEEN;
    }

    /** A headline in Title Case: most of its ordinary (dictionary) words are capitalised. */
    boolean isTitleCase(Tokens t) {
        int lowerCase = 0;
        int upperCase = 0;
        for (int i = 0; i < t.size; i++) {
            if (t.is(i, Tokens.WORD) && t.end[i] - t.start[i] >= 3) {
                if (t.is(i, Tokens.UPPER)) {
                    upperCase++;
                } else {
                    lowerCase++;
                }
            }
        }
        if (upperCase < 3 || lowerCase > upperCase) {
            return false;
        }
        int words = 0;
        int capitalised = 0;
        for (int i = 0; i < t.size; i++) {
            if (!t.is(i, Tokens.WORD) || t.end[i] - t.start[i] < 3 || t.is(i, Tokens.ALL_CAPS)) {
                continue;
            }
            if (!kb.isCommonWord(t.text(i).toLowerCase(Locale.ROOT))) {
                continue;
            }
            words++;
            if (t.is(i, Tokens.UPPER)) {
                capitalised++;
            }
        }
        return words >= 3 && capitalised * 10 >= words * 7;
    }
}
