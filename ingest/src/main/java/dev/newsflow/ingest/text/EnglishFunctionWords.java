package dev.newsflow.ingest.text;

import java.util.Locale;
import java.util.Set;

/**
 * Recognises plain English prose by its function words, before the statistical model is asked: most articles
 * ingest has to name are English, and this costs a few microseconds where the model costs a third of a plain-text
 * POST. It says "English" only when sure, and otherwise nothing (the model then decides):
 * <ul>
 *   <li>a long enough opening (≥ {@value #MIN_WORDS} words) almost all in ASCII letters (other scripts, and
 *       languages rich in diacritics, go to the model);</li>
 *   <li>at least {@value #MIN_SHARE_PERCENT} % of its words are English function words that are rare in other
 *       languages written in Latin letters ("in", "is", "was", "die", "on", "of", "for", "also", "will" are left
 *       out: they are common words elsewhere), in each half of the opening, so that one quoted English sentence
 *       cannot carry an article in another language;</li>
 *   <li>at most one frequent function word of another Latin-script language (German "und", Dutch "het", French
 *       "les", Tagalog "ang", …): an English article quoting a few words of another language goes to the model.</li>
 * </ul>
 * Of the 944 English articles in data/topics (dev set and written training articles) it names 927 and leaves 17 to
 * the model (openings light on function words, or with names such as "La Liga"); the translations and mixed texts of
 * EnglishFunctionWordsTest all go to the model.
 */
final class EnglishFunctionWords {
    /** Words read at most: enough for the share to settle, few enough to stay cheap. */
    static final int MAX_WORDS = 120;
    static final int MIN_WORDS = 30;
    static final int MIN_SHARE_PERCENT = 8;
    /** Letters outside ASCII above this share: another script or a language rich in diacritics. */
    private static final int MAX_NON_ASCII_LETTER_PERCENT = 3;
    private static final int MAX_FOREIGN_WORDS = 1;

    private static final Set<String> ENGLISH = Set.of("the", "and", "that", "with", "from", "which", "have", "has",
            "were", "would", "could", "should", "their", "they", "this", "these", "those", "been", "said", "its",
            "after", "about", "when", "than", "there", "into", "while", "because", "between", "who", "what", "where",
            "other", "more", "not");

    /**
     * Frequent function words of other Latin-script languages that are not English words, nor parts of English
     * names and compounds ("non-league", "Van Morrison", "El Niño", "Las Vegas", "du Pont" are not counted).
     */
    private static final Set<String> FOREIGN = Set.of(
            "der", "und", "ist", "nicht", "das", "den", "dem", "ein", "eine", "sich", "auch", "wird", "mit", "auf",
            "het", "een", "niet", "zijn", "werd", "ook", "voor",
            "les", "des", "est", "une", "dans", "pour", "qui", "sur", "avec", "le", "la",
            "una", "por", "para", "que", "es", "y",
            "il", "della", "che", "di", "sono", "gli", "nel",
            "os", "uma", "dos", "não", "ao",
            "och", "att", "som", "är", "det", "og", "ikke", "til", "af", "er", "ett", "jag",
            "ang", "mga", "ng", "ay", "sa", "hindi", "ito", "niya",
            "dan", "yang", "ini", "itu", "dengan", "untuk", "dari",
            "się", "nie", "jest", "ve", "bir", "bu", "için", "ile", "și", "în", "este", "că", "cu", "pentru",
            "wa", "ya", "na", "kwa", "za");

    private EnglishFunctionWords() {
    }

    /** True when the text's opening is clearly English prose. */
    static boolean clearlyEnglish(String text) {
        int words = 0;
        int[] hitsPerHalf = new int[2];
        int foreign = 0;
        int asciiLetters = 0;
        int otherLetters = 0;
        int i = 0;
        int n = text.length();
        StringBuilder word = new StringBuilder(16);
        while (i < n && words < MAX_WORDS) {
            int c = text.codePointAt(i);
            if (!isWordPart(c)) {
                i += Character.charCount(c);
                continue;
            }
            word.setLength(0);
            boolean ascii = true;
            while (i < n) {
                int d = text.codePointAt(i);
                if (!isWordPart(d) && !(isApostrophe(d) && i + 1 < n && Character.isLetter(text.codePointAt(i + 1)))) {
                    break;
                }
                if (d >= 128 && !isApostrophe(d)) {
                    ascii = false;
                    otherLetters++;
                } else if (!isApostrophe(d)) {
                    asciiLetters++;
                }
                word.appendCodePoint(d);
                i += Character.charCount(d);
            }
            String lower = word.toString().toLowerCase(Locale.ROOT);
            if (ascii && ENGLISH.contains(lower)) {
                hitsPerHalf[words < MAX_WORDS / 2 ? 0 : 1]++;
            } else if (FOREIGN.contains(lower)) {
                foreign++;
            }
            words++;
        }
        if (words < MIN_WORDS || foreign > MAX_FOREIGN_WORDS
                || otherLetters * 100 > (asciiLetters + otherLetters) * MAX_NON_ASCII_LETTER_PERCENT) {
            return false;
        }
        int firstHalf = Math.min(words, MAX_WORDS / 2);
        int secondHalf = words - firstHalf;
        return hitsPerHalf[0] * 100 >= firstHalf * MIN_SHARE_PERCENT
                && (secondHalf < MIN_WORDS / 2 || hitsPerHalf[1] * 100 >= secondHalf * MIN_SHARE_PERCENT);
    }

    /** Letters and the marks that decompose accented letters (which count against ASCII like the letters). */
    private static boolean isWordPart(int c) {
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == '\u2019';
    }
}
