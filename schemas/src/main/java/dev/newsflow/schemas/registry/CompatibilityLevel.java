package dev.newsflow.schemas.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * Confluent's seven compatibility levels. BACKWARD: the new schema can read data written with
 * the previous one (consumers upgrade first); FORWARD: data written with the new schema can be
 * read with the previous one (producers upgrade first); FULL: both. The {@code _TRANSITIVE}
 * forms hold the new schema against every earlier version instead of only the latest.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** What a Confluent registry uses when nothing is configured. */
    public static final CompatibilityLevel DEFAULT = BACKWARD;

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** The new schema must read what earlier schemas wrote. */
    public boolean backward() {
        return backward;
    }

    /** Earlier schemas must read what the new schema writes. */
    public boolean forward() {
        return forward;
    }

    /** Checked against every earlier version, not only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** The level for a name in any letter case, as Confluent accepts it; empty when unknown. */
    public static Optional<CompatibilityLevel> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
