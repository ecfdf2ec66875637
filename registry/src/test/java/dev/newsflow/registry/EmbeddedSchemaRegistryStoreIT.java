package dev.newsflow.registry;

import static dev.newsflow.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.testing.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** What the {@code _schemas} topic gives: restarts, second instances and concurrent writers agree. */
class EmbeddedSchemaRegistryStoreIT {
    private final TestKafka kafka = TestKafka.get();

    private static String schema(String name, String... fields) {
        StringBuilder json = new StringBuilder("{\"type\":\"record\",\"name\":\"" + name
                + "\",\"namespace\":\"store.test\",\"fields\":[");
        for (int i = 0; i < fields.length; i++) {
            json.append(i > 0 ? "," : "").append("{\"name\":\"").append(fields[i])
                    .append("\",\"type\":\"string\",\"default\":\"\"}");
        }
        return json.append("]}").toString();
    }

    private EmbeddedSchemaRegistry startOn(String topic) {
        return EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), topic, "127.0.0.1", 0);
    }

    @Test
    void theStoreTopicIsCreatedCompactedWithOnePartition() throws Exception {
        String topic = TestKafka.unique("_schemas-created");
        try (EmbeddedSchemaRegistry ignored = startOn(topic);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()).hasSize(1);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void aRestartedRegistryServesTheSameSubjectsVersionsIdsAndConfigAndNeverReusesAnId() {
        String topic = TestKafka.unique("_schemas-restart");
        String a = schema("A", "one");
        String a2 = schema("A", "one", "two");
        String b = schema("B", "one");
        String before;
        int highestId;
        try (EmbeddedSchemaRegistry first = startOn(topic)) {
            RegistryHttp http = new RegistryHttp(first.url());
            http.post("/subjects/s1/versions", schemaBody(a));
            http.post("/subjects/s1/versions", schemaBody(a2));
            http.post("/subjects/s2/versions", schemaBody(a));
            highestId = http.post("/subjects/s3/versions", schemaBody(b)).json().get("id").asInt();
            http.put("/config/s1", "{\"compatibility\":\"FULL\"}");
            http.put("/config", "{\"compatibility\":\"NONE\"}");
            http.delete("/subjects/s1/versions/1");
            http.delete("/subjects/s3");
            http.delete("/subjects/s3?permanent=true");
            before = snapshot(http);
        }
        try (EmbeddedSchemaRegistry second = startOn(topic)) {
            RegistryHttp http = new RegistryHttp(second.url());
            assertThat(snapshot(http)).isEqualTo(before);
            int next = http.post("/subjects/s4/versions", schemaBody(schema("C", "one"))).json().get("id").asInt();
            assertThat(next).as("the id of a permanently deleted schema is not handed out again")
                    .isGreaterThan(highestId);
        }
    }

    private static String snapshot(RegistryHttp http) {
        return String.join("\n",
                http.get("/subjects").body(),
                http.get("/subjects?deleted=true").body(),
                http.get("/subjects/s1/versions?deleted=true").body(),
                http.get("/subjects/s1/versions/1?deleted=true").body(),
                http.get("/subjects/s1/versions/2").body(),
                http.get("/subjects/s2/versions/latest").body(),
                http.get("/subjects/s3/versions").body(),
                http.get("/config/s1").body(),
                http.get("/config").body());
    }

    @Test
    void concurrentRegistrationsOfOneSchemaThroughTwoInstancesGetOneIdAndOneVersion() throws Exception {
        String topic = TestKafka.unique("_schemas-concurrent");
        try (EmbeddedSchemaRegistry one = startOn(topic); EmbeddedSchemaRegistry two = startOn(topic)) {
            List<RegistryHttp> instances = List.of(new RegistryHttp(one.url()), new RegistryHttp(two.url()));
            String same = schema("Same", "one");
            Set<Integer> ids = registerConcurrently(instances, 12, i -> "shared-value", i -> same);
            assertThat(ids).hasSize(1);
            // Each instance reads the other's writes from the topic: reads across instances are eventually consistent.
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                for (RegistryHttp http : instances) {
                    assertThat(http.get("/subjects/shared-value/versions").body()).isEqualTo("[1]");
                }
            });
        }
    }

    @Test
    void concurrentRegistrationsOfDifferentSchemasThroughTwoInstancesGetDistinctIdsThatSurviveARestart()
            throws Exception {
        String topic = TestKafka.unique("_schemas-race");
        String answers;
        Set<Integer> ids;
        try (EmbeddedSchemaRegistry one = startOn(topic); EmbeddedSchemaRegistry two = startOn(topic)) {
            List<RegistryHttp> instances = List.of(new RegistryHttp(one.url()), new RegistryHttp(two.url()));
            instances.get(0).put("/config", "{\"compatibility\":\"NONE\"}");
            ids = registerConcurrently(instances, 10, i -> "race-value", i -> schema("R" + i, "f"));
            assertThat(ids).hasSize(10);
            // A registration answered by one instance reaches the other through the topic, a moment later.
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                for (RegistryHttp http : instances) {
                    assertThat(http.get("/subjects/race-value/versions").body()).isEqualTo("[1,2,3,4,5,6,7,8,9,10]");
                }
                assertThat(instances.get(1).get("/schemas").body()).isEqualTo(instances.get(0).get("/schemas").body());
            });
            answers = instances.get(0).get("/schemas").body();
        }
        try (EmbeddedSchemaRegistry restarted = startOn(topic)) {
            assertThat(new RegistryHttp(restarted.url()).get("/schemas").body()).isEqualTo(answers);
        }
    }

    private static Set<Integer> registerConcurrently(List<RegistryHttp> instances, int count,
                                                     java.util.function.IntFunction<String> subject,
                                                     java.util.function.IntFunction<String> schema) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                calls.add(() -> {
                    RegistryHttp.Answer answer = instances.get(n % instances.size())
                            .post("/subjects/" + subject.apply(n) + "/versions", schemaBody(schema.apply(n)));
                    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                    return answer.json().get("id").asInt();
                });
            }
            Set<Integer> ids = new HashSet<>();
            for (Future<Integer> id : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
                ids.add(id.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }
}
