package dev.orderflow.dlq.kafka;

import dev.orderflow.dlq.OpsException;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Sends groups of records atomically: a group is committed only when the broker acknowledged every record of it,
 * or not at all. The transactional id is per DLQ (or per order for commands), so a second run on the same DLQ
 * fences an interrupted one instead of interleaving with it.
 */
public final class TransactionalSender implements AutoCloseable {

    private final KafkaAccess kafka;
    private final String transactionalId;
    private KafkaProducer<byte[], byte[]> producer;

    public TransactionalSender(KafkaAccess kafka, String transactionalId) {
        this.kafka = kafka;
        this.transactionalId = transactionalId;
    }

    /** Sends the records in one transaction and returns once it is committed. */
    public void send(List<ProducerRecord<byte[], byte[]>> records) {
        KafkaProducer<byte[], byte[]> p = producer();
        try {
            p.beginTransaction();
            records.forEach(p::send);
            p.commitTransaction();
        } catch (ProducerFencedException e) {
            throw OpsException.failed("another orderflow-ops run took over " + transactionalId
                    + "; this run stopped and its last batch was not committed", e);
        } catch (TimeoutException e) {
            abort(p);
            throw kafka.unreachable("commit to " + records.get(0).topic(), e);
        } catch (KafkaException e) {
            abort(p);
            throw OpsException.failed("Kafka refused the batch (" + e.getMessage() + "); nothing of it was committed",
                    e);
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            KafkaProducer<byte[], byte[]> created = kafka.transactionalProducer(transactionalId);
            try {
                created.initTransactions();
            } catch (TimeoutException e) {
                created.close(java.time.Duration.ZERO);
                throw kafka.unreachable("start a transaction", e);
            } catch (KafkaException e) {
                created.close(java.time.Duration.ZERO);
                throw OpsException.failed("cannot start a transaction as " + transactionalId + ": " + e.getMessage()
                        + " (the principal needs WRITE on this transactional id)", e);
            }
            producer = created;
        }
        return producer;
    }

    private static void abort(KafkaProducer<byte[], byte[]> p) {
        try {
            p.abortTransaction();
        } catch (KafkaException ignored) {
            // The transaction times out on the broker and is aborted there; nothing of it becomes visible.
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(kafka.timeout());
        }
    }
}
