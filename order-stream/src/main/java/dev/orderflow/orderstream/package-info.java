/**
 * Kafka Streams application that owns the order read model: state and timeline per order, query API, stuck-order escalation.
 */
package dev.orderflow.orderstream;
