package dev.orderflow.shipping.application;

import dev.orderflow.runtime.policy.StageCallExecutor;
import dev.orderflow.runtime.policy.StagePolicy;

/** What the shipping steps work with: the provider, the policy executor, and the topic of the stage's events. */
record ShippingPorts(FulfillmentApi fulfillment, StageCallExecutor calls, String topic) {

    StagePolicy policy() {
        return calls.policy();
    }
}
