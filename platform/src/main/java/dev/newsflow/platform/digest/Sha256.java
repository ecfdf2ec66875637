package dev.newsflow.platform.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one digest the services use: article ids and content hashes, publisher keys and partner tokens
 * (stored only as digests), and the fingerprints of models and their training data.
 */
public final class Sha256 {
    /**
     * One digest per thread for whole inputs: partner tokens and publisher keys are hashed on every request, and
     * finding the algorithm through the security providers costs more than hashing a 43-character token.
     */
    private static final ThreadLocal<MessageDigest> PER_THREAD = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {
    }

    /** A new digest, for input fed in parts. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    public static byte[] of(byte[] bytes) {
        return PER_THREAD.get().digest(bytes);
    }

    /** The digest of the text's UTF-8 bytes. */
    public static byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex of the digest of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(of(bytes));
    }

    /** Lower-case hex of the digest of the text's UTF-8 bytes. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(of(text));
    }
}
