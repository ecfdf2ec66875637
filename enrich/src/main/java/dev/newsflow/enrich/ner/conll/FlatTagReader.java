package dev.newsflow.enrich.ner.conll;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads files whose tags are bare types, one a token, without B-/I- prefixes (GUM's {@code token TAB
 * person}): consecutive tokens of the same type are one name. Returned as IOB2 sentences so that the
 * rest of the scoring reads them like any CoNLL file.
 */
public final class FlatTagReader {
    private FlatTagReader() {
    }

    public static List<List<ConllSentence>> read(List<String> lines) {
        List<List<ConllSentence>> documents = ConllReader.read(lines);
        List<List<ConllSentence>> out = new ArrayList<>();
        for (List<ConllSentence> doc : documents) {
            List<ConllSentence> sentences = new ArrayList<>();
            for (ConllSentence s : doc) {
                List<String> tags = new ArrayList<>();
                String previous = null;
                for (String tag : s.tags()) {
                    String type = tag.equals("O") || tag.equals("_") || tag.isEmpty() ? null : tag;
                    tags.add(type == null ? "O" : (type.equals(previous) ? "I-" : "B-") + type);
                    previous = type;
                }
                sentences.add(new ConllSentence(s.tokens(), tags));
            }
            out.add(sentences);
        }
        return out;
    }
}
