package dev.orderflow.runtime.outbox;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a service writes its outgoing events into its database's log, for the outbox relay to publish.
 *
 * <ul>
 *   <li>{@link #TABLE}: a row of the {@code outbox} table, inserted and deleted in the same transaction (Debezium's
 *       outbox pattern). Every event is visible to SQL while its transaction runs, e.g. to a trigger.</li>
 *   <li>{@link #MESSAGE}: one transactional logical decoding message per transaction
 *       ({@code pg_logical_emit_message(true, 'orderflow.outbox', ...)}, PostgreSQL 14 or later) holding all its
 *       events. Decoded only if the transaction commits, in commit order, like a row; but it leaves no heap tuple,
 *       index entry or dead row behind for vacuum. Costs about 40 % of the table's database CPU per transaction
 *       (docs/outbox-relay.md).</li>
 * </ul>
 */
public enum OutboxMode {
    TABLE, MESSAGE;

    /** The setting's values, as configuration spells them. */
    public static List<String> names() {
        return Arrays.stream(values()).map(OutboxMode::configName).toList();
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a validated setting value ({@code table} or {@code message}, any case). */
    public static OutboxMode parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
