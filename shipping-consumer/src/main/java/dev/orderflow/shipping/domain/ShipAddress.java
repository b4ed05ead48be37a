package dev.orderflow.shipping.domain;

/** Where the goods go, as the order gave it; {@code line2} and {@code region} may be null. */
public record ShipAddress(String recipientName, String line1, String line2, String city, String postalCode,
        String region, String countryCode) {
}
