package dev.orderflow.orderstream.topology;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Output that cannot be written (an order view, an escalation) is never skipped: skipping would leave the store
 * and the topics disagreeing, e.g. an order marked escalated whose escalation event was dropped. The task fails,
 * its transaction aborts, and the replaced thread retries from the last commit (exactly-once keeps the outputs
 * single). Views are bounded in size, so a permanent "record too large" cannot come from them.
 */
public final class FailingProductionHandler implements ProductionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(FailingProductionHandler.class);

    @Override
    public void configure(Map<String, ?> configs) {
        // Nothing to configure.
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                Exception exception) {
        log.error("cannot write to {}; failing the task so it retries from the last commit: {}", record.topic(),
                exception.toString());
        return Response.fail();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        log.error("cannot serialize the {} of a record for {}; failing the task: {}", origin, record.topic(),
                exception.toString());
        return Response.fail();
    }
}
