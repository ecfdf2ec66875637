package dev.newsflow.enrich.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.EntityType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {
    private static final KnowledgeBase KB = KnowledgeBase.load();

    @Test
    void countriesCarryTheirWikidataIds() {
        assertThat(KB.find(EntityType.PLACE, "Ukraine").wikidataId()).isEqualTo("Q212");
        assertThat(KB.find(EntityType.PLACE, "France").wikidataId()).isEqualTo("Q142");
        assertThat(KB.find(EntityType.PLACE, "United Kingdom").wikidataId()).isEqualTo("Q145");
        assertThat(KB.find(EntityType.PLACE, "Russia").wikidataId()).isEqualTo("Q159");
        assertThat(KB.find(EntityType.PLACE, "United States").kind()).isEqualTo("country");
    }

    @Test
    void curatedEntriesWithoutACertainIdHaveNone() {
        assertThat(KB.find(EntityType.PERSON, "Steve Witkoff").wikidataId()).isNull();
        assertThat(KB.find(EntityType.ORGANIZATION, "EPA").kind()).isEqualTo("news");
    }

    @Test
    void retiredMediaTopicsAreNotInTheKnowledgeBase() {
        // medtop:20000064 "war crime action" was retired by IPTC in 2016.
        assertThat(KB.topic("medtop:20000064")).isNull();
        assertThat(KB.topic("medtop:16000000").label()).isEqualTo("conflict, war and peace");
        assertThat(KB.topics()).filteredOn(t -> t.level() == 1).hasSize(17);
        assertThat(KB.topic("medtop:20000073").ancestors()).hasSize(1);
    }

    @Test
    void ambiguousNamesAreFlagged() {
        assertThat(KB.find(EntityType.PLACE, "Nice").commonWord()).isTrue();
        assertThat(KB.find(EntityType.PLACE, "Paris").ambiguous()).isFalse();
    }

    @Test
    void noticeCreditsEverySource() throws IOException {
        try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream("knowledge/NOTICE")) {
            String notice = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(notice).contains("IPTC", "CC BY 4.0", "country-coder", "i18n-iso-countries", "GeoNames",
                    "iso-codes", "stdlib", "SCOWL");
        }
    }
}
