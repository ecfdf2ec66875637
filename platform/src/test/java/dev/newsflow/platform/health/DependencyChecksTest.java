package dev.newsflow.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DependencyChecksTest {
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aRegistryIsReachableWhenOneOfItsUrlsAnswersBelow500() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Javalin registry = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.startupWatcherEnabled = false;
            cfg.routes.get("/config", ctx -> {
                asked.incrementAndGet();
                ctx.status(401);
            });
        }).start("127.0.0.1", 0);
        try {
            String down = "http://127.0.0.1:" + closedPort();
            RegistryReachability check = new RegistryReachability(down + "," + "http://127.0.0.1:" + registry.port(),
                    Duration.ofSeconds(2), Duration.ofMinutes(1));
            assertThat(check.check().up()).isTrue();
            assertThat(check.check().up()).isTrue();
            assertThat(asked.get()).as("the answer is kept").isEqualTo(1);
        } finally {
            registry.stop();
        }
    }

    @Test
    void unreachableDependenciesAreDownWithWhy() throws Exception {
        int port = closedPort();
        Check registry = new RegistryReachability("http://127.0.0.1:" + port, Duration.ofMillis(500), Duration.ZERO)
                .check();
        assertThat(registry.up()).isFalse();
        assertThat(registry.detail()).contains("127.0.0.1:" + port).contains("did not answer");

        try (KafkaReachability kafka = new KafkaReachability(Map.of("bootstrap.servers", "127.0.0.1:" + port),
                Duration.ofMillis(800), Duration.ZERO)) {
            Check answer = kafka.check();
            assertThat(answer.up()).isFalse();
            assertThat(answer.detail()).contains("Kafka did not answer within 800 ms");
        }
    }
}
