package dev.newsflow.enrich.annotate;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import dev.newsflow.enrich.ner.NerType;
import dev.newsflow.schema.EntityType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the names of an article are and of what type: the trained recogniser decides
 * ({@link NameRecognizer}); the knowledge base's names (through the double-array Aho-Corasick automaton)
 * and the rules are post-checks only. A name the model found that is exactly an unambiguous
 * knowledge-base name of another type takes the knowledge base's type where the model was unsure or
 * could not read the capitals (a Title Case headline); named storms and names ending like events are
 * events; demonyms ("French") are evidence for their place, not names; knowledge-base names the model
 * cannot see (parts of hyphenated words, "Hamas-run") or passed over are added. Names the model found in
 * a Title Case headline that the knowledge base does not know are tentative: names only if the body
 * names them too. Which entity each name is, and which names are the same referent, is the
 * {@link EntityLinker}'s work ({@link RecognisedMention} is the seam). Credit lines are not read: an
 * agency or photographer named only there is not an entity of the story. Stateless: one instance
 * serves every thread.
 */
public final class EntityRecognizer {
    /** The least confidence of a recognised name that matches an unambiguous knowledge-base name exactly. */
    static final double LINKED_CONFIDENCE = 0.6;
    /** Below this the model is unsure enough that an exact knowledge-base name of another type wins. */
    static final double UNSURE = 0.6;
    /** A name the model is this sure of stays even where a post-check doubts it. */
    static final double SURE = 0.85;

    private final KnowledgeBase kb;
    private final NameRecognizer names;

    public EntityRecognizer(KnowledgeBase kb, NameRecognizer names) {
        this.kb = kb;
        this.names = names;
    }

    /** Knowledge-base hit inside one field. */
    private record Hit(int start, int end, int code) {
    }

    /** What the recogniser found: the mentions, and the places that demonyms point at (id -> weight). */
    public record Recognised(List<RecognisedMention> mentions, Map<Integer, Double> demonymEvidence) {
    }

    /** Tokens of each field (null for an empty one), shared by the recogniser and the topic evidence. */
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
        return mentions(fields, tokens, names.recognise(fields, tokens));
    }

    /** The mentions of the article from the spans the model found, with the knowledge base's post-checks. */
    Recognised mentions(List<ArticleField> fields, Tokens[] tokens, List<EntitySpan> spans) {
        List<RecognisedMention> mentions = new ArrayList<>(spans.size() + 8);
        Map<Integer, Double> demonymEvidence = new HashMap<>();
        List<List<Hit>> hits = new ArrayList<>(fields.size());
        boolean[] titleCase = new boolean[fields.size()];
        for (int f = 0; f < fields.size(); f++) {
            ArticleField field = fields.get(f);
            List<Hit> found = List.of();
            if (tokens[f] != null && field.prose()) {
                found = gazetteerHits(tokens[f].chars, tokens[f]);
                for (Hit hit : found) {
                    if (hit.code < 0) {
                        KbEntity place = kb.demonymPlace(hit.code);
                        if (place != null) {
                            demonymEvidence.merge(place.id(), field.weight() * 0.5, Double::sum);
                        }
                    }
                }
                titleCase[f] = field.name().equals("headline") && names.isTitleCase(tokens[f]);
            }
            hits.add(found);
        }
        Set<String> personWords = personWords(spans, tokens);
        for (EntitySpan span : spans) {
            Tokens t = tokens[span.field()];
            KbEntity hit = exactHit(hits.get(span.field()), span.start(), span.end());
            if (hit == DEMONYM || (span.type() == NerType.MISC && names.model().isNationality(t.text, span.start(), span.end()))) {
                continue; // "French": evidence for France (counted above), not an entity of its own
            }
            if (span.firstToken() == span.lastToken() && NameRules.NEVER_ALONE.contains(t.text(span.firstToken()))) {
                continue; // "Western", "Tuesday", "God": never an entity on its own
            }
            if (hit == null && span.firstToken() == span.lastToken() && span.confidence() < SURE
                    && t.is(span.firstToken(), Tokens.SENTENCE_START) && span.type() != NerType.PER
                    && kb.isCommonWord(t.text(span.firstToken()).toLowerCase(Locale.ROOT))) {
                continue; // "Floods in Bangladesh ...", "Earthquake kills ...": an ordinary word opening a sentence
            }
            if (hit == null && swallowed(hits.get(span.field()), span, t.text)) {
                continue; // "[Madrid]" inside "Real Madrid Beat ...": the longer knowledge-base name is added below
            }
            if (hit == null && hyphenated(span, t.text) && hasKnowledgeBasePart(hits.get(span.field()), span)) {
                continue; // "Hamas-run": the knowledge-base post-check names the part ("Hamas")
            }
            // The model learnt its types from names in Latin script; of others it knows only that they are names.
            EntityType type = latin(t.text, span.start(), span.end()) ? typeOf(span, t, hit) : EntityType.OTHER;
            boolean known = hit != null && compatible(type, hit);
            // The knowledge base's type wins over an unsure model ("thanked Washington"), over the model on a
            // name of several words it knows exactly and unambiguously ("Bayern Munich" is a club), and always
            // in a Title Case headline, where the model cannot read the capital letters.
            if (hit != null && !known && (titleCase[span.field()]
                    || (!hit.ambiguous() && (span.confidence() < UNSURE || span.lastToken() > span.firstToken())))) {
                known = true;
                type = hit.type();
            } else if (hit != null && !known && span.type() == NerType.PER && span.firstToken() == span.lastToken()
                    && hit.type() != EntityType.PERSON && !personWords.contains(t.text(span.firstToken()))) {
                // "Starmer visits Paris": one word the knowledge base names as a place (a given name too, so
                // "ambiguous"), and no person of the article has it as a name ("Paris Hilton" would).
                known = true;
                type = hit.type();
            }
            // A name the knowledge base knows exactly, and unambiguously, is corroborated: it stays even where
            // the model was unsure of it ("the Coalition of the Willing").
            double confidence = known && !hit.ambiguous() ? Math.max(span.confidence(), LINKED_CONFIDENCE) : span.confidence();
            boolean tentative = titleCase[span.field()] && !known;
            mentions.add(new RecognisedMention(span.field(), span.start(), span.end(), type, confidence, tentative));
        }
        addKnowledgeBaseNames(fields, tokens, hits, spans, titleCase, mentions);
        mentions.sort((a, b) -> a.field() != b.field() ? Integer.compare(a.field(), b.field()) : Integer.compare(a.start(), b.start()));
        return new Recognised(mentions, demonymEvidence);
    }

    /**
     * Post-checks from the knowledge base where the model cannot see a name: a name written as part of
     * a hyphenated word ("Hamas-run", "US-led"), a knowledge-base name of several words that the model
     * left out entirely ("Coalition of the Willing"), any knowledge-base name in a Title Case headline
     * ("Macron Says ..."), whose capital letters the model cannot read, and a capitalised word in
     * mid-sentence that the knowledge base names. Only unambiguous entries, and places that are also
     * ordinary words after a place preposition ("in Nice", not "Nice weather").
     */
    private void addKnowledgeBaseNames(List<ArticleField> fields, Tokens[] tokens, List<List<Hit>> hits,
                                       List<EntitySpan> spans, boolean[] titleCase, List<RecognisedMention> out) {
        for (int f = 0; f < fields.size(); f++) {
            Tokens t = tokens[f];
            for (Hit hit : hits.get(f)) {
                if (hit.code < 0) {
                    continue;
                }
                KbEntity entity = kb.entity(hit.code);
                if (overlapsSpan(spans, f, hit, t.text) || (entity.ambiguous() && !entity.commonWord())) {
                    continue;
                }
                int first = t.tokenStartingAt(hit.start);
                int last = t.tokenEndingAt(hit.end);
                boolean partOfHyphenated = false;
                if (last < 0 && hit.end < t.text.length() && t.text.charAt(hit.end) == '-') {
                    last = t.tokenContaining(hit.end - 1);
                    partOfHyphenated = true;
                }
                if (first < 0 && hit.start > 0 && t.text.charAt(hit.start - 1) == '-') {
                    first = t.tokenContaining(hit.start);
                    partOfHyphenated = true;
                }
                if (first < 0 || last < first) {
                    continue;
                }
                boolean severalWords = last > first && t.upper(last);
                // One capitalised word in mid-sentence that the model passed over: a knowledge-base name it did
                // not know ("thanked Washington"), or a place also an ordinary word after a place preposition ("in Nice").
                boolean singleWord = last == first && t.upper(first) && !t.is(first, Tokens.SENTENCE_START)
                        && !entity.givenName()
                        && (!entity.commonWord() || (first > 0 && entity.type() == EntityType.PLACE
                                && NameRules.PLACE_PREPOSITIONS.contains(t.text(first - 1).toLowerCase(Locale.ROOT))));
                if (!partOfHyphenated && !titleCase[f] && !severalWords && !singleWord) {
                    continue;
                }
                if (entity.commonWord() && !singleWord) {
                    continue; // an ordinary word too: only with a place preposition
                }
                out.add(RecognisedMention.of(f, hit.start, hit.end, entity.type(), singleWord && !partOfHyphenated ? 0.5 : 0.6));
            }
        }
    }

    private boolean overlapsSpan(List<EntitySpan> spans, int field, Hit hit, String text) {
        for (EntitySpan s : spans) {
            if (s.field() == field && s.start() < hit.end && hit.start < s.end() && !hyphenated(s, text)
                    && !swallows(hit, s, text)) {
                return true;
            }
        }
        return false;
    }

    /** The span lies inside a longer knowledge-base name of several words that is not ambiguous. */
    private boolean swallowed(List<Hit> hits, EntitySpan span, String text) {
        for (Hit hit : hits) {
            if (swallows(hit, span, text)) {
                return true;
            }
        }
        return false;
    }

    private boolean swallows(Hit hit, EntitySpan s, String text) {
        if (hit.code < 0 || hit.start > s.start() || s.end() > hit.end || hit.end - hit.start <= s.end() - s.start()) {
            return false;
        }
        int space = text.indexOf(' ', hit.start);
        return space > hit.start && space < hit.end && !kb.entity(hit.code).ambiguous();
    }

    /** Whether the name's letters are Latin ones (the script of the training data). */
    private static boolean latin(String text, int start, int end) {
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (c < 128) {
                continue; // ASCII: Latin letters or no letter at all (the script lookup is a binary search)
            }
            if (Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                return false;
            }
        }
        return true;
    }

    /** A one-token name written with a hyphen ("Hamas-run", "US-led"): its parts are the post-check's. */
    private static boolean hyphenated(EntitySpan s, String text) {
        if (s.firstToken() != s.lastToken()) {
            return false;
        }
        int dash = text.indexOf('-', s.start());
        return dash > s.start() && dash < s.end() - 1;
    }

    /** A knowledge-base name fills a hyphen-delimited part of the one-token span. */
    private boolean hasKnowledgeBasePart(List<Hit> hits, EntitySpan span) {
        for (Hit hit : hits) {
            if (hit.code >= 0 && !kb.entity(hit.code).ambiguous() && hit.start >= span.start() && hit.end <= span.end()
                    && (hit.end - hit.start) < (span.end() - span.start())) {
                return true;
            }
        }
        return false;
    }

    /** The words of the article's names of people of two words or more ("Paris Hilton": "Paris", "Hilton"). */
    private static Set<String> personWords(List<EntitySpan> spans, Tokens[] tokens) {
        Set<String> words = new HashSet<>();
        for (EntitySpan span : spans) {
            if (span.type() == NerType.PER && span.lastToken() > span.firstToken()) {
                Tokens t = tokens[span.field()];
                for (int i = span.firstToken(); i <= span.lastToken(); i++) {
                    words.add(t.text(i));
                }
            }
        }
        return words;
    }

    /**
     * The knowledge-base entity (or {@link #DEMONYM}) named exactly by the span [start, end), or null. The hits
     * of a field are sorted by start and do not overlap ({@link #gazetteerHits}): a binary search, no table.
     */
    private KbEntity exactHit(List<Hit> hits, int start, int end) {
        int lo = 0;
        int hi = hits.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Hit h = hits.get(mid);
            if (h.start < start) {
                lo = mid + 1;
            } else if (h.start > start) {
                hi = mid - 1;
            } else {
                return h.end != end ? null : h.code < 0 ? DEMONYM : kb.entity(h.code);
            }
        }
        return null;
    }

    /** Marks a demonym in the span table ("French"): evidence for its place, not an entity. */
    private static final KbEntity DEMONYM = new KbEntity(-1, EntityType.PLACE, "", null, "demonym", false, false,
            false, 0, null, EntityFacts.NONE);

    /**
     * The entity type of a recognised name, with the rules kept as post-checks: a named storm is an
     * event whatever the model says; a name other than a person's ending like an event ("... Summit",
     * "... Games") is one; a MISC name the knowledge base knows as an event is one.
     */
    private static EntityType typeOf(EntitySpan span, Tokens t, KbEntity linked) {
        int a = span.firstToken();
        int b = span.lastToken();
        if (b > a && NameRules.NAMED_STORMS.contains(t.text(a))) {
            return EntityType.EVENT; // "Storm Ciarán", "Hurricane Milton"
        }
        boolean eventWord = b > a && NameRules.EVENT_SUFFIXES.contains(t.text(b));
        return switch (span.type()) {
            case PER -> EntityType.PERSON;
            case LOC -> eventWord ? EntityType.EVENT : EntityType.PLACE;
            case ORG -> eventWord ? EntityType.EVENT : EntityType.ORGANIZATION;
            case MISC -> eventWord || (linked != null && linked.type() == EntityType.EVENT) ? EntityType.EVENT : EntityType.OTHER;
        };
    }

    /** The knowledge base's entity is of the type the model found (a MISC name may be an event). */
    private static boolean compatible(EntityType type, KbEntity entity) {
        return entity.type() == type || (type == EntityType.OTHER && entity.type() == EntityType.EVENT);
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

}
