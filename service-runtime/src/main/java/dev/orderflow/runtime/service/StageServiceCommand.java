package dev.orderflow.runtime.service;

import dev.orderflow.runtime.config.SettingsOptions;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/**
 * The standalone entry point every stage service shares: {@code java -jar <service>.jar --config file.properties
 * [--set key=value ...]}. Runs until SIGTERM/Ctrl-C, then finishes the batch in flight, commits and exits 0.
 */
@Command(mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the stage service against Kafka, its PostgreSQL database, the schema registry and its "
                + "provider API until stopped (SIGTERM or Ctrl-C).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped cleanly (after SIGTERM or Ctrl-C the JVM reports 143 or 130)", "1:failed while running or could not start",
                "2:bad configuration (the message names the key)"},
        footer = {"", "Settings: a properties file, environment variables ORDERFLOW_<SERVICE>_<KEY> (dots as "
                + "underscores), then --set; later wins. Required: bootstrap.servers, registry.url, jdbc.url, "
                + "jdbc.user, provider.url."})
public final class StageServiceCommand implements Callable<Integer> {

    private final StageService service;


    @Mixin
    private SettingsOptions options;

    public StageServiceCommand(StageService service) {
        this.service = service;
    }

    /** Runs the command line and returns the exit code. */
    public static int run(StageService service, String... args) {
        CommandLine command = new CommandLine(new StageServiceCommand(service)).setCommandName(service.name());
        command.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException) {
                cmd.getErr().println(service.name() + ": bad configuration: " + e.getMessage());
                return 2;
            }
            cmd.getErr().println(service.name() + ": cannot start: " + e);
            return 1;
        });
        return command.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> settings = ServiceSettings.load(service.name(), options.configFile(), System.getenv(),
                options.explicit());
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CountDownLatch stopped = new CountDownLatch(1);
        StageServiceRunner runner = StageServiceRunner.start(service, settings, meters, Clock.systemUTC());
        Thread hook = new Thread(() -> {
            runner.close();
            stopped.countDown();
        }, service.name() + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        return 0;
    }
}
