package dev.newsflow.ingest.parse;

import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.DraftImage;
import dev.newsflow.ingest.article.DraftRemoval;
import dev.newsflow.ingest.text.Paragraphs;
import dev.newsflow.ingest.text.TextHygiene;
import dev.newsflow.schema.SourceFormat;
import dev.newsflow.text.ChromeFilter;
import dev.newsflow.text.CreditLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an article as a publisher's scraper delivers it as plain text: an optional
 * section/category line ("NewsPolitics"), the headline, an optional "By …" byline, then
 * paragraphs separated by blank lines. A paragraph ending with a photo credit is an image block
 * (caption + credit); a paragraph that is only a credit belongs to the caption before it. Image
 * blocks are kept exactly as submitted, duplicates included. Site chrome lines are dropped.
 * Lines inside one paragraph are joined with a space (hard-wrapped text).
 */
public final class PlainTextNormaliser implements ArticleNormaliser {
    /** Site chrome, from the one list ingest and enrich share. */
    private static final ChromeFilter CHROME = new ChromeFilter();
    private static final Pattern BYLINE = Pattern.compile("^By\\s+\\p{Lu}[^.!?]{1,100}$");
    /** A caption is a few sentences; a longer paragraph ending in "Photo: …" is body text. */
    private static final int MAX_CAPTION_LENGTH = 1200;

    private final SectionLine sectionLine;

    public PlainTextNormaliser(SectionLine sectionLine) {
        this.sectionLine = sectionLine;
    }

    @Override
    public ArticleDraft normalise(String document) {
        RemovalLog removals = new RemovalLog();
        List<String> paragraphs = paragraphs(document == null ? "" : document, removals);
        ArticleDraft.Builder draft = ArticleDraft.builder(SourceFormat.TEXT);
        int next = 0;
        if (paragraphs.size() > 1) {
            Optional<SectionLine.Parsed> section = sectionLine.parse(paragraphs.get(0));
            if (section.isPresent()) {
                draft.section(section.get().section()).category(section.get().category());
                next = 1;
            }
        }
        if (next >= paragraphs.size()) {
            throw new InvalidArticleException("headline", "the text has no headline: its first lines are empty");
        }
        draft.headline(paragraphs.get(next++));
        if (next < paragraphs.size() && BYLINE.matcher(paragraphs.get(next)).matches()) {
            draft.byline(paragraphs.get(next++).substring(2).strip());
        }
        List<String> body = new ArrayList<>();
        List<DraftImage> images = new ArrayList<>();
        for (int i = next; i < paragraphs.size(); i++) {
            String paragraph = paragraphs.get(i);
            Optional<CreditLine.Split> credit = paragraph.length() <= MAX_CAPTION_LENGTH
                    ? CreditLine.split(paragraph) : Optional.empty();
            if (credit.isEmpty()) {
                body.add(paragraph);
            } else if (!credit.get().caption().isEmpty()) {
                images.add(new DraftImage(credit.get().caption(), credit.get().credit(), null));
            } else if (!body.isEmpty() && isCaptionCandidate(body.get(body.size() - 1), i, next)) {
                // A credit on its own line: the paragraph before it was that photo's caption.
                String caption = body.remove(body.size() - 1);
                images.add(new DraftImage(caption, credit.get().credit(), null));
            } else {
                images.add(new DraftImage("", credit.get().credit(), null));
            }
        }
        return draft.body(body).images(images).removals(removals.removals()).build();
    }

    private static boolean isCaptionCandidate(String previous, int index, int firstBodyIndex) {
        return index > firstBodyIndex && previous.length() <= MAX_CAPTION_LENGTH;
    }

    /** Paragraphs with their lines joined and cleaned; chrome lines and empty paragraphs dropped. */
    private static List<String> paragraphs(String document, RemovalLog removals) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : Paragraphs.of(document)) {
            List<String> lines = new ArrayList<>();
            for (String line : Paragraphs.lines(block)) {
                String clean = TextHygiene.clean(line);
                if (clean.isEmpty()) {
                    continue;
                }
                Optional<String> chrome = CHROME.classify(clean);
                if (chrome.isPresent()) {
                    removals.add(DraftRemoval.CHROME, clean, chrome.get());
                    continue;
                }
                if (BYLINE.matcher(clean).matches()) {
                    // A byline printed right under the headline is its own paragraph, not part of it.
                    if (!lines.isEmpty()) {
                        paragraphs.add(String.join(" ", lines));
                        lines.clear();
                    }
                    paragraphs.add(clean);
                    continue;
                }
                lines.add(clean);
            }
            if (!lines.isEmpty()) {
                paragraphs.add(String.join(" ", lines));
            }
        }
        return paragraphs;
    }
}
