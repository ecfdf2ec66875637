package dev.newsflow.ingest.auth;

import dev.newsflow.platform.digest.Sha256;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An immutable set of publisher API keys, held only as SHA-256 digests. A presented key is
 * hashed and compared with every stored digest in constant time ({@link MessageDigest#isEqual}),
 * without stopping at the first match, so timing tells nothing about which key is close.
 *
 * <p>Entries are {@code publisherId:key} (the key in clear, hashed on load) or
 * {@code publisherId:sha256:<64 hex digits>} (already hashed, so a key file need not hold
 * secrets). Several keys per publisher are allowed: that is how a key is rotated without a
 * gap (add the new key, move clients over, remove the old one).
 */
public final class ApiKeys {
    /** Publisher ids go into article ids and metric tags: keep them short and plain. */
    public static final Pattern PUBLISHER_ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    private static final Pattern HASHED = Pattern.compile("^sha256:([0-9a-fA-F]{64})$");
    private static final int MIN_KEY_LENGTH = 8;

    private final List<Entry> entries;

    private record Entry(String publisherId, byte[] digest) {
    }

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ApiKeys empty() {
        return new ApiKeys(List.of());
    }

    /**
     * Parses entries such as {@code demo:demo-key-123} or {@code acme:sha256:ab12…}; blank
     * entries and {@code #} comments are skipped. {@code source} names where they came from in errors.
     */
    public static ApiKeys parse(List<String> lines, String source) {
        List<Entry> entries = new ArrayList<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || colon == line.length() - 1) {
                throw new IllegalArgumentException(source + " entry " + number + " is not 'publisherId:key'");
            }
            String publisher = line.substring(0, colon).strip();
            String key = line.substring(colon + 1).strip();
            if (!PUBLISHER_ID.matcher(publisher).matches()) {
                throw new IllegalArgumentException(source + " entry " + number + ": publisher id '" + publisher
                        + "' must match " + PUBLISHER_ID.pattern());
            }
            var hashed = HASHED.matcher(key);
            if (hashed.matches()) {
                entries.add(new Entry(publisher, HexFormat.of().parseHex(hashed.group(1).toLowerCase())));
            } else if (key.length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException(source + " entry " + number + ": the key for '" + publisher
                        + "' is shorter than " + MIN_KEY_LENGTH + " characters");
            } else {
                entries.add(new Entry(publisher, digest(key)));
            }
        }
        return new ApiKeys(entries);
    }

    /** Both sets' keys together. */
    public ApiKeys plus(ApiKeys other) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new ApiKeys(all);
    }

    /** The publisher a presented key belongs to. */
    public Optional<String> publisherFor(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = digest(presentedKey);
        String match = null;
        for (Entry entry : entries) {
            // No early exit: every entry is compared, whatever matched before.
            if (MessageDigest.isEqual(entry.digest(), presented) && match == null) {
                match = entry.publisherId();
            }
        }
        return Optional.ofNullable(match);
    }

    public int size() {
        return entries.size();
    }

    /** The {@code sha256:…} form of a key, for key files that should not hold keys in clear. */
    public static String hashedForm(String key) {
        return "sha256:" + HexFormat.of().formatHex(digest(key));
    }

    private static byte[] digest(String key) {
        return Sha256.of(key);
    }
}
