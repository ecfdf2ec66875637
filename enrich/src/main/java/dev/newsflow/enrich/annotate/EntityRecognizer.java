package dev.newsflow.enrich.annotate;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import dev.newsflow.schema.EntityType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds names of people, organisations and places in an article: knowledge-base names through the
 * double-array Aho-Corasick automaton, then rules for names the knowledge base lacks (title cues,
 * given names, organisation suffixes, place prepositions, speech verbs). It only says where names are
 * and of what type ({@link RecognisedMention}); which entity each is, and which mentions name the same
 * one, is the {@link EntityLinker}'s work. Credit lines are not read: an agency or photographer named
 * only there is not an entity of the story. Stateless: one instance serves every thread.
 */
public final class EntityRecognizer {
    static final double KB_CONFIDENCE = 0.9;
    static final double MIN_CONFIDENCE = 0.3;
    /** A capitalised word that is a name only if it is the surname or given name of a person found elsewhere. */
    static final double TENTATIVE_CONFIDENCE = 0.6;

    private final KnowledgeBase kb;

    public EntityRecognizer(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** A span found in one field, before the article's mentions are merged into entities. */
    static final class Candidate {
        final int field;
        final int start;
        final int end;
        EntityType type;
        KbEntity entity;
        String name;
        double confidence;
        final int firstToken;
        final int lastToken;

        Candidate(int field, int start, int end, int firstToken, int lastToken, EntityType type, KbEntity entity,
                  String name, double confidence) {
            this.field = field;
            this.start = start;
            this.end = end;
            this.firstToken = firstToken;
            this.lastToken = lastToken;
            this.type = type;
            this.entity = entity;
            this.name = name;
            this.confidence = confidence;
        }

        /** Knowledge-base entities merge by id; rule entities by type and name. */
        Object key() {
            return entity != null ? (Object) Integer.valueOf(entity.id()) : type + "|" + name;
        }
    }

    /** Knowledge-base hit inside one field. */
    private record Hit(int start, int end, int code) {
    }

    /** What the recogniser found: the mentions, and the places that demonyms point at (id -> weight). */
    public record Recognised(List<RecognisedMention> mentions, Map<Integer, Double> demonymEvidence) {
    }

    /** Tokens of each field (null for an empty one), shared by the recogniser and the topic classifier. */
    static Tokens[] tokenize(List<ArticleField> fields) {
        Tokens[] tokens = new Tokens[fields.size()];
        for (int f = 0; f < tokens.length; f++) {
            String text = fields.get(f).text();
            tokens[f] = text == null || text.isEmpty() ? null : Tokens.of(text);
        }
        return tokens;
    }

    /** The names in the article's prose fields, with the fields already tokenized ({@link #tokenize(List)}). */
    Recognised recognise(List<ArticleField> fields, Tokens[] tokens) {
        List<Candidate> candidates = new ArrayList<>();
        List<Candidate> singles = new ArrayList<>(); // unknown single capitalised words: names only if they join one
        Map<Integer, Double> demonymEvidence = new HashMap<>();
        for (int f = 0; f < fields.size(); f++) {
            if (tokens[f] != null && fields.get(f).prose()) {
                recogniseField(f, fields.get(f), tokens[f], candidates, singles, demonymEvidence);
            }
        }
        List<RecognisedMention> mentions = new ArrayList<>(candidates.size() + singles.size());
        for (Candidate c : candidates) {
            if (c.type != null && c.confidence >= MIN_CONFIDENCE) {
                mentions.add(new RecognisedMention(c.field, c.start, c.end, c.type, c.confidence, false));
            }
        }
        for (Candidate s : singles) {
            mentions.add(new RecognisedMention(s.field, s.start, s.end, EntityType.OTHER, TENTATIVE_CONFIDENCE, true));
        }
        mentions.sort((a, b) -> a.field() != b.field() ? Integer.compare(a.field(), b.field()) : Integer.compare(a.start(), b.start()));
        return new Recognised(mentions, demonymEvidence);
    }

    // ---------------------------------------------------------------------------------------------
    // One field

    private void recogniseField(int f, ArticleField field, Tokens tokens, List<Candidate> out, List<Candidate> singles,
                                Map<Integer, Double> demonymEvidence) {
        String text = field.text();
        List<Hit> hits = gazetteerHits(tokens.chars, tokens);
        // covered[i] >= 0: token i belongs to a knowledge-base name; -2: to a demonym.
        int[] covered = new int[tokens.size];
        java.util.Arrays.fill(covered, -1);
        // Only headlines are written in Title Case; a body sentence full of names is not.
        boolean titleCase = field.prose() && field.name().equals("headline") && isTitleCase(tokens);
        Candidate[] owner = new Candidate[tokens.size];

        for (Hit hit : hits) {
            int first = tokens.tokenStartingAt(hit.start);
            int last = tokens.tokenEndingAt(hit.end);
            // Hyphenated words are one token: "Hamas-run", "pro-Russian", "US-led" still name Hamas, Russia, the US.
            if (last < 0 && hit.end < text.length() && text.charAt(hit.end) == '-') {
                last = tokens.tokenContaining(hit.end - 1);
            }
            if (first < 0 && hit.start > 0 && text.charAt(hit.start - 1) == '-') {
                first = tokens.tokenContaining(hit.start);
            }
            if (first < 0 || last < 0 || last < first) {
                continue;
            }
            if (hit.code < 0) {
                for (int i = first; i <= last; i++) {
                    covered[i] = -2;
                }
                KbEntity place = kb.demonymPlace(hit.code);
                if (place != null) {
                    demonymEvidence.merge(place.id(), field.weight() * 0.5, Double::sum);
                }
                continue;
            }
            KbEntity entity = kb.entity(hit.code);
            double confidence = entity.wikidataId() != null ? 0.95 : KB_CONFIDENCE;
            if (entity.ambiguous()) {
                confidence = ambiguousConfidence(entity, tokens, first, last, titleCase);
                if (confidence < MIN_CONFIDENCE) {
                    continue; // left for the rules: "Austin Powers", "Nice weather"
                }
            }
            Candidate c = new Candidate(f, hit.start, hit.end, first, last, entity.type(), entity, entity.name(), confidence);
            for (int i = first; i <= last; i++) {
                covered[i] = entity.id();
                owner[i] = c;
            }
            out.add(c);
        }
        if (titleCase) {
            // Headline Case hides which words are names: only knowledge-base names, plus single
            // words that the body later shows to be names.
            for (int i = 0; i < tokens.size; i++) {
                if (covered[i] == -1 && tokens.upper(i)) {
                    singles.add(new Candidate(f, tokens.start[i], tokens.end[i], i, i, null, null, tokens.text(i), 0));
                }
            }
            return;
        }
        ruleCandidates(f, tokens, covered, owner, out, singles);
    }

    /**
     * Knowledge-base names in the field. Every name starts with a capital letter or a digit (the few
     * that do not, such as "dpa" or "von der Leyen", are listed by the knowledge base), so the
     * automaton only reads the stretches of text that run from such a word to the last capitalised
     * word after it, across short lower-case words and punctuation ("Coalition of the Willing",
     * "Washington, D.C.", "People's Republic of China"): in news prose that is a small part of the text.
     */
    private List<Hit> gazetteerHits(char[] chars, Tokens t) {
        List<Hit> all = new ArrayList<>();
        int n = chars.length;
        int r = 0;
        while (r < t.size) {
            if (!startsName(t, r)) {
                r++;
                continue;
            }
            int last = r;
            int gap = 0;
            for (int j = r + 1; j < t.size && gap < 3; j++) {
                if (startsName(t, j)) {
                    last = j;
                    gap = 0;
                } else if (!t.is(j, Tokens.WORD) || t.end[j] - t.start[j] <= 4) {
                    gap++;
                } else {
                    break;
                }
            }
            int from = t.start[r];
            int to = t.end[last];
            if (to < n && chars[to] == '.') {
                to++; // "Apple Inc."
            }
            scanRegion(chars, from, to, n, all);
            r = last + 1;
        }
        if (all.size() <= 1) {
            return all;
        }
        // Longest match wins; among equals the earliest. Lists are short: insertion sort, no comparators.
        for (int i = 1; i < all.size(); i++) {
            Hit h = all.get(i);
            int j = i - 1;
            while (j >= 0 && longerOrEarlier(h, all.get(j))) {
                all.set(j + 1, all.get(j));
                j--;
            }
            all.set(j + 1, h);
        }
        List<Hit> chosen = new ArrayList<>();
        for (Hit h : all) {
            boolean overlaps = false;
            for (Hit c : chosen) {
                if (h.start < c.end && c.start < h.end) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                chosen.add(h);
            }
        }
        for (int i = 1; i < chosen.size(); i++) {
            Hit h = chosen.get(i);
            int j = i - 1;
            while (j >= 0 && chosen.get(j).start > h.start) {
                chosen.set(j + 1, chosen.get(j));
                j--;
            }
            chosen.set(j + 1, h);
        }
        return chosen;
    }

    private boolean startsName(Tokens t, int i) {
        if (!t.is(i, Tokens.WORD)) {
            return false;
        }
        char c = t.text.charAt(t.start[i]);
        return t.is(i, Tokens.UPPER) || (c >= '0' && c <= '9') || kb.startsLowerCaseName(t.text, t.start[i], t.end[i]);
    }

    private void scanRegion(char[] chars, int from, int to, int n, List<Hit> out) {
        char[] region = java.util.Arrays.copyOfRange(chars, from, to);
        // The char[] entry point of the automaton is the fast one.
        kb.names().parseText(region, (AhoCorasickDoubleArrayTrie.IHit<Integer>) (b, e, value) -> {
            int begin = from + b;
            int end = from + e;
            if (begin > 0 && Character.isLetterOrDigit(chars[begin - 1])) {
                return;
            }
            if (end < n && Character.isLetterOrDigit(chars[end])) {
                return;
            }
            out.add(new Hit(begin, end, value));
        });
    }

    private static boolean longerOrEarlier(Hit a, Hit b) {
        int la = a.end - a.start;
        int lb = b.end - b.start;
        return la > lb || (la == lb && a.start < b.start);
    }

    /** A headline in Title Case: most of its ordinary (dictionary) words are capitalised. */
    private boolean isTitleCase(Tokens t) {
        // Cheap test first: most prose has far fewer capitalised words than lower-case ones.
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

    private double ambiguousConfidence(KbEntity entity, Tokens t, int first, int last, boolean titleCase) {
        boolean prepositionBefore = first > 0 && NameRules.PLACE_PREPOSITIONS.contains(lower(t, first - 1));
        boolean upperAfter = t.upper(last + 1) && !NameRules.TITLES.contains(t.text(last + 1));
        boolean upperBefore = t.upper(first - 1) && !t.is(first, Tokens.SENTENCE_START);
        if (entity.givenName()) {
            if (upperAfter || upperBefore || titleCueBefore(t, first)) {
                return 0; // "Austin Powers", "Mr Lincoln"
            }
            return prepositionBefore ? 0.8 : 0.6;
        }
        // An ordinary word: only with a place preposition, or capitalised where a word would not be.
        if (prepositionBefore) {
            return 0.7;
        }
        if (titleCase || t.is(first, Tokens.SENTENCE_START) || upperAfter || upperBefore) {
            return 0;
        }
        return 0.5;
    }

    // ---------------------------------------------------------------------------------------------
    // Rules for names the knowledge base lacks

    private void ruleCandidates(int f, Tokens t, int[] covered, Candidate[] owner, List<Candidate> out,
                                List<Candidate> singles) {
        Candidate previousPerson = null;
        int previousEnd = -10;
        int i = 0;
        while (i < t.size) {
            // A run may start with a known place or a demonym when an organisation name follows
            // ("Iceland Air Defense Force", "German Air Force"); it keeps them only if it ends like one.
            int prefixEnd = -1;
            if (covered[i] == -2 || (owner[i] != null && owner[i].type == EntityType.PLACE)) {
                int k = i;
                while (k + 1 < t.size && covered[k + 1] == covered[i] && (covered[i] == -2 ? true : owner[k + 1] == owner[i])) {
                    k++;
                }
                if (k + 1 < t.size && covered[k + 1] == -1 && t.upper(k + 1) && !NameRules.TITLES.contains(t.text(k + 1))) {
                    prefixEnd = k;
                } else {
                    i = k + 1;
                    continue;
                }
            } else if (!(covered[i] == -1 && t.upper(i))) {
                i++;
                continue;
            }
            int a = i;
            int i0 = i;
            int b = prefixEnd >= 0 ? prefixEnd + 1 : i;
            int j = b + 1;
            while (j < t.size) {
                if (covered[j] == -1 && t.upper(j) && !t.is(j, Tokens.SENTENCE_START)) {
                    b = j;
                    j++;
                } else if (isInitialStop(t, j) && covered[j + 1] == -1 && t.upper(j + 1)) {
                    b = j + 1; // "William T. Sherman", "Dr. Nner"
                    j += 2;
                } else if (covered[j] == -1 && t.word(j) && NameRules.CONNECTORS.contains(t.text(j))) {
                    int k = j + 1;
                    while (k < t.size && covered[k] == -1 && t.word(k) && NameRules.CONNECTORS.contains(t.text(k))) {
                        k++;
                    }
                    if (k < t.size && covered[k] == -1 && t.upper(k)) {
                        b = k;
                        j = k + 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            if (prefixEnd < 0 && a == b && b + 1 < t.size && owner[b + 1] != null && owner[b + 1].type == EntityType.PLACE
                    && owner[b + 1].firstToken == b + 1 && owner[b + 1].lastToken == b + 1 && !t.upper(b + 2)
                    && kb.isGivenName(t.text(a)) && !kb.isCommonWord(t.text(a).toLowerCase(Locale.ROOT))
                    && !NameRules.DIRECTIONS.contains(t.text(a))) {
                Candidate place = owner[b + 1];
                place.confidence = 0; // "Michael Jordan" is a person, not the country
                out.add(new Candidate(f, t.start[a], t.end[b + 1], a, b + 1, EntityType.PERSON, null,
                        t.text.substring(t.start[a], t.end[b + 1]), 0.6));
                i = b + 2;
                continue;
            }
            if (prefixEnd < 0 && a == b && NameRules.DIRECTIONS.contains(t.text(a)) && b + 1 < t.size
                    && owner[b + 1] != null && owner[b + 1].type == EntityType.PLACE && owner[b + 1].firstToken == b + 1) {
                Candidate place = owner[b + 1];
                place.confidence = 0; // "West Africa" is one place, not "Africa"
                out.add(new Candidate(f, t.start[a], t.end[place.lastToken], a, place.lastToken, EntityType.PLACE, null,
                        t.text.substring(t.start[a], t.end[place.lastToken]), 0.75));
                i = place.lastToken + 1;
                continue;
            }
            i = b + 1;
            if (prefixEnd >= 0) {
                if ((NameRules.ORG_SUFFIXES.contains(t.text(b)) || NameRules.PLACE_SUFFIXES.contains(t.text(b))) && b > prefixEnd) {
                    EntityType type = NameRules.PLACE_SUFFIXES.contains(t.text(b)) && !NameRules.ORG_SUFFIXES.contains(t.text(b))
                            ? EntityType.PLACE : EntityType.ORGANIZATION;
                    String name = t.text.substring(t.start[a], t.end[b]);
                    for (int k = a; k <= prefixEnd; k++) {
                        if (owner[k] != null) {
                            owner[k].confidence = 0; // the place is part of the organisation's name
                        }
                    }
                    out.add(new Candidate(f, t.start[a], t.end[b], a, b, type, null, name, 0.75));
                    continue;
                }
                a = prefixEnd + 1;
            }

            // Trim: leading titles (a person cue), a sentence-initial ordinary word, words never names.
            boolean titled = false;
            while (a <= b && (NameRules.TITLES.contains(t.text(a)) || (a > i0 && t.equals(a, ".")))) {
                titled |= NameRules.OFFICE_TITLES.contains(t.text(a))
                        || (t.text(a).equals("Prime") && a < b && t.text(a + 1).equals("Minister"));
                a++;
            }
            if (titled && a <= b && t.equals(a, "of")) {
                continue; // "Secretary of State", "Minister of Defence": the rest names the office
            }
            if (a <= b && t.is(a, Tokens.SENTENCE_START) && !titled && isOrdinaryWord(t, a)) {
                a++;
            }
            while (a <= b && (NameRules.CALENDAR.contains(t.text(a)) || NameRules.CONNECTORS.contains(t.text(a)))) {
                a++;
            }
            while (b >= a && (NameRules.CALENDAR.contains(t.text(b)) || NameRules.CONNECTORS.contains(t.text(b)))) {
                b--;
            }
            if (a > b || (a == b && NameRules.NEVER_ALONE.contains(t.text(a)))) {
                continue;
            }
            String name = t.text.substring(t.start[a], t.end[b]);
            int length = b - a + 1;
            Candidate c = classify(f, t, a, b, name, length, titled || titleCueBefore(t, a));
            if (c == null) {
                continue;
            }
            // "envoys Steve Witkoff and Jared Kushner": a name joined by "and" to a person is a person.
            if (c.type == null && previousPerson != null && previousEnd == a - 2 && t.equals(a - 1, "and") && length >= 2) {
                c.type = EntityType.PERSON;
                c.confidence = Math.max(c.confidence, 0.7);
            }
            if (c.type == null) {
                if (length == 1) {
                    singles.add(c);
                } else if (!t.is(a, Tokens.ALL_CAPS) || length > 1) {
                    c.type = EntityType.OTHER;
                    c.confidence = MIN_CONFIDENCE;
                    out.add(c);
                }
                continue;
            }
            out.add(c);
            if (c.type == EntityType.PERSON) {
                previousPerson = c;
                previousEnd = b;
            }
        }
    }

    private Candidate classify(int f, Tokens t, int a, int b, String name, int length, boolean titled) {
        Candidate c = new Candidate(f, t.start[a], t.end[b], a, b, null, null, name, 0);
        String last = t.text(b);
        boolean allCaps = length == 1 && t.is(a, Tokens.ALL_CAPS) && lettersOnly(t, a);
        if (length >= 2 && NameRules.NAMED_STORMS.contains(t.text(a))) {
            c.type = EntityType.EVENT; // "Storm Ciarán", "Hurricane Milton"
            c.confidence = 0.8;
        } else if (length >= 2 && NameRules.EVENT_SUFFIXES.contains(last) && !t.text(a).equals("The")) {
            c.type = EntityType.EVENT;
            c.confidence = 0.6;
        } else if (length >= 2 && (NameRules.PLACE_SUFFIXES.contains(last) || NameRules.PLACE_PREFIXES.contains(t.text(a)))
                && !NameRules.ORG_SUFFIXES.contains(last)) {
            c.type = EntityType.PLACE;
            c.confidence = 0.7;
        } else if (NameRules.ORG_SUFFIXES.contains(last) && length >= 2) {
            c.type = EntityType.ORGANIZATION;
            c.confidence = 0.75;
        } else if (titled && !allCaps) {
            c.type = EntityType.PERSON;
            c.confidence = length >= 2 ? 0.8 : 0.65;
        } else if (length >= 2 && length <= 4 && looksLikeGivenName(t, a, b)) {
            c.type = EntityType.PERSON;
            c.confidence = 0.7;
        } else if (length >= 2 && length <= 4 && b + 1 < t.size && NameRules.SPEECH_VERBS.contains(t.text(b + 1))) {
            c.type = EntityType.PERSON;
            c.confidence = 0.6;
        } else if (length <= 3 && a > 0 && NameRules.PLACE_PREPOSITIONS.contains(lower(t, a - 1)) && !allCaps
                && !(length == 1 && kb.isCommonWord(t.text(a).toLowerCase(Locale.ROOT)))) {
            c.type = EntityType.PLACE;
            c.confidence = 0.5;
        } else if (allCaps && t.end[a] - t.start[a] <= 6 && !t.is(a, Tokens.SENTENCE_START)
                && !NameRules.COMMON_ACRONYMS.contains(t.text(a))) {
            c.type = EntityType.ORGANIZATION;
            c.confidence = 0.5;
        } else if (length >= 2 && (t.text(a).equals("University") || t.text(a).equals("Ministry") || t.text(a).equals("Bank")
                || t.text(a).equals("Department") || t.text(a).equals("Council"))) {
            c.type = EntityType.ORGANIZATION;
            c.confidence = 0.7;
        }
        return c;
    }

    /**
     * A given name starting a name of two to four words ("Mark Rutte"); a given name that is also an
     * ordinary word ("Rock", "Glory") only when the surname is not one too ("Velvet Revolver" is a band).
     */
    private boolean looksLikeGivenName(Tokens t, int a, int b) {
        String first = t.text(a);
        if (!kb.isGivenName(first) || t.is(b, Tokens.ALL_CAPS)) {
            return false;
        }
        if (!kb.isCommonWord(first.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return !kb.isCommonWord(t.text(b).toLowerCase(Locale.ROOT));
    }

    private static boolean lettersOnly(Tokens t, int i) {
        for (int k = t.start[i]; k < t.end[i]; k++) {
            if (!Character.isLetter(t.text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** A full stop closing an initial or a title abbreviation inside a name. */
    private static boolean isInitialStop(Tokens t, int j) {
        if (j + 1 >= t.size || j < 1 || t.is(j, Tokens.WORD) || t.text.charAt(t.start[j]) != '.' || t.end[j - 1] != t.start[j]) {
            return false;
        }
        int len = t.end[j - 1] - t.start[j - 1];
        return t.upper(j - 1) && (len == 1 || NameRules.TITLES.contains(t.text(j - 1)));
    }

    /** A capitalised word that is just an ordinary word at the start of a sentence ("Though", "Signed"). */
    private boolean isOrdinaryWord(Tokens t, int i) {
        String word = t.text(i);
        if (t.is(i, Tokens.ALL_CAPS)) {
            return false;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (kb.isGivenName(word) && t.upper(i + 1)) {
            return false; // "Mark Rutte said"
        }
        return kb.isCommonWord(lower);
    }

    /** A title or person noun just before the name, skipping demonyms and possessives ("France’s President"). */
    private boolean titleCueBefore(Tokens t, int first) {
        for (int k = first - 1, seen = 0; k >= 0 && seen < 4; k--, seen++) {
            if (!t.is(k, Tokens.WORD)) {
                if (t.text.charAt(t.start[k]) == ',' ) {
                    return false;
                }
                continue;
            }
            String w = t.text(k);
            if (NameRules.OFFICE_TITLES.contains(w) || NameRules.PERSON_CUES.contains(w)) {
                return true;
            }
            if (NameRules.TITLES.contains(w)) {
                continue; // "Foreign", "Deputy": keep looking for the office
            }
            return false;
        }
        return false;
    }

    private static String lower(Tokens t, int i) {
        return t.text(i).toLowerCase(Locale.ROOT);
    }

}
