package dev.orderflow.launcher.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An upstream client of the order API: places orders with {@code POST /orders} and an {@code Idempotency-Key}, and
 * keeps asking with the same key and body until one order-stream instance accepts (202) — through restarts, 429/503
 * and lost replies — the way a well-behaved client does. The same key makes a retried request the same order.
 */
public final class OrderIntakeClient {

    private static final List<String> COUNTRIES = List.of("AT", "DE", "FR", "NL", "SE", "GB", "IT");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final List<URI> orderApis;
    private final Duration giveUpAfter;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private int next;
    private long retries;

    /**
     * @param orderApis   order-stream instances, tried in turn when one does not answer
     * @param giveUpAfter how long one order may be retried before the client gives up (a failed run)
     * @param seed        seed of the order contents
     */
    public OrderIntakeClient(List<URI> orderApis, Duration giveUpAfter, long seed) {
        this.orderApis = List.copyOf(orderApis);
        this.giveUpAfter = giveUpAfter;
        this.random = new Random(seed);
    }

    /**
     * Places {@code orders} orders at about {@code perSecond}, handing each accepted order id to {@code accepted} as
     * soon as it is accepted. Pacing is against the clock; an order that needed retries delays the ones after it.
     */
    public void place(int orders, int perSecond, Consumer<String> accepted) throws InterruptedException {
        long started = System.nanoTime();
        for (int i = 0; i < orders; i++) {
            long wait = started + (long) (i * 1e9 / perSecond) - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);    // pacing a load, not coordinating threads
            }
            accepted.accept(placeOne());
        }
    }

    /** Retries the client made (connection refused or lost, 429, 5xx), over all orders. */
    public synchronized long retries() {
        return retries;
    }

    /** Places one order and returns its id once accepted. */
    public String placeOne() throws InterruptedException {
        String key = UUID.randomUUID().toString();
        String body = body();
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        String lastFailure = "";
        while (System.nanoTime() < deadline) {
            URI api = api();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve("/orders"))
                        .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    return json.readTree(response.body()).path("orderId").asText();
                }
                if (response.statusCode() != 429 && response.statusCode() < 500) {
                    throw new IllegalStateException("POST /orders answered " + response.statusCode() + ": "
                            + response.body());
                }
                lastFailure = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                lastFailure = e.toString();
            }
            retried();
            TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE.toMillis());    // back off before the next attempt
        }
        throw new IllegalStateException("no order API accepted order key " + key + " within "
                + giveUpAfter.toSeconds() + " s; last failure: " + lastFailure);
    }

    private synchronized URI api() {
        return orderApis.get(next % orderApis.size());
    }

    private synchronized void retried() {
        retries++;
        next++;
    }

    private synchronized String body() {
        int quantity = 1 + random.nextInt(3);
        long price = 500 + random.nextInt(20) * 250L;
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("recipientName", "Customer " + random.nextInt(500));
        address.put("line1", "Main Street " + (1 + random.nextInt(200)));
        address.put("city", "Somewhere");
        address.put("postalCode", String.valueOf(10000 + random.nextInt(80000)));
        address.put("countryCode", COUNTRIES.get(random.nextInt(COUNTRIES.size())));
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("customerId", "customer-" + random.nextInt(500));
        order.put("lineItems", List.of(Map.of("sku", "SKU-" + (1 + random.nextInt(5)), "quantity", quantity,
                "unitPriceMinor", price)));
        order.put("currency", "EUR");
        order.put("totalMinor", quantity * price);
        order.put("shippingAddress", address);
        order.put("paymentMethodToken", "tok_visa");
        try {
            return json.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
