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
}
