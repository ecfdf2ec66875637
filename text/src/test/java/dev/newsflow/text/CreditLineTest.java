package dev.newsflow.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditLineTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Leaders shake hands in Paris. Photo: EPA / Ludovic Marin|Leaders shake hands in Paris.|Photo: EPA / Ludovic Marin",
            "Leaders shake hands. Photo: Ludovic Marin / EPA|Leaders shake hands.|Photo: Ludovic Marin / EPA",
            "The captain lifts the cup. (Photo by Leo Marsh/Agence Sud)|The captain lifts the cup.|(Photo by Leo Marsh/Agence Sud)",
            "The goalkeeper dives. AP Photo/Jonas Berg|The goalkeeper dives.|AP Photo/Jonas Berg",
            "Fans celebrate. Reuters/Ana Lopes|Fans celebrate.|Reuters/Ana Lopes",
            "A quiet street. Photograph: Sam Hill/Getty Images|A quiet street.|Photograph: Sam Hill/Getty Images",
            "The harbour at dawn. Kaja Tamm/AFP|The harbour at dawn.|Kaja Tamm/AFP",
            "Photo: EPA / Kaja Tamm||Photo: EPA / Kaja Tamm"})
    void splitsTheCreditAsPrinted(String paragraph, String caption, String credit) {
        assertThat(CreditLine.split(paragraph)).contains(new CreditLine.Split(caption == null ? "" : caption, credit));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The minister said the photo was taken years ago.",
            "Opposition councillors said the levy would hurt shop owners in the centre.",
            "The exhibition shows images by local artists from the 1970s and 1980s in the old town hall."})
    void bodyTextHasNoCredit(String paragraph) {
        assertThat(CreditLine.split(paragraph)).isEmpty();
    }
}
