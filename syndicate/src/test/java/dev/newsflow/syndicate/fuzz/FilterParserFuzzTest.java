package dev.newsflow.syndicate.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.Articles;
import dev.newsflow.syndicate.filter.FeedFilter;
import dev.newsflow.syndicate.filter.FilterParser;
import dev.newsflow.platform.errors.InvalidInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing of the subscription filter parser, {@code jqwik.tries.default} filters (10,000 in {@code mvn verify}):
 * each is either a filter that can be applied to any article, or a 400/422 problem naming where it is wrong.
 * Filters come from partners' admin requests; nothing in one may fail the admin API with a 500.
 */
class FilterParserFuzzTest {

    @Property
    void everyFilterParsesOrIsRefusedNamingWhere(@ForAll("filters") String json,
                                                  @ForAll("article") EnrichedArticle article) {
        try {
            FeedFilter filter = FilterParser.parse(json, 0.5, "filter");
            filter.matches(article);
            Statistics.collect("parsed");
        } catch (InvalidInputException refused) {
            // Malformed JSON (400) and a filter that breaks a rule (422) both name where: the field or its path.
            assertThat(refused.field()).startsWith("filter");
            assertThat(refused.getMessage()).isNotBlank().hasSizeLessThan(1_000);
            Statistics.collect("refused");
        }
        Statistics.coverage(coverage -> coverage.check("parsed").percentage(p -> p >= 5));
    }

    /** The filter is what is fuzzed; the articles it is applied to are a fixed few, some with hostile text. */
    @Provide
    Arbitrary<EnrichedArticle> article() {
        return Arbitraries.of(Articles.story("a", "Ferry treaty agreed in Lisbon").build(),
                Articles.story("b", "<b>\u0000").setSection(null).setLanguage(null).setKeywords(java.util.List.of())
                        .setEntities(java.util.List.of()).setTopics(java.util.List.of()).build());
    }

    @Provide
    Arbitrary<String> filters() {
        return Arbitraries.frequencyOf(Tuple.of(6, filter(3)), Tuple.of(1, HostileArticles.text()),
                Tuple.of(1, value(1)));
    }

    private static Arbitrary<String> filter(int depth) {
        Arbitrary<String> field = Combinators.combine(Arbitraries.of("section", "category", "publisher", "language",
                        "topic", "entity", "keyword", "unknown", "", "all", "any", "not"), value(1))
                .as((name, value) -> "{\"" + name + "\":" + value + "}");
        if (depth <= 0) {
            return field;
        }
        Arbitrary<String> combined = Combinators.combine(Arbitraries.of("all", "any"), filter(depth - 1).list().ofMaxSize(3))
                .as((op, children) -> "{\"" + op + "\":[" + String.join(",", children) + "]}");
        Arbitrary<String> negated = filter(depth - 1).map(child -> "{\"not\":" + child + "}");
        return Arbitraries.frequencyOf(Tuple.of(4, field), Tuple.of(2, combined), Tuple.of(1, negated));
    }

    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> string = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("News", "en", "pt-BR", "medtop:11000000", "Q597", "ferry", "harbour-gazette",
                        " ", "", "x".repeat(300))),
                Tuple.of(2, HostileArticles.text())).map(FilterParserFuzzTest::quote);
        Arbitrary<String> scalar = Arbitraries.oneOf(string, Arbitraries.of("1", "true", "null", "{}", "[]", "1e999"));
        if (depth <= 0) {
            return scalar;
        }
        return Arbitraries.oneOf(scalar, string.list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]"),
                value(depth - 1).list().ofMaxSize(2).map(items -> "[" + String.join(",", items) + "]"));
    }

    private static String quote(String raw) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : raw.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
