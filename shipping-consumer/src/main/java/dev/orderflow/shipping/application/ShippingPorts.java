package dev.orderflow.shipping.application;

import dev.orderflow.runtime.policy.StageCallExecutor;
import dev.orderflow.runtime.policy.StagePolicy;

/**
 * What the shipping steps work with: the provider, the policy executor, the topic of the stage's events and how
 * accepted shipments are followed.
 */
record ShippingPorts(FulfillmentApi fulfillment, StageCallExecutor calls, String topic, ProgressTracking tracking) {

    StagePolicy policy() {
        return calls.policy();
    }
}
