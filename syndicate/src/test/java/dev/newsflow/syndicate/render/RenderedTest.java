package dev.newsflow.syndicate.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RenderedTest {
    private static final Instant UPDATED = Instant.parse("2026-11-29T06:00:00.250Z");

    @Test
    void theSameBytesGiveTheSameWeakEtagOnEveryInstance() {
        byte[] document = "<rss><channel><title>All</title></channel></rss>".getBytes(StandardCharsets.UTF_8);

        Rendered one = new Rendered(document.clone(), UPDATED);
        Rendered other = new Rendered(document.clone(), UPDATED);

        assertThat(one.etag()).isEqualTo(other.etag()).matches("W/\"[A-Za-z0-9_-]{16}\"");
        assertThat(one.lastModifiedHeader()).isEqualTo("Sun, 29 Nov 2026 06:00:00 GMT");
    }

    @Test
    void anyChangeOfTheBytesChangesTheEtag() {
        byte[] document = new byte[1 << 20];
        for (int i = 0; i < document.length; i++) {
            document[i] = (byte) ('a' + i % 26);
        }
        Set<String> etags = new HashSet<>();
        etags.add(Rendered.digest(document));
        for (int position : new int[] {0, 1, 4_096, document.length / 2, document.length - 1}) {
            byte[] changed = document.clone();
            changed[position] ^= 0x01;
            etags.add(Rendered.digest(changed));
        }
        etags.add(Rendered.digest(java.util.Arrays.copyOf(document, document.length - 1)));
        etags.add(Rendered.digest(java.util.Arrays.copyOf(document, document.length + 1)));

        assertThat(etags).hasSize(8);
    }
}
