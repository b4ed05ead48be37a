/**
 * Publishes committed outbox rows of every service database to Kafka through Debezium's embedded engine and the outbox event router.
 */
package dev.orderflow.relay;
