package dev.orderflow.runtime.policy;

import dev.orderflow.runtime.failure.FailureCategory;

/**
 * DESIGN.md §1's table as code: how each stage reacts to each outcome class. Handlers ask it rather than encoding
 * the table in their own branches, and a table-driven test pins every cell.
 *
 * <p>What differs between stages is the business-failure column (reject, compensate, block) and, within the
 * ambiguous column, what "pending" forbids (payment: no shipping, no release, no refund until known; shipping: a
 * deferred retry with the same key is safe). Transient and overload are the same everywhere, bounded by each
 * stage's own policy values.
 */
public final class ReactionTable {

    private ReactionTable() {
    }

    /** The reaction of {@code stage} to a call that ended in {@code outcome}; {@code null} outcome means success. */
    public static Reaction reactionTo(Stage stage, FailureCategory outcome) {
        if (outcome == null) {
            return Reaction.COMPLETE;
        }
        return switch (outcome) {
            case TRANSIENT -> Reaction.RETRY_THEN_DEFER;
            case OVERLOAD -> Reaction.BACK_OFF_AND_DEFER;
            case AMBIGUOUS -> Reaction.QUERY_STATUS_THEN_PEND;
            case BUSINESS -> switch (stage) {
                case INVENTORY -> Reaction.REJECT_ORDER;
                case PAYMENT -> Reaction.COMPENSATE;
                case SHIPPING -> Reaction.BLOCK_FOR_OPERATOR;
            };
            case MALFORMED -> Reaction.DEAD_LETTER;
            // A defect of our own (a 400 from the provider, a bug): retrying cannot help and the event is kept.
            case INTERNAL -> Reaction.DEAD_LETTER;
        };
    }
}
