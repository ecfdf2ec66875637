package dev.newsflow.enrich.cleanup;

import dev.newsflow.enrich.cleanup.CaptionSimilarity.Fingerprint;
import dev.newsflow.enrich.cleanup.CaptionSimilarity.Match;
import dev.newsflow.enrich.cleanup.CreditParser.CaptionWithCredit;
import dev.newsflow.enrich.cleanup.CreditParser.Credit;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.Image;
import dev.newsflow.schema.Removal;
import dev.newsflow.schema.SubmittedImage;
import dev.newsflow.text.ChromeFilter;
import dev.newsflow.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The clean-up of one submitted article, pure and stateless: photo captions printed more than
 * once kept once (the first copy with the fullest credit), credits split into creditline and by,
 * captions that were scraped into the body moved out of it, site chrome and repeated paragraphs
 * dropped. Every change is recorded as a {@link Removal} with its kind and reason.
 */
public final class ArticleCleaner {
    public static final String DUPLICATE_CAPTION = "duplicate-caption";
    public static final String CAPTION_IN_BODY = "caption-in-body";
    public static final String CREDIT_LINE = "credit-line";
    public static final String CHROME = "chrome";
    public static final String DUPLICATE_PARAGRAPH = "duplicate-paragraph";
    public static final String EMPTY_PARAGRAPH = "empty-paragraph";
    public static final String HEADLINE_IN_BODY = "headline-in-body";
    public static final String BYLINE_IN_BODY = "byline-in-body";

    /** Repeated paragraphs shorter than this ("Ukraine.") may be deliberate; longer ones are scraper echoes. */
    private static final int MIN_TOKENS_FOR_DUPLICATE_PARAGRAPH = 5;

    private final CaptionSimilarity similarity;
    private final ChromeFilter chrome = new ChromeFilter();

    public ArticleCleaner(double captionSimilarityThreshold) {
        this.similarity = new CaptionSimilarity(captionSimilarityThreshold);
    }

    /** What the clean-up keeps, and what it removed and why. */
    public record Result(String headline, List<String> body, List<Image> images, List<Removal> removals) {
    }

    /** An image block before de-duplication: where it came from decides which copy is "first". */
    private record Candidate(String caption, Fingerprint fingerprint, Credit credit, String url, int order) {
    }

    /**
     * Candidates already made in this article, by the caption and credit text they were made from:
     * scraped pages print each photo block twice, and the second copy needs no second parse.
     */
    private static final class CandidateMemo {
        private final List<String[]> sources = new ArrayList<>();
        private final List<Candidate> made = new ArrayList<>();

        Candidate candidate(String captionText, String creditText, String url, int order) {
            for (int i = 0; i < sources.size(); i++) {
                String[] source = sources.get(i);
                if (Objects.equals(source[0], captionText) && Objects.equals(source[1], creditText)) {
                    Candidate same = made.get(i);
                    return new Candidate(same.caption(), same.fingerprint(), same.credit(), url, order);
                }
            }
            Candidate fresh = ArticleCleaner.candidate(captionText, creditText, url, order);
            sources.add(new String[] {captionText, creditText});
            made.add(fresh);
            return fresh;
        }
    }

    /** A body paragraph with its comparable form, computed once. */
    private record Paragraph(String text, Fingerprint fingerprint) {
    }

    public Result clean(ArticleSubmitted article) {
        List<Removal> removals = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        CandidateMemo memo = new CandidateMemo();
        for (SubmittedImage image : article.getImages()) {
            candidates.add(memo.candidate(image.getCaption(), image.getCredit(), image.getUrl(), candidates.size()));
        }
        List<Paragraph> body = new ArrayList<>();
        for (String paragraph : liftCaptionsAndDropChrome(article.getBody(), candidates, memo, removals)) {
            body.add(new Paragraph(paragraph, Fingerprint.of(paragraph)));
        }
        List<Fingerprint> imageCaptions = new ArrayList<>();
        List<Image> images = keepOneCopyOfEachCaption(candidates, removals, imageCaptions);
        body = dropCaptionsRepeatedInBody(body, images, imageCaptions, removals);
        body = dropRepeatedParagraphs(body, removals);
        body = dropHeadlineAndBylineRepeatedInBody(body, article, removals);
        List<String> texts = new ArrayList<>(body.size());
        body.forEach(paragraph -> texts.add(paragraph.text()));
        return new Result(TextNormalizer.tidy(article.getHeadline()), List.copyOf(texts), List.copyOf(images),
                List.copyOf(removals));
    }

    /** A caption with the credit given separately, or, when none was, the credit printed at its end. */
    private static Candidate candidate(String captionText, String creditText, String url, int order) {
        String caption = TextNormalizer.tidy(captionText);
        String credit = TextNormalizer.tidy(creditText);
        Optional<CaptionWithCredit> trailing = CreditParser.splitTrailingCredit(caption);
        if (trailing.isPresent() && !trailing.get().caption().isEmpty()) {
            String printed = trailing.get().credit();
            boolean sameAsGiven = TextNormalizer.comparable(printed).endsWith(TextNormalizer.comparable(credit));
            if (credit.isEmpty() || sameAsGiven) {
                caption = trailing.get().caption();
                credit = printed;
            }
        }
        return new Candidate(caption, Fingerprint.of(caption), CreditParser.parse(credit), url, order);
    }

    private List<String> liftCaptionsAndDropChrome(List<String> paragraphs, List<Candidate> candidates,
                                                   CandidateMemo memo, List<Removal> removals) {
        List<String> kept = new ArrayList<>();
        for (String original : paragraphs) {
            String paragraph = TextNormalizer.tidy(original);
            if (paragraph.isEmpty()) {
                if (original != null && !original.isEmpty()) {
                    removals.add(removal(EMPTY_PARAGRAPH, original, "paragraph has no text"));
                }
                continue;
            }
            Optional<String> chromeReason = chrome.classifyTidy(paragraph);
            if (chromeReason.isPresent()) {
                removals.add(removal(CHROME, paragraph, chromeReason.get()));
                continue;
            }
            Optional<ChromeFilter.GluedChrome> glued = chrome.trailingWidgetTidy(paragraph);
            if (glued.isPresent()) {
                removals.add(removal(CHROME, glued.get().chrome(),
                        "share/print widget text glued to the end of a paragraph"));
                paragraph = glued.get().content();
            }
            Optional<CaptionWithCredit> caption = CreditParser.splitTrailingCreditTidy(paragraph);
            if (caption.isPresent() && caption.get().caption().isEmpty()) {
                if (!kept.isEmpty()) {
                    String previous = kept.remove(kept.size() - 1);
                    candidates.add(memo.candidate(previous, paragraph, null, candidates.size()));
                    removals.add(removal(CAPTION_IN_BODY, previous + " " + paragraph,
                            "paragraph followed by a photo credit is a caption; kept once as an image"));
                } else {
                    removals.add(removal(CREDIT_LINE, paragraph, "photo credit with no caption before it"));
                }
                continue;
            }
            if (caption.isPresent()) {
                candidates.add(memo.candidate(caption.get().caption(), caption.get().credit(), null,
                        candidates.size()));
                removals.add(removal(CAPTION_IN_BODY, paragraph,
                        "paragraph is a photo caption ending in its credit; kept once as an image"));
                continue;
            }
            kept.add(paragraph);
        }
        return kept;
    }

    /** The images kept, one per caption; {@code captions} receives the fingerprint of each kept caption. */
    private List<Image> keepOneCopyOfEachCaption(List<Candidate> candidates, List<Removal> removals,
                                                 List<Fingerprint> captions) {
        List<List<Candidate>> groups = new ArrayList<>();
        List<List<String>> reasons = new ArrayList<>();
        for (Candidate candidate : candidates) {
            boolean placed = false;
            for (int g = 0; g < groups.size() && !placed; g++) {
                Match match = similarity.compare(groups.get(g).get(0).fingerprint(), candidate.fingerprint());
                if (match.same()) {
                    groups.get(g).add(candidate);
                    reasons.get(g).add(match.reason());
                    placed = true;
                }
            }
            if (!placed) {
                groups.add(new ArrayList<>(List.of(candidate)));
                reasons.add(new ArrayList<>(Collections.singletonList(null)));
            }
        }
        List<Image> images = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Candidate> group = groups.get(g);
            int bestIndex = 0;
            for (int i = 1; i < group.size(); i++) {
                if (group.get(i).credit().quality() > group.get(bestIndex).credit().quality()) {
                    bestIndex = i;
                }
            }
            Candidate best = group.get(bestIndex);
            String url = best.url();
            for (Candidate candidate : group) {
                if (url == null && candidate.url() != null) {
                    url = candidate.url();
                }
            }
            for (int i = 0; i < group.size(); i++) {
                if (i == bestIndex) {
                    continue;
                }
                // Each copy was compared with the group's first; the first itself with the kept one.
                String match = reasons.get(g).get(i == 0 ? bestIndex : i);
                String why = "same caption as image " + (images.size() + 1) + ": " + match
                        + (i < bestIndex ? "; a later copy has the fuller credit" : "");
                removals.add(removal(DUPLICATE_CAPTION, withCredit(group.get(i)), why));
            }
            Credit credit = best.credit();
            captions.add(best.fingerprint());
            images.add(Image.newBuilder()
                    .setCaption(best.caption())
                    .setCreditline(credit.creditline())
                    .setBy(credit.by())
                    .setRawCredit(credit.raw())
                    .setUrl(url)
                    .build());
        }
        return images;
    }

    private List<Paragraph> dropCaptionsRepeatedInBody(List<Paragraph> body, List<Image> images,
                                                       List<Fingerprint> captions, List<Removal> removals) {
        if (images.isEmpty()) {
            return body;
        }
        List<Fingerprint> captionsWithCredit = new ArrayList<>();
        for (Image image : images) {
            captionsWithCredit.add(image.getRawCredit() == null ? null
                    : Fingerprint.of(image.getCaption() + " " + image.getRawCredit()));
        }
        List<Paragraph> kept = new ArrayList<>();
        for (Paragraph paragraph : body) {
            String reason = null;
            for (int i = 0; i < images.size() && reason == null; i++) {
                Match match = similarity.compare(captions.get(i), paragraph.fingerprint());
                if (!match.same() && captionsWithCredit.get(i) != null) {
                    match = similarity.compare(captionsWithCredit.get(i), paragraph.fingerprint());
                }
                if (match.same()) {
                    reason = "repeats the caption of image " + (i + 1) + " (" + match.reason() + ")";
                }
            }
            if (reason != null) {
                removals.add(removal(CAPTION_IN_BODY, paragraph.text(), reason));
            } else {
                kept.add(paragraph);
            }
        }
        return kept;
    }

    private static List<Paragraph> dropRepeatedParagraphs(List<Paragraph> body, List<Removal> removals) {
        Set<String> seen = new HashSet<>();
        List<Paragraph> kept = new ArrayList<>();
        String previous = null;
        for (Paragraph paragraph : body) {
            String comparable = paragraph.fingerprint().comparable();
            boolean repeated = comparable.equals(previous)
                    || (!seen.add(comparable) && paragraph.fingerprint().words() >= MIN_TOKENS_FOR_DUPLICATE_PARAGRAPH);
            if (repeated && !comparable.isEmpty()) {
                removals.add(removal(DUPLICATE_PARAGRAPH, paragraph.text(), "paragraph printed twice; first copy kept"));
            } else {
                kept.add(paragraph);
            }
            previous = comparable;
        }
        return kept;
    }

    /** Scrapers often take the headline and the byline line along with the text. */
    private static List<Paragraph> dropHeadlineAndBylineRepeatedInBody(List<Paragraph> body, ArticleSubmitted article,
                                                                       List<Removal> removals) {
        String headline = TextNormalizer.comparable(article.getHeadline());
        String byline = article.getByline() == null ? "" : TextNormalizer.comparable(article.getByline());
        String byByline = byline.isEmpty() || byline.startsWith("by ") ? byline : "by " + byline;
        List<Paragraph> kept = new ArrayList<>();
        for (Paragraph paragraph : body) {
            String comparable = paragraph.fingerprint().comparable();
            if (!headline.isEmpty() && comparable.equals(headline)) {
                removals.add(removal(HEADLINE_IN_BODY, paragraph.text(), "repeats the headline"));
            } else if (!byline.isEmpty() && (comparable.equals(byline) || comparable.equals(byByline))) {
                removals.add(removal(BYLINE_IN_BODY, paragraph.text(), "repeats the byline"));
            } else {
                kept.add(paragraph);
            }
        }
        return kept;
    }

    private static String withCredit(Candidate candidate) {
        return candidate.credit().raw() == null ? candidate.caption()
                : candidate.caption() + " " + candidate.credit().raw();
    }

    private static Removal removal(String kind, String text, String reason) {
        return Removal.newBuilder().setKind(kind).setText(text).setReason(reason).build();
    }
}
