package dev.orderflow.orderstream.topology;

import dev.orderflow.runtime.failure.FailureCategory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A decoded record the processor cannot apply is dead-lettered with its original bytes and processing goes on:
 * {@link UnsupportedEventException} as MALFORMED, anything else as INTERNAL (a defect: the stack trace is in the
 * dead letter). Without the source bytes (a failure in a punctuation) there is nothing to dead-letter, so the
 * thread fails and Streams replaces it, retrying from the last commit.
 */
public final class DeadLetteringProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetteringProcessingHandler.class);

    private DeadLetterRecords deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetteringDeserializationHandler.HandlerSettings.deadLetters(configs, Clock.systemUTC());
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (context.sourceRawValue() == null) {
            log.error("processing failed outside a source record in {}; failing the thread", context.processorNodeId(),
                    exception);
            return Response.fail();
        }
        FailureCategory category = exception instanceof UnsupportedEventException
                ? FailureCategory.MALFORMED : FailureCategory.INTERNAL;
        log.warn("dead-lettering record {}-{}@{} ({}): {}", context.topic(), context.partition(), context.offset(),
                category, exception.toString());
        return Response.resume(List.of(deadLetters.of(context, context.sourceRawKey(), context.sourceRawValue(),
                exception, category)));
    }
}
