package dev.orderflow.bench.system;

/** What a pipeline tells the benchmark about its orders, as it sees them happen. Thread-safe implementations. */
public interface ProgressListener {

    /**
     * An order reached {@code stage}.
     *
     * @param atMillis     when it happened, by the event's own timestamp (epoch ms)
     * @param seenAtMillis when the watcher saw it (epoch ms)
     */
    void reached(String orderId, OrderStage stage, long atMillis, long seenAtMillis);

    /** One event went through the pipeline's relay (outbox to Kafka), timestamped when it was written. */
    void relayed(long atMillis);
}
