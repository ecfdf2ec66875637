package dev.newsflow.enrich.topology;

import dev.newsflow.platform.errors.FailureKind;
import dev.newsflow.platform.kafka.DeadLetterFactory;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.schemas.topics.TopicSpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety net behind the topology's own dead-letter path: a record that a sink cannot
 * serialize (the enrich step serializes enriched articles itself, so in practice a dead letter
 * that does not serialize) would fail the task again on every retry. It goes to
 * {@code articles-dead-letter} through Kafka Streams' dead-letter response (KIP-1034), inside the
 * same transaction, with the source record's original bytes, and processing resumes. A
 * schema-registry error is about the schema or the registry, not the record: that fails the task
 * (the service's failure policy decides: retried when the registry is away, stopped when the answer
 * cannot change) instead of dead-lettering every record while the registry is down. Send errors keep
 * Kafka Streams' default handling. Streams builds the handler from its class name; the service's clock
 * arrives through the configuration under {@link #CLOCK_CONFIG} (the system clock when absent).
 */
public final class SerializationDeadLetterHandler extends DefaultProductionExceptionHandler {
    static final String STAGE = "serialization";
    /** Streams configuration key of the {@link Clock} dead letters are stamped with. */
    public static final String CLOCK_CONFIG = "newsflow.dead.letter.clock";
    private static final Logger LOG = LoggerFactory.getLogger(SerializationDeadLetterHandler.class);

    private TopicSpec<String, DeadLetter> deadLetters;
    private DeadLetterFactory factory;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        deadLetters = TopicCatalogue.create(configs).articlesDeadLetter();
        Object clock = configs.get(CLOCK_CONFIG);
        factory = new DeadLetterFactory(DeadLetters.SERVICE, clock instanceof Clock given ? given : Clock.systemUTC());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        if (FailureKind.registryCause(exception).isPresent()) {
            LOG.error("could not serialize a record for {}: the schema registry failed; failing the task to retry",
                    record.topic(), exception);
            return Response.fail();
        }
        LOG.warn("dead-lettering the source record of an output to {} that cannot be serialized: {}", record.topic(),
                exception.toString());
        DeadLetter letter = factory.of(STAGE, exception.getClass().getName(), "output "
                        + origin.name().toLowerCase() + " for " + record.topic() + " could not be serialized: "
                        + DeadLetterFactory.describe(exception),
                DeadLetterFactory.Source.of(context.topic(), context.partition(), context.offset()),
                context.sourceRawKey(), context.sourceRawValue());
        byte[] value = deadLetters.valueSerde().serializer().serialize(deadLetters.name(), letter);
        return Response.resume(List.of(new ProducerRecord<>(deadLetters.name(), null, context.sourceRawKey(), value)));
    }
}
