package dev.newsflow.enrich.topics;

import dev.newsflow.enrich.annotate.KnowledgeBase;
import dev.newsflow.enrich.annotate.TopicConcept;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * The knowledge base's IPTC keyword lexicon ({@code knowledge/topic-keywords.tsv}) compiled into the
 * topic model's own feature keys, so that the model reads the lexicon in the same pass over the text
 * as its words: a one-word keyword becomes that word's key, a prefix keyword ("artist*") the keys of
 * every known word it starts (from the knowledge base's word list and the training texts), a phrase
 * the keys of its word pairs. Each key then counts for the keyword's top-level and second-level
 * concept. The model learns how far to trust each concept's lexicon evidence.
 */
public final class TopicLexicon {
    static final String KEYWORDS = "knowledge/topic-keywords.tsv";
    static final String WORDS = "knowledge/common-words.txt.gz";

    /** What one occurrence of a key adds to a lexicon feature (before field weight and diminishing returns). */
    public record Entry(long target, boolean topLevel, float weight) {
    }

    private final TreeMap<Long, List<Entry>> entries;

    private TopicLexicon(TreeMap<Long, List<Entry>> entries) {
        this.entries = entries;
    }

    /** Entries of a key, or an empty list. */
    public List<Entry> entries(long key) {
        return entries.getOrDefault(key, List.of());
    }

    /** Every key that triggers lexicon evidence, in ascending order. */
    public java.util.Set<Long> keys() {
        return entries.keySet();
    }

    /**
     * Compiles the lexicon of the knowledge base. Prefix keywords are expanded over the knowledge base's
     * English word list and {@code moreWords} (lower case; the training texts' words), so the result
     * depends on those words and nothing else.
     */
    public static TopicLexicon compile(KnowledgeBase kb, Collection<String> moreWords) {
        NavigableSet<String> words = new TreeSet<>(moreWords);
        readLines(WORDS, words::add);
        List<String[]> lines = new ArrayList<>();
        readLines(KEYWORDS, line -> lines.add(line.split("\t", -1)));
        TreeMap<Long, Map<Long, float[]>> merged = new TreeMap<>();
        Map<Long, Boolean> topLevel = new java.util.HashMap<>();
        WordScanner scanner = new WordScanner();
        for (String[] f : lines) {
            if (f.length < 3) {
                continue;
            }
            TopicConcept concept = kb.topic(f[1]);
            if (concept == null) {
                continue;
            }
            float weight = Float.parseFloat(f[2]);
            List<Long> targets = new ArrayList<>();
            List<Integer> ancestors = concept.ancestors();
            String top = concept.level() == 1 ? concept.qcode() : kb.topics().get(ancestors.get(ancestors.size() - 1)).qcode();
            targets.add(FeatureKeys.lexicon(top));
            topLevel.put(FeatureKeys.lexicon(top), true);
            if (concept.level() >= 2) {
                String level2 = concept.level() == 2 ? concept.qcode() : kb.topics().get(ancestors.get(ancestors.size() - 2)).qcode();
                targets.add(FeatureKeys.lexicon(level2));
                topLevel.put(FeatureKeys.lexicon(level2), false);
            }
            List<Long> keys = keysOf(f[0], words, scanner);
            for (long key : keys) {
                for (long target : targets) {
                    merged.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(target, t -> new float[1])[0]
                            += weight / keys.size();
                }
            }
        }
        TreeMap<Long, List<Entry>> entries = new TreeMap<>();
        merged.forEach((key, targets) -> {
            List<Entry> list = new ArrayList<>();
            targets.forEach((target, w) -> list.add(new Entry(target, topLevel.get(target), w[0])));
            entries.put(key, List.copyOf(list));
        });
        return new TopicLexicon(entries);
    }

    /** Feature keys a keyword fires on. */
    static List<Long> keysOf(String keyword, NavigableSet<String> words, WordScanner scanner) {
        boolean prefix = keyword.endsWith("*");
        String text = prefix ? keyword.substring(0, keyword.length() - 1) : keyword;
        List<Long> unigrams = new ArrayList<>();
        List<Long> bigrams = new ArrayList<>();
        scanner.scan(text, 1f, 1f, (key, weight, lexiconWeight, pair) -> (pair ? bigrams : unigrams).add(key));
        if (prefix && unigrams.size() == 1 && bigrams.isEmpty() && !text.contains(" ")) {
            List<Long> expanded = new ArrayList<>();
            for (String word : words.subSet(text, true, text + Character.MAX_VALUE, false)) {
                scanner.scan(word, 1f, 1f, (key, weight, lexiconWeight, pair) -> {
                    if (!pair && !expanded.contains(key)) {
                        expanded.add(key);
                    }
                });
            }
            return expanded.isEmpty() ? unigrams : expanded;
        }
        return bigrams.isEmpty() ? unigrams : bigrams;
    }

    /** Lexicon evidence after one more hit: repeats count less (a word said ten times is not ten times the evidence). */
    public static double add(double before, double hit) {
        return before + hit / (1 + before / 8.0);
    }

    /** A lexicon feature's value: its evidence as a share of the article's top-level lexicon evidence. */
    public static float share(double evidence, double topLevelTotal) {
        return (float) (evidence / (topLevelTotal + 1.0));
    }

    private static void readLines(String resource, java.util.function.Consumer<String> sink) {
        try (InputStream raw = TopicLexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("resource missing from the classpath: " + resource);
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && line.charAt(0) != '#') {
                    sink.accept(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
