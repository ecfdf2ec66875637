package dev.newsflow.enrich.annotate;

import dev.newsflow.schema.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One entity per referent in an article: groups the recogniser's mentions that name the same thing.
 * "Keir Starmer … Starmer … Starmer's" is one group (a surname or given name joins the one full name
 * in the article that has it), "Food and Drug Administration (FDA) … the FDA" is one group (an acronym
 * in brackets after its long form), "Thwaites Glacier … Thwaites" is one group (a name without its head
 * noun), and the same name twice is one group. Tentative mentions that join nothing are dropped.
 */
final class ArticleCoreference {
    /** Words before a name that are not part of it for comparison ("Mr Witkoff", "President Macron"). */
    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady",
            "president", "prime", "minister", "chancellor", "senator", "sen", "rep", "gov", "governor", "general", "gen",
            "judge", "justice", "professor", "prof", "envoy", "secretary", "mayor", "speaker", "premier", "king", "queen",
            "prince", "princess", "pope", "st", "saint", "the");
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");
    /** A name's last word that can be left out when the name is repeated ("Thwaites Glacier" … "Thwaites"). */
    private static final Set<String> HEAD_NOUNS = Set.of("glacier", "river", "lake", "sea", "ocean", "mountains",
            "mountain", "island", "islands", "valley", "desert", "strait", "bay", "peninsula", "volcano", "party",
            "university", "college", "institute", "company", "corporation", "corp", "inc", "ltd", "plc", "group", "bank",
            "airlines", "airways", "council", "committee", "commission", "agency", "foundation", "survey", "club", "fc",
            "association", "federation", "stadium", "airport", "hospital", "festival", "prize", "award", "awards");
    // The same words as keys, so that checking a mention's words makes no strings.
    private static final long[] HONORIFIC_KEYS = keys(HONORIFICS);
    private static final long[] SUFFIX_KEYS = keys(SUFFIXES);
    private static final long[] HEAD_NOUN_KEYS = keys(HEAD_NOUNS);

    private static long[] keys(Set<String> words) {
        return words.stream().mapToLong(SurfaceKey::of).sorted().toArray();
    }

    private static boolean contains(long[] sortedKeys, long key) {
        return java.util.Arrays.binarySearch(sortedKeys, key) >= 0;
    }

    private static final Set<String> CONNECTORS = Set.of("of", "and", "the", "for", "de", "du", "des", "la", "le", "&",
            "on", "in", "to", "y", "und", "et");
    /** A recogniser type this sure keeps a use of a name apart from uses typed otherwise. */
    private static final double SURE_TYPE = 0.7;
    private static final Set<String> SPEECH = Set.of("said", "says", "told", "added", "wrote", "posted", "announced",
            "insisted", "argued", "replied", "warned", "stated", "tweeted");

    private ArticleCoreference() {
    }

    /** A mention with what comparing it needs: its key, its words' keys, its group. */
    static final class ArticleMention {
        final int field;
        final int start;
        final int end;
        /** The span compared: without a possessive ending. */
        final int keyEnd;
        /** Where the name starts once honorifics are left out ("Mr Witkoff" -> "Witkoff"). */
        int bareStart;
        final EntityType type;
        final double confidence;
        final boolean tentative;
        long key;
        long bareKey;
        int words;
        long firstWord;
        long lastWord;
        /** Key of the name without its last word when that is a head noun ("Thwaites" of "Thwaites Glacier"), else 0. */
        long withoutHead;
        boolean acronym;
        Group group;

        ArticleMention(int field, int start, int end, int keyEnd, EntityType type, double confidence, boolean tentative) {
            this.field = field;
            this.start = start;
            this.end = end;
            this.keyEnd = keyEnd;
            this.type = type;
            this.confidence = confidence;
            this.tentative = tentative;
        }

        Group group() {
            Group g = group;
            while (g.parent != g) {
                g = g.parent;
            }
            return g;
        }
    }

    /** Mentions of one referent (union-find: {@link #parent} points at the group this one was merged into). */
    static final class Group {
        Group parent = this;
        final List<ArticleMention> mentions = new ArrayList<>(4);
        boolean acronym;

        boolean person() {
            for (ArticleMention m : mentions) {
                if (m.type == EntityType.PERSON && m.words >= 2) {
                    return true;
                }
            }
            return false;
        }

        /** The type the most specific mention was given: the one with the most words, then the surest. */
        EntityType type() {
            ArticleMention best = null;
            for (ArticleMention m : mentions) {
                if (m.type == null || m.type == EntityType.OTHER) {
                    continue;
                }
                if (best == null || m.words > best.words || m.words == best.words && m.confidence > best.confidence) {
                    best = m;
                }
            }
            return best == null ? EntityType.OTHER : best.type;
        }

        double confidence() {
            double c = 0;
            for (ArticleMention m : mentions) {
                c = Math.max(c, m.confidence);
            }
            return c;
        }

        /** The mention naming the referent most fully (most words, then first). */
        ArticleMention longest() {
            ArticleMention best = mentions.get(0);
            for (ArticleMention m : mentions) {
                if (m.words > best.words) {
                    best = m;
                }
            }
            return best;
        }
    }

    /** Groups of the article's mentions, in order of their first mention. */
    static List<Group> group(List<ArticleField> fields, List<RecognisedMention> recognised) {
        List<ArticleMention> mentions = new ArrayList<>(recognised.size() + 4);
        for (RecognisedMention r : recognised) {
            ArticleField field = fields.get(r.field());
            if (!field.prose() || r.end() > field.text().length()) {
                continue; // a credit line names who took the photo, not who the story is about
            }
            mentions.add(prepare(field.text(), r.field(), r.start(), r.end(), r.type(), r.confidence(), r.tentative()));
        }
        expandAcronyms(fields, mentions);

        // The same name is one group, unless the recogniser typed the uses differently with conviction
        // ("Amazon" the company, "the Amazon" the rainforest): a mention without a sure type joins the
        // first group of its name.
        LongKeyMap<Group> byKey = new LongKeyMap<>();
        LongKeyMap<Group> byKeyAndType = new LongKeyMap<>();
        List<Group> groups = new ArrayList<>();
        for (ArticleMention m : mentions) {
            if (m.tentative) {
                continue;
            }
            boolean typed = m.type != null && m.type != EntityType.OTHER && m.confidence >= SURE_TYPE;
            Group g = typed ? byKeyAndType.get(m.key * 31 + m.type.ordinal()) : byKey.get(m.key);
            if (g == null && typed) {
                Group first = byKey.get(m.key);
                EntityType firstType = first == null ? null : root(first).type();
                if (first != null && (firstType == EntityType.OTHER || firstType == m.type)) {
                    g = first;
                }
            }
            if (g == null) {
                g = new Group();
                byKey.putIfAbsent(m.key, g);
                groups.add(g);
            }
            if (typed) {
                byKeyAndType.putIfAbsent(m.key * 31 + m.type.ordinal(), g);
            }
            join(m, g);
        }
        linkAcronyms(fields, mentions, byKey);
        joinPartialNames(fields, mentions, groups, byKey);
        joinHeadNouns(mentions, groups, byKey);

        List<Group> roots = new ArrayList<>(groups.size());
        for (Group g : groups) {
            if (g.parent == g && !g.mentions.isEmpty()) {
                roots.add(g);
            }
        }
        return roots;
    }

    private static void join(ArticleMention m, Group g) {
        m.group = g;
        g.mentions.add(m);
        g.acronym |= m.acronym;
    }

    private static void merge(Group from, Group into) {
        from = root(from);
        into = root(into);
        if (from == into) {
            return;
        }
        for (ArticleMention m : from.mentions) {
            m.group = into;
            into.mentions.add(m);
        }
        into.acronym |= from.acronym;
        from.mentions.clear();
        from.parent = into;
    }

    private static Group root(Group g) {
        while (g.parent != g) {
            g = g.parent;
        }
        return g;
    }

    static ArticleMention prepare(String text, int field, int start, int end, EntityType type, double confidence,
                                  boolean tentative) {
        int keyEnd = end;
        // "Starmer's", "Witkoffs'": the possessive is not part of the name.
        if (keyEnd - start > 2 && (text.charAt(keyEnd - 1) == 's' || text.charAt(keyEnd - 1) == 'S')
                && isApostrophe(text.charAt(keyEnd - 2))) {
            keyEnd -= 2;
        } else if (keyEnd - start > 1 && isApostrophe(text.charAt(keyEnd - 1))) {
            keyEnd -= 1;
        }
        ArticleMention m = new ArticleMention(field, start, end, keyEnd, type, confidence, tentative);
        m.key = SurfaceKey.of(text, start, keyEnd);
        // Words: their count, the first and the last (without "Jr."), and where honorifics end.
        int wordStart = -1;
        int bare = start;
        boolean inHonorifics = true;
        long first = 0;
        long last = 0;
        int words = 0;
        long lastWordKey = 0;
        int previousWordEnd = -1;
        int wordEnd = -1;
        for (int i = start; i <= keyEnd; i++) {
            boolean boundary = i == keyEnd || Character.isWhitespace(text.charAt(i));
            if (!boundary && wordStart < 0) {
                wordStart = i;
            } else if (boundary && wordStart >= 0) {
                long k = SurfaceKey.of(text, wordStart, i);
                if (inHonorifics && i < keyEnd && contains(HONORIFIC_KEYS, k)) {
                    bare = i + 1;
                } else {
                    inHonorifics = false;
                    if (words == 0) {
                        first = k;
                    }
                    if (words == 0 || !contains(SUFFIX_KEYS, k)) {
                        last = k;
                    }
                    previousWordEnd = wordEnd;
                    lastWordKey = k;
                    wordEnd = i;
                    words++;
                }
                wordStart = -1;
            }
        }
        while (bare < keyEnd && Character.isWhitespace(text.charAt(bare))) {
            bare++;
        }
        m.bareStart = bare;
        m.bareKey = bare > start ? SurfaceKey.of(text, bare, keyEnd) : m.key;
        m.words = Math.max(1, words);
        m.firstWord = first;
        m.lastWord = last;
        m.acronym = isAcronym(text, start, keyEnd);
        if (words >= 2 && previousWordEnd > bare && contains(HEAD_NOUN_KEYS, lastWordKey)) {
            m.withoutHead = SurfaceKey.of(text, bare, previousWordEnd);
        }
        return m;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’';
    }

    /** Two to eight capital letters (dots and "&" allowed): "FDA", "U.N.", "AT&T". */
    private static boolean isAcronym(String text, int start, int end) {
        int letters = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c)) {
                letters++;
            } else if (c != '.' && c != '&') {
                return false;
            }
        }
        return letters >= 2 && letters <= 8;
    }

    // ---------------------------------------------------------------------------------------------
    // Acronyms: "Food and Drug Administration (FDA)"

    /**
     * An acronym in brackets right after the words it abbreviates makes those words one name, even when
     * the recogniser split them ("Food" and "Drug Administration"): the mentions inside are replaced by
     * one mention of the whole long form.
     */
    private static void expandAcronyms(List<ArticleField> fields, List<ArticleMention> mentions) {
        for (int i = 0; i < mentions.size(); i++) {
            ArticleMention a = mentions.get(i);
            if (!a.acronym) {
                continue;
            }
            String text = fields.get(a.field).text();
            int open = openingBracketBefore(text, a.start);
            if (open < 0 || !closesAfter(text, a.keyEnd)) {
                continue;
            }
            int longStart = longFormStart(text, open, acronymLetters(text, a.start, a.keyEnd));
            if (longStart < 0) {
                continue;
            }
            int longEnd = open;
            while (longEnd > longStart && Character.isWhitespace(text.charAt(longEnd - 1))) {
                longEnd--;
            }
            EntityType type = null;
            double confidence = 0;
            boolean exact = false;
            for (int k = mentions.size() - 1; k >= 0; k--) {
                ArticleMention m = mentions.get(k);
                if (m.field == a.field && m.start >= longStart && m.end <= longEnd) {
                    exact |= m.start == longStart && m.end == longEnd;
                    if (type == null || m.words > 1) {
                        type = m.type;
                    }
                    confidence = Math.max(confidence, m.confidence);
                    if (!(m.start == longStart && m.end == longEnd)) {
                        mentions.remove(k);
                        if (k < i) {
                            i--;
                        }
                    }
                }
            }
            if (!exact) {
                ArticleMention whole = prepare(text, a.field, longStart, longEnd,
                        type == null || type == EntityType.OTHER ? a.type : type, Math.max(confidence, a.confidence), false);
                int at = 0;
                while (at < mentions.size() && (mentions.get(at).field < a.field
                        || mentions.get(at).field == a.field && mentions.get(at).start < longStart)) {
                    at++;
                }
                mentions.add(at, whole);
                if (at <= i) {
                    i++;
                }
            }
        }
    }

    private static int openingBracketBefore(String text, int start) {
        int i = start - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && text.charAt(i) == '(' ? i : -1;
    }

    private static boolean closesAfter(String text, int end) {
        int i = end;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i < text.length() && text.charAt(i) == ')';
    }

    private static String acronymLetters(String text, int start, int end) {
        StringBuilder b = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /**
     * Where the long form of the acronym starts: walking back from the bracket over capitalised words
     * and connectors ("of", "and", "the"), the first point from which the capitalised words' initials
     * spell the acronym; -1 when none does.
     */
    private static int longFormStart(String text, int open, String letters) {
        List<int[]> words = new ArrayList<>(); // [start, end], last word first
        int i = open - 1;
        while (i >= 0 && words.size() < 12) {
            while (i >= 0 && text.charAt(i) == ' ') {
                i--;
            }
            int end = i + 1;
            while (i >= 0 && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '(' && text.charAt(i) != ','
                    && text.charAt(i) != '“' && text.charAt(i) != '"') {
                i--;
            }
            int start = i + 1;
            if (start >= end) {
                break;
            }
            boolean capital = Character.isUpperCase(text.charAt(start));
            String word = text.substring(start, end).toLowerCase(java.util.Locale.ROOT);
            if (!capital && !CONNECTORS.contains(word)) {
                break;
            }
            words.add(new int[] {start, end});
            if (capital) {
                StringBuilder initials = new StringBuilder();
                for (int w = words.size() - 1; w >= 0; w--) {
                    int ws = words.get(w)[0];
                    if (Character.isUpperCase(text.charAt(ws))) {
                        initials.append(Character.toLowerCase(text.charAt(ws)));
                    }
                }
                if (initials.toString().equals(letters)) {
                    return start;
                }
                if (initials.length() > letters.length()) {
                    break;
                }
            }
        }
        return -1;
    }

    /** Each acronym defined in brackets joins the group of its long form, and so do its later uses. */
    private static void linkAcronyms(List<ArticleField> fields, List<ArticleMention> mentions, LongKeyMap<Group> byKey) {
        for (ArticleMention a : mentions) {
            if (!a.acronym || a.tentative) {
                continue;
            }
            String text = fields.get(a.field).text();
            int open = openingBracketBefore(text, a.start);
            if (open < 0) {
                continue;
            }
            ArticleMention longForm = null;
            for (ArticleMention m : mentions) {
                if (m.field == a.field && m != a && m.end <= open && (longForm == null || m.end > longForm.end)) {
                    longForm = m;
                }
            }
            if (longForm == null || longForm.group == null || !blank(text, longForm.end, open)
                    || !acronymLetters(text, a.start, a.keyEnd).equals(initials(text, longForm.start, longForm.keyEnd))) {
                continue;
            }
            Group target = root(longForm.group);
            target.acronym = true;
            merge(root(a.group), target);
            byKey.put(a.key, target);
        }
    }

    private static boolean blank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String initials(String text, int start, int end) {
        StringBuilder b = new StringBuilder();
        boolean atWord = true;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                atWord = true;
            } else {
                if (atWord && Character.isUpperCase(c)) {
                    b.append(Character.toLowerCase(c));
                }
                atWord = false;
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------------------------------------
    // Partial names: "Starmer" -> "Keir Starmer"

    private static void joinPartialNames(List<ArticleField> fields, List<ArticleMention> mentions, List<Group> groups,
                                         LongKeyMap<Group> byKey) {
        LongKeyMap<Group> bySurname = new LongKeyMap<>();
        LongKeyMap<Group> byGivenName = new LongKeyMap<>();
        Group shared = new Group(); // marks a word that two different people of the article share
        for (Group g : groups) {
            if (g.parent != g || !g.person()) {
                continue;
            }
            for (ArticleMention m : g.mentions) {
                if (m.words >= 2) {
                    bySurname.merge(m.lastWord, g, (a, b) -> root(a) == root(b) ? a : shared);
                    byGivenName.merge(m.firstWord, g, (a, b) -> root(a) == root(b) ? a : shared);
                }
            }
        }
        // "Donald J. Trump" and "Donald Trump", "Sir Keir Starmer" and "Keir Starmer": one person.
        // Merging moves mentions between groups, so the pairs are found first and merged after the walk.
        LongKeyMap<Group> byFirstAndLast = new LongKeyMap<>();
        List<Group[]> sameName = new ArrayList<>();
        for (Group g : groups) {
            if (g.parent != g || !g.person()) {
                continue;
            }
            for (ArticleMention m : g.mentions) {
                if (m.words >= 2) {
                    long k = m.firstWord * 31 + m.lastWord;
                    Group other = byFirstAndLast.putIfAbsent(k, g);
                    if (other != null && other != g) {
                        sameName.add(new Group[] {g, other});
                    }
                    Group bare = byKey.get(m.bareKey);
                    if (bare != null && bare != g) {
                        sameName.add(new Group[] {bare, g});
                    }
                }
            }
        }
        for (Group[] pair : sameName) {
            merge(pair[0], pair[1]);
        }
        for (ArticleMention m : mentions) {
            if (m.tentative && m.group == null) {
                Group same = byKey.get(m.key);
                if (same != null) {
                    join(m, root(same)); // "Macron" in a Title Case headline, "Macron" in the body
                    continue;
                }
            }
            if (m.words != 1) {
                continue;
            }
            Group person = bySurname.get(m.lastWord);
            boolean byGiven = false;
            if (person == null) {
                person = byGivenName.get(m.firstWord);
                byGiven = true;
            }
            if (person == null || person == shared) {
                continue;
            }
            if (m.group != null && root(m.group) == root(person)) {
                continue;
            }
            if (!mayBePerson(fields, m, byGiven)) {
                continue;
            }
            if (m.group == null) {
                join(m, root(person));
            } else if (onlyThisName(root(m.group), m.key)) {
                merge(m.group, person);
            }
        }
    }

    /**
     * Whether a one-word mention may be a person's surname or given name: yes when the recogniser did not
     * type it as something else with conviction, or when a title or a speech verb marks a person
     * ("Paris said" after "Paris Hilton"; "Jordan" the country is not Michael Jordan otherwise).
     */
    private static boolean mayBePerson(List<ArticleField> fields, ArticleMention m, boolean givenName) {
        if (m.tentative || m.type == null || m.type == EntityType.PERSON || m.type == EntityType.OTHER) {
            return true;
        }
        if (m.bareStart > m.start) {
            return true; // "Mr Witkoff"
        }
        String text = fields.get(m.field).text();
        String next = nextWord(text, m.end);
        if (SPEECH.contains(next) || m.keyEnd < m.end) {
            return true; // "Paris said", "Starmer's"
        }
        return !givenName && m.confidence < 0.75;
    }

    private static String nextWord(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
            i++;
        }
        int start = i;
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return text.substring(start, i).toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean onlyThisName(Group g, long key) {
        for (ArticleMention m : g.mentions) {
            if (m.key != key) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------
    // Head nouns: "Thwaites Glacier" … "Thwaites"

    private static void joinHeadNouns(List<ArticleMention> mentions, List<Group> groups, LongKeyMap<Group> byKey) {
        LongKeyMap<Group> byShortName = new LongKeyMap<>();
        for (Group g : groups) {
            if (g.parent != g || g.person()) {
                continue;
            }
            for (ArticleMention m : new ArrayList<>(g.mentions)) {
                if (m.words < 2 || m.type == EntityType.PERSON || m.withoutHead == 0) {
                    continue;
                }
                byShortName.putIfAbsent(m.withoutHead, g);
                Group shorter = byKey.get(m.withoutHead);
                if (shorter != null && root(shorter) != root(g) && !root(shorter).person()) {
                    merge(shorter, g);
                }
            }
        }
        // "Thwaites could raise sea levels": a tentative word that is the name without its head noun.
        for (ArticleMention m : mentions) {
            if (m.tentative && m.group == null) {
                Group g = byShortName.get(m.key);
                if (g != null) {
                    join(m, root(g));
                }
            }
        }
    }
}
