package dev.newsflow.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.platform.errors.ConflictException;
import dev.newsflow.platform.errors.InvalidInputException;
import dev.newsflow.platform.errors.MalformedInputException;
import dev.newsflow.platform.errors.NotFoundException;
import dev.newsflow.platform.errors.UnavailableException;
import org.junit.jupiter.api.Test;

class ProblemMappingTest {
    private static final class InvalidWidgetException extends InvalidInputException {
        private static final long serialVersionUID = 1L;

        InvalidWidgetException(String field, String detail) {
            super(field, detail);
        }
    }

    private final ProblemMapping standard = ProblemMapping.standard("test", 7).build();

    @Test
    void mapsThePlatformsDomainExceptionsToStatusesNamingTheField() {
        assertThat(standard.problemFor(new MalformedInputException("body", "not JSON")))
                .extracting(Problem::status, Problem::reason, Problem::field)
                .containsExactly(400, "malformed-request", "body");
        assertThat(standard.problemFor(new InvalidInputException("feeds[0].title", "title is required")))
                .extracting(Problem::status, Problem::reason, Problem::field)
                .containsExactly(422, "invalid-input", "feeds[0].title");
        assertThat(standard.problemFor(new NotFoundException("no partner 'x'")).status()).isEqualTo(404);
        assertThat(standard.problemFor(new ConflictException("partnerId", "taken")))
                .extracting(Problem::status, Problem::field).containsExactly(409, "partnerId");
        Problem unavailable = standard.problemFor(new UnavailableException("Kafka is away"));
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.headers()).containsEntry("Retry-After", "7");
    }

    @Test
    void theMostSpecificMappingWinsAndSubclassesInheritTheirParentsMapping() {
        ProblemMapping own = ProblemMapping.standard("test", 1)
                .map(InvalidWidgetException.class, e -> Problem.of(422, "invalid-widget", "Bad widget", e.getMessage(),
                        e.field()))
                .build();
        assertThat(own.problemFor(new InvalidWidgetException("size", "too big")).reason()).isEqualTo("invalid-widget");
        assertThat(standard.problemFor(new InvalidWidgetException("size", "too big")).reason())
                .isEqualTo("invalid-input");
    }

    @Test
    void anEdgeProblemIsAnsweredAsItIsAndAnythingElseIsA500ThatShowsNoInternals() {
        Problem unauthorized = Problem.of(401, "unauthorized", "Unauthorized", "token required", "Authorization");
        assertThat(standard.problemFor(new ProblemException(unauthorized))).isSameAs(unauthorized);
        Problem internal = standard.problemFor(new IllegalStateException("secret internals"));
        assertThat(internal.status()).isEqualTo(500);
        assertThat(internal.detail()).doesNotContain("secret");
    }

    @Test
    void theDocumentIsRfc9457WithOneTypeScheme() {
        JsonNode body = Problem.of(422, "invalid-input", "The input is invalid", "title is required", "title")
                .toJson("/v1/partners");
        assertThat(body.path("type").asText()).isEqualTo("urn:newsflow:problem:invalid-input");
        assertThat(body.path("title").asText()).isEqualTo("The input is invalid");
        assertThat(body.path("status").asInt()).isEqualTo(422);
        assertThat(body.path("detail").asText()).isEqualTo("title is required");
        assertThat(body.path("instance").asText()).isEqualTo("/v1/partners");
        assertThat(body.path("field").asText()).isEqualTo("title");
        assertThat(Problem.of(404, "not-found", "Not found", null, null).toJson(null).has("instance")).isFalse();
    }
}
