package dev.orderflow.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RelayMainTest {

    @Test
    void aBadSettingExitsWithTwoNamingTheKey() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new RelayMain(Map.of())).setErr(new PrintWriter(err)).execute(
                "--set", "bootstrap.servers=localhost:9092", "--set", "sources=payment",
                "--set", "source.payment.jdbc.url=postgres://nope", "--set", "source.payment.user=relay");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("source.payment.jdbc.url", "expected jdbc:postgresql://host:port/database");
    }

    @Test
    void aMissingConfigFileIsNamed() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new RelayMain(Map.of())).setErr(new PrintWriter(err))
                .execute("--config", "/nonexistent/relay.properties");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read the configuration file /nonexistent/relay.properties");
    }

    @Test
    void weakeningTheProducerIsRefused() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new RelayMain(Map.of())).setErr(new PrintWriter(err)).execute(
                "--set", "bootstrap.servers=localhost:9092", "--set", "sources=payment",
                "--set", "source.payment.jdbc.url=jdbc:postgresql://db/payment", "--set", "source.payment.user=r",
                "--set", "producer.acks=1");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("producer.acks", "requires all");
    }
}
