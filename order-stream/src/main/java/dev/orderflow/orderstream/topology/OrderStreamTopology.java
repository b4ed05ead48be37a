package dev.orderflow.orderstream.topology;

import dev.orderflow.orderstream.config.OrderStreamConfig;
import dev.orderflow.orderstream.domain.OrderStateMachine;
import dev.orderflow.orderstream.domain.OrderView;
import dev.orderflow.orderstream.json.JsonSerde;
import dev.orderflow.orderstream.json.LastValueSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The order-stream topology, built by a pure function of the configuration and the event serde:
 * <pre>
 *   orders, order.inventory, order.payment, order.shipping, order.commands (Avro, key = order id)
 *     → order-events processor [order-views, order-deadlines, order-states stores]
 *         → order.state (JSON view, compacted)   → order.exceptions (Avro OrderEscalated)
 * </pre>
 * The input topics are co-partitioned by order id, so one task sees all of an order's events and no repartition
 * is needed.
 */
public final class OrderStreamTopology {

    /** Order id → {@link OrderView}; queried by the HTTP API. */
    public static final String VIEW_STORE = "order-views";
    /** Deadline index: zero-padded deadline millis|order id → order id (see {@link StoreKeys}). */
    public static final String DEADLINE_STORE = "order-deadlines";
    /** State index: STATE|order id → order id; the exception queue pages through it. */
    public static final String STATE_INDEX_STORE = "order-states";

    static final String SOURCE = "order-events-source";
    static final String PROCESSOR = "order-events";
    static final String STATE_SINK = "order-state-sink";
    static final String EXCEPTIONS_SINK = "order-exceptions-sink";

    private OrderStreamTopology() {
    }

    public static Topology build(OrderStreamConfig config, Serde<SpecificRecord> eventSerde) {
        OrderStateMachine machine = new OrderStateMachine(config.escalationPolicy(), config.viewLimits());
        EscalationEvents escalations = new EscalationEvents(config.applicationId());
        Topology topology = new Topology();
        // earliest: the read model is built from every event since the topics began, never from "now on".
        topology.addSource(AutoOffsetReset.earliest(), SOURCE, new EventTimeExtractor(),
                Serdes.String().deserializer(), eventSerde.deserializer(), config.inputTopics().toArray(String[]::new));
        topology.addProcessor(PROCESSOR, () -> new OrderEventProcessor(machine, escalations,
                config.punctuationInterval(), config.maxEscalationsPerPunctuation()), SOURCE);
        // One serializer for the store and the state topic: a view written to both is serialized once.
        JsonSerde<OrderView> viewJson = new JsonSerde<>(OrderView.class);
        Serializer<OrderView> viewBytes = new LastValueSerializer<>(viewJson.serializer());
        topology.addStateStore(store(config, VIEW_STORE, Serdes.serdeFrom(viewBytes, viewJson.deserializer())),
                PROCESSOR);
        topology.addStateStore(store(config, DEADLINE_STORE, Serdes.String()), PROCESSOR);
        topology.addStateStore(store(config, STATE_INDEX_STORE, Serdes.String()), PROCESSOR);
        topology.addSink(STATE_SINK, config.stateTopic(), Serdes.String().serializer(),
                viewBytes, PROCESSOR);
        topology.addSink(EXCEPTIONS_SINK, config.exceptionsTopic(), Serdes.String().serializer(),
                eventSerde.serializer(), PROCESSOR);
        return topology;
    }

    private static <V> StoreBuilder<?> store(OrderStreamConfig config, String name, Serde<V> valueSerde) {
        KeyValueBytesStoreSupplier supplier = config.inMemoryStores()
                ? Stores.inMemoryKeyValueStore(name)
                : Stores.persistentKeyValueStore(name);
        // Cached: the puts and deletes of a commit interval reach RocksDB and the changelog once per key, at the
        // commit. An order's events come a few hundred milliseconds apart, so most of its view updates and index
        // moves collapse; the order API reads through the cache and sees every update at once.
        return Stores.keyValueStoreBuilder(supplier, Serdes.String(), valueSerde).withCachingEnabled();
    }
}
