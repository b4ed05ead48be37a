package dev.orderflow.sandbox.http;

import dev.orderflow.sandbox.idempotency.IdempotencyStore.Execution;
import dev.orderflow.sandbox.outcome.Outcome;
import dev.orderflow.sandbox.outcome.Rejection;

/** How provider results become answers: 201 for a creation, 422 for a business refusal. */
final class Responses {

    /** Set on an answer that repeats a remembered result instead of doing the work again. */
    static final String REPLAYED = "Idempotent-Replayed";

    private Responses() {
    }

    static <T> ApiResponse creation(Execution<Outcome<T>> execution) {
        ApiResponse response;
        if (execution.result() instanceof Outcome.Done<T> done) {
            response = ApiResponse.created(done.value());
        } else {
            response = ApiResponse.problem(rejection(((Outcome.Refused<T>) execution.result()).rejection()));
        }
        return execution.replayed() ? response.withHeader(REPLAYED, "true") : response;
    }

    static Problem rejection(Rejection rejection) {
        return Problem.of(422, "Business rejection", rejection.reason(), rejection.detail())
                .withSubjects(rejection.subjects(), rejection.injected());
    }
}
