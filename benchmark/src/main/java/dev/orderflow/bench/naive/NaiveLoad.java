package dev.orderflow.bench.naive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Orders with the same mix as the local platform's load generator (five SKUs, one to three units, a few cards the
 * gateway declines, several served countries), from the same seed, so both pipelines get comparable work.
 */
final class NaiveLoad {

    private static final List<String> COUNTRIES = List.of("AT", "DE", "FR", "NL", "SE", "US", "GB", "IT");
    private static final List<String> DECLINED_TOKENS = List.of("tok_insufficient_funds", "tok_card_declined");

    private final Random random = new Random(42);

    NaiveOrder next() {
        int quantity = 1 + random.nextInt(3);
        long price = 500 + random.nextInt(20) * 250L;
        String token = random.nextInt(100) < 3 ? DECLINED_TOKENS.get(random.nextInt(DECLINED_TOKENS.size()))
                : "tok_visa";
        String sku = "SKU-" + (1 + random.nextInt(5));
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("recipientName", "Customer " + random.nextInt(500));
        address.put("line1", "Main Street " + (1 + random.nextInt(200)));
        address.put("line2", null);
        address.put("city", "Somewhere");
        address.put("postalCode", String.valueOf(10000 + random.nextInt(80000)));
        address.put("region", null);
        address.put("countryCode", COUNTRIES.get(random.nextInt(COUNTRIES.size())));
        return new NaiveOrder("naive-" + UUID.randomUUID(), sku, quantity, quantity * price, "EUR", token, address,
                null, null);
    }
}
