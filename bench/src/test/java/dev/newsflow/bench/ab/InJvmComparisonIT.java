package dev.newsflow.bench.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.bench.cli.BenchCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newsflow bench ab} on the build this module packages (bench/target: the jar and lib/, there when Failsafe
 * runs), compared with itself: both copies load in class loaders of their own, run, and report a ratio near 1.
 */
class InJvmComparisonIT {
    private static final Path BUILD = Path.of("target");
    private static final Map<String, String> MEDIUM = Map.of("length", "MEDIUM");

    @Test
    void aBuildComparedWithItselfRunsInItsOwnClassLoaderAndReportsARatio() throws Exception {
        try (BuildUnderTest a = BuildUnderTest.load(BUILD, "AvroSerdeBenchmark.avroSerialize", MEDIUM);
             BuildUnderTest b = BuildUnderTest.load(BUILD, "AvroSerdeBenchmark.avroSerialize", MEDIUM)) {
            Object result = a.call();
            assertThat(result).isInstanceOf(byte[].class);
            // Two loaders, two copies of every class: the builds cannot share a cache or a static.
            assertThat(a.benchmarkClass()).isNotSameAs(b.benchmarkClass());
            assertThat(a.benchmarkClass().getName()).isEqualTo(b.benchmarkClass().getName());
            assertThat(a.benchmarkClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
            InJvmComparison.Report report = new InJvmComparison().run(a, b, 200, 50, 6);
            assertThat(report.microsA().median()).isPositive();
            assertThat(report.microsB().median()).isPositive();
            assertThat(report.ratio().median()).isBetween(0.2, 5.0);
            assertThat(report.ratio().p25()).isLessThanOrEqualTo(report.ratio().median());
            assertThat(report.toText("AvroSerdeBenchmark.avroSerialize", "MEDIUM", "a", "b")).contains("B / A per round");
        }
    }

    @Test
    void theCommandPrintsTheReport() {
        StringWriter out = new StringWriter();
        CommandLine cli = BenchCli.commandLine();
        cli.setOut(new PrintWriter(out));
        int status = cli.execute("ab", "--a", BUILD.toString(), "--b", BUILD.toString(), "--benchmark",
                "AvroSerdeBenchmark.avroSerialize", "--warmup-calls", "100", "--block", "20", "--rounds", "4");
        assertThat(status).isZero();
        assertThat(out.toString()).contains("In-JVM A/B of AvroSerdeBenchmark.avroSerialize (MEDIUM)")
                .contains("| A `target` |").contains("B / A per round");
    }

    @Test
    void anyParameterOfTheBenchmarkCanBeSetAndTheOthersTakeTheirFirstValue() throws Exception {
        try (BuildUnderTest json = BuildUnderTest.load(BUILD, "IngestNormaliseBenchmark.normalise",
                Map.of("shape", "JSON"))) {
            assertThat(json.parameters()).isEqualTo(Map.of("shape", "JSON", "length", "MEDIUM"));
            assertThat(json.call()).isNotNull();
        }
        StringWriter out = new StringWriter();
        CommandLine cli = BenchCli.commandLine();
        cli.setOut(new PrintWriter(out));
        int status = cli.execute("ab", "--a", BUILD.toString(), "--b", BUILD.toString(), "--benchmark",
                "IngestNormaliseBenchmark.normalise", "--param", "shape=HTML", "--warmup-calls", "20", "--block", "5",
                "--rounds", "4");
        assertThat(status).isZero();
        assertThat(out.toString()).contains("In-JVM A/B of IngestNormaliseBenchmark.normalise (MEDIUM, shape=HTML)");
        assertThatThrownBy(() -> BuildUnderTest.load(BUILD, "IngestNormaliseBenchmark.normalise",
                Map.of("colour", "RED"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no parameter colour");
    }

    @Test
    void aDirectoryWithoutABuildIsRefusedWithWhatItShouldHold(@TempDir Path empty) throws Exception {
        Files.createDirectories(empty.resolve("lib"));
        assertThatThrownBy(() -> BuildUnderTest.load(empty, "EnrichmentBenchmark.cleanupAndEnrichment", MEDIUM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("newsflow-bench.jar and lib/");
        assertThatThrownBy(() -> BuildUnderTest.load(BUILD, "EnrichmentBenchmark", MEDIUM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Class.method");
        assertThatThrownBy(() -> BuildUnderTest.load(BUILD, "EnrichmentBenchmark.noSuchMethod", MEDIUM))
                .isInstanceOf(NoSuchMethodException.class);
        assertThatThrownBy(() -> BuildUnderTest.load(BUILD, "FeedPageReadBenchmark.partnerLookup", MEDIUM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--length NONE");
    }
}
