package dev.newsflow.registry;

import java.util.Locale;

/**
 * The {@code {version}} path segment as Confluent reads it: 1 .. 2^31-1, or {@code latest}
 * (any case, trimmed) or -1 for the latest version; anything else is error 42202.
 */
final class VersionId {
    static final int LATEST = -1;

    private VersionId() {
    }

    static int parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.toLowerCase(Locale.ROOT).equals("latest")) {
            return LATEST;
        }
        try {
            int version = Integer.parseInt(trimmed);
            if (version >= 1 || version == LATEST) {
                return version;
            }
        } catch (NumberFormatException e) {
            // falls through to the Confluent error below
        }
        throw RegistryError.invalidVersion(text);
    }
}
