package dev.orderflow.dlq.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.orderflow.dlq.CliRun;
import dev.orderflow.events.CancelOrderCommand;
import dev.orderflow.events.ResolvePaymentCommand;
import dev.orderflow.events.RetryShippingCommand;
import dev.orderflow.events.VerifiedPaymentOutcome;
import dev.orderflow.runtime.serde.EventSerdes;
import dev.orderflow.runtime.serde.RegistrySettings;
import dev.orderflow.testing.KafkaFixture;
import dev.orderflow.testing.RealInfrastructure;
import dev.orderflow.testing.SchemaRegistryFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealInfrastructure.class)
class OrdersIT {

    private static final Pattern COMMAND_ID = Pattern.compile("command id ([0-9a-f-]{36})");

    private OpsFixture ops;
    private Deserializer<SpecificRecord> deserializer;

    @BeforeEach
    void setUp(KafkaFixture kafka, SchemaRegistryFixture registry) {
        ops = new OpsFixture(kafka, registry);
        deserializer = EventSerdes.valueDeserializer(RegistrySettings.of(registry.apicurioApiUrl()));
    }

    @Test
    void resolvePaymentEmitsTheAvroCommandKeyedByOrderAndRepeatsWithTheSameId() {
        CliRun first = ops.run("orders", "resolve-payment", "o-77", "--outcome", "authorized", "--reference",
                "AUTH-1", "--reason", "checked in the gateway console");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("what will happen").contains("shipping starts").contains("audited");
        String id = commandId(first);

        CliRun repeat = ops.run("orders", "resolve-payment", "o-77", "--outcome", "authorized", "--reference",
                "AUTH-1", "--reason", "timed out, sending again", "--command-id", id);
        assertThat(repeat.exitCode()).as(repeat.toString()).isZero();
        assertThat(repeat.out()).contains("sent before (1 times").contains("takes effect once");

        CliRun misuse = ops.run("orders", "resolve-payment", "o-78", "--outcome", "failed", "--reference", "AUTH-1",
                "--reason", "wrong order", "--command-id", id);
        assertThat(misuse.exitCode()).as(misuse.toString()).isEqualTo(5);
        assertThat(misuse.err()).contains("would be dropped as a duplicate").hasLineCount(1);

        List<ConsumerRecord<byte[], byte[]>> records = TopicRecords.readAll(ops.kafka, ops.commands);
        assertThat(records).hasSize(2);
        for (ConsumerRecord<byte[], byte[]> record : records) {
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("o-77");
            SpecificRecord event = deserializer.deserialize(ops.commands, record.value());
            assertThat(event).isInstanceOf(ResolvePaymentCommand.class);
            ResolvePaymentCommand command = (ResolvePaymentCommand) event;
            assertThat(command.getMetadata().getEventId()).hasToString(id);
            assertThat(command.getOutcome()).isEqualTo(VerifiedPaymentOutcome.AUTHORIZED);
            assertThat(command.getProviderReference()).isEqualTo("AUTH-1");
            assertThat(command.getOperator()).isEqualTo("alice");
        }
        CliRun audit = ops.run("audit", "--order-id", "o-77", "--format", "jsonl");
        assertThat(audit.out().lines()).hasSize(2).allMatch(l -> l.contains("RESOLVE_PAYMENT") && l.contains(id));
    }

    @Test
    void retryShippingAndCancelEmitTheirCommands() {
        CliRun retry = ops.run("orders", "retry-shipping", "o-78", "--reason", "address fixed");
        CliRun cancel = ops.run("orders", "cancel", "o-79", "--compensate", "--reason", "customer withdrew",
                "--operator", "carol");

        assertThat(retry.exitCode()).as(retry.toString()).isZero();
        assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
        assertThat(cancel.out()).contains("stock released");
        List<SpecificRecord> events = TopicRecords.readAll(ops.kafka, ops.commands).stream()
                .map(r -> deserializer.deserialize(ops.commands, r.value())).toList();
        assertThat(events).hasSize(2);
        assertThat(events).filteredOn(RetryShippingCommand.class::isInstance).singleElement()
                .extracting(e -> ((RetryShippingCommand) e).getMetadata().getOrderId()).isEqualTo("o-78");
        assertThat(events).filteredOn(CancelOrderCommand.class::isInstance).singleElement()
                .satisfies(e -> {
                    CancelOrderCommand c = (CancelOrderCommand) e;
                    assertThat(c.getCompensate()).isTrue();
                    assertThat(c.getOperator()).isEqualTo("carol");
                });
        CliRun audit = ops.run("audit", "--action", "CANCEL_ORDER", "--operator", "carol");
        assertThat(audit.out()).contains("customer withdrew").contains("1 entries");
    }

    @Test
    void commandsNeedTheRegistryAndAnExistingTopic() {
        CliRun noRegistry = ops.run(ops.context().withEnvironment(java.util.Map.of(
                "ORDERFLOW_OPS_BOOTSTRAP_SERVERS", ops.kafka.bootstrapServers())),
                "orders", "retry-shipping", "o-1", "--reason", "x");
        assertThat(noRegistry.exitCode()).as(noRegistry.toString()).isEqualTo(2);
        assertThat(noRegistry.err()).contains("--registry-url");

        CliRun noTopic = ops.run("orders", "retry-shipping", "o-1", "--reason", "x", "--set",
                "commands.topic=missing-commands");
        assertThat(noTopic.exitCode()).as(noTopic.toString()).isEqualTo(3);
        assertThat(TopicRecords.readAll(ops.kafka, ops.commands)).isEmpty();
    }

    @Test
    void showGetsTheOrderFromTheOrderApi() throws IOException {
        HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/orders/", exchange -> {
            boolean known = exchange.getRequestURI().getPath().equals("/orders/o-80");
            byte[] body = (known ? "{\"orderId\":\"o-80\",\"state\":\"PAYMENT_PENDING\",\"timeline\":[]}"
                    : "{\"title\":\"not found\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        api.start();
        try {
            String url = "http://127.0.0.1:" + api.getAddress().getPort();
            CliRun found = ops.run("orders", "show", "o-80", "--api-url", url);
            assertThat(found.exitCode()).as(found.toString()).isZero();
            assertThat(found.out()).contains("\"state\" : \"PAYMENT_PENDING\"");

            CliRun missing = ops.run("orders", "show", "o-81", "--api-url", url);
            assertThat(missing.exitCode()).isEqualTo(3);
            assertThat(missing.err()).contains("order o-81 not found").hasLineCount(1);
        } finally {
            api.stop(0);
        }
        CliRun down = ops.run("orders", "show", "o-80", "--api-url", "http://127.0.0.1:1");
        assertThat(down.exitCode()).as(down.toString()).isEqualTo(4);
        assertThat(down.err()).contains("cannot reach the order API").hasLineCount(1);
    }

    private static String commandId(CliRun run) {
        Matcher m = COMMAND_ID.matcher(run.out());
        assertThat(m.find()).as(run.toString()).isTrue();
        return m.group(1);
    }
}
