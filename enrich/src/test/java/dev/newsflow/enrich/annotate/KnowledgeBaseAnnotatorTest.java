package dev.newsflow.enrich.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.EntityType;
import dev.newsflow.schema.Mention;
import dev.newsflow.schema.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KnowledgeBaseAnnotatorTest {
    private static final ArticleAnnotator ANNOTATOR = ArticleAnnotators.standard();

    private static EnrichedArticle.Builder annotated(EnrichedArticle.Builder article) {
        ANNOTATOR.annotate(article);
        return article;
    }

    private static Map<String, Entity> byName(EnrichedArticle.Builder article, EntityType type) {
        return article.getEntities().stream().filter(e -> e.getType() == type)
                .collect(Collectors.toMap(Entity::getName, e -> e));
    }

    private static Optional<Entity> named(EnrichedArticle.Builder article, String name) {
        return article.getEntities().stream().filter(e -> e.getName().equals(name)).findFirst();
    }

    private static String fieldText(EnrichedArticle.Builder article, String field) {
        if (field.equals("headline")) {
            return article.getHeadline();
        }
        if (field.startsWith("body[")) {
            return article.getBody().get(Integer.parseInt(field.substring(5, field.indexOf(']'))));
        }
        int image = Integer.parseInt(field.substring(7, field.indexOf(']')));
        return field.endsWith(".caption") ? article.getImages().get(image).getCaption()
                : article.getImages().get(image).getCreditline();
    }

    @Test
    void seedShapedArticleYieldsThePeoplePlacesOrganisationsAndTopicsOfTheStory() {
        EnrichedArticle.Builder article = annotated(Fixtures.coalitionSummit());

        assertThat(byName(article, EntityType.PERSON)).containsKeys("Volodymyr Zelensky", "Emmanuel Macron",
                "Keir Starmer", "Vladimir Putin", "Donald Trump", "Steve Witkoff", "Jared Kushner");
        Map<String, Entity> places = byName(article, EntityType.PLACE);
        assertThat(places).containsKeys("Ukraine", "France", "United Kingdom", "Russia", "Paris", "Kyiv");
        assertThat(places.get("Ukraine").getWikidataId()).isEqualTo("Q212");
        assertThat(places.get("France").getWikidataId()).isEqualTo("Q142");
        assertThat(places.get("United Kingdom").getWikidataId()).isEqualTo("Q145");
        assertThat(places.get("Russia").getWikidataId()).isEqualTo("Q159");
        assertThat(byName(article, EntityType.ORGANIZATION)).containsKeys("POLITICO", "Coalition of the Willing");
        // EPA and Ludovic Marin are only in the photo's credit: the image's creditline and by, not the story's entities.
        assertThat(article.getEntities()).extracting(Entity::getName).doesNotContain("EPA", "Ludovic Marin");

        List<Topic> topics = article.getTopics();
        assertThat(topics).filteredOn(t -> t.getLevel() == 1).extracting(Topic::getQcode)
                .contains("medtop:11000000", "medtop:16000000");
        assertThat(topics).filteredOn(t -> t.getQcode().equals("medtop:16000000")).first()
                .satisfies(t -> assertThat(t.getLabel()).isEqualTo("conflict, war and peace"));
    }

    @Test
    void everyMentionPointsAtItsTextInItsField() {
        EnrichedArticle.Builder article = annotated(Fixtures.coalitionSummit());
        assertThat(article.getEntities()).isNotEmpty();
        for (Entity entity : article.getEntities()) {
            assertThat(entity.getMentions()).isNotEmpty();
            assertThat(entity.getConfidence()).isBetween(0.0, 1.0);
            assertThat(entity.getSalience()).isBetween(0.0, 1.0);
            for (Mention m : entity.getMentions()) {
                assertThat(fieldText(article, m.getField()).substring(m.getStart(), m.getEnd())).isEqualTo(m.getText());
            }
        }
    }

    @Test
    void partialNamesJoinTheFullNameFoundInTheSameArticle() {
        EnrichedArticle.Builder article = annotated(Fixtures.coalitionSummit());
        assertThat(named(article, "Steve Witkoff")).get()
                .satisfies(e -> assertThat(e.getMentions()).extracting(Mention::getText).contains("Steve Witkoff", "Witkoff"));
        assertThat(named(article, "Jared Kushner")).get()
                .satisfies(e -> assertThat(e.getMentions()).extracting(Mention::getText).contains("Kushner"));
        assertThat(named(article, "Volodymyr Zelensky")).get()
                .satisfies(e -> assertThat(e.getMentions()).extracting(Mention::getText).contains("Zelensky"));
        assertThat(article.getEntities()).extracting(Entity::getName).doesNotContain("Witkoff", "Kushner", "Starmer");
    }

    @Test
    void demonymsPossessivesAndSentenceInitialWordsAreNotEntitiesOfTheirOwn() {
        EnrichedArticle.Builder article = annotated(Fixtures.coalitionSummit());
        assertThat(article.getEntities()).extracting(Entity::getName)
                .doesNotContain("Ukrainian", "British", "French", "Russian", "Western", "Tuesday", "The", "It", "Starmer said");
        // "France’s President" is a mention of France that stops before the possessive.
        assertThat(named(article, "France")).get().satisfies(e -> assertThat(e.getMentions())
                .extracting(Mention::getText).containsOnly("France"));
    }

    @Test
    void headlineAndLeadCountMoreForSalience() {
        EnrichedArticle.Builder article = annotated(Fixtures.coalitionSummit());
        double ukraine = named(article, "Ukraine").orElseThrow().getSalience();
        double putin = named(article, "Vladimir Putin").orElseThrow().getSalience();
        assertThat(ukraine).isEqualTo(1.0);
        assertThat(putin).isLessThan(ukraine);
        assertThat(article.getEntities().get(0).getName()).isEqualTo("Ukraine");
    }

    @Test
    void namesMissingFromTheKnowledgeBaseAreFoundByTheModelAndCarryNoWikidataId() {
        EnrichedArticle.Builder article = annotated(Fixtures.article(
                "Port strike spreads as talks fail",
                List.of("Finance Minister Tomasz Wieczorek met union leaders at the Harbour Workers Association in "
                                + "Gdynia on Monday, his spokeswoman Agata Brzezinska said.",
                        "Wieczorek said the Baltic Freight Company would lose money every day the strike goes on."),
                List.of()));
        Map<String, Entity> people = byName(article, EntityType.PERSON);
        assertThat(people).containsKeys("Tomasz Wieczorek", "Agata Brzezinska");
        assertThat(people.get("Tomasz Wieczorek").getWikidataId()).isNull();
        assertThat(people.get("Tomasz Wieczorek").getMentions()).extracting(Mention::getText).contains("Wieczorek");
        assertThat(byName(article, EntityType.ORGANIZATION)).containsKeys("Harbour Workers Association", "Baltic Freight Company");
        assertThat(byName(article, EntityType.PLACE)).containsKey("Gdynia");
        assertThat(article.getEntities()).extracting(Entity::getName).doesNotContain("Monday", "Finance Minister Tomasz Wieczorek");
    }

    @Test
    void eventsComeFromTheKnowledgeBaseAndFromEventWords() {
        EnrichedArticle.Builder article = annotated(Fixtures.article("",
                List.of("Athletes arrived for the Olympic Games, eighty years after World War II, while delegates "
                        + "met at the Baltic Energy Summit.", "Storm Ciarán brought gales to the coast."),
                List.of()));
        assertThat(byName(article, EntityType.EVENT)).containsKeys("Olympic Games", "World War II", "Baltic Energy Summit",
                "Storm Ciarán");
    }

    @Test
    void seedShapedArticleGetsDeeperTopicsWhereTheEvidenceIsStrong() {
        EnrichedArticle.Builder article = annotated(Fixtures.coalitionSummit());
        assertThat(article.getTopics()).extracting(Topic::getQcode).contains("medtop:20000638");
        assertThat(article.getTopics()).filteredOn(t -> t.getQcode().equals("medtop:20000638")).first()
                .satisfies(t -> assertThat(t.getParents()).containsExactly("medtop:11000000"));
    }

    @Test
    void hyphenatedWordsStillNameTheirPartsAndOfficesAreNotPeople() {
        EnrichedArticle.Builder article = annotated(Fixtures.article("",
                List.of("The Hamas-run ministry said a US-led plan was rejected, Secretary of State Marco Rubio told "
                        + "reporters as Michael Jordan watched."),
                List.of()));
        assertThat(article.getEntities()).extracting(Entity::getName)
                .contains("Hamas", "United States", "Marco Rubio", "Michael Jordan")
                .doesNotContain("State", "Secretary of State", "Jordan");
        assertThat(named(article, "Hamas")).get().satisfies(e -> assertThat(e.getMentions().get(0).getText()).isEqualTo("Hamas"));
    }

    @Test
    void titleCaseHeadlinesOnlyYieldKnownNames() {
        EnrichedArticle.Builder article = annotated(Fixtures.article(
                "Macron Says Europe Must Stand By Ukraine As Talks Resume",
                List.of("The French president spoke in Paris."), List.of()));
        assertThat(article.getEntities()).extracting(Entity::getName)
                .contains("Emmanuel Macron", "Europe", "Ukraine")
                .doesNotContain("Says", "Must Stand By", "Talks Resume", "As Talks Resume");
    }

    @Test
    void ambiguousPlaceNamesNeedContext() {
        EnrichedArticle.Builder article = annotated(Fixtures.article("",
                List.of("Nice weather helped the festival. Later the band played in Nice and Austin Powers watched."),
                List.of()));
        assertThat(article.getEntities()).filteredOn(e -> e.getName().equals("Nice"))
                .singleElement().satisfies(e -> assertThat(e.getMentions()).hasSize(1));
        assertThat(article.getEntities()).extracting(Entity::getName).doesNotContain("Austin");
    }

    @Test
    void deeperTopicsComeWithTheirParentChainAndTopLevelIsAlwaysThere() {
        EnrichedArticle.Builder article = annotated(Fixtures.article(
                "Earthquake kills dozens as rescuers search rubble",
                List.of("A powerful earthquake struck the region overnight, collapsing buildings. Rescue teams and "
                        + "emergency services searched for survivors as the death toll rose and aftershocks followed."),
                List.of()));
        List<Topic> topics = article.getTopics();
        assertThat(topics).first().satisfies(t -> {
            assertThat(t.getQcode()).isEqualTo("medtop:03000000");
            assertThat(t.getLevel()).isEqualTo(1);
            assertThat(t.getParents()).isEmpty();
        });
        for (Topic t : topics) {
            assertThat(t.getScore()).isBetween(0.0, 1.0);
            assertThat(t.getParents()).hasSize(t.getLevel() - 1);
            if (t.getLevel() > 1) {
                String top = t.getParents().get(t.getParents().size() - 1);
                assertThat(topics).extracting(Topic::getQcode).contains(top);
            }
        }
        assertThat(topics).extracting(Topic::getQcode).contains("medtop:20000148");
    }

    @Test
    void anArticleWithoutEvidenceGetsNoTopicsRatherThanAGuess() {
        EnrichedArticle.Builder article = annotated(Fixtures.article("Untitled", List.of("Lorem ipsum dolor."), List.of()));
        assertThat(article.getTopics()).isEmpty();
    }

    @Test
    void theStandardAnnotatorIsSharedAndGivesTheSameAnswerFromManyThreads() throws Exception {
        assertThat(ArticleAnnotators.standard()).isSameAs(ANNOTATOR);
        List<Entity> expected = annotated(Fixtures.coalitionSummit()).getEntities();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Entity>>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> annotated(Fixtures.coalitionSummit()).getEntities()));
            }
            for (Future<List<Entity>> r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
