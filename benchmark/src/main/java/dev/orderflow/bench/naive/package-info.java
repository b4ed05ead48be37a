/**
 * The naive baseline: the common shortcut implementation of the same order workflow, run on the same broker and
 * PostgreSQL server as the stage-aware system, with its own topics, database and provider sandbox, so that the two
 * can be measured side by side under the same fault profiles.
 *
 * <p>What makes it naive, deliberately and as such code is usually written: the intake and every stage produce the
 * next event right after their database commit (a dual write, no outbox); provider calls are retried a fixed number
 * of times without looking at why they failed (no backoff, no Retry-After, no status query after a timeout), with a
 * fresh idempotency key per attempt; any failure rolls the order back at once (release the stock, void the
 * payment) and cancels it; offsets are auto-committed. {@link dev.orderflow.bench.naive.NaiveBaseline#run} runs it
 * and returns a {@link dev.orderflow.bench.naive.NaiveResult}.
 */
package dev.orderflow.bench.naive;
