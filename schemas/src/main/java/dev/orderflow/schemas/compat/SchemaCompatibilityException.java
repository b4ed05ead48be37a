package dev.orderflow.schemas.compat;

import java.util.List;

/** A schema change would break readers or writers of released events; the message lists every incompatibility. */
public class SchemaCompatibilityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public SchemaCompatibilityException(List<String> problems) {
        super("Incompatible schema change:\n  - " + String.join("\n  - ", problems)
                + "\nGive new fields a default, keep released fields, or introduce a new event type.");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
