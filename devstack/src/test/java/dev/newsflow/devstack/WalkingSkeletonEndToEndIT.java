package dev.newsflow.devstack;

import dev.newsflow.testing.TestKafka;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on the real in-JVM KRaft broker and the embedded schema registry. */
class WalkingSkeletonEndToEndIT {

    @Test
    void aSeedShapedArticlePostedToIngestAppearsOnceAndCleanInThePartnersFeeds(@TempDir Path state) throws Exception {
        TestKafka kafka = TestKafka.get();
        try (PipelineScenario scenario = new PipelineScenario(kafka.bootstrapServers(), kafka.schemaRegistryUrl(), state)) {
            scenario.seedShapedArticleReachesThePartnersFeedsClean();
        }
    }
}
