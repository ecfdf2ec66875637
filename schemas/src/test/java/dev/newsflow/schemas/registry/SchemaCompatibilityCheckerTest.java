package dev.newsflow.schemas.registry;

import static dev.newsflow.schemas.registry.CompatibilityLevel.BACKWARD;
import static dev.newsflow.schemas.registry.CompatibilityLevel.BACKWARD_TRANSITIVE;
import static dev.newsflow.schemas.registry.CompatibilityLevel.FORWARD;
import static dev.newsflow.schemas.registry.CompatibilityLevel.FORWARD_TRANSITIVE;
import static dev.newsflow.schemas.registry.CompatibilityLevel.FULL;
import static dev.newsflow.schemas.registry.CompatibilityLevel.FULL_TRANSITIVE;
import static dev.newsflow.schemas.registry.CompatibilityLevel.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The seven levels, each shown passing and failing on a change that tells it apart from its neighbours. */
class SchemaCompatibilityCheckerTest {

    private static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"T\",\"fields\":[" + fields + "]}");
    }

    private static final Schema A_STRING = record("{\"name\":\"a\",\"type\":\"string\"}");
    private static final Schema A_AND_B_WITH_DEFAULT = record("{\"name\":\"a\",\"type\":\"string\"},"
            + "{\"name\":\"b\",\"type\":\"int\",\"default\":0}");
    private static final Schema A_AND_C_WITHOUT_DEFAULT = record("{\"name\":\"a\",\"type\":\"string\"},"
            + "{\"name\":\"c\",\"type\":\"string\"}");
    private static final Schema EMPTY = record("");
    private static final Schema A_INT_WITH_DEFAULT = record("{\"name\":\"a\",\"type\":\"int\",\"default\":0}");

    private static boolean ok(CompatibilityLevel level, Schema candidate, Schema... earlier) {
        return SchemaCompatibilityChecker.isCompatible(level, candidate, List.of(earlier));
    }

    @Test
    void noneAcceptsAnything() {
        assertThat(ok(NONE, A_INT_WITH_DEFAULT, A_STRING)).isTrue();
    }

    @Test
    void anythingFollowsNothing() {
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            assertThat(ok(level, A_STRING)).as(level.name()).isTrue();
        }
    }

    @Test
    void addingAFieldWithADefaultIsFullyCompatible() {
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            assertThat(ok(level, A_AND_B_WITH_DEFAULT, A_STRING)).as(level.name()).isTrue();
        }
    }

    @Test
    void addingAFieldWithoutADefaultIsForwardButNotBackward() {
        assertThat(ok(BACKWARD, A_AND_C_WITHOUT_DEFAULT, A_STRING)).isFalse();
        assertThat(ok(FORWARD, A_AND_C_WITHOUT_DEFAULT, A_STRING)).isTrue();
        assertThat(ok(FULL, A_AND_C_WITHOUT_DEFAULT, A_STRING)).isFalse();
    }

    @Test
    void removingAFieldWithoutADefaultIsBackwardButNotForward() {
        assertThat(ok(BACKWARD, EMPTY, A_STRING)).isTrue();
        assertThat(ok(FORWARD, EMPTY, A_STRING)).isFalse();
        assertThat(ok(FULL, EMPTY, A_STRING)).isFalse();
    }

    @Test
    void backwardLooksAtTheLatestOnlyAndBackwardTransitiveAtEveryEarlierVersion() {
        // v1 a:string, v2 drops a, v3 brings a back as an int: v3 reads v2 data but not v1 data.
        assertThat(ok(BACKWARD, A_INT_WITH_DEFAULT, A_STRING, EMPTY)).isTrue();
        assertThat(ok(BACKWARD_TRANSITIVE, A_INT_WITH_DEFAULT, A_STRING, EMPTY)).isFalse();
        assertThat(ok(BACKWARD_TRANSITIVE, A_AND_B_WITH_DEFAULT, A_STRING, A_STRING)).isTrue();
    }

    @Test
    void forwardLooksAtTheLatestOnlyAndForwardTransitiveAtEveryEarlierVersion() {
        // v1 a:int (default), v2 drops a, v3 a:string: v2 reads v3 data, v1 cannot.
        assertThat(ok(FORWARD, A_STRING, A_INT_WITH_DEFAULT, EMPTY)).isTrue();
        assertThat(ok(FORWARD_TRANSITIVE, A_STRING, A_INT_WITH_DEFAULT, EMPTY)).isFalse();
    }

    @Test
    void fullNeedsBothDirectionsWithTheLatestAndFullTransitiveWithAll() {
        Schema bWithDefault = record("{\"name\":\"b\",\"type\":\"int\",\"default\":0}");
        Schema aIntAndB = record("{\"name\":\"a\",\"type\":\"int\",\"default\":0},{\"name\":\"b\",\"type\":\"int\",\"default\":0}");
        // v1 a:string (no default), v2 b only; candidate a:int + b. Against v2: both ways fine thanks to defaults.
        assertThat(ok(FULL, aIntAndB, bWithDefault)).isTrue();
        assertThat(ok(FULL, aIntAndB, A_STRING, bWithDefault)).isTrue();
        assertThat(ok(FULL_TRANSITIVE, aIntAndB, A_STRING, bWithDefault)).isFalse();
        assertThat(ok(FULL_TRANSITIVE, A_AND_B_WITH_DEFAULT, A_STRING, A_STRING)).isTrue();
    }

    @Test
    void messagesNameTheFieldAndItsPath() {
        List<String> problems = SchemaCompatibilityChecker.incompatibilities(BACKWARD, A_AND_C_WITHOUT_DEFAULT,
                List.of(A_STRING));
        assertThat(problems).singleElement().asString()
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("'c'").contains("/fields/1");
    }

    @Test
    void levelsAreReadInAnyCase() {
        assertThat(CompatibilityLevel.named("backward_transitive")).contains(BACKWARD_TRANSITIVE);
        assertThat(CompatibilityLevel.named(" Full ")).contains(FULL);
        assertThat(CompatibilityLevel.named("sideways")).isEmpty();
        assertThat(CompatibilityLevel.named(null)).isEmpty();
    }
}
