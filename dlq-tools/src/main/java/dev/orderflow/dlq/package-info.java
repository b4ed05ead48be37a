/**
 * Operators' command line for dead-letter inspection, replay and discard, and for manual order recovery, with an audit trail.
 */
package dev.orderflow.dlq;
