package dev.newsflow.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void medianMinAndMaxOfRunsLeavingOutUnmeasuredOnes() {
        assertThat(Spread.of(3, 1, 2)).isEqualTo(new Spread(2, 1, 3, 3));
        assertThat(Spread.of(4, 1, 2, 3)).isEqualTo(new Spread(2.5, 1, 4, 4));
        assertThat(Spread.of(5, Double.NaN, 7)).isEqualTo(new Spread(6, 5, 7, 2));
        assertThat(Spread.of().format(0)).isEqualTo("n/a");
    }

    @Test
    void formatsWithThousandsAndRange() {
        assertThat(Spread.of(12_000, 11_500.4, 13_100).format(0)).isEqualTo("12,000 (11,500\u201313,100)");
        assertThat(Spread.of(1.25).format(1)).isEqualTo("1.3");
        assertThat(Spread.of(1, 3).times(-1)).isEqualTo(new Spread(-2, -3, -1, 2));
        // CPU ns per article into articles per CPU-second: the largest time is the lowest rate.
        assertThat(Spread.of(500_000, 400_000, 1_000_000).reciprocal(1e9)).isEqualTo(new Spread(2_000, 1_000, 2_500, 3));
    }

    @Test
    void tablesPadTheirColumns() {
        String table = new TextTable("a", "long header").row("x", 1).toString();
        assertThat(table).isEqualTo("""
                | a   | long header |
                | --- | ----------- |
                | x   | 1           |
                """);
    }
}
