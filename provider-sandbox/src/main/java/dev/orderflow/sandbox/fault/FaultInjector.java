package dev.orderflow.sandbox.fault;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Decides, per call, which fault (if any) the call meets. Each operation draws from its own stream seeded from the
 * profile seed and the operation's name, so the n-th call of an operation meets the same fault in every run with
 * that seed, however calls to other operations interleave. Every decision consumes the same number of draws, so a
 * change of rates shifts outcomes but never the alignment of the stream.
 */
public final class FaultInjector {

    private static final String ALGORITHM = "L64X128MixRandom";

    private FaultProfile profile;
    private final Map<Operation, RandomGenerator> streams = new EnumMap<>(Operation.class);

    public FaultInjector(FaultProfile profile) {
        install(profile);
    }

    /** Installs a profile and restarts every stream from its seed. */
    public synchronized void install(FaultProfile newProfile) {
        this.profile = Objects.requireNonNull(newProfile, "profile");
        RandomGeneratorFactory<RandomGenerator> factory = RandomGeneratorFactory.of(ALGORITHM);
        for (Operation op : Operation.values()) {
            streams.put(op, factory.create(newProfile.seed() ^ (0x9E3779B97F4A7C15L * op.wireName().hashCode())));
        }
    }

    public synchronized FaultProfile profile() {
        return profile;
    }

    public synchronized FaultDecision next(Operation operation) {
        FaultSpec spec = profile.spec(operation);
        RandomGenerator random = streams.get(operation);
        double band = random.nextDouble();
        double latencyPick = random.nextDouble();
        double statusPick = random.nextDouble();
        double rejectDraw = random.nextDouble();
        double rejectionPick = random.nextDouble();
        double exceptionDraw = random.nextDouble();
        double exceptionPick = random.nextDouble();

        Duration latency = Duration.ofMillis(spec.latencyMinMs()
                + (long) (latencyPick * (spec.latencyMaxMs() - spec.latencyMinMs())));
        FaultKind kind = kindOf(spec, band);
        int status = switch (kind) {
            case TRANSIENT_ERROR -> statusPick < 0.5 ? 500 : 502;
            case OVERLOAD -> statusPick < 0.5 ? 429 : 503;
            default -> 0;
        };
        BusinessFault business = new BusinessFault(
                operation.canBeRejected() && rejectDraw < spec.rejectionRate(), rejectionPick,
                operation == Operation.FULFILLMENT_ACCEPT && exceptionDraw < spec.exceptionAfterAcceptanceRate(),
                exceptionPick);
        return new FaultDecision(kind, latency, status, Duration.ofSeconds(spec.retryAfterSeconds()),
                Duration.ofMillis(spec.holdMs()), business);
    }

    private static FaultKind kindOf(FaultSpec spec, double band) {
        double edge = spec.transientErrorRate();
        if (band < edge) {
            return FaultKind.TRANSIENT_ERROR;
        }
        edge += spec.overloadRate();
        if (band < edge) {
            return FaultKind.OVERLOAD;
        }
        edge += spec.timeoutBeforeWorkRate();
        if (band < edge) {
            return FaultKind.TIMEOUT_BEFORE_WORK;
        }
        edge += spec.lostReplyAfterWorkRate();
        if (band < edge) {
            return FaultKind.LOST_REPLY_AFTER_WORK;
        }
        return FaultKind.NONE;
    }
}
