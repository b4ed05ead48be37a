package dev.orderflow.sandbox.payment;

/**
 * Life of an authorization. The sandbox treats an authorization as the charge the customer sees; a void cancels it
 * before settlement, a refund (of the full amount) gives the money back visibly.
 */
public enum AuthorizationStatus {
    AUTHORIZED,
    VOIDED,
    REFUNDED
}
