package dev.orderflow.bench.system;

import dev.orderflow.events.OrderPlaced;

/**
 * Something that takes orders and works them to shipment on the benchmark's infrastructure: the full system, or a
 * baseline to compare it with. Started once per run; told each order as it is placed; reports progress to a
 * {@link ProgressListener}; asked for its own findings (provider calls, invariant audit) at the end.
 */
public interface Pipeline extends AutoCloseable {

    /** Short name for the report, e.g. {@code system}. */
    String name();

    /** Starts every part on {@code infrastructure}; returns when orders can be placed. */
    void start(Infrastructure infrastructure, ProgressListener listener) throws Exception;

    /** Accepts one order, placed now. Called from one thread. */
    void place(OrderPlaced order);

    /** What the pipeline's providers saw, after the run drained. */
    PipelineFindings findings() throws Exception;

    @Override
    void close();
}
