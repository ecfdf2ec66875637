package dev.newsflow.ingest.bulk;

import java.time.Duration;

/** Waits between attempts: the thread sleeps in a real run; tests record the waits instead. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
