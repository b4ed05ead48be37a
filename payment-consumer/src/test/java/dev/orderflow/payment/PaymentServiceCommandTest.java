package dev.orderflow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.runtime.service.StageServiceCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad settings stop start-up with a message naming the key and exit code 2, before anything connects. */
class PaymentServiceCommandTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureErr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErr() {
        System.setErr(originalErr);
    }

    @Test
    void aMissingRequiredKeyIsNamed() {
        int exit = StageServiceCommand.run(new PaymentService(), "--set", "bootstrap.servers=localhost:9092");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad configuration").contains("jdbc.url");
    }

    @Test
    void aBadPolicyValueIsNamed() {
        int exit = StageServiceCommand.run(new PaymentService(), "--set", "jdbc.url=jdbc:postgresql://h/db",
                "--set", "jdbc.user=u", "--set", "provider.url=http://h/",
                "--set", "policy.payment.escalation.deadline=soon");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("policy.payment.escalation.deadline");
    }

    @Test
    void anUnknownKeyIsNamed() {
        int exit = StageServiceCommand.run(new PaymentService(), "--set", "jdbc.url=jdbc:postgresql://h/db",
                "--set", "jdbc.user=u", "--set", "provider.url=http://h/", "--set", "bootstrap.servers=h:9092",
                "--set", "registry.url=http://h/", "--set", "worker.thread=4");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("worker.thread");
    }
}
