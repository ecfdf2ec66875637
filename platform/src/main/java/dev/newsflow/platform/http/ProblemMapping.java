package dev.newsflow.platform.http;

import dev.newsflow.platform.errors.ConflictException;
import dev.newsflow.platform.errors.InvalidInputException;
import dev.newsflow.platform.errors.MalformedInputException;
import dev.newsflow.platform.errors.NotFoundException;
import dev.newsflow.platform.errors.UnavailableException;
import io.javalin.config.JavalinConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a service turns exceptions into problems: domain exceptions by class (the most specific mapping
 * wins, so a service can give its own subclass a reason and title of its own), {@link ProblemException} as it
 * says, anything else 500 with the cause logged and not shown. Every service starts from {@link #standard} for
 * the platform's domain exceptions.
 */
public final class ProblemMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapping.class);

    private final Map<Class<? extends Throwable>, Function<Throwable, Problem>> byClass;
    private final String service;

    private ProblemMapping(String service, Map<Class<? extends Throwable>, Function<Throwable, Problem>> byClass) {
        this.service = service;
        this.byClass = Map.copyOf(byClass);
    }

    /**
     * The platform's domain exceptions: malformed 400, invalid 422 (both naming the field), not found 404,
     * conflict 409, unavailable 503 with {@code Retry-After: retryAfterSeconds}.
     */
    public static Builder standard(String service, int retryAfterSeconds) {
        return new Builder(service)
                .map(InvalidInputException.class, e -> Problem.of(422, "invalid-input", "The input is invalid",
                        e.getMessage(), e.field()))
                .map(MalformedInputException.class, e -> Problem.of(400, "malformed-request",
                        "The request cannot be read", e.getMessage(), e.field()))
                .map(NotFoundException.class, e -> Problem.of(404, "not-found", "Not found", e.getMessage(), null))
                .map(ConflictException.class, e -> Problem.of(409, "conflict", "Conflict", e.getMessage(), e.field()))
                .map(UnavailableException.class, e -> Problem.of(503, "unavailable", "Service unavailable",
                                e.getMessage() + "; retry later", null)
                        .withHeader("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    /** The problem for a failure: its own mapping, its nearest mapped superclass's, or 500. */
    public Problem problemFor(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return problem.problem();
        }
        for (Class<?> type = failure.getClass(); type != null && Throwable.class.isAssignableFrom(type);
             type = type.getSuperclass()) {
            Function<Throwable, Problem> mapping = byClass.get(type);
            if (mapping != null) {
                Problem problem = mapping.apply(failure);
                if (problem.status() >= 500) {
                    LOG.warn("{} answered {}: {}", service, problem.status(), failure.toString());
                }
                return problem;
            }
        }
        LOG.error("unexpected failure while {} handled a request", service, failure);
        return Problem.of(500, "internal-error", "Internal error",
                "the request failed unexpectedly; nothing was changed", null);
    }

    /** Answers every exception a route throws with its problem. */
    public void install(JavalinConfig config) {
        config.routes.exception(Exception.class, (e, ctx) -> problemFor(e).writeTo(ctx));
    }

    /** Mappings by class, added in any order. */
    public static final class Builder {
        private final String service;
        private final Map<Class<? extends Throwable>, Function<Throwable, Problem>> byClass = new LinkedHashMap<>();

        private Builder(String service) {
            this.service = service;
        }

        public <E extends Throwable> Builder map(Class<E> type, Function<? super E, Problem> mapping) {
            byClass.put(type, failure -> mapping.apply(type.cast(failure)));
            return this;
        }

        public ProblemMapping build() {
            return new ProblemMapping(service, byClass);
        }
    }
}
