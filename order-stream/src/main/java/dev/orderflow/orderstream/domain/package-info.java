/**
 * The order workflow's rules, free of infrastructure: states, the immutable view of an order, the pure state machine
 * and the escalation policy. Nothing here imports Kafka, Avro, JDBC, HTTP or Jackson (checked by an ArchUnit test).
 */
package dev.orderflow.orderstream.domain;
