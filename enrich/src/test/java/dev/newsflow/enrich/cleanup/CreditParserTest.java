package dev.newsflow.enrich.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.cleanup.CreditParser.Credit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CreditParserTest {

    @ParameterizedTest(name = "{0} -> creditline {1}, by {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Photo: EPA / Ludovic Marin | EPA | Ludovic Marin",
            "EPA/Ludovic Marin | EPA | Ludovic Marin",
            "Ludovic Marin/EPA | EPA | Ludovic Marin",
            "Ludovic Marin / AFP | AFP | Ludovic Marin",
            "AFP/Ludovic Marin | AFP | Ludovic Marin",
            "Photo: EPA-EFE / Ludovic Marin | EPA-EFE | Ludovic Marin",
            "Ludovic Marin/POOL/AFP | POOL/AFP | Ludovic Marin",
            "AP Photo/Evan Vucci | AP | Evan Vucci",
            "(AP Photo/Evan Vucci) | AP | Evan Vucci",
            "AFP PHOTO / LUDOVIC MARIN | AFP | LUDOVIC MARIN",
            "Reuters Photo/Yves Herman | Reuters | Yves Herman",
            "Photo by Jane Doe for The Guardian | The Guardian | Jane Doe",
            "Photograph by Jane Doe for Politico Europe | Politico Europe | Jane Doe",
            "Photo by Jane Doe/Getty Images | Getty Images | Jane Doe",
            "Photo by Jane Doe | - | Jane Doe",
            "Photo by Reuters | Reuters | -",
            "Getty Images | Getty Images | -",
            "Photo: Getty Images | Getty Images | -",
            "Jane Doe via Getty Images | Getty Images | Jane Doe",
            "Ludovic Marin/AFP via Getty Images | AFP via Getty Images | Ludovic Marin",
            "AFP via Getty Images | AFP via Getty Images | -",
            "Photograph: Jane Doe/Reuters | Reuters | Jane Doe",
            "© Reuters | Reuters | -",
            "Photo: Reuters | Reuters | -",
            "Photo: Ludovic Marin | - | Ludovic Marin",
            "Ludovic Marin, AFP | AFP | Ludovic Marin",
            "Photo courtesy of the Ukrainian Presidential Press Service | the Ukrainian Presidential Press Service | -",
            "Photo: Handout | Handout | -",
            "Photo: Shutterstock | Shutterstock | -",
            "Photo: Jean-Luc van der Berg / ANP | ANP | Jean-Luc van der Berg",
            "Photo: Novaya Gazeta Europe / Jane Doe | Novaya Gazeta Europe | Jane Doe",
            "Jane Doe for The Guardian | The Guardian | Jane Doe",
            "Photo: Jane Doe (Reuters) | Reuters | Jane Doe",
            "REUTERS/Jane Doe/File Photo | REUTERS | Jane Doe",
    })
    void splitsCreditIntoCreditlineAndBy(String printed, String creditline, String by) {
        Credit credit = CreditParser.parse(printed);
        assertThat(credit.creditline()).as("creditline").isEqualTo(creditline);
        assertThat(credit.by()).as("by").isEqualTo(by);
        assertThat(credit.raw()).isEqualTo(printed);
    }

    @Test
    void blankCreditHasNeitherPart() {
        assertThat(CreditParser.parse("  ").quality()).isZero();
        assertThat(CreditParser.parse(null).raw()).isNull();
    }

    @Test
    void ranksFullerCreditsHigher() {
        assertThat(CreditParser.parse("EPA / Ludovic Marin").quality())
                .isGreaterThan(CreditParser.parse("EPA").quality());
        assertThat(CreditParser.parse("EPA").quality())
                .isGreaterThan(CreditParser.parse("Photo by Ludovic Marin").quality());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Leaders meet in Paris, France, 6 January 2026. Photo: EPA / Ludovic Marin | Leaders meet in Paris, France, 6 January 2026. | Photo: EPA / Ludovic Marin",
            "President Smith speaks in Washington. (AP Photo/Evan Vucci) | President Smith speaks in Washington. | AP Photo/Evan Vucci",
            "Crowds gather in Lisbon. Photograph by Jane Doe for The Guardian | Crowds gather in Lisbon. | Photograph by Jane Doe for The Guardian",
            "Crowds gather in Lisbon (Photo: Reuters) | Crowds gather in Lisbon | Photo: Reuters",
    })
    void findsTheCreditPrintedAtTheEndOfACaption(String text, String caption, String credit) {
        assertThat(CreditParser.splitTrailingCredit(text))
                .hasValueSatisfying(split -> {
                    assertThat(split.caption()).isEqualTo(caption);
                    assertThat(split.credit()).isEqualTo(credit);
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The photo: a symbol of the war, said the curator, who chose it from hundreds of images for the show.",
            "Macron said the summit was a success (the third this year).",
            "Ukraine's Western allies signed a joint declaration on Tuesday.",
    })
    void leavesOrdinarySentencesAlone(String text) {
        assertThat(CreditParser.splitTrailingCredit(text)).isEmpty();
    }

    @Test
    void recognisesABareCreditParagraph() {
        assertThat(CreditParser.isBareCredit("Photo: EPA / Ludovic Marin")).isTrue();
        assertThat(CreditParser.isBareCredit("Leaders met in Paris. Photo: EPA / Ludovic Marin")).isFalse();
    }
}
