package dev.newsflow.ops.lag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.ops.OpsConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnedGroupsTest {
    private final OwnedGroups owned = new OwnedGroups(List.of(OpsConfig.DEFAULT_OWNED_GROUPS.split(",")));

    @Test
    void aGroupAnswersToTheFirstPatternItMatches() {
        assertThat(owned.patternOf("newsflow-enrich")).contains("newsflow-enrich");
        assertThat(owned.patternOf("newsflow-syndicate-push")).contains("newsflow-syndicate-push");
        assertThat(owned.patternOf("newsflow-syndicate-0")).contains("newsflow-syndicate-*");
        assertThat(owned.patternOf("newsflow-syndicate-eu-west")).contains("newsflow-syndicate-*");
    }

    @Test
    void otherGroupsAreNotOwned() {
        assertThat(owned.patternOf("newsflow-enrich-2")).isEmpty();
        assertThat(owned.patternOf("newsflow-syndicate-")).as("the * needs something to match").isEmpty();
        assertThat(owned.patternOf("analytics")).isEmpty();
    }

    @Test
    void lagCountsWhatIsLeftAndAPartitionWithoutCommitsFromItsStart() {
        assertThat(new PartitionLag("t", 0, 7L, 10).lag()).isEqualTo(3);
        assertThat(new PartitionLag("t", 0, null, 10).lag()).isEqualTo(10);
        assertThat(new PartitionLag("t", 0, 12L, 10).lag()).as("never negative").isZero();
        assertThat(new GroupLag("g", "classic", "Stable", null,
                List.of(new PartitionLag("t", 0, 7L, 10), new PartitionLag("t", 1, 0L, 4))).totalLag()).isEqualTo(7);
    }
}
