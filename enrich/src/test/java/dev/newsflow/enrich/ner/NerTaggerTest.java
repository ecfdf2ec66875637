package dev.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The tagger's per-word caches change how the scores are summed, never what they are. */
class NerTaggerTest {

    private static NerInput input(String... sentences) {
        NerInput in = new NerInput();
        in.clear();
        for (String sentence : sentences) {
            char[] chars = sentence.toCharArray();
            in.beginText(chars);
            int i = 0;
            while (i < chars.length) {
                if (chars[i] == ' ') {
                    i++;
                    continue;
                }
                int j = i;
                while (j < chars.length && chars[j] != ' ') {
                    j++;
                }
                in.add(i, j);
                i = j;
            }
        }
        return in;
    }

    @Test
    void cachedScoresEqualTheSumOfEveryFeatureRow() {
        NerModel model = NerModel.standard();
        NerTagger tagger = model.newTagger();
        NerInput in = input("Keir Starmer met Emmanuel Macron in Paris on Tuesday .",
                "Starmer said the United Kingdom and France would send troops to Ukraine .",
                "The French president spoke to reporters .");
        // Twice, so the second run reads the cached sums of the first.
        tagger.tag(in);
        tagger.tag(in);
        float[] cached = tagger.emissions().clone();

        DocumentFeatures features = new DocumentFeatures(model.lexicon, model.bits);
        features.prepare(in);
        features.extract(in);
        float[] direct = new float[in.size() * Labels.COUNT];
        model.weights.emissions(features, direct);
        for (int i = 0; i < in.size(); i++) {
            if (!features.candidate[i]) {
                continue;
            }
            for (int y = 0; y < Labels.COUNT; y++) {
                assertThat(cached[i * Labels.COUNT + y]).as("token %d label %s", i, Labels.name(y))
                        .isEqualTo(direct[i * Labels.COUNT + y]);
            }
        }
    }

    @Test
    void aModelTrainedWithAnotherLexiconDoesNotLoad() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            java.io.DataOutputStream out = new java.io.DataOutputStream(gz);
            out.writeUTF(NerModel.MAGIC);
            out.writeInt(NerModel.FORMAT);
            out.writeUTF("0".repeat(64));
            out.flush();
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NerModel.read(
                        new java.io.ByteArrayInputStream(bytes.toByteArray()), Lexicon.load()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("another lexicon");
    }
}
