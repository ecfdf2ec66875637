package dev.newsflow.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.EnrichedArticle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every JMH benchmark runs through the Runner API and reports its figures (a check that they work, not a measurement). */
class JmhSuiteSmokeTest {
    static {
        // JMH takes a machine-wide lock (/tmp/jmh.lock) so that measurements do not overlap; this check measures
        // nothing, and must not fail because someone else benchmarks on the same machine.
        System.setProperty("jmh.ignoreLock", "true");
    }

    @Test
    void everyBenchmarkRunsAndReportsItsDerivedFigures() throws Exception {
        JmhReport report = JmhSuite.run(JmhOptions.smoke());

        assertThat(report.rows("EnrichmentBenchmark")).extracting(JmhReport.Row::method)
                .containsExactly("cleanupAndEnrichment");
        assertThat(report.rows("CleanupBenchmark")).extracting(JmhReport.Row::method).containsExactly("cleanupOnly");
        assertThat(report.rows("AvroSerdeBenchmark")).extracting(JmhReport.Row::method)
                .containsExactlyInAnyOrder("avroDeserialize", "avroSerialize", "jsonDeserialize", "jsonSerialize");
        assertThat(report.rows("FeedRenderingBenchmark")).extracting(r -> r.method() + " " + r.params().get("format"))
                .containsExactlyInAnyOrder("render RSS", "render ATOM", "render JSON", "renderAfterOneNewItem RSS",
                        "renderAfterOneNewItem ATOM", "renderAfterOneNewItem JSON");
        for (JmhReport.Row row : report.rows("FeedRenderingBenchmark")) {
            // 50 items of ~500 words each: far more than 50 kB per feed in any format
            assertThat(row.perOperation().get("bytes").median()).as(row.params().toString()).isGreaterThan(50_000.0);
        }
        assertThat(report.rows("FeedPageReadBenchmark"))
                .extracting(r -> r.method() + " " + r.params().getOrDefault("format", "-"))
                .containsExactlyInAnyOrder("readAfterOneNewItem JSON", "readAndRenderAfterOneNewItem JSON",
                        "partnerLookup -");
        for (JmhReport.Row row : report.rows("FeedPageReadBenchmark")) {
            // a RocksDB read takes some CPU, and none takes a whole second of it
            assertThat(row.perOperation().get("cpuNanos").median()).as(row.method()).isBetween(10.0, 1e9);
        }
        assertThat(report.rows("HostileHtmlBenchmark")).extracting(r -> r.params().get("shape"))
                .contains("NESTED_DIV", "WIDE_BR");
        assertThat(report.rows("IngestNormaliseBenchmark")).extracting(r -> r.params().get("shape"))
                .containsExactlyInAnyOrder("TEXT", "JSON", "HTML");
        for (JmhReport.Row row : report.rows("IngestNormaliseBenchmark")) {
            // reading a body takes some CPU, and no more than the wall-clock time of a call
            assertThat(row.perOperation().get("cpuNanos").median()).as(row.params().toString())
                    .isBetween(1_000.0, 1e9 / row.score().median());
        }
        for (JmhReport.Row row : report.rows()) {
            assertThat(row.score().median()).as(row.method()).isPositive();
        }
        for (JmhReport.Row row : java.util.stream.Stream.concat(report.rows("EnrichmentBenchmark").stream(),
                report.rows("CleanupBenchmark").stream()).toList()) {
            assertThat(row.secondary()).containsKey("words");
            // words per article: short articles are ~120 body words plus headline and captions
            assertThat(row.perOperation().get("words").median()).isBetween(120.0, 300.0);
            // the thread's CPU per article: more than nothing, less than the wall-clock time of a call
            assertThat(row.perOperation().get("cpuNanos").median()).as(row.method()).isBetween(1_000.0, 1e9 / row.score().median());
        }
        for (JmhReport.Row row : report.rows("AvroSerdeBenchmark")) {
            assertThat(row.perOperation().get("bytes").median()).as(row.method()).isGreaterThan(500.0);
        }
        assertThat(report.toText()).contains("### EnrichmentBenchmark", "words/s", "bytes/record", "bytes/feed", "Avro vs JSON",
                "ms per page", "CPU µs per body", "CPU µs per op", "CPU µs per article", "articles per CPU-second");
    }

    @Test
    void jacksonReadsBackWhatItWroteSoTheJsonBaselineDoesTheSameWork() throws Exception {
        EnrichedArticle original = SerdeCorpus.enriched(dev.newsflow.bench.corpus.ArticleLength.SHORT)[3];
        var mapper = JsonArticles.mapper();
        EnrichedArticle back = mapper.readValue(mapper.writeValueAsBytes(original), EnrichedArticle.class);
        assertThat(back).isEqualTo(original);
        assertThat(List.of(back.getImages().size())).containsExactly(original.getImages().size());
    }
}
