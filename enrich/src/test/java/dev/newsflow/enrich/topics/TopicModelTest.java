package dev.newsflow.enrich.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.enrich.annotate.ArticleAnnotators;
import dev.newsflow.enrich.annotate.KnowledgeBase;
import dev.newsflow.enrich.annotate.KnowledgeBaseAnnotator;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.CleanupReport;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.SourceFormat;
import dev.newsflow.schema.Topic;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The committed model, as the enrich service loads it: from the jar, on articles written for this test. */
class TopicModelTest {
    private static final KnowledgeBaseAnnotator ANNOTATOR = ArticleAnnotators.standardKnowledgeBaseAnnotator();

    static List<LabelledJson> deskFixtures() throws IOException {
        List<LabelledJson> articles = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = TopicModelTest.class.getResourceAsStream("/topics/desk-fixtures.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    articles.add(LabelledJson.parse(json.readTree(line), "desk-fixtures.jsonl"));
                }
            }
        }
        return articles;
    }

    static EnrichedArticle.Builder article(LabelledJson a) {
        return EnrichedArticle.newBuilder().setArticleId(a.id()).setPublisherId("test").setVersion(1)
                .setAction(ArticleAction.values()[0]).setSourceFormat(SourceFormat.values()[0])
                .setReceivedAt(Instant.EPOCH).setEnrichedAt(Instant.EPOCH).setHeadline(a.headline())
                .setBody(new ArrayList<>(a.body())).setImages(new ArrayList<>())
                .setCleanup(CleanupReport.newBuilder().build()).setContentHash("0");
    }

    static List<Topic> topics(LabelledJson a) {
        EnrichedArticle.Builder b = article(a);
        ANNOTATOR.annotate(b);
        return b.getTopics();
    }

    @Test
    void theModelLoadsFromTheJarWithAClassForEveryTopLevelTopic() {
        TopicModel model = TopicModel.load();
        assertThat(model.topLevelQcodes()).hasSize(17).contains("medtop:01000000", "medtop:17000000");
        assertThat(model.features()).isGreaterThan(10_000);
        assertThat(model.secondLevelQcodes()).isNotEmpty();
        assertThat(model.description()).contains("written=").contains("wikipedia-current-events=").contains("iptc=");
    }

    @Test
    void oneArticleOfEachDeskIsFiledUnderItsTopLevelTopic() throws IOException {
        List<LabelledJson> desks = deskFixtures();
        assertThat(desks).extracting(LabelledJson::id).containsExactly("desk-business", "desk-entertainment",
                "desk-politics", "desk-sport", "desk-technology");
        for (LabelledJson desk : desks) {
            Topic best = topics(desk).stream().filter(t -> t.getLevel() == 1)
                    .max(Comparator.comparingDouble(Topic::getScore)).orElseThrow();
            assertThat(best.getQcode()).as(desk.id()).isEqualTo(desk.topics().get(0));
        }
    }

    @Test
    void everyTopicKeepsItsLabelLevelParentChainAndAScoreNoHigherThanItsParents() throws IOException {
        KnowledgeBase kb = ANNOTATOR.knowledgeBase();
        for (LabelledJson desk : deskFixtures()) {
            List<Topic> topics = topics(desk);
            assertThat(topics).isNotEmpty();
            Map<String, Topic> byQcode = topics.stream().collect(Collectors.toMap(Topic::getQcode, Function.identity()));
            for (Topic t : topics) {
                assertThat(kb.topic(t.getQcode())).as("live concept %s", t.getQcode()).isNotNull();
                assertThat(t.getLabel()).isEqualTo(kb.topic(t.getQcode()).label());
                assertThat(t.getParents()).hasSize(t.getLevel() - 1);
                assertThat(t.getScore()).isBetween(0.0, 1.0);
                for (String parent : t.getParents()) {
                    assertThat(byQcode).as("parent %s of %s is given too", parent, t.getQcode()).containsKey(parent);
                    assertThat(t.getScore()).isLessThanOrEqualTo(byQcode.get(parent).getScore());
                }
            }
            // The best top-level topic is strictly first, so "the top-scoring topic" is never a tie.
            List<Topic> top = topics.stream().filter(t -> t.getLevel() == 1).toList();
            for (int i = 1; i < top.size(); i++) {
                assertThat(top.get(i).getScore()).isLessThan(top.get(0).getScore());
            }
        }
    }

    @Test
    void aModelNamingARetiredConceptIsRefusedAtLoad() throws IOException {
        TopicModel model = TopicModel.load();
        // medtop:20000160 "emergency incident" is retired in IPTC's vocabulary, so not in the knowledge base.
        String[] level2 = model.secondLevelQcodes().toArray(new String[0]);
        level2[0] = "medtop:20000160";
        TopicModel withRetired = new TopicModel(model.description, model.topQcodes, model.keys, model.blocks, model.idf,
                model.topBias, model.topWeights, model.topScale, level2, model.level2Parent, model.level2Bias,
                model.level2Start, model.level2Class, model.level2Weights, model.lexiconStart, model.lexiconTarget,
                model.lexiconWeights, model.topCalibration, model.level2PlattA, model.level2PlattB, model.topEmit,
                model.level2Emit);
        TopicModel reread = TopicModel.read(new ByteArrayInputStream(withRetired.toBytes()));
        assertThatThrownBy(() -> new TrainedTopicAssigner(reread, ANNOTATOR.knowledgeBase()))
                .hasMessageContaining("medtop:20000160").hasMessageContaining("retired");
    }

    @Test
    void theModelReadsBackToTheSameBytes() throws IOException {
        TopicModel model = TopicModel.load();
        byte[] bytes = model.toBytes();
        assertThat(TopicModel.read(new ByteArrayInputStream(bytes)).toBytes()).isEqualTo(bytes);
    }
}
