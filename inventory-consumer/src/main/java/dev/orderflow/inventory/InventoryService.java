package dev.orderflow.inventory;

import dev.orderflow.inventory.adapter.http.HttpStockApi;
import dev.orderflow.inventory.application.InventoryHandler;
import dev.orderflow.runtime.consumer.StageHandler;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.runtime.policy.StagePolicyConfig;
import dev.orderflow.runtime.service.StageService;
import dev.orderflow.runtime.service.StageServiceContext;
import java.util.List;
import java.util.Map;

/** inventory-consumer as the runtime runs it: its topics, its policy defaults and its handler. */
public final class InventoryService implements StageService {

    public static final String NAME = "inventory-consumer";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String stage() {
        return "inventory";
    }

    /** Orders first: it decides which instance owns an order's deferred work. */
    @Override
    public List<String> defaultInputTopics() {
        return List.of(OrderTopics.ORDERS, OrderTopics.PAYMENT, OrderTopics.SHIPPING, OrderTopics.COMMANDS);
    }

    /**
     * A reservation is cheap to hold and to release, and the stock provider lets an untouched one expire after
     * 15 minutes: a short call timeout, and escalation well before the reservation could lapse unnoticed.
     */
    @Override
    public Map<String, String> policyDefaults() {
        return Map.of(StagePolicyConfig.ATTEMPT_TIMEOUT, "1s",
                StagePolicyConfig.STATUS_QUERY_SCHEDULE, "1s,5s,30s,1m",
                StagePolicyConfig.DEFERRAL_SCHEDULE, "1s,5s,30s,1m",
                StagePolicyConfig.ESCALATION_DEADLINE, "10m");
    }

    /** The runtime's tables (state, dedupe, outbox, deferred work) are all this stage needs. */
    @Override
    public String migrationLocation() {
        return null;
    }

    @Override
    public StageHandler<?> createHandler(StageServiceContext context) {
        return new InventoryHandler(new HttpStockApi(context.provider()), context.calls(), OrderTopics.INVENTORY);
    }
}
