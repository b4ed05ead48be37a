package dev.orderflow.testing;

import java.util.function.Supplier;

/**
 * Starts a fixture at most once and remembers a failure too, so the tests after a failed start fail at once with
 * the original reason instead of each waiting for its own start-up timeout. Closing it closes the fixture, if it
 * was started.
 */
final class StartOnce<T extends AutoCloseable> implements AutoCloseable {

    private final Supplier<T> starter;
    private T value;
    private RuntimeException failure;

    StartOnce(Supplier<T> starter) {
        this.starter = starter;
    }

    synchronized T get() {
        if (failure != null) {
            throw new IllegalStateException("failed to start earlier in this JVM: " + failure.getMessage(), failure);
        }
        if (value == null) {
            try {
                value = starter.get();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return value;
    }

    @Override
    public synchronized void close() {
        if (value == null) {
            return;
        }
        try {
            value.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop " + value.getClass().getSimpleName() + ": " + e, e);
        }
    }
}
