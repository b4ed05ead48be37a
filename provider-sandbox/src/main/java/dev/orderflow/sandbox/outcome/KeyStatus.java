package dev.orderflow.sandbox.outcome;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer to "what became of my call with this idempotency key?". Unknown keys are a 404 instead: the call
 * never took effect and a retry with the same key is safe.
 *
 * @param idempotencyKey the key asked about
 * @param outcome        {@code SUCCEEDED} or {@code REJECTED}, of the latest execution under the key
 * @param resource       the resource the latest execution created, in its current state (when it succeeded)
 * @param rejection      why the latest execution was refused (when it was)
 * @param executions     how often the key's work ran; more than 1 only when the key expired and was reused
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyStatus<T>(String idempotencyKey, String outcome, T resource, RejectionView rejection,
                           int executions) {

    public static <T> KeyStatus<T> succeeded(String key, T resource, int executions) {
        return new KeyStatus<>(key, "SUCCEEDED", resource, null, executions);
    }

    public static <T> KeyStatus<T> rejected(String key, Rejection rejection, int executions) {
        return new KeyStatus<>(key, "REJECTED", null, RejectionView.of(rejection), executions);
    }

    /** The wire form of a rejection inside a status answer. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RejectionView(String reason, String detail, List<String> subjects) {
        static RejectionView of(Rejection rejection) {
            return new RejectionView(rejection.reason(), rejection.detail(), rejection.subjects());
        }
    }
}
