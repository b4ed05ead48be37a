package dev.orderflow.sandbox.fulfillment;

import dev.orderflow.sandbox.fault.BusinessFault;
import dev.orderflow.sandbox.idempotency.IdempotencyStore;
import dev.orderflow.sandbox.idempotency.IdempotencyStore.Execution;
import dev.orderflow.sandbox.ledger.Ledger;
import dev.orderflow.sandbox.outcome.KeyHistory;
import dev.orderflow.sandbox.outcome.KeyStatus;
import dev.orderflow.sandbox.outcome.Outcome;
import dev.orderflow.sandbox.outcome.ProviderException;
import dev.orderflow.sandbox.outcome.Rejection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The fulfillment (3PL) API: accept a shipment request, status by id and by idempotency key, and the progress
 * that follows acceptance (picked, packed, handed to carrier, delivered; or an exception), one step per
 * {@code stepInterval}. Progress is planned at acceptance and revealed as the clock passes each step, whenever the
 * provider is used, so a test advances a shipment by moving the clock rather than by waiting.
 */
public final class FulfillmentService {

    private static final List<ShipmentStage> HAPPY_PATH = List.of(ShipmentStage.PICKED, ShipmentStage.PACKED,
            ShipmentStage.HANDED_TO_CARRIER, ShipmentStage.DELIVERED);
    /** What goes wrong when a shipment fails instead of reaching the step with the same index in HAPPY_PATH. */
    private static final List<String> EXCEPTION_REASONS = List.of("ITEM_NOT_FOUND_AT_PICK",
            "DAMAGED_WHILE_PACKING", "CARRIER_REFUSED_PARCEL", "RECIPIENT_NOT_FOUND");
    private static final List<String> INJECTED_REFUSALS = List.of("INVALID_ADDRESS", "UNSUPPORTED_DESTINATION");
    private static final String CARRIER = "SANDBOX-EXPRESS";

    private final Clock clock;
    private final Ledger ledger;
    private final Duration stepInterval;
    private final DestinationCheck destinations;
    private final IdempotencyStore<Outcome<Shipment>> keys;
    private final KeyHistory<String> history = new KeyHistory<>();
    private final Map<String, Shipment> shipments = new HashMap<>();
    /**
     * Every planned step not yet published, earliest first; ties in acceptance order, then step order. A queue, not a
     * scan of every shipment in flight: every call advances, and thousands of shipments can be moving.
     */
    private final PriorityQueue<PlannedStep> planned = new PriorityQueue<>(Comparator
            .comparing((PlannedStep p) -> p.step().at()).thenComparingLong(PlannedStep::shipment)
            .thenComparingInt(PlannedStep::index));
    private final List<FulfillmentEvent> feed = new ArrayList<>();
    private long nextId = 1;

    public FulfillmentService(Clock clock, Ledger ledger, Duration stepInterval, Set<String> supportedCountries) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.stepInterval = Objects.requireNonNull(stepInterval, "stepInterval");
        this.destinations = new DestinationCheck(supportedCountries);
        this.keys = IdempotencyStore.keepingForever(clock);
    }

    public synchronized Execution<Outcome<Shipment>> accept(String key, ShipmentRequest request,
                                                            BusinessFault fault) {
        advance();
        return keys.execute(key, request.toString(), () -> {
            Outcome<Shipment> outcome = decide(key, request, fault);
            history.record(key, outcome instanceof Outcome.Done<Shipment> done
                    ? Outcome.done(done.value().shipmentId())
                    : Outcome.refused(((Outcome.Refused<Shipment>) outcome).rejection()));
            return outcome;
        });
    }

    public synchronized Shipment shipment(String shipmentId) {
        advance();
        Shipment found = shipments.get(shipmentId);
        if (found == null) {
            throw ProviderException.notFound("Shipment", shipmentId);
        }
        return found;
    }

    public synchronized KeyStatus<Shipment> statusByKey(String key) {
        advance();
        Outcome<String> latest = history.latest(key)
                .orElseThrow(() -> ProviderException.unknownKey(key));
        int executions = history.executions(key);
        if (latest instanceof Outcome.Done<String> done) {
            return KeyStatus.succeeded(key, shipments.get(done.value()), executions);
        }
        return KeyStatus.rejected(key, ((Outcome.Refused<String>) latest).rejection(), executions);
    }

    /** Events after the given sequence, oldest first, at most {@code limit}. */
    public synchronized EventPage events(long after, int limit) {
        advance();
        int from = (int) Math.max(0, Math.min(after, feed.size()));
        List<FulfillmentEvent> page = feed.subList(from, Math.min(feed.size(), from + limit));
        long nextAfter = page.isEmpty() ? Math.max(after, 0) : page.get(page.size() - 1).sequence();
        return new EventPage(page, nextAfter, feed.size());
    }

    /**
     * Publishes every planned step whose time has come, in time order across shipments; also run by every other
     * call. Steps carry their planned time, not the time they were noticed, so the feed is the same however often
     * it is polled.
     */
    public synchronized void advance() {
        Instant now = clock.instant();
        while (!planned.isEmpty() && !planned.peek().step().at().isAfter(now)) {
            FulfillmentEvent step = planned.poll().step();
            FulfillmentEvent published = new FulfillmentEvent(feed.size() + 1L, step.shipmentId(), step.orderId(),
                    step.stage(), step.at(), step.carrier(), step.trackingNumber(), step.exceptionReason());
            feed.add(published);
            shipments.computeIfPresent(step.shipmentId(), (id, shipment) -> shipment.reached(published));
        }
    }

    private Outcome<Shipment> decide(String key, ShipmentRequest request, BusinessFault fault) {
        var refusal = destinations.refusal(request);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        if (fault.reject()) {
            String reason = INJECTED_REFUSALS.get(BusinessFault.choose(fault.rejectionPick(),
                    INJECTED_REFUSALS.size()));
            return Outcome.refused(Rejection.injected(reason, "Refused by the provider (injected)"));
        }
        Instant now = clock.instant();
        long number = nextId++;
        Shipment accepted = new Shipment(String.format("shp-%06d", number), request.orderId(), key,
                request.address(), request.items(), ShipmentStage.ACCEPTED, now, now, null, null, null);
        shipments.put(accepted.shipmentId(), accepted);
        List<FulfillmentEvent> steps = plan(accepted, number, fault);
        for (int i = 0; i < steps.size(); i++) {
            planned.add(new PlannedStep(steps.get(i), number, i));
        }
        ledger.recordShipment(now, accepted.orderId(), accepted.shipmentId(), key);
        return Outcome.done(accepted);
    }

    private List<FulfillmentEvent> plan(Shipment shipment, long number, BusinessFault fault) {
        int failAt = fault.exceptionAfterAcceptance()
                ? BusinessFault.choose(fault.exceptionPick(), HAPPY_PATH.size()) : HAPPY_PATH.size();
        String tracking = String.format("TRK%08d", number);
        List<FulfillmentEvent> steps = new ArrayList<>();
        for (int i = 0; i <= Math.min(failAt, HAPPY_PATH.size() - 1); i++) {
            Instant at = shipment.acceptedAt().plus(stepInterval.multipliedBy(i + 1L));
            boolean handedOver = i >= HAPPY_PATH.indexOf(ShipmentStage.HANDED_TO_CARRIER);
            if (i == failAt) {
                steps.add(new FulfillmentEvent(0, shipment.shipmentId(), shipment.orderId(), ShipmentStage.EXCEPTION,
                        at, null, null, EXCEPTION_REASONS.get(i)));
            } else {
                steps.add(new FulfillmentEvent(0, shipment.shipmentId(), shipment.orderId(), HAPPY_PATH.get(i), at,
                        handedOver ? CARRIER : null, handedOver ? tracking : null, null));
            }
        }
        return steps;
    }

    /** One step of a shipment's plan: the shipment's acceptance number and the step's place keep ties in order. */
    private record PlannedStep(FulfillmentEvent step, long shipment, int index) {
    }
}
