package dev.orderflow.payment;

import dev.orderflow.runtime.consumer.StageHandler;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.runtime.service.StageService;
import dev.orderflow.runtime.service.StageServiceCommand;
import dev.orderflow.runtime.service.StageServiceContext;
import java.util.List;
import java.util.Map;

/** payment-consumer: authorizes payments at the gateway with the payment stage's policy. */
public final class PaymentService implements StageService {

    public static final String NAME = "payment-consumer";

    public static void main(String[] args) {
        System.exit(StageServiceCommand.run(new PaymentService(), args));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String stage() {
        return "payment";
    }

    /** order.inventory first: its partitions decide which instance owns an order's deferred work. */
    @Override
    public List<String> defaultInputTopics() {
        return List.of(OrderTopics.INVENTORY, OrderTopics.ORDERS, OrderTopics.COMMANDS);
    }

    /**
     * Fewer quick retries than other stages (money: prefer asking the status over retrying), status checks soon
     * after an ambiguous call, and operators called after 15 minutes of not knowing.
     */
    @Override
    public Map<String, String> policyDefaults() {
        return Map.of("attempt.timeout", "3s", "max.quick.retries", "1", "status.query.schedule", "5s,30s,2m,5m",
                "deferral.schedule", "2s,10s,1m,5m", "escalation.deadline", "15m");
    }

    @Override
    public String migrationLocation() {
        return null;
    }

    @Override
    public StageHandler<?> createHandler(StageServiceContext context) {
        return new PaymentHandler(new HttpPaymentGateway(context.provider()), context.calls());
    }
}
