package dev.orderflow.orderstream.intake;

import java.util.List;
import java.util.Objects;

/**
 * A valid {@code POST /orders} body: what a customer orders, at which price, where it goes and how it is paid.
 * Instances come from {@link OrderRequestValidator}, so every constraint (non-empty lines, positive quantities,
 * total equal to the sum of the lines, ISO codes) holds.
 *
 * @param customerId         id of the customer in the calling system
 * @param lineItems          ordered products, at least one
 * @param currency           ISO 4217 code of every amount
 * @param totalMinor         order total in minor units; equals the sum of quantity x unit price
 * @param shippingAddress    destination of the shipment
 * @param paymentMethodToken token issued by the payment provider; never card data
 */
public record OrderRequest(String customerId, List<Line> lineItems, String currency, long totalMinor,
                           Address shippingAddress, String paymentMethodToken) {

    public OrderRequest {
        Objects.requireNonNull(customerId, "customerId");
        lineItems = List.copyOf(lineItems);
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(paymentMethodToken, "paymentMethodToken");
    }

    /** One ordered product; the unit price is in minor units of the order currency. */
    public record Line(String sku, int quantity, long unitPriceMinor) {
    }

    /** Where the goods go; {@code line2} and {@code region} may be null. */
    public record Address(String recipientName, String line1, String line2, String city, String postalCode,
                          String region, String countryCode) {
    }

    /** Never prints the address or the payment token: they are personal data. */
    @Override
    public String toString() {
        return "OrderRequest[customerId=" + customerId + ", " + lineItems.size() + " line(s), " + totalMinor + " "
                + currency + "]";
    }
}
