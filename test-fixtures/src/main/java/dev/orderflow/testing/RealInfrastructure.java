package dev.orderflow.testing;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that hands integration tests the real infrastructure: declare a {@link KafkaFixture},
 * {@link PostgresFixture} or {@link SchemaRegistryFixture} parameter (constructor, lifecycle or test method) and
 * get the one instance of this test JVM, started on first use and stopped after the last test.
 *
 * <pre>{@code
 * @ExtendWith(RealInfrastructure.class)
 * class OutboxRelayIT {
 *     @Test
 *     void publishesCommittedRows(KafkaFixture kafka, PostgresFixture postgres) { ... }
 * }
 * }</pre>
 *
 * <p>Each part is an external server when one is named ({@link TestSettings}), else a Testcontainers container when
 * a Docker engine answers, else the embedded part; {@code -Dorderflow.fixtures=embedded|containers|auto} (or
 * {@code ORDERFLOW_FIXTURES}) overrides the choice ({@link FixtureMode}). Only the parts a JVM's tests ask for are
 * started. The instances live in JUnit's root store, which closes
 * them (they are {@link AutoCloseable}) when the test plan ends, so nothing outlives the run.
 */
public final class RealInfrastructure implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealInfrastructure.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KafkaFixture.class || type == PostgresFixture.class || type == SchemaRegistryFixture.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == KafkaFixture.class) {
            return shared(context, KafkaFixture.class, () -> KafkaFixture.start(mode(context)));
        }
        if (type == PostgresFixture.class) {
            return shared(context, PostgresFixture.class, () -> PostgresFixture.start(mode(context)));
        }
        if (type == SchemaRegistryFixture.class) {
            return shared(context, SchemaRegistryFixture.class, () -> SchemaRegistryFixture.start(mode(context)));
        }
        throw new ParameterResolutionException("not a fixture: " + type);
    }

    /** Containers or embedded parts: decided once per test JVM (one Docker probe at most), the same for all parts. */
    private static FixtureMode mode(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(FixtureMode.class,
                k -> FixtureMode.fromSettings(), FixtureMode.class);
    }

    private static <T extends AutoCloseable> T shared(ExtensionContext context, Class<T> type, Supplier<T> starter) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        @SuppressWarnings("unchecked")
        StartOnce<T> once = store.getOrComputeIfAbsent(type, k -> new StartOnce<>(starter), StartOnce.class);
        return once.get();
    }
}
