package dev.orderflow.bench.naive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code benchmark naive ledger}: the ledger yardstick for a sandbox another pipeline drove, e.g. the stage-aware
 * system's under {@code bin/orderflow-local --keep-running}, so its figures line up with the naive run's.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = {"Prints the ledger figures of another pipeline's running sandbox.",
            "Reads GET /ledger and GET /ledger/invariants: first side effect -> shipment",
            "accepted latency, shipments accepted per second, duplicate charges,",
            "oversells, charges and reservations still live on orders that did not ship."},
        footer = {"", "Example (the sandbox's address is in the orderflow-local banner):",
            "  bin/orderflow-local --orders 1000 --rate 100 --faults realistic --keep-running",
            "  bin/benchmark naive ledger --sandbox http://127.0.0.1:18090"})
public final class LedgerFiguresCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sandbox", required = true, paramLabel = "URL", description = "The sandbox's base URL.")
    URI sandbox;

    @Option(names = "--json", defaultValue = "benchmark/target/ledger-figures.json",
            description = "Where the JSON figures go (default: ${DEFAULT-VALUE}).")
    Path jsonReport;

    @Override
    public Integer call() throws Exception {
        ObjectMapper json = new ObjectMapper();
        SandboxLedger ledger = new SandboxLedger(sandbox, json);
        LedgerFigures figures = LedgerFigures.of(ledger.timedEntries());
        LedgerAudit.Invariants invariants = ledger.invariants();
        StringBuilder md = new StringBuilder("# Ledger of ").append(sandbox).append("\n\n| figure | value |\n|---|---|\n");
        row(md, "duplicate charges (orders charged more than once)", invariants.multipleCharges().size());
        row(md, "multiple shipments", invariants.multipleShipments().size());
        row(md, "multiple live reservations", invariants.multipleLiveReservations().size());
        row(md, "shipments without a live charge", invariants.shipmentsWithoutCharge().size());
        row(md, "negative stock SKUs at the provider", invariants.negativeStock().size());
        NaiveReport.ledger(md, figures);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sandbox", sandbox.toString());
        out.put("invariants", invariants);
        out.put("ledger", NaiveReport.ledgerJson(figures));
        Path parent = jsonReport.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(jsonReport, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(out));
        PrintWriter writer = spec.commandLine().getOut();
        writer.println(md);
        writer.println("Figures: " + jsonReport);
        return 0;
    }

    private static void row(StringBuilder md, String name, Object value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }
}
