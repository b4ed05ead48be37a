package dev.orderflow.dlq;

/** The process exit codes of {@code orderflow-ops}, documented in {@code --help}; scripts may rely on them. */
public enum ExitCode {
    OK(0, "done (including dry runs and 'nothing to do')"),
    FAILED(1, "the operation failed part-way (the message says what was done; rerunning is safe)"),
    USAGE(2, "bad arguments or configuration (nothing changed)"),
    NOT_FOUND(3, "unknown topic, record or order (nothing changed)"),
    UNREACHABLE(4, "Kafka, the schema registry or the order API could not be reached (nothing changed)"),
    REFUSED(5, "a safety check refused the action: origin mismatch, replay-count guard (nothing changed)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
