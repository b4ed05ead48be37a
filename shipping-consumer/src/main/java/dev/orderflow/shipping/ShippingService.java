package dev.orderflow.shipping;

import dev.orderflow.runtime.consumer.StageHandler;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.runtime.policy.StagePolicyConfig;
import dev.orderflow.runtime.service.StageService;
import dev.orderflow.runtime.service.StageServiceContext;
import dev.orderflow.runtime.service.StageCompanionContext;
import dev.orderflow.shipping.adapter.feed.FulfillmentFeedFollower;
import dev.orderflow.shipping.adapter.http.HttpFulfillmentApi;
import dev.orderflow.shipping.application.ProgressTracking;
import dev.orderflow.shipping.application.ShippingHandler;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

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
        return List.of(OrderTopics.ORDERS, OrderTopics.PAYMENT, OrderTopics.COMMANDS, OrderTopics.FULFILLMENT_FEED);
    }

    /**
     * The status-query schedule resolves an acceptance whose outcome is unknown (accepted shipments are read on
     * {@link TrackingSettings#POLL_SCHEDULE}); the escalation deadline is also the longest a shipment may make no
     * progress before operators are called. Fulfillment steps take minutes to hours, so both are longer than the
     * acceptance call's.
     */
    @Override
    public Map<String, String> policyDefaults() {
        return Map.of(StagePolicyConfig.STATUS_QUERY_SCHEDULE, "2s,10s,30s,1m,5m",
                StagePolicyConfig.DEFERRAL_SCHEDULE, "1s,5s,30s,2m",
                StagePolicyConfig.ESCALATION_DEADLINE, "4h");
    }

    /** Beside the runtime's tables: the feed follower's cursor. */
    @Override
    public String migrationLocation() {
        return "classpath:db/migration/shipping-consumer";
    }

    @Override
    public ConfigDef settingsDefinition() {
        return TrackingSettings.DEFINITION;
    }

    @Override
    public StageHandler<?> createHandler(StageServiceContext context) {
        TrackingSettings tracking = new TrackingSettings(context.settings());
        return new ShippingHandler(new HttpFulfillmentApi(context.provider()), context.calls(), OrderTopics.SHIPPING,
                tracking.enabled() ? ProgressTracking.byFeed(tracking.safetyCheckInterval())
                        : ProgressTracking.polling(tracking.pollSchedule()));
    }

    /** The feed follower, when the feed is followed; its topic must be one the stage reads. */
    @Override
    public List<AutoCloseable> startCompanions(StageCompanionContext context) {
        TrackingSettings feed = new TrackingSettings(context.stage().settings());
        if (!feed.enabled()) {
            return List.of();
        }
        if (!context.inputTopics().contains(feed.topic())) {
            throw new ConfigException(TrackingSettings.TOPIC, feed.topic(), "must be one of input.topics "
                    + context.inputTopics() + ", or the steps copied there are never read");
        }
        return List.of(FulfillmentFeedFollower.start(feed, context));
    }
}
