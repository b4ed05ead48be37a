package dev.orderflow.orderstream.topology;

import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.runtime.serde.ConfluentFraming;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that cannot be decoded (not Avro, unknown schema id, wrong framing) is dead-lettered as MALFORMED and
 * processing goes on: a poison record never stops a partition (DESIGN.md §4.6). Bytes without the Confluent frame
 * are dead-lettered with the same reason the stage consumers give ({@link ConfluentFraming}). The dead letter is
 * written by Streams in the task's transaction, so it commits together with the skipped offset.
 */
public final class DeadLetteringDeserializationHandler implements DeserializationExceptionHandler {

    /** Streams passes the app's properties to the handlers: who gave up on a record, for {@code dlq.consumer.group}. */
    public static final String CONSUMER_CONFIG = "orderstream.dead.letter.consumer";

    private static final Logger log = LoggerFactory.getLogger(DeadLetteringDeserializationHandler.class);

    private DeadLetterRecords deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = HandlerSettings.deadLetters(configs, Clock.systemUTC());
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        // Bytes without the Confluent frame get the stage consumers' reason, not the registry serde's message.
        Exception failure = ConfluentFraming.violation(record.value()).map(Exception.class::cast)
                .orElse(exception);
        // No key or payload in the log: they may hold personal data; the dead letter keeps them.
        log.warn("dead-lettering undecodable record {}-{}@{}: {}", record.topic(), record.partition(),
                record.offset(), failure.toString());
        return Response.resume(List.of(deadLetters.of(context, record.key(), record.value(), failure,
                FailureCategory.MALFORMED)));
    }

    /** Reads the handler settings Streams passes on from the app's configuration. */
    static final class HandlerSettings {

        private HandlerSettings() {
        }

        static DeadLetterRecords deadLetters(Map<String, ?> configs, Clock clock) {
            Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
            Object consumer = configs.get(CONSUMER_CONFIG);
            if (topic == null) {
                throw new IllegalStateException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG
                        + " is not set: the app sets it from topic.dlq");
            }
            return new DeadLetterRecords(topic.toString(), consumer == null ? "order-stream" : consumer.toString(),
                    clock);
        }
    }
}
