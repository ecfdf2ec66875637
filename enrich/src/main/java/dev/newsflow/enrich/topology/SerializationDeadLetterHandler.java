package dev.newsflow.enrich.topology;

import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.schemas.topics.TopicSpec;
import java.nio.ByteBuffer;
import java.time.Instant;
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
 * (the service replaces the thread and retries) instead of dead-lettering every record while the
 * registry is down. Send errors keep Kafka Streams' default handling.
 */
public final class SerializationDeadLetterHandler extends DefaultProductionExceptionHandler {
    static final String STAGE = "serialization";
    private static final Logger LOG = LoggerFactory.getLogger(SerializationDeadLetterHandler.class);

    private TopicSpec<String, DeadLetter> deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        deadLetters = TopicCatalogue.create(configs).articlesDeadLetter();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        if (EnrichArticleProcessor.causedByRegistry(exception)) {
            LOG.error("could not serialize a record for {}: the schema registry failed; failing the task to retry",
                    record.topic(), exception);
            return Response.fail();
        }
        LOG.warn("dead-lettering the source record of an output to {} that cannot be serialized: {}", record.topic(),
                exception.toString());
        DeadLetter letter = DeadLetter.newBuilder()
                .setService(DeadLetters.SERVICE)
                .setStage(STAGE)
                .setSourceTopic(context.topic())
                .setSourcePartition(context.partition() < 0 ? null : context.partition())
                .setSourceOffset(context.offset() < 0 ? null : context.offset())
                .setErrorClass(exception.getClass().getName())
                .setErrorMessage("output " + origin.name().toLowerCase() + " for " + record.topic()
                        + " could not be serialized: " + DeadLetters.describe(exception))
                .setFailedAt(Instant.now())
                .setKey(context.sourceRawKey() == null ? null : ByteBuffer.wrap(context.sourceRawKey()))
                .setValue(context.sourceRawValue() == null ? null : ByteBuffer.wrap(context.sourceRawValue()))
                .build();
        byte[] value = deadLetters.valueSerde().serializer().serialize(deadLetters.name(), letter);
        return Response.resume(List.of(new ProducerRecord<>(deadLetters.name(), null, context.sourceRawKey(), value)));
    }
}
