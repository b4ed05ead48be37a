package dev.orderflow.launcher.process;

import dev.orderflow.launcher.process.ProcessPlatform.Part;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The crashes of a chaos run at random moments of the load: SIGKILL of the relay, of one instance of each stage
 * service and of one order-stream instance, each started again at once (as an orchestrator restarts a crashed
 * container), and a restart of the broker (or, on a cluster, a SIGKILL of one of its nodes). One after the other, so each recovery is its own.
 */
public final class ChaosSchedule {

    /** One crash, {@code at} after the load began. */
    public record Event(Duration at, String what, Runnable action) {
    }

    /** What happened: when, to what, how long until the part was ready again, how many starts it needed. */
    public record Outcome(Duration at, String what, Duration recoveredIn, int attempts, String failure) {

        public boolean recovered() {
            return failure == null;
        }
    }

    private static final int START_ATTEMPTS = 3;
    private static final Duration START_RETRY_PAUSE = Duration.ofSeconds(5);

    private final List<Event> events;

    private ChaosSchedule(List<Event> events) {
        this.events = List.copyOf(events);
    }

    /** The six crashes at random moments between 10 % and 90 % of {@code loadTime}. */
    public static ChaosSchedule random(ProcessPlatform platform, Duration loadTime, long seed) {
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>();
        for (Part part : Part.values()) {
            int instance = random.nextInt(platform.instances(part).size());
            ServiceProcess target = platform.part(part, instance);
            events.add(new Event(moment(random, loadTime), "SIGKILL " + target.name(), () -> crash(target)));
        }
        events.add(new Event(moment(random, loadTime), platform.kafkaDisruption(), platform::disruptKafka));
        events.sort(Comparator.comparing(Event::at));
        return new ChaosSchedule(events);
    }

    private static Duration moment(Random random, Duration loadTime) {
        return Duration.ofMillis((long) (loadTime.toMillis() * (0.1 + 0.8 * random.nextDouble())));
    }

    private static void crash(ServiceProcess target) {
        target.kill();
        target.start();
    }

    public List<Event> events() {
        return events;
    }

    /** Runs every event at its moment, counted from {@code startedNanos}; reports each as it happens. */
    public List<Outcome> run(long startedNanos, PrintWriter out) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Event event : events) {
            long wait = startedNanos + event.at().toNanos() - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);    // waiting for a scheduled moment, not for a condition
            }
            Outcome outcome = perform(event, startedNanos);
            synchronized (out) {
                out.printf("  chaos %5ds  %-36s %s%n", outcome.at().toSeconds(), outcome.what(), outcome.recovered()
                        ? "ready again in " + outcome.recoveredIn().toMillis() + " ms"
                        + (outcome.attempts() > 1 ? " (" + outcome.attempts() + " starts)" : "")
                        : "NOT RECOVERED: " + outcome.failure());
                out.flush();
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private static Outcome perform(Event event, long startedNanos) throws InterruptedException {
        Duration at = Duration.ofNanos(System.nanoTime() - startedNanos);
        long began = System.nanoTime();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                event.action().run();    // again after a failed start: the kill is a no-op then, the start is not
                return new Outcome(at, event.what(), Duration.ofNanos(System.nanoTime() - began), attempt, null);
            } catch (RuntimeException e) {
                last = e;
                TimeUnit.MILLISECONDS.sleep(START_RETRY_PAUSE.toMillis());    // an orchestrator's restart back-off
            }
        }
        return new Outcome(at, event.what(), Duration.ofNanos(System.nanoTime() - began), START_ATTEMPTS,
                last.getMessage().lines().findFirst().orElse(last.toString()));
    }
}
