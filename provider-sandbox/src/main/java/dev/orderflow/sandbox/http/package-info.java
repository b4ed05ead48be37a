/**
 * The HTTP adapter: routes, JSON, problem documents and the dispatcher that applies fault decisions to each call
 * (latency, error answers, held or dropped connections) around the provider logic. Uses the JDK's HTTP server.
 */
package dev.orderflow.sandbox.http;
