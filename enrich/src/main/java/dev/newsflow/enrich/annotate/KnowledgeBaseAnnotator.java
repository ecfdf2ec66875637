package dev.newsflow.enrich.annotate;

import dev.newsflow.enrich.ner.NerModel;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.Image;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard annotator: entities from the trained recogniser linked to the knowledge base, then
 * IPTC topics from keywords and entity priors. Immutable and thread-safe once built; building loads
 * the knowledge base and the model, so share one instance ({@link ArticleAnnotators#standard()}).
 */
public final class KnowledgeBaseAnnotator implements ArticleAnnotator {
    static final double HEADLINE_WEIGHT = 3.0;
    static final double LEAD_WEIGHT = 2.0;
    static final double SECOND_PARAGRAPH_WEIGHT = 1.5;
    static final double CAPTION_WEIGHT = 1.2;
    static final double BODY_WEIGHT = 1.0;
    static final double CREDIT_WEIGHT = 0.3;

    private final KnowledgeBase knowledgeBase;
    private final EntityRecognizer recognizer;
    private final TopicClassifier classifier;

    public KnowledgeBaseAnnotator(KnowledgeBase knowledgeBase, NerModel model) {
        this.knowledgeBase = knowledgeBase;
        this.recognizer = new EntityRecognizer(knowledgeBase, new NameRecognizer(model, knowledgeBase));
        this.classifier = new TopicClassifier(knowledgeBase);
    }

    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    @Override
    public void annotate(EnrichedArticle.Builder article) {
        List<ArticleField> fields = fields(article);
        Tokens[] tokens = EntityRecognizer.tokenize(fields); // once, for both passes
        List<Entity> entities = recognizer.recognise(fields, tokens);
        article.setEntities(entities);
        article.setTopics(classifier.classify(fields, tokens, entities));
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
