package dev.orderflow.sandbox.fulfillment;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A destination, in the shape of the {@code ShippingAddress} event contract. Not validated on arrival: checking an
 * address is the provider's business, and a bad one is a business refusal ({@code INVALID_ADDRESS}), not a
 * malformed request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(String recipientName, String line1, String line2, String city, String postalCode,
                      String region, String countryCode) {
}
