package dev.orderflow.dlq.cli;

import dev.orderflow.dlq.OpsException;
import dev.orderflow.dlq.config.OpsConfig;
import dev.orderflow.dlq.domain.PayloadDecoder;
import dev.orderflow.dlq.domain.Selected;
import dev.orderflow.dlq.format.Json;
import dev.orderflow.dlq.format.RecordRenderer;
import dev.orderflow.dlq.kafka.DeadLetterQuery;
import dev.orderflow.dlq.kafka.KafkaAccess;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", description = {
    "Writes selected dead letters to a JSON Lines file, one record per line, for tickets and offline analysis:",
    "headers, status, the decoded payload (or hex and the decode error) and the raw key and value as base64."},
        footerHeading = "%nExamples:%n",
        footer = {"  orderflow-ops dlq export -t payment-consumer.dlq --status OPEN --output INC-1234.jsonl"})
final class ExportCommand extends OpsCommand {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    SelectionOptions selection;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The JSON Lines file to write.")
    Path output;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    ExportCommand(OpsContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        var filter = selection.filter(context.clock());
        if (Files.exists(output) && !force) {
            throw OpsException.usage(output + " exists: choose another --output or add --force to overwrite it");
        }
        OpsConfig config = connection.load(context);
        try (KafkaAccess kafka = new KafkaAccess(config)) {
            kafka.checkReachable();
            List<String> warnings = new ArrayList<>();
            List<Selected> selected = new DeadLetterQuery(kafka).select(selection.topic(), filter, warnings);
            warn(warnings);
            try (PayloadDecoder decoder = ShowCommand.decoder(config)) {
                write(selected, decoder);
            }
            out().printf("exported %d records of %s to %s%n", selected.size(), selection.topic(), output);
            out().flush();
        }
        return 0;
    }

    private void write(List<Selected> selected, PayloadDecoder decoder) {
        try (BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            for (Selected s : selected) {
                writer.write(Json.compact(RecordRenderer.toJson(s,
                        decoder.decode(s.record().ref().topic(), s.record().value()), true)));
                writer.newLine();
            }
        } catch (IOException e) {
            throw OpsException.usage("cannot write " + output + ": " + e.getMessage());
        }
    }
}
