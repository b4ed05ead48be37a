package dev.orderflow.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * The chaos run end to end at a small scale (the 10,000-order run is {@code bin/orderflow-chaos}, see
 * docs/chaos.md): every crash happens, every part comes back, and every figure passes.
 */
class ChaosCommandIT {

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void aSmallChaosRunPassesEveryFigure() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ChaosCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("--orders", "400", "--rate", "20", "--instances", "1", "--drain-timeout", "300",
                "--seed", "3");

        String run = out.toString();
        System.out.println(run);
        assertThat(exit).as("exit code (3 = a figure failed); stderr: %s", err).isZero();
        assertThat(run).contains("RESULT: PASS").doesNotContain("FAIL").doesNotContain("NOT RECOVERED")
                .contains("SIGKILL outbox-relay", "SIGKILL inventory-consumer-1", "SIGKILL payment-consumer-1",
                        "SIGKILL shipping-consumer-1", "SIGKILL order-stream-1", "restart kafka broker")
                .containsPattern("poison records injected\\s+2\\b")
                .containsPattern("orders accepted by POST /orders\\s+400 ");
        assertThat(run.lines().filter(l -> l.contains("ready again in")).count()).isEqualTo(6);
    }
}
