package dev.orderflow.sandbox.http;

import dev.orderflow.sandbox.fault.Operation;
import dev.orderflow.sandbox.idempotency.Digest;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every provider call by operation and by what the caller got, and the distinct logical operations behind
 * them: for a call that carries an {@code Idempotency-Key} the key, otherwise the path (release, commit, void and
 * refund address their resource). Calls per logical operation is the retry amplification a benchmark reports.
 * Identities are kept as their {@link Digest}: they are only counted, and there is one for every order.
 * Admin, ledger and health endpoints are not provider operations and are not counted.
 */
final class CallCounter {

    /** What a call ended in, as the caller saw it. */
    enum Outcome {
        /** 2xx. */
        OK,
        /** 422: a business rejection (real or injected). */
        REJECTED,
        /** Any other 4xx (bad request, unknown key, conflicting state). */
        CLIENT_ERROR,
        /** A 5xx the sandbox did not inject (a sandbox bug). */
        SERVER_ERROR,
        /** Injected 500/502. */
        TRANSIENT_ERROR,
        /** Injected 429/503. */
        OVERLOAD,
        /** Injected: held and dropped, nothing done. */
        TIMEOUT_BEFORE_WORK,
        /** Injected: done, then held and dropped. */
        LOST_REPLY_AFTER_WORK
    }

    private final Map<Operation, Map<Outcome, LongAdder>> calls = new EnumMap<>(Operation.class);
    private final Map<Operation, Set<Digest>> identities = new EnumMap<>(Operation.class);

    CallCounter() {
        for (Operation operation : Operation.values()) {
            Map<Outcome, LongAdder> outcomes = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                outcomes.put(outcome, new LongAdder());
            }
            calls.put(operation, outcomes);
            identities.put(operation, ConcurrentHashMap.newKeySet());
        }
    }

    /**
     * Counts one call.
     *
     * @param identity the idempotency key, or the request path when the call has none
     */
    void record(Operation operation, String identity, Outcome outcome) {
        calls.get(operation).get(outcome).increment();
        identities.get(operation).add(Digest.of(identity));
    }

    /** The outcome of a call the sandbox answered normally, from its status. */
    static Outcome outcomeOf(int status) {
        if (status < 400) {
            return Outcome.OK;
        }
        if (status == 422) {
            return Outcome.REJECTED;
        }
        return status < 500 ? Outcome.CLIENT_ERROR : Outcome.SERVER_ERROR;
    }

    /** Counts so far, per operation on the wire; operations never called are left out. */
    Map<String, OperationCalls> snapshot() {
        Map<String, OperationCalls> view = new TreeMap<>();
        for (Operation operation : Operation.values()) {
            Map<String, Long> outcomes = new LinkedHashMap<>();
            long total = 0;
            for (Map.Entry<Outcome, LongAdder> entry : calls.get(operation).entrySet()) {
                long count = entry.getValue().sum();
                total += count;
                if (count > 0) {
                    outcomes.put(entry.getKey().name(), count);
                }
            }
            if (total > 0) {
                view.put(operation.wireName(), new OperationCalls(total, identities.get(operation).size(), outcomes));
            }
        }
        return view;
    }

    /**
     * One operation's counts.
     *
     * @param calls    calls received
     * @param distinct distinct idempotency keys (or paths) among them: the logical operations
     * @param outcomes calls per {@link Outcome} name
     */
    record OperationCalls(long calls, long distinct, Map<String, Long> outcomes) {
    }
}
