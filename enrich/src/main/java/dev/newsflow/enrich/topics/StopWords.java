package dev.newsflow.enrich.topics;

/**
 * English function words, which say nothing of a story's topic: not features, and skipped when word
 * pairs are made. Held as the hashes {@link WordScanner} computes (after its plural stemming), in an
 * open-addressing table small enough to stay in the first-level cache.
 */
final class StopWords {
    static final String[] WORDS = {
        "a", "about", "above", "after", "again", "against", "ago", "all", "almost", "also", "although", "am", "among",
        "an", "and", "another", "any", "are", "around", "as", "at", "be", "because", "been", "before", "being",
        "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during",
        "each", "either", "even", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "if", "in", "into", "is",
        "it", "its", "itself", "just", "last", "least", "less", "like", "made", "make", "many", "may", "me", "might",
        "more", "most", "much", "must", "my", "myself", "neither", "no", "nor", "not", "now", "of", "off", "on",
        "once", "one", "only", "or", "other", "others", "our", "ours", "ourselves", "out", "over", "own", "per",
        "rather", "said", "same", "say", "says", "she", "should", "since", "so", "some", "still", "such", "than",
        "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
        "though", "through", "to", "too", "under", "until", "up", "upon", "us", "very", "was", "we", "were", "what",
        "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
        "without", "would", "yet", "you", "your", "yours", "yourself", "two", "three", "first", "second", "new",
        "year", "week", "month", "day", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mr", "mrs", "ms", "told", "according", "added", "including", "well", "back", "next", "time", "get", "got",
        "go", "going", "went", "take", "took", "come", "came", "there", "re", "ve", "ll", "don", "didn", "doesn",
        "isn", "wasn", "st", "nd", "rd", "th"};

    private static final long[] TABLE;
    private static final int MASK;

    static {
        int size = Integer.highestOneBit(WORDS.length * 4);
        TABLE = new long[size];
        MASK = size - 1;
        for (String word : WORDS) {
            char[] chars = word.toCharArray();
            int n = WordScanner.stem(chars, chars.length);
            long h = FeatureKeys.hash(chars, n);
            int slot = (int) FeatureKeys.mix(h) & MASK;
            while (TABLE[slot] != 0 && TABLE[slot] != h) {
                slot = (slot + 1) & MASK;
            }
            TABLE[slot] = h;
        }
    }

    private StopWords() {
    }

    static boolean contains(long hash) {
        int slot = (int) FeatureKeys.mix(hash) & MASK;
        while (true) {
            long k = TABLE[slot];
            if (k == hash) {
                return true;
            }
            if (k == 0) {
                return false;
            }
            slot = (slot + 1) & MASK;
        }
    }
}
