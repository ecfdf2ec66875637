package dev.newsflow.bench;

import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.enrich.EnrichService;
import dev.newsflow.ingest.IngestConfig;
import dev.newsflow.ingest.IngestService;
import dev.newsflow.platform.testing.TestKafka;
import dev.newsflow.syndicate.SyndicateConfig;
import dev.newsflow.syndicate.SyndicateService;
import dev.newsflow.syndicate.partner.CreatedPartner;
import dev.newsflow.syndicate.partner.FeedSpec;
import dev.newsflow.syndicate.partner.PartnerSpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The three services started in this JVM on the shared test broker, with one partner reading everything. */
public final class InJvmPipeline implements AutoCloseable {
    static final String API_KEY = "bench-smoke-key-0001";

    final TestKafka kafka = TestKafka.get();
    final IngestService ingest;
    final EnrichService enrich;
    final SyndicateService syndicate;
    final String partnerToken;
    final String partnerId = TestKafka.unique("bench-partner");

    InJvmPipeline(Path stateDir) {
        Map<String, Object> ingestSettings = new HashMap<>(kafka.serviceSettings());
        ingestSettings.put(IngestConfig.HOST, "127.0.0.1");
        ingestSettings.put(IngestConfig.PORT, "0");
        ingestSettings.put(IngestConfig.API_KEYS, "bench:" + API_KEY);
        ingestSettings.put(IngestConfig.RATE_LIMIT_PER_MINUTE, "0");
        ingest = IngestService.start(new IngestConfig(ingestSettings));

        Map<String, Object> enrichSettings = new HashMap<>(kafka.serviceSettings());
        enrichSettings.put("application.id", TestKafka.unique("newsflow-enrich-bench"));
        enrichSettings.put("state.dir", stateDir.resolve("enrich").toString());
        enrichSettings.put("enrich.port", "0");
        enrichSettings.put("enrich.host", "127.0.0.1");
        enrich = EnrichService.start(new EnrichConfig(enrichSettings));

        Map<String, Object> syndicateSettings = new HashMap<>(kafka.serviceSettings());
        syndicateSettings.put(SyndicateConfig.APPLICATION_ID, TestKafka.unique("newsflow-syndicate-bench"));
        syndicateSettings.put(SyndicateConfig.STATE_DIR, stateDir.resolve("syndicate").toString());
        syndicateSettings.put(SyndicateConfig.PORT, "0");
        syndicateSettings.put(SyndicateConfig.HOST, "127.0.0.1");
        syndicate = SyndicateService.start(new SyndicateConfig(syndicateSettings));
        CreatedPartner partner = syndicate.partners().create(
                PartnerSpec.of(partnerId, "Bench partner", FeedSpec.everything("all", "Everything")));
        partnerToken = partner.token();
    }

    URI ingestUrl() {
        return URI.create("http://127.0.0.1:" + ingest.port());
    }

    URI feedUrl(String extension) {
        return URI.create("http://127.0.0.1:" + syndicate.port() + "/feeds/" + partnerId + "/all." + extension);
    }

    @Override
    public void close() {
        syndicate.close();
        enrich.close();
        ingest.close();
    }
}
