package dev.orderflow.inventory.application;

import dev.orderflow.runtime.policy.StageCallExecutor;
import dev.orderflow.runtime.policy.StagePolicy;

/**
 * What the inventory steps work with: the stock provider, the executor applying the stage policy to its calls, and
 * the topic the stage announces its events on.
 */
record InventoryPorts(StockApi stock, StageCallExecutor calls, String topic) {

    StagePolicy policy() {
        return calls.policy();
    }
}
