package dev.orderflow.dlq.cli;

import dev.orderflow.dlq.config.OpsConfig;
import dev.orderflow.dlq.domain.PayloadDecoder;
import dev.orderflow.dlq.domain.Selected;
import dev.orderflow.dlq.format.Json;
import dev.orderflow.dlq.format.OutputFormat;
import dev.orderflow.dlq.format.RecordRenderer;
import dev.orderflow.dlq.kafka.DeadLetterQuery;
import dev.orderflow.dlq.kafka.KafkaAccess;
import dev.orderflow.dlq.kafka.RegistryPayloadDecoder;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "show", description = {
    "Dead letters of one DLQ with their headers, status and payload decoded from Avro to JSON through the",
    "schema registry; a payload that cannot be decoded is shown as hex with the decode error."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  orderflow-ops dlq show -t payment-consumer.dlq --status OPEN",
            "  orderflow-ops dlq show -t payment-consumer.dlq -p 2 -o 100..250 --category MALFORMED",
            "  orderflow-ops dlq show -t payment-consumer.dlq --order-id o-1842 --format json",
            "  orderflow-ops dlq show -t inventory-consumer.dlq --since 2h --exception SocketTimeoutException"})
final class ShowCommand extends OpsCommand {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    SelectionOptions selection;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or jsonl (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--max", paramLabel = "N", defaultValue = "100",
            description = "Print at most N records (default: ${DEFAULT-VALUE}).")
    int max;

    ShowCommand(OpsContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        var filter = selection.filter(context.clock());
        OpsConfig config = connection.load(context);
        try (KafkaAccess kafka = new KafkaAccess(config)) {
            kafka.checkReachable();
            List<String> warnings = new ArrayList<>();
            List<Selected> selected = new DeadLetterQuery(kafka).select(selection.topic(), filter, warnings);
            warn(warnings);
            try (PayloadDecoder decoder = decoder(config)) {
                print(selected, decoder);
            }
        }
        return 0;
    }

    static PayloadDecoder decoder(OpsConfig config) {
        return config.registryUrl().isEmpty() ? PayloadDecoder.NONE : new RegistryPayloadDecoder(config.registryUrl());
    }

    private void print(List<Selected> selected, PayloadDecoder decoder) {
        List<Selected> shown = selected.subList(0, Math.min(max, selected.size()));
        switch (format) {
            case table -> {
                shown.forEach(s -> RecordRenderer.table(s, decode(decoder, s), out()));
                out().printf("%d of %d matching records shown%n", shown.size(), selected.size());
            }
            case json -> {
                var array = Json.array();
                shown.forEach(s -> array.add(RecordRenderer.toJson(s, decode(decoder, s), false)));
                out().println(Json.pretty(array));
            }
            case jsonl -> shown.forEach(s -> out().println(Json.compact(RecordRenderer.toJson(s, decode(decoder, s),
                    false))));
        }
        if (shown.size() < selected.size() && format != OutputFormat.table) {
            err().printf("%d more matching records not shown: narrow the selection or raise --max%n",
                    selected.size() - shown.size());
        }
        out().flush();
    }

    private static dev.orderflow.dlq.domain.DecodedPayload decode(PayloadDecoder decoder, Selected s) {
        return decoder.decode(s.record().ref().topic(), s.record().value());
    }
}
