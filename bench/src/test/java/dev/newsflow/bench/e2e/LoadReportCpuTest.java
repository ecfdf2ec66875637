package dev.newsflow.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.bench.memory.CpuComponent;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CPU section: the pipeline's CPU per article by component, and the load generator's own beside it. */
class LoadReportCpuTest {
    private static final LatencySummary LATENCY = new LatencySummary(100, 5, 9, 20, 30, 40);

    private static LoadRunResult run(double generatorCpuSeconds) {
        // 1,000 accepted versions; the pipeline used 3 s of CPU (2.5 of them enrich's), the generator as given.
        return new LoadRunResult(1, Map.of(), Map.of(), 1_050, 1_000, 50, Map.of(202, 1_000L, 200, 50L), 400, 390,
                LATENCY, LATENCY, LATENCY, new LoadRunResult.CountCheck(1_000, 1_000, 0, 0, 0), null, null, 5_000,
                new LoadRunResult.ByComponent(Map.of(CpuComponent.ENRICH_STREAMS, 2.5, CpuComponent.INGEST_HTTP, 0.5)),
                null, null, generatorCpuSeconds);
    }

    private static LoadOptions options() {
        return LoadOptions.builder().ingestUrl(URI.create("http://127.0.0.1:1")).apiKey("k")
                .bootstrapServers("127.0.0.1:2").schemaRegistryUrl("http://127.0.0.1:3").runs(2).build();
    }

    @Test
    void givesTheGeneratorsOwnCpuPerAcceptedArticleBesideThePipelines() {
        LoadReport report = new LoadReport(options(), java.util.List.of(run(0.8), run(1.0)), null);

        assertThat(run(0.8).generatorCpuMillisPerArticle()).isEqualTo(0.8);
        assertThat(report.toText()).contains("| whole process", "3.00 (3.00–3.00)")
                .contains("the load generator shared those cores here, using 0.90 (0.80–1.00) ms of CPU per accepted "
                        + "article in its own process");
    }

    @Test
    void saysNothingOfTheGeneratorWhenItRanInsideThePipelinesProcess() {
        LoadReport report = new LoadReport(options(), java.util.List.of(run(Double.NaN)), null);

        assertThat(run(Double.NaN).generatorCpuMillisPerArticle()).isNaN();
        assertThat(report.toText()).contains("the load generator shared those cores here.")
                .doesNotContain("in its own process");
    }
}
