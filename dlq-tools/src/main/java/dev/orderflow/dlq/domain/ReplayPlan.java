package dev.orderflow.dlq.domain;

import java.util.List;
import java.util.Map;

/**
 * The outcome of planning a replay, before anything is sent.
 *
 * @param items           records to send, in offset order
 * @param refusals        selected records a safety check refuses
 * @param alreadyResolved selected records skipped because they were already replayed or discarded, by status
 * @param deferred        open records left for a later run by {@code --limit}
 */
public record ReplayPlan(List<ReplayItem> items, List<Refusal> refusals, Map<RecordStatus, Integer> alreadyResolved,
                         int deferred) {

    public ReplayPlan {
        items = List.copyOf(items);
        refusals = List.copyOf(refusals);
        alreadyResolved = Map.copyOf(alreadyResolved);
    }
}
