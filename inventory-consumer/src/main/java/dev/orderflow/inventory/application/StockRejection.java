package dev.orderflow.inventory.application;

import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.failure.FailureCategory;
import java.util.List;

/** The stock provider refused a reservation for a business reason (out of stock, unknown SKU, bad quantity). */
public final class StockRejection extends ClassifiedException {

    private final String reasonCode;
    private final List<String> subjects;
    private final String detail;

    public StockRejection(String reasonCode, List<String> subjects, String detail) {
        this(reasonCode, subjects, detail, null);
    }

    public StockRejection(String reasonCode, List<String> subjects, String detail, Throwable cause) {
        super(FailureCategory.BUSINESS, "reservation refused: " + reasonCode + " " + detail, null, cause);
        this.reasonCode = reasonCode;
        this.subjects = subjects == null ? List.of() : List.copyOf(subjects);
        this.detail = detail;
    }

    /** The provider's reason code, e.g. {@code OUT_OF_STOCK}; may be one this service does not know. */
    public String reasonCode() {
        return reasonCode;
    }

    /** The SKUs the provider named, if any. */
    public List<String> subjects() {
        return subjects;
    }

    public String detail() {
        return detail;
    }
}
