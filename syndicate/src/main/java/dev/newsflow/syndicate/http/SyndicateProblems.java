package dev.newsflow.syndicate.http;

import dev.newsflow.platform.http.Problem;
import dev.newsflow.platform.http.ProblemMapping;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * Syndicate's one exception mapping: the platform's (bad filters and partners 400/422 naming the field, unknown
 * partners 404, taken ids 409, an unacknowledged partner write 503), and feed state that is being restored (503,
 * retry in a second).
 */
public final class SyndicateProblems {
    private SyndicateProblems() {
    }

    public static ProblemMapping mapping() {
        return ProblemMapping.standard("syndicate", 1)
                .map(InvalidStateStoreException.class, e -> Problem.of(503, "unavailable", "Service unavailable",
                                "feed state is being restored; retry shortly", null)
                        .withHeader("Retry-After", "1"))
                .build();
    }
}
