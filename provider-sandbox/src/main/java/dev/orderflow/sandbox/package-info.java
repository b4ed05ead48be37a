/**
 * The provider sandbox: the stock API, the payment gateway and the fulfillment (3PL) API that the order services
 * call, as one real HTTP server with idempotency keys, status queries, seeded fault injection and a ledger of every
 * side effect. {@link dev.orderflow.sandbox.ProviderSandbox} starts it embedded, {@link
 * dev.orderflow.sandbox.ProviderSandboxMain} standalone; the wire API is described in the module's README.
 */
package dev.orderflow.sandbox;
