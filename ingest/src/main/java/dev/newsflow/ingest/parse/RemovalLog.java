package dev.newsflow.ingest.parse;

import dev.newsflow.ingest.article.DraftRemoval;
import dev.newsflow.ingest.text.TextHygiene;
import dev.newsflow.platform.article.CleanupReportBound;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What a normaliser left out of a document, as it goes: the first {@link CleanupReportBound#MAX_REMOVALS} removals
 * with their text cut to {@link CleanupReportBound#MAX_REMOVAL_TEXT_CHARS}, the others only counted, so a page of
 * ten thousand removed boxes costs a count, not ten thousand kept strings.
 */
final class RemovalLog {
    private final List<DraftRemoval> listed = new ArrayList<>();
    private int unlisted;

    /** Notes a removal; one without text (a script, an empty box) is not one a reader would miss. */
    void add(String kind, Supplier<String> text, String reason) {
        String raw = text.get();
        if (raw == null || raw.isBlank()) {
            return;
        }
        if (listed.size() >= CleanupReportBound.MAX_REMOVALS) {
            unlisted++;
            return;
        }
        // Cut before cleaning: a removed comment thread can be most of a large page.
        int limit = CleanupReportBound.MAX_REMOVAL_TEXT_CHARS * 2;
        if (raw.length() > limit) {
            raw = raw.substring(0, Character.isHighSurrogate(raw.charAt(limit - 1)) ? limit - 1 : limit);
        }
        String clean = TextHygiene.cleanOrNull(raw);
        if (clean != null) {
            listed.add(new DraftRemoval(kind, clean, reason));
        }
    }

    void add(String kind, String text, String reason) {
        add(kind, () -> text, reason);
    }

    /** The removals noted, and a last entry counting those that were not listed. */
    List<DraftRemoval> removals() {
        if (unlisted == 0) {
            return List.copyOf(listed);
        }
        List<DraftRemoval> all = new ArrayList<>(listed);
        all.add(new DraftRemoval(CleanupReportBound.UNLISTED, "", String.format(Locale.ROOT,
                "%d more removals are not listed: the report lists at most %d", unlisted,
                CleanupReportBound.MAX_REMOVALS)));
        return all;
    }
}
