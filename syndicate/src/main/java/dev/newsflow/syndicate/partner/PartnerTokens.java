package dev.newsflow.syndicate.partner;

import dev.newsflow.platform.digest.Sha256;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Partner bearer tokens: 32 random bytes, URL-safe. Only their SHA-256 digest is ever stored, and
 * a presented token is checked by comparing digests in constant time, so neither the topic nor the
 * timing of a failed comparison gives a token away.
 */
public final class PartnerTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private PartnerTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes. */
    public static String hash(String token) {
        return Sha256.hex(token);
    }

    /** True when the token's digest equals the stored hex digest; constant time in the digest length. */
    public static boolean matches(String presentedToken, String storedHexHash) {
        if (presentedToken == null || storedHexHash == null || storedHexHash.length() != 64) {
            return false;
        }
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedHexHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(digest(presentedToken), stored);
    }

    /** Constant-time comparison of two secrets of any length (e.g. the admin token), via their digests. */
    public static boolean sameSecret(String presented, String expected) {
        if (presented == null || expected == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(digest(presented), digest(expected));
    }

    /** SHA-256 is fast enough per request: tokens are 256 random bits, so a slow password hash would add nothing. */
    private static byte[] digest(String token) {
        return Sha256.of(token);
    }
}
