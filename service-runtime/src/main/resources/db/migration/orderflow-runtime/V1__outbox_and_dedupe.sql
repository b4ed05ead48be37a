-- Tables every service database has (versions 1-99 belong to the runtime; services number theirs from 100).

-- Outgoing events, written in the same transaction as the state change they announce, and published by the
-- outbox relay from the database log (logical decoding). A row is inserted and deleted in the same transaction:
-- the log keeps the insert, which the relay publishes, and the table stays empty without any purge job.
CREATE TABLE outbox (
    id             uuid         PRIMARY KEY,          -- event id; the relay passes it on as the 'id' header
    aggregatetype  varchar(255) NOT NULL,             -- routes the event to its topic
    aggregateid    varchar(255) NOT NULL,             -- the order id: the Kafka record key
    type           varchar(255) NOT NULL,             -- event type (Avro record full name), as a header
    payload        bytea        NOT NULL,             -- Avro in the Confluent framing, published byte for byte
    correlation_id varchar(255) NOT NULL,
    causation_id   varchar(255),
    traceparent    varchar(255),                      -- W3C trace context, when the write was traced
    -- UTC, without zone: the relay uses it as the Kafka record timestamp (Debezium reads it as epoch micros),
    -- so "record timestamp -> now" is the commit-to-consumer latency.
    created_at     timestamp    NOT NULL DEFAULT (clock_timestamp() AT TIME ZONE 'UTC')
);

-- The idempotent consumer's memory: an event id recorded here, in the same transaction as its effect, is
-- acknowledged and skipped when it arrives again (redelivery, replay).
CREATE TABLE processed_event (
    consumer     varchar(255) NOT NULL,
    event_id     uuid         NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- What the relay reads. Created here, by the table's owner, because the relay's user may not own the table.
-- Inserts only: the deletes of insert-then-delete carry nothing the relay needs.
CREATE PUBLICATION orderflow_outbox FOR TABLE outbox WITH (publish = 'insert');
