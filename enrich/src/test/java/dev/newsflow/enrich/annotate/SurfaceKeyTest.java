package dev.newsflow.enrich.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SurfaceKeyTest {
    @Test
    void caseAccentsFullStopsAndApostrophesDoNotCount() {
        assertThat(SurfaceKey.of("U.S.")).isEqualTo(SurfaceKey.of("US"));
        assertThat(SurfaceKey.of("Erdoğan")).isEqualTo(SurfaceKey.of("Erdogan"));
        assertThat(SurfaceKey.of("People’s Party")).isEqualTo(SurfaceKey.of("Peoples party"));
        assertThat(SurfaceKey.of("Jean-Luc  Mélenchon")).isEqualTo(SurfaceKey.of("jean luc melenchon"));
        assertThat(SurfaceKey.of("Zelenskyy")).isNotEqualTo(SurfaceKey.of("Zelensky"));
        assertThat(SurfaceKey.normalise("Łódź  Région")).isEqualTo("lodz region");
    }

    @Test
    void aRangeHashesLikeTheSameTextOnItsOwn() {
        String text = "said Keir Starmer's spokesman";
        assertThat(SurfaceKey.of(text, 5, 17)).isEqualTo(SurfaceKey.of("Keir Starmer"));
    }

    @Test
    void everyKindOfWhitespaceIsOneSpaceButANoBreakSpaceIsNot() {
        long key = SurfaceKey.of("Keir Starmer");
        assertThat(SurfaceKey.of("Keir\r\n\tStarmer")).isEqualTo(key);
        assertThat(SurfaceKey.of("Keir\u000BStarmer")).isEqualTo(key);
        assertThat(SurfaceKey.of("Keir\u001FStarmer")).isEqualTo(key);
        assertThat(SurfaceKey.of("Keir\u2003Starmer")).isEqualTo(key);
        assertThat(SurfaceKey.of("Keir\u3000Starmer")).isEqualTo(key);
        assertThat(SurfaceKey.of(" Keir Starmer\u2003")).isEqualTo(key);
        assertThat(SurfaceKey.normalise("Keir\u2003\r\nStarmer")).isEqualTo("keir starmer");
        // U+00A0 is not whitespace to Character.isWhitespace: it stays a character of the name.
        assertThat(SurfaceKey.of("Keir\u00A0Starmer")).isNotEqualTo(key);
        assertThat(SurfaceKey.of("KeirStarmer")).isNotEqualTo(key);
    }
}
