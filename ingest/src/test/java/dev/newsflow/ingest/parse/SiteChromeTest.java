package dev.newsflow.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteChromeTest {
    @ParameterizedTest
    @ValueSource(strings = {"shareprint", "Share", "share print", "Tweet", "Editor in chief — Kirill Martynov. Terms of use. Privacy policy.",
            "Read more: How the underdogs built their squad", "READ MORE", "Terms of use | Privacy policy | Cookie policy",
            "Privacy policy", "© 2026 Coastal Daily. All rights reserved.", "Subscribe to our newsletter", "Related:",
            "Advertisement"})
    void recognisesChrome(String line) {
        assertThat(SiteChrome.isChrome(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"The company changed its terms of use last week, angering users.",
            "Related talks will continue in Geneva next month.",
            "The editor-in-chief of the paper, Liisa Saar, resigned on Monday.",
            "Share prices fell by 4% on Monday."})
    void keepsReporting(String line) {
        assertThat(SiteChrome.isChrome(line)).isFalse();
    }
}
