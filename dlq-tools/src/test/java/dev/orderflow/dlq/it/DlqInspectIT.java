package dev.orderflow.dlq.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.dlq.CliRun;
import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.testing.KafkaFixture;
import dev.orderflow.testing.RealInfrastructure;
import dev.orderflow.testing.SchemaRegistryFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealInfrastructure.class)
class DlqInspectIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpsFixture ops;
    private List<DeadLetters.Seeded> seeded;

    @BeforeEach
    void seed(KafkaFixture kafka, SchemaRegistryFixture registry) {
        ops = new OpsFixture(kafka, registry);
        seeded = ops.deadLetters.seed(ops.consumer, 3, FailureCategory.TRANSIENT,
                "java.net.SocketTimeoutException", true);
    }

    @Test
    void listCountsRecordsByStatusCategoryAndException() throws Exception {
        CliRun run = ops.run("dlq", "list", "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode ours = StreamSupport.stream(JSON.readTree(run.out()).spliterator(), false)
                .filter(n -> n.get("topic").asText().equals(ops.dlq)).findFirst().orElseThrow();
        assertThat(ours.get("records").asInt()).isEqualTo(4);
        assertThat(ours.at("/byStatus/OPEN").asInt()).isEqualTo(4);
        assertThat(ours.at("/byCategory/TRANSIENT").asInt()).isEqualTo(3);
        assertThat(ours.at("/byCategory/MALFORMED").asInt()).isEqualTo(1);
        assertThat(ours.get("byException").get("java.net.SocketTimeoutException").asInt()).isEqualTo(3);

        CliRun table = ops.run("dlq", "list");
        assertThat(table.out()).contains(ops.dlq).contains("OPEN").contains("by category:");
    }

    @Test
    void showDecodesAvroToJsonAndPoisonToHexWithTheError() throws Exception {
        CliRun run = ops.run("dlq", "show", "-t", ops.dlq, "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode records = JSON.readTree(run.out());
        assertThat(records).hasSize(4);
        JsonNode avro = find(records, seeded.get(0).orderId());
        assertThat(avro.at("/payload/type").asText()).isEqualTo("dev.orderflow.events.OrderPlaced");
        assertThat(avro.at("/payload/json/customerId").asText()).isEqualTo("c-" + seeded.get(0).orderId());
        assertThat(avro.at("/headers/dlq.consumer.group").asText()).isEqualTo(ops.consumer);
        assertThat(avro.get("status").asText()).isEqualTo("OPEN");
        JsonNode poison = find(records, "o-poison");
        assertThat(poison.at("/payload/error").asText()).contains("magic byte");
        assertThat(poison.at("/payload/hex").asText()).startsWith("7b226e6f74");
    }

    @Test
    void showFiltersByOrderEventCategoryAndException() {
        DeadLetters.Seeded first = seeded.get(0);
        assertThat(countShown("--order-id", first.orderId())).isEqualTo(1);
        assertThat(countShown("--event-id", first.eventId())).isEqualTo(1);
        assertThat(countShown("--category", "malformed")).isEqualTo(1);
        assertThat(countShown("--exception", "SocketTimeoutException")).isEqualTo(3);
        assertThat(countShown("--since", "1h")).isEqualTo(4);
        assertThat(countShown("--until", "1h")).isZero();
        assertThat(countShown("--status", "DISCARDED")).isZero();
    }

    @Test
    void showAsTablePrintsHeadersAndPayload() {
        CliRun run = ops.run("dlq", "show", "-t", ops.dlq, "--order-id", "o-poison");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("dlq.exception.class = org.apache.avro.AvroRuntimeException")
                .contains("payload: undecodable").contains("1 of 1 matching records shown");
    }

    @Test
    void exportWritesJsonLinesWithTheRawBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("export.jsonl");
        CliRun run = ops.run("dlq", "export", "-t", ops.dlq, "--output", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        JsonNode poison = lines.stream().map(DlqInspectIT::parse).filter(n -> n.get("key").asText().equals("o-poison"))
                .findFirst().orElseThrow();
        assertThat(Base64.getDecoder().decode(poison.get("valueBase64").asText()))
                .isEqualTo(seeded.get(3).value());

        CliRun again = ops.run("dlq", "export", "-t", ops.dlq, "--output", file.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("exists").contains("--force");
    }

    @Test
    void badInputExitsNonZeroWithOneLine() {
        CliRun unknown = ops.run("dlq", "show", "-t", "nobody-here.dlq");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(3);
        assertThat(unknown.err()).contains("does not exist").contains("dlq list").hasLineCount(1);

        CliRun offsets = ops.run("dlq", "show", "-t", ops.dlq, "--offsets", "9..3");
        assertThat(offsets.exitCode()).isEqualTo(2);
        assertThat(offsets.err()).contains("Invalid offset range").hasLineCount(1);

        CliRun partition = ops.run("dlq", "show", "-t", ops.dlq, "--partition", "7");
        assertThat(partition.exitCode()).isEqualTo(2);
        assertThat(partition.err()).contains("has 3 partitions");

        CliRun unreachable = ops.run("dlq", "list", "-b", "127.0.0.1:1", "--set", "timeout.ms=1000");
        assertThat(unreachable.exitCode()).as(unreachable.toString()).isEqualTo(4);
        assertThat(unreachable.err()).contains("cannot connect on Kafka at 127.0.0.1:1").hasLineCount(1);
    }

    @Test
    void anUnreachableRegistryLeavesPayloadsAsHexWithTheReason() {
        CliRun run = ops.run("dlq", "show", "-t", ops.dlq, "--format", "jsonl", "--registry-url",
                "http://127.0.0.1:1/apis/registry/v2");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines()).hasSize(4);
        assertThat(run.out().lines().filter(l -> l.contains("schema registry at http://127.0.0.1:1")))
                .as(run.out()).hasSize(3);
        assertThat(run.out().lines().filter(l -> l.contains("not Confluent-framed"))).hasSize(1);
    }

    @Test
    void aFrameWithAnUnknownSchemaIdSaysSo(KafkaFixture kafka) throws Exception {
        byte[] frame = {0, 0, 0x7f, 0x7f, 0x7f, 2, 4, 6};
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]>(
                kafka.producerConfig(), new org.apache.kafka.common.serialization.ByteArraySerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(ops.dlq, "o-unknown".getBytes(),
                    frame)).get();
        }

        CliRun run = ops.run("dlq", "show", "-t", ops.dlq, "--order-id", "o-unknown", "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode record = JSON.readTree(run.out()).get(0);
        assertThat(record.at("/payload/error").asText()).as(run.out()).contains("schema id 8355711");
        assertThat(record.at("/payload/hex").asText()).isEqualTo("00007f7f7f020406");
    }

    @Test
    void settingsComeFromAConfigFileWhenNotInTheEnvironment(@TempDir Path dir, KafkaFixture kafka,
                                                            SchemaRegistryFixture registry) throws Exception {
        Path file = dir.resolve("ops.properties");
        Files.writeString(file, "bootstrap.servers=" + kafka.bootstrapServers() + "\n"
                + "registry.url=" + registry.apicurioApiUrl() + "\n" + "audit.topic=" + ops.audit + "\n");

        CliRun run = ops.run(ops.context().withEnvironment(java.util.Map.of()), "dlq", "show", "-t", ops.dlq,
                "--config", file.toString(), "--format", "jsonl");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines()).hasSize(4).anyMatch(l -> l.contains("dev.orderflow.events.OrderPlaced"));
    }

    @Test
    void discardDryRunRecordsNothing() {
        CliRun dry = ops.run("dlq", "discard", "-t", ops.dlq, "--dry-run", "--reason", "looking");

        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("would discard " + ops.dlq).contains("dry run (--dry-run): nothing recorded");
        assertThat(ops.run("dlq", "show", "-t", ops.dlq, "--status", "OPEN", "--format", "jsonl").out().lines())
                .hasSize(4);
    }

    private int countShown(String... filter) {
        String[] args = new String[filter.length + 5];
        System.arraycopy(new String[]{"dlq", "show", "-t", ops.dlq, "--format=jsonl"}, 0, args, 0, 5);
        System.arraycopy(filter, 0, args, 5, filter.length);
        CliRun run = ops.run(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return (int) run.out().lines().filter(l -> !l.isBlank()).count();
    }

    private static JsonNode find(JsonNode records, String key) {
        return StreamSupport.stream(records.spliterator(), false).filter(n -> n.get("key").asText().equals(key))
                .findFirst().orElseThrow();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
