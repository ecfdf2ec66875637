package dev.newsflow.syndicate.state;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts changes to this instance's feed state: bumped by the feed-state processor after each stored
 * article and on every Streams state change (restores bypass processors). Cached feed pages are valid
 * only for the version they were read at.
 */
public final class StateVersion {
    private final AtomicLong version = new AtomicLong();

    public void bump() {
        version.incrementAndGet();
    }

    public long current() {
        return version.get();
    }
}
