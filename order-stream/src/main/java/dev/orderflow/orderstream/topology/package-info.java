/**
 * The Kafka Streams side: the topology built by a pure function, the processor and its deadline punctuator, the
 * mapping of Avro events to domain events, the store key layout and the exception handlers.
 */
package dev.orderflow.orderstream.topology;
