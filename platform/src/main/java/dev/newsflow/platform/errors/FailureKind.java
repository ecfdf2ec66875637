package dev.newsflow.platform.errors;

import dev.newsflow.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * The one rule for whether trying again can help, for schema-registry answers, HTTP answers and what kills a
 * stream thread. What the caller then does is its own: a task retries a retriable failure; a fatal one is
 * configuration or a contract, so a service stops and says so (a subject that is not registered, a denied
 * credential), a webhook is suspended, and an input record that names an unknown schema is dead-lettered.
 */
public enum FailureKind {
    /** The other side is unreachable, slow, overloaded or says "later": the same call may succeed. */
    RETRIABLE,
    /** The same call will fail the same way until someone changes something. */
    FATAL;

    /**
     * An HTTP status (0 = no answer at all): no answer, 408 Request Timeout, 425 Too Early, 429 Too Many Requests
     * and every 5xx are retriable; any other 4xx (and a 3xx where redirects are not followed) is fatal.
     */
    public static FailureKind ofHttpStatus(int status) {
        if (status == 0 || status == 408 || status == 425 || status == 429 || status >= 500) {
            return RETRIABLE;
        }
        return FATAL;
    }

    /**
     * A failure as a whole, by the first cause that decides: a schema-registry error by its HTTP status (so 40401
     * "subject not found" and 409 "incompatible" are fatal, an unreachable registry is retriable); Kafka's
     * configuration, authentication and authorisation errors are fatal; I/O errors and anything else retriable
     * (a stream thread dying of an unknown error is replaced, within a budget: see
     * {@code StreamThreadFailurePolicy}).
     */
    public static FailureKind of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SchemaRegistryException registry) {
                return ofHttpStatus(registry.httpStatus());
            }
            if (cause instanceof ConfigException || cause instanceof AuthenticationException
                    || cause instanceof AuthorizationException) {
                return FATAL;
            }
            if (cause instanceof IOException) {
                return RETRIABLE;
            }
        }
        return RETRIABLE;
    }

    /** The schema-registry error in a failure's cause chain, if there is one. */
    public static Optional<SchemaRegistryException> registryCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SchemaRegistryException registry) {
                return Optional.of(registry);
            }
        }
        return Optional.empty();
    }
}
