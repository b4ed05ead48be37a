package dev.orderflow.dlq.kafka;

import dev.orderflow.dlq.domain.OperatorCommand;
import dev.orderflow.events.CancelOrderCommand;
import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.ResolvePaymentCommand;
import dev.orderflow.events.RetryShippingCommand;
import dev.orderflow.events.VerifiedPaymentOutcome;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** Turns an {@link OperatorCommand} into the Avro command event consumers handle and deduplicate by event id. */
public final class CommandEvents {

    /** The producer name in the events' metadata. */
    public static final String PRODUCER = "orderflow-ops";

    private CommandEvents() {
    }

    public static SpecificRecord toAvro(OperatorCommand command) {
        EventMetadata metadata = EventMetadata.newBuilder()
                .setEventId(UUID.fromString(command.commandId()))
                .setOrderId(command.orderId())
                // An operator command starts a new causal chain; correlating by order id keeps it on the order's trace.
                .setCorrelationId(command.orderId())
                .setCausationId(null)
                .setOccurredAt(command.at())
                .setProducer(PRODUCER)
                .setAttempt(1)
                .build();
        return switch (command.action()) {
            case RESOLVE_PAYMENT -> ResolvePaymentCommand.newBuilder().setMetadata(metadata)
                    .setOutcome(VerifiedPaymentOutcome.valueOf(command.details().get("outcome")))
                    .setProviderReference(command.details().get("reference"))
                    .setOperator(command.operator()).setReason(command.reason()).build();
            case RETRY_SHIPPING -> RetryShippingCommand.newBuilder().setMetadata(metadata)
                    .setOperator(command.operator()).setReason(command.reason()).build();
            case CANCEL_ORDER -> CancelOrderCommand.newBuilder().setMetadata(metadata)
                    .setCompensate(Boolean.parseBoolean(command.details().get("compensate")))
                    .setOperator(command.operator()).setReason(command.reason()).build();
            default -> throw new IllegalArgumentException(command.action() + " is not an order command");
        };
    }
}
