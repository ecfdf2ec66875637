package dev.newsflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The OpenAPI check accepts a valid 3.1 document and names what is wrong with broken ones. */
class OpenApi31Test {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String VALID = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {"/a": {"get": {"operationId": "getA", "responses": {"200": {"description": "ok",
               "content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}}}}},
             "components": {"schemas": {"A": {"type": "object", "properties": {"n": {"type": "integer"}}}}}}
            """;

    @Test
    void aValidDocumentHasNoProblems() throws Exception {
        assertThat(OpenApi31.problems(JSON.readTree(VALID))).isEmpty();
    }

    @Test
    void brokenDocumentsAreNamed() throws Exception {
        JsonNode noInfo = JSON.readTree(VALID.replace("\"info\": {\"title\": \"t\", \"version\": \"1\"},", ""));
        assertThat(OpenApi31.problems(noInfo)).anySatisfy(p -> assertThat(p).startsWith("OpenAPI 3.1 schema").contains("info"));

        JsonNode version30 = JSON.readTree(VALID.replace("3.1.0", "3.0.3"));
        assertThat(OpenApi31.problems(version30)).anySatisfy(p -> assertThat(p).contains("openapi"));

        JsonNode badResponse = JSON.readTree(VALID.replace("{\"description\": \"ok\",", "{\"descripton\": \"ok\","));
        assertThat(OpenApi31.problems(badResponse)).isNotEmpty();

        JsonNode badSchema = JSON.readTree(VALID.replace("\"type\": \"integer\"", "\"type\": 7"));
        assertThat(OpenApi31.problems(badSchema)).anySatisfy(p -> assertThat(p).startsWith("Schema Object at "
                + "#/components/schemas/A"));

        JsonNode noId = JSON.readTree(VALID.replace("\"operationId\": \"getA\", ", ""));
        assertThat(OpenApi31.problems(noId)).containsExactly("GET /a has no operationId");

        JsonNode dangling = JSON.readTree(VALID.replace("#/components/schemas/A\"", "#/components/schemas/B\""));
        assertThat(OpenApi31.problems(dangling)).anySatisfy(p -> assertThat(p).contains("#/components/schemas/B"));
    }
}
