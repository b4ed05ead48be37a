package dev.orderflow.shipping.application;

/** The kinds of deferred work of the shipping stage (one pending row per order and kind). */
final class DeferralKinds {

    /** Send the fulfillment request again under the same key: the last one had no effect the provider knows of. */
    static final String ACCEPT_RETRY = "accept-retry";
    /** Ask the provider again whether it accepted the request: the outcome is unknown. */
    static final String STATUS_RECHECK = "accept-status-recheck";
    /** Poll an accepted shipment's progress until it is delivered or ends in an exception. */
    static final String PROGRESS_POLL = "fulfillment-poll";

    private DeferralKinds() {
    }
}
