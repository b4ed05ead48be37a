package dev.orderflow.orderstream.topology;

import dev.orderflow.events.CancelOrderCommand;
import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.FulfillmentProgressed;
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
import dev.orderflow.events.ReleaseReason;
import dev.orderflow.events.ResolvePaymentCommand;
import dev.orderflow.events.RetryShippingCommand;
import dev.orderflow.events.ShipmentAccepted;
import dev.orderflow.events.ShipmentPending;
import dev.orderflow.events.ShipmentRejected;
import dev.orderflow.events.VerifiedPaymentOutcome;
import dev.orderflow.orderstream.domain.EventType;
import dev.orderflow.orderstream.domain.FulfillmentStep;
import dev.orderflow.orderstream.domain.OrderEvent;
import dev.orderflow.orderstream.domain.PaymentOutcome;
import org.apache.avro.specific.SpecificRecord;

/** Maps the Avro events of {@code schemas} to the state machine's {@link OrderEvent}. */
final class AvroEventMapper {

    OrderEvent toDomain(SpecificRecord record) {
        if (record instanceof OrderPlaced e) {
            return base(e.getMetadata(), EventType.ORDER_PLACED);
        } else if (record instanceof InventoryPending e) {
            return base(e.getMetadata(), EventType.INVENTORY_PENDING).withReason(e.getReason())
                    .withNextCheckAt(e.getNextCheckAt());
        } else if (record instanceof InventoryReserved e) {
            return base(e.getMetadata(), EventType.INVENTORY_RESERVED);
        } else if (record instanceof InventoryRejected e) {
            return base(e.getMetadata(), EventType.INVENTORY_REJECTED).withReason(withDetail(e.getReasonCode(),
                    e.getDetail()));
        } else if (record instanceof InventoryReleased e) {
            return base(e.getMetadata(), EventType.INVENTORY_RELEASED).withReason(withDetail(e.getReason(),
                    e.getDetail())).withSuperseded(e.getReason() == ReleaseReason.SUPERSEDED);
        } else if (record instanceof InventoryCommitted e) {
            return base(e.getMetadata(), EventType.INVENTORY_COMMITTED);
        } else if (record instanceof PaymentPending e) {
            return base(e.getMetadata(), EventType.PAYMENT_PENDING).withReason(e.getReason())
                    .withNextCheckAt(e.getNextCheckAt());
        } else if (record instanceof PaymentAuthorized e) {
            return base(e.getMetadata(), EventType.PAYMENT_AUTHORIZED);
        } else if (record instanceof PaymentDeclined e) {
            return base(e.getMetadata(), EventType.PAYMENT_DECLINED).withReason(withDetail(e.getReasonCode(),
                    e.getDetail()));
        } else if (record instanceof PaymentVoided e) {
            return base(e.getMetadata(), EventType.PAYMENT_VOIDED).withReason(e.getReason());
        } else if (record instanceof PaymentRefunded e) {
            return base(e.getMetadata(), EventType.PAYMENT_REFUNDED).withReason(e.getReason());
        } else if (record instanceof OrderEscalated e) {
            return base(e.getMetadata(), EventType.ORDER_ESCALATED).withReason(e.getReason());
        }
        return shippingOrCommand(record);
    }

    private OrderEvent shippingOrCommand(SpecificRecord record) {
        if (record instanceof ShipmentPending e) {
            return base(e.getMetadata(), EventType.SHIPMENT_PENDING).withReason(e.getReason())
                    .withNextCheckAt(e.getNextCheckAt());
        } else if (record instanceof ShipmentAccepted e) {
            return base(e.getMetadata(), EventType.SHIPMENT_ACCEPTED);
        } else if (record instanceof ShipmentRejected e) {
            return base(e.getMetadata(), EventType.SHIPMENT_REJECTED).withReason(withDetail(e.getReasonCode(),
                    e.getDetail()));
        } else if (record instanceof FulfillmentProgressed e) {
            return base(e.getMetadata(), EventType.FULFILLMENT_PROGRESSED)
                    .withFulfillmentStep(FulfillmentStep.valueOf(e.getStage().name()))
                    .withReason(e.getExceptionReason());
        } else if (record instanceof ResolvePaymentCommand e) {
            return base(e.getMetadata(), EventType.RESOLVE_PAYMENT_COMMAND)
                    .withPaymentOutcome(e.getOutcome() == VerifiedPaymentOutcome.AUTHORIZED
                            ? PaymentOutcome.AUTHORIZED : PaymentOutcome.FAILED)
                    .withReason(e.getOperator() + ": " + e.getReason() + " (ref " + e.getProviderReference() + ")");
        } else if (record instanceof RetryShippingCommand e) {
            return base(e.getMetadata(), EventType.RETRY_SHIPPING_COMMAND)
                    .withReason(e.getOperator() + ": " + e.getReason());
        } else if (record instanceof CancelOrderCommand e) {
            return base(e.getMetadata(), EventType.CANCEL_ORDER_COMMAND).withCompensate(e.getCompensate())
                    .withReason(e.getOperator() + ": " + e.getReason());
        }
        throw new UnsupportedEventException("order-stream does not handle events of type "
                + (record == null ? "null" : record.getSchema().getFullName()));
    }

    private static OrderEvent base(EventMetadata m, EventType type) {
        return OrderEvent.of(m.getEventId().toString(), m.getOrderId(), type, m.getOccurredAt(),
                m.getAttempt()).withCorrelationId(m.getCorrelationId());
    }

    private static String withDetail(Object code, String detail) {
        return detail == null ? String.valueOf(code) : code + ": " + detail;
    }
}
