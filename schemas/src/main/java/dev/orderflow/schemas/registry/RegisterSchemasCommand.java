package dev.orderflow.schemas.registry;

import dev.orderflow.schemas.EventCatalog;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The command line of {@link SchemaRegistrar}: registers every event type of the catalog in a registry. */
@Command(name = "register-schemas",
        mixinStandardHelpOptions = true,
        description = {
            "Registers every orderflow event schema in a Confluent-compatible schema registry, one subject per",
            "event type named after the record (RecordNameStrategy), after setting the subject's compatibility",
            "level to the one the build's gate checks (FULL for OrderPlaced, BACKWARD for the others).",
            "Registering a schema the registry already holds changes nothing and prints its id again."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  register-schemas --registry-url http://127.0.0.1:8081/apis/ccompat/v7 --dry-run",
            "  register-schemas --registry-url https://registry.example.com",
            "",
            "Exit codes: 0 registered (or listed), 1 the registry refused a schema or could not be reached,",
            "2 invalid command line."})
final class RegisterSchemasCommand implements Callable<Integer> {

    static final int REGISTRY_FAILED = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--registry-url", required = true, paramLabel = "<url>",
            description = "Base URL of the registry's Confluent API, e.g. http://host:8081 (Confluent, Karapace) or "
                    + "http://host:8080/apis/ccompat/v7 (Apicurio).")
    private URI registryUrl;

    @Option(names = "--dry-run",
            description = "List each subject, its compatibility level and the requests, without sending any.")
    private boolean dryRun;

    private final Function<URI, SchemaRegistrar> registrars;

    RegisterSchemasCommand(Function<URI, SchemaRegistrar> registrars) {
        this.registrars = registrars;
    }

    /** The command as {@code main} runs it: registry errors print as one message, not a stack trace. */
    static CommandLine commandLine() {
        return commandLine(SchemaRegistrar::withPackagedLevels);
    }

    static CommandLine commandLine(Function<URI, SchemaRegistrar> registrars) {
        return new CommandLine(new RegisterSchemasCommand(registrars))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (!(e instanceof SchemaRegistrationException || e instanceof UncheckedIOException)) {
                        throw e;
                    }
                    cmd.getErr().println("error: " + e.getMessage());
                    return REGISTRY_FAILED;
                });
    }

    @Override
    public Integer call() {
        SchemaRegistrar registrar = registrars.apply(registryUrl);
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            for (SchemaRegistrar.Registration r : registrar.plan(EventCatalog.schemas())) {
                out.printf("would register %s with compatibility %s: PUT %s, POST %s%n", r.subject(), r.level(),
                        registrar.configRequest(r.subject(), r.level()).uri(),
                        registrar.registerRequest(r.subject(), r.schema()).uri());
            }
            out.printf("dry run: nothing sent to %s%n", registrar.baseUrl());
        } else {
            Map<String, Integer> ids = registrar.registerAll();
            ids.forEach((subject, id) -> out.printf("registered %s as schema id %d%n", subject, id));
            out.printf("%d schemas registered at %s%n", ids.size(), registrar.baseUrl());
        }
        out.flush();
        return 0;
    }
}
