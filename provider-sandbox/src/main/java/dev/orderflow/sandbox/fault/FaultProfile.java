package dev.orderflow.sandbox.fault;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named, seeded set of fault settings, one per operation, plus which operations were overridden by hand.
 * Immutable: a change yields a new profile, and installing it restarts the random streams from the seed.
 *
 * @param name       the base profile ({@code none}, {@code realistic}, {@code harsh})
 * @param seed       seed of the random streams; the same seed gives the same fault sequence per operation
 * @param operations the effective settings of every operation
 * @param overridden operations whose settings differ from the base profile by an explicit override
 */
public record FaultProfile(String name, long seed, Map<Operation, FaultSpec> operations, Set<Operation> overridden) {

    public FaultProfile {
        Objects.requireNonNull(name, "name");
        EnumMap<Operation, FaultSpec> all = new EnumMap<>(Operation.class);
        all.putAll(operations);
        for (Operation op : Operation.values()) {
            if (!all.containsKey(op)) {
                throw new IllegalArgumentException("Fault profile " + name + " has no settings for " + op);
            }
        }
        operations = Collections.unmodifiableMap(all);
        overridden = overridden.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(overridden));
    }

    public FaultSpec spec(Operation operation) {
        return operations.get(operation);
    }

    public FaultProfile withSeed(long newSeed) {
        return new FaultProfile(name, newSeed, operations, overridden);
    }

    public FaultProfile withOverride(Operation operation, FaultSpec spec) {
        EnumMap<Operation, FaultSpec> changed = new EnumMap<>(operations);
        changed.put(operation, spec);
        EnumSet<Operation> marked = overridden.isEmpty() ? EnumSet.noneOf(Operation.class) : EnumSet.copyOf(overridden);
        marked.add(operation);
        return new FaultProfile(name, seed, changed, marked);
    }
}
