package dev.newsflow.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SectionLineTest {
    private final SectionLine sections = SectionLine.withDefaults();

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "NewsPolitics, News, Politics",
            "News, News, -",
            "SportFootball, Sport, Football",
            "BusinessMarkets, Business, Markets",
            "News / Politics, News, Politics",
            "Culture › Film, Culture, Film",
            "Kultur, Kultur, -",
            "Newsroom, Newsroom, -"})
    void splitsKnownSectionsAndKeepsUnknownOnesWhole(String line, String section, String category) {
        assertThat(sections.parse(line)).contains(new SectionLine.Parsed(section, category));
    }

    @Test
    void aHeadlineIsNotASectionLine() {
        assertThat(sections.parse("UK and France pledge to deploy troops")).isEmpty();
        assertThat(sections.parse("Breaking: markets fall.")).isEmpty();
        assertThat(sections.parse("Ukraine: Ceasefire talks")).isEmpty();
        assertThat(sections.parse("City council approves new night-bus routes")).isEmpty();
    }

    @Test
    void configuredSectionsReplaceTheDefaults() {
        assertThat(new SectionLine(List.of("Nyheter")).parse("NyheterPolitikk"))
                .contains(new SectionLine.Parsed("Nyheter", "Politikk"));
    }
}
