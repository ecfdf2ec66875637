package dev.newsflow.enrich.topics.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.enrich.annotate.KnowledgeBase;
import dev.newsflow.enrich.annotate.TopicConcept;
import dev.newsflow.enrich.topics.LabelledJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Readers of the topic model's training sources, each turned into {@link TrainingArticle}s with IPTC
 * labels. Every source is credited next to the model (enrich/src/main/resources/topics/NOTICE).
 */
public final class TrainingData {
    public static final String WRITTEN = "written";
    /** Single paragraphs of the written articles: news register at the length of a summary. */
    public static final String WRITTEN_PARAGRAPH = "written-paragraph";
    public static final String CURRENT_EVENTS = "wikipedia-current-events";
    public static final String IPTC = "iptc";
    public static final String CROSSNER = "crossner";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KnowledgeBase kb;

    public TrainingData(KnowledgeBase kb) {
        this.kb = kb;
    }

    /**
     * Articles in newsflow's labelled JSON lines ({@code data/topics/*.jsonl}): {@code id}, {@code headline},
     * {@code body} (a string or an array of paragraphs) and {@code topics}, the expected top-level qcode
     * first, then second-level (or deeper) ones. Other top levels named count as secondary labels.
     */
    public List<TrainingArticle> written(Path file, String source) throws IOException {
        return written(file, source, false);
    }

    /** As {@link #written(Path, String)}, with each paragraph also a training text of its own when asked. */
    public List<TrainingArticle> written(Path file, String source, boolean paragraphs) throws IOException {
        List<TrainingArticle> articles = new ArrayList<>();
        int line = 0;
        for (JsonNode node : jsonLines(file)) {
            line++;
            LabelledJson parsed = LabelledJson.parse(node, file + ":" + line);
            String id = parsed.id() != null ? parsed.id() : source + "-" + line;
            Map<String, Double> top = topLevelShares(parsed.topics());
            Set<String> level2 = level2Of(parsed.topics());
            articles.add(new TrainingArticle(source + ":" + id, source, parsed.headline(), parsed.body(), top, level2,
                    Set.of(), 1.0));
            if (paragraphs) {
                // Each paragraph on its own too: the same fold as its article (ids share the part before '#').
                for (int p = 0; p < parsed.body().size(); p++) {
                    articles.add(new TrainingArticle(source + ":" + id + "#" + p, WRITTEN_PARAGRAPH,
                            p == 0 ? parsed.headline() : "", List.of(parsed.body().get(p)), top, level2, Set.of(), 1.0));
                }
            }
        }
        return articles;
    }

    /**
     * Wikipedia's "Portal:Current events" summaries ({@code topics-train/wiki-current-events}): the
     * portal's category mapped to an IPTC top level by the data set; "Health and environment" (no single
     * top level) counts half for each; "International relations" is politics and, at the second level,
     * international relations. The story headings stand in for a headline.
     */
    public List<TrainingArticle> currentEvents(Path file) throws IOException {
        List<TrainingArticle> articles = new ArrayList<>();
        String health = qcodeOfTopLevel("health");
        String environment = qcodeOfTopLevel("environment");
        String internationalRelations = "medtop:20000638";
        int line = 0;
        for (JsonNode node : jsonLines(file)) {
            line++;
            String text = node.path("text").asText("");
            if (text.isBlank()) {
                continue;
            }
            Map<String, Double> top = new LinkedHashMap<>();
            Set<String> level2 = new LinkedHashSet<>();
            JsonNode mapped = node.get("iptc_l1");
            if (mapped == null || mapped.isNull()) {
                if (!"Health and environment".equals(node.path("label").asText())) {
                    continue;
                }
                top.put(health, 0.5);
                top.put(environment, 0.5);
            } else {
                top.put(qcodeOfTopLevel(mapped.asText()), 1.0);
            }
            Set<String> level2Not = Set.of();
            if ("International relations".equals(node.path("label").asText())) {
                level2.add(internationalRelations);
            } else if ("Politics and elections".equals(node.path("label").asText())) {
                level2Not = Set.of(internationalRelations);
            }
            List<String> context = new ArrayList<>();
            node.path("context").forEach(c -> context.add(c.asText()));
            articles.add(new TrainingArticle(CURRENT_EVENTS + ":" + line, CURRENT_EVENTS, String.join("; ", context),
                    List.of(text), top, level2, level2Not, 1.0));
        }
        return articles;
    }

    /**
     * IPTC's own words for every live concept ({@code iptc/mediatopic.json}, CC BY 4.0): the English label
     * as headline and the definition as body, labelled with the concept's top level and second-level
     * ancestor. They give the model the vocabulary of every topic, including those no other source covers.
     */
    public List<TrainingArticle> iptcDefinitions(Path mediatopicJson) throws IOException {
        JsonNode root = JSON.readTree(mediatopicJson.toFile());
        List<TrainingArticle> articles = new ArrayList<>();
        for (JsonNode concept : root.path("conceptSet")) {
            String qcode = concept.path("qcode").asText();
            TopicConcept live = kb.topic(qcode);
            if (concept.has("retired") || live == null) {
                continue;
            }
            String label = english(concept.path("prefLabel"));
            String definition = english(concept.path("definition"));
            if (label.isEmpty()) {
                continue;
            }
            List<String> qcodes = List.of(qcode);
            articles.add(new TrainingArticle(IPTC + ":" + qcode, IPTC, label,
                    definition.isEmpty() ? List.of() : List.of(definition), topLevelShares(qcodes), level2Of(qcodes), Set.of(),
                    1.0));
        }
        return articles;
    }

    /**
     * CrossNER's Wikipedia sentences ({@code ner-train/crossner}, MIT; text CC BY-SA), which come grouped
     * by domain: politics → politics; science and AI → science and technology; music and literature →
     * arts, culture, entertainment and media (second level: arts and entertainment). Consecutive
     * sentences of a file are joined {@code sentencesPerText} at a time.
     */
    public List<TrainingArticle> crossNer(Path directory, int sentencesPerText) throws IOException {
        Map<String, List<String>> domains = new LinkedHashMap<>();
        domains.put("politics", List.of("medtop:11000000"));
        domains.put("science", List.of("medtop:13000000"));
        domains.put("ai", List.of("medtop:13000000"));
        domains.put("music", List.of("medtop:01000000", "medtop:20000002"));
        domains.put("literature", List.of("medtop:01000000", "medtop:20000002"));
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".conll")).sorted().toList();
        }
        List<TrainingArticle> articles = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            List<String> qcodes = domains.get(name.substring(0, name.indexOf('.')));
            if (qcodes == null) {
                continue;
            }
            List<String> sentences = conllSentences(file);
            for (int i = 0; i < sentences.size(); i += sentencesPerText) {
                List<String> chunk = sentences.subList(i, Math.min(sentences.size(), i + sentencesPerText));
                articles.add(new TrainingArticle(CROSSNER + ":" + name + ":" + i, CROSSNER, "", List.of(String.join(" ", chunk)),
                        topLevelShares(qcodes), level2Of(qcodes), Set.of(), 1.0));
            }
        }
        return articles;
    }

    private static List<String> conllSentences(Path file) throws IOException {
        List<String> sentences = new ArrayList<>();
        StringBuilder sentence = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                if (sentence.length() > 0) {
                    sentences.add(sentence.toString());
                    sentence.setLength(0);
                }
                continue;
            }
            int tab = line.indexOf('\t');
            if (sentence.length() > 0) {
                sentence.append(' ');
            }
            sentence.append(tab < 0 ? line : line.substring(0, tab));
        }
        if (sentence.length() > 0) {
            sentences.add(sentence.toString());
        }
        return sentences;
    }

    /** Top levels of the qcodes: the first one's counts 2/3 when others are named, else all of it. */
    Map<String, Double> topLevelShares(List<String> qcodes) {
        List<String> tops = new ArrayList<>();
        for (String q : qcodes) {
            String top = topLevelOf(q);
            if (top != null && !tops.contains(top)) {
                tops.add(top);
            }
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        if (tops.isEmpty()) {
            return shares;
        }
        if (tops.size() == 1) {
            shares.put(tops.get(0), 1.0);
            return shares;
        }
        shares.put(tops.get(0), 2.0 / 3);
        for (int i = 1; i < tops.size(); i++) {
            shares.put(tops.get(i), 1.0 / 3 / (tops.size() - 1));
        }
        return shares;
    }

    /** Second-level concepts among the qcodes or above them; unknown and retired codes are left out. */
    Set<String> level2Of(List<String> qcodes) {
        Set<String> level2 = new LinkedHashSet<>();
        for (String q : qcodes) {
            TopicConcept c = kb.topic(q);
            if (c == null || c.level() < 2) {
                continue;
            }
            List<Integer> ancestors = c.ancestors();
            level2.add(c.level() == 2 ? c.qcode() : kb.topics().get(ancestors.get(ancestors.size() - 2)).qcode());
        }
        return level2;
    }

    String topLevelOf(String qcode) {
        TopicConcept c = kb.topic(qcode);
        if (c == null) {
            return null;
        }
        return c.level() == 1 ? c.qcode() : kb.topics().get(c.ancestors().get(c.ancestors().size() - 1)).qcode();
    }

    private String qcodeOfTopLevel(String label) {
        for (TopicConcept c : kb.topics()) {
            if (c.level() == 1 && c.label().equalsIgnoreCase(label)) {
                return c.qcode();
            }
        }
        throw new IllegalArgumentException("no top-level IPTC topic labelled '" + label + "'");
    }

    private static String english(JsonNode labels) {
        for (String language : List.of("en-GB", "en-US", "en")) {
            if (labels.hasNonNull(language)) {
                return labels.get(language).asText().trim();
            }
        }
        return "";
    }

    static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    nodes.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new IOException(file + ":" + number + ": not JSON: " + e.getMessage(), e);
                }
            }
        }
        return nodes;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
