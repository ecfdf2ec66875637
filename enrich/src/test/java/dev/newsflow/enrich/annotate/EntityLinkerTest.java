package dev.newsflow.enrich.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.Entity;
import dev.newsflow.schema.EntityType;
import dev.newsflow.schema.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The linker on its own, fed spans as any recogniser would give them (text, offsets, type, confidence):
 * the seam the statistical recogniser plugs into.
 */
class EntityLinkerTest {
    private static final KnowledgeBase KB = KnowledgeBase.load();
    private static final EntityLinker LINKER = new EntityLinker(KB, LinkCalibration.load());

    /** An article of one body paragraph, with the mentions marked {surface|TYPE}. */
    private static List<Entity> link(String marked) {
        List<RecognisedMention> mentions = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < marked.length()) {
            int open = marked.indexOf('{', i);
            if (open < 0) {
                text.append(marked, i, marked.length());
                break;
            }
            text.append(marked, i, open);
            int bar = marked.indexOf('|', open);
            int close = marked.indexOf('}', bar);
            int start = text.length();
            text.append(marked, open + 1, bar);
            mentions.add(RecognisedMention.of(0, start, text.length(), EntityType.valueOf(marked.substring(bar + 1, close)), 0.9));
            i = close + 1;
        }
        List<ArticleField> fields = List.of(new ArticleField("body[0]", text.toString(), 1.0, true));
        return LINKER.link(fields, EntityRecognizer.tokenize(fields), mentions, Map.of());
    }

    private static Entity withMention(List<Entity> entities, String text) {
        return entities.stream().filter(e -> e.getMentions().stream().anyMatch(m -> m.getText().equals(text))).findFirst()
                .orElseThrow(() -> new AssertionError("no entity with mention " + text + " in " + entities));
    }

    @Test
    void theRecognisersTypeDecidesBetweenACompanyAndARainforest() {
        List<Entity> company = link("{Amazon|ORGANIZATION} will invest $10bn in data centres in {Brazil|PLACE}, its shares rose.");
        assertThat(withMention(company, "Amazon").getWikidataId()).isEqualTo("Q3884");

        List<Entity> forest = link("Farmers are clearing the {Amazon|PLACE} rainforest in {Brazil|PLACE} for cattle and soy.");
        assertThat(withMention(forest, "Amazon").getWikidataId()).isNull();
        assertThat(withMention(forest, "Brazil").getWikidataId()).isEqualTo("Q155");
    }

    @Test
    void aPersonsGivenNameAfterTheFullNameIsThePersonNotTheCity() {
        List<Entity> found = link("{Paris Hilton|PERSON} opened a shop. \"It is a dream,\" {Paris|PERSON} said in {Las Vegas|PLACE}.");
        Entity hilton = withMention(found, "Paris Hilton");
        assertThat(hilton.getMentions()).extracting(Mention::getText).containsExactly("Paris Hilton", "Paris");
        assertThat(found).extracting(Entity::getWikidataId).doesNotContain("Q90");
    }

    @Test
    void aNationalPartyOfAnotherCountryIsNotLinkedByItsShortName() {
        List<Entity> norway = link("Prime Minister {Jonas Gahr Støre|PERSON} said {Labour|ORGANIZATION} had won in {Norway|PLACE},"
                + " and voters in {Oslo|PLACE} cheered.");
        assertThat(withMention(norway, "Labour").getWikidataId()).isNull();
        assertThat(withMention(norway, "Jonas Gahr Støre").getWikidataId()).isEqualTo("Q467948");

        List<Entity> britain = link("{Keir Starmer|PERSON} told {Labour|ORGANIZATION} members in {London|PLACE} that"
                + " {Britain|PLACE} needed growth.");
        assertThat(withMention(britain, "Labour").getWikidataId()).isEqualTo("Q9630");
    }

    @Test
    void aLegislatorIsLinkedWhenTheArticleSaysSo() {
        List<Entity> found = link("Senator {Elizabeth Warren|PERSON} of {Massachusetts|PLACE} told the {Senate|ORGANIZATION}"
                + " that lawmakers in {Washington|PLACE} must vote on the bill.");
        assertThat(withMention(found, "Elizabeth Warren").getWikidataId()).isEqualTo("Q434706");
        assertThat(withMention(found, "Massachusetts").getWikidataId()).isEqualTo("Q771");
    }

    @Test
    void aBrandThatIsAnOrdinaryWordNeedsMoreThanItsName() {
        List<Entity> found = link("{Next|ORGANIZATION} said on Monday that it would publish its plans soon.");
        assertThat(withMention(found, "Next").getWikidataId()).isNull();
    }

    @Test
    void aMiscMentionIsLinkedByNameAndContextAlone() {
        List<Entity> found = link("{Djokovic|PERSON} reached the {Wimbledon|OTHER} final after beating {Jannik Sinner|PERSON}.");
        assertThat(withMention(found, "Wimbledon").getWikidataId()).isEqualTo("Q41520");
    }

    @Test
    void everyMentionKeepsItsOffsetsAndNoEntityIsEmpty() {
        List<Entity> found = link("{Keir Starmer|PERSON} met {Starmer|PERSON}'s aides and {Emmanuel Macron|PERSON} in {Paris|PLACE}.");
        for (Entity e : found) {
            assertThat(e.getMentions()).isNotEmpty();
            assertThat(e.getConfidence()).isBetween(0.0, 1.0);
        }
        assertThat(withMention(found, "Keir Starmer").getMentions()).hasSize(2);
    }
}
