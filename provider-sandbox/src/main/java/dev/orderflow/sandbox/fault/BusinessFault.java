package dev.orderflow.sandbox.fault;

/**
 * The business part of a fault decision, handed to the provider logic: whether to refuse the call although the
 * request is valid, and whether an accepted shipment later fails. The picks are uniform draws in [0, 1) from the
 * same seeded stream; the provider maps them to its own reason codes and stages, which keeps this package free of
 * provider vocabulary.
 */
public record BusinessFault(boolean reject, double rejectionPick, boolean exceptionAfterAcceptance,
                            double exceptionPick) {

    public static final BusinessFault NONE = new BusinessFault(false, 0, false, 0);

    /** Picks one of {@code count} choices with the given uniform draw. */
    public static int choose(double pick, int count) {
        return Math.min(count - 1, (int) (pick * count));
    }
}
