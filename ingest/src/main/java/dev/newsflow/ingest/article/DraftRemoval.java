package dev.newsflow.ingest.article;

/**
 * Text a normaliser left out of the article it read, and why: site chrome, a link list, text outside the story. It
 * reaches the enriched record's clean-up report, so a publisher can see everything that was not taken as the story.
 */
public record DraftRemoval(String kind, String text, String reason) {
    /** Navigation, headers, footers, share and newsletter boxes, "Read more" lines. */
    public static final String CHROME = "chrome";
    /** Text of the page that is not the story (teasers, sidebars, other articles' headlines). */
    public static final String OUTSIDE_STORY = "outside-story";
    /** A block inside the story that is mostly links (a list of related stories, tags). */
    public static final String LINK_LIST = "link-list";
    /** A short line outside paragraph markup that is not a sentence (a kicker, a dateline). */
    public static final String LABEL = "label";
    /** The page's markup text, when its JSON-LD articleBody holds the story instead. */
    public static final String REPLACED_BY_LINKED_DATA = "replaced-by-json-ld";
}
