package dev.newsflow.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.registry.SchemaRegistryException;
import java.net.ConnectException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class FailureKindTest {

    @Test
    void httpAnswersThatMaySucceedLaterAreRetriableAndOtherRefusalsFatal() {
        for (int status : new int[] {0, 408, 425, 429, 500, 502, 503, 504}) {
            assertThat(FailureKind.ofHttpStatus(status)).as("HTTP %d", status).isEqualTo(FailureKind.RETRIABLE);
        }
        for (int status : new int[] {301, 400, 401, 403, 404, 409, 410, 413, 422}) {
            assertThat(FailureKind.ofHttpStatus(status)).as("HTTP %d", status).isEqualTo(FailureKind.FATAL);
        }
    }

    @Test
    void aRegistryErrorIsJudgedByItsStatusWhereverItSitsInTheCauseChain() {
        SchemaRegistryException notRegistered = new SchemaRegistryException(404, 40401, "Subject not found.");
        SchemaRegistryException incompatible = new SchemaRegistryException(409, 409, "incompatible");
        SchemaRegistryException down = new SchemaRegistryException(503, 50003, "store unavailable");
        SchemaRegistryException unreachable = new SchemaRegistryException("unreachable", new ConnectException("no"));
        assertThat(FailureKind.of(new SerializationException("wrap", notRegistered))).isEqualTo(FailureKind.FATAL);
        assertThat(FailureKind.of(incompatible)).isEqualTo(FailureKind.FATAL);
        assertThat(FailureKind.of(new SerializationException("wrap", down))).isEqualTo(FailureKind.RETRIABLE);
        assertThat(FailureKind.of(unreachable)).isEqualTo(FailureKind.RETRIABLE);
        assertThat(FailureKind.registryCause(new RuntimeException(new SerializationException("x", notRegistered))))
                .containsSame(notRegistered);
        assertThat(FailureKind.registryCause(new IllegalStateException("no registry here"))).isEmpty();
    }

    @Test
    void configurationErrorsAreFatalAndUnknownOnesRetriable() {
        assertThat(FailureKind.of(new ConfigException("bootstrap.servers", "x", "bad"))).isEqualTo(FailureKind.FATAL);
        assertThat(FailureKind.of(new IllegalStateException("a bug, perhaps"))).isEqualTo(FailureKind.RETRIABLE);
    }
}
