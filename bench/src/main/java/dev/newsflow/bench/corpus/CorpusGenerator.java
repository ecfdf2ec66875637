package dev.newsflow.bench.corpus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a deterministic corpus of news articles: the same seed and index always give the same
 * article, on any machine, so benchmark runs are comparable. Articles are independent of each
 * other (random access by index), each has a unique guid, URL and headline, and 1–2 photos whose
 * captions name people and places of the story.
 */
public final class CorpusGenerator {
    /** 2026-01-06T00:00:00Z: publication times of the fixed corpus are spread after it by index. */
    private static final Instant FIXED_BASE = Instant.ofEpochSecond(1_767_657_600L);

    private final long seed;
    private final Instant publishedBase;
    private final java.time.Duration publishedStep;

    /** A fully deterministic corpus: article i is published at 2026-01-06T00:00Z + 37 s × i. */
    public CorpusGenerator(long seed) {
        this(seed, FIXED_BASE, java.time.Duration.ofSeconds(37));
    }

    /**
     * The same articles with publication times {@code publishedBase + publishedStep × index}: a load
     * run dates its articles "now", in the order it sends them, as publishers do, so that feeds
     * (newest first, capped) show them as they arrive.
     */
    public CorpusGenerator(long seed, Instant publishedBase, java.time.Duration publishedStep) {
        this.seed = seed;
        this.publishedBase = publishedBase;
        this.publishedStep = publishedStep;
    }

    public long seed() {
        return seed;
    }

    /** Article {@code index} of this corpus, in the given shape and length. */
    public CorpusArticle article(int index, ArticleShape shape, ArticleLength length) {
        SplittableRandom random = randomFor(index);
        Vocabulary.Beat beat = pick(random, Vocabulary.BEATS);
        Cast cast = Cast.draw(random);
        String headline = headline(random, beat, cast, Long.toString(seed & 0xFFFFFFL, 36) + "-" + index);
        List<String> body = body(random, beat, cast, length.targetWords());
        List<CorpusImage> images = new ArrayList<>();
        int photos = 1 + random.nextInt(2);
        for (int i = 0; i < photos; i++) {
            images.add(image(random, cast, index, i));
        }
        String byline = random.nextInt(4) == 0 ? null : name(random);
        String slug = "a" + index + "-" + Long.toHexString(seed & 0xffffL);
        return new CorpusArticle(index, shape, length,
                "bench-" + Long.toHexString(seed) + "-" + index,
                "https://news.bench.example/" + beat.section().toLowerCase(java.util.Locale.ROOT) + "/" + slug,
                publishedBase.plus(publishedStep.multipliedBy(index)),
                beat.section(), beat.category(), headline, byline, body, images, beat.keywords(), null);
    }

    /** A later version of the article: its last paragraph replaced and one added, action {@code update}. */
    public CorpusArticle revision(CorpusArticle original, int revision) {
        SplittableRandom random = randomFor(original.index() * 31 + revision + 1_000_003);
        Vocabulary.Beat beat = pick(random, Vocabulary.BEATS);
        Cast cast = Cast.draw(random);
        List<String> body = new ArrayList<>(original.body());
        if (!body.isEmpty()) {
            body.remove(body.size() - 1);
        }
        body.add("Update " + revision + ": " + sentence(random, beat, cast));
        body.add(sentence(random, beat, cast) + " " + sentence(random, beat, cast));
        return original.withRevision(body, "update");
    }

    private SplittableRandom randomFor(int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    }

    private static String headline(SplittableRandom random, Vocabulary.Beat beat, Cast cast, String ref) {
        String subject = pick(random, beat.subjects());
        String verb = pick(random, beat.verbs());
        // The trailing reference (seed + index) keeps headlines unique across runs: plain-text
        // articles are identified by their headline.
        return switch (random.nextInt(3)) {
            case 0 -> cast.country + " " + verb + " " + subject + " after talks in " + cast.city + " (ref " + ref + ")";
            case 1 -> cast.fullName + " says " + subject + " will shape " + cast.country + "'s year (ref " + ref + ")";
            default -> capitalise(subject) + ": " + cast.organisation + " and " + cast.country + " at odds (ref " + ref + ")";
        };
    }

    private static List<String> body(SplittableRandom random, Vocabulary.Beat beat, Cast cast, int targetWords) {
        List<String> paragraphs = new ArrayList<>();
        int words = 0;
        while (words < targetWords) {
            StringBuilder paragraph = new StringBuilder();
            int sentences = 2 + random.nextInt(3);
            for (int s = 0; s < sentences && words < targetWords; s++) {
                String sentence = sentence(random, beat, random.nextInt(4) == 0 ? Cast.draw(random) : cast);
                if (paragraph.length() > 0) {
                    paragraph.append(' ');
                }
                paragraph.append(sentence);
                words += Words.count(sentence);
            }
            paragraphs.add(paragraph.toString());
        }
        return paragraphs;
    }

    private static String sentence(SplittableRandom random, Vocabulary.Beat beat, Cast cast) {
        String subject = pick(random, beat.subjects());
        String verb = pick(random, beat.verbs());
        String day = pick(random, Vocabulary.DAYS);
        String filler = pick(random, Vocabulary.FILLER);
        return switch (random.nextInt(8)) {
            case 0 -> cast.title + " " + cast.fullName + " " + verb + " " + subject + " on " + day
                    + ", calling it \u201c" + pick(random, Vocabulary.QUOTES) + "\u201d.";
            case 1 -> pick(random, Vocabulary.CONNECTIVES) + " " + filler + " in " + cast.city + " said "
                    + subject + " had been " + verb + " without consulting " + cast.organisation + ".";
            case 2 -> "The " + cast.organisation + " " + verb + " " + subject + " in " + cast.country
                    + ", " + (2 + random.nextInt(40)) + " per cent more than a year earlier.";
            case 3 -> cast.lastName + " told reporters in " + cast.city + " that " + filler + " would meet again on "
                    + day + " to discuss " + subject + ".";
            case 4 -> "Officials from " + cast.country + " and " + pick(random, Vocabulary.COUNTRIES) + " "
                    + verb + " " + subject + " at a summit in " + pick(random, Vocabulary.CITIES) + ".";
            case 5 -> capitalise(filler) + " expect " + subject + " to dominate the agenda, " + cast.lastName
                    + " added, though " + (3 + random.nextInt(20)) + " members abstained.";
            case 6 -> "In " + cast.city + ", " + filler + " gathered outside the offices of the "
                    + cast.organisation + " as " + subject + " was " + verb + ".";
            default -> capitalise(subject) + " remains \u201c" + pick(random, Vocabulary.QUOTES) + "\u201d, said "
                    + cast.fullName + ", a " + cast.title.toLowerCase(java.util.Locale.ROOT) + " from "
                    + cast.country + ".";
        };
    }

    private static CorpusImage image(SplittableRandom random, Cast cast, int index, int position) {
        String caption = cast.title + " " + cast.fullName + " speaks to " + pick(random, Vocabulary.FILLER)
                + " in " + cast.city + ", " + cast.country + ", " + (1 + random.nextInt(28)) + " January 2026.";
        String agency = pick(random, Vocabulary.AGENCIES);
        String credit = switch (random.nextInt(3)) {
            case 0 -> "Photo: " + agency + " / " + name(random);
            case 1 -> "Photo: " + name(random) + "/" + agency;
            default -> "Photo: " + agency;
        };
        return new CorpusImage(caption, credit, "https://img.bench.example/" + index + "/" + position + ".jpg");
    }

    private static String name(SplittableRandom random) {
        return pick(random, Vocabulary.FIRST_NAMES) + " " + pick(random, Vocabulary.LAST_NAMES);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The people, place and organisation a story is mostly about. */
    private record Cast(String title, String fullName, String lastName, String country, String city,
                        String organisation) {
        static Cast draw(SplittableRandom random) {
            String last = pick(random, Vocabulary.LAST_NAMES);
            return new Cast(pick(random, Vocabulary.TITLES), pick(random, Vocabulary.FIRST_NAMES) + " " + last, last,
                    pick(random, Vocabulary.COUNTRIES), pick(random, Vocabulary.CITIES),
                    pick(random, Vocabulary.ORGANISATIONS));
        }
    }
}
