package dev.newsflow.enrich.annotate;

import dev.newsflow.enrich.ner.NerType;

/**
 * A name the trained recogniser found in one field of an article, before it is linked to the knowledge
 * base and merged with the other mentions of its entity: the seam between recognition and linking.
 *
 * @param field      index of the field in the annotator's field list ({@link KnowledgeBaseAnnotator#fields})
 * @param start      UTF-16 offset of the name's first character in the field's text
 * @param end        UTF-16 offset just past its last character
 * @param type       PER, ORG, LOC or MISC
 * @param confidence the model's estimate that the span and type are right (0..1, fitted on held-out
 *                   training text; see enrich/src/main/resources/ner/README.md)
 * @param firstToken index of the name's first token in the field's {@link Tokens}
 * @param lastToken  index of its last token
 */
public record EntitySpan(int field, int start, int end, NerType type, double confidence, int firstToken, int lastToken) {
}
