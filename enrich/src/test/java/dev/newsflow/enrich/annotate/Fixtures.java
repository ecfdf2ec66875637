package dev.newsflow.enrich.annotate;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.CleanupReport;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Image;
import dev.newsflow.schema.SourceFormat;
import java.time.Instant;
import java.util.List;

/** Articles written for these tests, in the shape of the real seed article (not its text). */
final class Fixtures {
    private Fixtures() {
    }

    static EnrichedArticle.Builder article(String headline, List<String> body, List<Image> images) {
        return EnrichedArticle.newBuilder()
                .setArticleId("test:1")
                .setPublisherId("test")
                .setVersion(1)
                .setAction(ArticleAction.values()[0])
                .setSourceFormat(SourceFormat.values()[0])
                .setReceivedAt(Instant.EPOCH)
                .setEnrichedAt(Instant.EPOCH)
                .setHeadline(headline)
                .setBody(body)
                .setImages(images)
                .setCleanup(CleanupReport.newBuilder().build())
                .setContentHash("0");
    }

    static final String CAPTION = "Ukraine’s President Volodymyr Zelensky, France’s President Emmanuel Macron and "
            + "Britain’s Prime Minister Keir Starmer pose for photographers after agreeing a plan for a reassurance "
            + "force, at the Élysée Palace in Paris, France, 6 January 2026.";

    /** The seed's shape: headline, one captioned photo credited "EPA / Ludovic Marin", news body. */
    static EnrichedArticle.Builder coalitionSummit() {
        return article(
                "Britain and France promise troops for Ukraine once a truce with Russia holds",
                List.of(
                        "Kyiv’s Western partners agreed a joint statement on Tuesday promising “durable security "
                                + "guarantees” to Ukraine once a ceasefire with Russia takes hold, and the UK and France "
                                + "said they would send troops to Ukraine to discourage any new Russian offensive.",
                        "The statement, backed by the leaders of 26 countries in the Coalition of the Willing after a "
                                + "meeting in Paris, sets out five guarantees meant to secure a “fair and lasting peace”.",
                        "It provides for a US-led mechanism to watch over any ceasefire, long-term support for the "
                                + "Armed Forces of Ukraine and a multinational force to help rebuild Ukraine’s army.",
                        "French President Emmanuel Macron, who chaired the meeting, said the guarantees would make sure "
                                + "that a peace deal could never become a Ukrainian capitulation.",
                        "The UK and France went further, UK Prime Minister Keir Starmer said, by agreeing with "
                                + "Ukrainian President Volodymyr Zelensky to set up military hubs across Ukraine.",
                        "Starmer said the plan would let British and French forces operate on Ukrainian soil and help "
                                + "rebuild Ukraine’s armed forces.",
                        "Vladimir Putin has said that any Western troops sent to Ukraine would be a legitimate target "
                                + "for the Russian army.",
                        "US envoys Steve Witkoff and Jared Kushner attended the meeting but the US did not sign the "
                                + "statement, though Witkoff said US President Donald Trump stood firmly behind the "
                                + "security protocols, POLITICO reported.",
                        "Zelensky said the pledge was serious and, after meeting Witkoff and Kushner later on Tuesday, "
                                + "thanked Washington for its readiness to help."),
                List.of(Image.newBuilder().setCaption(CAPTION).setCreditline("EPA").setBy("Ludovic Marin")
                        .setRawCredit("EPA / Ludovic Marin").build()));
    }
}
