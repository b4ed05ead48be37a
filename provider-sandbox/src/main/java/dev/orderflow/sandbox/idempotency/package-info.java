/** Idempotency keys: one result per key and request, conflicts on reuse, optional expiry by an injected clock. */
package dev.orderflow.sandbox.idempotency;
