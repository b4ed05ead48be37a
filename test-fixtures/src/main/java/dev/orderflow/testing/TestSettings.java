package dev.orderflow.testing;

import java.util.Optional;

/**
 * Where the integration tests find their infrastructure. Each setting is read from a system property or, failing
 * that, an environment variable; when none is set, the fixtures start the parts themselves, in containers or
 * embedded ({@link FixtureMode}).
 *
 * <ul>
 *   <li>{@code orderflow.test.kafka.bootstrap} / {@code ORDERFLOW_TEST_KAFKA_BOOTSTRAP}: an existing Kafka cluster</li>
 *   <li>{@code orderflow.test.postgres.url} / {@code ORDERFLOW_TEST_POSTGRES_URL}: a PostgreSQL server with
 *       {@code wal_level=logical} (admin database URL), with {@code .user}/{@code _USER} and
 *       {@code .password}/{@code _PASSWORD}</li>
 *   <li>{@code orderflow.test.registry.url} / {@code ORDERFLOW_TEST_REGISTRY_URL}: a Confluent-compatible registry
 *       (base URL of its Confluent API)</li>
 *   <li>{@code orderflow.fixtures} / {@code ORDERFLOW_FIXTURES}: {@code auto} (default), {@code embedded} or
 *       {@code containers}</li>
 *   <li>{@code orderflow.test.image.kafka}, {@code .postgres}, {@code .registry}: other container images</li>
 *   <li>{@code orderflow.registry.jar}: the registry server to launch (set by the build)</li>
 * </ul>
 */
final class TestSettings {

    private TestSettings() {
    }

    static Optional<String> get(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase().replace('.', '_'));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
