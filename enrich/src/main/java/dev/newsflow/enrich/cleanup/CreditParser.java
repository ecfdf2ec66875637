package dev.newsflow.enrich.cleanup;

import dev.newsflow.text.KnownAgencies;
import dev.newsflow.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a printed photo credit into IPTC creditline (agency or outlet) and by (photographer):
 * "Photo: EPA / Ludovic Marin", "Ludovic Marin/AFP", "AFP/Ludovic Marin", "AP Photo/Evan Vucci",
 * "Photo by Jane Doe for The Guardian", "Jane Doe/AFP via Getty Images", "Getty Images",
 * "Ludovic Marin, AFP". Also finds a credit printed at the end of a caption.
 */
public final class CreditParser {
    private static final Pattern WRAPPING_PARENS = Pattern.compile("^\\((.*)\\)$");
    private static final Pattern COPYRIGHT = Pattern.compile("^(?:©|\\(c\\)|copyright\\b)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile(
            "^(?:photo\\s+credit|photo(?:graph)?s?|pictures?|images?|fotos?|credits?|source)\\s*:\\s*(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COURTESY = Pattern.compile(
            "^(?:(?:photo(?:graph)?|picture|image)s?\\s+)?courtesy(?:\\s+of)?\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BY = Pattern.compile(
            "^(?:(?:photo(?:graph)?|picture|image)s?\\s+)?by\\s+(.+?)(?:\\s+for\\s+(.+))?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern AGENCY_PHOTO = Pattern.compile(
            "^(.+?)\\s+photo\\s*/\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern VIA = Pattern.compile("^(.+?)\\s+via\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    /** "Jane Doe for The Guardian" without "Photo by". */
    private static final Pattern FOR_OUTLET = Pattern.compile("^(.+?)\\s+for\\s+(.+)$");
    /** "Jane Doe (Reuters)". */
    private static final Pattern NAME_THEN_AGENCY = Pattern.compile("^([^()]+?)\\s*\\(([^()]+)\\)$");
    /** Reuters' "REUTERS/Jane Doe/File Photo": says the picture is old, names nobody. */
    private static final Pattern FILE_PHOTO = Pattern.compile("^(?:file(?:\\s+photo)?|archive(?:\\s+photo)?)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SLASHES = Pattern.compile("\\s*[/|]\\s*");
    // Compiled once: String.split, replaceAll and matches compile their expression on every call, and the
    // clean-up splits every credit of every article (issue 17's speed).
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}]");
    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}.'\u2019-]*");
    private static final Pattern ENDS_IN_INITIAL = Pattern.compile(".*\\b\\p{Lu}\\.$");

    /** Where a credit printed inside a caption starts: "Photo: ...", "Photograph by ...", "AP Photo/...". */
    private static final Pattern CREDIT_START = Pattern.compile(
            "(?:\\b(?:photo\\s+credit|photo(?:graph)?s?|pictures?|images?|fotos?|credit)\\s*:"
                    + "|\\b(?:photo(?:graph)?|picture)\\s+by\\s"
                    + "|\\b\\p{Lu}[\\p{L}-]*\\s+photo\\s*/)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MENTIONS_PHOTO = Pattern.compile(
            "\\b(?:photo(?:graph)?s?|pictures?|images?|credit|courtesy)\\b", Pattern.CASE_INSENSITIVE);
    /** Every credit start above contains one of these (case ignored). */
    private static final String[] CREDIT_MARKERS = {"photo", "pictur", "image", "foto", "credit"};
    private static final int MAX_CREDIT_CHARS = 120;
    private static final int MAX_CREDIT_WORDS = 14;

    private static final Set<String> NAME_PARTICLES = Set.of(
            "de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "bin", "ibn", "al", "el", "dos",
            "das", "del", "y", "ter", "ten", "af");

    private CreditParser() {
    }

    /** A credit split into its parts; {@code raw} is the text as printed. */
    public record Credit(String creditline, String by, String raw) {
        /** Both parts beat the agency alone, which beats the photographer alone, which beats nothing. */
        public int quality() {
            if (creditline != null && by != null) {
                return 3;
            }
            if (creditline != null) {
                return 2;
            }
            return by != null ? 1 : 0;
        }

        static Credit none() {
            return new Credit(null, null, null);
        }
    }

    /** A caption with the credit that was printed at its end, taken off. */
    public record CaptionWithCredit(String caption, String credit) {
    }

    /** Splits a printed credit; blank or null gives a credit with neither part. */
    public static Credit parse(String printed) {
        String raw = TextNormalizer.tidy(printed);
        if (raw.isEmpty()) {
            return Credit.none();
        }
        String text = stripDecoration(raw);
        if (text.isEmpty()) {
            return new Credit(null, null, raw);
        }
        Matcher courtesy = COURTESY.matcher(text);
        if (courtesy.matches()) {
            return new Credit(clean(courtesy.group(1)), null, raw);
        }
        Matcher by = BY.matcher(text);
        if (by.matches()) {
            String name = by.group(1);
            String outlet = by.group(2);
            if (outlet != null) {
                Credit inner = splitParts(name, raw);
                String creditline = inner.creditline() == null ? clean(outlet) : inner.creditline() + "/" + clean(outlet);
                return new Credit(creditline, inner.by() != null ? inner.by() : clean(name), raw);
            }
            Credit inner = splitParts(name, raw);
            if (inner.by() == null && inner.creditline() != null && !SLASHES.matcher(name).find()) {
                // "Photo by Reuters" names an agency, but "Photo by Jane Doe" a person: trust "by" unless known.
                return KnownAgencies.isKnown(name) ? inner : new Credit(null, clean(name), raw);
            }
            return inner;
        }
        Matcher agencyPhoto = AGENCY_PHOTO.matcher(text);
        if (agencyPhoto.matches() && !SLASHES.matcher(agencyPhoto.group(1)).find()) {
            Credit rest = splitParts(agencyPhoto.group(2), raw);
            if (rest.by() == null && rest.creditline() != null && !KnownAgencies.isKnown(rest.creditline())
                    && !SLASHES.matcher(agencyPhoto.group(2)).find()) {
                // After "AP Photo/" comes the photographer, even in capitals ("AFP PHOTO / LUDOVIC MARIN").
                rest = new Credit(null, rest.creditline(), raw);
            }
            String creditline = rest.creditline() == null
                    ? clean(agencyPhoto.group(1)) : clean(agencyPhoto.group(1)) + "/" + rest.creditline();
            return new Credit(creditline, rest.by(), raw);
        }
        Matcher forOutlet = FOR_OUTLET.matcher(text);
        if (forOutlet.matches() && looksLikePersonName(forOutlet.group(1).trim())) {
            return new Credit(clean(forOutlet.group(2)), clean(forOutlet.group(1)), raw);
        }
        Matcher nameThenAgency = NAME_THEN_AGENCY.matcher(text);
        if (nameThenAgency.matches() && organisationScore(nameThenAgency.group(2)) >= 2
                && organisationScore(nameThenAgency.group(1)) == 0) {
            return new Credit(clean(nameThenAgency.group(2)), clean(nameThenAgency.group(1)), raw);
        }
        Matcher via = VIA.matcher(text);
        if (via.matches()) {
            Credit before = splitParts(via.group(1), raw);
            String distributor = clean(via.group(2));
            if (before.by() != null) {
                String creditline = before.creditline() == null ? distributor
                        : before.creditline() + " via " + distributor;
                return new Credit(creditline, before.by(), raw);
            }
            return new Credit(clean(text), null, raw);
        }
        return splitParts(text, raw);
    }

    /** "EPA / Ludovic Marin", "Ludovic Marin/POOL/AFP", "Ludovic Marin, AFP", "Getty Images", "Jane Doe". */
    private static Credit splitParts(String text, String raw) {
        String[] slashParts = SLASHES.split(text.trim());
        List<String> parts = new ArrayList<>();
        for (String part : slashParts) {
            String cleaned = clean(part);
            if (!cleaned.isEmpty() && !FILE_PHOTO.matcher(cleaned).matches()) {
                parts.add(cleaned);
            }
        }
        if (parts.size() == 1) {
            String[] comma = COMMA.split(parts.get(0));
            if (comma.length == 2 && (organisationScore(comma[0]) >= 2) != (organisationScore(comma[1]) >= 2)) {
                parts = List.of(comma[0], comma[1]);
            }
        }
        if (parts.isEmpty()) {
            return new Credit(null, null, raw);
        }
        if (parts.size() == 1) {
            String only = parts.get(0);
            return organisationScore(only) == 0 ? new Credit(null, only, raw) : new Credit(only, null, raw);
        }
        List<String> agencies = new ArrayList<>();
        List<String> people = new ArrayList<>();
        for (String part : parts) {
            (organisationScore(part) >= 2 ? agencies : people).add(part);
        }
        if (agencies.isEmpty()) {
            // Neither side is recognisably an agency: a person-like side is the photographer, and
            // otherwise the agency-first convention of "EPA / Ludovic Marin" decides.
            int agencyIndex = organisationScore(parts.get(0)) == 0 && organisationScore(parts.get(1)) > 0 ? 1 : 0;
            agencies.add(parts.get(agencyIndex));
            people.clear();
            for (int i = 0; i < parts.size(); i++) {
                if (i != agencyIndex) {
                    people.add(parts.get(i));
                }
            }
        }
        return new Credit(String.join("/", agencies), people.isEmpty() ? null : String.join(", ", people), raw);
    }

    /** 3 a known agency, 2 organisation-like, 1 unknown, 0 looks like a person's name. */
    static int organisationScore(String part) {
        if (KnownAgencies.isKnown(part)) {
            return 3;
        }
        if (KnownAgencies.hasOrganisationWord(part)) {
            return 2;
        }
        String letters = NOT_LETTER.matcher(part).replaceAll("");
        if (!part.contains(" ") && letters.length() >= 2 && letters.equals(letters.toUpperCase(Locale.ROOT))) {
            return 2;
        }
        return looksLikePersonName(part) ? 0 : 1;
    }

    /** Two to five words, at least two of them capitalised names, particles allowed, not all upper case. */
    static boolean looksLikePersonName(String text) {
        String[] words = SPACES.split(text.trim());
        if (words.length < 2 || words.length > 5) {
            return false;
        }
        int names = 0;
        boolean anyLowerCase = false;
        for (String word : words) {
            if (NAME_PARTICLES.contains(word.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (!NAME_WORD.matcher(word).matches()) {
                return false;
            }
            if (word.chars().anyMatch(Character::isLowerCase)) {
                anyLowerCase = true;
            }
            names++;
        }
        return names >= 2 && anyLowerCase;
    }

    private static String stripDecoration(String raw) {
        String text = raw;
        for (int pass = 0; pass < 3; pass++) {
            String before = text;
            Matcher parens = WRAPPING_PARENS.matcher(text);
            if (parens.matches()) {
                text = parens.group(1).trim();
            }
            text = COPYRIGHT.matcher(text).replaceFirst("");
            Matcher label = LABEL.matcher(text);
            if (label.matches()) {
                text = label.group(1).trim();
            }
            text = clean(text);
            if (text.equals(before)) {
                break;
            }
        }
        return text;
    }

    /** Trims spaces, a trailing full stop and stray separators. */
    private static String clean(String text) {
        String cleaned = TextNormalizer.tidy(text);
        while (!cleaned.isEmpty() && ".,;:/|-\u2013\u2014".indexOf(cleaned.charAt(cleaned.length() - 1)) >= 0
                && !ENDS_IN_INITIAL.matcher(cleaned).matches()) {
            cleaned = cleaned.substring(0, cleaned.length() - 1).trim();
        }
        while (!cleaned.isEmpty() && ",;:/|-\u2013\u2014".indexOf(cleaned.charAt(0)) >= 0) {
            cleaned = cleaned.substring(1).trim();
        }
        return cleaned;
    }

    /**
     * A credit printed at the end of a caption ("… 6 January 2026. Photo: EPA / Ludovic Marin",
     * "… in Washington. (AP Photo/Evan Vucci)"), split off; empty when there is none.
     */
    public static Optional<CaptionWithCredit> splitTrailingCredit(String captionText) {
        return splitTrailingCreditTidy(TextNormalizer.tidy(captionText));
    }

    /** {@link #splitTrailingCredit} for text that is already {@link TextNormalizer#tidy}. */
    static Optional<CaptionWithCredit> splitTrailingCreditTidy(String caption) {
        if (!mayEndInCredit(caption)) {
            return Optional.empty();
        }
        Optional<CaptionWithCredit> parenthesised = trailingParenthesis(caption);
        if (parenthesised.isPresent()) {
            return parenthesised;
        }
        Matcher start = CREDIT_START.matcher(caption);
        start.region(Math.max(0, caption.length() - MAX_CREDIT_CHARS - 1), caption.length());
        // Word boundaries at the region's start look outside it, as in the whole text.
        start.useTransparentBounds(true);
        int creditStart = -1;
        while (start.find()) {
            if (followsSentenceOrNothing(caption, start.start())) {
                creditStart = start.start();
            }
        }
        if (creditStart < 0) {
            return Optional.empty();
        }
        String credit = caption.substring(creditStart).trim();
        if (!looksLikeCredit(credit)) {
            return Optional.empty();
        }
        return Optional.of(new CaptionWithCredit(caption.substring(0, creditStart).trim(), credit));
    }

    /** Cheap test before the regular expressions: most paragraphs name no photo and end in no parenthesis. */
    private static boolean mayEndInCredit(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        if (last == ')' || (last == '.' && text.length() > 1 && text.charAt(text.length() - 2) == ')')) {
            return true;
        }
        // A credit is at most MAX_CREDIT_CHARS long, so its marker lies in the paragraph's tail.
        int from = Math.max(0, text.length() - MAX_CREDIT_CHARS - 1);
        return TextNormalizer.containsAnyIgnoreCase(text, from, CREDIT_MARKERS);
    }

    /** A whole paragraph that is only a credit ("Photo: EPA / Ludovic Marin"). */
    public static boolean isBareCredit(String paragraph) {
        Optional<CaptionWithCredit> split = splitTrailingCredit(paragraph);
        return split.isPresent() && split.get().caption().isEmpty();
    }

    private static boolean hasKnownAgencyPart(String text) {
        for (String part : SLASHES.split(text)) {
            if (KnownAgencies.isKnown(part)) {
                return true;
            }
        }
        return false;
    }

    /** "… in Washington. (AP Photo/Evan Vucci)": a parenthesis at the very end naming a photo or an agency. */
    private static Optional<CaptionWithCredit> trailingParenthesis(String caption) {
        int end = caption.endsWith(".") ? caption.length() - 1 : caption.length();
        if (end < 4 || caption.charAt(end - 1) != ')') {
            return Optional.empty();
        }
        int open = caption.lastIndexOf('(', end - 2);
        if (open < 0) {
            return Optional.empty();
        }
        String inner = caption.substring(open + 1, end - 1);
        if (inner.length() < 2 || inner.indexOf(')') >= 0 || !looksLikeCredit(inner)
                || !(MENTIONS_PHOTO.matcher(inner).find() || KnownAgencies.isKnown(inner) || hasKnownAgencyPart(inner))) {
            return Optional.empty();
        }
        return Optional.of(new CaptionWithCredit(caption.substring(0, open).trim(), inner.trim()));
    }

    /** Whether only spaces, or the end of a sentence (. ! ? or a closing quote or bracket), come before {@code index}. */
    private static boolean followsSentenceOrNothing(String text, int index) {
        int i = index - 1;
        while (i >= 0 && TextNormalizer.isSpace(text.charAt(i))) {
            i--;
        }
        return i < 0 || ".!?\u201D\"')]\u2019".indexOf(text.charAt(i)) >= 0;
    }

    /** A name or two, not a sentence: short, few words, no full stop after a word and before a capital. */
    private static boolean looksLikeCredit(String credit) {
        if (credit.length() > MAX_CREDIT_CHARS) {
            return false;
        }
        int words = 1;
        for (int i = 0; i < credit.length(); i++) {
            char c = credit.charAt(i);
            if (c == ' ') {
                words++;
            } else if (c == '.' && i >= 2 && i + 2 < credit.length() && Character.isLowerCase(credit.charAt(i - 1))
                    && Character.isLowerCase(credit.charAt(i - 2)) && credit.charAt(i + 1) == ' '
                    && Character.isUpperCase(credit.charAt(i + 2))) {
                return false;
            }
        }
        return words <= MAX_CREDIT_WORDS;
    }
}
