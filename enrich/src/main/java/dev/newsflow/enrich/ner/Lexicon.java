package dev.newsflow.enrich.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(gzipped));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int capacity = 1 << 20;
        int[] table = new int[3 * capacity];
        int m = capacity - 1;
        int size = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty() || line.startsWith("# ")) {
                    continue;
                }
                int t1 = line.indexOf('\t');
                int t2 = line.indexOf('\t', t1 + 1);
                long hash = WordForms.simplified(line.substring(0, t1));
                int key = fingerprint(hash);
                String path = line.substring(t1 + 1, t2);
                String bits = line.substring(t2 + 1);
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
                table[3 * slot + 1] = path.equals("-") ? 0 : packPath(path);
                table[3 * slot + 2] = bits.equals("-") ? 0 : Integer.parseUnsignedInt(bits, 16);
            }
        }
        return new Lexicon(table, size, sha);
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
