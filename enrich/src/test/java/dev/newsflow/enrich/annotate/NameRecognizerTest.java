package dev.newsflow.enrich.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.ner.NerModel;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The committed model, loaded from the classpath as the service loads it, on an article written for this test. */
class NameRecognizerTest {
    private static NameRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = new NameRecognizer(NerModel.standard(), KnowledgeBase.load());
    }

    private static final List<ArticleField> ARTICLE = List.of(
            new ArticleField("headline", "Floods Close Schools Across Northern Italy", 3, true),
            new ArticleField("body[0]", "Heavy rain flooded the Po valley on Sunday, and the Italian civil protection agency "
                    + "ordered schools in Parma and Modena to close.", 2, true),
            new ArticleField("body[1]", "Prime Minister Giorgia Meloni said the government would ask the European Union "
                    + "for emergency funds.", 1.5, true),
            new ArticleField("body[2]", "Meloni visited Parma on Monday with volunteers from the Red Cross, who have set up "
                    + "shelters in sports halls.", 1, true),
            new ArticleField("images[0].caption", "Volunteers carry sandbags in Modena, Italy.", 1.2, true),
            new ArticleField("images[0].creditline", "Reuters", 0.3, false));

    private static String describe(EntitySpan s) {
        ArticleField field = ARTICLE.get(s.field());
        return field.name() + " " + s.type() + " " + field.text().substring(s.start(), s.end());
    }

    @Test
    void tagsTheFixtureArticleWithTheExpectedNames() {
        List<EntitySpan> spans = recognizer.recognise(ARTICLE);
        assertThat(spans).extracting(NameRecognizerTest::describe).containsExactlyInAnyOrder(
                "headline LOC Italy",
                "body[0] LOC Po", "body[0] MISC Italian", "body[0] LOC Parma", "body[0] LOC Modena",
                "body[1] PER Giorgia Meloni", "body[1] ORG European Union",
                "body[2] PER Meloni", "body[2] LOC Parma", "body[2] ORG Red Cross",
                "images[0].caption LOC Modena", "images[0].caption LOC Italy");
    }

    @Test
    void spansCarryUtf16OffsetsTokensAndAConfidence() {
        List<EntitySpan> spans = recognizer.recognise(ARTICLE);
        EntitySpan meloni = spans.stream().filter(s -> describe(s).equals("body[1] PER Giorgia Meloni")).findFirst().orElseThrow();
        assertThat(meloni.start()).isEqualTo(15);
        assertThat(meloni.end()).isEqualTo(29);
        assertThat(meloni.lastToken() - meloni.firstToken()).isEqualTo(1);
        for (EntitySpan s : spans) {
            assertThat(s.confidence()).isBetween(0.0, 1.0);
            assertThat(s.end()).isGreaterThan(s.start());
        }
    }

    @Test
    void taggingIsTheSameEveryTimeAndFromManyThreads() throws Exception {
        List<String> first = recognizer.recognise(ARTICLE).stream().map(NameRecognizerTest::describe).toList();
        List<Thread> threads = new java.util.ArrayList<>();
        List<List<String>> results = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int k = 0; k < 20; k++) {
                    results.add(recognizer.recognise(ARTICLE).stream().map(NameRecognizerTest::describe).toList());
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(results).hasSize(80).allSatisfy(r -> assertThat(r).isEqualTo(first));
    }
}
