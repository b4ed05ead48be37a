package dev.orderflow.launcher;

import dev.orderflow.runtime.outbox.OutboxMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the local platform starts and where.
 *
 * @param kafkaPort      broker port on 127.0.0.1 (0 = any free port)
 * @param registryPort   schema registry port on 127.0.0.1 (0 = any free port)
 * @param postgresPort   embedded PostgreSQL port (0 = any free port); ignored with {@code externalPostgres}
 * @param externalPostgres a server to use instead of the embedded one
 * @param registryJar    the schema registry server built by {@code schema-registry-server}
 * @param serviceDatabases one database per service, created at start
 * @param faultProfile   the provider sandbox's fault profile: none, realistic or harsh
 * @param outbox         how the services and the order intake write their outbox
 */
record LocalPlatformSettings(
        int kafkaPort,
        int registryPort,
        int postgresPort,
        Optional<ExternalPostgres> externalPostgres,
        Path registryJar,
        List<String> serviceDatabases,
        String faultProfile,
        OutboxMode outbox) {

    /** The databases of the services that own state; DESIGN.md: one database per service. */
    static final List<String> SERVICE_DATABASES = List.of("orders", "inventory", "payment", "shipping");

    LocalPlatformSettings {
        Objects.requireNonNull(externalPostgres, "externalPostgres");
        Objects.requireNonNull(registryJar, "registryJar");
        Objects.requireNonNull(outbox, "outbox");
        serviceDatabases = List.copyOf(serviceDatabases);
    }

    record ExternalPostgres(String adminJdbcUrl, String user, String password) {
        @Override
        public String toString() {
            return "ExternalPostgres[adminJdbcUrl=" + adminJdbcUrl + ", user=" + user + ", password=****]";
        }
    }
}
