package dev.newsflow.enrich.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TokensAndKeywordTrieTest {

    private static List<String> words(Tokens t) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < t.size; i++) {
            words.add(t.text(i));
        }
        return words;
    }

    @Test
    void possessivesSplitOffInitialismsKeepTheirStopsAndHyphenatedWordsStayWhole() {
        Tokens t = Tokens.of("France’s U.S.-led plan, a Hamas-run office, said Mr. John F. Kennedy.");
        assertThat(words(t)).containsExactly("France", "’", "s", "U.S.", "-", "led", "plan", ",", "a", "Hamas-run",
                "office", ",", "said", "Mr", ".", "John", "F", ".", "Kennedy", ".");
        // Full stops after "Mr" and the initial "F" do not start a new sentence.
        assertThat(t.is(15, Tokens.SENTENCE_START)).isFalse();
        assertThat(t.is(18, Tokens.SENTENCE_START)).isFalse();
        assertThat(t.is(0, Tokens.SENTENCE_START)).isTrue();
        assertThat(t.is(0, Tokens.UPPER)).isTrue();
    }

    @Test
    void keywordTrieMatchesWholeWordsPrefixesPhrasesAndPartsOfHyphenatedWords() {
        Map<String, Integer> keywords = new TreeMap<>();
        keywords.put("war", 0);
        keywords.put("econom", 1);
        keywords.put("prime minister", 2);
        keywords.put("coup", 3);
        boolean[] prefix = {false, true, false, false};
        KeywordTrie trie = new KeywordTrie(keywords, prefix);
        List<Integer> found = new ArrayList<>();
        trie.scan(Tokens.of("The Prime Minister said the economy and anti-war protests, not a couple, mattered; warm."),
                (keyword, end) -> found.add(keyword));
        // "warm" is not "war" and "couple" is not "coup"; "economy" matches the prefix "econom".
        assertThat(found).containsExactlyInAnyOrder(2, 1, 0);
    }
}
