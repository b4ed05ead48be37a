package dev.orderflow.docs;

import dev.orderflow.dlq.config.OpsConfig;
import dev.orderflow.dlq.config.OpsSettings;
import dev.orderflow.inventory.InventoryService;
import dev.orderflow.orderstream.config.OrderStreamConfig;
import dev.orderflow.orderstream.config.OrderStreamSettings;
import dev.orderflow.payment.PaymentService;
import dev.orderflow.relay.RelaySettings;
import dev.orderflow.relay.config.RelayConfig;
import dev.orderflow.relay.config.SourceConfig;
import dev.orderflow.runtime.consumer.ConsumerSettings;
import dev.orderflow.runtime.policy.StagePolicyConfig;
import dev.orderflow.runtime.service.ServiceSettings;
import dev.orderflow.runtime.service.StageService;
import dev.orderflow.shipping.ShippingService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.types.Password;

/**
 * Renders the configuration reference from the components' {@link ConfigDef}s (key, type, default, valid values,
 * importance, description) and splices it into a Markdown file between {@value #START} and {@value #END}.
 *
 * <pre>
 * java -jar docs-tools/target/docs-tools.jar --write docs/configuration.md   # regenerate
 * java -jar docs-tools/target/docs-tools.jar --check docs/configuration.md   # exit 1 when stale
 * </pre>
 */
public final class ConfigReference {

    public static final String START = "<!-- config-reference:start -->";
    public static final String END = "<!-- config-reference:end -->";
    public static final String REGENERATE_COMMAND = "bin/config-reference";
    /** Source keys depend on the source's name (its slot's default, for one); the table shows them for this one. */
    private static final String EXAMPLE_SOURCE = "orders";

    /** One table of keys under a heading. */
    record Table(String heading, ConfigDef definition) {
    }

    /** A deployable (or the CLI) with its keys and how they are given. */
    record Component(String name, String envPrefix, String sources, List<Table> tables, List<String> notes) {
    }

    private ConfigReference() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length != 2 || !(args[0].equals("--write") || args[0].equals("--check"))) {
            err.println("usage: ConfigReference --write|--check FILE   (FILE holds the markers " + START + " / " + END
                    + ")");
            return 2;
        }
        Path file = Path.of(args[1]);
        String current = Files.readString(file, StandardCharsets.UTF_8);
        String updated = splice(current, render(components()));
        if (args[0].equals("--check")) {
            if (!updated.equals(current)) {
                err.println(file + ": the configuration reference is stale; regenerate it with " + REGENERATE_COMMAND);
                return 1;
            }
            out.println(file + ": the configuration reference is up to date");
            return 0;
        }
        if (!updated.equals(current)) {
            Files.writeString(file, updated, StandardCharsets.UTF_8);
        }
        out.println(file + ": configuration reference " + (updated.equals(current) ? "unchanged" : "written"));
        return 0;
    }

    /** Every component of the platform, in the order a reader meets them. */
    static List<Component> components() {
        List<Component> components = new ArrayList<>();
        List<Table> stageTables = new ArrayList<>(List.of(
                new Table("Service", ServiceSettings.DEFINITION),
                new Table("Consumer runtime", ConsumerSettings.DEFINITION)));
        for (StageService service : List.of(new InventoryService(), new PaymentService(), new ShippingService())) {
            String prefix = StagePolicyConfig.PREFIX + service.stage() + ".";
            stageTables.add(new Table("Stage policy of " + service.name() + " (`" + prefix + "*`)",
                    StagePolicyConfig.definition(prefix, service.policyDefaults())));
            if (!service.settingsDefinition().names().isEmpty()) {
                stageTables.add(new Table("Keys of " + service.name() + " only", service.settingsDefinition()));
            }
        }
        components.add(new Component("Stage services (inventory-consumer, payment-consumer, shipping-consumer)",
                ServiceSettings.envPrefix("<service>"),
                "`java -jar <module>/target/<module>.jar --config FILE --set KEY=VALUE`; the environment prefix is the "
                        + "service name, e.g. `" + ServiceSettings.envPrefix("payment-consumer") + "POLICY_PAYMENT_"
                        + "ATTEMPT_TIMEOUT`",
                stageTables,
                List.of("`" + ConsumerSettings.KAFKA_CONSUMER_PREFIX + "*` and `" + ConsumerSettings.KAFKA_PRODUCER_PREFIX
                        + "*` keys go to the Kafka consumer and producer as they are (security, TLS, SASL).",
                        "Each service reads only its own stage's `policy.<stage>.*` keys; the defaults differ per "
                                + "stage, hence one table each.")));
        components.add(new Component("Outbox relay", RelaySettings.ENV_PREFIX,
                "`java -jar outbox-relay/target/outbox-relay.jar --config FILE --set KEY=VALUE`",
                List.of(new Table("Relay", RelayConfig.definition()),
                        new Table("Each source database: `" + RelayConfig.SOURCE_PREFIX + "<name>.*` for every name in `"
                                + RelayConfig.SOURCES + "` (shown for a source named `" + EXAMPLE_SOURCE + "`)",
                                SourceConfig.definition(EXAMPLE_SOURCE))),
                List.of("`" + RelayConfig.PRODUCER_PREFIX + "*` keys go to the Kafka producer and `"
                        + RelayConfig.DEBEZIUM_PREFIX + "*` keys to Debezium's engine, except the ones the relay "
                        + "must own (start-up names them).")));
        components.add(new Component("Order stream", OrderStreamSettings.ENV_PREFIX,
                "`java -jar order-stream/target/order-stream.jar --config FILE --set KEY=VALUE`",
                List.of(new Table("Order stream", OrderStreamConfig.definition())),
                List.of("`" + OrderStreamConfig.ESCALATION_DEADLINE_PREFIX + "<STATE>` sets the escalation deadline of "
                        + "one order state (the state in upper case, e.g. `" + OrderStreamSettings.ENV_PREFIX
                        + "ESCALATION_DEADLINE_PAYMENT_PENDING=30m`).",
                        "`" + OrderStreamConfig.STREAMS_PREFIX + "*` keys go to Kafka Streams as they are, except the "
                                + "ones the application owns.")));
        components.add(new Component("Operators' CLI (dlq-tools)", OpsSettings.ENV_PREFIX,
                "`bin/orderflow-ops --config FILE --set KEY=VALUE` (or `" + OpsSettings.CONFIG_FILE_ENV
                        + "=FILE`), and flags such as `--bootstrap-servers`",
                List.of(new Table("CLI", OpsConfig.definition())),
                List.of("`" + OpsConfig.CLIENT_PREFIX + "*` keys go to every Kafka client as they are (security, TLS, "
                        + "SASL).")));
        return components;
    }

    /** The Markdown between the markers: one section per component, one table per definition. */
    static String render(List<Component> components) {
        StringBuilder md = new StringBuilder();
        md.append("<!-- Generated from the components' ConfigDefs by docs-tools; edit the code, then run ")
                .append(REGENERATE_COMMAND).append(". -->\n");
        for (Component component : components) {
            md.append("\n### ").append(component.name()).append("\n\n");
            md.append("Given in a properties file, as environment variables `").append(component.envPrefix())
                    .append("<KEY>` (upper case, dots as underscores) or on the command line; later wins: ")
                    .append(component.sources()).append(".\n");
            for (String note : component.notes()) {
                md.append("\n").append(note).append("\n");
            }
            for (Table table : component.tables()) {
                md.append("\n#### ").append(table.heading()).append("\n\n").append(table(table.definition()));
            }
        }
        return md.toString();
    }

    /** One Markdown table, keys in the order the definition declares them. */
    static String table(ConfigDef definition) {
        StringBuilder md = new StringBuilder("| key | type | default | valid values | importance | description |\n"
                + "|---|---|---|---|---|---|\n");
        for (ConfigKey key : definition.configKeys().values()) {
            md.append("| `").append(key.name).append("` | ")
                    .append(key.type.name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(cell(defaultValue(key))).append(" | ")
                    .append(cell(prose(validValues(key)))).append(" | ")
                    .append(key.importance.name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(cell(prose(key.documentation))).append(" |\n");
        }
        return md.toString();
    }

    static String defaultValue(ConfigKey key) {
        if (!key.hasDefault()) {
            return "*required*";
        }
        if (key.defaultValue == null) {
            return "*none*";
        }
        if (key.defaultValue instanceof Password password) {
            return password.value().isEmpty() ? "*empty*" : "*hidden*";
        }
        String text = ConfigDef.convertToString(key.defaultValue, key.type);
        return text.isEmpty() ? "*empty*" : "`" + text + "`";
    }

    /** A validator's own description; nothing for one that has none (a lambda), the description says it then. */
    static String validValues(ConfigKey key) {
        if (key.validator == null) {
            return "";
        }
        String text = key.validator.toString();
        return text.contains("$$Lambda") || text.matches("(?s).*@[0-9a-f]+") ? "" : text;
    }

    /** Table-safe text: one line, pipes escaped. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("\r", "").replace("\n", " ").replace("|", "\\|").trim();
    }

    /** Prose outside code spans: angle brackets as entities, so a {@code <name>} is not taken for a tag. */
    private static String prose(String text) {
        return text == null ? "" : text.replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@code document} with the text between the markers replaced by {@code reference}. */
    static String splice(String document, String reference) {
        int start = document.indexOf(START);
        int end = document.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("the document has no " + START + " ... " + END + " markers");
        }
        return document.substring(0, start + START.length()) + "\n" + reference + "\n" + document.substring(end);
    }
}
