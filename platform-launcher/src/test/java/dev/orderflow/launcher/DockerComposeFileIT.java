package dev.orderflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.orderstream.config.OrderStreamConfig;
import dev.orderflow.orderstream.config.OrderStreamSettings;
import dev.orderflow.relay.RelaySettings;
import dev.orderflow.relay.config.RelayConfig;
import dev.orderflow.runtime.consumer.ConsumerSettings;
import dev.orderflow.runtime.policy.StagePolicyConfig;
import dev.orderflow.runtime.service.ServiceSettings;
import dev.orderflow.runtime.service.StageService;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run on the build machines (no Docker engine), so it is checked here: its structure,
 * every reference (services, build modules, mounted files), and every service setting passed as an environment
 * variable, through the same configuration classes the services validate their settings with at start-up.
 */
class DockerComposeFileIT {

    private static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory",
            Path.of("").toAbsolutePath().getParent().toString()));

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceIsBuildableWiredAndConfiguredWithKeysItAccepts() throws Exception {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("kafka", "topics", "postgres", "registry", "provider-sandbox",
                "outbox-relay", "order-stream");

        for (Map.Entry<String, Map<String, Object>> entry : services.entrySet()) {
            String name = entry.getKey();
            Map<String, Object> service = entry.getValue();
            assertThat(service.containsKey("image") || service.containsKey("build"))
                    .as("%s has an image or a build", name).isTrue();
            if (service.get("build") instanceof Map<?, ?> build) {
                assertThat(ROOT.resolve((String) build.get("dockerfile"))).as(name + " Dockerfile").exists();
                String module = (String) ((Map<String, Object>) build.get("args")).get("MODULE");
                assertThat(ROOT.resolve(module).resolve("pom.xml")).as(name + " module").exists();
                assertThat(service).as("%s is a long-running service with a health check", name)
                        .containsKey("healthcheck");
            }
            if (service.get("depends_on") instanceof Map<?, ?> dependsOn) {
                for (Map.Entry<?, ?> dependency : dependsOn.entrySet()) {
                    String target = (String) dependency.getKey();
                    assertThat(services).as("%s depends on %s", name, target).containsKey(target);
                    String condition = (String) ((Map<String, Object>) dependency.getValue()).get("condition");
                    assertThat(condition).isIn("service_started", "service_healthy",
                            "service_completed_successfully");
                    if (condition.equals("service_healthy")) {
                        assertThat(services.get(target)).as("%s has a health check", target)
                                .containsKey("healthcheck");
                    }
                }
            }
            if (service.get("volumes") instanceof List<?> volumes) {
                for (Object volume : volumes) {
                    String source = volume.toString().split(":")[0];
                    assertThat(ROOT.resolve(source).normalize()).as("%s mounts %s", name, source).exists();
                }
            }
        }

        Map<String, String> relayEnv = environment(services.get("outbox-relay"));
        RelayConfig relay = new RelayConfig(RelaySettings.load(null, relayEnv, Map.of()));
        assertThat(relay.getList(RelayConfig.SOURCES)).as("the relay reads every stage service's database")
                .containsAll(PlatformServices.stageServices().keySet());

        Map<String, String> streamEnv = environment(services.get("order-stream"));
        assertThat(streamEnv).isNotEmpty();
        new OrderStreamConfig(OrderStreamSettings.load(null, streamEnv, Map.of()));

        for (StageService stage : PlatformServices.stageServices().values()) {
            Map<String, String> env = environment(services.get(stage.name()));
            assertThat(env).as("%s is in docker-compose.yml", stage.name()).isNotEmpty();
            Map<String, String> settings = ServiceSettings.load(stage.name(), null, env, Map.of());
            assertThat(settings.keySet()).as("%s: every variable carries its service's prefix", stage.name())
                    .hasSameSizeAs(env.keySet());
            ServiceSettings.Split split = ServiceSettings.split(settings, stage.settingsDefinition());
            new ServiceSettings(split.service());
            new AbstractConfig(stage.settingsDefinition(), split.stage());
            StagePolicyConfig.load(stage.stage(), split.policy(), stage.policyDefaults());
            Map<String, Object> consumer = new HashMap<>(split.consumer());
            consumer.putIfAbsent(ConsumerSettings.NAME, stage.name());
            consumer.putIfAbsent(ConsumerSettings.INPUT_TOPICS, String.join(",", stage.defaultInputTopics()));
            new ConsumerSettings(consumer);
        }
    }

    @Test
    void theTopicScriptCreatesWhatTheServicesRead() throws Exception {
        String script = Files.readString(ROOT.resolve("docker/create-topics.sh"));
        Set<String> inputs = PlatformServices.stageServices().values().stream()
                .flatMap(s -> s.defaultInputTopics().stream()).collect(Collectors.toSet());
        assertThat(inputs).allSatisfy(topic -> assertThat(script).contains(topic));
        for (StageService stage : PlatformServices.stageServices().values()) {
            assertThat(script).as("%s's dead-letter and replay topics", stage.name()).contains(stage.name());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new HashMap<>();
        if (service != null && service.get("environment") instanceof Map<?, ?> vars) {
            ((Map<String, Object>) vars).forEach((k, v) -> env.put(k, String.valueOf(v)));
        }
        return env;
    }
}
