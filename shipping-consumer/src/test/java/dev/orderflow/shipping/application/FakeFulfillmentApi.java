package dev.orderflow.shipping.application;

import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.runtime.provider.ProviderCallException;
import dev.orderflow.shipping.domain.ShipAddress;
import dev.orderflow.shipping.domain.ShipItem;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An in-memory fulfillment provider with the sandbox's rules (idempotency keys, refusals remembered under the key,
 * status by key, stages moved by the test) and scripted faults that prevent the work or lose the reply after it.
 */
final class FakeFulfillmentApi implements FulfillmentApi {

    record Fault(ClassifiedException failure, boolean afterWork) {
    }

    private final Map<String, Object> byKey = new HashMap<>();
    private final Map<String, Shipment> shipments = new HashMap<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    final List<String> acceptKeys = new ArrayList<>();

    FakeFulfillmentApi fail(String operation, FailureCategory category) {
        faults.computeIfAbsent(operation, k -> new ArrayDeque<>()).add(new Fault(failure(operation, category), false));
        return this;
    }

    FakeFulfillmentApi loseReplyAfterWork(String operation) {
        faults.computeIfAbsent(operation, k -> new ArrayDeque<>())
                .add(new Fault(failure(operation, FailureCategory.AMBIGUOUS), true));
        return this;
    }

    long count(String operation) {
        return calls.stream().filter(operation::equals).count();
    }

    int shipmentCount() {
        return shipments.size();
    }

    /** Moves a shipment to a stage, as the 3PL's warehouse and carrier do. */
    void move(String shipmentId, String stage, String exceptionReason) {
        boolean handed = !List.of("ACCEPTED", "PICKED", "PACKED").contains(stage);
        shipments.put(shipmentId, new Shipment(shipmentId, stage, handed ? "SANDBOX-EXPRESS" : null,
                handed ? "TRK1" : null, exceptionReason));
    }

    @Override
    public Shipment accept(String key, String orderId, ShipAddress address, List<ShipItem> items, Duration timeout) {
        acceptKeys.add(key);
        return run("fulfillment.accept", () -> {
            Object previous = byKey.get(key);
            if (previous instanceof ShipmentRefusal refusal) {
                throw refusal;
            }
            if (previous instanceof String id) {
                return shipments.get(id);
            }
            ShipmentRefusal refusal = refusalFor(address, items);
            if (refusal != null) {
                byKey.put(key, refusal);
                throw refusal;
            }
            Shipment made = new Shipment("shp-" + (shipments.size() + 1), "ACCEPTED", null, null, null);
            shipments.put(made.shipmentId(), made);
            byKey.put(key, made.shipmentId());
            return made;
        });
    }

    @Override
    public KeyStatus acceptStatus(String key, Duration timeout) {
        return run("fulfillment.status", () -> {
            Object previous = byKey.get(key);
            if (previous instanceof ShipmentRefusal refusal) {
                return new KeyStatus.Rejected(refusal);
            }
            if (previous instanceof String id) {
                return new KeyStatus.Accepted(shipments.get(id));
            }
            return new KeyStatus.Unknown();
        });
    }

    @Override
    public Shipment shipment(String shipmentId, Duration timeout) {
        return run("fulfillment.shipment", () -> shipments.get(shipmentId));
    }

    private static ShipmentRefusal refusalFor(ShipAddress address, List<ShipItem> items) {
        if (address.line1().isBlank() || address.postalCode().matches("0+")) {
            return new ShipmentRefusal("INVALID_ADDRESS", "address invalid", null);
        }
        if (address.countryCode().equals("XX")) {
            return new ShipmentRefusal("UNSUPPORTED_DESTINATION", "not served", null);
        }
        if (items.stream().anyMatch(i -> i.sku().startsWith("RESTRICTED-"))) {
            return new ShipmentRefusal("RESTRICTED_ITEM", "restricted", null);
        }
        return null;
    }

    private <T> T run(String operation, Supplier<T> work) {
        calls.add(operation);
        Fault fault = faults.getOrDefault(operation, new ArrayDeque<>()).poll();
        if (fault == null) {
            return work.get();
        }
        if (fault.afterWork()) {
            try {
                work.get();
            } catch (ClassifiedException ignored) {
                // the reply (a refusal too) is lost just the same
            }
        }
        throw fault.failure();
    }

    private static ClassifiedException failure(String operation, FailureCategory category) {
        return switch (category) {
            case TRANSIENT -> new ProviderCallException(category, operation, 502, "TRANSIENT_ERROR", "injected", null,
                    null);
            case OVERLOAD -> new ProviderCallException(category, operation, 503, "UNAVAILABLE", "injected",
                    Duration.ofSeconds(20), null);
            case AMBIGUOUS -> new ProviderCallException(category, operation, 0, null, "HttpTimeoutException", null,
                    null);
            case INTERNAL -> new ProviderCallException(category, operation, 400, "INVALID_REQUEST", "bad body", null,
                    null);
            case BUSINESS -> new ShipmentRefusal("INVALID_ADDRESS", "injected", null);
            case MALFORMED -> new ClassifiedException(category, "malformed");
        };
    }
}
