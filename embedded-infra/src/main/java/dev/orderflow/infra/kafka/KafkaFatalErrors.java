package dev.orderflow.infra.kafka;

import dev.orderflow.infra.InfrastructureStartException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fatal fault in an in-process broker calls {@code Exit.halt(1)}, which would kill the whole test JVM with no
 * report. Kafka's exit procedures are JVM-global, so this guard is too: it records the fault instead, and the
 * broker start checks it and fails with the broker's own message.
 */
final class KafkaFatalErrors {

    private static final Logger log = LoggerFactory.getLogger(KafkaFatalErrors.class);
    private static final AtomicReference<String> lastFault = new AtomicReference<>();

    private KafkaFatalErrors() {
    }

    static void install() {
        Exit.setHaltProcedure((code, message) -> record("halt", code, message));
        Exit.setExitProcedure((code, message) -> record("exit", code, message));
    }

    private static void record(String kind, int code, String message) {
        String fault = "kafka broker asked the JVM to " + kind + " with code " + code + ": " + message;
        log.error(fault);
        lastFault.set(fault);
    }

    static void throwIfAny() {
        String fault = lastFault.getAndSet(null);
        if (fault != null) {
            throw new InfrastructureStartException(fault);
        }
    }
}
