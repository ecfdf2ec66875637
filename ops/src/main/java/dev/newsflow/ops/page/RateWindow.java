package dev.newsflow.ops.page;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Records per second over a sliding window, from a running count sampled now and then: the count's growth since
 * the oldest sample still inside the window, over the time between. Samples come every few seconds, so a window of
 * a few samples smooths a burst into a readable figure without hiding that traffic stopped.
 */
final class RateWindow {
    private record Sample(long atMillis, long count) {
    }

    private final long windowMillis;
    private final Deque<Sample> samples = new ArrayDeque<>();

    RateWindow(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    void add(long atMillis, long count) {
        samples.addLast(new Sample(atMillis, count));
        // Keep one sample at or before the window's start, so the rate covers the whole window.
        while (samples.size() > 2) {
            Sample second = samples.stream().skip(1).findFirst().orElseThrow();
            if (second.atMillis() > atMillis - windowMillis) {
                break;
            }
            samples.removeFirst();
        }
    }

    /** Records per second across the window; 0 until two samples are apart in time. */
    double perSecond() {
        if (samples.size() < 2) {
            return 0;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        long millis = last.atMillis() - first.atMillis();
        return millis <= 0 ? 0 : (last.count() - first.count()) * 1000.0 / millis;
    }
}
