-- The consumer runtime's own tables (versions 1-99 belong to the runtime; services number theirs from 100).

-- Each consumer's state of an order, as JSON written by the runtime for its stage handler. 'version' grows by one
-- per change: a write that finds another version than it read fails, so two owners of one order (a zombie during
-- a rebalance) can never both win.
CREATE TABLE stage_state (
    consumer   varchar(255) NOT NULL,
    order_id   varchar(255) NOT NULL,
    state      jsonb        NOT NULL,
    version    bigint       NOT NULL,
    updated_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, order_id)
);

-- Durable deferred work: a status re-check, a deferred retry, a follow-up, or an event parked after a retryable
-- failure. Nothing waits in a sleeping thread or a blocked partition: the consumer that owns the order's partition
-- picks the row up when next_attempt_at has come. 'seq' keeps an order's parked events in arrival order.
CREATE TABLE deferred_action (
    id              uuid         PRIMARY KEY,
    seq             bigserial    NOT NULL,
    consumer        varchar(255) NOT NULL,
    order_id        varchar(255) NOT NULL,
    partition_no    integer      NOT NULL,           -- partition of the order id on the consumer's input topics
    kind            varchar(255) NOT NULL,
    payload         bytea,
    source          varchar(512),                     -- where a parked event came from (topic/partition@offset)
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    deadline        timestamptz  NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (consumer, order_id, kind)
);

CREATE INDEX deferred_action_due ON deferred_action (consumer, partition_no, next_attempt_at);
