package dev.orderflow.bench.naive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shortcut's publishing: called right after the database commit, fire and forget. If the process dies between
 * the commit and the send, or the send fails, the event is gone while the database says it happened; nothing retries
 * it. Failed sends are counted (and logged) so a run can report them.
 */
final class DualWriter {

    private static final Logger log = LoggerFactory.getLogger(DualWriter.class);

    private final Producer<String, String> producer;
    private final ObjectMapper json;
    private final AtomicLong failedSends = new AtomicLong();

    DualWriter(Producer<String, String> producer, ObjectMapper json) {
        this.producer = producer;
        this.json = json;
    }

    void publish(String topic, NaiveOrder order) {
        String value;
        try {
            value = json.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        producer.send(new ProducerRecord<>(topic, order.orderId(), value), (metadata, error) -> {
            if (error != null) {
                failedSends.incrementAndGet();
                log.warn("naive: event for an order on {} was not sent, and will not be: {}", topic, error.toString());
            }
        });
    }

    long failedSends() {
        return failedSends.get();
    }
}
