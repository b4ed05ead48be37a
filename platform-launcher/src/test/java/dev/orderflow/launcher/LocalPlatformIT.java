package dev.orderflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.schemas.EventCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The one-command run starts every part for real, prints where each listens, and leaves no process behind.
 * (Start-up time is printed, not asserted: speed targets live in benchmarks.)
 */
class LocalPlatformIT {

    @Test
    void startsEveryPartPrintsWhereItListensAndStopsThemAll() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new LocalPlatformCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("--exit-when-ready", "--kafka-port", "0", "--registry-port", "0",
                "--postgres-port", "0");

        String banner = out.toString();
        System.out.println(banner);
        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        assertThat(banner)
                .containsPattern("Kafka broker \\(KRaft\\)\\s+127\\.0\\.0\\.1:\\d+")
                .containsPattern("Schema registry \\(Confluent API\\)\\s+http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7")
                .contains("embedded PostgreSQL")
                .contains(EventCatalog.types().size() + " event schemas registered")
                .contains("database inventory", "database payment", "database shipping", "database orders")
                .containsPattern("Outbox relay\\s+sources orders, inventory, payment, shipping")
                .containsPattern("Provider sandbox \\(none faults\\)\\s+http://127\\.0\\.0\\.1:\\d+")
                .contains("payment-consumer")
                .containsPattern("order-stream \\(order API, POST /orders\\)\\s+http://127\\.0\\.0\\.1:\\d+/orders")
                .containsPattern("Ready in \\d+ ms")
                .contains("Stopped.");
        assertThat(childPids(banner)).isNotEmpty()
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                        .as("child process %d still alive", pid).isFalse());
    }

    private static List<Long> childPids(String banner) {
        Matcher m = Pattern.compile("Child processes: \\[([\\d, ]+)]").matcher(banner);
        assertThat(m.find()).as("banner lists child processes").isTrue();
        return Pattern.compile(",\\s*").splitAsStream(m.group(1).trim()).map(Long::parseLong).toList();
    }
}
