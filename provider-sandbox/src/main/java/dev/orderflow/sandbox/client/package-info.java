/**
 * The client side of the sandbox's own endpoints (not the provider APIs, which the services call through their
 * adapters): {@link dev.orderflow.sandbox.client.SandboxAdminClient} reads {@code GET /admin/calls} into
 * {@link dev.orderflow.sandbox.client.CallCounts}, for the demo's progress line and the benchmark's report.
 */
package dev.orderflow.sandbox.client;
