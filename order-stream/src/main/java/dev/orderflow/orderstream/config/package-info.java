/** Typed, validated configuration of order-stream and where its settings come from. */
package dev.orderflow.orderstream.config;
