/** The fulfillment (3PL) API: acceptance with destination checks, then clock-driven progress and an event feed. */
package dev.orderflow.sandbox.fulfillment;
