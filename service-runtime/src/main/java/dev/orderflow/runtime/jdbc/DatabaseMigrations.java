package dev.orderflow.runtime.jdbc;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a service database to the current schema with Flyway: the runtime's tables (outbox, dedupe) from
 * {@value #RUNTIME_LOCATION} plus the service's own migrations. The runtime owns versions 1-99; services number
 * theirs from 100 so both can grow independently.
 */
public final class DatabaseMigrations {

    public static final String RUNTIME_LOCATION = "classpath:db/migration/orderflow-runtime";

    private DatabaseMigrations() {
    }

    /** Applies pending migrations; returns how many were applied. */
    public static int migrate(DataSource dataSource, String... serviceLocations) {
        return migrate(Flyway.configure().dataSource(dataSource), serviceLocations);
    }

    /** Same, for a database given by URL, as a command-line tool or test has it. */
    public static int migrate(String jdbcUrl, String user, String password, String... serviceLocations) {
        return migrate(Flyway.configure().dataSource(jdbcUrl, user, password), serviceLocations);
    }

    private static int migrate(org.flywaydb.core.api.configuration.FluentConfiguration flyway,
                               String... serviceLocations) {
        List<String> locations = new ArrayList<>();
        locations.add(RUNTIME_LOCATION);
        locations.addAll(List.of(serviceLocations));
        MigrateResult result = flyway
                .locations(locations.toArray(String[]::new))
                .failOnMissingLocations(true)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
