/**
 * The HTTP read API (orders, exception queue, health, readiness, metrics) and its interactive-query adapter. The
 * order intake ({@code POST /orders}) lives in its own package and is mounted through {@link
 * dev.orderflow.orderstream.api.OrderApiServer#start}.
 */
package dev.orderflow.orderstream.api;
