package dev.newsflow.text;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Photo agencies, wire services and picture desks whose names appear in credits, so that
 * "EPA / Ludovic Marin" and "Ludovic Marin / EPA" both give creditline EPA. Matching is on
 * {@link TextNormalizer#comparable} forms; "EPA-EFE" matches through its first word. The one list
 * newsflow has: ingest finds credits at the end of captions with it ({@link CreditLine}), enrich
 * splits them into creditline and photographer.
 */
public final class KnownAgencies {
    private static final Set<String> NAMES = Set.of(
            "ap", "associated press", "afp", "agence france presse", "reuters", "thomson reuters",
            "epa", "epa efe", "efe", "getty", "getty images", "shutterstock", "alamy", "alamy stock photo",
            "pa", "pa images", "pa wire", "pa media", "press association", "dpa", "picture alliance", "ansa",
            "anp", "belga", "tass", "ria novosti", "sputnik", "xinhua", "kyodo", "kyodo news", "yonhap",
            "bloomberg", "anadolu", "anadolu agency", "sipa", "sipa usa", "sipa press", "zuma", "zuma press",
            "zuma wire", "nurphoto", "sopa images", "lightrocket", "keystone", "polaris", "abaca",
            "abaca press", "imago", "hans lucas", "ukrinform", "pool", "wireimage", "filmmagic", "corbis",
            "magnum", "magnum photos", "panos", "panos pictures", "redux", "redux pictures", "the new york times",
            "nyt", "the washington post", "the guardian", "eyevine", "avalon", "rex", "rex features",
            "rex shutterstock", "aap", "australian associated press", "cp", "the canadian press", "ntb",
            "tt", "tt news agency", "scanpix", "lehtikuva", "ritzau", "ritzau scanpix", "apa", "ctk",
            "pap", "mti", "bta", "hina", "tanjug", "ap images", "upi", "united press international",
            "ani", "pti", "press trust of india", "ians", "wana", "irna", "mehr", "jiji", "jiji press",
            "kcna", "vna", "antara", "bernama", "aa", "nasa", "handout", "reuters pictures", "afp photo",
            "ap photo", "epa photo", "dpa picture alliance", "bildbyran", "fotoware", "eurokinissi",
            "interfax", "ukrainian presidential press service", "presidential press service",
            "kremlin pool", "politico", "unsplash", "pexels", "wikimedia commons", "flickr");

    /** Words that make a credit part an organisation rather than a person. */
    private static final Set<String> ORGANISATION_WORDS = Set.of(
            "images", "image", "photos", "photo", "pictures", "picture", "press", "news", "agency",
            "media", "wire", "service", "office", "pool", "handout", "archive", "archives", "collection",
            "library", "stock", "studio", "studios", "museum", "ministry", "department", "government",
            "times", "post", "guardian", "journal", "telegraph", "herald", "tribune", "gazette", "courier",
            "inc", "ltd", "llc", "gmbh", "corp", "company", "foundation", "institute", "university", "council",
            "police", "army", "forces", "defence", "defense", "commons", "courtesy", "supplied", "via");

    /** Compiled once: every credit of every article is checked (String.split would compile it each time). */
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s\\-/]+");

    private KnownAgencies() {
    }

    /**
     * A regular expression (a non-capturing group, case ignored) matching any known name as printed: words
     * separated by spaces or hyphens ("EPA-EFE", "Getty Images"), longest names first.
     */
    public static String pattern() {
        return NAMES.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(name -> Arrays.stream(name.split(" ")).map(Pattern::quote).collect(Collectors.joining("[\\s-]+")))
                .collect(Collectors.joining("|", "(?i:", ")"));
    }

    /**
     * Whether the text names a known agency: by its whole name, or by an upper-case first word
     * ("EPA-EFE", "AFP PHOTO"); only upper case there, so a photographer called "Pa Ngoc" is not PA.
     */
    public static boolean isKnown(String text) {
        String comparable = TextNormalizer.comparable(text);
        if (comparable.isEmpty()) {
            return false;
        }
        if (NAMES.contains(comparable)) {
            return true;
        }
        String firstWord = WORD_SEPARATORS.split(text.strip(), 2)[0];
        return firstWord.length() >= 2 && firstWord.equals(firstWord.toUpperCase(Locale.ROOT))
                && NAMES.contains(TextNormalizer.comparable(firstWord));
    }

    /** Whether one of the words marks an organisation ("... Images", "... Press", "... Pool"). */
    public static boolean hasOrganisationWord(String text) {
        for (String word : TextNormalizer.comparable(text).split(" ")) {
            if (ORGANISATION_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
