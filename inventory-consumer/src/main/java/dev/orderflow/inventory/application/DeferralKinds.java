package dev.orderflow.inventory.application;

/** The kinds of deferred work of the inventory stage (one pending row per order and kind). */
final class DeferralKinds {

    /** Send the reserve call again under the same key: the last one had no effect (or none the provider knows). */
    static final String RESERVE_RETRY = "reserve-retry";
    /** Ask the provider again what became of the reserve call: its outcome is unknown. */
    static final String STATUS_RECHECK = "reserve-status-recheck";
    /** Send the release again: it is idempotent by the reservation's state, so repeating is always safe. */
    static final String RELEASE_RETRY = "release-retry";
    /** Send the commit again: idempotent like the release. */
    static final String COMMIT_RETRY = "commit-retry";

    /** Find out what superseded attempts of the order reserved, and release it. */
    static final String SUPERSEDED_CLEANUP = "superseded-cleanup";

    private DeferralKinds() {
    }
}
