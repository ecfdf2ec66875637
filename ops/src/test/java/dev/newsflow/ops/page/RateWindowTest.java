package dev.newsflow.ops.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateWindowTest {
    @Test
    void noRateUntilTwoSamplesApart() {
        RateWindow window = new RateWindow(10_000);
        assertThat(window.perSecond()).isZero();
        window.add(1_000, 5);
        assertThat(window.perSecond()).isZero();
        window.add(1_000, 9);
        assertThat(window.perSecond()).isZero();
    }

    @Test
    void growthOverTheWindowPerSecond() {
        RateWindow window = new RateWindow(10_000);
        window.add(0, 0);
        window.add(2_000, 10);
        window.add(4_000, 30);
        assertThat(window.perSecond()).isCloseTo(7.5, within(1e-9));
    }

    @Test
    void samplesOlderThanTheWindowStopCountingSoAStopShowsAsZero() {
        RateWindow window = new RateWindow(4_000);
        window.add(0, 0);
        window.add(2_000, 100);
        for (long t = 4_000; t <= 12_000; t += 2_000) {
            window.add(t, 100);
        }
        assertThat(window.perSecond()).isZero();
        window.add(14_000, 120);
        // 20 records in the 4 s since the sample at the window's start.
        assertThat(window.perSecond()).isCloseTo(5.0, within(1e-9));
    }
}
