package dev.orderflow.runtime.provider;

import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.failure.FailureCategory;
import java.time.Duration;
import java.util.Optional;

/** A provider call that did not succeed, classified by how it ended (status code, reason code, transport). */
public final class ProviderCallException extends ClassifiedException {

    private final String operation;
    private final int status;
    private final String reasonCode;

    public ProviderCallException(FailureCategory category, String operation, int status, String reasonCode,
            String detail, Duration retryAfter, Throwable cause) {
        super(category, operation + " failed: " + (status > 0 ? "HTTP " + status + " " : "")
                + (reasonCode != null ? reasonCode + " " : "") + detail, retryAfter, cause);
        this.operation = operation;
        this.status = status;
        this.reasonCode = reasonCode;
    }

    public String operation() {
        return operation;
    }

    /** HTTP status, or 0 when there was no answer (connection failure, timeout). */
    public int status() {
        return status;
    }

    /** The provider's business reason code ({@code OUT_OF_STOCK}, {@code CARD_DECLINED}, ...), if it gave one. */
    public Optional<String> reasonCode() {
        return Optional.ofNullable(reasonCode);
    }
}
