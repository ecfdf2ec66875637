package dev.newsflow.enrich.annotate;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import dev.newsflow.enrich.ner.NerType;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.EntityType;
import dev.newsflow.schema.Mention;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The entities of an article: the names the trained recogniser finds ({@link NameRecognizer}) are
 * linked to the knowledge base where a name of the same type matches exactly (names through the
 * double-array Aho-Corasick automaton), typed (storms and named events among the MISC names), and
 * merged by referent, partial names resolved against the full names of the same article ("Witkoff" ->
 * "Steve Witkoff"). Demonyms ("French") are evidence for their place, not entities. Credit lines are
 * read apart: agencies and photographers. Stateless: one instance serves every thread.
 */
public final class EntityRecognizer {
    static final double KB_CONFIDENCE = 0.9;
    /** The least confidence of a recognised name that matches an unambiguous knowledge-base name exactly. */
    static final double LINKED_CONFIDENCE = 0.6;
    /** Names the recogniser is less sure of than this are left out. */
    static final double MIN_CONFIDENCE = 0.3;

    private final KnowledgeBase kb;
    private final NameRecognizer names;

    public EntityRecognizer(KnowledgeBase kb, NameRecognizer names) {
        this.kb = kb;
        this.names = names;
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

    /** Entities of the article, most salient first. */
    public List<Entity> recognise(List<ArticleField> fields) {
        return recognise(fields, tokenize(fields));
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

    /** As {@link #recognise(List)}, with the fields already tokenized ({@link #tokenize(List)}). */
    List<Entity> recognise(List<ArticleField> fields, Tokens[] tokens) {
        return entities(fields, tokens, names.recognise(fields, tokens));
    }

    /** The article's entities from the names the recogniser found: linked, typed, merged by referent. */
    List<Entity> entities(List<ArticleField> fields, Tokens[] tokens, List<EntitySpan> spans) {
        List<Candidate> candidates = new ArrayList<>();
        Map<Integer, Double> demonymEvidence = new HashMap<>();
        List<List<Hit>> hits = new ArrayList<>(fields.size());
        List<Map<Long, KbEntity>> exact = new ArrayList<>(fields.size());
        boolean[] titleCase = new boolean[fields.size()];
        for (int f = 0; f < fields.size(); f++) {
            ArticleField field = fields.get(f);
            Map<Long, KbEntity> bySpan = new HashMap<>();
            List<Hit> found = List.of();
            if (tokens[f] != null && !field.prose()) {
                creditCandidates(f, tokens[f], candidates);
            } else if (tokens[f] != null) {
                found = gazetteerHits(tokens[f].chars, tokens[f]);
                for (Hit hit : found) {
                    if (hit.code < 0) {
                        KbEntity place = kb.demonymPlace(hit.code);
                        if (place != null) {
                            demonymEvidence.merge(place.id(), field.weight() * 0.5, Double::sum);
                        }
                    }
                    bySpan.put(spanKey(hit.start, hit.end), hit.code < 0 ? DEMONYM : kb.entity(hit.code));
                }
                titleCase[f] = field.name().equals("headline") && names.isTitleCase(tokens[f]);
            }
            hits.add(found);
            exact.add(bySpan);
        }
        List<Candidate> headline = new ArrayList<>();
        for (EntitySpan span : spans) {
            Tokens t = tokens[span.field()];
            KbEntity hit = exact.get(span.field()).get(spanKey(span.start(), span.end()));
            if (hit == DEMONYM || (span.type() == NerType.MISC && names.model().isNationality(t.text, span.start(), span.end()))) {
                continue; // "French": evidence for France (counted above), not an entity of its own
            }
            if (span.firstToken() == span.lastToken() && NameRules.NEVER_ALONE.contains(t.text(span.firstToken()))) {
                continue; // "Western", "Tuesday", "God": never an entity on its own
            }
            if (hit == null && hyphenated(span, t.text) && hasKnowledgeBasePart(hits.get(span.field()), span)) {
                continue; // "Hamas-run": the knowledge-base post-check names the part ("Hamas")
            }
            EntityType type = typeOf(span, t, hit);
            KbEntity entity = hit != null && compatible(type, hit) ? hit : null;
            // The knowledge base's type wins over an unsure model ("thanked Washington"), and always in a
            // Title Case headline, where the model cannot read the capital letters.
            if (hit != null && entity == null && (titleCase[span.field()] || (!hit.ambiguous() && span.confidence() < 0.6))) {
                entity = hit;
                type = hit.type();
            }
            String name = entity != null ? entity.name() : t.text.substring(span.start(), span.end());
            // A name the knowledge base knows exactly, and unambiguously, is corroborated: it stays even where
            // the model was unsure of it ("the Coalition of the Willing").
            double confidence = entity != null && !entity.ambiguous() ? Math.max(span.confidence(), LINKED_CONFIDENCE)
                    : span.confidence();
            Candidate c = new Candidate(span.field(), span.start(), span.end(), span.firstToken(), span.lastToken(), type,
                    entity, name, confidence);
            (titleCase[span.field()] && entity == null ? headline : candidates).add(c);
        }
        addKnowledgeBaseNames(fields, tokens, hits, spans, titleCase, candidates);
        keepHeadlineNamesSeenElsewhere(headline, candidates);
        resolvePartialNames(fields, candidates);
        return merge(fields, candidates, demonymEvidence);
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
                                       List<EntitySpan> spans, boolean[] titleCase, List<Candidate> out) {
        for (int f = 0; f < fields.size(); f++) {
            Tokens t = tokens[f];
            for (Hit hit : hits.get(f)) {
                if (hit.code < 0) {
                    continue;
                }
                KbEntity entity = kb.entity(hit.code);
                if (overlapsSpan(spans, f, hit.start, hit.end, t.text) || (entity.ambiguous() && !entity.commonWord())) {
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
                out.add(new Candidate(f, hit.start, hit.end, first, last, entity.type(), entity, entity.name(),
                        singleWord && !partOfHyphenated ? 0.5 : 0.6));
            }
        }
    }

    private static boolean overlapsSpan(List<EntitySpan> spans, int field, int start, int end, String text) {
        for (EntitySpan s : spans) {
            if (s.field() == field && s.start() < end && start < s.end() && !hyphenated(s, text)) {
                return true;
            }
        }
        return false;
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

    /**
     * A name the model found in a Title Case headline, not in the knowledge base, stays only when the
     * article names it elsewhere (the whole name, or a person's surname): "Stand" in "Europe Must Stand
     * By Ukraine" does not.
     */
    private static void keepHeadlineNamesSeenElsewhere(List<Candidate> headline, List<Candidate> candidates) {
        if (headline.isEmpty()) {
            return;
        }
        Map<String, Boolean> seen = new HashMap<>();
        for (Candidate c : candidates) {
            seen.put(c.name, true);
            if (c.type == EntityType.PERSON && c.name.indexOf(' ') > 0) {
                seen.put(c.name.substring(c.name.lastIndexOf(' ') + 1), true);
            }
        }
        for (Candidate c : headline) {
            if (seen.containsKey(c.name)) {
                candidates.add(c);
            }
        }
    }

    private static long spanKey(int start, int end) {
        return ((long) start << 32) | end;
    }

    /** Marks a demonym in the span table ("French"): evidence for its place, not an entity. */
    private static final KbEntity DEMONYM = new KbEntity(-1, EntityType.PLACE, "", null, "demonym", false, false);

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

    /** A credit line names agencies and photographers: knowledge-base names and all-capital words are agencies. */
    private void creditCandidates(int f, Tokens tokens, List<Candidate> out) {
        boolean[] covered = new boolean[tokens.size];
        for (Hit hit : gazetteerHits(tokens.chars, tokens)) {
            int first = tokens.tokenStartingAt(hit.start);
            int last = tokens.tokenEndingAt(hit.end);
            if (hit.code < 0 || first < 0 || last < first) {
                continue;
            }
            KbEntity entity = kb.entity(hit.code);
            if (entity.ambiguous()) {
                continue;
            }
            for (int i = first; i <= last; i++) {
                covered[i] = true;
            }
            out.add(new Candidate(f, hit.start, hit.end, first, last, entity.type(), entity, entity.name(),
                    entity.wikidataId() != null ? 0.95 : KB_CONFIDENCE));
        }
        for (int i = 0; i < tokens.size; i++) {
            if (!covered[i] && tokens.is(i, Tokens.ALL_CAPS) && lettersOnly(tokens, i) && tokens.end[i] - tokens.start[i] <= 8
                    && !NameRules.COMMON_ACRONYMS.contains(tokens.text(i))) {
                out.add(new Candidate(f, tokens.start[i], tokens.end[i], i, i, EntityType.ORGANIZATION, null,
                        tokens.text(i), 0.5));
            }
        }
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

    private static boolean lettersOnly(Tokens t, int i) {
        for (int k = t.start[i]; k < t.end[i]; k++) {
            if (!Character.isLetter(t.text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------
    // Partial names and merging

    /**
     * Partial names resolved against the full names of the same article: a surname alone ("Witkoff") is
     * the person named in full ("Steve Witkoff"), and so is a given name alone when only one person of
     * the article has it. A single word the recogniser typed otherwise, with little confidence, is that
     * person too when it is one's surname.
     */
    private void resolvePartialNames(List<ArticleField> fields, List<Candidate> candidates) {
        Map<String, Candidate> bySurname = new HashMap<>();
        Map<String, Candidate> byFirstName = new HashMap<>();
        Map<String, Boolean> firstNameShared = new HashMap<>();
        for (Candidate c : candidates) {
            if (c.type != EntityType.PERSON) {
                continue;
            }
            String[] parts = c.name.split(" ");
            if (parts.length < 2) {
                continue;
            }
            bySurname.putIfAbsent(parts[parts.length - 1], c);
            Candidate other = byFirstName.putIfAbsent(parts[0], c);
            if (other != null && !other.key().equals(c.key())) {
                firstNameShared.put(parts[0], true);
            }
        }
        for (Candidate c : candidates) {
            if (c.entity != null || c.name.indexOf(' ') >= 0) {
                continue;
            }
            Candidate person = bySurname.get(c.name);
            if (person == null && c.type == EntityType.PERSON && !firstNameShared.containsKey(c.name)
                    && kb.isGivenName(c.name)) {
                person = byFirstName.get(c.name);
            }
            if (person != null && person != c && (c.type == EntityType.PERSON || c.confidence < 0.75)) {
                adopt(c, person);
            }
        }
    }

    private static void adopt(Candidate c, Candidate person) {
        c.type = EntityType.PERSON;
        c.entity = person.entity;
        c.name = person.name;
        c.confidence = Math.max(0.6, Math.min(person.confidence, 0.85));
    }

    private List<Entity> merge(List<ArticleField> fields, List<Candidate> candidates, Map<Integer, Double> demonymEvidence) {
        Map<Object, List<Candidate>> byKey = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (c.type == null || c.confidence < MIN_CONFIDENCE) {
                continue;
            }
            byKey.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
        }
        List<Entity> entities = new ArrayList<>(byKey.size());
        double[] scores = new double[byKey.size()];
        double max = 0;
        int e = 0;
        for (List<Candidate> group : byKey.values()) {
            Candidate head = group.get(0);
            double score = 0;
            double confidence = 0;
            List<Mention> mentions = new ArrayList<>(group.size());
            group.sort((x, y) -> x.field != y.field ? Integer.compare(x.field, y.field) : Integer.compare(x.start, y.start));
            for (Candidate c : group) {
                ArticleField field = fields.get(c.field);
                score += field.weight();
                confidence = Math.max(confidence, c.confidence);
                mentions.add(new Mention(field.name(), c.start, c.end, field.text().substring(c.start, c.end)));
            }
            if (head.entity != null) {
                score += demonymEvidence.getOrDefault(head.entity.id(), 0.0);
            }
            confidence = Math.min(0.99, confidence + 0.03 * (group.size() - 1));
            scores[e] = score;
            max = Math.max(max, score);
            entities.add(new Entity(head.entity != null ? head.entity.name() : head.name, head.type,
                    head.entity != null ? head.entity.wikidataId() : null, round(confidence), 0.0, mentions));
            e++;
        }
        for (int k = 0; k < entities.size(); k++) {
            entities.get(k).setSalience(round(max == 0 ? 0 : scores[k] / max));
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
}
