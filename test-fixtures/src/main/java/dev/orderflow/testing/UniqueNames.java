package dev.orderflow.testing;

import java.util.Locale;
import java.util.UUID;

/** Names that no other test in the same JVM (or an earlier run against the same server) uses. */
public final class UniqueNames {

    private UniqueNames() {
    }

    /** e.g. {@code orders-3f9a2c1b} for topics and group ids. */
    public static String of(String prefix) {
        return prefix + "-" + suffix();
    }

    /** e.g. {@code inventory_3f9a2c1b}: a lower-case SQL identifier for databases, slots and publications. */
    public static String identifier(String prefix) {
        return prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_" + suffix();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
