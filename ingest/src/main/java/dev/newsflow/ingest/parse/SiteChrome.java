package dev.newsflow.ingest.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises lines a scraper picked up from the page around the article rather than the
 * article: share/print widgets ("shareprint", "Share", "Tweet"), "Read more" teasers,
 * newsletter and follow prompts, and editor/terms/privacy footers.
 */
public final class SiteChrome {
    /** Widget labels, compared with spaces and punctuation removed, in lower case. */
    private static final Set<String> WIDGETS = Set.of("share", "print", "shareprint", "printshare", "sharethis",
            "shareonfacebook", "shareontwitter", "shareonx", "tweet", "email", "facebooktwitteremail",
            "facebooktwitter", "copylink", "comments", "comment", "sharethisarticle", "savearticle", "save",
            "advertisement", "ad", "listen", "listentothisarticle", "fontsize", "whatsapp", "telegram");
    private static final Pattern READ_MORE = Pattern.compile(
            "^(?:(?:read more|read also|see also|also read|more on this story|recommended for you)\\b"
                    + "|related(?:\\s+(?:articles?|stories|content|news|coverage))?\\s*(?::|$)).{0,200}$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FOOTER_MARKER = Pattern.compile(
            "\\b(?:terms of (?:use|service)|terms and conditions|privacy policy|privacy notice|cookie policy"
                    + "|cookie settings|all rights reserved|contact us|about us|imprint|impressum)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MASTHEAD = Pattern.compile(
            "^(?:editor[- ]in[- ]chief|chief editor|publisher|editor)\\s*[—–:-].{0,200}$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROMPT = Pattern.compile(
            "^(?:subscribe to|sign up for|follow us on|join us on|download our app|support our journalism)\\b.{0,200}$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COPYRIGHT = Pattern.compile("^(?:©|\\(c\\)|copyright\\b).{0,200}$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SQUEEZE = Pattern.compile("[\\s\\p{P}\\p{S}]+");
    /** The longest widget label, "Share on Facebook | Twitter | Email", with room to spare. */
    private static final int MAX_WIDGET_LENGTH = 60;
    /** Footers are short; a long paragraph that mentions a privacy policy is reporting. */
    private static final int MAX_FOOTER_LENGTH = 300;
    /** A line this short that is only a footer link ("Privacy policy") is chrome on its own. */
    private static final int MAX_LINK_LENGTH = 40;

    private SiteChrome() {
    }

    public static boolean isChrome(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            return true;
        }
        if (text.length() <= MAX_WIDGET_LENGTH
                && WIDGETS.contains(SQUEEZE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(""))) {
            return true;
        }
        if (READ_MORE.matcher(text).matches() || PROMPT.matcher(text).matches() || COPYRIGHT.matcher(text).matches()) {
            return true;
        }
        if (MASTHEAD.matcher(text).matches()) {
            return true;
        }
        if (text.length() > MAX_FOOTER_LENGTH) {
            return false;
        }
        // One mention of "terms of use" can be news; two footer links side by side are a footer.
        long markers = FOOTER_MARKER.matcher(text).results().count();
        return markers >= 2 || (markers == 1 && text.length() <= MAX_LINK_LENGTH);
    }
}
