package dev.orderflow.schemas.compat;

/** How a new schema must relate to its released version (the registry's terms). */
public enum CompatibilityLevel {
    /** Readers on the new schema read data written with the released one. */
    BACKWARD(true, false),
    /** Readers on the released schema read data written with the new one. */
    FORWARD(false, true),
    /** Both. */
    FULL(true, true);

    private final boolean backward;
    private final boolean forward;

    CompatibilityLevel(boolean backward, boolean forward) {
        this.backward = backward;
        this.forward = forward;
    }

    boolean checksBackward() {
        return backward;
    }

    boolean checksForward() {
        return forward;
    }
}
