package dev.newsflow.syndicate.harness;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.Articles;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic ~500-word enriched articles (8 paragraphs) for the measuring harnesses. */
final class HarnessArticles {
    private static final String[] WORDS = ("the harbour council said on monday that ferry services would resume "
            + "after the storm damaged two piers and a breakwater, while officials in the port's authority "
            + "warned \"repairs could take weeks\" and fishermen's groups asked for compensation from the "
            + "regional government & insurers; the mayor, speaking at city hall, promised a review of "
            + "emergency plans before winter").split(" ");

    private HarnessArticles() {
    }

    static EnrichedArticle article(int index) {
        Random random = new Random(index);
        List<String> body = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            StringBuilder paragraph = new StringBuilder();
            for (int w = 0; w < 62; w++) {
                paragraph.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            body.add(paragraph.append('.').toString());
        }
        return Articles.story("harness-" + index, "Harbour story number " + index)
                .setReceivedAt(Articles.T0.plusSeconds(index))
                .setBody(body)
                .build();
    }
}
