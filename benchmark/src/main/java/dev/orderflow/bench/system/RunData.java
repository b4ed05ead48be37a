package dev.orderflow.bench.system;

import java.util.List;

/**
 * What a run recorded, as plain values: the input of {@link RunFigures}.
 *
 * @param orders       every order the load generator placed
 * @param relayedAt    write times (epoch ms) of the events the relay published
 * @param stageSamples stage counts over time
 */
record RunData(List<Order> orders, List<Long> relayedAt, List<RunRecorder.StageSample> stageSamples) {

    /**
     * One order, times in epoch ms, 0 when not reached.
     *
     * @param acceptedAt     the ShipmentAccepted event's timestamp (when the shipping service committed it)
     * @param acceptedSeenAt when the benchmark read that event from the topic
     * @param reservedAt     the InventoryReserved event's timestamp (when the inventory service committed it)
     * @param authorizedAt   the PaymentAuthorized event's timestamp (when the payment service committed it)
     */
    record Order(long placedAt, long acceptedAt, long acceptedSeenAt, long deliveredAt, OrderStage stage,
                 long reservedAt, long authorizedAt) {

        /** An order whose intermediate stages were not recorded. */
        Order(long placedAt, long acceptedAt, long acceptedSeenAt, long deliveredAt, OrderStage stage) {
            this(placedAt, acceptedAt, acceptedSeenAt, deliveredAt, stage, 0, 0);
        }
    }
}
