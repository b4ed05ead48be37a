package dev.orderflow.bench.system;

/** Passes progress on to a listener that can be switched, so a warm-up's orders are not measured with the run's. */
final class ForwardingListener implements ProgressListener {

    private volatile ProgressListener target;

    ForwardingListener(ProgressListener target) {
        this.target = target;
    }

    void switchTo(ProgressListener next) {
        this.target = next;
    }

    @Override
    public void reached(String orderId, OrderStage stage, long atMillis, long seenAtMillis) {
        target.reached(orderId, stage, atMillis, seenAtMillis);
    }

    @Override
    public void relayed(long atMillis) {
        target.relayed(atMillis);
    }
}
