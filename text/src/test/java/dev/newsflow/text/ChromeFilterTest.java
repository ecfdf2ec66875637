package dev.newsflow.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChromeFilterTest {
    private final ChromeFilter filter = new ChromeFilter();

    @ParameterizedTest
    @ValueSource(strings = {
            "shareprint", "Share", "Print", "share print", "Share Tweet Email", "sharetweetemail", "Copy link",
            "Advertisement", "Read more", "Story continues below advertisement",
            "Editor in chief \u2014 Kirill Martynov. Terms of use. Privacy policy.",
            "Terms of use. Privacy policy.", "\u00A9 2026 Example Media. All rights reserved.",
            "Follow us on Telegram.", "Sign up for our daily newsletter.", "Read more: Leaders meet in Paris",
            "Reproduction without written permission is prohibited.", "***",
    })
    void recognisesChrome(String paragraph) {
        assertThat(filter.classify(paragraph)).as(paragraph).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Ukraine\u2019s Western allies signed a joint declaration on Tuesday.",
            "The company changed its privacy policy after regulators in Dublin opened an inquiry.",
            "Share prices fell 3% in Frankfurt.",
            "Print editions of the newspaper will stop in June, the editor in chief said.",
            "Terms of use for the new platform were published on Monday, the ministry said.",
            "More to follow.",
            "Editor in chief \u2014 Kirill Martynov said the paper would keep publishing. Terms of use were changed.",
    })
    void keepsContent(String paragraph) {
        assertThat(filter.classify(paragraph)).as(paragraph).isEmpty();
    }

    /** The lines ingest's own list (SiteChrome, merged into this one) recognised and kept, still so. */
    @ParameterizedTest
    @ValueSource(strings = {"shareprint", "Share", "share print", "Tweet",
            "Editor in chief — Kirill Martynov. Terms of use. Privacy policy.",
            "Read more: How the underdogs built their squad", "READ MORE", "Terms of use | Privacy policy | Cookie policy",
            "Privacy policy", "© 2026 Coastal Daily. All rights reserved.", "Subscribe to our newsletter", "Related:",
            "Advertisement"})
    void recognisesTheLinesIngestDropsFromPagesAndScrapedText(String line) {
        assertThat(filter.isChrome(line)).as(line).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"The company changed its terms of use last week, angering users.",
            "Related talks will continue in Geneva next month.",
            "The editor-in-chief of the paper, Liisa Saar, resigned on Monday.",
            "Share prices fell by 4% on Monday."})
    void keepsReportingThatMentionsChromeWords(String line) {
        assertThat(filter.isChrome(line)).as(line).isFalse();
    }

    @org.junit.jupiter.api.Test
    void splitsWidgetTextGluedToTheEndOfAParagraph() {
        assertThat(filter.trailingWidget("Zelensky thanked Washington for its support.shareprint"))
                .hasValueSatisfying(glued -> {
                    assertThat(glued.content()).isEqualTo("Zelensky thanked Washington for its support.");
                    assertThat(glued.chrome()).isEqualTo("shareprint");
                });
        assertThat(filter.trailingWidget("The reconstruction\u201D. ShareTweetEmail")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The ministry said it would print.", "Officials refused to share", "They met in Paris. Share",
            "Newspapers stopped the presses. Print", "shareprint",
    })
    void leavesParagraphEndsThatAreWordsAlone(String paragraph) {
        assertThat(filter.trailingWidget(paragraph)).as(paragraph).isEmpty();
    }
}
