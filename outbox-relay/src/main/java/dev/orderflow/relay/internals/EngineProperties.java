package dev.orderflow.relay.internals;

import dev.orderflow.relay.config.RelayConfig;
import dev.orderflow.relay.config.SourceConfig;
import java.util.Properties;

/**
 * Debezium settings for one source. The choices that matter (see docs/outbox-relay.md): pgoutput with a
 * publication the migrations created; no snapshot (the outbox table is always empty and history must never be
 * republished); payload bytes passed through; positions in a Kafka topic stored after every batch; LSN flushed
 * by connector and driver so an idle outbox does not make the slot hold WAL; retriable errors (database restart)
 * retried without end.
 */
public final class EngineProperties {

    private EngineProperties() {
    }

    public static String engineName(SourceConfig source) {
        return "orderflow-relay-" + source.name();
    }

    public static Properties of(RelayConfig relay, SourceConfig source) {
        Properties p = new Properties();
        p.setProperty("name", engineName(source));
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("topic.prefix", "orderflow-" + source.name());

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
        p.setProperty("lsn.flush.mode", "connector_and_driver");
        p.setProperty("poll.interval.ms", Long.toString(relay.pollInterval().toMillis()));
        p.setProperty("max.batch.size", Integer.toString(relay.maxBatchSize()));
        p.setProperty("max.queue.size", Integer.toString(relay.maxBatchSize() * 4));
        p.setProperty("heartbeat.interval.ms", Long.toString(relay.heartbeatInterval().toMillis()));
        p.setProperty("errors.max.retries", "-1");
        p.setProperty("errors.retry.delay.initial.ms", "300");
        p.setProperty("errors.retry.delay.max.ms", "10000");

        p.setProperty("transforms", "outbox");
        p.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
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
