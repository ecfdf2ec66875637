package dev.newsflow.text;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the photo credit at the end of a caption paragraph, or a paragraph that is only a
 * credit, in the forms news sites print: {@code Photo: EPA / Ludovic Marin},
 * {@code Photo: Ludovic Marin / EPA}, {@code (Photo by Name/Agency)}, {@code AP Photo/Name},
 * {@code Reuters/Name}, {@code Photograph: Name/Agency}, {@code Image: Getty Images}.
 * The credit is returned as printed; splitting it into agency and photographer happens downstream.
 */
public final class CreditLine {
    /** Short enough to be a credit, never a sentence. */
    private static final String NAME = "[\\p{L}\\p{M}0-9][\\p{L}\\p{M}0-9 .,'&’-]{0,60}?";
    /** A person's or agency's name as capitalised words ("Ludovic Marin", "J. Scott Applewhite"). */
    private static final String CAPITALISED = "\\p{Lu}[\\p{L}\\p{M}.'’-]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}.'’-]*){0,4}";
    /** Any agency of the one list ({@link KnownAgencies}). */
    private static final String AGENCIES = KnownAgencies.pattern();
    private static final List<Pattern> TRAILING = List.of(
            // "Photo: EPA / Ludovic Marin", "Photograph: Name/Agency", "Picture by X", "Credit: X"
            Pattern.compile("(?:^|\\s)((?:Photos?|PHOTOS?|Photograph(?:s|y)?|Pictures?|Images?|Foto|Credit|CREDIT)"
                    + "\\s*(?::|by)\\s*" + NAME + "(?:\\s*/\\s*" + NAME + ")?)\\s*$"),
            // "(Photo by Name/Agency)", "[Image by X]"
            Pattern.compile("(?:^|\\s)([(\\[](?:Photo|Image|Picture)s?\\s+by\\s+[^()\\[\\]]{1,80}[)\\]])\\s*$",
                    Pattern.CASE_INSENSITIVE),
            // "(AP Photo/Name)", "(Reuters)"
            Pattern.compile("(?:^|\\s)([(\\[](?:" + AGENCIES + ")(?:\\s+Photo)?(?:\\s*/\\s*" + NAME + ")?[)\\]])\\s*$"),
            // "AP Photo/Evan Vucci", "Reuters/Gonzalo Fuentes"
            Pattern.compile("(?:^|\\s)((?:" + AGENCIES + ")(?:\\s+Photo)?\\s*/\\s*" + CAPITALISED + ")\\s*$"),
            // "Ludovic Marin/AFP", "Name / AFP via Getty Images"
            Pattern.compile("(?:^|\\s)(" + CAPITALISED + "\\s*/\\s*(?:" + AGENCIES + ")"
                    + "(?:\\s+via\\s+Getty Images)?)\\s*$"));

    /** Longer than any credit the patterns accept (label + two 60-character names). */
    private static final int TAIL_LENGTH = 200;

    private CreditLine() {
    }

    /** A caption split from the credit it ends with. */
    public record Split(String caption, String credit) {
    }

    /** The caption and credit when the paragraph ends with a credit; caption is empty for a bare credit. */
    public static Optional<Split> split(String paragraph) {
        String text = paragraph.strip();
        // Every credit form sits in the last few dozen characters: only they are searched.
        int from = Math.max(0, text.length() - TAIL_LENGTH);
        String tail = text.substring(from);
        if (tail.indexOf('/') < 0 && tail.indexOf(':') < 0 && !tail.contains(" by ") && !tail.endsWith(")")
                && !tail.endsWith("]")) {
            return Optional.empty();
        }
        for (Pattern pattern : TRAILING) {
            Matcher matcher = pattern.matcher(text).region(from, text.length())
                    .useAnchoringBounds(false).useTransparentBounds(true);
            if (matcher.find()) {
                String credit = matcher.group(1).strip();
                String caption = text.substring(0, matcher.start(1)).strip();
                return Optional.of(new Split(caption, credit));
            }
        }
        return Optional.empty();
    }
}
