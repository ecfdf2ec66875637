package dev.newsflow.enrich.ner;

import java.util.Arrays;

/**
 * The features of every token of one document, as row numbers of a hashed weight table: the word's
 * forms (exact, lower case, shape, affixes), its Brown cluster and gazetteer bits, the same of the words
 * around it, the run of capitalised words and gazetteer phrase it is in, and what the rest of the
 * document says about the word (written in lower case elsewhere? capitalised in mid-sentence? the last
 * word of a longer name, or after a title, elsewhere?).
 *
 * <p>Only candidates get features: tokens with a capital letter and their immediate neighbours
 * ("Bank of America", "the University of Texas at Austin"). Every other token is outside any name by
 * construction, in training as at run time: most of a news article is lower-case prose, and this is
 * what keeps the recogniser well under a microsecond a token.
 *
 * <p>Mutable scratch space, one per thread; arrays grow with the longest document seen and are reused.
 */
final class DocumentFeatures {
    /** At most this many features a token. */
    static final int MAX = 96;

    // Token flags.
    static final int CAPITALISED = 1;      // first character an upper-case letter
    static final int ALL_CAPS = 2;         // two letters or more, all upper case
    static final int HAS_UPPER = 4;
    static final int HAS_DIGIT = 8;
    static final int WORD = 16;            // starts with a letter or digit
    static final int FIRST_WORD = 32;      // first word of its sentence
    static final int ALL_LOWER = 64;       // letters only in lower case (and at least one letter)
    static final int PUNCT = 128;

    // Templates (the first part of every feature's hash).
    private static final int T_BIAS = 1;
    private static final int T_LOWER = 2;
    private static final int T_EXACT = 3;
    private static final int T_SHAPE = 4;
    private static final int T_PREFIX = 5;
    private static final int T_SUFFIX = 6;
    private static final int T_LOWER_M1 = 7;
    private static final int T_LOWER_P1 = 8;
    private static final int T_LOWER_M2 = 9;
    private static final int T_LOWER_P2 = 10;
    private static final int T_SHAPE_M = 13;
    private static final int T_SHAPE_P = 14;
    private static final int T_SHAPE_3 = 15;
    private static final int T_BROWN = 16;
    private static final int T_BROWN_M1 = 17;
    private static final int T_BROWN_P1 = 18;
    private static final int T_GAZ = 19;
    private static final int T_GAZ_M1 = 20;
    private static final int T_GAZ_P1 = 21;
    private static final int T_FIRST = 22;
    private static final int T_DOC_CASE = 23;
    private static final int T_RUN = 24;
    private static final int T_LENGTH = 27;
    private static final int T_GAZ_SPAN = 28;
    private static final int T_BROWN_M2 = 29;
    private static final int T_BROWN_P2 = 30;
    private static final int T_DOC_RUN = 31;
    private static final int T_DOC_CUE = 32;
    private static final int T_DOC_PHRASE = 33;

    private static final long NONE = 0x1234_5678_9ABCL; // the hash of "no token here"
    private static final long SENTENCE_EDGE = 0x2345_6789_ABCDL;

    private final Lexicon lexicon;
    private final int bits;

    // A direct-mapped cache of what prepare reads of a word, by the hash of its exact form.
    private static final int WORD_CACHE_BITS = 12;
    private final long[] wordKeys = new long[1 << WORD_CACHE_BITS];
    private final long[] wordLower = new long[1 << WORD_CACHE_BITS];
    private final long[] wordShape = new long[1 << WORD_CACHE_BITS];
    private final long[] wordEntry = new long[1 << WORD_CACHE_BITS];
    private final int[] wordFlags = new int[1 << WORD_CACHE_BITS];

    int size;
    long[] exact = new long[0];
    long[] lower = new long[0];
    long[] shape = new long[0];
    int[] brown = new int[0];
    int[] gazetteer = new int[0];
    int[] flags = new int[0];
    int[] length = new int[0];
    /** Index of the first token of the token's sentence, and one past its last. */
    int[] sentenceFrom = new int[0];
    int[] sentenceTo = new int[0];
    boolean[] candidate = new boolean[0];
    /**
     * Gazetteer phrases: per token, a bit per group (8) and place (B, I, L, U) in a run of tokens that
     * reads like an entry of the group: first word of an entry, inside words, last word of an entry.
     */
    int[] phrase = new int[0];
    /** For a token with a capital letter: the first and last token of the run of such tokens it is in. */
    int[] runFrom = new int[0];
    int[] runTo = new int[0];
    /** Features of token i: rows[i * MAX .. i * MAX + count[i]). */
    int[] rows = new int[0];
    int[] count = new int[0];

    // Document-level word table: open addressing by hash, cleared after each document.
    private long[] docKeys = new long[0];
    private int[] docValues = new int[0];      // per slot: LOWER_SEEN count | CAP_MID count << 16
    /** Per slot of an exact word: how its other occurrences stand (see {@link #buildWordTable}). */
    private int[] docEvidence = new int[0];
    private int[] docSlotOfToken = new int[0];
    private int[] docSlotOfTokenExact = new int[0];
    private int docMask;

    DocumentFeatures(Lexicon lexicon, int bits) {
        this.lexicon = lexicon;
        this.bits = bits;
    }

    private void ensure(int n) {
        if (exact.length >= n) {
            return;
        }
        int c = Math.max(n, exact.length * 2);
        exact = new long[c];
        lower = new long[c];
        shape = new long[c];
        brown = new int[c];
        gazetteer = new int[c];
        flags = new int[c];
        length = new int[c];
        sentenceFrom = new int[c];
        sentenceTo = new int[c];
        candidate = new boolean[c];
        phrase = new int[c];
        runFrom = new int[c];
        runTo = new int[c];
        rows = new int[c * MAX];
        count = new int[c];
        docSlotOfToken = new int[c];
        docSlotOfTokenExact = new int[c];
        int slots = Integer.highestOneBit(Math.max(16, c * 4) - 1) << 1;
        docKeys = new long[slots];
        docValues = new int[slots];
        docEvidence = new int[slots * EVIDENCE];
        docMask = slots - 1;
    }

    /** Reads the tokens of the document: forms, lexicon, sentences, candidates, and the document's word table. */
    void prepare(NerInput in) {
        int n = in.size;
        ensure(n);
        size = n;
        for (int i = 0; i < n; i++) {
            char[] s = in.chars[i];
            int from = in.start[i];
            int to = in.end[i];
            long h = WordForms.exact(s, from, to);
            exact[i] = h;
            length[i] = to - from;
            // Most tokens are words seen a moment ago: their forms and lexicon entry come from a small cache.
            int slot = (int) (h >>> (64 - WORD_CACHE_BITS));
            if (wordKeys[slot] != h || h == 0) {
                wordKeys[slot] = h;
                wordLower[slot] = WordForms.lower(s, from, to);
                wordShape[slot] = WordForms.shape(s, from, to);
                wordEntry[slot] = lexicon.lookup(WordForms.simplified(s, from, to));
                wordFlags[slot] = flags(s, from, to);
            }
            lower[i] = wordLower[slot];
            shape[i] = wordShape[slot];
            brown[i] = Lexicon.path(wordEntry[slot]);
            gazetteer[i] = Lexicon.gazetteer(wordEntry[slot]);
            flags[i] = wordFlags[slot];
        }
        int sentence = 0;
        boolean firstWordPending = true;
        for (int i = 0; i < n; i++) {
            if (in.sentenceStart[i] || i == 0) {
                sentence = i;
                firstWordPending = true;
            }
            sentenceFrom[i] = sentence;
            if ((flags[i] & WORD) != 0 && firstWordPending) {
                flags[i] |= FIRST_WORD;
                firstWordPending = false;
            }
        }
        for (int i = n - 1, to = n; i >= 0; i--) {
            sentenceTo[i] = to;
            if (sentenceFrom[i] == i) {
                to = i;
            }
        }
        for (int i = 0; i < n; i++) {
            boolean upper = (flags[i] & HAS_UPPER) != 0;
            boolean before = i > sentenceFrom[i] && (flags[i - 1] & HAS_UPPER) != 0;
            boolean after = i + 1 < sentenceTo[i] && (flags[i + 1] & HAS_UPPER) != 0;
            candidate[i] = upper || before || after;
        }
        findRuns(n);
        findPhrases(n);
        buildWordTable(n);
    }

    private void findRuns(int n) {
        int i = 0;
        while (i < n) {
            if ((flags[i] & HAS_UPPER) == 0) {
                runFrom[i] = i;
                runTo[i] = i;
                i++;
                continue;
            }
            int b = i;
            while (b + 1 < sentenceTo[i] && (flags[b + 1] & HAS_UPPER) != 0) {
                b++;
            }
            for (int k = i; k <= b; k++) {
                runFrom[k] = i;
                runTo[k] = b;
            }
            i = b + 1;
        }
    }

    /**
     * Marks runs that read as gazetteer entries: for each group, from a capitalised word that starts
     * entries of the group, through words seen inside them, to the furthest capitalised word that ends
     * one ("Bank of New Zealand": first "bank", inside "of" and "new", last "zealand"). An approximation
     * of matching whole entries, from the per-word bits of the lexicon, that keeps the lexicon small.
     */
    private void findPhrases(int n) {
        for (int i = 0; i < n; i++) {
            phrase[i] = 0;
        }
        for (int a = 0; a < n; a++) {
            if ((flags[a] & (CAPITALISED | HAS_DIGIT)) == 0) {
                continue;
            }
            int g = gazetteer[a];
            if (g == 0) {
                continue;
            }
            for (int group = 0; group < 8; group++) {
                int shift = 4 * group;
                if (((g >>> shift) & 1) != 0) {
                    markPhrase(group, a, a);
                }
                if (((g >>> shift) & 2) == 0) {
                    continue; // not the first word of an entry of this group
                }
                int end = -1;
                int to = Math.min(sentenceTo[a], a + 8);
                for (int b = a + 1; b < to; b++) {
                    int gb = gazetteer[b] >>> shift;
                    if ((gb & 8) != 0 && (flags[b] & (CAPITALISED | HAS_DIGIT)) != 0) {
                        end = b;
                    }
                    if ((gb & 4) == 0) {
                        break; // not seen inside an entry: the phrase cannot go on
                    }
                }
                if (end > a) {
                    markPhrase(group, a, end);
                }
            }
        }
    }

    private void markPhrase(int group, int a, int b) {
        for (int k = a; k <= b; k++) {
            int place = a == b ? 3 : k == a ? 0 : k == b ? 2 : 1;
            phrase[k] |= 1 << (4 * group + place);
        }
    }

    private static int flags(char[] s, int from, int to) {
        int f = 0;
        int letters = 0;
        int upper = 0;
        int lowerCase = 0;
        for (int k = from; k < to; k++) {
            char c = s[k];
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                    upper++;
                } else {
                    lowerCase++;
                }
            } else if (Character.isDigit(c)) {
                f |= HAS_DIGIT;
            }
        }
        char first = s[from];
        if (Character.isLetterOrDigit(first)) {
            f |= WORD;
        } else if (to - from == 1) {
            f |= PUNCT;
        }
        if (Character.isUpperCase(first) || Character.isTitleCase(first)) {
            f |= CAPITALISED;
        }
        if (upper > 0) {
            f |= HAS_UPPER;
        }
        if (letters >= 2 && upper == letters) {
            f |= ALL_CAPS;
        }
        if (letters > 0 && lowerCase == letters) {
            f |= ALL_LOWER;
        }
        return f;
    }

    private int slot(long key) {
        long k = key == 0 ? 1 : key;
        int s = (int) (k >>> 40) & docMask;
        while (docKeys[s] != 0 && docKeys[s] != k) {
            s = (s + 1) & docMask;
        }
        if (docKeys[s] == 0) {
            docKeys[s] = k;
        }
        return s;
    }

    // What each capitalised word's occurrences look like, counted over the document (EVIDENCE counters a word).
    private static final int E_SINGLE = 0;    // a capitalised word alone, not a sentence's first word
    private static final int E_FIRST = 1;     // first word of a run of capitalised words ("Steve" Witkoff)
    private static final int E_LAST = 2;      // last word of such a run (Steve "Witkoff")
    private static final int E_MIDDLE = 3;
    private static final int E_CUE = 4;       // after a title or a given name ("President" X, "Mr" X, "Steve" X)
    private static final int E_PHRASE = 5;    // in a gazetteer phrase of people, places, organisations: 5, 6, 7
    static final int EVIDENCE = 8;
    private static final long EXACT_SALT = 0x5EC0_0D00L;

    /**
     * Two tables of the document's words. By lower-case word: how often it is written in lower case, and
     * capitalised in mid-sentence. By exact capitalised word: how its occurrences stand (alone, first or
     * last of a run of capitalised words, after a title or given name, inside a gazetteer phrase), so that
     * each occurrence can read what the others say ("Witkoff" at the start of a sentence is the last word
     * of "Steve Witkoff" elsewhere).
     */
    private void buildWordTable(int n) {
        for (int i = 0; i < n; i++) {
            docSlotOfTokenExact[i] = -1;
            if ((flags[i] & WORD) == 0) {
                docSlotOfToken[i] = -1;
                continue;
            }
            int s = slot(lower[i]);
            docSlotOfToken[i] = s;
            if ((flags[i] & ALL_LOWER) != 0) {
                docValues[s] += 1;
            } else if ((flags[i] & CAPITALISED) != 0 && (flags[i] & FIRST_WORD) == 0) {
                docValues[s] += 1 << 16;
            }
            if ((flags[i] & HAS_UPPER) != 0) {
                int e = slot(exact[i] ^ EXACT_SALT);
                docSlotOfTokenExact[i] = e;
                int[] own = evidenceScratch;
                evidence(i, own);
                for (int k = 0; k < EVIDENCE; k++) {
                    docEvidence[e * EVIDENCE + k] += own[k];
                }
            }
        }
    }

    private final int[] evidenceScratch = new int[EVIDENCE];

    /** What one occurrence of a capitalised word contributes to its word's counters. */
    private void evidence(int i, int[] out) {
        Arrays.fill(out, 0);
        int a = runFrom[i];
        int b = runTo[i];
        if (a == b) {
            if ((flags[i] & FIRST_WORD) == 0) {
                out[E_SINGLE] = 1;
            }
        } else {
            out[i == a ? E_FIRST : i == b ? E_LAST : E_MIDDLE] = 1;
        }
        boolean titleBefore = a > sentenceFrom[i] && Lexicon.has(gazetteer[a - 1], Lexicon.TITLE, Lexicon.WHOLE);
        boolean givenNameFirst = a < i && Lexicon.has(gazetteer[a], Lexicon.PER, Lexicon.WHOLE);
        if (titleBefore || givenNameFirst) {
            out[E_CUE] = 1;
        }
        int ph = phrase[i];
        for (int group = 0; group < 3; group++) {
            if (((ph >>> (4 * group)) & 0xF) != 0) {
                out[E_PHRASE + group] = 1;
            }
        }
    }

    /** Empties the document tables (only the slots used). */
    void finish() {
        for (int i = 0; i < size; i++) {
            int s = docSlotOfToken[i];
            if (s >= 0) {
                docKeys[s] = 0;
                docValues[s] = 0;
            }
            int e = docSlotOfTokenExact[i];
            if (e >= 0) {
                docKeys[e] = 0;
                Arrays.fill(docEvidence, e * EVIDENCE, (e + 1) * EVIDENCE, 0);
            }
        }
    }

    private int row(long hash) {
        return (int) (WordForms.mix(hash) >>> (64 - bits));
    }

    private static long t(int template, long value) {
        return ((long) template << 56) ^ value * 0x9E3779B97F4A7C15L;
    }

    private long shapeAt(int i, int j) {
        if (j < sentenceFrom[i] || j >= sentenceTo[i]) {
            return SENTENCE_EDGE;
        }
        return shape[j];
    }

    private int brownAt(int i, int j) {
        if (j < sentenceFrom[i] || j >= sentenceTo[i]) {
            return -1;
        }
        return brown[j];
    }

    /** Features of every candidate token (training: stored, summed without the tagger's caches). */
    void extract(NerInput in) {
        for (int i = 0; i < size; i++) {
            count[i] = 0;
            if (candidate[i]) {
                local(in, i);
            }
        }
    }

    /** What the word's other occurrences in the document say (see {@link #buildWordTable}). */
    private void documentEvidence(int i, long first) {
        int e = docSlotOfTokenExact[i];
        if (e < 0) {
            return;
        }
        int[] own = evidenceScratch;
        evidence(i, own);
        int base = e * EVIDENCE;
        int run = 0;
        for (int k = E_SINGLE; k <= E_MIDDLE; k++) {
            if (docEvidence[base + k] - own[k] > 0) {
                run |= 1 << k;
            }
        }
        int phrases = 0;
        for (int group = 0; group < 3; group++) {
            if (docEvidence[base + E_PHRASE + group] - own[E_PHRASE + group] > 0) {
                phrases |= 1 << group;
            }
        }
        boolean cue = docEvidence[base + E_CUE] - own[E_CUE] > 0;
        emit(t(T_DOC_RUN, run * 2 + first));
        emit(t(T_DOC_CUE, (cue ? 2 : 0) + first));
        emit(t(T_DOC_PHRASE, phrases * 2 + first));
    }

    // ---- features, by group ----------------------------------------------------------------
    //
    // A token's features are: its own word's (SELF), each neighbour's as seen from it (M1, P1, M2, P2: the
    // words one and two to the left and right), and the features of the context that no single word
    // determines (CONTEXT). The first groups depend only on one word, so the tagger sums their weights
    // once per word and role and caches the sums; training reads them all as one list.

    static final int SELF = 0;
    static final int M1 = 1;
    static final int P1 = 2;
    static final int M2 = 3;
    static final int P2 = 4;
    static final int ROLES = 5;

    /** Where {@link #emit} writes: a token's row list (training) or a scratch buffer (the tagger's caches). */
    private int[] target;
    private int targetBase;
    private int targetCount;
    private int targetMax;

    private void emit(long hash) {
        if (targetCount < targetMax) {
            target[targetBase + targetCount++] = row(hash);
        }
    }

    private void local(NerInput in, int i) {
        target = rows;
        targetBase = i * MAX;
        targetCount = count[i];
        targetMax = MAX;
        word(in, i, SELF);
        neighbour(in, i, i - 1, M1);
        neighbour(in, i, i + 1, P1);
        neighbour(in, i, i - 2, M2);
        neighbour(in, i, i + 2, P2);
        context(in, i);
        count[i] = targetCount;
    }

    private void neighbour(NerInput in, int i, int j, int role) {
        if (j < sentenceFrom[i] || j >= sentenceTo[i]) {
            edge(role);
        } else {
            word(in, j, role);
        }
    }

    /**
     * Writes the features of token j's word in a role into {@code out} (from 0) and returns how many:
     * what the tagger caches. For the SELF role the key is the exact word and whether it is a sentence's
     * first word; for the others the lower-case word.
     */
    int wordFeatures(NerInput in, int j, int role, int[] out) {
        target = out;
        targetBase = 0;
        targetCount = 0;
        targetMax = out.length;
        word(in, j, role);
        return targetCount;
    }

    /** As {@link #wordFeatures}, for the role's position outside the sentence. */
    int edgeFeatures(int role, int[] out) {
        target = out;
        targetBase = 0;
        targetCount = 0;
        targetMax = out.length;
        edge(role);
        return targetCount;
    }

    /** Writes the CONTEXT features of token i into {@code out} and returns how many. */
    int contextFeatures(NerInput in, int i, int[] out) {
        target = out;
        targetBase = 0;
        targetCount = 0;
        targetMax = out.length;
        context(in, i);
        return targetCount;
    }

    /** The cache key of token j's word in a role. */
    long key(int j, int role) {
        if (role == SELF) {
            return exact[j] * 3 + ((flags[j] & FIRST_WORD) != 0 ? 1 : 0);
        }
        return lower[j];
    }

    private void word(NerInput in, int j, int role) {
        switch (role) {
            case SELF -> self(in, j);
            case M1 -> near(j, T_LOWER_M1, T_BROWN_M1, T_GAZ_M1);
            case P1 -> near(j, T_LOWER_P1, T_BROWN_P1, T_GAZ_P1);
            case M2 -> far(j, T_LOWER_M2, T_BROWN_M2);
            default -> far(j, T_LOWER_P2, T_BROWN_P2);
        }
    }

    private void edge(int role) {
        switch (role) {
            case M1 -> {
                emit(t(T_LOWER_M1, SENTENCE_EDGE));
                emit(t(T_BROWN_M1, -1));
                emit(t(T_BROWN_M1, -11));
            }
            case P1 -> {
                emit(t(T_LOWER_P1, SENTENCE_EDGE));
                emit(t(T_BROWN_P1, -1));
                emit(t(T_BROWN_P1, -11));
            }
            case M2 -> {
                emit(t(T_LOWER_M2, SENTENCE_EDGE));
                emit(t(T_BROWN_M2, -1));
            }
            case P2 -> {
                emit(t(T_LOWER_P2, SENTENCE_EDGE));
                emit(t(T_BROWN_P2, -1));
            }
            default -> throw new IllegalArgumentException("no edge for role " + role);
        }
    }

    private void self(NerInput in, int i) {
        char[] s = in.chars[i];
        int from = in.start[i];
        int to = in.end[i];
        int f = flags[i];
        long first = (f & FIRST_WORD) != 0 ? 1 : 0;
        emit(t(T_BIAS, 0));
        emit(t(T_LOWER, lower[i]));
        emit(t(T_EXACT, exact[i] * 3 + first));
        emit(t(T_SHAPE, shape[i]));
        emit(t(T_FIRST, shape[i] * 7 + first * 2 + ((f & ALL_CAPS) != 0 ? 1 : 0)));
        int len = to - from;
        emit(t(T_LENGTH, Math.min(len, 12) * 2 + first));
        for (int k = 1; k <= 4 && k <= len; k++) {
            emit(t(T_PREFIX, WordForms.prefix(s, from, to, k)));
            emit(t(T_SUFFIX, WordForms.suffix(s, from, to, k)));
        }
        int path = brown[i];
        if (path != 0) {
            emit(t(T_BROWN, Lexicon.pathPrefix(path, 4)));
            emit(t(T_BROWN, Lexicon.pathPrefix(path, 6)));
            emit(t(T_BROWN, Lexicon.pathPrefix(path, 10)));
            emit(t(T_BROWN, path));
        } else {
            emit(t(T_BROWN, 1));
        }
        int g = gazetteer[i];
        while (g != 0) {
            int bit = Integer.numberOfTrailingZeros(g);
            g &= g - 1;
            emit(t(T_GAZ, bit * 2 + first));
        }
    }

    /** A word next to the token: its lower case, Brown cluster, and whole/first/last gazetteer bits ("Mr", "River"). */
    private void near(int j, int lowerTemplate, int brownTemplate, int gazTemplate) {
        emit(t(lowerTemplate, lower[j]));
        int b = brown[j];
        emit(t(brownTemplate, b == 0 ? 0 : Lexicon.pathPrefix(b, 6)));
        emit(t(brownTemplate, b == 0 ? -10 : b));
        int g = gazetteer[j] & 0x0B0B_0B0B; // positions whole, first, last of each group
        while (g != 0) {
            int bit = Integer.numberOfTrailingZeros(g);
            g &= g - 1;
            emit(t(gazTemplate, bit));
        }
    }

    /** A word two away from the token: its lower case and Brown cluster. */
    private void far(int j, int lowerTemplate, int brownTemplate) {
        emit(t(lowerTemplate, lower[j]));
        int b = brown[j];
        emit(t(brownTemplate, b == 0 ? 0 : Lexicon.pathPrefix(b, 6)));
    }

    private void context(NerInput in, int i) {
        int f = flags[i];
        long first = (f & FIRST_WORD) != 0 ? 1 : 0;
        long sm1 = shapeAt(i, i - 1);
        long sp1 = shapeAt(i, i + 1);
        emit(t(T_SHAPE_M, WordForms.combine(sm1, shape[i])));
        emit(t(T_SHAPE_P, WordForms.combine(shape[i], sp1)));
        emit(t(T_SHAPE_3, WordForms.combine(sm1, shape[i], sp1)));
        int ph = phrase[i];
        while (ph != 0) {
            int bit = Integer.numberOfTrailingZeros(ph);
            ph &= ph - 1;
            emit(t(T_GAZ_SPAN, bit));
        }
        // What the rest of the document says about the word's capital letter.
        int ds = docSlotOfToken[i];
        if (ds >= 0 && (f & WORD) != 0) {
            int v = docValues[ds];
            int lowerSeen = v & 0xFFFF;
            int capMid = v >>> 16;
            if ((f & ALL_LOWER) != 0) {
                lowerSeen--;
            } else if ((f & CAPITALISED) != 0 && (f & FIRST_WORD) == 0) {
                capMid--;
            }
            int code = (lowerSeen > 0 ? 1 : 0) | (capMid > 0 ? 2 : 0) | ((f & CAPITALISED) != 0 ? 4 : 0) | (int) first * 8;
            emit(t(T_DOC_CASE, code));
        }
        // The run of capitalised words the token is in: its length and the token's place in it.
        if ((f & HAS_UPPER) != 0) {
            int a = runFrom[i];
            int b = runTo[i];
            int runLength = Math.min(b - a + 1, 4);
            int place = a == b ? 0 : i == a ? 1 : i == b ? 3 : 2;
            emit(t(T_RUN, runLength * 4 + place));
            documentEvidence(i, first);
        } else {
            emit(t(T_RUN, 0));
        }
    }
}
