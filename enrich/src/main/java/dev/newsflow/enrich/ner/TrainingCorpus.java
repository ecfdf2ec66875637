package dev.newsflow.enrich.ner;

import dev.newsflow.enrich.ner.conll.ConllReader;
import dev.newsflow.enrich.ner.conll.ConllSentence;
import dev.newsflow.enrich.ner.conll.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The training sets of {@code ner-train/} read into the newsflow convention (see {@code ner/README.md}):
 * which files are train, dev and test; how each set's annotation is mapped; which labels a token of a
 * set that does not annotate MISC may take.
 */
final class TrainingCorpus {
    enum Part { TRAIN, DEV, TEST }

    /**
     * One set: its folder, how its files split, whether it annotates MISC as we do, how many consecutive
     * sentences make a document (the files keep no document boundaries; consecutive sentences of the
     * same text give the document features something to read), and how much an error on it counts.
     */
    record SetSpec(String name, boolean misc, int sentencesPerDocument, float weight, List<FileSpec> files) {
    }

    /** Files matching a glob: a fixed part, or (part == null) split by a hash of each document, train/dev/test in percent. */
    record FileSpec(String glob, Part part, int trainPercent, int devPercent) {
        static FileSpec fixed(String glob, Part part) {
            return new FileSpec(glob, part, 0, 0);
        }

        static FileSpec hashed(String glob, int trainPercent, int devPercent) {
            return new FileSpec(glob, null, trainPercent, devPercent);
        }
    }

    static final List<SetSpec> SETS = List.of(
            new SetSpec("re-docred", true, 8, 1f, List.of(
                    FileSpec.hashed("re-docred.dev.conll", 90, 10),
                    FileSpec.fixed("re-docred.test.conll", Part.TEST))),
            new SetSpec("crossner", true, 1, 1f, List.of(
                    FileSpec.fixed("*.train.conll", Part.TRAIN),
                    FileSpec.fixed("*.dev.conll", Part.DEV),
                    FileSpec.fixed("*.test.conll", Part.TEST))),
            new SetSpec("gum-permissive", true, 20, 1f, List.of(
                    FileSpec.fixed("gum-permissive.train.conll", Part.TRAIN),
                    FileSpec.fixed("gum-permissive.dev.conll", Part.DEV),
                    FileSpec.fixed("gum-permissive.test.conll", Part.TEST))),
            new SetSpec("uner-en-ewt", false, 10, 1f, List.of(
                    FileSpec.hashed("en_ewt-uner.dev.conll", 90, 10),
                    FileSpec.fixed("en_ewt-uner.test.conll", Part.TEST))),
            new SetSpec("re3d-permissive", false, 10, 1f, List.of(
                    FileSpec.hashed("*.conll", 80, 10))),
            new SetSpec("btc", false, 1, 0.3f, List.of(
                    FileSpec.hashed("*.conll", 80, 10))),
            new SetSpec("wnut17", false, 1, 0.3f, List.of(
                    FileSpec.fixed("wnut17.train.conll", Part.TRAIN),
                    FileSpec.fixed("wnut17.dev.conll", Part.DEV),
                    FileSpec.fixed("wnut17.test.conll", Part.TEST))));

    static final List<String> TYPES = List.of("PER", "ORG", "LOC", "MISC");

    /**
     * Demonyms of the knowledge base ("American", "Kenyans"): nlp4j's nationality gazetteer lacks many
     * ("American" is only the last word of "African American" there), and Re-DocRED tags them LOC.
     */
    static final Set<String> DEMONYMS = demonyms();

    private static Set<String> demonyms() {
        try (var in = TrainingCorpus.class.getClassLoader().getResourceAsStream("knowledge/demonyms.tsv")) {
            if (in == null) {
                throw new IllegalStateException("knowledge/demonyms.tsv missing from the classpath");
            }
            java.util.TreeSet<String> words = new java.util.TreeSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.substring(0, line.indexOf('\t')).strip());
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Titles that stand before a name and are not part of it (newsflow convention: "President [Macron]"). */
    static final Set<String> TITLES = Set.of(
            "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "President", "Vice", "Senator", "Sen", "Rep",
            "Representative", "Gov", "Governor", "Gen", "General", "Col", "Colonel", "Lt", "Lieutenant", "Capt",
            "Captain", "Sgt", "Sergeant", "Maj", "Major", "Adm", "Admiral", "Cmdr", "Commander", "Judge", "Justice",
            "Mayor", "Chancellor", "Minister", "Prime", "Secretary", "Ambassador", "King", "Queen", "Prince",
            "Princess", "Pope", "Sir", "Dame", "Rev", "Reverend", "Father", "Sheikh", "Chairman", "Coach", "Officer",
            "Detective", "Inspector", "Chief", "Deputy", "Premier", "Sultan", "Emperor", "Empress", "Archbishop",
            "Bishop", "Cardinal", "Rabbi", "Imam", "Ayatollah");

    static final Set<String> DETERMINERS = Set.of("the", "a", "an");

    /** Words of an office between a title and the name ("Secretary [of State] John Kerry", "Minister [for Health]"). */
    static final Set<String> OFFICE_WORDS = Set.of(
            "of", "for", "the", "State", "Defense", "Defence", "Foreign", "Affairs", "Interior", "Home", "Justice",
            "Health", "Commerce", "Education", "Energy", "Treasury", "Labor", "Labour", "Agriculture", "Transport",
            "Transportation", "Homeland", "Security", "Veterans", "War", "Navy", "Army", "Finance", "Economy", "Trade",
            "General", "Staff", "Joint", "Chiefs", "Attorney", "Culture", "Environment", "Industry", "Development");

    /** Lower-case particles that may start or end a name ("[Ursula von der Leyen]", "[Charles de Gaulle]"). */
    static final Set<String> PARTICLES = Set.of("de", "von", "van", "der", "den", "al", "bin", "ibn", "da", "di", "del",
            "la", "le", "du", "dos", "das", "y", "e", "ter", "ten", "zu");

    /** Lower-case words that neither start nor end a name in the newsflow convention. */
    static final Set<String> FUNCTION_WORDS = Set.of("of", "the", "and", "for", "in", "on", "at", "to", "by", "with",
            "a", "an", "or", "from");

    /** One sentence in the convention: tokens, names, and tokens whose label is unknown (any label allowed). */
    static final class Sentence {
        final String[] tokens;
        final List<Span> spans;
        final boolean[] unsure;

        Sentence(String[] tokens, List<Span> spans, boolean[] unsure) {
            this.tokens = tokens;
            this.spans = spans;
            this.unsure = unsure;
        }
    }

    static final class Document {
        final SetSpec set;
        final Part part;
        final List<Sentence> sentences;
        final int id;

        Document(SetSpec set, Part part, List<Sentence> sentences, int id) {
            this.set = set;
            this.part = part;
            this.sentences = sentences;
            this.id = id;
        }

        int tokens() {
            int n = 0;
            for (Sentence s : sentences) {
                n += s.tokens.length;
            }
            return n;
        }
    }

    private final Lexicon lexicon;
    final List<Document> documents = new ArrayList<>();
    /** What the mapping changed, by set and kind, for the training report. */
    final java.util.TreeMap<String, Integer> changes = new java.util.TreeMap<>();

    TrainingCorpus(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    static TrainingCorpus read(Path dataDir, Lexicon lexicon, List<String> onlySets) throws IOException {
        if (onlySets != null) {
            List<String> known = SETS.stream().map(SetSpec::name).toList();
            for (String name : onlySets) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("unknown training set " + name + " (known: " + String.join(", ", known) + ")");
                }
            }
        }
        return readSets(dataDir, lexicon, SETS.stream().filter(s -> onlySets == null || onlySets.contains(s.name())).toList());
    }

    /** Reads the given sets (each a folder of {@code dataDir}). */
    static TrainingCorpus readSets(Path dataDir, Lexicon lexicon, List<SetSpec> sets) throws IOException {
        TrainingCorpus corpus = new TrainingCorpus(lexicon);
        for (SetSpec set : sets) {
            Path dir = dataDir.resolve(set.name());
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("training set missing: " + dir);
            }
            for (FileSpec spec : set.files()) {
                for (Path file : matching(dir, spec.glob())) {
                    corpus.readFile(set, spec, file);
                }
            }
        }
        return corpus;
    }

    private static List<Path> matching(Path dir, String glob) throws IOException {
        java.nio.file.PathMatcher matcher = dir.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> matcher.matches(p.getFileName())).sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalArgumentException("no file matches " + dir.resolve(glob));
            }
            return found;
        }
    }

    private void readFile(SetSpec set, FileSpec spec, Path file) throws IOException {
        List<ConllSentence> sentences = new ArrayList<>();
        for (List<ConllSentence> doc : ConllReader.read(file)) {
            sentences.addAll(doc);
        }
        int per = set.sentencesPerDocument();
        for (int k = 0; k < sentences.size(); k += per) {
            List<Sentence> converted = new ArrayList<>();
            StringBuilder key = new StringBuilder(set.name()).append('|').append(file.getFileName());
            for (ConllSentence s : sentences.subList(k, Math.min(sentences.size(), k + per))) {
                converted.add(convert(set, s));
                key.append('|').append(String.join(" ", s.tokens()));
            }
            Part part = spec.part();
            if (part == null) {
                CRC32 crc = new CRC32();
                crc.update(key.toString().getBytes(StandardCharsets.UTF_8));
                int bucket = (int) (crc.getValue() % 100);
                part = bucket < spec.trainPercent() ? Part.TRAIN
                        : bucket < spec.trainPercent() + spec.devPercent() ? Part.DEV : Part.TEST;
            }
            documents.add(new Document(set, part, converted, documents.size()));
        }
    }

    private void count(SetSpec set, String what) {
        changes.merge(set.name() + ": " + what, 1, Integer::sum);
    }

    /** A sentence of a set mapped onto the newsflow convention. */
    Sentence convert(SetSpec set, ConllSentence sentence) {
        String[] tokens = sentence.tokens().toArray(new String[0]);
        boolean[] unsure = new boolean[tokens.length];
        boolean[] inSpan = new boolean[tokens.length];
        List<Span> out = new ArrayList<>();
        for (Span span : placesSplitAtCommas(set, tokens, sentence.spans())) {
            int a = span.start();
            int b = span.end();
            String type = span.type();
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException(set.name() + ": unknown type " + type);
            }
            for (int k = a; k < b; k++) {
                inSpan[k] = true;
            }
            // Determiners are not part of the name ("the [United States]"); a capitalised "The" is when
            // the name is written with it ("The Times"), except in re3d, whose spans take every determiner.
            while (a < b - 1 && (DETERMINERS.contains(tokens[a])
                    || (set.name().startsWith("re3d") && DETERMINERS.contains(tokens[a].toLowerCase(Locale.ROOT))))) {
                a++;
                count(set, "determiner left out of a name");
            }
            if (type.equals("PER")) {
                int a0 = a;
                while (a < b - 1 && (TITLES.contains(tokens[a])
                        || (a > a0 && (tokens[a].equals(".") || OFFICE_WORDS.contains(tokens[a]))))) {
                    a++;
                }
                if (a < b && tokens[a].equals(".") && a > a0) {
                    a++;
                }
                if (a != a0) {
                    count(set, "title left out of a person's name");
                }
            }
            while (a < b && FUNCTION_WORDS.contains(tokens[a])) {
                a++;
            }
            while (b > a && FUNCTION_WORDS.contains(tokens[b - 1])) {
                b--;
            }
            if (a >= b) {
                markUnsure(unsure, span.start(), span.end());
                continue;
            }
            if (lowerCaseWord(tokens[a]) || lowerCaseWord(tokens[b - 1])) {
                // "Norwegian constitution", "2004 Canadian federal election": a name starts and ends with a
                // capitalised word here. A lone nationality word inside is MISC; the rest says nothing.
                int c = a;
                int d = b;
                while (c < d && lowerCaseWord(tokens[c])) {
                    c++;
                }
                while (d > c && lowerCaseWord(tokens[d - 1])) {
                    d--;
                }
                markUnsure(unsure, span.start(), span.end());
                if (d - c == 1 && nationality(tokens[c]) && Character.isUpperCase(tokens[c].charAt(0))) {
                    unsure[c] = false;
                    out.add(new Span(c, d, "MISC"));
                    count(set, "nationality word of a longer lower-case name typed MISC");
                } else {
                    count(set, "name with a lower-case first or last word left unlabelled");
                }
                continue;
            }
            if (!type.equals("MISC") && nationality(tokens[b - 1]) && allCapitalised(tokens, a, b)) {
                type = "MISC"; // "German", "South Korean": nationality words are MISC, not the country
                count(set, "nationality word typed MISC");
            }
            out.add(new Span(a, b, type));
        }
        // Nationality words a set left untagged ("the Australian government" in GUM) are MISC here.
        for (int i = 0; i < tokens.length; i++) {
            if (!inSpan[i] && nationality(tokens[i]) && Character.isUpperCase(tokens[i].charAt(0))) {
                out.add(new Span(i, i + 1, "MISC"));
                count(set, "untagged nationality word typed MISC");
            }
        }
        out.sort((x, y) -> Integer.compare(x.start(), y.start()));
        return new Sentence(tokens, out, unsure);
    }

    /**
     * A place written with a comma is two places in the newsflow convention ("[Cape Canaveral], [Florida]",
     * "[Manhattan], [NY]"), so that each links on its own; names of other types keep their commas
     * ("Atari, Inc.", titles of works).
     */
    private List<Span> placesSplitAtCommas(SetSpec set, String[] tokens, List<Span> spans) {
        List<Span> out = new ArrayList<>(spans.size());
        for (Span span : spans) {
            boolean comma = false;
            for (int k = span.start(); k < span.end() && span.type().equals("LOC"); k++) {
                comma |= tokens[k].equals(",");
            }
            if (!comma) {
                out.add(span);
                continue;
            }
            int from = span.start();
            for (int k = span.start(); k <= span.end(); k++) {
                if (k == span.end() || tokens[k].equals(",")) {
                    if (k > from) {
                        out.add(new Span(from, k, "LOC"));
                    }
                    from = k + 1;
                }
            }
            count(set, "place written with a comma split in two");
        }
        return out;
    }

    /** A word of lower-case letters only that is not a name particle ("constitution", "river"). */
    static boolean lowerCaseWord(String token) {
        if (token.isEmpty() || PARTICLES.contains(token)) {
            return false;
        }
        for (int k = 0; k < token.length(); k++) {
            char c = token.charAt(k);
            if (!Character.isLetter(c) || !Character.isLowerCase(c)) {
                return false;
            }
        }
        return true;
    }

    private static void markUnsure(boolean[] unsure, int from, int to) {
        for (int k = from; k < to; k++) {
            unsure[k] = true;
        }
    }

    private static boolean allCapitalised(String[] tokens, int a, int b) {
        for (int k = a; k < b; k++) {
            if (!Character.isUpperCase(tokens[k].charAt(0))) {
                return false;
            }
        }
        return true;
    }

    /** A nationality word of the nlp4j gazetteer that is not also a place's name ("Georgian" yes, "Georgia" no). */
    boolean nationality(String token) {
        if (DEMONYMS.contains(token)) {
            return true;
        }
        char[] c = token.toCharArray();
        int bits = Lexicon.gazetteer(lexicon.lookup(WordForms.simplified(c, 0, c.length)));
        return Lexicon.has(bits, Lexicon.NAT, Lexicon.WHOLE) && !Lexicon.has(bits, Lexicon.LOC, Lexicon.WHOLE);
    }
}
