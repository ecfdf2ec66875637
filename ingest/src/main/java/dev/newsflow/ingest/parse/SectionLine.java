package dev.newsflow.ingest.parse;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the section/category line scrapers put above a headline. Sites print the two as one
 * breadcrumb whose separator is lost in scraping ("NewsPolitics"), or keep a separator
 * ("News / Politics", "News › Politics"). A known section at the start is split off; an
 * unknown single word is kept whole as the section.
 */
public final class SectionLine {
    /** Sections newsrooms commonly use; the longest match wins ("World News" before "World"). */
    public static final List<String> DEFAULT_SECTIONS = List.of("News", "World", "Politics", "Business", "Economy",
            "Opinion", "Comment", "Analysis", "Sport", "Sports", "Culture", "Arts", "Entertainment", "Lifestyle",
            "Science", "Technology", "Tech", "Health", "Travel", "Features", "Environment", "Climate", "Education",
            "Local", "National", "International", "Europe", "Media", "Society");

    /** One to three words: sections and categories are labels, not sentences. */
    private static final String LABEL = "\\p{L}[\\p{L}&]*(?:\\s\\p{L}[\\p{L}&]*){0,2}";
    /** "News / Politics", "Culture › Film", "Sport - Football" (a dash only with spaces round it). */
    private static final Pattern SEPARATED = Pattern.compile("^(" + LABEL + ")(?:\\s*[/|›»>:·•]\\s*|\\s+[–-]\\s+)(" + LABEL + ")$");
    private static final Pattern SINGLE_TOKEN = Pattern.compile("^[\\p{L}][\\p{L}&-]{1,39}$");
    private static final int MAX_LENGTH = 60;

    private final List<String> sections;

    public SectionLine(List<String> knownSections) {
        this.sections = knownSections.stream().filter(s -> !s.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Section and category (category may be null). */
    public record Parsed(String section, String category) {
    }

    /** The section/category the line names, or empty when it reads like a headline instead. */
    public Optional<Parsed> parse(String line) {
        String text = line.strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher separated = SEPARATED.matcher(text);
        // Only a known section before the separator: "Ukraine: Ceasefire talks" is a headline.
        if (separated.matches() && isKnown(separated.group(1).strip())) {
            return Optional.of(new Parsed(separated.group(1).strip(), separated.group(2).strip()));
        }
        if (!SINGLE_TOKEN.matcher(text).matches()) {
            return Optional.empty();
        }
        for (String section : sections) {
            if (text.regionMatches(true, 0, section, 0, section.length())) {
                String rest = text.substring(section.length());
                if (rest.isEmpty()) {
                    return Optional.of(new Parsed(section, null));
                }
                // The category must start a new capitalised word, or "Newsroom" would split.
                if (Character.isUpperCase(rest.codePointAt(0))) {
                    return Optional.of(new Parsed(section, rest));
                }
            }
        }
        return Optional.of(new Parsed(text, null));
    }

    private boolean isKnown(String label) {
        return sections.stream().anyMatch(section -> section.equalsIgnoreCase(label));
    }

    public static SectionLine withDefaults() {
        return new SectionLine(DEFAULT_SECTIONS);
    }

    @Override
    public String toString() {
        return "SectionLine" + sections.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }
}
