package dev.newsflow.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.Test;

/** The flat copy of OpenNLP's language model gives OpenNLP's probabilities, to the bit, for every language. */
class FlatLanguageModelTest {
    private static LanguageDetectorModel openNlp;
    private static FlatLanguageModel flat;

    /** Loaded once for both kinds of test (JUnit's and jqwik's lifecycles differ). */
    static synchronized void load() throws IOException {
        if (openNlp != null) {
            return;
        }
        try (InputStream in = FlatLanguageModelTest.class.getResourceAsStream("/langdetect-183.bin")) {
            openNlp = new LanguageDetectorModel(new BufferedInputStream(in));
        }
        flat = FlatLanguageModel.of(openNlp.getMaxentModel());
    }

    @Test
    void newsInManyLanguagesScoresAsInOpenNlp() throws IOException {
        load();
        for (String text : List.of(
                "Leaders of eight Nordic and Baltic states agreed on Saturday to pool their coastguard patrols.",
                "Die Regierungschefs von acht nordischen und baltischen Staaten haben sich am Samstag geeinigt.",
                "Les dirigeants de huit États nordiques et baltes ont convenu samedi de mettre en commun leurs patrouilles.",
                "Los líderes de ocho estados nórdicos y bálticos acordaron el sábado unir sus patrullas.",
                "Лидеры восьми северных и балтийских государств договорились в субботу объединить патрули.",
                "قادة ثماني دول من دول الشمال والبلطيق اتفقوا يوم السبت على توحيد دورياتهم",
                "北欧和波罗的海八国领导人周六同意联合海岸警卫队巡逻。",
                "Przywódcy ośmiu państw nordyckich i bałtyckich uzgodnili w sobotę połączenie patroli.",
                "2024 | 17:59 | 0.61 | 4,844", "", "a")) {
            assertSameAsOpenNlp(text);
        }
    }

    @Property(tries = 300)
    void anyTextScoresAsInOpenNlp(@ForAll("texts") String text) throws IOException {
        load();
        assertSameAsOpenNlp(text);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> letters = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.chars().range('a', 'z')),
                Tuple.of(2, Arbitraries.chars().with(' ', ' ', '.', ',', '\n', '1', 'A', 'Z')),
                Tuple.of(2, Arbitraries.chars().range('\u00c0', '\u017f')),
                Tuple.of(1, Arbitraries.chars().range('\u0400', '\u04ff')),
                Tuple.of(1, Arbitraries.chars().range('\u4e00', '\u4fff')),
                Tuple.of(1, Arbitraries.chars().with('\ud83d', '\ude00', '@', '#', '/', ':')));
        return letters.list().ofMaxSize(200).map(cs -> {
            StringBuilder text = new StringBuilder();
            cs.forEach(text::append);
            return text.toString();
        });
    }

    private static void assertSameAsOpenNlp(String text) {
        Language[] expected = new LanguageDetectorME(openNlp).predictLanguages(text);
        double[] actual = flat.probabilities(openNlp.getFactory().getContextGenerator().getContext(text));
        assertThat(actual).hasSize(expected.length);
        for (Language language : expected) {
            int outcome = outcomeOf(language.getLang());
            assertThat(actual[outcome]).as("%s in %s", language.getLang(), text).isEqualTo(language.getConfidence());
        }
    }

    private static int outcomeOf(String language) {
        for (int o = 0; o < flat.languageCount(); o++) {
            if (flat.language(o).equals(language)) {
                return o;
            }
        }
        throw new AssertionError("no outcome " + language);
    }
}
