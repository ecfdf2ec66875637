package dev.newsflow.enrich.annotate;

/**
 * One text field of an article as the annotator reads it.
 *
 * @param name   the field as mentions name it: {@code headline}, {@code body[i]}, {@code images[i].caption},
 *               {@code images[i].creditline}
 * @param text   the field's text; mention offsets are UTF-16 offsets into it
 * @param weight how much a mention here counts for salience (headline and lead count more)
 * @param prose  false for a credit line, which names an agency but says nothing about the story
 */
public record ArticleField(String name, String text, double weight, boolean prose) {
}
