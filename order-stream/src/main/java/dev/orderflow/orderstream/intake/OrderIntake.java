package dev.orderflow.orderstream.intake;

import dev.orderflow.events.OrderPlaced;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.runtime.outbox.OutboxEvent;
import dev.orderflow.runtime.outbox.OutboxWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places orders: records the idempotency key with the request's fingerprint and a new order id, and appends the
 * {@code OrderPlaced} event to the outbox, in one transaction. The outbox relay publishes the event to
 * {@value OrderTopics#ORDERS}; nothing is sent to Kafka here.
 *
 * <p>The same key with the same body gets the first answer again and changes nothing; the same key with another
 * body gets {@link IntakeOutcome.KeyReused}. Concurrent requests with one key serialize on the key's unique
 * index inside the database, not on a lock held here.
 */
public final class OrderIntake implements OrderPlacement {

    /** Flyway location of this API's tables; pass it to {@code DatabaseMigrations.migrate}. */
    public static final String MIGRATIONS = "classpath:db/migration/order-stream";

    private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);
    private static final int ACCEPTED = 202;

    private final DataSource dataSource;
    private final Serializer<SpecificRecord> serializer;
    private final OrderPlacedEvents events;
    private final Supplier<UUID> ids;
    private final int maxTransactionAttempts;
    private final IntakeTable table = new IntakeTable();
    private final OutboxWriter outbox;

    OrderIntake(DataSource dataSource, Serializer<SpecificRecord> serializer, Clock clock, Supplier<UUID> ids,
                int maxTransactionAttempts, OutboxWriter outbox) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.events = new OrderPlacedEvents(clock);
        this.ids = ids;
        this.maxTransactionAttempts = maxTransactionAttempts;
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /**
     * The intake over a migrated database ({@link #MIGRATIONS}) and the platform's event serializer
     * ({@code EventSerdes.valueSerializer}).
     */
    public static OrderIntake create(IntakeSettings settings, DataSource dataSource,
                                     Serializer<SpecificRecord> serializer) {
        return new OrderIntake(dataSource, serializer, Clock.systemUTC(), UUID::randomUUID,
                settings.maxTransactionAttempts(), OutboxWriter.of(settings.outboxMode(), Clock.systemUTC()));
    }

    /**
     * Places the order of a valid request, or finds what an earlier request with the key did.
     *
     * @throws IntakeUnavailableException when the database or the schema registry cannot take it now
     */
    @Override
    public IntakeOutcome place(IdempotencyKey key, RequestFingerprint fingerprint, OrderRequest request,
                        String correlationId) {
        UUID orderId = ids.get();
        OrderPlaced event = events.orderPlaced(ids.get(), orderId, correlationId, request);
        // Serialized before the transaction: the first use of a schema asks the registry over HTTP, and no
        // connection or row lock should be held while that runs.
        OutboxEvent row = OutboxEvent.of(OrderTopics.ORDERS, event, event.getMetadata(), serialize(event));
        IntakeRecord record = new IntakeRecord(key, fingerprint, orderId, ACCEPTED);
        for (int attempt = 1; ; attempt++) {
            try {
                return inOneTransaction(record, row);
            } catch (SQLException e) {
                SqlFailures.Kind kind = SqlFailures.classify(e);
                if (kind == SqlFailures.Kind.RETRY_TRANSACTION && attempt < maxTransactionAttempts) {
                    log.debug("order intake transaction attempt {} hit {}; trying again", attempt, e.getSQLState());
                    continue;
                }
                if (kind == SqlFailures.Kind.INTERNAL) {
                    throw new IllegalStateException("order intake transaction failed (SQLState " + e.getSQLState()
                            + ")", e);
                }
                throw new IntakeUnavailableException("the order database cannot take the request now ("
                        + kind + ", SQLState " + e.getSQLState() + ", attempt " + attempt + ")", e);
            }
        }
    }

    private IntakeOutcome inOneTransaction(IntakeRecord record, OutboxEvent row) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                IntakeOutcome outcome = record(connection, record, row);
                connection.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        }
    }

    private IntakeOutcome record(Connection connection, IntakeRecord record, OutboxEvent row) throws SQLException {
        if (table.claim(connection, record)) {
            outbox.append(connection, List.of(row));
            return new IntakeOutcome.Accepted(record.orderId(), false);
        }
        IntakeRecord first = table.find(connection, record.key()).orElseThrow(() -> new IllegalStateException(
                "idempotency key conflicted, but its row is not visible: is the isolation level READ COMMITTED?"));
        return first.fingerprint().equals(record.fingerprint())
                ? new IntakeOutcome.Accepted(first.orderId(), true)
                : new IntakeOutcome.KeyReused(first.orderId());
    }

    private byte[] serialize(OrderPlaced event) {
        try {
            return serializer.serialize(OrderTopics.ORDERS, event);
        } catch (RuntimeException e) {
            if (RegistryFailures.isUnavailable(e)) {
                throw new IntakeUnavailableException("the schema registry cannot be reached", e);
            }
            throw e;
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
