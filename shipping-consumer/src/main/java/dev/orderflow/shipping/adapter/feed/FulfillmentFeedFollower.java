package dev.orderflow.shipping.adapter.feed;

import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.FulfillmentStepObserved;
import dev.orderflow.runtime.provider.ProviderClient;
import dev.orderflow.runtime.serde.EventSerdes;
import dev.orderflow.runtime.service.StageCompanionContext;
import dev.orderflow.shipping.TrackingSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the fulfillment provider's event feed into Kafka for the shipping stage (the paper §6.7: progress arrives
 * asynchronously; reading one feed replaces reading every shipment again and again). One instance of the service
 * reads at a time ({@link FeedLease}); it publishes a page's steps as {@code FulfillmentStepObserved}, keyed by
 * order id, waits for the broker's acknowledgement, and only then moves its cursor. A crash between the two
 * publishes the page again: the event id is derived from the shipment and the stage, so the stage's dedupe drops
 * the repeat. Reads that fail are repeated on the next tick; the stage's safety checks cover a feed that stopped.
 */
public final class FulfillmentFeedFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FulfillmentFeedFollower.class);
    /** Full pages read back to back before the tick yields (the lease and the shutdown are checked between ticks). */
    private static final int MAX_PAGES_PER_TICK = 20;

    private final TrackingSettings settings;
    private final String consumer;
    private final DataSource dataSource;
    private final ProviderFeed feed;
    private final Producer<String, SpecificRecord> producer;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ScheduledExecutorService ticks;
    private final Counter published;
    private final Counter failures;
    private final AtomicLong cursorSeen = new AtomicLong(-1);
    private final List<Meter> gauges = new ArrayList<>();
    private FeedLease lease;
    private Instant nextLeaseAttempt = Instant.MIN;

    private FulfillmentFeedFollower(TrackingSettings settings, StageCompanionContext context, ProviderClient provider,
            Producer<String, SpecificRecord> producer) {
        this.settings = settings;
        this.consumer = context.consumerName();
        this.dataSource = context.dataSource();
        this.feed = new ProviderFeed(provider);
        this.producer = producer;
        this.clock = context.stage().clock();
        this.meters = context.meters();
        this.published = Counter.builder("orderflow.fulfillment.feed.steps").tag("consumer", consumer)
                .description("Feed steps published to Kafka").register(meters);
        this.failures = Counter.builder("orderflow.fulfillment.feed.failures").tag("consumer", consumer)
                .description("Feed reads or publications that failed and will be repeated").register(meters);
        gauges.add(Gauge.builder("orderflow.fulfillment.feed.cursor", cursorSeen, AtomicLong::get)
                .tag("consumer", consumer).description("Last feed sequence published; -1 when this instance "
                        + "does not read the feed").register(meters));
        this.ticks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, consumer + "-fulfillment-feed");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts following at once; the first tick tries to take the lease. */
    public static FulfillmentFeedFollower start(TrackingSettings settings, StageCompanionContext context) {
        Producer<String, SpecificRecord> producer = new KafkaProducer<>(withClientId(context), new StringSerializer(),
                EventSerdes.valueSerializer(context.registry()));
        FulfillmentFeedFollower follower = new FulfillmentFeedFollower(settings, context,
                context.stage().provider(), producer);
        long every = settings.pollInterval().toMillis();
        follower.ticks.scheduleWithFixedDelay(follower::tick, 0, every, TimeUnit.MILLISECONDS);
        LOG.info("{}: following the fulfillment feed into {} (one instance reads at a time)", follower.consumer,
                settings.topic());
        return follower;
    }

    private static Map<String, Object> withClientId(StageCompanionContext context) {
        Map<String, Object> config = new HashMap<>(context.producerConfig());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, context.consumerName() + "-fulfillment-feed");
        return config;
    }

    /** Whether this instance holds the lease, and so reads the feed, right now. */
    public synchronized boolean reading() {
        return lease != null;
    }

    private synchronized void tick() {
        try {
            if (lease == null && !takeLease()) {
                return;
            }
            for (int page = 0; page < MAX_PAGES_PER_TICK && followOnePage(); page++) {
                // A full page: the feed has more right now.
            }
        } catch (SQLException e) {
            failures.increment();
            LOG.warn("{}: the feed's lease or cursor failed; giving the lease up: {}", consumer, e.toString());
            dropLease();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            failures.increment();
            LOG.warn("{}: reading or publishing the fulfillment feed failed; the next read repeats it: {}", consumer,
                    e.toString());
        }
    }

    private boolean takeLease() throws SQLException {
        Instant now = clock.instant();
        if (now.isBefore(nextLeaseAttempt)) {
            return false;
        }
        nextLeaseAttempt = now.plus(settings.standbyInterval());
        lease = FeedLease.tryAcquire(dataSource, consumer).orElse(null);
        if (lease == null) {
            return false;
        }
        OptionalLong stored = lease.storedCursor();
        if (stored.isPresent()) {
            cursorSeen.set(stored.getAsLong());
            LOG.info("{}: reading the fulfillment feed after sequence {}", consumer, cursorSeen.get());
        } else {
            cursorSeen.set(firstCursor());
        }
        return true;
    }

    /**
     * Where a service without a cursor starts: the beginning, or (start position latest) after the feed's last
     * event, stored at once so that every later reader resumes there rather than at a newer "latest".
     */
    private long firstCursor() throws SQLException {
        if (!settings.startsAtLatest()) {
            LOG.info("{}: no feed cursor yet; reading the fulfillment feed from its beginning", consumer);
            return 0;
        }
        long latest;
        try {
            latest = feed.latestSequence(settings.readTimeout());
        } catch (RuntimeException e) {
            // Hand the lease back: the next attempt comes a standby interval later, not on every tick.
            dropLease();
            throw e;
        }
        lease.advance(latest, clock.instant());
        LOG.info("{}: no feed cursor yet; skipping the feed's history and reading after its latest sequence {} "
                + "({}={}); shipments already in flight are caught up by the safety reads", consumer, latest,
                TrackingSettings.START_POSITION, TrackingSettings.START_LATEST);
        return latest;
    }

    /** Publishes one page and moves the cursor past it; true when the page was full (more may be waiting). */
    private boolean followOnePage() throws SQLException, InterruptedException, ExecutionException {
        FeedPage page = feed.read(cursorSeen.get(), settings.pageSize(), settings.readTimeout());
        if (page.steps().isEmpty()) {
            return false;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (FeedStep step : page.steps()) {
            if (step.orderId() == null || step.orderId().isBlank()) {
                LOG.warn("{}: feed event {} of shipment {} names no order; skipped", consumer, step.sequence(),
                        step.shipmentId());
                continue;
            }
            acks.add(producer.send(new ProducerRecord<>(settings.topic(), step.orderId(), observed(step))));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
        lease.advance(page.nextAfter(), clock.instant());
        cursorSeen.set(page.nextAfter());
        published.increment(acks.size());
        return page.steps().size() >= settings.pageSize();
    }

    private FulfillmentStepObserved observed(FeedStep step) {
        EventMetadata metadata = EventMetadata.newBuilder()
                .setEventId(eventId(step.shipmentId(), step.stage()))
                .setOrderId(step.orderId())
                .setCorrelationId(step.orderId())
                .setCausationId(null)
                .setOccurredAt(step.at())
                .setProducer(consumer + "/fulfillment-feed")
                .setAttempt(1)
                .build();
        return FulfillmentStepObserved.newBuilder().setMetadata(metadata).setShipmentId(step.shipmentId())
                .setStage(step.stage()).setFeedSequence(step.sequence()).setCarrier(step.carrier())
                .setTrackingNumber(step.trackingNumber()).setExceptionReason(step.exceptionReason()).build();
    }

    /** A shipment reaches each stage once: the same step read twice, by any instance, is the same event. */
    static UUID eventId(String shipmentId, String stage) {
        return UUID.nameUUIDFromBytes(("fulfillment-step/" + shipmentId + "/" + stage)
                .getBytes(StandardCharsets.UTF_8));
    }

    private void dropLease() {
        if (lease != null) {
            try {
                lease.close();
            } catch (SQLException e) {
                LOG.debug("{}: closing the feed lease failed", consumer, e);
            }
            lease = null;
            cursorSeen.set(-1);
        }
    }

    /** Stops reading, lets another instance take over at once, and closes the producer. */
    @Override
    public void close() {
        ticks.shutdown();
        try {
            if (!ticks.awaitTermination(10, TimeUnit.SECONDS)) {
                ticks.shutdownNow();
            }
        } catch (InterruptedException e) {
            ticks.shutdownNow();
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            dropLease();
        }
        producer.close(Duration.ofSeconds(5));
        gauges.forEach(meters::remove);
        meters.remove(published);
        meters.remove(failures);
    }
}
