package dev.newsflow.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTest {
    @TempDir
    Path dir;

    @Test
    void keysInTheFileRotateWithoutARestart() throws Exception {
        Path file = dir.resolve("keys.txt");
        Files.writeString(file, "acme:first-key-111\n");
        try (ApiKeyStore store = ApiKeyStore.create(ApiKeys.parse(List.of("demo:demo-key-000"), "inline"), file, 100)) {
            assertThat(store.publisherFor("first-key-111")).contains("acme");
            assertThat(store.publisherFor("demo-key-000")).contains("demo");

            Files.writeString(file, "acme:" + ApiKeys.hashedForm("second-key-222") + "\n");

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> store.publisherFor("second-key-222").isPresent());
            assertThat(store.publisherFor("first-key-111")).isEmpty();
            assertThat(store.publisherFor("demo-key-000")).contains("demo");
        }
    }

    @Test
    void aBrokenFileKeepsTheLastGoodKeys() throws Exception {
        Path file = dir.resolve("keys.txt");
        Files.writeString(file, "acme:first-key-111\n");
        try (ApiKeyStore store = ApiKeyStore.create(ApiKeys.empty(), file, 60_000)) {
            Files.writeString(file, "this line is not an entry\n");
            store.reloadIfChanged();
            assertThat(store.publisherFor("first-key-111")).contains("acme");
        }
    }
}
