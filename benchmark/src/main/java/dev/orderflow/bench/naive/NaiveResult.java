package dev.orderflow.bench.naive;

import java.time.Duration;

/**
 * The figures of one naive baseline run.
 *
 * @param settings          how the run was driven
 * @param placed            orders placed (committed by the intake)
 * @param shipped           orders whose shipment the fulfillment provider accepted
 * @param delivered         of those, orders the pipeline saw delivered (and committed the stock of)
 * @param rejected          orders rejected for a business reason (out of stock)
 * @param cancelled         orders rolled back and cancelled (declined payment, shipping refused, or retries exhausted)
 * @param unsettled         orders still without a final state when the drain timeout ended: lost, as far as anyone
 *                          can tell (nothing flags them)
 * @param wallTime          first order placed → last order settled
 * @param shippingSpan      first order placed → last shipment accepted
 * @param deliverySpan      first order placed → last order delivered
 * @param latency           order placed → shipment accepted, over the shipped orders
 * @param providerCalls     HTTP requests sent to the providers, every attempt counted
 * @param logicalOperations provider operations the stages meant to do (reserve, authorize, accept, commit, release,
 *                          void)
 * @param shipmentReads     reads of a shipment's stage while following it to delivery (not in the amplification)
 * @param audit             the providers' books against the pipeline's own states
 * @param ledger            the figures the sandbox's ledger alone gives (the yardstick shared with the stage-aware run)
 */
public record NaiveResult(NaiveSettings settings, long placed, long shipped, long delivered, long rejected,
        long cancelled, long unsettled, Duration wallTime, Duration shippingSpan, Duration deliverySpan,
        LatencySummary latency, long providerCalls, long logicalOperations, long shipmentReads, LedgerAudit audit,
        LedgerFigures ledger) {

    /** Settled orders (shipped, rejected or cancelled) per second of wall time. */
    public double throughputPerSecond() {
        return perSecond(shipped + rejected + cancelled, wallTime);
    }

    /**
     * Orders whose shipment was accepted per second, first order placed → last shipment accepted: the same measure as
     * the stage-aware system's "orders/s to shipment accepted".
     */
    public double shippedPerSecond() {
        return perSecond(shipped, shippingSpan);
    }

    /**
     * Orders delivered per second, first order placed → last delivered: the same measure as the stage-aware system's
     * "delivered" throughput.
     */
    public double deliveredPerSecond() {
        return perSecond(delivered, deliverySpan);
    }

    /** Provider requests per logical operation: 1.0 when nothing was retried. */
    public double retryAmplification() {
        return logicalOperations == 0 ? 0 : (double) providerCalls / logicalOperations;
    }

    /** {@code ours} (orders/s to shipment accepted) as a share of this baseline's {@link #shippedPerSecond()}. */
    public double ratio(double oursPerSecond) {
        return share(oursPerSecond, shippedPerSecond());
    }

    /** {@code ours} (orders/s to delivered) as a share of this baseline's {@link #deliveredPerSecond()}. */
    public double deliveredRatio(double oursPerSecond) {
        return share(oursPerSecond, deliveredPerSecond());
    }

    private static double share(double ours, double baseline) {
        return baseline == 0 ? 0 : ours / baseline;
    }

    static double perSecond(long count, Duration over) {
        long nanos = over.toNanos();
        return nanos <= 0 ? 0 : count / (nanos / 1e9);
    }
}
