package dev.newsflow.enrich.ner;

import dev.newsflow.platform.digest.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * Brown clusters and gazetteer membership by word, derived from nlp4j-english (tools/ner-lexicon; see
 * {@code ner/NOTICE}). An open-addressing table keyed by the 64-bit hash of the word's simplified form,
 * so a token is looked up from its characters without making a string.
 */
final class Lexicon {
    static final String RESOURCE = "ner/lexicon.tsv.gz";

    /** Gazetteer groups, in the order of the file's bits (4 bits a group: whole entry, first, inside, last word). */
    static final int PER = 0;
    static final int LOC = 1;
    static final int ORG = 2;
    static final int NAT = 6;
    static final int TITLE = 7;
    static final int WHOLE = 0;

    /**
     * Slot s holds, at 3s, 3s + 1 and 3s + 2: a 32-bit fingerprint of the word's hash (the other half of
     * the hash picks the slot), its packed Brown path and its gazetteer bits. Twelve bytes a slot keep
     * the table at 12 MB, most of a look-up in one cache line.
     */
    private final int[] table;
    private final int mask;
    private final String sha256;
    private final int size;

    private Lexicon(int[] table, int size, String sha256) {
        this.table = table;
        this.mask = table.length / 3 - 1;
        this.size = size;
        this.sha256 = sha256;
    }

    private static int fingerprint(long hash) {
        int f = (int) hash;
        return f == 0 ? 1 : f;
    }

    static Lexicon load() {
        try (InputStream raw = Lexicon.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("recogniser lexicon missing from the classpath: " + RESOURCE);
            }
            return read(raw.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Lexicon read(byte[] gzipped) throws IOException {
        String sha = Sha256.hex(gzipped);
        int capacity = 1 << 20;
        int[] table = new int[3 * capacity];
        int m = capacity - 1;
        int size = 0;
        byte[] text;
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped), 1 << 16)) {
            text = in.readAllBytes();
        }
        // Parsed from the bytes in place: 643k lines, no string a line (loading is part of every start).
        char[] word = new char[256];
        int p = 0;
        while (p < text.length) {
            int lineEnd = p;
            while (lineEnd < text.length && text[lineEnd] != '\n') {
                lineEnd++;
            }
            if (lineEnd == p || text[p] == '#') {
                p = lineEnd + 1;
                continue;
            }
            int t1 = p;
            while (text[t1] != '\t') {
                t1++;
            }
            int t2 = t1 + 1;
            while (text[t2] != '\t') {
                t2++;
            }
            int n = decodeUtf8(text, p, t1, word);
            long hash = WordForms.simplified(word, 0, n);
            int key = fingerprint(hash);
            int slot = (int) (hash >>> 44) & m;
            while (table[3 * slot] != 0 && table[3 * slot] != key) {
                slot = (slot + 1) & m;
            }
            if (table[3 * slot] == 0) {
                size++;
                if (size > capacity * 3 / 4) {
                    throw new IllegalStateException("lexicon larger than its table: " + size);
                }
            }
            table[3 * slot] = key;
            table[3 * slot + 1] = text[t1 + 1] == '-' ? 0 : packPath(text, t1 + 1, t2);
            table[3 * slot + 2] = text[t2 + 1] == '-' ? 0 : parseHex(text, t2 + 1, lineEnd);
            p = lineEnd + 1;
        }
        return new Lexicon(table, size, sha);
    }

    private static int decodeUtf8(byte[] b, int from, int to, char[] out) {
        int n = 0;
        int k = from;
        while (k < to) {
            int c = b[k] & 0xFF;
            int code;
            if (c < 0x80) {
                code = c;
                k++;
            } else if (c < 0xE0) {
                code = ((c & 0x1F) << 6) | (b[k + 1] & 0x3F);
                k += 2;
            } else if (c < 0xF0) {
                code = ((c & 0x0F) << 12) | ((b[k + 1] & 0x3F) << 6) | (b[k + 2] & 0x3F);
                k += 3;
            } else {
                code = ((c & 0x07) << 18) | ((b[k + 1] & 0x3F) << 12) | ((b[k + 2] & 0x3F) << 6) | (b[k + 3] & 0x3F);
                k += 4;
            }
            if (n + 2 > out.length) {
                break; // words are short; a longer one is looked up by its first 254 characters
            }
            n += Character.toChars(code, out, n);
        }
        return n;
    }

    private static int packPath(byte[] b, int from, int to) {
        int bits = 0;
        int n = Math.min(to - from, 24);
        for (int k = 0; k < n; k++) {
            bits = (bits << 1) | (b[from + k] == '1' ? 1 : 0);
        }
        return (n << 24) | bits;
    }

    private static int parseHex(byte[] b, int from, int to) {
        int v = 0;
        for (int k = from; k < to; k++) {
            int c = b[k];
            v = (v << 4) | (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        return v;
    }

    /** A Brown path as (length << 24) | bits; 0 for none. */
    static int packPath(String path) {
        int bits = 0;
        int n = Math.min(path.length(), 24);
        for (int k = 0; k < n; k++) {
            bits = (bits << 1) | (path.charAt(k) == '1' ? 1 : 0);
        }
        return (n << 24) | bits;
    }

    /** The first {@code n} bits of a packed path, with its length, or 0 when the path is shorter. */
    static int pathPrefix(int packed, int n) {
        int length = packed >>> 24;
        if (length < n) {
            return 0;
        }
        return (n << 24) | ((packed & 0xFFFFFF) >>> (length - n));
    }

    /** The word's packed Brown path (high half) and gazetteer bits (low half), 0 when unknown. */
    long lookup(long simplifiedHash) {
        int key = fingerprint(simplifiedHash);
        int slot = (int) (simplifiedHash >>> 44) & mask;
        while (true) {
            int k = table[3 * slot];
            if (k == key) {
                return ((long) table[3 * slot + 1] << 32) | (table[3 * slot + 2] & 0xFFFFFFFFL);
            }
            if (k == 0) {
                return 0;
            }
            slot = (slot + 1) & mask;
        }
    }

    static int path(long entry) {
        return (int) (entry >>> 32);
    }

    static int gazetteer(long entry) {
        return (int) entry;
    }

    static boolean has(int gazetteerBits, int group, int position) {
        return (gazetteerBits & (1 << (4 * group + position))) != 0;
    }

    int size() {
        return size;
    }

    /** SHA-256 of the resource: a model records the lexicon it was trained with. */
    String sha256() {
        return sha256;
    }
}
