package dev.newsflow.syndicate.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.platform.errors.InvalidInputException;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.Articles;
import dev.newsflow.syndicate.http.SyndicateProblems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterParserTest {
    /** News/Politics, publisher harbour-gazette, language en, Lisbon (Q597, 0.93), topics politics (0.88) and
     * treaty (0.71, parents medtop:20000637 and medtop:11000000), keywords ferry and treaty. */
    private final EnrichedArticle story = Articles.story("a", "Ferry treaty agreed in Lisbon").build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"section\":\"news\"}|true",
            "{\"section\":[\"Sport\",\"News\"]}|true",
            "{\"section\":\"Sport\"}|false",
            "{\"category\":\"Politics\"}|true",
            "{\"publisher\":\"harbour-gazette\"}|true",
            "{\"publisher\":\"other\"}|false",
            "{\"language\":\"en\"}|true",
            "{\"language\":\"fr\"}|false",
            "{\"topic\":\"medtop:11000000\"}|true",
            "{\"topic\":\"medtop:20000637\"}|true",
            "{\"topic\":\"medtop:04000000\"}|false",
            "{\"entity\":\"Q597\"}|true",
            "{\"entity\":\"lisbon\"}|true",
            "{\"entity\":\"Q90\"}|false",
            "{\"keyword\":\"ferry\"}|true",
            "{\"keyword\":\"approval of three\"}|true",
            "{\"keyword\":\"ferr\"}|false",
            "{\"all\":[{\"section\":\"News\"},{\"topic\":\"medtop:11000000\"}]}|true",
            "{\"all\":[{\"section\":\"News\"},{\"topic\":\"medtop:04000000\"}]}|false",
            "{\"any\":[{\"section\":\"Sport\"},{\"entity\":\"Q597\"}]}|true",
            "{\"not\":{\"section\":\"News\"}}|false",
            "{\"section\":\"News\",\"not\":{\"keyword\":\"football\"}}|true",
    })
    void matches(String filter, boolean expected) {
        assertThat(FilterParser.parse(filter, 0.0, "filter").matches(story)).isEqualTo(expected);
    }

    @Test
    void aTopicMatchesItsDescendantsOnlyAboveTheMinimumConfidence() {
        // treaty (score 0.71) is a descendant of medtop:20000637; politics itself has 0.88
        assertThat(FilterParser.parse("{\"topic\":\"medtop:20000637\"}", 0.7, "f").matches(story)).isTrue();
        assertThat(FilterParser.parse("{\"topic\":\"medtop:20000637\"}", 0.8, "f").matches(story)).isFalse();
        assertThat(FilterParser.parse("{\"topic\":\"medtop:11000000\"}", 0.8, "f").matches(story)).isTrue();
        assertThat(FilterParser.parse("{\"entity\":\"Q597\"}", 0.95, "f").matches(story)).isFalse();
    }

    @Test
    void noFilterMatchesEverything() {
        assertThat(FilterParser.parse(null, 0.9, "f")).isSameAs(FeedFilter.ALL);
        assertThat(FilterParser.parse("  ", 0.9, "f")).isSameAs(FeedFilter.ALL);
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource(delimiter = '|', value = {
            "{not json|400|feeds[0].filter",
            "[]|422|feeds[0].filter",
            "{}|422|feeds[0].filter",
            "{\"colour\":\"red\"}|422|feeds[0].filter.colour",
            "{\"topic\":\"politics\"}|422|feeds[0].filter.topic",
            "{\"topic\":12}|422|feeds[0].filter.topic",
            "{\"language\":\"english!\"}|422|feeds[0].filter.language",
            "{\"all\":[]}|422|feeds[0].filter.all",
            "{\"any\":[{\"section\":\"News\"},{\"topic\":[\"medtop:11000000\",\"x\"]}]}|422|feeds[0].filter.any[1].topic",
            "{\"not\":{\"section\":[]}}|422|feeds[0].filter.not.section",
            "{\"section\":\" \"}|422|feeds[0].filter.section",
    })
    void rejectsBadFiltersNamingThePlace(String filter, int status, String field) {
        assertThatThrownBy(() -> FilterParser.parse(filter, 0.0, "feeds[0].filter"))
                .isInstanceOfSatisfying(InvalidInputException.class, problem -> {
                    assertThat(SyndicateProblems.mapping().problemFor(problem).status()).isEqualTo(status);
                    assertThat(problem.field()).isEqualTo(field);
                });
    }

    @Test
    void rejectsFiltersNestedTooDeep() {
        String deep = "{\"not\":".repeat(FilterParser.MAX_DEPTH + 2) + "{\"section\":\"x\"}"
                + "}".repeat(FilterParser.MAX_DEPTH + 2);
        assertThatThrownBy(() -> FilterParser.parse(deep, 0.0, "f")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("deeper");
    }
}
