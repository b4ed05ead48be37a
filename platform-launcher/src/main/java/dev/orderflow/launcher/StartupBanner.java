package dev.orderflow.launcher;

import java.io.PrintWriter;

/** The table printed once everything is up: what runs, where, and how long each part took. */
final class StartupBanner {

    private final LocalPlatform platform;

    StartupBanner(LocalPlatform platform) {
        this.platform = platform;
    }

    void print(PrintWriter out) {
        out.println();
        out.printf("%-44s %-58s %s%n", "PART", "ADDRESS", "STARTED IN");
        for (LocalPlatform.Endpoint e : platform.endpoints()) {
            String took = e.startedIn().isZero() ? "" : e.startedIn().toMillis() + " ms";
            out.printf("%-44s %-58s %s%n", e.part(), e.address(), took);
        }
        out.printf("%nReady in %d ms (parts start in parallel). Child processes: %s%n",
                platform.readyIn().toMillis(), platform.childPids());
        out.flush();
    }
}
