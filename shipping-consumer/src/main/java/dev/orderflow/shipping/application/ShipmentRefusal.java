package dev.orderflow.shipping.application;

import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.failure.FailureCategory;

/** The provider refused the fulfillment request at acceptance (address invalid, destination not served, ...). */
public final class ShipmentRefusal extends ClassifiedException {

    private final String reasonCode;
    private final String detail;

    public ShipmentRefusal(String reasonCode, String detail, Throwable cause) {
        super(FailureCategory.BUSINESS, "shipment refused: " + reasonCode + " " + detail, null, cause);
        this.reasonCode = reasonCode;
        this.detail = detail;
    }

    /** The provider's reason code, e.g. {@code INVALID_ADDRESS}; may be one this service does not know. */
    public String reasonCode() {
        return reasonCode;
    }

    public String detail() {
        return detail;
    }
}
