/**
 * What every service of the platform needs, written once: Avro serdes in the Confluent wire format, typed topics
 * and (as the runtime grows) the consumer loop, the outbox writer, typed configuration and the failure policy.
 */
package dev.orderflow.runtime;
