package dev.newsflow.enrich.annotate;

import dev.newsflow.enrich.ner.NerModel;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.Image;
import dev.newsflow.schema.Topic;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard annotator: names found by the trained recogniser ({@link NameRecognizer}, with the
 * knowledge base's post-checks in {@link EntityRecognizer}) and linked to the knowledge base, one entity
 * per referent ({@link EntityLinker}), then IPTC topics from a
 * {@link TopicAssigner} (the standard one is the trained model of {@code dev.newsflow.enrich.topics})
 * reading the article's {@link TopicEvidence}. Immutable and thread-safe once built; building loads
 * the knowledge base and the recogniser's model, so share one instance ({@link ArticleAnnotators#standard()}).
 */
public final class KnowledgeBaseAnnotator implements ArticleAnnotator {
    static final double HEADLINE_WEIGHT = 3.0;
    static final double LEAD_WEIGHT = 2.0;
    static final double SECOND_PARAGRAPH_WEIGHT = 1.5;
    static final double CAPTION_WEIGHT = 1.2;
    static final double BODY_WEIGHT = 1.0;
    static final double CREDIT_WEIGHT = 0.3;

    private final KnowledgeBase knowledgeBase;
    private final NameRecognizer names;
    private final EntityRecognizer recognizer;
    private final EntityLinker linker;
    private final LinkCalibration calibration;
    private final KeywordEvidence keywordEvidence;
    private final TopicAssigner topics;

    /** With the standard topic assigner: the trained model committed with the enrich module. */
    public KnowledgeBaseAnnotator(KnowledgeBase knowledgeBase) {
        this(knowledgeBase, ArticleAnnotators.standardTopics(knowledgeBase));
    }

    /** With the committed recogniser model ({@link NerModel#standard()}, loaded once per JVM). */
    public KnowledgeBaseAnnotator(KnowledgeBase knowledgeBase, TopicAssigner topics) {
        this(knowledgeBase, topics, LinkCalibration.load(), new NameRecognizer(NerModel.standard(), knowledgeBase));
    }

    private KnowledgeBaseAnnotator(KnowledgeBase knowledgeBase, TopicAssigner topics, LinkCalibration calibration,
                                   NameRecognizer names) {
        this.knowledgeBase = knowledgeBase;
        this.names = names;
        this.recognizer = new EntityRecognizer(knowledgeBase, names);
        this.calibration = calibration;
        this.linker = new EntityLinker(knowledgeBase, calibration);
        this.keywordEvidence = new KeywordEvidence(knowledgeBase);
        this.topics = topics;
    }

    /** An annotator on the same knowledge base with another topic assigner (training, evaluation). */
    public KnowledgeBaseAnnotator withTopics(TopicAssigner other) {
        return new KnowledgeBaseAnnotator(knowledgeBase, other, calibration, names);
    }

    /** An annotator on the same knowledge base with another link calibration (fitting it, evaluation). */
    public KnowledgeBaseAnnotator withCalibration(LinkCalibration other) {
        return new KnowledgeBaseAnnotator(knowledgeBase, topics, other, names);
    }

    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    @Override
    public void annotate(EnrichedArticle.Builder article) {
        Prepared prepared = prepare(article);
        article.setEntities(prepared.entities);
        article.setTopics(topics(prepared));
    }

    /**
     * An article read for annotation: its fields, their tokens (made once, for entities and topics) and
     * the entities found. Topic assignment starts from here, so a benchmark can time topics alone.
     */
    public static final class Prepared {
        final List<ArticleField> fields;
        final Tokens[] tokens;
        final List<Entity> entities;

        Prepared(List<ArticleField> fields, Tokens[] tokens, List<Entity> entities) {
            this.fields = fields;
            this.tokens = tokens;
            this.entities = entities;
        }

        public List<Entity> entities() {
            return entities;
        }
    }

    /** Fields, tokens and entities of the article. */
    public Prepared prepare(EnrichedArticle.Builder article) {
        List<ArticleField> fields = fields(article);
        Tokens[] tokens = EntityRecognizer.tokenize(fields); // once, for entities and topics
        EntityRecognizer.Recognised names = recognizer.recognise(fields, tokens);
        return new Prepared(fields, tokens, linker.link(fields, tokens, names.mentions(), names.demonymEvidence()));
    }

    /** The entities of the article and what the linker decided for each group of mentions (evaluation). */
    List<Entity> entitiesWithDecisions(EnrichedArticle.Builder article, List<EntityLinker.Decision> decisions) {
        List<ArticleField> fields = fields(article);
        Tokens[] tokens = EntityRecognizer.tokenize(fields);
        EntityRecognizer.Recognised names = recognizer.recognise(fields, tokens);
        return linker.link(fields, tokens, names.mentions(), names.demonymEvidence(), decisions);
    }

    /** The IPTC topics of a prepared article: keyword evidence, then the topic assigner. */
    public List<Topic> topics(Prepared article) {
        return topics.assign(evidence(article));
    }

    /**
     * What the topic assigner reads of the article (fields, entities, keyword hits), without assigning
     * topics: the topic model's trainer reads its training articles through this.
     */
    public TopicEvidence evidence(EnrichedArticle.Builder article) {
        return evidence(prepare(article));
    }

    TopicEvidence evidence(Prepared article) {
        return keywordEvidence.evidence(article.fields, article.tokens, article.entities);
    }

    /** The fields read, in article order, with the salience weight of each. */
    public static List<ArticleField> fields(EnrichedArticle.Builder article) {
        List<ArticleField> fields = new ArrayList<>();
        if (article.getHeadline() != null) {
            fields.add(new ArticleField("headline", article.getHeadline(), HEADLINE_WEIGHT, true));
        }
        List<String> body = article.getBody();
        if (body != null) {
            for (int i = 0; i < body.size(); i++) {
                double weight = i == 0 ? LEAD_WEIGHT : i == 1 ? SECOND_PARAGRAPH_WEIGHT : BODY_WEIGHT;
                fields.add(new ArticleField("body[" + i + "]", body.get(i), weight, true));
            }
        }
        List<Image> images = article.getImages();
        if (images != null) {
            for (int i = 0; i < images.size(); i++) {
                Image image = images.get(i);
                fields.add(new ArticleField("images[" + i + "].caption", image.getCaption(), CAPTION_WEIGHT, true));
                if (image.getCreditline() != null) {
                    fields.add(new ArticleField("images[" + i + "].creditline", image.getCreditline(), CREDIT_WEIGHT, false));
                }
            }
        }
        return fields;
    }
}
