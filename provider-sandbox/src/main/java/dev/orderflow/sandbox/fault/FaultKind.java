package dev.orderflow.sandbox.fault;

/** What a call experiences besides latency. Exactly one per call. */
public enum FaultKind {
    /** The call proceeds (it may still be refused for a business reason). */
    NONE,
    /** 500 or 502, nothing done: safe to retry. */
    TRANSIENT_ERROR,
    /** 429 or 503 with Retry-After, nothing done. */
    OVERLOAD,
    /** The connection is held past the client's timeout and dropped; nothing done. */
    TIMEOUT_BEFORE_WORK,
    /** The work is done and recorded, then the reply is lost: the ambiguous case a status query must resolve. */
    LOST_REPLY_AFTER_WORK
}
