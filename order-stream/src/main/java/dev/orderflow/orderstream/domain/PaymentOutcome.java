package dev.orderflow.orderstream.domain;

/** The payment outcome an operator verified with the provider. */
public enum PaymentOutcome {
    AUTHORIZED, FAILED
}
