/**
 * Starts the real infrastructure without Docker: a KRaft Kafka broker from the Kafka jars, PostgreSQL with logical
 * decoding, and the schema registry. Every starter blocks until its part answers and fails with an
 * {@link dev.orderflow.infra.InfrastructureStartException} naming the part and the reason.
 */
package dev.orderflow.infra;
