package dev.newsflow.platform.http;

import dev.newsflow.platform.errors.ConflictException;
import dev.newsflow.platform.errors.InvalidInputException;
import dev.newsflow.platform.errors.MalformedInputException;
import dev.newsflow.platform.errors.NotFoundException;
import dev.newsflow.platform.errors.UnavailableException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import org.eclipse.jetty.http.HttpStatus;
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
        if (failure instanceof HttpResponseException http && !byClass.containsKey(failure.getClass())) {
            return httpProblem(http);
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

    /**
     * Makes the errors no route answers problems too, on every service ({@link ServiceEndpoints} installs it): a
     * path no route serves (404), a method the path does not take (405 with {@code Allow}), what Javalin refuses
     * (e.g. a body over its size limit, 413), and what Jetty refuses before routing (431, 414, 400).
     */
    public static void installEdge(JavalinConfig config) {
        config.http.prefer405over404 = true;
        config.routes.exception(HttpResponseException.class, (e, ctx) -> httpProblem(e).writeTo(ctx));
        config.routes.error(404, ctx -> {
            // A route's own 404 is already a problem; only "no route here" is answered here.
            String contentType = ctx.res().getContentType();
            if (contentType == null || !contentType.startsWith(Problem.CONTENT_TYPE)) {
                Problem.of(404, "not-found", "Not found", "nothing is served at " + ctx.method() + " "
                        + cut(ctx.path(), 200), null).writeTo(ctx);
            }
        });
        config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
    }

    /** Javalin's own refusals: its status, and for 405 the methods the path takes. */
    private static Problem httpProblem(HttpResponseException http) {
        int status = http.getStatus();
        String reason = HttpStatus.getMessage(status);
        Problem problem = Problem.of(status, reasonFor(status), reason == null ? "HTTP " + status : reason,
                http.getMessage() == null || http.getMessage().isBlank() ? reason : http.getMessage(), null);
        if (http instanceof MethodNotAllowedResponse && !http.getDetails().isEmpty()) {
            String allowed = String.join(", ", http.getDetails().values());
            problem = Problem.of(status, reasonFor(status), "Method not allowed", "this path takes " + allowed, null)
                    .withHeader("Allow", allowed);
        }
        return problem;
    }

    /** The short word a status's problems are typed and counted by. */
    static String reasonFor(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "header-too-large";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
    }

    static String cut(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars) + "\u2026";
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
