package dev.newsflow.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
    @Test
    void findsThePublisherOfAKeyGivenInClearOrHashed() {
        ApiKeys keys = ApiKeys.parse(List.of("acme:acme-secret-1", "# a comment", "", "news.co:" + ApiKeys.hashedForm("news-secret-2")),
                "test");
        assertThat(keys.publisherFor("acme-secret-1")).contains("acme");
        assertThat(keys.publisherFor("news-secret-2")).contains("news.co");
        assertThat(keys.publisherFor("acme-secret-")).isEmpty();
        assertThat(keys.publisherFor("")).isEmpty();
        assertThat(keys.publisherFor(null)).isEmpty();
    }

    @Test
    void aPublisherMayHoldTwoKeysWhileRotating() {
        ApiKeys keys = ApiKeys.parse(List.of("acme:old-key-123", "acme:new-key-456"), "test");
        assertThat(keys.publisherFor("old-key-123")).contains("acme");
        assertThat(keys.publisherFor("new-key-456")).contains("acme");
    }

    @Test
    void rejectsBadEntriesNamingWhere() {
        assertThatThrownBy(() -> ApiKeys.parse(List.of("no-colon"), "ingest.api.keys"))
                .hasMessageContaining("ingest.api.keys entry 1");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("Bad Publisher:key-12345"), "f")).hasMessageContaining("publisher id");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("acme:short"), "f")).hasMessageContaining("shorter than 8");
    }

    @Test
    void keysAreNotKeptInClear() {
        ApiKeys keys = ApiKeys.parse(List.of("acme:acme-secret-1"), "test");
        assertThat(keys.toString()).doesNotContain("acme-secret-1");
        assertThat(ApiKeys.hashedForm("acme-secret-1")).startsWith("sha256:").hasSize(7 + 64);
    }
}
