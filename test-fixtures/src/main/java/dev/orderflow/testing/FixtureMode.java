package dev.orderflow.testing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which infrastructure the fixtures start when no external server is named: the embedded parts (in-process broker,
 * zonky PostgreSQL, the registry as a child process) or Testcontainers. Set with the system property
 * {@value #PROPERTY} or the environment variable {@code ORDERFLOW_FIXTURES}; {@code auto} (the default) takes
 * containers when a Docker engine answers and the embedded parts otherwise.
 */
public enum FixtureMode {
    AUTO, EMBEDDED, CONTAINERS;

    private static final Logger log = LoggerFactory.getLogger(FixtureMode.class);

    public static final String PROPERTY = "orderflow.fixtures";

    /** Parses a setting; blank means {@link #AUTO}. Anything else fails naming the setting and the valid values. */
    public static FixtureMode parse(Optional<String> setting) {
        if (setting.isEmpty() || setting.get().isBlank()) {
            return AUTO;
        }
        String value = setting.get().trim();
        return Arrays.stream(values()).filter(m -> m.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Invalid value " + value + " for configuration "
                        + PROPERTY + " (or ORDERFLOW_FIXTURES): expected one of " + Arrays.stream(values())
                        .map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
    }

    /**
     * What to start: {@link #EMBEDDED} or {@link #CONTAINERS}, never {@link #AUTO}. The Docker probe runs only in
     * {@code auto} mode; an explicit mode never touches Docker.
     */
    public FixtureMode resolve(BooleanSupplier dockerAvailable) {
        return switch (this) {
            case AUTO -> dockerAvailable.getAsBoolean() ? CONTAINERS : EMBEDDED;
            case EMBEDDED, CONTAINERS -> this;
        };
    }

    /** The mode this JVM's settings ask for, resolved with the Docker probe when they say {@code auto}. */
    static FixtureMode fromSettings() {
        FixtureMode asked = parse(TestSettings.get(PROPERTY));
        FixtureMode mode = asked.resolve(DockerProbe::dockerAvailable);
        log.info("integration tests start {} infrastructure ({}={}{})", mode == CONTAINERS ? "container" : "embedded",
                PROPERTY, asked.name().toLowerCase(Locale.ROOT), asked == AUTO
                        ? (mode == CONTAINERS ? ", a Docker engine answered" : ", no Docker engine found") : "");
        return mode;
    }
}
