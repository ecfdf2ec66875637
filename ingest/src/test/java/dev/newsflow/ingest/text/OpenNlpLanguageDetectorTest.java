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
