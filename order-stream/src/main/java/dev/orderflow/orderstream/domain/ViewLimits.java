package dev.orderflow.orderstream.domain;

/**
 * Bounds that keep one order's view small however many events it gets (a view is one record in the store and on
 * the compacted topic). An event whose id fell out of the dedupe window would be applied again; the window is far
 * larger than the redelivery distance of the platform's at-least-once producers.
 */
public record ViewLimits(int maxTimelineEntries, int maxSeenEventIds, int maxAnomalies) {

    public static final ViewLimits DEFAULT = new ViewLimits(100, 500, 50);

    public ViewLimits {
        if (maxTimelineEntries < 1 || maxSeenEventIds < 1 || maxAnomalies < 1) {
            throw new IllegalArgumentException("view limits must be at least 1");
        }
    }
}
