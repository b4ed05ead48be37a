package dev.orderflow.dlq.cli;

import dev.orderflow.dlq.kafka.ResolutionWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What a command run gets from outside: environment, clock, the OS user and how to wait between paced sends.
 * Passed to every command so tests control all of it.
 *
 * @param replayProgress told after each committed replay batch, besides the progress line (tests interrupt here)
 */
public record OpsContext(Map<String, String> environment, Clock clock, String osUser,
                         ResolutionWriter.Waiter waiter, ResolutionWriter.Progress replayProgress) {

    public OpsContext {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(waiter, "waiter");
        Objects.requireNonNull(replayProgress, "replayProgress");
    }

    public static OpsContext system() {
        return new OpsContext(System.getenv(), Clock.systemUTC(), System.getProperty("user.name"),
                TimeUnit.NANOSECONDS::sleep, (done, total) -> { });
    }

    public OpsContext withEnvironment(Map<String, String> env) {
        return new OpsContext(env, clock, osUser, waiter, replayProgress);
    }

    public OpsContext withReplayProgress(ResolutionWriter.Progress progress) {
        return new OpsContext(environment, clock, osUser, waiter, progress);
    }
}
