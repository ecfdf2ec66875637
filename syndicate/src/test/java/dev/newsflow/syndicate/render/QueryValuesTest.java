package dev.newsflow.syndicate.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.syndicate.partner.PartnerTokens;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QueryValuesTest {
    private static final String ALPHABET = "aZ09-_.*~ +%&=/?#é€😀\u0000";

    @Test
    void encodesAndDecodesExactlyAsTheJdkDoes() {
        List<String> values = new ArrayList<>(List.of("", "abc", "a b", "a+b", "100%", "x=y&z", "~tilde", "café",
                "emoji😀", "AZaz09-_.*", PartnerTokens.newToken()));
        SplittableRandom random = new SplittableRandom(20261207);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                value.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
                        random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
            }
            values.add(value.toString());
        }
        for (String value : values) {
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
            assertThat(QueryValues.encode(value)).as(value).isEqualTo(encoded);
            assertThat(QueryValues.decode(encoded)).as(encoded).isEqualTo(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        }
    }

    @Test
    void aTokenNeedsNoEscapingAndComesBackAsTheSameString() {
        String token = PartnerTokens.newToken();
        assertThat(QueryValues.encode(token)).isSameAs(token);
        assertThat(QueryValues.decode(token)).isSameAs(token);
    }

    @Test
    void aMalformedEscapeIsRefusedAsTheJdkRefusesIt() {
        assertThatThrownBy(() -> QueryValues.decode("ab%zz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryValues.decode("ab%4")).isInstanceOf(IllegalArgumentException.class);
    }
}
