package dev.orderflow.relay.internals;

import dev.orderflow.relay.config.RelayConfig;
import dev.orderflow.relay.config.SourceConfig;
import dev.orderflow.runtime.outbox.OutboxMessageCodec;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Debezium settings for one source. The choices that matter (see docs/outbox-relay.md): pgoutput with a
 * publication the migrations created; outbox rows routed by Debezium's outbox event router and outbox logical
 * decoding messages passed on whole (both become Kafka records in {@link OutboxRecordMapper}); no snapshot (the
 * outbox table is always empty and history must never be republished); payload bytes passed through; positions
 * in a Kafka topic stored after every batch; the LSN confirmed on the slot by the connector only, after the
 * position was stored, so the slot is never ahead of the stored position; a heartbeat that writes a logical
 * decoding message into this source's log, so an idle outbox still moves the stored position and the slot along
 * and the slot does not hold the cluster's WAL; retriable errors (database restart) retried without end.
 */
public final class EngineProperties {

    /**
     * Prefix of the logical decoding message each heartbeat writes into the source's log. Debezium decodes it
     * (pgoutput streams messages from PostgreSQL 14) and moves its position to it; it is never published.
     */
    public static final String HEARTBEAT_MESSAGE_PREFIX = "orderflow-relay-heartbeat";

    /**
     * Run with every heartbeat on the source database. A non-transactional message, decoded by this database's
     * slots only; it needs no table and no publication change ({@code pg_logical_emit_message} is executable by
     * PUBLIC unless an installation revoked it).
     */
    static final String HEARTBEAT_ACTION_QUERY =
            "SELECT pg_logical_emit_message(false, '" + HEARTBEAT_MESSAGE_PREFIX + "', '')";

    /** Most bytes of change records the engine queues ahead of the publisher, per source. */
    static final long MAX_QUEUE_BYTES = 32L * 1024 * 1024;

    private EngineProperties() {
    }

    public static String engineName(SourceConfig source) {
        return "orderflow-relay-" + source.name();
    }

    /** The connector's topic prefix; its logical decoding messages come on {@code <prefix>.message}. */
    static String topicPrefix(SourceConfig source) {
        return "orderflow-" + source.name();
    }

    static String messageTopic(SourceConfig source) {
        return topicPrefix(source) + ".message";
    }

    public static Properties of(RelayConfig relay, SourceConfig source) {
        Properties p = new Properties();
        p.setProperty("name", engineName(source));
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("topic.prefix", topicPrefix(source));

        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.KafkaOffsetBackingStore");
        p.setProperty("bootstrap.servers", relay.bootstrapServers());
        p.setProperty("offset.storage.topic", relay.offsetTopic());
        p.setProperty("offset.storage.partitions", "1");
        p.setProperty("offset.storage.replication.factor", Short.toString(relay.offsetTopicReplicationFactor()));
        p.setProperty("offset.flush.interval.ms", Long.toString(relay.offsetFlushInterval().toMillis()));

        p.setProperty("database.hostname", source.host());
        p.setProperty("database.port", Integer.toString(source.port()));
        p.setProperty("database.user", source.user());
        p.setProperty("database.password", source.password());
        p.setProperty("database.dbname", source.database());
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", source.slot());
        p.setProperty("publication.name", source.publication());
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty("table.include.list", source.table());
        p.setProperty("snapshot.mode", "no_data");
        p.setProperty("binary.handling.mode", "bytes");
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("extended.headers.enabled", "false");
        // Only the connector confirms on the slot, and only what was stored in the offset topic first
        // (AsyncEmbeddedEngine flushes the offsets, then the task commits the same position to the slot): the slot's
        // confirmed position never passes the stored one, so a restart after a crash always finds its position.
        // The driver's keepalive flush (connector_and_driver) confirmed WAL of the cluster's other databases on an
        // idle source's slot instead, and a restart was then refused (docs/outbox-relay.md).
        p.setProperty("lsn.flush.mode", "connector");
        p.setProperty("poll.interval.ms", Long.toString(relay.pollInterval().toMillis()));
        p.setProperty("max.batch.size", Integer.toString(relay.maxBatchSize()));
        p.setProperty("max.queue.size", Integer.toString(relay.maxBatchSize() * 4));
        // An outbox message holds a whole transaction's events (up to a poll's worth), so a queue counted in
        // records alone could hold gigabytes; bound it in bytes too.
        p.setProperty("max.queue.size.in.bytes", Long.toString(MAX_QUEUE_BYTES));
        p.setProperty("heartbeat.interval.ms", Long.toString(relay.heartbeatInterval().toMillis()));
        // With only the connector confirming, an idle source's slot would hold all WAL of the cluster written since
        // its last outbox row. Each heartbeat writes a message into this database's log; the engine decodes it and
        // moves its position there, the next heartbeat stores that position and the slot is confirmed up to it.
        p.setProperty("heartbeat.action.query", HEARTBEAT_ACTION_QUERY);
        // Outbox messages (outbox.write=message) become change records; any other logical decoding message, the
        // heartbeat's included, only moves the position.
        p.setProperty("message.prefix.include.list", Pattern.quote(OutboxMessageCodec.PREFIX));
        p.setProperty("errors.max.retries", "-1");
        p.setProperty("errors.retry.delay.initial.ms", "300");
        p.setProperty("errors.retry.delay.max.ms", "10000");

        // The event router routes outbox rows; outbox messages skip it (OutboxRecordMapper decodes them).
        p.setProperty("predicates", "outboxMessage");
        p.setProperty("predicates.outboxMessage.type",
                "org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
        p.setProperty("predicates.outboxMessage.pattern", Pattern.quote(messageTopic(source)));
        p.setProperty("transforms", "outbox");
        p.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        p.setProperty("transforms.outbox.predicate", "outboxMessage");
        p.setProperty("transforms.outbox.negate", "true");
        p.setProperty("transforms.outbox.table.field.event.id", "id");
        p.setProperty("transforms.outbox.table.field.event.key", "aggregateid");
        p.setProperty("transforms.outbox.table.field.event.payload", "payload");
        p.setProperty("transforms.outbox.table.field.event.timestamp", "created_at");
        p.setProperty("transforms.outbox.route.by.field", "aggregatetype");
        p.setProperty("transforms.outbox.route.topic.replacement", "${routedByValue}");
        p.setProperty("transforms.outbox.table.expand.json.payload", "false");
        p.setProperty("transforms.outbox.table.fields.additional.placement",
                "type:header:eventType,correlation_id:header:correlationId,causation_id:header:causationId,"
                        + "traceparent:header:traceparent");
        relay.debeziumOverrides().forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
        return p;
    }
}
