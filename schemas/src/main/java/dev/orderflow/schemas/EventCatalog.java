package dev.orderflow.schemas;

import dev.orderflow.events.CancelOrderCommand;
import dev.orderflow.events.FulfillmentProgressed;
import dev.orderflow.events.FulfillmentStepObserved;
import dev.orderflow.events.InventoryCommitted;
import dev.orderflow.events.InventoryPending;
import dev.orderflow.events.InventoryRejected;
import dev.orderflow.events.InventoryReleased;
import dev.orderflow.events.InventoryReserved;
import dev.orderflow.events.OrderEscalated;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.PaymentAuthorized;
import dev.orderflow.events.PaymentDeclined;
import dev.orderflow.events.PaymentPending;
import dev.orderflow.events.PaymentRefunded;
import dev.orderflow.events.PaymentVoided;
import dev.orderflow.events.ResolvePaymentCommand;
import dev.orderflow.events.RetryShippingCommand;
import dev.orderflow.events.ShipmentAccepted;
import dev.orderflow.events.ShipmentPending;
import dev.orderflow.events.ShipmentRejected;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every event and operator command type of the order workflow: the one list the registration tool, consumers
 * and tests work from. Adding an event type means adding its {@code .avsc} file and its class here.
 */
public final class EventCatalog {

    private static final List<Class<? extends SpecificRecord>> TYPES = List.of(
            OrderPlaced.class,
            InventoryReserved.class, InventoryRejected.class, InventoryPending.class, InventoryReleased.class,
            InventoryCommitted.class,
            PaymentAuthorized.class, PaymentDeclined.class, PaymentPending.class, PaymentVoided.class,
            PaymentRefunded.class,
            ShipmentAccepted.class, ShipmentRejected.class, ShipmentPending.class, FulfillmentProgressed.class,
            FulfillmentStepObserved.class,
            OrderEscalated.class,
            ResolvePaymentCommand.class, RetryShippingCommand.class, CancelOrderCommand.class);

    private EventCatalog() {
    }

    public static List<Class<? extends SpecificRecord>> types() {
        return TYPES;
    }

    public static List<Schema> schemas() {
        return TYPES.stream().map(SpecificData.get()::getSchema).toList();
    }

    /** The event type with this full schema name, e.g. {@code dev.orderflow.events.OrderPlaced}. */
    public static Optional<Class<? extends SpecificRecord>> byName(String fullName) {
        return TYPES.stream().filter(t -> t.getName().equals(fullName)).findFirst();
    }
}
