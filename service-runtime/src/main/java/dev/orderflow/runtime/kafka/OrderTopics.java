package dev.orderflow.runtime.kafka;

/**
 * Default names of the platform's topics: the one place every service, the relay mapping, order-stream and the
 * operators' CLI take them from. Every order topic has the same partition count and is keyed by order id, so one
 * order's events stay in order and order-stream joins them without repartitioning. Deployments may rename topics
 * through each component's configuration; these are the defaults.
 */
public final class OrderTopics {

    /** {@code OrderPlaced}, from upstream producers and from the order API (through its outbox). */
    public static final String ORDERS = "orders";
    /** {@code Inventory*} events of inventory-consumer. */
    public static final String INVENTORY = "order.inventory";
    /** {@code Payment*} events of payment-consumer (and its {@code OrderEscalated} for a stuck payment). */
    public static final String PAYMENT = "order.payment";
    /** {@code Shipment*} and {@code FulfillmentProgressed} events of shipping-consumer. */
    public static final String SHIPPING = "order.shipping";
    /**
     * {@code FulfillmentStepObserved}: the fulfillment provider's event feed copied into Kafka by shipping-consumer's
     * feed follower, keyed by order id; only shipping-consumer reads it.
     */
    public static final String FULFILLMENT_FEED = "fulfillment.feed";
    /** Operator commands ({@code ResolvePaymentCommand}, {@code RetryShippingCommand}, {@code CancelOrderCommand}). */
    public static final String COMMANDS = "order.commands";
    /** Compacted read model: the latest order state per order id, written by order-stream. */
    public static final String STATE = "order.state";
    /** {@code OrderEscalated} events of order-stream's stuck-order detection: the exception queue's feed. */
    public static final String EXCEPTIONS = "order.exceptions";
    /** Append-only log of every operator action (replay, discard, command), written by dlq-tools. */
    public static final String AUDIT = "orderflow.audit";

    /** Partitions of every order topic by default; equal everywhere so order-stream needs no repartition. */
    public static final int DEFAULT_PARTITIONS = 6;

    private static final String DEAD_LETTER_SUFFIX = ".dlq";
    private static final String REPLAY_SUFFIX = ".replay";

    private OrderTopics() {
    }

    /** The dead-letter topic of a consumer (its consumer group id), e.g. {@code payment-consumer.dlq}. */
    public static String deadLetter(String consumer) {
        return consumer + DEAD_LETTER_SUFFIX;
    }

    /** The topic operators replay a consumer's dead letters into; only that consumer reads it. */
    public static String replay(String consumer) {
        return consumer + REPLAY_SUFFIX;
    }

    /** The consumer a dead-letter topic belongs to, or {@code null} if the name is not a dead-letter topic. */
    public static String consumerOfDeadLetter(String topic) {
        return topic.endsWith(DEAD_LETTER_SUFFIX) && topic.length() > DEAD_LETTER_SUFFIX.length()
                ? topic.substring(0, topic.length() - DEAD_LETTER_SUFFIX.length())
                : null;
    }
}
