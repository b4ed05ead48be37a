-- How far the fulfillment provider's event feed has been copied into Kafka, per consumer (instances of one
-- service share the row; the one holding the feed's advisory lock writes it, after the broker acknowledged).
CREATE TABLE fulfillment_feed_cursor (
    consumer       VARCHAR(200) PRIMARY KEY,
    after_sequence BIGINT       NOT NULL CHECK (after_sequence >= 0),
    updated_at     TIMESTAMPTZ  NOT NULL
);
