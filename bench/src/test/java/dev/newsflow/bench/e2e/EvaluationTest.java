package dev.newsflow.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The count check against hand-made answers and arrivals: what passes and each way to fail. */
class EvaluationTest {
    private static PostOutcome accepted(int sequence, String id, int version) {
        return new PostOutcome(sequence, 1_000L * sequence, 1_000L * sequence + 500, 202, id, version, null);
    }

    private static PostOutcome repeat(int sequence, String id, int version) {
        return new PostOutcome(sequence, 1_000L * sequence, 1_000L * sequence + 500, 200, id, version, null);
    }

    private final List<PostOutcome> outcomes = List.of(accepted(0, "a", 1), accepted(1, "b", 1), repeat(2, "a", 1),
            accepted(3, "a", 2), new PostOutcome(4, 4_000, 4_100, 503, null, 0, "HTTP 503"));

    @Test
    void passesWhenEveryAcceptedVersionArrivedOnce() {
        LoadGenerator.Evaluation evaluation = new LoadGenerator.Evaluation(outcomes);
        ArrivalLog log = new ArrivalLog();
        log.arrived("a#1", 10_000);
        log.arrived("b#1", 11_000);
        log.arrived("a#2", 12_000);
        log.arrived("other-article#1", 13_000);

        LoadRunResult.CountCheck check = evaluation.countCheck(log);

        assertThat(check).isEqualTo(new LoadRunResult.CountCheck(3, 3, 0, 0, 0));
        assertThat(check.passed()).isTrue();
        assertThat(evaluation.repeats).isEqualTo(1);
        assertThat(evaluation.statusCounts).containsEntry(202, 3L).containsEntry(200, 1L).containsEntry(503, 1L);
        assertThat(evaluation.allArrived(log)).isTrue();
    }

    @Test
    void failsOnAMissingADuplicatedOrAnUnexpectedVersion() {
        LoadGenerator.Evaluation evaluation = new LoadGenerator.Evaluation(outcomes);
        ArrivalLog log = new ArrivalLog();
        log.arrived("a#1", 10_000);
        log.arrived("a#1", 10_500);
        log.arrived("a#2", 12_000);
        log.arrived("b#2", 12_500);

        LoadRunResult.CountCheck check = evaluation.countCheck(log);

        assertThat(check).isEqualTo(new LoadRunResult.CountCheck(3, 1, 1, 1, 1));
        assertThat(check.passed()).isFalse();
        assertThat(evaluation.allArrived(log)).isFalse();
    }

    @Test
    void latencyIsFromThePostStartToTheFirstArrival() {
        LoadGenerator.Evaluation evaluation = new LoadGenerator.Evaluation(outcomes);
        ArrivalLog log = new ArrivalLog();
        log.arrived("a#1", 5_000_000);
        log.arrived("a#1", 9_000_000);

        LatencySummary summary = LatencySummary.of(evaluation.enrichedLatency(log));

        assertThat(summary.count()).isEqualTo(1);
        assertThat(summary.max()).isBetween(4.99, 5.01);
    }
}
