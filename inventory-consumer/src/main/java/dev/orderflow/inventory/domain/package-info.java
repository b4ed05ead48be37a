/** The inventory stage's state of an order: plain values, no Kafka, JDBC, Avro or HTTP. */
package dev.orderflow.inventory.domain;
