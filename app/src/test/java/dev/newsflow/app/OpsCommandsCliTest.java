package dev.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.app.NewsflowCliTest.Run;
import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.ops.OpsConfig;
import dev.newsflow.ops.lag.OwnedGroups;
import dev.newsflow.syndicate.SyndicateConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ops commands' arguments, checked before anything reaches Kafka. */
class OpsCommandsCliTest {
    @Test
    void replayNeedsExactlyOneSelection() {
        Run none = NewsflowCliTest.run("dead-letters", "replay");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("--id").contains("--stage").contains("--all");

        Run both = NewsflowCliTest.run("dead-letters", "replay", "--all", "--stage", "validation");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void aMalformedDeadLetterIdIsNamedBeforeAnythingIsRead() {
        Run run = NewsflowCliTest.run("dead-letters", "replay", "--id", "articles-submitted/0/3",
                "--bootstrap-servers", "127.0.0.1:1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'articles-submitted/0/3' is not a dead letter id")
                .contains("articles-dead-letter/<partition>/<offset>");
    }

    @Test
    void tailRefusesAnOffsetWithoutItsPartition() {
        Run run = NewsflowCliTest.run("topics", "tail", "articles-enriched", "--offset", "3",
                "--bootstrap-servers", "127.0.0.1:1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--offset needs --partition");
    }

    @Test
    void sinceTakesATimeAgoOrAnInstant() {
        Run run = NewsflowCliTest.run("dead-letters", "list", "--since", "yesterday");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("neither a time ago (90s, 15m, 1h, 7d) nor an instant");
    }

    @Test
    void configListsTheOpsSettings() {
        Run run = NewsflowCliTest.run("config", "ops");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("ops.owned.groups").contains("env NEWSFLOW_OPS_ADMIN_TOKEN")
                .contains("env NEWSFLOW_SYNDICATE_ADMIN_TOKEN");
    }

    @Test
    void theOpsPageRunsAsAServiceOfItsOwnAndRefusesBadSettingsByName() {
        Run help = NewsflowCliTest.run("ops", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("live ops page").contains("--bootstrap-servers");

        Run bad = NewsflowCliTest.run("ops", "-D", "ops.services=ingest");
        assertThat(bad.exit()).isEqualTo(2);
    }

    /** The owned groups ops expects are the services' own default application ids: they must not drift apart. */
    @Test
    void theOwnedGroupsAreTheServicesDefaultApplicationIds() {
        OwnedGroups owned = new OwnedGroups(new OpsConfig(Map.of()).ownedGroups());
        SyndicateConfig syndicate = new SyndicateConfig(Map.of());
        assertThat(owned.patternOf(new EnrichConfig(Map.of()).applicationId())).contains("newsflow-enrich");
        assertThat(owned.patternOf(syndicate.instanceApplicationId())).contains("newsflow-syndicate-*");
        assertThat(owned.patternOf(syndicate.pushStreamsConfig().get("application.id").toString()))
                .contains("newsflow-syndicate-push");
        assertThat(owned.patterns()).hasSize(List.of("enrich", "push", "feed state").size());
    }
}
