package dev.orderflow.orderstream.intake;

import java.util.Objects;

/**
 * One bad field of a request body, as the 422 answer lists it.
 *
 * @param field   path of the field in the body, e.g. {@code lineItems[1].quantity} or {@code shippingAddress.city}
 * @param message what is wrong with it; never echoes the value, which may be personal data
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
