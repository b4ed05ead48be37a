package dev.orderflow.shipping;

import dev.orderflow.runtime.consumer.StageHandler;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.runtime.policy.StagePolicyConfig;
import dev.orderflow.runtime.service.StageService;
import dev.orderflow.runtime.service.StageServiceContext;
import dev.orderflow.shipping.adapter.http.HttpFulfillmentApi;
import dev.orderflow.shipping.application.ShippingHandler;
import java.util.List;
import java.util.Map;

/** shipping-consumer as the runtime runs it: its topics, its policy defaults and its handler. */
public final class ShippingService implements StageService {

    public static final String NAME = "shipping-consumer";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String stage() {
        return "shipping";
    }

    /** Orders first: it decides which instance owns an order's deferred work. */
    @Override
    public List<String> defaultInputTopics() {
        return List.of(OrderTopics.ORDERS, OrderTopics.PAYMENT, OrderTopics.COMMANDS);
    }

    /**
     * The status-query schedule also paces the progress polling of accepted shipments (its last delay repeats), and
     * the escalation deadline is also the longest a shipment may make no progress before operators are called.
     * Fulfillment steps take minutes to hours, so both are longer than the acceptance call's.
     */
    @Override
    public Map<String, String> policyDefaults() {
        return Map.of(StagePolicyConfig.STATUS_QUERY_SCHEDULE, "2s,10s,30s,1m,5m",
                StagePolicyConfig.DEFERRAL_SCHEDULE, "1s,5s,30s,2m",
                StagePolicyConfig.ESCALATION_DEADLINE, "4h");
    }

    /** The runtime's tables (state, dedupe, outbox, deferred work) are all this stage needs. */
    @Override
    public String migrationLocation() {
        return null;
    }

    @Override
    public StageHandler<?> createHandler(StageServiceContext context) {
        return new ShippingHandler(new HttpFulfillmentApi(context.provider()), context.calls(), OrderTopics.SHIPPING);
    }
}
