package dev.orderflow.orderstream.api;

import dev.orderflow.orderstream.domain.OrderState;
import dev.orderflow.orderstream.domain.OrderView;
import dev.orderflow.orderstream.topology.OrderStreamTopology;
import dev.orderflow.orderstream.topology.StoreKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@link OrderDirectory} on Kafka Streams' interactive queries. Only active tasks are read (no stale standby data).
 * The exception queue is read per local partition from the state index, so a page costs {@code limit} entries per
 * partition, not a scan of every order. The counts ({@link #localStats()}) do read every local view.
 */
public final class KafkaStreamsDirectory implements OrderDirectory {

    private final KafkaStreams streams;
    private final HostInfo self;

    public KafkaStreamsDirectory(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    @Override
    public Ownership ownerOf(String orderId) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(OrderStreamTopology.VIEW_STORE, orderId,
                    Serdes.String().serializer());
        } catch (IllegalStateException e) {
            return Ownership.unavailable();
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            return Ownership.unavailable();
        }
        HostInfo active = metadata.activeHost();
        return active.equals(self) ? Ownership.local() : Ownership.remote(active.host() + ":" + active.port());
    }

    @Override
    public Optional<OrderView> localView(String orderId) {
        try {
            ReadOnlyKeyValueStore<String, OrderView> views = store(OrderStreamTopology.VIEW_STORE, null);
            return Optional.ofNullable(views.get(orderId));
        } catch (InvalidStateStoreException e) {
            throw new QueryUnavailableException("the order store is not queryable right now: " + e.getMessage(), e);
        }
    }

    @Override
    public List<OrderView> localPage(OrderState state, String afterOrderId, int limit) {
        try {
            List<OrderView> page = new ArrayList<>();
            for (int partition : localPartitions()) {
                ReadOnlyKeyValueStore<String, OrderView> views = store(OrderStreamTopology.VIEW_STORE, partition);
                for (String orderId : pageOfPartition(partition, state, afterOrderId, limit)) {
                    OrderView view = views.get(orderId);
                    if (view != null && view.state() == state) {
                        page.add(view);
                    }
                }
            }
            page.sort(Comparator.comparing(OrderView::orderId));
            return page.size() > limit ? page.subList(0, limit) : page;
        } catch (InvalidStateStoreException e) {
            throw new QueryUnavailableException("the order stores are not queryable right now: " + e.getMessage(), e);
        }
    }

    @Override
    public OrderStats localStats() {
        try {
            OrderStats.Tally tally = new OrderStats.Tally();
            for (int partition : localPartitions()) {
                ReadOnlyKeyValueStore<String, OrderView> views = store(OrderStreamTopology.VIEW_STORE, partition);
                try (KeyValueIterator<String, OrderView> it = views.all()) {
                    it.forEachRemaining(entry -> tally.add(entry.value));
                }
            }
            return tally.stats();
        } catch (InvalidStateStoreException e) {
            throw new QueryUnavailableException("the order stores are not queryable right now: " + e.getMessage(), e);
        }
    }

    private List<String> pageOfPartition(int partition, OrderState state, String after, int limit) {
        ReadOnlyKeyValueStore<String, String> index = store(OrderStreamTopology.STATE_INDEX_STORE, partition);
        List<String> ids = new ArrayList<>();
        String afterKey = after == null ? null : StoreKeys.stateKey(state, after);
        try (KeyValueIterator<String, String> it = index.range(StoreKeys.stateFrom(state, after),
                StoreKeys.stateUpTo(state))) {
            while (it.hasNext() && ids.size() < limit) {
                KeyValue<String, String> entry = it.next();
                if (!entry.key.equals(afterKey)) {
                    ids.add(entry.value);
                }
            }
        }
        return ids;
    }

    private Set<Integer> localPartitions() {
        Set<Integer> partitions = new TreeSet<>();
        streams.metadataForLocalThreads().forEach(thread -> thread.activeTasks()
                .forEach(task -> partitions.add(task.taskId().partition())));
        return partitions;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name, Integer partition) {
        StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> parameters =
                StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore());
        return streams.store(partition == null ? parameters : parameters.withPartition(partition));
    }

    @Override
    public List<String> peers() {
        List<String> peers = new ArrayList<>();
        for (StreamsMetadata metadata : streams.streamsMetadataForStore(OrderStreamTopology.VIEW_STORE)) {
            if (!metadata.hostInfo().equals(self)) {
                peers.add(metadata.host() + ":" + metadata.port());
            }
        }
        return peers;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = streams.state();
        boolean alive = state != KafkaStreams.State.ERROR && state != KafkaStreams.State.NOT_RUNNING
                && state != KafkaStreams.State.PENDING_ERROR;
        return new Health(state.name(), alive, state == KafkaStreams.State.RUNNING);
    }
}
