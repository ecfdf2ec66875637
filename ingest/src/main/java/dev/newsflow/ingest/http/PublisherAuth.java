package dev.newsflow.ingest.http;

import dev.newsflow.ingest.auth.ApiKeyStore;
import dev.newsflow.platform.http.Problem;
import dev.newsflow.platform.http.ProblemException;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is posting: the publisher whose API key the request carries ({@code Authorization: Bearer <key>} or
 * {@code X-Api-Key}), remembered on the request for the rejection metrics; 401 otherwise. The publisher comes from
 * the key, never from the body.
 */
final class PublisherAuth {
    private static final String PUBLISHER_ATTRIBUTE = "newsflow.publisher";
    private static final Pattern BEARER = Pattern.compile("(?i)^Bearer\\s+(\\S+)\\s*$");

    private final ApiKeyStore keys;

    PublisherAuth(ApiKeyStore keys) {
        this.keys = keys;
    }

    String authenticate(Context ctx) {
        String presented = ctx.header("X-Api-Key");
        String authorization = ctx.header("Authorization");
        if (presented == null && authorization != null) {
            var bearer = BEARER.matcher(authorization);
            presented = bearer.matches() ? bearer.group(1) : null;
        }
        Optional<String> publisher = keys.publisherFor(presented);
        if (publisher.isEmpty()) {
            throw new ProblemException(Problem.of(401, "unauthorized", "Missing or invalid API key", presented == null
                            ? "send the publisher API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'"
                            : "the API key is not valid", "Authorization")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"newsflow-ingest\""));
        }
        ctx.attribute(PUBLISHER_ATTRIBUTE, publisher.get());
        return publisher.get();
    }

    /** The publisher this request was authenticated as, or null before (or without) authentication. */
    static String publisherOf(Context ctx) {
        return ctx.attribute(PUBLISHER_ATTRIBUTE);
    }
}
