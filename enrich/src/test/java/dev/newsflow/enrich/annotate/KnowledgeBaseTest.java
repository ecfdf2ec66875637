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
    void idsComeFromTheSourcesThatStateThem() {
        KbEntity starmer = KB.find(EntityType.PERSON, "Keir Starmer");
        assertThat(starmer.wikidataId()).isEqualTo("Q6383803");
        assertThat(starmer.idSource()).isEqualTo("everypolitician");
        assertThat(starmer.facts().country()).isEqualTo("GB");
        assertThat(starmer.facts().legislatures()).containsExactly("UK/Commons");
        assertThat(starmer.facts().headOfStateOrGovernment()).isTrue();
        assertThat(KB.byWikidataId("Q154950").name()).isEqualTo("Shell");
        assertThat(KB.byWikidataId("Q154950").idSource()).isEqualTo("nsi");
        assertThat(KB.byWikidataId("Q212").idSource()).isEqualTo("country-coder");
        assertThat(KB.byWikidataId("Q1428").name()).isEqualTo("Georgia"); // the US state, beside the country Q230
        assertThat(KB.byWikidataId("Q1428").facts().subdivision()).isEqualTo("US-GA");
        assertThat(KB.byWikidataId("Q230").kind()).isEqualTo("country");
    }

    @Test
    void everyIdIsAWellFormedQidOfOneEntityWithItsSource() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        int withId = 0;
        for (int i = 0; i < KB.entityCount(); i++) {
            KbEntity e = KB.entity(i);
            assertThat(e.prior()).isBetween(0.0, 1.0);
            if (e.wikidataId() == null) {
                continue;
            }
            withId++;
            assertThat(e.wikidataId()).matches("Q[1-9][0-9]*");
            assertThat(seen.add(e.wikidataId())).as("one entity per QID: %s", e.wikidataId()).isTrue();
            assertThat(e.idSource()).isIn("everypolitician", "nsi", "country-coder", "curated");
        }
        assertThat(KB.entityCount()).isGreaterThan(50_000);
        assertThat(withId).isGreaterThan(45_000);
    }

    @Test
    void factsSayWhichFieldOfNewsAnEntityBelongsTo() {
        assertThat(KB.find(EntityType.PERSON, "Keir Starmer").domains()).contains(EntityDomain.POLITICS);
        assertThat(KB.find(EntityType.ORGANIZATION, "Real Madrid").domains()).containsExactly(EntityDomain.SPORT);
        assertThat(KB.byWikidataId("Q154950").domains()).contains(EntityDomain.ECONOMY);
        assertThat(KB.byWikidataId("Q434706").domains()).contains(EntityDomain.POLITICS); // Elizabeth Warren, a legislator
        assertThat(KB.byWikidataId("Q434706").facts().party()).isEqualTo("Q29552");
        assertThat(KB.find(EntityType.ORGANIZATION, "BBC").domains()).containsExactly(EntityDomain.MEDIA);
    }

    @Test
    void legislatorsAndBrandsAreLinkOnlyAndBrandsThatAreWordsAreFlagged() {
        KbEntity next = KB.byWikidataId("Q246655");
        assertThat(next.name()).isEqualTo("Next");
        assertThat(next.linkOnly()).isTrue();
        assertThat(next.commonWord()).isTrue();
        assertThat(KB.byWikidataId("Q434706").linkOnly()).isTrue();
        assertThat(KB.find(EntityType.PLACE, "Paris").linkOnly()).isFalse();
        assertThat(KB.byWikidataId("Q1428").linkOnly()).isTrue(); // a homonym: "Georgia" stays the country's name
    }

    @Test
    void theKnownErrorsOfTheOldKnowledgeBaseAreFixed() {
        assertThat(KB.find(EntityType.ORGANIZATION, "British Antarctic Survey")).isNotNull();
        assertThat(KB.find(EntityType.PERSON, "Antarctic Survey")).isNull();
        long thwaites = java.util.stream.IntStream.range(0, KB.entityCount()).mapToObj(KB::entity)
                .filter(e -> e.name().equals("Thwaites Glacier")).count();
        assertThat(thwaites).isEqualTo(1);
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
                    "iso-codes", "stdlib", "SCOWL", "name-suggestion-index", "BSD", "EveryPolitician", "mySociety",
                    "Wikidata", "CC0", "Portal:Current events", "CC BY-SA 4.0");
        }
    }
}
