package dev.newsflow.enrich.cleanup;

import dev.newsflow.text.TextNormalizer;
import java.util.Arrays;

/**
 * The distinct words of a string in {@link TextNormalizer#comparable} form, as a sorted array of
 * word hashes instead of a set of substrings: built without allocating a string per word, sized and
 * intersected by a merge. Each entry packs a 48-bit hash of the word with the offset of one of its
 * occurrences, so words whose hashes agree are compared by their text: the counts are exact. Should
 * two different words share a hash (or the text be too long for the offsets), {@link #exact} is
 * false and callers count with string sets instead.
 */
final class WordHashes {
    private static final int OFFSET_BITS = 16;
    private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;
    private static final long[] NO_ENTRIES = new long[0];

    private final String comparable;
    /**
     * One entry per distinct word, hash in the high 48 bits and word start in the low 16, sorted as
     * signed longs, which orders them by the (signed) hash: the merge compares {@code entry >> 16}.
     */
    private final long[] entries;
    private final boolean exact;

    private WordHashes(String comparable, long[] entries, boolean exact) {
        this.comparable = comparable;
        this.entries = entries;
        this.exact = exact;
    }

    static WordHashes of(String comparable, int words) {
        if (comparable.isEmpty()) {
            return new WordHashes(comparable, NO_ENTRIES, true);
        }
        if (comparable.length() > OFFSET_MASK) {
            return new WordHashes(comparable, NO_ENTRIES, false);
        }
        long[] all = new long[words];
        int count = 0;
        int start = 0;
        long hash = 0xcbf29ce484222325L;
        int length = comparable.length();
        for (int i = 0; i <= length; i++) {
            char c = i == length ? ' ' : comparable.charAt(i);
            if (c == ' ') {
                if (i > start) {
                    all[count++] = (mix(hash) & ~OFFSET_MASK) | start;
                }
                start = i + 1;
                hash = 0xcbf29ce484222325L;
            } else {
                hash = (hash ^ c) * 0x100000001b3L;
            }
        }
        Arrays.sort(all, 0, count);
        int distinct = 0;
        boolean exact = true;
        for (int i = 0; i < count; i++) {
            long entry = all[i];
            if (distinct > 0 && sameHash(all[distinct - 1], entry)) {
                if (sameWord(comparable, all[distinct - 1], comparable, entry)) {
                    continue;
                }
                // Two words, one hash: rare enough that the caller may take the slow, exact way.
                exact = false;
            }
            all[distinct++] = entry;
        }
        return new WordHashes(comparable, distinct == all.length ? all : Arrays.copyOf(all, distinct), exact);
    }

    /** Whether {@link #size} and {@link #shared} are exact (no two different words share a hash). */
    boolean exact() {
        return exact;
    }

    /** The number of distinct words. */
    int size() {
        return entries.length;
    }

    /** The number of distinct words both have; only meaningful when both are {@link #exact}. */
    int shared(WordHashes other) {
        long[] a = entries;
        long[] b = other.entries;
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            long ha = a[i] >> OFFSET_BITS;
            long hb = b[j] >> OFFSET_BITS;
            if (ha < hb) {
                i++;
            } else if (ha > hb) {
                j++;
            } else {
                if (sameWord(comparable, a[i], other.comparable, b[j])) {
                    shared++;
                } else {
                    return -1;
                }
                i++;
                j++;
            }
        }
        return shared;
    }

    private static boolean sameHash(long a, long b) {
        return (a >> OFFSET_BITS) == (b >> OFFSET_BITS);
    }

    private static boolean sameWord(String textA, long entryA, String textB, long entryB) {
        int startA = (int) (entryA & OFFSET_MASK);
        int startB = (int) (entryB & OFFSET_MASK);
        int lengthA = wordEnd(textA, startA) - startA;
        return lengthA == wordEnd(textB, startB) - startB && textA.regionMatches(startA, textB, startB, lengthA);
    }

    private static int wordEnd(String text, int start) {
        int end = text.indexOf(' ', start);
        return end < 0 ? text.length() : end;
    }

    /** Spreads the bits of the FNV-1a hash (MurmurHash3's finaliser), so the high 48 bits are good. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
