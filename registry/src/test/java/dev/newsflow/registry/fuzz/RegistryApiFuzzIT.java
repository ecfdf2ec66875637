package dev.newsflow.registry.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.registry.EmbeddedSchemaRegistry;
import dev.newsflow.testing.TestKafka;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing of the embedded schema registry's REST API over real HTTP, {@code jqwik.tries.default} requests (10,000 in
 * {@code mvn verify}): any method on any of its paths, with subjects, ids and versions that are not what they should
 * be, and bodies from valid Avro to broken JSON. Never a 5xx; every refusal is Confluent's error JSON
 * ({@code error_code}, {@code message}). The registry has its own store topic, so that global settings the fuzz
 * changes reach no other test.
 */
class RegistryApiFuzzIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String V1 = "application/vnd.schemaregistry.v1+json";
    private static EmbeddedSchemaRegistry registry;

    @BeforeContainer
    static void start() {
        registry = EmbeddedSchemaRegistry.start(TestKafka.get().bootstrapServers(), TestKafka.unique("_fuzz-schemas"),
                "127.0.0.1", 0);
    }

    @AfterContainer
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    /** One request and what the registry answered. */
    record Call(String method, String path, String body) {
    }

    @Property
    void noRequestGetsA5xxAndEveryRefusalIsConfluentsErrorJson(@ForAll("calls") Call call) throws Exception {
        HttpRequest.BodyPublisher body = call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry.url() + call.path()))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", V1).header("Accept", V1)
                .method(call.method(), body).build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException stale) {
            // A kept-alive connection the server had just closed (after a "Connection: close" error answer): the
            // client's race, not an answer. Once more on a new connection; a second failure is the server's.
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }

        int status = response.statusCode();
        assertThat(status).as("%s %s %s -> %s", call.method(), call.path(), call.body(), response.body())
                .isLessThan(500);
        Statistics.collect(status / 100 + "xx");
        if (status >= 400 && status != 405) {
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.path("error_code").isInt()).as(response.body()).isTrue();
            assertThat(error.path("message").asText()).as(response.body()).isNotBlank();
        } else if (status == 200) {
            JSON.readTree(response.body());
        }
        Statistics.coverage(coverage -> {
            coverage.check("2xx").percentage(p -> p >= 2);
            coverage.check("4xx").percentage(p -> p >= 5);
        });
    }

    @Provide
    Arbitrary<Call> calls() {
        Arbitrary<String> method = Arbitraries.of("GET", "GET", "GET", "POST", "POST", "PUT", "DELETE", "PATCH");
        return Combinators.combine(method, paths(), bodies()).as(Call::new);
    }

    private static Arbitrary<String> paths() {
        Arbitrary<String> subject = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("fuzz-a-value", "fuzz-b-value", "fuzz-c-key")),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(12).map(RegistryApiFuzzIT::encode)),
                Tuple.of(1, Arbitraries.of("%00", "..", "%2F", "%252F", "a%20b", "%C3%A9", "%FF")));
        Arbitrary<String> version = Arbitraries.oneOf(Arbitraries.of("latest", "-1", "0", "1", "2", "x", "1.5",
                "99999999999", "%00"), Arbitraries.integers().map(String::valueOf));
        Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.integers().between(-2, 20).map(String::valueOf),
                Arbitraries.of("x", "1e3", "99999999999", "%20"));
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("/subjects/fuzz-a-value/versions", "/subjects/fuzz-b-value/versions",
                        "/subjects/fuzz-a-value/versions/latest", "/schemas/ids/1", "/config/fuzz-a-value")),
                Tuple.of(2, Arbitraries.of("/", "/schemas", "/schemas/types", "/subjects", "/config", "/mode", "/nothing/here",
                        "/subjects?deleted=true", "/schemas?subjectPrefix=fuzz")),
                Tuple.of(1, subject.map(s -> "/subjects/" + s)),
                Tuple.of(2, subject.map(s -> "/subjects/" + s + "/versions")),
                Tuple.of(1, Combinators.combine(subject, version).as((s, v) -> "/subjects/" + s + "/versions/" + v)),
                Tuple.of(1, Combinators.combine(subject, version)
                        .as((s, v) -> "/subjects/" + s + "/versions/" + v + "/schema")),
                Tuple.of(1, Combinators.combine(subject, version)
                        .as((s, v) -> "/subjects/" + s + "/versions/" + v + "/referencedby")),
                Tuple.of(1, Combinators.combine(subject, version)
                        .as((s, v) -> "/compatibility/subjects/" + s + "/versions/" + v)),
                Tuple.of(1, subject.map(s -> "/compatibility/subjects/" + s + "/versions")),
                Tuple.of(1, subject.map(s -> "/config/" + s)),
                Tuple.of(1, subject.map(s -> "/mode/" + s)),
                Tuple.of(1, id.map(i -> "/schemas/ids/" + i)),
                Tuple.of(1, id.map(i -> "/schemas/ids/" + i + "/schema")),
                Tuple.of(1, id.map(i -> "/schemas/ids/" + i + "/subjects")),
                Tuple.of(1, id.map(i -> "/schemas/ids/" + i + "/versions")));
    }

    private static Arbitrary<String> bodies() {
        Arbitrary<String> fieldType = Arbitraries.of("\"string\"", "\"int\"", "\"long\"", "[\"null\",\"string\"]",
                "\"nothing\"", "{\"type\":\"array\",\"items\":\"string\"}", "\"Person\"", "{}");
        Arbitrary<String> fieldName = Arbitraries.oneOf(Arbitraries.of("name", "age", "email", "1bad", "", "name"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6));
        Arbitrary<String> field = Combinators.combine(fieldName, fieldType, Arbitraries.of("", ",\"default\":null",
                ",\"default\":0", ",\"default\":\"x\"")).as((n, t, d) -> "{\"name\":\"" + n + "\",\"type\":" + t + d + "}");
        Arbitrary<String> avro = Combinators.combine(Arbitraries.of("Person", "Other", "bad name", ""),
                        field.list().ofMaxSize(3))
                .as((name, fields) -> "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"fuzz\","
                        + "\"fields\":[" + String.join(",", fields) + "]}");
        Arbitrary<String> schemaBody = Combinators.combine(Arbitraries.oneOf(avro, Arbitraries.of("\"string\"",
                        "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"A\"]}", "not json", "")),
                Arbitraries.of("", ",\"schemaType\":\"AVRO\"", ",\"schemaType\":\"PROTOBUF\"", ",\"schemaType\":7",
                        ",\"references\":[{\"name\":\"x\",\"subject\":\"fuzz-a-value\",\"version\":1}]",
                        ",\"references\":\"x\""))
                .as((schema, more) -> "{\"schema\":" + JSON.getNodeFactory().textNode(schema) + more + "}");
        return Arbitraries.frequencyOf(
                Tuple.of(5, schemaBody),
                Tuple.of(2, Arbitraries.of("BACKWARD", "FORWARD", "FULL", "NONE", "BACKWARD_TRANSITIVE", "bogus", "")
                        .map(level -> "{\"compatibility\":\"" + level + "\"}")),
                Tuple.of(1, Arbitraries.of("READWRITE", "READONLY", "IMPORT", "x").map(m -> "{\"mode\":\"" + m + "\"}")),
                Tuple.of(2, Arbitraries.of("", "{}", "[]", "null", "{\"schema\":null}", "{\"schema\":1}", "{",
                        "{\"schema\":\"" + "[".repeat(5000) + "\"}", "[".repeat(3000), "\u0000", "{\"schema\":{}}")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(40)))
                .injectNull(0.08);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
