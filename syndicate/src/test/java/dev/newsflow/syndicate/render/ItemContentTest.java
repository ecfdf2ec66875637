package dev.newsflow.syndicate.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItemContentTest {
    @Test
    void textWithoutMarkupIsOnlyCleanedAndStripped() {
        String plain = "It's 5 & 6 \"quoted\" > nothing";
        assertThat(ItemContent.text(plain)).isSameAs(plain);
        assertThat(ItemContent.text("  a\u0007b \n")).isEqualTo("ab");
    }

    @Test
    void scriptAndStyleBlocksAndTagsAreRemoved() {
        assertThat(ItemContent.text("a <SCRIPT type=x>alert(1)</script > b <style>p{}</STYLE> c")).isEqualTo("a  b  c");
        assertThat(ItemContent.text("a <script>never closed\nstill script")).isEqualTo("a");
        assertThat(ItemContent.text("a <scripts>kept</scripts> b")).isEqualTo("a kept b");
        assertThat(ItemContent.text("x <!-- comment --> y <![CDATA[ z <b>bold</b> 1 < 2")).isEqualTo("x  y  z bold 1 < 2");
    }

    @Test
    void escapeHtmlEscapesMarkupCharactersOnly() {
        String plain = "nothing to escape";
        assertThat(ItemContent.escapeHtml(plain)).isSameAs(plain);
        assertThat(ItemContent.escapeHtml("It's <b> & \"q\"")).isEqualTo("It&#39;s &lt;b&gt; &amp; &quot;q&quot;");
    }

    /** Found by FeedRenderingFuzzTest: an unpaired surrogate in a canonical URL made every feed carrying it fail. */
    @Test
    void aUrlWithAnUnpairedSurrogateOrAControlCharacterIsNoUrl() {
        assertThat(ItemContent.absoluteHttpUrl("https://example.org/a\uD800")).isEmpty();
        assertThat(ItemContent.absoluteHttpUrl("https://example.org/a\u0001")).isEmpty();
        assertThat(ItemContent.absoluteHttpUrl("https://example.org/caf\u00E9")).hasValue("https://example.org/caf%C3%A9");
    }
}
