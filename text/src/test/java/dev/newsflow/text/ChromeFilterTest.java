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

    /** Classes of lines real article pages print around the story (issue 16; written examples of each class). */
    @ParameterizedTest
    @ValueSource(strings = {
            "To view the full story, please subscribe to The Harbour Post.",
            "Subscribe now to our digital edition for the full story.", "Already a subscriber? Log in to read the full story.",
            "For the latest stories download the Harbour Post app for iOS and Android.",
            "Follow the Harbour Post on Twitter and Instagram @HarbourPost.", "You can keep up with me on Twitter.",
            "Receive our monthly newsletter.", "Join Harbour Post Newsletters",
            "Never miss the latest news by signing up for our briefing.",
            "We rely on your support to make local news available to all.",
            "We want to hear what you think about this article.", "Submit your letter to the editor via this form.",
            "This post contains references to products from one or more of our advertisers.",
            "Unless otherwise stated, the content of this page is licensed under Creative Commons.",
            "You must be logged in to post a comment.", "Scroll to read more Harbour news",
            "Release Date:", "Category : Press Releases", "Send us a message on WhatsApp or email us at news@harbour.example.",
    })
    void recognisesPromptsAndLabelsPagesPrintAroundTheStory(String line) {
        assertThat(filter.classify(line)).as(line).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "To view the eclipse safely, astronomers said, people should use certified glasses.",
            "Subscribers to the service rose by 12% in the quarter, the company said.",
            "For the latest quarter the company reported a loss of 4 million euros.",
            "Follow-up inspections found no further damage to the bridge, the council said.",
            "We rely on volunteers for most of the work, the club's chairman said.",
            "This post office will close in June, the postal service said.",
            "Category 4 storms are expected to become more frequent, the report said.",
    })
    void keepsReportingThatBeginsLikeAPrompt(String line) {
        assertThat(filter.classify(line)).as(line).isEmpty();
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
