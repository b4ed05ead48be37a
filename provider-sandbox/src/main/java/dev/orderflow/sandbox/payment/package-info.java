/** The payment gateway: authorizations, voids and refunds, with idempotency keys that expire. */
package dev.orderflow.sandbox.payment;
