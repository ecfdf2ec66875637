package dev.newsflow.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/** The shortcut names English prose the model names English, and stays silent on other languages. */
class EnglishFunctionWordsTest {
    private static final Map<String, String> ENGLISH = Map.of(
            "news", "Leaders of eight Nordic and Baltic states agreed on Saturday to pool their coastguard patrols in "
                    + "the Baltic Sea, after a cable between two of them was cut for the third time this year. "
                    + "Officials said the patrols would begin next month and that the costs would be shared.",
            "sport", "Harbour Town beat Millbridge 3-1 on Sunday to move into second place. Ana Ruiz scored twice "
                    + "before half-time and the visitors, who had not lost since August, could not find a way back "
                    + "after their captain was sent off in the 62nd minute. The win leaves Harbour Town two points "
                    + "behind the leaders with five games to play.",
            "quotes", "\"We have been waiting for this for years,\" said Maria Okafor, who runs a bakery near the "
                    + "station. \"When the line closed, people stopped coming into town. Now they will come back.\" "
                    + "The council said the first trains would run in March and that fares had not been set.",
            "figures", "Inflation fell to 2.4% in November from 2.9% in October, the statistics office said on "
                    + "Tuesday, as energy prices eased and food costs rose more slowly than expected. Economists "
                    + "polled by the agency had forecast 2.6%. The central bank, which meets next week, has said "
                    + "it would cut rates when inflation is back near its target.");

    private static final Map<String, String> OTHER = Map.ofEntries(
            Map.entry("de", "Die Regierungschefs von acht nordischen und baltischen Staaten haben sich am Samstag darauf "
                    + "geeinigt, ihre Küstenwachen in der Ostsee gemeinsam einzusetzen, nachdem ein Kabel zwischen zwei "
                    + "von ihnen in diesem Jahr zum dritten Mal durchtrennt wurde. Die Kosten werden geteilt, was die "
                    + "Minister als Fortschritt bezeichneten."),
            Map.entry("nl", "De leiders van acht Noordse en Baltische staten zijn zaterdag overeengekomen hun kustwachten "
                    + "in de Oostzee samen in te zetten, nadat een kabel tussen twee van hen dit jaar voor de derde keer "
                    + "was doorgesneden. De patrouilles beginnen volgende maand en de kosten worden gedeeld, zo is "
                    + "besloten."),
            Map.entry("sv", "Ledarna för åtta nordiska och baltiska stater kom på lördagen överens om att samordna sina "
                    + "kustbevakningar i Östersjön, efter att en kabel mellan två av länderna kapats för tredje gången "
                    + "i år. Patrullerna börjar nästa månad och kostnaderna delas lika mellan länderna."),
            Map.entry("da", "Lederne af otte nordiske og baltiske lande blev lørdag enige om at samle deres kystvagter "
                    + "i Østersøen, efter at et kabel mellem to af landene blev skåret over for tredje gang i år. "
                    + "Patruljerne begynder i næste måned, og udgifterne deles for første gang ligeligt."),
            Map.entry("no", "Lederne for åtte nordiske og baltiske land ble lørdag enige om å slå sammen kystvaktene "
                    + "sine i Østersjøen, etter at en kabel mellom to av landene ble kuttet for tredje gang i år. "
                    + "Patruljene starter neste måned, og kostnadene skal deles for første gang."),
            Map.entry("fr", "Les dirigeants de huit États nordiques et baltes ont convenu samedi de mettre en commun "
                    + "leurs patrouilles de garde-côtes en mer Baltique, après qu'un câble entre deux d'entre eux a été "
                    + "coupé pour la troisième fois cette année. Les patrouilles commenceront le mois prochain."),
            Map.entry("es", "Los líderes de ocho estados nórdicos y bálticos acordaron el sábado unir sus patrullas de "
                    + "guardacostas en el mar Báltico, después de que un cable entre dos de ellos fuera cortado por "
                    + "tercera vez este año. Las patrullas comenzarán el próximo mes y los costes se repartirán."),
            Map.entry("it", "I leader di otto stati nordici e baltici hanno concordato sabato di unire le loro pattuglie "
                    + "della guardia costiera nel mar Baltico, dopo che un cavo tra due di loro è stato tagliato per la "
                    + "terza volta quest'anno. Le pattuglie inizieranno il mese prossimo e i costi saranno divisi."),
            Map.entry("pt", "Os líderes de oito estados nórdicos e bálticos concordaram no sábado em juntar as suas "
                    + "patrulhas costeiras no mar Báltico, depois de um cabo entre dois deles ter sido cortado pela "
                    + "terceira vez este ano. As patrulhas começam no próximo mês e os custos serão divididos."),
            Map.entry("pl", "Przywódcy ośmiu państw nordyckich i bałtyckich uzgodnili w sobotę połączenie patroli straży "
                    + "przybrzeżnej na Bałtyku, po tym jak kabel między dwoma z nich został przecięty po raz trzeci w "
                    + "tym roku. Patrole rozpoczną się w przyszłym miesiącu, a koszty zostaną podzielone."),
            Map.entry("id", "Para pemimpin delapan negara Nordik dan Baltik sepakat pada hari Sabtu untuk menggabungkan "
                    + "patroli penjaga pantai mereka di Laut Baltik, setelah sebuah kabel antara dua negara itu putus "
                    + "untuk ketiga kalinya tahun ini. Patroli akan dimulai bulan depan dan biayanya dibagi bersama."),
            Map.entry("tl", "Nagkasundo noong Sabado ang mga pinuno ng walong bansang Nordiko at Baltiko na pagsamahin ang "
                    + "kanilang mga patrolya ng tanod baybayin sa Dagat Baltiko, matapos maputol sa ikatlong pagkakataon "
                    + "ngayong taon ang isang kable sa pagitan ng dalawa sa kanila. Magsisimula ang mga patrolya sa "
                    + "susunod na buwan at hahatiin ang gastos."),
            Map.entry("sw", "Viongozi wa nchi nane za Nordiki na Baltiki walikubaliana Jumamosi kuunganisha doria za "
                    + "walinzi wa pwani katika Bahari ya Baltiki, baada ya kebo kati ya nchi mbili kukatwa kwa mara ya "
                    + "tatu mwaka huu. Doria hizo zitaanza mwezi ujao na gharama zitagawanywa kwa usawa kati yao."),
            Map.entry("tr", "Sekiz İskandinav ve Baltık ülkesinin liderleri cumartesi günü Baltık Denizi'ndeki sahil "
                    + "güvenlik devriyelerini birleştirme konusunda anlaştı. Karar, iki ülke arasındaki bir kablonun bu "
                    + "yıl üçüncü kez kesilmesinin ardından alındı. Devriyeler gelecek ay başlayacak ve masraflar "
                    + "paylaşılacak."),
            Map.entry("ro", "Liderii a opt state nordice și baltice au convenit sâmbătă să își unească patrulele de pază "
                    + "de coastă în Marea Baltică, după ce un cablu dintre două dintre ele a fost tăiat pentru a treia "
                    + "oară anul acesta. Patrulele vor începe luna viitoare, iar costurile vor fi împărțite."),
            Map.entry("af", "Die leiers van agt Nordiese en Baltiese state het Saterdag ooreengekom om hul kuswagte in die "
                    + "Oossee saam te voeg, nadat 'n kabel tussen twee van hulle vanjaar vir die derde keer afgesny is. "
                    + "Die patrollies begin volgende maand en die koste sal gedeel word, het die ministers gesê."));

    /** Articles in another language that quote English, or mix it in: the model must decide them. */
    private static final Map<String, String> MIXED = Map.of(
            "de quoting en", "\"We will not accept a deal that leaves our workers without protection, and we have said "
                    + "that clearly to the company,\" said the union leader. Die Gewerkschaft hat am Montag angekündigt, "
                    + "dass die Streiks in allen Werken fortgesetzt werden, bis das Unternehmen ein neues Angebot "
                    + "vorlegt. Der Vorstand wies die Forderungen zurück und sprach von einer Eskalation.",
            "nl quoting en", "\"This is the best result that we could have hoped for, and the players have earned it,\" "
                    + "said the coach after the match. De ploeg won zaterdag met drie doelpunten verschil en staat nu "
                    + "bovenaan in de competitie. Het is voor het eerst in tien jaar dat de club zo hoog staat.",
            "tl mixed with en", "Sinabi ng pangulo na the government will continue to support the farmers who were "
                    + "affected by the typhoon, at ang mga pondo ay ilalabas na ngayong linggo. Ayon sa kanya, the funds "
                    + "have been approved and they would reach the provinces this month, habang ang mga lokal na "
                    + "opisyal ay naghahanda na.");

    @Test
    void englishProseIsNamedWithoutTheModelAndTheModelAgrees() {
        OpenNlpLanguageDetector model = OpenNlpLanguageDetector.load();
        ENGLISH.forEach((register, text) -> {
            assertThat(EnglishFunctionWords.clearlyEnglish(text)).as(register).isTrue();
            assertThat(model.detectWithModel(text)).as(register).contains("en");
        });
    }

    @Test
    void otherLanguagesAreLeftToTheModel() {
        OTHER.forEach((language, text) -> assertThat(EnglishFunctionWords.clearlyEnglish(text)).as(language).isFalse());
    }

    @Test
    void articlesInAnotherLanguageThatQuoteEnglishAreLeftToTheModel() {
        MIXED.forEach((kind, text) -> assertThat(EnglishFunctionWords.clearlyEnglish(text)).as(kind).isFalse());
    }

    @Test
    void curlyApostrophesAndDecomposedAccentsAreReadAsPartsOfWords() {
        String english = ENGLISH.get("news").replace("'", "\u2019");
        assertThat(EnglishFunctionWords.clearlyEnglish(english)).isTrue();
        // French with its accents decomposed (e + combining acute): still not ASCII prose.
        String decomposed = java.text.Normalizer.normalize(OTHER.get("fr"), java.text.Normalizer.Form.NFD);
        assertThat(EnglishFunctionWords.clearlyEnglish(decomposed)).isFalse();
    }

    @Test
    void tooFewWordsOrAnotherScriptAreLeftToTheModel() {
        assertThat(EnglishFunctionWords.clearlyEnglish("The mayor said that the port would reopen.")).isFalse();
        String cyrillic = "Лидеры восьми северных и балтийских государств договорились в субботу объединить "
                + "патрули береговой охраны, and the ministers said that the costs would be shared. ";
        assertThat(EnglishFunctionWords.clearlyEnglish(cyrillic.repeat(3))).isFalse();
        assertThat(EnglishFunctionWords.clearlyEnglish("2024 | 17:59 | 0.61 | 4,844 | 173 218 | ".repeat(20)))
                .isFalse();
    }

    /**
     * The scan agrees with the rule as its documentation states it, read with a regular expression: words are
     * runs of letters and non-spacing marks, with an apostrophe inside when a letter follows it; the first
     * {@value EnglishFunctionWords#MAX_WORDS} count; a word is English when all its letters are ASCII and it is in
     * the English list ignoring case, foreign when it is in the foreign list.
     */
    @Property(tries = 3_000)
    void theScanAgreesWithItsDefinition(@ForAll("openings") String text) {
        assertThat(EnglishFunctionWords.read(text)).isEqualTo(byDefinition(text));
    }

    @Provide
    Arbitrary<String> openings() {
        List<String> english = List.copyOf(EnglishFunctionWords.ENGLISH);
        List<String> foreign = List.copyOf(EnglishFunctionWords.FOREIGN);
        Arbitrary<String> word = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(english)),
                Tuple.of(6, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10)),
                Tuple.of(2, Arbitraries.of(foreign)),
                Tuple.of(2, Arbitraries.of(english).map(w -> w.toUpperCase(Locale.ROOT))),
                Tuple.of(1, Arbitraries.of(english).map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1))),
                Tuple.of(1, Arbitraries.of("don't", "it\u2019s", "o'", "'the", "the'", "and\u2019", "because", "becausee",
                        "the\u0301", "caf\u00e9", "n\u00c3o", "N\u00c3O", "\u00c4r", "si\u0119", "\u0130\u00e7in",
                        "\ud835\udc00bc", "the\ud83d\ude00and", "\u0130s", "abcdefgh", "thethe", "k\u212a")),
                Tuple.of(1, Arbitraries.strings().withChars("ab\u00e9\u00fc\u0301'\u2019\u03b1\u0436").ofMinLength(1)
                        .ofMaxLength(6)));
        Arbitrary<String> gap = Arbitraries.of(" ", " ", " ", ", ", ". ", "\n", " - ", "3 ", " 42% ", "'", "\u2019 ",
                "\u201c", "\u00a0", " \ud83d\ude00 ");
        return Combinators.combine(word.list().ofMaxSize(160), gap.list().ofSize(160)).as((words, gaps) -> {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < words.size(); k++) {
                text.append(words.get(k)).append(gaps.get(k));
            }
            return text.toString();
        });
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Mn}](?:[\\p{L}\\p{Mn}]|['\u2019](?=\\p{L}))*");

    private static EnglishFunctionWords.Opening byDefinition(String text) {
        Matcher m = WORD.matcher(text);
        int words = 0;
        int[] hits = new int[2];
        int foreign = 0;
        int ascii = 0;
        int other = 0;
        while (words < EnglishFunctionWords.MAX_WORDS && m.find()) {
            String word = m.group();
            String letters = word.replace("'", "").replace("\u2019", "");
            ascii += (int) letters.chars().filter(c -> c < 128).count();
            other += (int) letters.codePoints().filter(c -> c >= 128).count();
            String lower = word.toLowerCase(Locale.ROOT);
            if (letters.chars().allMatch(c -> c < 128) && EnglishFunctionWords.ENGLISH.contains(lower)) {
                hits[words < EnglishFunctionWords.MAX_WORDS / 2 ? 0 : 1]++;
            } else if (EnglishFunctionWords.FOREIGN.contains(lower)) {
                foreign++;
            }
            words++;
        }
        return new EnglishFunctionWords.Opening(words, hits[0], hits[1], foreign, ascii, other);
    }
}
