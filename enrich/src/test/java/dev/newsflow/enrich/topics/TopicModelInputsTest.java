package dev.newsflow.enrich.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TopicModelInputsTest {
    @Test
    void theCommittedTopicModelWasTrainedWithTheKnowledgeBaseAndRecogniserOnTheClasspath() throws IOException {
        String report;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("topics/TRAINING.md")) {
            assertThat(in).as("topics/TRAINING.md on the classpath").isNotNull();
            report = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(report)
                .as("the knowledge base or the recogniser changed since the topic model was trained: run "
                        + "`./newsflow train topics --shared-data ../shared/data` and commit the model and its report")
                .endsWith(TopicModelInputs.reportSection());
    }

    @Test
    void everyInputIsListedWithItsDigest() {
        String section = TopicModelInputs.reportSection();
        for (String resource : TopicModelInputs.RESOURCES) {
            assertThat(section).containsPattern("\\| `" + resource.replace(".", "\\.") + "` \\| [0-9a-f]{64} \\|");
        }
    }
}
