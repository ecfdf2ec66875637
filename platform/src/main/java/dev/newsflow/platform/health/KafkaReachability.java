package dev.newsflow.platform.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether the Kafka cluster answers: a cluster description within the timeout. The answer is kept for a few
 * seconds, so that probes from several places (an orchestrator, the ops page) cost one request.
 */
public final class KafkaReachability implements HealthCheck, AutoCloseable {
    private final Map<String, Object> clientConfig;
    private final Duration timeout;
    private final CachedCheck cached;
    private Admin admin;

    public KafkaReachability(Map<String, Object> clientConfig, Duration timeout, Duration keepFor) {
        this.clientConfig = new HashMap<>(clientConfig);
        this.timeout = timeout;
        this.cached = new CachedCheck(this::ask, keepFor);
    }

    @Override
    public Check check() {
        return cached.check();
    }

    private synchronized Check ask() {
        try {
            if (admin == null) {
                Map<String, Object> settings = new HashMap<>(clientConfig);
                settings.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-health");
                settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
                settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
                admin = Admin.create(settings);
            }
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            return Check.of(brokers > 0, "Kafka answered with no brokers");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.down("interrupted");
        } catch (Exception e) {
            return Check.down("Kafka did not answer within " + timeout.toMillis() + " ms");
        }
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
