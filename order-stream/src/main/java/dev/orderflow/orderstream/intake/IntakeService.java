package dev.orderflow.orderstream.intake;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.orderflow.orderstream.config.OrderStreamConfig.IntakeDatabase;
import dev.orderflow.runtime.jdbc.DatabaseMigrations;
import dev.orderflow.runtime.serde.EventSerdes;
import dev.orderflow.runtime.serde.RegistrySettings;

/**
 * The intake API as order-stream runs it: its database pool, migrated (the runtime's outbox and the intake's
 * idempotency table), and the {@code POST /orders} handler on top. Closing it closes the pool.
 */
public final class IntakeService implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final OrderIntakeHandler handler;

    private IntakeService(HikariDataSource dataSource, OrderIntakeHandler handler) {
        this.dataSource = dataSource;
        this.handler = handler;
    }

    public static IntakeService start(IntakeDatabase database, RegistrySettings registry) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("order-intake");
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername(database.user());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(Math.min(database.maxInFlight(), 16));
        HikariDataSource dataSource = new HikariDataSource(pool);
        try {
            DatabaseMigrations.migrate(dataSource, OrderIntake.MIGRATIONS);
            OrderIntakeHandler handler = OrderIntakeHandler.create(
                    IntakeSettings.defaults().withMaxInFlight(database.maxInFlight())
                            .withOutboxMode(database.outboxMode()), dataSource,
                    EventSerdes.valueSerializer(registry));
            return new IntakeService(dataSource, handler);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    public OrderIntakeHandler handler() {
        return handler;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
