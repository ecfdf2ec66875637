package dev.newsflow.enrich.topics;

import java.nio.charset.StandardCharsets;

/**
 * 64-bit keys of the model's features: FNV-1a over the characters, finished with the SplitMix64
 * mixer so that nearby inputs land far apart. A feature is known to the model by its key alone (the
 * model keeps the keys of its vocabulary, not the strings): 64 bits make collisions between the
 * ~10<sup>5</sup> features of a model vanishingly unlikely, and keys are computed from the text in
 * place, without making a string per word.
 */
public final class FeatureKeys {
    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;
    /** Seeds that keep the feature families apart: the word "sport" and the entity kind "sport" differ. */
    static final long WORD = 0x57AF1D3E0C6B2A91L;
    static final long BIGRAM = 0x1F83D9ABFB41BD6BL;
    static final long ENTITY = 0x5BE0CD19137E2179L;
    static final long LEXICON = 0x6A09E667F3BCC908L;

    private FeatureKeys() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a of chars [0, length) of the buffer, a whole UTF-16 unit per step. */
    static long hash(char[] buffer, int length) {
        long h = FNV_OFFSET;
        for (int i = 0; i < length; i++) {
            h = (h ^ buffer[i]) * FNV_PRIME;
        }
        return h;
    }

    static long hash(String s) {
        char[] chars = s.toCharArray();
        return hash(chars, chars.length);
    }

    static long word(long wordHash) {
        return mix(wordHash ^ WORD);
    }

    static long bigram(long first, long second) {
        return mix((first * 0x9E3779B97F4A7C15L + second) ^ BIGRAM);
    }

    /** An entity feature such as {@code kind=leader} or {@code type=PERSON}. */
    public static long entity(String feature) {
        return mix(hash(feature) ^ ENTITY);
    }

    /** The share of the keyword lexicon's evidence that went to one IPTC concept. */
    static long lexicon(String qcode) {
        return mix(hash(qcode) ^ LEXICON);
    }

    /** Key of a word as the text scanner makes it (lower case, stemmed): for tests and reports. */
    static long wordKey(String stemmedLowerCase) {
        return word(hash(stemmedLowerCase));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
