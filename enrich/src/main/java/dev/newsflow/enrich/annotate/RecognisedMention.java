package dev.newsflow.enrich.annotate;

import dev.newsflow.schema.EntityType;

/**
 * A name the recogniser found, before linking: the seam between recognition (which spans are names,
 * of what type) and linking (which entity each is, one entity per referent in the article).
 *
 * @param field      index of the field in the annotator's field list
 * @param start      UTF-16 offset of the first character in the field's text
 * @param end        offset after the last character
 * @param type       the recogniser's type; {@link EntityType#OTHER} for MISC or unsure
 * @param confidence how sure the recogniser is that this is a name of that type, in [0, 1]
 * @param tentative  only a name if it joins a name found elsewhere in the article ("Witkoff" in a
 *                   Title Case headline); dropped otherwise
 */
public record RecognisedMention(int field, int start, int end, EntityType type, double confidence, boolean tentative) {

    public RecognisedMention {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty or negative span " + start + ".." + end);
        }
    }

    public static RecognisedMention of(int field, int start, int end, EntityType type, double confidence) {
        return new RecognisedMention(field, start, end, type, confidence, false);
    }
}
