/**
 * Requests fulfillment from the 3PL provider once payment is confirmed and follows asynchronous fulfillment progress (DESIGN.md section 1, shipping column).
 */
package dev.orderflow.shipping;
