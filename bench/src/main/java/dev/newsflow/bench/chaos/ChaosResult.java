package dev.newsflow.bench.chaos;

import java.time.Duration;
import java.util.Locale;

/**
 * What a chaos run counted. An article is accepted when ingest answered 202 (or, on a retry, 200 "unchanged": an
 * earlier attempt's write had landed). It is lost when it is missing from {@code articles-enriched}
 * (read_committed) or from the partner's feed, and duplicated when either holds it more than once.
 */
public record ChaosResult(int accepted, int missingEnriched, int duplicatedEnriched, int missingInFeed,
                          int duplicatedInFeed, int kills, int brokerRestarts, long answered503,
                          long answeredOther, long retriesAfterNoAnswer, Duration elapsed) {

    public int lost() {
        return Math.max(missingEnriched, missingInFeed);
    }

    public int duplicated() {
        return Math.max(duplicatedEnriched, duplicatedInFeed);
    }

    public boolean passed() {
        return lost() == 0 && duplicated() == 0;
    }

    /** The report, its last line {@code chaos: accepted N, lost L, duplicated D, kills K}. */
    public String toText() {
        return String.format(Locale.ROOT, """
                | | count |
                |---|---|
                | accepted (202, or 200 on a retry) | %d |
                | missing from articles-enriched (read_committed) | %d |
                | more than once on articles-enriched | %d |
                | missing from the partner's feed | %d |
                | more than once in the partner's feed | %d |
                | enrich processes killed with SIGKILL | %d |
                | broker restarts | %d |
                | answers 503 (retried) | %d |
                | other refusals | %d |
                | requests retried after no answer | %d |
                | wall time | %d s |

                chaos: accepted %d, lost %d, duplicated %d, kills %d""", accepted, missingEnriched,
                duplicatedEnriched, missingInFeed, duplicatedInFeed, kills, brokerRestarts, answered503, answeredOther,
                retriesAfterNoAnswer, elapsed.toSeconds(), accepted, lost(), duplicated(), kills);
    }
}
