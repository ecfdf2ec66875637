package dev.newsflow.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.bench.jmh.JmhOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code newsflow bench jmh} hands to JMH: the suite's profile with the options given. */
class JmhCommandTest {

    private static JmhOptions parse(String... args) {
        JmhCommand command = new JmhCommand();
        new CommandLine(command).parseArgs(args);
        return command.options();
    }

    @Test
    void withoutOptionsTheSuiteProfileRuns() {
        assertThat(parse()).isEqualTo(JmhOptions.standard());
    }

    @Test
    void warmUpsAndMeasurementsAreOneSecondIterations() {
        JmhOptions options = parse("--include", "EnrichmentBenchmark", "--warmups", "6", "--measurements", "8");
        assertThat(options.include()).isEqualTo("EnrichmentBenchmark");
        assertThat(options.warmupIterations()).isEqualTo(6);
        assertThat(options.measurementIterations()).isEqualTo(8);
        assertThat(options.warmupTime()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.measurementTime()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void measurementsAloneKeepTwoWarmUpsAndWarmUpsAloneKeepTheSuiteMeasurements() {
        assertThat(parse("--measurements", "5").warmupIterations()).isEqualTo(2);
        JmhOptions warmOnly = parse("--warmups", "7");
        assertThat(warmOnly.warmupIterations()).isEqualTo(7);
        assertThat(warmOnly.measurementIterations()).isEqualTo(JmhOptions.standard().measurementIterations());
    }
}
