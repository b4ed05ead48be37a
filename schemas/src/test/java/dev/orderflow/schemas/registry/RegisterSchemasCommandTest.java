package dev.orderflow.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.schemas.EventCatalog;
import dev.orderflow.schemas.compat.CompatibilityGate;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line of the registration tool, run with writers and a recording transport: no network. */
class RegisterSchemasCommandTest {

    private final RecordingTransport registry = new RecordingTransport();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CommandLine command = RegisterSchemasCommand
            .commandLine(url -> new SchemaRegistrar(url, CompatibilityGate.packaged()::levelOf, registry))
            .setOut(new PrintWriter(out)).setErr(new PrintWriter(err));

    @Test
    void dryRunListsEverySubjectWithItsLevelAndSendsNothing() {
        int exit = command.execute("--registry-url", "http://registry:8081", "--dry-run");

        assertThat(exit).isZero();
        assertThat(out.toString().lines()).hasSize(EventCatalog.types().size() + 1)
                .contains("would register dev.orderflow.events.OrderPlaced with compatibility FULL: "
                        + "PUT http://registry:8081/config/dev.orderflow.events.OrderPlaced, "
                        + "POST http://registry:8081/subjects/dev.orderflow.events.OrderPlaced/versions")
                .last().isEqualTo("dry run: nothing sent to http://registry:8081/");
        assertThat(registry.requests).isEmpty();
    }

    @Test
    void registersEveryCatalogSchemaAndPrintsTheIds() {
        for (int id = 1; id <= EventCatalog.types().size(); id++) {
            registry.answer(200, "{}").answer(200, "{\"id\":" + id + "}");
        }

        int exit = command.execute("--registry-url", "http://registry:8081");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("registered dev.orderflow.events.OrderPlaced as schema id 1")
                .contains(EventCatalog.types().size() + " schemas registered at http://registry:8081/");
    }

    @Test
    void aRefusalIsOneErrorLineAndExitCodeOne() {
        registry.answer(200, "{}").answer(409, "{\"error_code\":409,\"message\":\"incompatible\"}");

        int exit = command.execute("--registry-url", "http://registry:8081");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("error: cannot register dev.orderflow.events.OrderPlaced: "
                + "the registry refused an incompatible schema (409): incompatible");
    }

    @Test
    void theRegistryUrlIsRequired() {
        assertThat(command.execute("--dry-run")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--registry-url=<url>'");
    }

    @Test
    void helpShowsExamplesAndExitCodes() {
        assertThat(command.execute("--help")).isZero();
        assertThat(out.toString()).contains("--dry-run").contains("Examples:").contains("Exit codes:");
    }

    @Test
    void mainRunsTheSameCommandAgainstTheRealRegistrar() {
        assertThat(RegisterSchemasCommand.commandLine().getCommandName()).isEqualTo("register-schemas");
    }
}
