package dev.orderflow.schemas.compat;

import java.util.List;

/**
 * What the gate found.
 *
 * @param incompatibilities one line per broken rule, naming the schema, the level, the check, the kind and the field;
 *                          a released event type that disappeared is one too
 * @param newSchemas        full names of current event types without a released version (fine: they are checked
 *                          from the next release on)
 */
public record CompatibilityReport(List<String> incompatibilities, List<String> newSchemas) {

    public CompatibilityReport {
        incompatibilities = List.copyOf(incompatibilities);
        newSchemas = List.copyOf(newSchemas);
    }

    public boolean compatible() {
        return incompatibilities.isEmpty();
    }
}
