package dev.newsflow.platform.config;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Validators the services' config definitions share, beyond Kafka's own ({@code Range}, {@code NonEmptyString}). */
public final class Validators {
    private Validators() {
    }

    /** An empty string (off) or an absolute http(s) URL with a host. */
    public static ConfigDef.Validator absoluteHttpUrlOrEmpty() {
        return new Described("empty or an absolute http(s) URL", (name, text) -> {
            try {
                URI uri = URI.create(text);
                if (!uri.isAbsolute() || uri.getHost() == null
                        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw new ConfigException(name, text, "must be an absolute http(s) URL");
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, text, "must be an absolute http(s) URL: " + e.getMessage());
            }
        });
    }

    /** An empty string (off) or a syntactically valid file-system path. */
    public static ConfigDef.Validator pathOrEmpty() {
        return new Described("empty or a directory path", (name, text) -> {
            try {
                Path.of(text);
            } catch (InvalidPathException e) {
                throw new ConfigException(name, text, "not a valid path: " + e.getMessage());
            }
        });
    }

    private interface Check {
        void check(String name, String text);
    }

    /** Checks the stripped text of a non-empty value; says what it accepts in {@code newsflow config}. */
    private record Described(String description, Check check) implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String text = value == null ? "" : value.toString().strip();
            if (!text.isEmpty()) {
                check.check(name, text);
            }
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
