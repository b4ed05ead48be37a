package dev.orderflow.sandbox.stock;

/** Life of a reservation: RESERVED, then exactly one of the others. */
public enum ReservationStatus {
    RESERVED,
    COMMITTED,
    RELEASED,
    /** Released by the provider because it was neither committed nor released before {@code expiresAt}. */
    EXPIRED
}
