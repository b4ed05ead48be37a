package dev.orderflow.sandbox.ledger;

/** A side effect a provider carried out, as its books would show it. */
public enum Effect {
    STOCK_RESERVED(Provider.STOCK),
    STOCK_RELEASED(Provider.STOCK),
    /** The provider released a reservation by itself because it was neither committed nor released in time. */
    STOCK_RESERVATION_EXPIRED(Provider.STOCK),
    STOCK_COMMITTED(Provider.STOCK),
    PAYMENT_AUTHORIZED(Provider.PAYMENT),
    PAYMENT_VOIDED(Provider.PAYMENT),
    PAYMENT_REFUNDED(Provider.PAYMENT),
    SHIPMENT_ACCEPTED(Provider.FULFILLMENT);

    /** Which provider's books the effect is in. */
    public enum Provider { STOCK, PAYMENT, FULFILLMENT }

    private final Provider provider;

    Effect(Provider provider) {
        this.provider = provider;
    }

    public Provider provider() {
        return provider;
    }
}
