package dev.newsflow.registry;

import static dev.newsflow.registry.RegistryHttp.encode;
import static dev.newsflow.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.registry.RegistryHttp.Answer;
import dev.newsflow.testing.TestKafka;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The REST API of the shared test registry, field by field and error code by error code, as Confluent's. */
class EmbeddedSchemaRegistryApiIT {
    static final String V1 = "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"test\","
            + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";
    /** V1 plus a field with a default: BACKWARD and FORWARD compatible with V1. */
    static final String V2 = "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"test\",\"fields\":["
            + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\",\"default\":0}]}";
    /** V1 plus a field without a default: not BACKWARD compatible (cannot read V1 data). */
    static final String V3_NO_DEFAULT = "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"test\",\"fields\":["
            + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"email\",\"type\":\"string\"}]}";

    private final RegistryHttp http = new RegistryHttp(TestKafka.get().schemaRegistryUrl());

    private static String subject() {
        return TestKafka.unique("api") + "-value";
    }

    @Test
    void registeringIsIdempotentAndTheSameSchemaGetsTheSameIdInEverySubject() {
        String subject = subject();
        Answer first = http.post("/subjects/" + subject + "/versions", schemaBody(V1));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith(RegistryHttp.V1);
        int id = first.json().get("id").asInt();
        assertThat(first.json().size()).as("a classic server answers {\"id\": N} only").isEqualTo(1);

        String reformatted = "{ \"namespace\" : \"test\", \"name\":\"Person\",\n \"type\":\"record\", "
                + "\"fields\": [ {\"type\":\"string\", \"name\":\"name\"} ] }";
        assertThat(http.post("/subjects/" + subject + "/versions", schemaBody(reformatted)).json().get("id").asInt())
                .as("whitespace and attribute order do not make a new schema").isEqualTo(id);
        assertThat(http.get("/subjects/" + subject + "/versions").json().toString()).isEqualTo("[1]");

        String other = subject();
        assertThat(http.post("/subjects/" + other + "/versions", schemaBody(V1)).json().get("id").asInt()).isEqualTo(id);
    }

    @Test
    void versionsLatestLookupAndSchemaOnlyVariantsAnswerWithConfluentsFields() {
        String subject = subject();
        int id1 = http.post("/subjects/" + subject + "/versions", schemaBody(V1)).json().get("id").asInt();
        int id2 = http.post("/subjects/" + subject + "/versions", schemaBody(V2)).json().get("id").asInt();
        assertThat(id2).isGreaterThan(id1);

        JsonNode latest = http.get("/subjects/" + subject + "/versions/latest").json();
        assertThat(latest.get("subject").asText()).isEqualTo(subject);
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("id").asInt()).isEqualTo(id2);
        assertThat(new Schema.Parser().parse(latest.get("schema").asText())).isEqualTo(new Schema.Parser().parse(V2));
        assertThat(latest.has("schemaType")).as("AVRO is implied, as in Confluent's answers").isFalse();
        assertThat(http.get("/subjects/" + subject + "/versions/LATEST").json().get("version").asInt()).isEqualTo(2);
        assertThat(http.get("/subjects/" + subject + "/versions/-1").json().get("version").asInt()).isEqualTo(2);
        assertThat(http.get("/subjects/" + subject + "/versions/1").json().get("id").asInt()).isEqualTo(id1);

        Answer schemaOnly = http.get("/subjects/" + subject + "/versions/1/schema");
        assertThat(new Schema.Parser().parse(schemaOnly.body())).isEqualTo(new Schema.Parser().parse(V1));
        assertThat(new Schema.Parser().parse(http.get("/schemas/ids/" + id2 + "/schema").body()))
                .isEqualTo(new Schema.Parser().parse(V2));
        JsonNode byId = http.get("/schemas/ids/" + id1).json();
        assertThat(byId.fieldNames()).toIterable().containsExactly("schema");
        assertThat(http.get("/schemas/ids/" + id1 + "?fetchMaxId=true").json().get("maxId").asInt())
                .isGreaterThanOrEqualTo(id2);
        assertThat(http.get("/schemas/ids/" + id1 + "/subjects").json().toString()).contains("\"" + subject + "\"");
        assertThat(http.get("/schemas/ids/" + id1 + "/versions").json().toString())
                .contains("{\"subject\":\"" + subject + "\",\"version\":1}");

        JsonNode found = http.post("/subjects/" + subject, schemaBody(V1)).json();
        assertThat(found.get("subject").asText()).isEqualTo(subject);
        assertThat(found.get("version").asInt()).isEqualTo(1);
        assertThat(found.get("id").asInt()).isEqualTo(id1);
        assertThat(found.get("schema").asText()).isNotBlank();

        assertThat(http.get("/subjects").json().toString()).contains("\"" + subject + "\"");
        assertThat(http.get("/subjects?subjectPrefix=" + subject).json().toString()).isEqualTo("[\"" + subject + "\"]");
        assertThat(http.get("/schemas/types").json().toString()).isEqualTo("[\"AVRO\"]");
        assertThat(http.get("/").json().toString()).isEqualTo("{}");
        assertThat(http.get("/mode").json().get("mode").asText()).isEqualTo("READWRITE");
    }

    @Test
    void aSubjectNameNeedingEscapesWorksWhenUrlEncoded() {
        String subject = "odd subject/" + TestKafka.unique("enc") + "+x";
        assertThat(http.post("/subjects/" + encode(subject) + "/versions", schemaBody(V1)).status()).isEqualTo(200);
        assertThat(http.get("/subjects/" + encode(subject) + "/versions/1").json().get("subject").asText())
                .isEqualTo(subject);
    }

    @Test
    void errorsCarryConfluentsCodesAndShape() {
        String subject = subject();
        Answer noSubject = http.get("/subjects/" + subject + "/versions/1");
        assertThat(noSubject.status()).isEqualTo(404);
        assertThat(noSubject.contentType()).startsWith(RegistryHttp.V1);
        assertThat(noSubject.errorCode()).isEqualTo(40401);
        assertThat(noSubject.json().get("message").asText()).isEqualTo("Subject '" + subject + "' not found.");
        assertThat(http.get("/subjects/" + subject + "/versions").errorCode()).isEqualTo(40401);
        assertThat(http.post("/subjects/" + subject, schemaBody(V1)).errorCode()).isEqualTo(40401);

        http.post("/subjects/" + subject + "/versions", schemaBody(V1));
        Answer noVersion = http.get("/subjects/" + subject + "/versions/7");
        assertThat(noVersion.status()).isEqualTo(404);
        assertThat(noVersion.errorCode()).isEqualTo(40402);
        Answer notRegistered = http.post("/subjects/" + subject, schemaBody(V2));
        assertThat(notRegistered.status()).isEqualTo(404);
        assertThat(notRegistered.errorCode()).isEqualTo(40403);
        assertThat(http.get("/schemas/ids/987654").errorCode()).isEqualTo(40403);
        assertThat(http.get("/config/" + subject).errorCode()).isEqualTo(40408);

        for (String bad : new String[] {"0", "-2", "x", "1.5"}) {
            Answer invalid = http.get("/subjects/" + subject + "/versions/" + bad);
            assertThat(invalid.status()).as(bad).isEqualTo(422);
            assertThat(invalid.errorCode()).as(bad).isEqualTo(42202);
        }
        Answer badSchema = http.post("/subjects/" + subject + "/versions", schemaBody("{\"type\":\"recrod\"}"));
        assertThat(badSchema.status()).isEqualTo(422);
        assertThat(badSchema.errorCode()).isEqualTo(42201);
        Answer badDefault = http.post("/subjects/" + subject + "/versions", schemaBody("{\"type\":\"record\","
                + "\"name\":\"B\",\"fields\":[{\"name\":\"n\",\"type\":\"int\",\"default\":\"x\"}]}"));
        assertThat(badDefault.errorCode()).isEqualTo(42201);
        Answer json = http.post("/subjects/" + subject + "/versions",
                "{\"schema\":\"{\\\"type\\\":\\\"string\\\"}\",\"schemaType\":\"JSON\"}");
        assertThat(json.errorCode()).isEqualTo(42201);
        Answer badLevel = http.put("/config/" + subject, "{\"compatibility\":\"SIDEWAYS\"}");
        assertThat(badLevel.status()).isEqualTo(422);
        assertThat(badLevel.errorCode()).isEqualTo(42203);

        Answer incompatible = http.post("/subjects/" + subject + "/versions", schemaBody(V3_NO_DEFAULT));
        assertThat(incompatible.status()).isEqualTo(409);
        assertThat(incompatible.errorCode()).isEqualTo(409);
        assertThat(incompatible.json().get("message").asText()).contains("incompatible").contains("email");

        Answer unknownPath = http.get("/nothing/here");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.errorCode()).isEqualTo(404);
        assertThat(http.post("/subjects/" + subject + "/versions", "not json").status()).isEqualTo(400);
    }

    @Test
    void answersInPlainJsonToAClientThatAcceptsOnlyThatAndTakesEveryConfluentRequestType() {
        String subject = subject();
        for (String type : new String[] {"application/json", "application/vnd.schemaregistry+json",
                RegistryHttp.V1, "application/octet-stream"}) {
            assertThat(http.send("POST", "/subjects/" + subject + "/versions", schemaBody(V1), "application/json", type)
                    .status()).as(type).isEqualTo(200);
        }
        Answer plain = http.send("GET", "/subjects/" + subject + "/versions", null, "application/json", null);
        assertThat(plain.contentType()).startsWith("application/json");
        assertThat(http.send("POST", "/subjects/" + subject + "/versions", schemaBody(V1), RegistryHttp.V1,
                "text/plain").status()).isEqualTo(415);
    }

    @Test
    void softThenPermanentDeleteOfVersionsAndSubjects() {
        String subject = subject();
        int id1 = http.post("/subjects/" + subject + "/versions", schemaBody(V1)).json().get("id").asInt();
        http.post("/subjects/" + subject + "/versions", schemaBody(V2));

        Answer notSoftDeleted = http.delete("/subjects/" + subject + "/versions/1?permanent=true");
        assertThat(notSoftDeleted.status()).isEqualTo(404);
        assertThat(notSoftDeleted.errorCode()).isEqualTo(40407);
        assertThat(http.delete("/subjects/" + subject + "/versions/1").body()).isEqualTo("1");
        assertThat(http.delete("/subjects/" + subject + "/versions/1").errorCode()).isEqualTo(40406);
        assertThat(http.get("/subjects/" + subject + "/versions").json().toString()).isEqualTo("[2]");
        assertThat(http.get("/subjects/" + subject + "/versions?deleted=true").json().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/" + subject + "/versions/1").errorCode()).isEqualTo(40402);
        assertThat(http.get("/subjects/" + subject + "/versions/1?deleted=true").json().get("deleted").asBoolean())
                .isTrue();
        assertThat(http.get("/schemas/ids/" + id1).status()).as("soft-deleted schemas stay readable by id")
                .isEqualTo(200);
        assertThat(http.delete("/subjects/" + subject + "/versions/1?permanent=true").body()).isEqualTo("1");
        assertThat(http.get("/subjects/" + subject + "/versions?deleted=true").json().toString()).isEqualTo("[2]");

        assertThat(http.delete("/subjects/" + subject + "?permanent=true").errorCode()).isEqualTo(40405);
        assertThat(http.delete("/subjects/" + subject).json().toString()).isEqualTo("[2]");
        assertThat(http.delete("/subjects/" + subject).errorCode()).isEqualTo(40404);
        assertThat(http.get("/subjects").json().toString()).doesNotContain("\"" + subject + "\"");
        assertThat(http.get("/subjects?deleted=true").json().toString()).contains("\"" + subject + "\"");
        assertThat(http.get("/subjects/" + subject + "/versions").errorCode()).isEqualTo(40401);
        assertThat(http.delete("/subjects/" + subject + "?permanent=true").json().toString()).isEqualTo("[2]");
        assertThat(http.get("/subjects?deleted=true").json().toString()).doesNotContain("\"" + subject + "\"");
        assertThat(http.delete("/subjects/" + subject).errorCode()).isEqualTo(40401);

        int again = http.post("/subjects/" + subject + "/versions", schemaBody(V3_NO_DEFAULT)).json().get("id").asInt();
        assertThat(again).as("a new schema never gets an old id").isGreaterThan(id1);
        assertThat(http.get("/subjects/" + subject + "/versions").json().toString()).isEqualTo("[1]");
    }

    @Test
    void compatibilityTestsAnswerWithAndWithoutMessages() {
        String subject = subject();
        http.post("/subjects/" + subject + "/versions", schemaBody(V1));
        JsonNode ok = http.post("/compatibility/subjects/" + subject + "/versions/latest", schemaBody(V2)).json();
        assertThat(ok.toString()).isEqualTo("{\"is_compatible\":true}");
        JsonNode bad = http.post("/compatibility/subjects/" + subject + "/versions/1", schemaBody(V3_NO_DEFAULT)).json();
        assertThat(bad.toString()).isEqualTo("{\"is_compatible\":false}");
        JsonNode verbose = http.post("/compatibility/subjects/" + subject + "/versions/latest?verbose=true",
                schemaBody(V3_NO_DEFAULT)).json();
        assertThat(verbose.get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.get("messages").toString())
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("email").contains("/fields/1");
        assertThat(http.post("/compatibility/subjects/" + subject + "/versions", schemaBody(V2)).json()
                .get("is_compatible").asBoolean()).isTrue();
        assertThat(http.post("/compatibility/subjects/" + subject + "/versions/9", schemaBody(V2)).errorCode())
                .isEqualTo(40402);
        assertThat(http.post("/compatibility/subjects/" + subject() + "/versions/latest", schemaBody(V2)).errorCode())
                .isEqualTo(40401);

        assertThat(http.put("/config/" + subject, "{\"compatibility\":\"FORWARD\"}").json().toString())
                .isEqualTo("{\"compatibility\":\"FORWARD\"}");
        assertThat(http.post("/compatibility/subjects/" + subject + "/versions/latest", schemaBody(V3_NO_DEFAULT))
                .json().get("is_compatible").asBoolean()).as("adding a field is FORWARD compatible").isTrue();
    }

    @Test
    void subjectConfigIsWrittenAsCompatibilityAndReadAsCompatibilityLevel() {
        String subject = subject();
        assertThat(http.put("/config/" + subject, "{\"compatibility\":\"full_transitive\"}").json().toString())
                .isEqualTo("{\"compatibility\":\"FULL_TRANSITIVE\"}");
        assertThat(http.get("/config/" + subject).json().toString())
                .isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
        assertThat(http.get("/config/" + subject() + "?defaultToGlobal=true").json().get("compatibilityLevel")
                .asText()).isEqualTo(http.get("/config").json().get("compatibilityLevel").asText());
        assertThat(http.delete("/config/" + subject).json().toString())
                .isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
        assertThat(http.get("/config/" + subject).errorCode()).isEqualTo(40408);
        assertThat(http.get("/mode/" + subject).errorCode()).isEqualTo(40409);
        assertThat(http.put("/mode", "{\"mode\":\"READWRITE\"}").json().get("mode").asText()).isEqualTo("READWRITE");
        assertThat(http.put("/mode", "{\"mode\":\"IMPORT\"}").errorCode()).isEqualTo(42205);
        assertThat(http.put("/mode", "{\"mode\":\"SOMETIMES\"}").errorCode()).isEqualTo(42204);
    }
}
