/** The shipping stage's state of an order: plain values, no Kafka, JDBC, Avro or HTTP. */
package dev.orderflow.shipping.domain;
