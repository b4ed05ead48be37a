package dev.orderflow.sandbox.fulfillment;

import dev.orderflow.sandbox.outcome.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether the provider will ship a request: a complete address, in a country it serves, with no restricted items.
 * The rules are simple and documented so consumer tests can provoke each refusal on purpose.
 */
final class DestinationCheck {

    /** SKUs with this prefix are items the provider will not carry. */
    static final String RESTRICTED_PREFIX = "RESTRICTED-";
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern ONLY_ZEROS = Pattern.compile("0+");

    private final Set<String> supportedCountries;

    DestinationCheck(Set<String> supportedCountries) {
        this.supportedCountries = Set.copyOf(supportedCountries);
    }

    Optional<Rejection> refusal(ShipmentRequest request) {
        Address address = request.address();
        List<String> missing = new ArrayList<>();
        addIfBlank(missing, "recipientName", address.recipientName());
        addIfBlank(missing, "line1", address.line1());
        addIfBlank(missing, "city", address.city());
        addIfBlank(missing, "postalCode", address.postalCode());
        addIfBlank(missing, "countryCode", address.countryCode());
        if (!missing.isEmpty()) {
            return Optional.of(new Rejection("INVALID_ADDRESS", "Address lacks " + String.join(", ", missing),
                    missing, false));
        }
        if (!COUNTRY.matcher(address.countryCode()).matches()) {
            return Optional.of(new Rejection("INVALID_ADDRESS", "countryCode must be ISO 3166-1 alpha-2, was "
                    + address.countryCode(), List.of("countryCode"), false));
        }
        if (ONLY_ZEROS.matcher(address.postalCode()).matches()) {
            return Optional.of(new Rejection("INVALID_ADDRESS", "Postal code " + address.postalCode()
                    + " does not exist", List.of("postalCode"), false));
        }
        if (!supportedCountries.contains(address.countryCode())) {
            return Optional.of(new Rejection("UNSUPPORTED_DESTINATION", "No delivery to "
                    + address.countryCode(), List.of(address.countryCode()), false));
        }
        List<String> restricted = request.items().stream().map(ShipmentItem::sku)
                .filter(sku -> sku.startsWith(RESTRICTED_PREFIX)).toList();
        if (!restricted.isEmpty()) {
            return Optional.of(new Rejection("RESTRICTED_ITEM", "Items the provider does not carry",
                    restricted, false));
        }
        return Optional.empty();
    }

    private static void addIfBlank(List<String> missing, String field, String value) {
        if (value == null || value.isBlank()) {
            missing.add(field);
        }
    }
}
