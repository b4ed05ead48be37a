package dev.orderflow.sandbox.fault;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in profiles. {@code none} is a perfect provider; {@code realistic} is a good day with a public
 * provider (a few percent of calls misbehave); {@code harsh} is a bad day, for soak tests and the benchmark.
 * Business refusals apply to the create operations only, exceptions after acceptance to fulfillment only.
 */
public final class FaultProfiles {

    public static final String NONE = "none";
    public static final String REALISTIC = "realistic";
    public static final String HARSH = "harsh";
    public static final List<String> NAMES = List.of(NONE, REALISTIC, HARSH);

    private FaultProfiles() {
    }

    /** The profile of that name with its default seed, or empty for an unknown name. */
    public static Optional<FaultProfile> named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case NONE -> Optional.of(build(NONE, 0L, FaultSpec.NONE, FaultSpec.NONE, FaultSpec.NONE));
            case REALISTIC -> Optional.of(realistic());
            case HARSH -> Optional.of(harsh());
            default -> Optional.empty();
        };
    }

    private static FaultProfile realistic() {
        FaultSpec plain = new FaultSpec(2, 30, 0.02, 0.01, 1, 0.005, 0.005, 1_500, 0, 0);
        FaultSpec create = new FaultSpec(5, 60, 0.02, 0.01, 1, 0.005, 0.01, 1_500, 0.02, 0);
        FaultSpec accept = new FaultSpec(5, 60, 0.02, 0.01, 1, 0.005, 0.01, 1_500, 0.02, 0.02);
        return build(REALISTIC, 42L, plain, create, accept);
    }

    private static FaultProfile harsh() {
        FaultSpec plain = new FaultSpec(10, 200, 0.08, 0.05, 2, 0.03, 0.03, 3_000, 0, 0);
        FaultSpec create = new FaultSpec(20, 400, 0.08, 0.05, 2, 0.04, 0.06, 3_000, 0.05, 0);
        FaultSpec accept = new FaultSpec(20, 400, 0.08, 0.05, 2, 0.04, 0.06, 3_000, 0.05, 0.08);
        return build(HARSH, 1337L, plain, create, accept);
    }

    private static FaultProfile build(String name, long seed, FaultSpec plain, FaultSpec create, FaultSpec accept) {
        Map<Operation, FaultSpec> specs = new EnumMap<>(Operation.class);
        for (Operation op : Operation.values()) {
            specs.put(op, op.canBeRejected() ? create : plain);
        }
        specs.put(Operation.FULFILLMENT_ACCEPT, accept);
        return new FaultProfile(name, seed, specs, Set.of());
    }
}
