package dev.newsflow.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenNlpLanguageDetectorTest {
    private static OpenNlpLanguageDetector detector;

    @BeforeAll
    static void load() {
        detector = OpenNlpLanguageDetector.load();
    }

    @Test
    void detectsCommonNewsLanguagesAsBcp47Tags() {
        assertThat(detector.detect("Leaders of eight Nordic and Baltic states agreed on Saturday to pool their "
                + "coastguard patrols in the Baltic Sea.")).contains("en");
        assertThat(detector.detect("Les dirigeants de huit États nordiques et baltes ont convenu samedi de mettre "
                + "en commun leurs patrouilles.")).contains("fr");
        assertThat(detector.detect("Лидеры восьми северных и балтийских государств договорились в субботу объединить "
                + "патрули береговой охраны.")).contains("ru");
    }

    @Test
    void longTextIsNamedFromItsOpeningOrFromTheFullSample() {
        String english = "Leaders of eight Nordic and Baltic states agreed on Saturday to pool their coastguard "
                + "patrols in the Baltic Sea, after a cable between two of them was cut for the third time this year. ";
        String french = "Les dirigeants de huit États nordiques et baltes ont convenu samedi de mettre en commun "
                + "leurs patrouilles de garde-côtes en mer Baltique, après la rupture d'un câble. ";
        assertThat(detector.detect(english.repeat(8))).contains("en");
        assertThat(detector.detect(french.repeat(8))).contains("fr");
        // An opening of figures says little: the detector reads on, and the prose after it decides.
        String figures = "2024 12 06 | 17:59 | 0.61 1.27 1.86 | 4,844 | 173 218 | 9.15 2.60 1.75 1.73 0.90 | ".repeat(4);
        assertThat(figures.length()).isGreaterThan(OpenNlpLanguageDetector.PROBE_CHARS);
        assertThat(detector.detect(figures + english.repeat(3))).contains("en");
    }

    @Test
    void theOpeningEndsAtASpaceWithinTheProbeLength() {
        String text = "word ".repeat(200);
        String opening = OpenNlpLanguageDetector.opening(text);
        assertThat(opening.length()).isLessThanOrEqualTo(OpenNlpLanguageDetector.PROBE_CHARS)
                .isGreaterThan(OpenNlpLanguageDetector.PROBE_CHARS - 6);
        assertThat(opening).endsWith("word");
        assertThat(OpenNlpLanguageDetector.opening("short text")).isEqualTo("short text");
        // No space to cut at: the probe length as it is.
        assertThat(OpenNlpLanguageDetector.opening("x".repeat(1_000))).hasSize(OpenNlpLanguageDetector.PROBE_CHARS);
    }

    @Test
    void tooLittleTextLeavesTheLanguageUnknown() {
        assertThat(detector.detect("Short text")).isEmpty();
    }

    @Test
    void mapsIso6393CodesToTheShortestTag() {
        assertThat(OpenNlpLanguageDetector.toBcp47("eng")).isEqualTo("en");
        assertThat(OpenNlpLanguageDetector.toBcp47("cmn")).isEqualTo("zh");
        assertThat(OpenNlpLanguageDetector.toBcp47("ukr")).isEqualTo("uk");
        assertThat(OpenNlpLanguageDetector.toBcp47("war")).isEqualTo("war");
    }
}
