package dev.orderflow.dlq.kafka;

import dev.orderflow.dlq.OpsException;
import dev.orderflow.dlq.domain.AuditEntries;
import dev.orderflow.dlq.domain.AuditEntry;
import dev.orderflow.dlq.domain.Pacer;
import dev.orderflow.dlq.domain.RecordHeader;
import dev.orderflow.dlq.domain.ReplayItem;
import dev.orderflow.dlq.domain.ReplayPlan;
import dev.orderflow.dlq.domain.ReplayRequest;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Carries out replays and discards. Each batch of replayed records is committed in one transaction with its audit
 * entries: progress exists exactly when the broker has the records, so an interrupted run leaves every record
 * either replayed-and-audited or untouched, and a rerun (which skips records the audit log shows as replayed)
 * continues without sending anything twice.
 */
public final class ResolutionWriter {

    /** Told after each committed batch; prints progress, and lets tests interrupt a run between batches. */
    @FunctionalInterface
    public interface Progress {
        void committed(int done, int total);
    }

    /** Waits between paced sends. */
    @FunctionalInterface
    public interface Waiter {
        void waitNanos(long nanos) throws InterruptedException;
    }

    private final KafkaAccess kafka;
    private final AuditLog audit;

    public ResolutionWriter(KafkaAccess kafka, AuditLog audit) {
        this.kafka = kafka;
        this.audit = audit;
    }

    /** The transactional id shared by every mutating run on one DLQ, so concurrent runs fence each other. */
    static String transactionalId(String dlqTopic) {
        return "orderflow-ops-" + dlqTopic;
    }

    public int replay(String dlqTopic, ReplayPlan plan, ReplayRequest request, int batchSize, Pacer pacer,
                      Waiter waiter, Progress progress) {
        audit.ensureExists();
        int total = plan.items().size();
        int done = 0;
        try (TransactionalSender sender = new TransactionalSender(kafka, transactionalId(dlqTopic))) {
            List<ProducerRecord<byte[], byte[]>> batch = new ArrayList<>();
            int inBatch = 0;
            for (ReplayItem item : plan.items()) {
                pace(pacer, waiter);
                batch.add(replayRecord(item));
                batch.add(audit.record(AuditEntries.replay(item, request)));
                if (++inBatch == batchSize) {
                    done = commit(sender, batch, done, inBatch);
                    inBatch = 0;
                    progress.committed(done, total);
                }
            }
            if (inBatch > 0) {
                done = commit(sender, batch, done, inBatch);
                progress.committed(done, total);
            }
            return done;
        } catch (OpsException e) {
            throw done == 0 ? e : OpsException.failed("replayed " + done + " of " + total + " records, then: "
                    + e.getMessage() + ". Rerun the same command to continue; replayed records are skipped", e);
        }
    }

    /** Records the discards in one transaction: all of them or none. */
    public void discard(String dlqTopic, List<AuditEntry> entries) {
        audit.ensureExists();
        try (TransactionalSender sender = new TransactionalSender(kafka, transactionalId(dlqTopic))) {
            sender.send(entries.stream().map(audit::record).toList());
        }
    }

    private static int commit(TransactionalSender sender, List<ProducerRecord<byte[], byte[]>> batch, int done,
                              int inBatch) {
        sender.send(List.copyOf(batch));
        batch.clear();
        return done + inBatch;
    }

    private static void pace(Pacer pacer, Waiter waiter) {
        long wait = pacer.claim(System.nanoTime());
        if (wait > 0) {
            try {
                waiter.waitNanos(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw OpsException.failed("interrupted while pacing the replay", e);
            }
        }
    }

    static ProducerRecord<byte[], byte[]> replayRecord(ReplayItem item) {
        RecordHeaders headers = new RecordHeaders();
        for (RecordHeader header : item.headers()) {
            headers.add(header.name(), header.value());
        }
        return new ProducerRecord<>(item.destination(), null, item.key(), item.value(), headers);
    }
}
