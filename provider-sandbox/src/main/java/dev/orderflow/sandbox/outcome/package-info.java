/**
 * How a provider call ends, independent of HTTP: done, refused for a business reason, or failed with a
 * {@link dev.orderflow.sandbox.outcome.ProviderException} (bad request, unknown resource, wrong state). The HTTP
 * adapter maps each to a status code and a problem document.
 */
package dev.orderflow.sandbox.outcome;
